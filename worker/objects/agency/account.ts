import { passwordParams, type PasswordParams } from '../../lib/crypto';
import { refuse, type Refusal } from '../../lib/problem';
import type { RateLimiter, SessionStore } from '../../lib/sessions';
import { agencyRecord, saveRecord, type AgencyStore } from './store';
import type { AgencyPrincipal, AgencyRecord } from './types';

/**
 * Creates the agency when the bureau admits it (or replaces its record on later decisions).
 *
 * @example init(s, record, passwordHash);
 */
export function init(s: AgencyStore, record: AgencyRecord, passwordHash: string | null): { ok: true } {
  saveRecord(s, record);
  if (passwordHash) s.sql.exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('password', ?)", passwordHash);
  return { ok: true };
}

function storedPassword(s: AgencyStore): string | null {
  return s.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'password'").toArray()[0]?.value ?? null;
}

/** The salt and iterations of the password hash, for the worker to hash a candidate (R-SEC-5). */
export function passwordParamsOf(s: AgencyStore): PasswordParams | null {
  return agencyRecord(s) ? passwordParams(storedPassword(s)) : null;
}

/** Signs in with a candidate hash made by the worker (R-SEC-2, R-SEC-5: no hashing in the object); the token is returned once. */
export async function signInWithHash(s: AgencyStore, sessions: SessionStore, candidate: string, now: number, label: string | null): Promise<{ ok: true; token: string; expiresAt: number } | Refusal> {
  return sessions.signInWithHash(candidate, storedPassword(s), 'agency', agencyRecord(s)?.id ?? null, now, label, 'アカウントID（メールアドレス）またはパスワードが正しくありません。');
}

/**
 * Changes the password (R-SEC-6): `candidate` is the worker's hash of the old one, or null after a
 * reset code the worker checked; the new hash replaces it and every session but `keepSessionId` ends.
 */
export function changePassword(s: AgencyStore, sessions: SessionStore, candidate: string | null, newHash: string, keepSessionId: string | null): { ok: true; ended: number } | Refusal {
  const id = agencyRecord(s)?.id ?? null;
  const r = sessions.checkForChange(candidate, storedPassword(s), id);
  if (!r.ok) return r;
  s.sql.exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('password', ?)", newHash);
  return { ok: true, ended: sessions.endAllExcept(id!, keepSessionId) };
}

/**
 * Checks a bearer token and the account's request rate (R-SEC-2, R-OPS-2).
 *
 * @example await authenticate(s, sessions, limiter, token, now, Date.now());
 */
export async function authenticate(s: AgencyStore, sessions: SessionStore, limiter: RateLimiter, token: string, now: number, wallClock: number): Promise<AgencyPrincipal | Refusal> {
  const record = agencyRecord(s);
  if (!record) return refuse('unauthenticated', 'セッションが無効か期限切れです。もう一度サインインしてください。');
  const r = await sessions.check(token, now, limiter, wallClock);
  if (!r.ok && r.code === 'unauthenticated' && (record.status === 'revoked' || record.status === 'withdrawn')) {
    // Revocation ended every session; the extension still learns it must delete everything (R-RET-3).
    // That an agency was revoked or withdrew is public (R-DIR-2), so saying so to any token leaks nothing.
    return refuse(`agency_${record.status}` as const,
      '求職情報提供サービスの利用は終了しています。この端末に保存された求職者の情報はすべて削除してください（利用規約§7(2)①オ）。');
  }
  return r.ok ? { ok: true, sessionId: r.session.id, agency: record } : r;
}
