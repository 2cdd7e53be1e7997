import { useState } from 'preact/hooks';
import { PasswordChangeSchema } from '../../shared/schemas/session';
import type { ApiContext } from '../utils/api';
import { changePassword } from '../utils/credentials';
import { t } from '../utils/i18n';
import { ApiProblem } from '../utils/problem';
import { ProblemAlert } from './ProblemAlert';

/**
 * Changing one's password (R-SEC-6): the current one, the new one twice. Other sessions end. When
 * `required` is set (after a compromise report), it explains why it must be done before going on.
 *
 * @example
 * <ChangePassword ctx={{ ...ctx, token }} required onDone={(token) => continueWith(token)} />
 */
export function ChangePassword({ ctx, required = false, onDone }: { ctx: ApiContext; required?: boolean; onDone: (token: string) => void | Promise<void> }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const parsed = PasswordChangeSchema.safeParse({ currentPassword: current, newPassword: next });
    const reason = !parsed.success ? t('passwordTooShort') : next !== again ? t('passwordMismatch') : null;
    setInvalid(reason);
    if (reason || !parsed.success) return;
    setBusy(true);
    setProblem(null);
    try {
      const r = await changePassword(ctx, parsed.data);
      setDone(true);
      await onDone(r.token);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };
  const input = (id: string, label: string, value: string, set: (v: string) => void, autocomplete: string) => (
    <>
      <label for={id}>{label}</label>
      <input id={id} type="password" autocomplete={autocomplete} required value={value} onInput={(e) => set((e.target as HTMLInputElement).value)} />
    </>
  );
  return (
    <form class="stack change-password" onSubmit={(e) => void submit(e)} aria-labelledby="change-password-heading">
      <h2 id="change-password-heading">{t('passwordChangeTitle')}</h2>
      {required && <p role="status" class="alert">{t('passwordChangeRequired')}</p>}
      {input('current-password', t('passwordCurrent'), current, setCurrent, 'current-password')}
      {input('new-password', t('passwordNew'), next, setNext, 'new-password')}
      {input('new-password-again', t('passwordNewAgain'), again, setAgain, 'new-password')}
      {invalid && <p role="alert" class="alert alert-problem">{invalid}</p>}
      {problem && <ProblemAlert problem={problem} />}
      {done && <p role="status">{t('passwordChanged')}</p>}
      <button type="submit" disabled={busy}>{t('passwordChangeSubmit')}</button>
    </form>
  );
}
