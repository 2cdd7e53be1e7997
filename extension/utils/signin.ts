import type { Activation, AgencySignIn, SeekerSignIn } from '../../shared/schemas/session';
import { activateSeeker, getAgencyAccount, signInAgency, signInSeeker, type ApiContext } from './api';
import { ext, type StorageArea } from './browser';
import { accountKey, setSession, tokenAccountId, type Session } from './session';

/**
 * Signs an agency in: the token, then its account (for the ID that keys its local data and the
 * name shown), stored in `storage.session`. Returns the session and the account.
 *
 * @example
 * const { session, agency } = await signInAsAgency({ baseUrl }, { email, password });
 */
export async function signInAsAgency(ctx: ApiContext, body: AgencySignIn, area: StorageArea = ext.storage.session) {
  const token = await signInAgency(ctx, body);
  // R-SEC-6: after a compromise report this session may only change the password first.
  if (token.passwordChangeRequired) throw new PasswordChangeRequired(token.token, token.expiresAt);
  return completeAgencySignIn(ctx, token, area);
}

/** The sign-in answered with a session that may only change the password (R-SEC-6). */
export class PasswordChangeRequired extends Error {
  constructor(
    readonly token: string,
    readonly expiresAt: string,
  ) {
    super('password_change_required');
  }
}

/**
 * Stores an agency session once its token may be used: reads the account, keeps the session.
 *
 * @example await completeAgencySignIn(ctx, { token, expiresAt });
 */
export async function completeAgencySignIn(
  ctx: ApiContext,
  token: { token: string; expiresAt: string },
  area: StorageArea = ext.storage.session,
) {
  const agency = await getAgencyAccount({ ...ctx, token: token.token });
  const session: Session = {
    role: 'agency',
    accountId: agency.id,
    account: accountKey('agency', agency.id),
    token: token.token,
    expiresAt: token.expiresAt,
    displayName: agency.name,
  };
  await setSession(session, area);
  return { session, agency };
}

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

/**
 * Signs a jobseeker in with the profile ID and passphrase.
 *
 * @example
 * await signInAsSeeker({ baseUrl }, { profileId: '13-7K3QM2XPA9', passphrase });
 */
export async function signInAsSeeker(ctx: ApiContext, body: SeekerSignIn, area: StorageArea = ext.storage.session): Promise<Session> {
  const token = await signInSeeker(ctx, body);
  // R-SEC-6: after a compromise report this session may only change the passphrase first.
  if (token.passwordChangeRequired) throw new PasswordChangeRequired(token.token, token.expiresAt);
  return completeSeekerSignIn(token, body.profileId, area);
}

/**
 * Stores a jobseeker session once its token may be used (after a required passphrase change too).
 *
 * @example await completeSeekerSignIn({ token, expiresAt }, '13-7K3QM2XPA9');
 */
export async function completeSeekerSignIn(
  token: { token: string; expiresAt: string },
  profileId: string,
  area: StorageArea = ext.storage.session,
): Promise<Session> {
  const session = seekerSession(token, profileId);
  await setSession(session, area);
  return session;
}

/**
 * First sign-in with the code from Hello Work, setting the passphrase.
 *
 * @example
 * await activateAsSeeker({ baseUrl }, { profileId, code: 'K7QM-2XPA-9RTD', passphrase });
 */
export async function activateAsSeeker(ctx: ApiContext, body: Activation, area: StorageArea = ext.storage.session): Promise<Session> {
  const result = await activateSeeker(ctx, body);
  const session = seekerSession(result, result.profileId);
  await setSession(session, area);
  return session;
}
