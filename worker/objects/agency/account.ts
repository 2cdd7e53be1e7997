import { DUMMY_PASSWORD_HASH, verifyPassword } from '../../lib/crypto';
import { refuse, type Refusal } from '../../lib/problem';
import type { RateLimiter, SessionStore } from '../../lib/sessions';
import { initLiaison, liveSeat, seatByEmail } from './seats';
import { agencyRecord, saveRecord, type AgencyStore } from './store';
import type { AgencyPrincipal, AgencyRecord } from './types';

const WRONG = 'アカウントID（メールアドレス）またはパスワードが正しくありません。';

/**
 * Creates the agency when the bureau admits it (or replaces its record on later decisions). With
 * a password, the account that registered becomes the liaison officer's seat (R-ORG-2).
 *
 * @example init(s, record, passwordHash, '連絡 太郎', now);
 */
export function init(s: AgencyStore, record: AgencyRecord, passwordHash: string | null, liaisonName: string | null, now: number): { ok: true } {
  s.tx(() => {
    saveRecord(s, record);
    if (passwordHash) initLiaison(s, record.id, record.email, liaisonName, passwordHash, now);
  });
  return { ok: true };
}

/**
 * Signs in one seat with its own email and password (R-SEC-2, R-ORG-2); the token is returned
 * once. Its session belongs to that seat, so removing the seat ends it.
 */
export async function signIn(s: AgencyStore, sessions: SessionStore, email: string, password: string, now: number, label: string | null): Promise<{ ok: true; token: string; expiresAt: number } | Refusal> {
  const record = agencyRecord(s);
  const seat = record ? seatByEmail(s, email.trim().toLowerCase()) : null;
  const ok = await verifyPassword(password, seat?.password_hash ?? DUMMY_PASSWORD_HASH);
  if (!ok || !seat || !record) return refuse(401, 'invalid_credentials', 'サインインできませんでした', WRONG);
  // The token names the organisation (its object); the session belongs to the seat.
  const opened = await sessions.open('agency', record.id, now, label, seat.id);
  return { ok: true, token: opened.token, expiresAt: opened.expiresAt };
}

/**
 * Checks a bearer token and the organisation's request rate (R-SEC-2, R-OPS-2); the principal
 * names the seat that signed in (R-ORG-2). A removed seat's sessions are gone, so its token fails.
 *
 * @example await authenticate(s, sessions, limiter, token, now, Date.now());
 */
export async function authenticate(s: AgencyStore, sessions: SessionStore, limiter: RateLimiter, token: string, now: number, wallClock: number): Promise<AgencyPrincipal | Refusal> {
  const record = agencyRecord(s);
  if (!record) return refuse(401, 'unauthenticated', 'サインインが必要です', 'セッションが無効か期限切れです。もう一度サインインしてください。');
  const r = await sessions.check(token, now, limiter, wallClock);
  if (!r.ok && r.code === 'unauthenticated' && (record.status === 'revoked' || record.status === 'withdrawn')) {
    // Revocation ended every session; the extension still learns it must delete everything (R-RET-3).
    // That an agency was revoked or withdrew is public (R-DIR-2), so saying so to any token leaks nothing.
    return refuse(403, `agency_${record.status}`, record.status === 'revoked' ? '利用解除されました' : '退会済みです',
      '求職者情報提供サービスの利用は終了しています。この端末に保存された求職者の情報はすべて削除してください（利用規約§7(2)①オ）。');
  }
  if (!r.ok) return r;
  const seat = liveSeat(s, r.session.account_id);
  if (!seat) return refuse(401, 'unauthenticated', 'サインインが必要です', 'セッションが無効か期限切れです。もう一度サインインしてください。');
  return { ok: true, sessionId: r.session.id, agency: record, seat: { id: seat.id, name: seat.name, role: seat.role } };
}
