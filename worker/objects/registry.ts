import { DurableObject } from 'cloudflare:workers';
import { migrate } from '../lib/migrations';
import { applicationDeadline, emailReservedUntil, jstDate, placementQualifies, reapplyAllowedFrom, type Placement } from '../../shared/rules';
import { randomBase32, verifyPassword } from '../lib/crypto';
import { refuse, type Refusal } from '../lib/problem';
import { RateLimiter, SessionStore, type SessionRow } from '../lib/sessions';
import type { AgencyRecord } from './agency';
import type { MandatoryInformation } from '../../shared/schemas';
import type { PrefectureCode } from '../../shared/data/prefectures';

export type StaffRole = 'ministry' | 'bureau';
export type StaffRecord = { id: string; email: string; name: string; role: StaffRole; prefecture: PrefectureCode | null; createdAt: string };
export type StaffPrincipal = { ok: true; sessionId: string; staff: StaffRecord };

/** The parts of a registration the registry reasons about; the rest is kept as sent. */
export type RegistrationInput = {
  email: string;
  organisation: { name: string; address: string; prefecture: PrefectureCode };
  licence: { kind: 'paid' | 'free' | 'school' | 'special'; number: string };
  services: Array<'job_offer' | 'jobseeker'>;
  contactMethods: AgencyRecord['contactMethods'];
  mandatoryInformation?: MandatoryInformation;
  placements: Placement[];
  onOrder?: { suspensionOrder: boolean; improvementOrderUnremedied: boolean };
  [key: string]: unknown;
};

export type RegistrationSummary = {
  id: string; email: string; organisationName: string; prefecture: string; registeredOn: string; deadline: string;
  status: 'pending' | 'accepted' | 'rejected' | 'expired'; agencyId: string | null;
};

export type AuditEntry = { seq: number; at: string; actor: string; action: string; target: string; reason: string | null; details: Record<string, unknown> };

/**
 * The bureau's side, which is small and rarely written: staff and their sessions, the index from
 * an agency's account ID (email) to its object, registrations, the directory index, the audit log.
 * Never on the path of a search or a send.
 */
export class Registry extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private readonly sessions: SessionStore;
  private readonly limiters = new Map<string, RateLimiter>();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sessions = new SessionStore(this.sql);
    ctx.blockConcurrencyWhile(async () => this.migrate());
  }

  private migrate(): void {
    migrate(this.sql, [
      (sql) => {
      SessionStore.migrate(sql);
      sql.exec(`
        CREATE TABLE staff (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL, name TEXT NOT NULL,
          role TEXT NOT NULL, prefecture TEXT, created_at INTEGER NOT NULL, created_by TEXT NOT NULL);
        CREATE TABLE agencies (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL, prefecture TEXT NOT NULL,
          status TEXT NOT NULL, record TEXT NOT NULL, ended_on TEXT, revoked_on TEXT, updated_at INTEGER NOT NULL);
        CREATE TABLE registrations (id TEXT PRIMARY KEY, email TEXT NOT NULL, payload TEXT NOT NULL, password_hash TEXT NOT NULL,
          registered_on TEXT NOT NULL, deadline TEXT NOT NULL, status TEXT NOT NULL, agency_id TEXT, decided_at INTEGER);
        CREATE INDEX registrations_email ON registrations (email, status);
        CREATE TABLE audit (seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
          target TEXT NOT NULL, reason TEXT, details TEXT NOT NULL);
      `);
      },
    ]);
  }

  // ---- staff -------------------------------------------------------------------------------

  /** True while no ministry account exists (the bootstrap secret may create the first). */
  async needsBootstrap(): Promise<boolean> {
    return this.sql.exec("SELECT 1 FROM staff WHERE role = 'ministry' LIMIT 1").toArray().length === 0;
  }

  /**
   * Creates a staff account (R-SEC-2); `createdBy` is the ministry account, or 'bootstrap'.
   *
   * @example await registry.createStaff({ email, name, role: 'bureau', prefecture: '13' }, hash, 'S…', now);
   */
  async createStaff(input: { email: string; name: string; role: StaffRole; prefecture: PrefectureCode | null }, passwordHash: string, createdBy: string, now: number): Promise<{ ok: true; staff: StaffRecord } | Refusal> {
    if (createdBy === 'bootstrap' && !(await this.needsBootstrap())) {
      return refuse(409, 'bootstrap_used', '初期アカウントは作成済みです', '最初の厚生労働省アカウントは作成済みです。そのアカウントでサインインして職員を追加してください。');
    }
    if (this.sql.exec('SELECT 1 FROM staff WHERE email = ?', input.email).toArray().length) {
      return refuse(409, 'email_taken', 'このメールアドレスは使われています', '別のメールアドレスを指定してください。');
    }
    const staff: StaffRecord = { id: `S${randomBase32(10)}`, email: input.email, name: input.name, role: input.role, prefecture: input.role === 'bureau' ? input.prefecture : null, createdAt: new Date(now).toISOString() };
    this.sql.exec('INSERT INTO staff (id, email, password_hash, name, role, prefecture, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      staff.id, staff.email, passwordHash, staff.name, staff.role, staff.prefecture, now, createdBy);
    this.appendAudit(now, createdBy, 'staff.create', staff.id, null, { role: staff.role, prefecture: staff.prefecture });
    return { ok: true, staff };
  }

  /** Staff sign-in. */
  async staffSignIn(email: string, password: string, now: number, label: string | null): Promise<{ ok: true; token: string; expiresAt: number } | Refusal> {
    const row = this.sql.exec<{ id: string; password_hash: string }>('SELECT id, password_hash FROM staff WHERE email = ?', email).toArray()[0];
    const ok = row ? await verifyPassword(password, row.password_hash) : false;
    if (!row || !ok) return refuse(401, 'invalid_credentials', 'サインインできませんでした', 'メールアドレスまたはパスワードが正しくありません。');
    const s = await this.sessions.open('staff', row.id, now, label);
    return { ok: true, token: s.token, expiresAt: s.expiresAt };
  }

  /** Checks a staff token and the account's request rate. */
  async staffAuthenticate(token: string, now: number, wallClock: number): Promise<StaffPrincipal | Refusal> {
    const session = await this.sessions.verify(token, now);
    const row = session ? this.sql.exec<Omit<StaffRecord, 'createdAt'> & { created_at: number }>('SELECT id, email, name, role, prefecture, created_at FROM staff WHERE id = ?', session.account_id).toArray()[0] : undefined;
    if (!session || !row) return refuse(401, 'unauthenticated', 'サインインが必要です', 'セッションが無効か期限切れです。もう一度サインインしてください。');
    let limiter = this.limiters.get(row.id);
    if (!limiter) this.limiters.set(row.id, (limiter = new RateLimiter(2000, 200)));
    const wait = limiter.take(wallClock);
    if (wait > 0) return refuse(429, 'rate_limited', 'アクセスが集中しています', `${wait}秒ほど待ってからもう一度お試しください。`, { retryAfter: wait });
    const { created_at, ...rest } = row;
    return { ok: true, sessionId: session.id, staff: { ...rest, createdAt: new Date(created_at).toISOString() } };
  }

  /** Live sessions of one staff member. */
  async staffSessions(staffId: string, now: number): Promise<SessionRow[]> {
    return this.sessions.list(staffId, now);
  }

  /** Ends one session of a staff member, or all of them when `id` is null. */
  async endStaffSessions(staffId: string, id: string | null): Promise<number> {
    return id === null ? this.sessions.endAll(staffId) : Number(this.sessions.end(staffId, id));
  }

  // ---- agencies ----------------------------------------------------------------------------

  /** The agency an account ID (email) belongs to, for sign-in. */
  async agencyIdByEmail(email: string): Promise<string | null> {
    return this.sql.exec<{ id: string }>('SELECT id FROM agencies WHERE email = ?', email).toArray()[0]?.id ?? null;
  }

  /** All agency IDs with a status (the scheduler's list). */
  async agencyIds(statuses: string[] = ['active', 'suspended']): Promise<string[]> {
    return this.sql.exec<{ id: string }>(`SELECT id FROM agencies WHERE status IN (${statuses.map(() => '?').join(',')})`, ...statuses).toArray().map((r) => r.id);
  }

  /**
   * Registers an agency's application (R-ELIG-*, R-APP-1..3): refused with the reason when it
   * cannot be admitted, else kept until the bureau decides, with its completion deadline.
   *
   * @example await registry.register(input, hash, now.getTime());
   */
  async register(input: RegistrationInput, passwordHash: string, now: number): Promise<{ ok: true; registration: RegistrationSummary } | Refusal> {
    const today = jstDate(new Date(now));
    const email = input.email;
    const existing = this.sql.exec<{ status: string; ended_on: string | null; revoked_on: string | null }>('SELECT status, ended_on, revoked_on FROM agencies WHERE email = ?', email).toArray()[0];
    if (existing) {
      if (existing.status === 'active' || existing.status === 'suspended') {
        return refuse(409, 'email_in_use', 'このアカウントIDは使用中です', 'このメールアドレスは利用中の事業者のアカウントIDです。');
      }
      if (existing.revoked_on && today < reapplyAllowedFrom(existing.revoked_on)) {
        return refuse(422, 'revoked_recently', '利用解除から3年を経過していません', `利用解除日（${existing.revoked_on}）から3年間は利用申請できません。${reapplyAllowedFrom(existing.revoked_on)}以降に申請してください。`, { allowedFrom: reapplyAllowedFrom(existing.revoked_on) });
      }
      if (existing.ended_on && today <= emailReservedUntil(existing.ended_on)) {
        return refuse(422, 'email_reserved', 'このアカウントIDは使用できません', `このメールアドレスは利用終了後5年間（${emailReservedUntil(existing.ended_on)}まで）保持されるため、別のメールアドレスで申請してください。`, { reservedUntil: emailReservedUntil(existing.ended_on) });
      }
    }
    if (this.sql.exec("SELECT 1 FROM registrations WHERE email = ? AND status = 'pending'", email).toArray().length) {
      return refuse(409, 'registration_pending', '申請中の登録があります', 'このメールアドレスで手続中の登録があります。管轄労働局の受理をお待ちください。');
    }
    if (input.onOrder?.suspensionOrder || input.onOrder?.improvementOrderUnremedied) {
      return refuse(422, 'under_order', '現在は申請できません', '事業停止命令の期間中、または業務改善命令を受け必要な改善がなされるまでの間は、新規に利用できません（利用規約§2）。');
    }
    if (input.services.includes('jobseeker')) {
      if (input.licence.kind === 'school') {
        return refuse(422, 'licence_not_eligible', '求職情報提供サービスを利用できない届出区分です', '学校等（職業安定法第33条の2）は求人情報提供サービスのみ利用できます（利用規約§2）。');
      }
      if (!placementQualifies(today, input.placements)) {
        return refuse(422, 'no_qualifying_placement', '常用就職の実績が確認できません', '求職情報提供サービスの利用には、申請日から過去3か月以内に常用（期間の定めなし又は4か月以上、季節労働を除く）の就職実績が1件以上必要です（利用規約§2）。');
      }
    }
    const id = `R${randomBase32(10)}`;
    const deadline = applicationDeadline(today);
    this.sql.exec("INSERT INTO registrations (id, email, payload, password_hash, registered_on, deadline, status) VALUES (?, ?, ?, ?, ?, ?, 'pending')",
      id, email, JSON.stringify(input), passwordHash, today, deadline);
    return { ok: true, registration: this.registration(id)! };
  }

  private registration(id: string): RegistrationSummary | null {
    const r = this.sql.exec<{ id: string; email: string; payload: string; registered_on: string; deadline: string; status: RegistrationSummary['status']; agency_id: string | null }>(
      'SELECT id, email, payload, registered_on, deadline, status, agency_id FROM registrations WHERE id = ?', id).toArray()[0];
    if (!r) return null;
    const p = JSON.parse(r.payload) as RegistrationInput;
    return { id: r.id, email: r.email, organisationName: p.organisation.name, prefecture: p.organisation.prefecture, registeredOn: r.registered_on, deadline: r.deadline, status: r.status, agencyId: r.agency_id };
  }

  /** Registrations in a staff member's scope (all for the ministry). */
  async registrations(prefecture: string | null, status: string | null): Promise<RegistrationSummary[]> {
    const ids = this.sql.exec<{ id: string }>('SELECT id FROM registrations ORDER BY registered_on DESC, id').toArray().map((r) => r.id);
    return ids.map((id) => this.registration(id)!).filter((r) => (!prefecture || r.prefecture === prefecture) && (!status || r.status === status));
  }

  /**
   * The bureau accepts a registration: the agency's object is created and it can sign in.
   *
   * @example await registry.acceptRegistration('R…', staff, 'reason', now.getTime());
   */
  async acceptRegistration(id: string, staff: StaffRecord, reason: string | null, now: number): Promise<{ ok: true; agencyId: string } | Refusal> {
    const row = this.sql.exec<{ payload: string; password_hash: string; status: string; deadline: string }>('SELECT payload, password_hash, status, deadline FROM registrations WHERE id = ?', id).toArray()[0];
    if (!row) return refuse(404, 'registration_not_found', '登録が見つかりません', `登録（${id}）は存在しないか、期限切れで削除されました。`);
    const input = JSON.parse(row.payload) as RegistrationInput;
    if (staff.role === 'bureau' && staff.prefecture !== input.organisation.prefecture) return refuse(403, 'out_of_scope', '管轄外です', 'この登録は管轄外の労働局のものです。');
    if (row.status !== 'pending') return refuse(409, 'registration_decided', 'この登録は処理済みです', `この登録の状態は「${row.status}」です。`);
    const agencyId = `A${randomBase32(10)}`;
    const record: AgencyRecord = {
      id: agencyId, email: input.email, name: input.organisation.name, prefecture: input.organisation.prefecture, licence: input.licence,
      services: input.services, status: 'active', suspension: null, contactMethods: input.contactMethods,
      mandatoryInformation: input.mandatoryInformation ? { version: 1, acceptedAt: new Date(now).toISOString(), content: input.mandatoryInformation } : null,
      admittedOn: jstDate(new Date(now)), revokedOn: null, withdrawnOn: null,
    };
    await this.env.AGENCY.get(this.env.AGENCY.idFromName(agencyId)).init(record, row.password_hash);
    this.ctx.storage.transactionSync(() => {
      this.sql.exec("UPDATE registrations SET status = 'accepted', agency_id = ?, decided_at = ?, password_hash = '' WHERE id = ?", agencyId, now, id);
      this.sql.exec('INSERT INTO agencies (id, email, name, prefecture, status, record, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        agencyId, record.email, record.name, record.prefecture, 'active', JSON.stringify({ ...record, registration: input }), now);
      this.appendAudit(now, staff.id, 'registration.accept', id, reason, { agencyId });
    });
    return { ok: true, agencyId };
  }

  /** Deletes registrations not completed by their deadline (R-APP-1); idempotent. */
  async expireRegistrations(now: number): Promise<{ ok: true; expired: number }> {
    const today = jstDate(new Date(now));
    const n = this.sql.exec("DELETE FROM registrations WHERE status = 'pending' AND deadline < ?", today).rowsWritten;
    return { ok: true, expired: n };
  }

  // ---- audit -------------------------------------------------------------------------------

  private appendAudit(now: number, actor: string, action: string, target: string, reason: string | null, details: Record<string, unknown>): void {
    this.sql.exec('INSERT INTO audit (at, actor, action, target, reason, details) VALUES (?, ?, ?, ?, ?, ?)', now, actor, action, target, reason, JSON.stringify(details));
  }

  /** Appends a staff action to the audit log (R-SEC-4); there is no method that edits or deletes. */
  async audit(now: number, actor: string, action: string, target: string, reason: string | null, details: Record<string, unknown> = {}): Promise<void> {
    this.appendAudit(now, actor, action, target, reason, details);
  }

  /** The audit log, newest first. */
  async auditLog(before: number | null, limit: number): Promise<AuditEntry[]> {
    return this.sql.exec<{ seq: number; at: number; actor: string; action: string; target: string; reason: string | null; details: string }>(
      'SELECT * FROM audit WHERE seq < ? ORDER BY seq DESC LIMIT ?', before ?? Number.MAX_SAFE_INTEGER, limit).toArray()
      .map((r) => ({ seq: r.seq, at: new Date(r.at).toISOString(), actor: r.actor, action: r.action, target: r.target, reason: r.reason, details: JSON.parse(r.details) as Record<string, unknown> }));
  }
}
