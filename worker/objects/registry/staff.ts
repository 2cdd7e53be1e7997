import { randomBase32 } from '../../lib/crypto';
import { refuse, type Refusal } from '../../lib/problem';
import { RateLimiter, type SessionStore } from '../../lib/sessions';
import type { PrefectureCode } from '../../../shared/data/prefectures';
import { appendAudit } from './audit';
import type { RegistryStore } from './store';
import type { StaffPrincipal, StaffRecord, StaffRole } from './types';

// Staff accounts and their sign-in (R-SEC-2).

/** True while no ministry account exists (the bootstrap secret may create the first). */
export async function needsBootstrap(s: RegistryStore): Promise<boolean> {
  return s.sql.exec("SELECT 1 FROM staff WHERE role = 'ministry' LIMIT 1").toArray().length === 0;
}

/**
 * Creates a staff account (R-SEC-2); `createdBy` is the ministry account, or 'bootstrap'.
 *
 * @example await registry.createStaff({ email, name, role: 'bureau', prefecture: '13' }, hash, 'S…', now);
 */
export async function createStaff(s: RegistryStore, input: { email: string; name: string; role: StaffRole; prefecture: PrefectureCode | null }, passwordHash: string, createdBy: string, now: number): Promise<{ ok: true; staff: StaffRecord } | Refusal> {
  if (createdBy === 'bootstrap' && !(await needsBootstrap(s, ))) {
    return refuse(409, 'bootstrap_used', '初期アカウントは作成済みです', '最初の厚生労働省アカウントは作成済みです。そのアカウントでサインインして職員を追加してください。');
  }
  if (s.sql.exec('SELECT 1 FROM staff WHERE email = ?', input.email).toArray().length) {
    return refuse(409, 'email_taken', 'このメールアドレスは使われています', '別のメールアドレスを指定してください。');
  }
  const staff: StaffRecord = { id: `S${randomBase32(10)}`, email: input.email, name: input.name, role: input.role, prefecture: input.role === 'bureau' ? input.prefecture : null, createdAt: new Date(now).toISOString() };
  s.sql.exec('INSERT INTO staff (id, email, password_hash, name, role, prefecture, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    staff.id, staff.email, passwordHash, staff.name, staff.role, staff.prefecture, now, createdBy);
  appendAudit(s, now, createdBy, 'staff.create', staff.id, null, { role: staff.role, prefecture: staff.prefecture });
  return { ok: true, staff };
}

/** Staff sign-in. */
export async function staffSignIn(s: RegistryStore, sessions: SessionStore, email: string, password: string, now: number, label: string | null): Promise<{ ok: true; token: string; expiresAt: number } | Refusal> {
  const row = s.sql.exec<{ id: string; password_hash: string }>('SELECT id, password_hash FROM staff WHERE email = ?', email).toArray()[0];
  return sessions.signIn(password, row?.password_hash ?? null, 'staff', row?.id ?? null, now, label, 'メールアドレスまたはパスワードが正しくありません。');
}

/** Checks a staff token and the account's request rate. */
export async function staffAuthenticate(s: RegistryStore, sessions: SessionStore, limiters: Map<string, RateLimiter>, token: string, now: number, wallClock: number): Promise<StaffPrincipal | Refusal> {
  // Staff share this object, so each has a limiter of their own, keyed by the token's account ID.
  const staffId = token.split('.')[1] ?? '';
  let limiter = limiters.get(staffId);
  if (!limiter) {
    if (limiters.size > 10_000) limiters.clear(); // forged IDs must not grow memory without bound
    limiters.set(staffId, (limiter = new RateLimiter(2000, 200)));
  }
  const r = await sessions.check(token, now, limiter, wallClock);
  if (!r.ok) return r;
  const row = s.sql.exec<Omit<StaffRecord, 'createdAt'> & { created_at: number }>('SELECT id, email, name, role, prefecture, created_at FROM staff WHERE id = ?', r.session.account_id).toArray()[0];
  if (!row) return refuse(401, 'unauthenticated', 'サインインが必要です', 'セッションが無効か期限切れです。もう一度サインインしてください。');
  const { created_at, ...rest } = row;
  return { ok: true, sessionId: r.session.id, staff: { ...rest, createdAt: new Date(created_at).toISOString() } };
}
