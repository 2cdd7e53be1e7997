import { useState } from 'preact/hooks';
import { AgencySignInSchema } from '../../shared/schemas/session';
import type { ApiContext } from '../utils/api';
import { setMeta, db } from '../utils/db';
import { t } from '../utils/i18n';
import { ApiProblem } from '../utils/problem';
import { completeAgencySignIn, PasswordChangeRequired, signInAsAgency } from '../utils/signin';
import { ChangePassword } from './ChangePassword';
import { PasswordReset } from './PasswordReset';
import { ProblemAlert } from './ProblemAlert';

/**
 * Agency sign-in with the account ID (an email address) and password. The token is kept only in
 * `storage.session` (R-SEC-1: accounts are personal; nothing is remembered across browser
 * restarts).
 *
 * @example
 * <AgencySignIn ctx={ctx} />
 */
export function AgencySignIn({ ctx }: { ctx: ApiContext }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [mustChange, setMustChange] = useState<PasswordChangeRequired | null>(null);
  const [resetting, setResetting] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const parsed = AgencySignInSchema.safeParse({ email, password });
    setInvalid(!parsed.success);
    if (!parsed.success) return;
    setBusy(true);
    setProblem(null);
    try {
      const { session, agency } = await signInAsAgency(ctx, parsed.data);
      await setMeta(db, session.account, 'agency', agency);
    } catch (error) {
      if (error instanceof PasswordChangeRequired) {
        setMustChange(error);
        return;
      }
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };
  if (mustChange) {
    // R-SEC-6: the password must be changed before anything else; then the session continues.
    return (
      <ChangePassword
        ctx={{ ...ctx, token: mustChange.token }}
        required
        onDone={async (token) => {
          const { session, agency } = await completeAgencySignIn(ctx, { token, expiresAt: mustChange.expiresAt });
          await setMeta(db, session.account, 'agency', agency);
        }}
      />
    );
  }
  if (resetting) return <PasswordReset ctx={ctx} onBack={() => setResetting(false)} />;
  return (
    <form class="stack sign-in" onSubmit={(e) => void submit(e)} aria-labelledby="signin-heading">
      <h2 id="signin-heading">{t('signInAgencyTitle')}</h2>
      <label for="agency-email">{t('signInEmail')}</label>
      <input
        id="agency-email"
        type="email"
        autocomplete="username"
        required
        value={email}
        onInput={(e) => setEmail((e.target as HTMLInputElement).value)}
      />
      <label for="agency-password">{t('signInPassword')}</label>
      <input
        id="agency-password"
        type="password"
        autocomplete="current-password"
        required
        value={password}
        onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
      />
      {invalid && (
        <p role="alert" class="alert alert-problem">
          {t('signInInvalid')}
        </p>
      )}
      {problem && <ProblemAlert problem={problem} />}
      <button type="submit" disabled={busy}>
        {t('signInSubmit')}
      </button>
      <p class="hint">{t('signInPersonal')}</p>
      <button type="button" class="link" onClick={() => setResetting(true)}>
        {t('passwordResetLink')}
      </button>
    </form>
  );
}
