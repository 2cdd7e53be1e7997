import { useState } from 'preact/hooks';
import type { ApiContext } from '../../utils/api';
import { t } from '../../utils/i18n';
import { ApiProblem } from '../../utils/problem';
import { parseActivation, parseSeekerSignIn } from '../../utils/seeker-forms';
import { activateAsSeeker, completeSeekerSignIn, PassphraseChangeRequired, signInAsSeeker } from '../../utils/seeker-session';
import { PassphraseChange } from './PassphraseChange';
import { ProblemAlert } from '../ProblemAlert';

/**
 * The jobseeker's way in: the first time with the code handed out at Hello Work (choosing a
 * passphrase), afterwards with the profile ID and that passphrase. Plain words, one field per
 * line, every field labelled.
 *
 * @example
 * <SeekerSignIn ctx={ctx} />
 */
export function SeekerSignIn({ ctx }: { ctx: ApiContext }) {
  const [mode, setMode] = useState<'sign-in' | 'activate'>('sign-in');
  const [profileId, setProfileId] = useState('');
  const [code, setCode] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [mustChange, setMustChange] = useState<{ token: string; expiresAt: string; profileId: string } | null>(null);
  const value = (e: Event) => (e.target as HTMLInputElement).value;

  const submit = async (e: Event) => {
    e.preventDefault();
    setProblem(null);
    const id = profileId.trim().toUpperCase();
    if (mode === 'activate') {
      if (passphrase !== again) return setInvalid(t('seekerPassphraseMismatch'));
      const parsed = parseActivation({ profileId: id, code, passphrase });
      if (!parsed.success) return setInvalid(parsed.messages.join(' '));
      setInvalid(null);
      setBusy(true);
      try {
        await activateAsSeeker(ctx, parsed.data);
      } catch (error) {
        if (!(error instanceof ApiProblem)) throw error;
        setProblem(error);
      } finally {
        setBusy(false);
      }
      return;
    }
    const parsed = parseSeekerSignIn({ profileId: id, passphrase });
    if (!parsed.success) return setInvalid(t('seekerSignInInvalid'));
    setInvalid(null);
    setBusy(true);
    try {
      await signInAsSeeker(ctx, parsed.data);
    } catch (error) {
      if (error instanceof PassphraseChangeRequired) {
        setMustChange({ token: error.token, expiresAt: error.expiresAt, profileId: parsed.data.profileId });
        return;
      }
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  if (mustChange) {
    // R-SEC-6: the passphrase must be changed before anything else; then the session continues.
    return (
      <PassphraseChange
        ctx={{ ...ctx, token: mustChange.token }}
        onDone={async (token) => void (await completeSeekerSignIn({ token, expiresAt: mustChange.expiresAt }, mustChange.profileId))}
      />
    );
  }
  return (
    <section aria-labelledby="seeker-signin-heading">
      <h2 id="seeker-signin-heading">{mode === 'activate' ? t('seekerActivateTitle') : t('seekerSignInTitle')}</h2>
      <form class="stack" onSubmit={(e) => void submit(e)}>
        <label for="seeker-profile-id">{t('seekerProfileId')}</label>
        <input
          id="seeker-profile-id"
          autocomplete="username"
          required
          placeholder="13-XXXXXXXXXX"
          value={profileId}
          onInput={(e) => setProfileId(value(e))}
          aria-describedby="seeker-profile-id-hint"
        />
        <p id="seeker-profile-id-hint" class="hint">
          {t('seekerProfileIdHint')}
        </p>
        {mode === 'activate' && (
          <>
            <label for="seeker-code">{t('seekerCode')}</label>
            <input
              id="seeker-code"
              required
              autocomplete="one-time-code"
              placeholder="XXXX-XXXX-XXXX"
              value={code}
              onInput={(e) => setCode(value(e))}
            />
          </>
        )}
        <label for="seeker-passphrase">{mode === 'activate' ? t('seekerNewPassphrase') : t('seekerPassphrase')}</label>
        <input
          id="seeker-passphrase"
          type="password"
          required
          autocomplete={mode === 'activate' ? 'new-password' : 'current-password'}
          value={passphrase}
          onInput={(e) => setPassphrase(value(e))}
          aria-describedby={mode === 'activate' ? 'seeker-passphrase-hint' : undefined}
        />
        {mode === 'activate' && (
          <>
            <p id="seeker-passphrase-hint" class="hint">
              {t('seekerPassphraseHint')}
            </p>
            <label for="seeker-passphrase-again">{t('seekerPassphraseAgain')}</label>
            <input
              id="seeker-passphrase-again"
              type="password"
              required
              autocomplete="new-password"
              value={again}
              onInput={(e) => setAgain(value(e))}
            />
          </>
        )}
        {invalid && (
          <p role="alert" class="alert alert-problem">
            {invalid}
          </p>
        )}
        {problem && <ProblemAlert problem={problem} reader="seeker" />}
        <button type="submit" class="primary" disabled={busy}>
          {mode === 'activate' ? t('seekerActivateSubmit') : t('seekerSignInSubmit')}
        </button>
      </form>
      <button type="button" class="link" onClick={() => setMode(mode === 'activate' ? 'sign-in' : 'activate')}>
        {mode === 'activate' ? t('seekerHaveAccount') : t('seekerFirstTime')}
      </button>
    </section>
  );
}
