import { passwordParams, type PasswordParams } from '../../lib/crypto';
import { refuse, type Refusal } from '../../lib/problem';
import type { RateLimiter, SessionStore } from '../../lib/sessions';
import { initLiaison, liveSeat, seatByEmail, type SeatRow } from './seats';
import { agencyRecord, saveRecord, type AgencyStore } from './store';
import type { AgencyPrincipal, AgencyRecord } from './types';

const WRONG = 'アカウントID（メールアドレス）またはパスワードが正しくありません。';

/**
 * Creates the agency when the bureau admits it (or replaces its record on later decisions). With
 * a password, the account that registered becomes the liaison officer's seat (R-ORG-2).
 *
 * @example init(s, record, passwordHash, '連絡 太郎', now);
 */
export function init(
  s: AgencyStore,
  record: AgencyRecord,
  passwordHash: string | null,
  liaisonName: string | null,
  now: number,
): { ok: true } {
  s.tx(() => {
    saveRecord(s, record);
    if (passwordHash) initLiaison(s, record.id, record.email, liaisonName, passwordHash, now);
  });
  return { ok: true };
}

/** The live seat a sign-in or a reset names (by its email), or the seat of a session (by its ID). */
export type SeatSelector = { email: string } | { id: string };

function seatOf(s: AgencyStore, who: SeatSelector): SeatRow | null {
  if (!agencyRecord(s)) return null;
  return 'email' in who ? seatByEmail(s, who.email.trim().toLowerCase()) : liveSeat(s, who.id);
}

/** The salt and iterations of one seat's password hash, for the worker to hash a candidate (R-SEC-5, R-ORG-2). */
export function passwordParamsOf(s: AgencyStore, who: SeatSelector): PasswordParams | null {
  return passwordParams(seatOf(s, who)?.password_hash ?? null);
}

/**
 * Signs one seat in with a candidate hash made by the worker (R-SEC-2, R-SEC-5: no hashing in the
 * object; R-ORG-2: the email names the seat). The token names the organisation's object; the
 * session belongs to the seat, so removing the seat ends it.
 */
export async function signInWithHash(
  s: AgencyStore,
  sessions: SessionStore,
  email: string,
  candidate: string,
  now: number,
  label: string | null,
): Promise<{ ok: true; token: string; expiresAt: number } | Refusal> {
  const seat = seatOf(s, { email });
  return sessions.signInWithHash(
    candidate,
    seat?.password_hash ?? null,
    'agency',
    agencyRecord(s)?.id ?? null,
    now,
    label,
    WRONG,
    seat?.id ?? null,
  );
}

/**
 * Changes one seat's password (R-SEC-6, R-ORG-2): `candidate` is the worker's hash of the old one,
 * or null after a reset code the worker checked; the new hash replaces it and every session of
 * that seat but `keepSessionId` ends. Other seats keep theirs.
 */
export function changePassword(
  s: AgencyStore,
  sessions: SessionStore,
  who: SeatSelector,
  candidate: string | null,
  newHash: string,
  keepSessionId: string | null,
): { ok: true; ended: number } | Refusal {
  const seat = seatOf(s, who);
  const r = sessions.checkForChange(candidate, seat?.password_hash ?? null, seat?.id ?? null);
  if (!r.ok) return r;
  s.sql.exec('UPDATE seats SET password_hash = ? WHERE id = ?', newHash, seat!.id);
  return { ok: true, ended: sessions.endAllExcept(seat!.id, keepSessionId) };
}

/**
 * Checks a bearer token and the organisation's request rate (R-SEC-2, R-OPS-2); the principal
 * names the seat that signed in (R-ORG-2). A removed seat's sessions are gone, so its token fails.
 *
 * @example await authenticate(s, sessions, limiter, token, now, Date.now());
 */
export async function authenticate(
  s: AgencyStore,
  sessions: SessionStore,
  limiter: RateLimiter,
  token: string,
  now: number,
  wallClock: number,
): Promise<AgencyPrincipal | Refusal> {
  const record = agencyRecord(s);
  if (!record) return refuse('unauthenticated', 'セッションが無効か期限切れです。もう一度サインインしてください。');
  const r = await sessions.check(token, now, limiter, wallClock);
  if (!r.ok && r.code === 'unauthenticated' && (record.status === 'revoked' || record.status === 'withdrawn')) {
    // Revocation ended every session; the extension still learns it must delete everything (R-RET-3).
    // That an agency was revoked or withdrew is public (R-DIR-2), so saying so to any token leaks nothing.
    return refuse(
      `agency_${record.status}` as const,
      '求職情報提供サービスの利用は終了しています。この端末に保存された求職者の情報はすべて削除してください（利用規約§7(2)①オ）。',
    );
  }
  if (!r.ok) return r;
  const seat = liveSeat(s, r.session.account_id);
  if (!seat) return refuse('unauthenticated', 'セッションが無効か期限切れです。もう一度サインインしてください。');
  return { ok: true, sessionId: r.session.id, agency: record, seat: { id: seat.id, name: seat.name, email: seat.email, role: seat.role } };
}
