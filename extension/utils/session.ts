import { ext, type StorageArea } from './browser';
import { serverNow } from './server-time';

/** The two roles that use the extension; bureau staff use the worker's JSON API directly. */
export type ExtensionRole = 'agency' | 'seeker';

/**
 * Whose local data a record belongs to: `agency:<agencyId>` or `seeker:<profileId>`. Every local
 * record carries it, so signing out wipes exactly that account's data.
 */
export type AccountKey = `${ExtensionRole}:${string}`;

/** The signed-in account: its bearer token lives only in `storage.session` (cleared when the browser closes). */
export type Session = {
  role: ExtensionRole;
  accountId: string;
  account: AccountKey;
  token: string;
  expiresAt: string;
  /** A display name: the agency's name, or the jobseeker's public profile ID. */
  displayName: string;
};

const KEY = 'session';

/**
 * The account key of a role and account ID.
 *
 * @example
 * accountKey('agency', 'A7K3M9X2QAB'); // 'agency:A7K3M9X2QAB'
 */
export function accountKey(role: ExtensionRole, accountId: string): AccountKey {
  return `${role}:${accountId}`;
}

/**
 * The account ID a worker token carries (`a.<agencyId>.<secret>`, `s.<profileId>.<secret>`).
 *
 * @example
 * tokenAccountId('a.A7K3M9X2QAB.q3Xx…'); // 'A7K3M9X2QAB'
 */
export function tokenAccountId(token: string): string | null {
  const m = /^[asb]\.([0-9A-Za-z-]{2,40})\./.exec(token);
  return m?.[1] ?? null;
}

/**
 * The current session, or `null` when signed out or when the token has expired.
 *
 * @example
 * const session = await getSession();
 */
export async function getSession(area: StorageArea = ext.storage.session, now: Date = serverNow()): Promise<Session | null> {
  const stored = (await area.get(KEY))[KEY] as Session | undefined;
  if (!stored) return null;
  if (new Date(stored.expiresAt).getTime() <= now.getTime()) return null;
  return stored;
}

/**
 * Stores the session after sign-in.
 *
 * @example
 * await setSession({ role: 'agency', accountId, account: accountKey('agency', accountId), token, expiresAt, displayName });
 */
export async function setSession(session: Session, area: StorageArea = ext.storage.session): Promise<void> {
  await area.set({ [KEY]: session });
}

/** Forgets the session (the token), leaving other session-storage keys alone. */
export async function clearSession(area: StorageArea = ext.storage.session): Promise<void> {
  await area.remove(KEY);
}

/**
 * Calls `listener` whenever the session changes in any page of the extension.
 *
 * @example
 * const stop = onSessionChanged((s) => setSession(s));
 */
export function onSessionChanged(listener: (session: Session | null) => void, area: StorageArea = ext.storage.session): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>) => {
    if (KEY in changes) listener((changes[KEY]?.newValue as Session | undefined) ?? null);
  };
  area.onChanged.addListener(handler);
  return () => area.onChanged.removeListener(handler);
}
