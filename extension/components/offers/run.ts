import { useState } from 'preact/hooks';
import { ApiProblem } from '../../utils/problem';

/**
 * A call to the worker with its busy flag and the last problem, for the 求人 tab's forms.
 *
 * @example const { busy, problem, run } = useCall(onProblem); await run(() => makeQuote(ctx, n, body));
 */
export function useCall(onProblem?: (p: ApiProblem) => void) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const run = async <T>(call: () => Promise<T>): Promise<T | null> => {
    setBusy(true);
    setProblem(null);
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error);
      onProblem?.(error);
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, run };
}

/** Today's JST date, `YYYY-MM-DD`. */
export function todayJst(now = new Date()): string {
  return new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}
