import { endCurrentSession, type ApiContext } from './api';
import { ext, type StorageArea } from './browser';
import { clearSession, type AccountKey, type Session } from './session';
import { clearSummary } from './summary';

/**
 * Signs out on this device: wipes the account's local data first (privacy does not wait for the
 * network; the dashboard hands in `wipeAccountData`, the popup has no local data for a jobseeker),
 * forgets the token and the toolbar summary, then ends the session at the worker if it can still
 * be reached.
 *
 * @example
 * await signOut(session, { baseUrl, wipe: wipeAccountData });
 */
export async function signOut(
  session: Session,
  options: { baseUrl: string; fetch?: typeof fetch; area?: StorageArea; wipe?: (account: AccountKey) => Promise<unknown> },
): Promise<void> {
  const area = options.area ?? ext.storage.session;
  if (options.wipe) await options.wipe(session.account);
  await clearSession(area);
  await clearSummary(area);
  const ctx: ApiContext = { baseUrl: options.baseUrl, token: session.token, ...(options.fetch ? { fetch: options.fetch } : {}) };
  try {
    await endCurrentSession(ctx);
  } catch {
    // Offline or already expired: the worker ends the session by itself (idle timeout).
  }
}
