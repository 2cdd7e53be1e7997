import { useState } from 'preact/hooks';
import { PasswordResetSchema } from '../../shared/schemas/session';
import type { ApiContext } from '../utils/api';
import { resetAgencyPassword } from '../utils/credentials';
import { t } from '../utils/i18n';
import { ApiProblem } from '../utils/problem';
import { ProblemAlert } from './ProblemAlert';

/**
 * Setting a new agency password with the one-time code the bureau issued (R-SEC-6). Every session
 * of the account ends; the user then signs in with the new password.
 *
 * @example
 * <PasswordReset ctx={ctx} onBack={() => setMode('sign-in')} />
 */
export function PasswordReset({ ctx, onBack }: { ctx: ApiContext; onBack: () => void }) {
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const parsed = PasswordResetSchema.safeParse({ email, code: code.trim(), newPassword: next });
    const reason = !parsed.success ? t('passwordResetInvalid') : next !== again ? t('passwordMismatch') : null;
    setInvalid(reason);
    if (reason || !parsed.success) return;
    setBusy(true);
    setProblem(null);
    try {
      await resetAgencyPassword(ctx, parsed.data);
      setDone(true);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };
  if (done) {
    return (
      <div class="stack">
        <p role="status">{t('passwordResetDone')}</p>
        <button type="button" onClick={onBack}>
          {t('passwordResetBack')}
        </button>
      </div>
    );
  }
  return (
    <form class="stack password-reset" onSubmit={(e) => void submit(e)} aria-labelledby="password-reset-heading">
      <h2 id="password-reset-heading">{t('passwordResetTitle')}</h2>
      <p class="hint">{t('passwordResetHint')}</p>
      <label for="reset-email">{t('signInEmail')}</label>
      <input
        id="reset-email"
        type="email"
        autocomplete="username"
        required
        value={email}
        onInput={(e) => setEmail((e.target as HTMLInputElement).value)}
      />
      <label for="reset-code">{t('passwordResetCode')}</label>
      <input
        id="reset-code"
        type="text"
        autocomplete="one-time-code"
        required
        value={code}
        onInput={(e) => setCode((e.target as HTMLInputElement).value)}
      />
      <label for="reset-new">{t('passwordNew')}</label>
      <input
        id="reset-new"
        type="password"
        autocomplete="new-password"
        required
        value={next}
        onInput={(e) => setNext((e.target as HTMLInputElement).value)}
      />
      <label for="reset-again">{t('passwordNewAgain')}</label>
      <input
        id="reset-again"
        type="password"
        autocomplete="new-password"
        required
        value={again}
        onInput={(e) => setAgain((e.target as HTMLInputElement).value)}
      />
      {invalid && (
        <p role="alert" class="alert alert-problem">
          {invalid}
        </p>
      )}
      {problem && <ProblemAlert problem={problem} />}
      <button type="submit" disabled={busy}>
        {t('passwordResetSubmit')}
      </button>
      <button type="button" class="link" onClick={onBack}>
        {t('passwordResetBack')}
      </button>
    </form>
  );
}
