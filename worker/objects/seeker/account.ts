import { passwordParams, type PasswordParams } from '../../lib/crypto';
import { refuse, type Refusal } from '../../lib/problem';
import type { RateLimiter, SessionStore } from '../../lib/sessions';
import { seekerRecord, type SeekerStore } from './store';
import type { SeekerPrincipal, SeekerRecord } from './types';

/**
 * Activates the account with a passphrase, once (the code was checked by the profile's shard).
 *
 * @example await activate(s, sessions, '13-7K3QM2XPA9', hash, now);
 */
export async function activate(
  s: SeekerStore,
  sessions: SessionStore,
  profileId: string,
  passphraseHash: string,
  now: number,
): Promise<{ ok: true; token: string; expiresAt: number } | Refusal> {
  if (seekerRecord(s)) {
    // A re-issued code (R-SEC-6), checked by the shard: a new passphrase, and every old session ends.
    s.sql.exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('passphrase', ?)", passphraseHash);
    sessions.endAll(profileId);
    const session = await sessions.open('seeker', profileId, now, null);
    return { ok: true, token: session.token, expiresAt: session.expiresAt };
  }
  const record: SeekerRecord = { profileId, activatedAt: new Date(now).toISOString(), inFeed: true };
  s.sql.exec("INSERT INTO meta (key, value) VALUES ('record', ?), ('passphrase', ?)", JSON.stringify(record), passphraseHash);
  const session = await sessions.open('seeker', profileId, now, null);
  return { ok: true, token: session.token, expiresAt: session.expiresAt };
}

/** The salt and iterations of the passphrase hash, for the worker to hash a candidate (R-SEC-5). */
export function passphraseParams(s: SeekerStore): PasswordParams | null {
  if (!seekerRecord(s)) return null;
  return passwordParams(s.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'passphrase'").toArray()[0]?.value ?? null);
}

/** Signs in with a candidate hash made by the worker (R-SEC-2, R-SEC-5: no hashing in the object). */
export async function signInWithHash(
  s: SeekerStore,
  sessions: SessionStore,
  candidate: string,
  now: number,
  label: string | null,
): Promise<{ ok: true; token: string; expiresAt: number } | Refusal> {
  const hash = s.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'passphrase'").toArray()[0]?.value ?? null;
  return sessions.signInWithHash(
    candidate,
    hash,
    'seeker',
    seekerRecord(s)?.profileId ?? null,
    now,
    label,
    '求職者IDまたはパスフレーズが正しくありません。',
  );
}

/** Checks a bearer token and the request rate (R-SEC-2, R-OPS-2). */
export async function authenticate(
  s: SeekerStore,
  sessions: SessionStore,
  limiter: RateLimiter,
  token: string,
  now: number,
  wallClock: number,
): Promise<SeekerPrincipal | Refusal> {
  const record = seekerRecord(s);
  if (!record) return refuse('unauthenticated', 'セッションが無効か期限切れです。もう一度サインインしてください。');
  const r = await sessions.check(token, now, limiter, wallClock);
  return r.ok ? { ok: true, sessionId: r.session.id, seeker: record } : r;
}

/** Marks that the jobseeker left the feed (their conversations stay readable). */
export function leaveFeed(s: SeekerStore): void {
  const record = seekerRecord(s);
  if (record) s.sql.exec("UPDATE meta SET value = ? WHERE key = 'record'", JSON.stringify({ ...record, inFeed: false }));
}

/**
 * Changes the passphrase (R-SEC-6): `candidate` is the worker's hash of the old one; the new hash
 * replaces it and every session but `keepSessionId` ends.
 */
export function changePassphrase(
  s: SeekerStore,
  sessions: SessionStore,
  candidate: string | null,
  newHash: string,
  keepSessionId: string | null,
): { ok: true; ended: number } | Refusal {
  const stored = s.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'passphrase'").toArray()[0]?.value ?? null;
  const id = seekerRecord(s)?.profileId ?? null;
  const r = sessions.checkForChange(candidate, stored, id);
  if (!r.ok) return r;
  s.sql.exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('passphrase', ?)", newHash);
  return { ok: true, ended: sessions.endAllExcept(id!, keepSessionId) };
}
