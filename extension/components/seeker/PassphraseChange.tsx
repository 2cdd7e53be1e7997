import { useState } from 'preact/hooks';
import type { ApiContext } from '../../utils/api';
import { t } from '../../utils/i18n';
import { ApiProblem } from '../../utils/problem';
import { changeSeekerPassphrase } from '../../utils/seeker-api';
import { ProblemAlert } from '../ProblemAlert';

/**
 * The jobseeker's required passphrase change after a compromise report (R-SEC-6): the same screen
 * as `ChangePassword` with `words="passphrase"` (same texts, labels and checks), over the popup's
 * light API client, so the jobseeker's popup does not load zod and the full client (its 50 KB
 * budget). Other sessions end; the restricted session's token comes back unrestricted.
 *
 * @example
 * <PassphraseChange ctx={{ ...ctx, token }} onDone={(token) => continueWith(token)} />
 */
export function PassphraseChange({ ctx, onDone }: { ctx: ApiContext; onDone: (token: string) => void | Promise<void> }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    // PasswordChangeSchema: the current one 1–128 characters, the new one 12–128.
    const valid = current.length >= 1 && current.length <= 128 && next.length >= 12 && next.length <= 128;
    const reason = !valid ? t('seekerPassphraseTooShort') : next !== again ? t('seekerPassphraseMismatch') : null;
    setInvalid(reason);
    if (reason) return;
    setBusy(true);
    setProblem(null);
    try {
      const r = await changeSeekerPassphrase(ctx, { currentPassword: current, newPassword: next });
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
      <input
        id={id}
        type="password"
        autocomplete={autocomplete}
        required
        value={value}
        onInput={(e) => set((e.target as HTMLInputElement).value)}
      />
    </>
  );
  return (
    <form class="stack change-password" onSubmit={(e) => void submit(e)} aria-labelledby="change-password-heading">
      <h2 id="change-password-heading">{t('seekerPassphraseChangeTitle')}</h2>
      <p role="status" class="alert">
        {t('seekerPassphraseChangeRequired')}
      </p>
      {input('current-password', t('seekerPassphraseCurrent'), current, setCurrent, 'current-password')}
      {input('new-password', t('seekerNewPassphrase'), next, setNext, 'new-password')}
      {input('new-password-again', t('seekerPassphraseAgain'), again, setAgain, 'new-password')}
      {invalid && (
        <p role="alert" class="alert alert-problem">
          {invalid}
        </p>
      )}
      {problem && <ProblemAlert problem={problem} />}
      {done && <p role="status">{t('seekerPassphraseChanged')}</p>}
      <button type="submit" disabled={busy}>
        {t('passwordChangeSubmit')}
      </button>
    </form>
  );
}
