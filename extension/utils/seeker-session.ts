/**
 * The jobseeker's sign-in, activation and sign-out for the popup, over `seeker-api.ts`, so the
 * popup loads neither the full API client nor the agency's local database (R-SEC-1).
 */
import type { Activation, SeekerSignIn } from '../../shared/schemas/session';
import type { ApiContext } from './api';
import { ext, type StorageArea } from './browser';
import { activateSeeker, endCurrentSeekerSession, signInSeeker } from './seeker-api';
import { accountKey, clearSession, setSession, tokenAccountId, type Session } from './session';

function seekerSession(token: { token: string; expiresAt: string }, profileId: string): Session {
  const accountId = tokenAccountId(token.token) ?? profileId;
  return {
    role: 'seeker',
    accountId,
    account: accountKey('seeker', accountId),
    token: token.token,
    expiresAt: token.expiresAt,
    displayName: profileId,
  };
}

/** R-SEC-6: after a compromise report the session may only change the passphrase first. */
export class PassphraseChangeRequired extends Error {
  constructor(
    readonly token: string,
    readonly expiresAt: string,
  ) {
    super('password_change_required');
  }
}

/**
 * Signs a jobseeker in and stores the session; throws `PassphraseChangeRequired` when the worker
 * asks for a new passphrase first (R-SEC-6), as `utils/signin.ts` does for the full client.
 */
export async function signInAsSeeker(ctx: ApiContext, body: SeekerSignIn, area: StorageArea = ext.storage.session): Promise<Session> {
  const token = await signInSeeker(ctx, body);
  if (token.passwordChangeRequired) throw new PassphraseChangeRequired(token.token, token.expiresAt);
  return completeSeekerSignIn(token, body.profileId, area);
}

/** Stores a jobseeker session once its token may be used (after a required passphrase change too). */
export async function completeSeekerSignIn(
  token: { token: string; expiresAt: string },
  profileId: string,
  area: StorageArea = ext.storage.session,
): Promise<Session> {
  const session = seekerSession(token, profileId);
  await setSession(session, area);
  return session;
}

/** First sign-in with the activation code; stores the session. */
export async function activateAsSeeker(ctx: ApiContext, body: Activation, area: StorageArea = ext.storage.session): Promise<Session> {
  const result = await activateSeeker(ctx, body);
  const session = seekerSession(result, result.profileId);
  await setSession(session, area);
  return session;
}

/**
 * Signs the jobseeker out on this device: the session, the toolbar summary and badge (as
 * `utils/signout.ts` does; a jobseeker keeps no local database), then the worker's session.
 *
 * @example
 * await signOutSeeker(session, { baseUrl });
 */
export async function signOutSeeker(
  session: Session,
  options: { baseUrl: string; fetch?: typeof fetch; area?: StorageArea },
): Promise<void> {
  const area = options.area ?? ext.storage.session;
  await clearSession(area);
  // The key `utils/summary.ts` publishes under (imported there with the database, so not imported here).
  await area.remove('summary');
  await ext.action.setBadgeText({ text: '' });
  try {
    await endCurrentSeekerSession({ baseUrl: options.baseUrl, token: session.token, ...(options.fetch ? { fetch: options.fetch } : {}) });
  } catch {
    // Offline or already expired: the worker ends the session by itself (idle timeout).
  }
}
