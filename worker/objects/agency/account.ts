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

/** Signs in with the password (R-SEC-2); the token is returned once. */
export async function signIn(s: AgencyStore, sessions: SessionStore, password: string, now: number, label: string | null): Promise<{ ok: true; token: string; expiresAt: number } | Refusal> {
  const hash = s.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'password'").toArray()[0]?.value ?? null;
  return sessions.signIn(password, hash, 'agency', agencyRecord(s)?.id ?? null, now, label, 'アカウントID（メールアドレス）またはパスワードが正しくありません。');
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
