import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t } from '../utils/i18n';
import { ApiProblem } from '../utils/problem';
import type { Reader } from '../utils/refusal';
import { ProblemAlert } from './ProblemAlert';

/**
 * A button that first says plainly what will happen and asks once more — one step to start, one
 * to confirm, nothing hidden. Focus moves to the explanation so screen readers read it; Escape or
 * "やめる" cancels.
 *
 * @example
 * <ConfirmAction label="ブロックする" title="…" explanation="…" confirmLabel="ブロックする" doneText="ブロックしました" onConfirm={() => blockAgency(ctx, id)} />
 */
export function ConfirmAction({
  label,
  title,
  explanation,
  confirmLabel,
  doneText,
  onConfirm,
  reader = 'seeker',
  danger = false,
}: {
  label: string;
  title: string;
  explanation: string[];
  confirmLabel: string;
  doneText: string;
  onConfirm: () => Promise<unknown>;
  reader?: Reader;
  danger?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  useEffect(() => {
    if (open) heading.current?.focus();
  }, [open]);
  if (done)
    return (
      <p role="status" class="done">
        {doneText}
      </p>
    );
  if (!open) {
    return (
      <button type="button" class={danger ? 'danger' : ''} onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  }
  const confirm = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await onConfirm();
      setDone(true);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="confirm" role="group" aria-labelledby={headingId} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <h3 id={headingId} tabIndex={-1} ref={heading}>
        {title}
      </h3>
      {explanation.map((line) => (
        <p key={line}>{line}</p>
      ))}
      {problem && <ProblemAlert problem={problem} reader={reader} />}
      <div class="actions">
        <button type="button" class={danger ? 'danger' : 'primary'} disabled={busy} onClick={() => void confirm()}>
          {confirmLabel}
        </button>{' '}
        <button type="button" onClick={() => setOpen(false)}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
