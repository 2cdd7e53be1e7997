import { passwordParams, randomBase32, type PasswordParams } from '../../lib/crypto';
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
export async function createStaff(
  s: RegistryStore,
  input: { email: string; name: string; role: StaffRole; prefecture: PrefectureCode | null },
  passwordHash: string,
  createdBy: string,
  now: number,
): Promise<{ ok: true; staff: StaffRecord } | Refusal> {
  if (createdBy === 'bootstrap' && !(await needsBootstrap(s))) {
    return refuse('bootstrap_used', '最初の厚生労働省アカウントは作成済みです。そのアカウントでサインインして職員を追加してください。');
  }
  if (s.sql.exec('SELECT 1 FROM staff WHERE email = ?', input.email).toArray().length) {
    return refuse('email_taken', '別のメールアドレスを指定してください。');
  }
  const staff: StaffRecord = {
    id: `S${randomBase32(10)}`,
    email: input.email,
    name: input.name,
    role: input.role,
    prefecture: input.role === 'bureau' ? input.prefecture : null,
    createdAt: new Date(now).toISOString(),
  };
  s.sql.exec(
    'INSERT INTO staff (id, email, password_hash, name, role, prefecture, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    staff.id,
    staff.email,
    passwordHash,
    staff.name,
    staff.role,
    staff.prefecture,
    now,
    createdBy,
  );
  appendAudit(s, now, createdBy, 'staff.create', staff.id, null, { role: staff.role, prefecture: staff.prefecture });
  return { ok: true, staff };
}

/** A staff account's ID and hash parameters by email, for the worker to hash a candidate (R-SEC-5). */
export function staffPasswordParams(s: RegistryStore, email: string): { accountId: string; params: PasswordParams } | null {
  const row = s.sql.exec<{ id: string; password_hash: string }>('SELECT id, password_hash FROM staff WHERE email = ?', email).toArray()[0];
  const params = passwordParams(row?.password_hash ?? null);
  return row && params ? { accountId: row.id, params } : null;
}

/** Staff sign-in with a candidate hash made by the worker (R-SEC-5: no hashing in this shared object). */
export async function staffSignInWithHash(
  s: RegistryStore,
  sessions: SessionStore,
  staffId: string,
  candidate: string,
  now: number,
  label: string | null,
): Promise<{ ok: true; token: string; expiresAt: number } | Refusal> {
  const row = s.sql.exec<{ id: string; password_hash: string }>('SELECT id, password_hash FROM staff WHERE id = ?', staffId).toArray()[0];
  return sessions.signInWithHash(
    candidate,
    row?.password_hash ?? null,
    'staff',
    row?.id ?? null,
    now,
    label,
    'メールアドレスまたはパスワードが正しくありません。',
  );
}

/** Changes a staff member's password (R-SEC-6); every session but `keepSessionId` ends. */
export function changeStaffPassword(
  s: RegistryStore,
  sessions: SessionStore,
  staffId: string,
  candidate: string | null,
  newHash: string,
  keepSessionId: string | null,
  now: number,
): { ok: true; ended: number } | Refusal {
  const row = s.sql.exec<{ id: string; password_hash: string }>('SELECT id, password_hash FROM staff WHERE id = ?', staffId).toArray()[0];
  const r = sessions.checkForChange(candidate, row?.password_hash ?? null, row?.id ?? null);
  if (!r.ok) return r;
  s.sql.exec('UPDATE staff SET password_hash = ? WHERE id = ?', newHash, staffId);
  appendAudit(s, now, staffId, 'staff.password_change', staffId, null, {});
  return { ok: true, ended: sessions.endAllExcept(staffId, keepSessionId) };
}

/**
 * Disables a staff account (R-SEC-6, ministry): its password no longer matches anything and every
 * session ends at once. The row stays, so the audit log still names the person.
 */
export function disableStaff(
  s: RegistryStore,
  sessions: SessionStore,
  staffId: string,
  by: StaffRecord,
  now: number,
): { ok: true; ended: number } | Refusal {
  const row = s.sql.exec<{ id: string }>('SELECT id FROM staff WHERE id = ?', staffId).toArray()[0];
  if (!row)
    return refuse('staff_not_found', `職員（${staffId}）は登録されていません。`, undefined, { status: 404, title: '職員が見つかりません' });
  if (staffId === by.id)
    return refuse('cannot_disable_self', '別の厚生労働省の職員に依頼してください。', undefined, {
      status: 409,
      title: '自分のアカウントは停止できません',
    });
  s.sql.exec("UPDATE staff SET password_hash = 'disabled' WHERE id = ?", staffId);
  const ended = sessions.endAll(staffId);
  appendAudit(s, now, by.id, 'staff.disable', staffId, null, { sessionsEnded: ended });
  return { ok: true, ended };
}

/** Checks a staff token and the account's request rate. */
export async function staffAuthenticate(
  s: RegistryStore,
  sessions: SessionStore,
  limiters: Map<string, RateLimiter>,
  token: string,
  now: number,
  wallClock: number,
): Promise<StaffPrincipal | Refusal> {
  // Staff share this object, so each has a limiter of their own, keyed by the token's account ID.
  const staffId = token.split('.')[1] ?? '';
  let limiter = limiters.get(staffId);
  if (!limiter) {
    if (limiters.size > 10_000) limiters.clear(); // forged IDs must not grow memory without bound
    limiters.set(staffId, (limiter = new RateLimiter(2000, 200)));
  }
  const r = await sessions.check(token, now, limiter, wallClock);
  if (!r.ok) return r;
  const row = s.sql
    .exec<Omit<StaffRecord, 'createdAt'> & { created_at: number }>(
      'SELECT id, email, name, role, prefecture, created_at FROM staff WHERE id = ?',
      r.session.account_id,
    )
    .toArray()[0];
  if (!row) return refuse('unauthenticated', 'セッションが無効か期限切れです。もう一度サインインしてください。');
  const { created_at, ...rest } = row;
  return { ok: true, sessionId: r.session.id, staff: { ...rest, createdAt: new Date(created_at).toISOString() } };
}
