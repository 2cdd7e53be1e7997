import { useState } from 'preact/hooks';
import { PasswordChangeSchema } from '../../shared/schemas/session';
import type { ApiContext } from '../utils/api';
import { changePassword } from '../utils/credentials';
import { t, type MessageKey } from '../utils/i18n';
import { ApiProblem } from '../utils/problem';
import { ProblemAlert } from './ProblemAlert';

/** The words of the screen: an agency's or staff member's password, or a jobseeker's passphrase. */
const WORDS: Record<
  'password' | 'passphrase',
  Record<'title' | 'required' | 'current' | 'next' | 'again' | 'tooShort' | 'mismatch' | 'changed', MessageKey>
> = {
  password: {
    title: 'passwordChangeTitle',
    required: 'passwordChangeRequired',
    current: 'passwordCurrent',
    next: 'passwordNew',
    again: 'passwordNewAgain',
    tooShort: 'passwordTooShort',
    mismatch: 'passwordMismatch',
    changed: 'passwordChanged',
  },
  passphrase: {
    title: 'seekerPassphraseChangeTitle',
    required: 'seekerPassphraseChangeRequired',
    current: 'seekerPassphraseCurrent',
    next: 'seekerNewPassphrase',
    again: 'seekerPassphraseAgain',
    tooShort: 'seekerPassphraseTooShort',
    mismatch: 'seekerPassphraseMismatch',
    changed: 'seekerPassphraseChanged',
  },
};

/**
 * Changing one's password (R-SEC-6): the current one, the new one twice. Other sessions end. When
 * `required` is set (after a compromise report), it explains why it must be done before going on.
 * `words="passphrase"` speaks of the jobseeker's passphrase instead.
 *
 * @example
 * <ChangePassword ctx={{ ...ctx, token }} required onDone={(token) => continueWith(token)} />
 */
export function ChangePassword({
  ctx,
  required = false,
  words = 'password',
  onDone,
}: {
  ctx: ApiContext;
  required?: boolean;
  words?: 'password' | 'passphrase';
  onDone: (token: string) => void | Promise<void>;
}) {
  const w = WORDS[words];
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
    const reason = !parsed.success ? t(w.tooShort) : next !== again ? t(w.mismatch) : null;
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
      <h2 id="change-password-heading">{t(w.title)}</h2>
      {required && (
        <p role="status" class="alert">
          {t(w.required)}
        </p>
      )}
      {input('current-password', t(w.current), current, setCurrent, 'current-password')}
      {input('new-password', t(w.next), next, setNext, 'new-password')}
      {input('new-password-again', t(w.again), again, setAgain, 'new-password')}
      {invalid && (
        <p role="alert" class="alert alert-problem">
          {invalid}
        </p>
      )}
      {problem && <ProblemAlert problem={problem} />}
      {done && <p role="status">{t(w.changed)}</p>}
      <button type="submit" disabled={busy}>
        {t('passwordChangeSubmit')}
      </button>
    </form>
  );
}
