import { useEffect, useState } from 'preact/hooks';
import { ApiProblem } from '../../utils/problem';

/**
 * Reads from the worker when the view opens (the jobseeker's popup keeps nothing in the browser),
 * keeps the answer and any refusal, and offers `reload`. A refusal keeps the last answer shown.
 *
 * @example
 * const { data, problem, reload } = useLoad(() => listBlocks(ctx), []);
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const reload = async () => {
    setProblem(null);
    try {
      setData(await load());
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error);
    }
  };
  useEffect(() => {
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return { data, problem, reload };
}
