import { DurableObject } from 'cloudflare:workers';
import { migrate } from '../lib/migrations';
import {
  addDays, applicationDeadline, licenceKey, jstMidnight, emailReservedUntil, fiscalYear, jstDate, placementQualifies, proposeSanction, reapplyAllowedFrom,
  reportDueDate, reportGraceLastDay, reportReminderDate, suspensionLastDay, type Placement, type ViolationCategory, type ViolationHistoryEntry,
} from '../../shared/rules';
import { randomBase32 } from '../lib/crypto';
import { refuse, type Refusal } from '../lib/problem';
import { RateLimiter, SessionStore, type SessionRow } from '../lib/sessions';
import type { AgencyRecord } from './agency';
import * as organisations from './registry/organisations';
import type {
  AgencyComplaint, AgencyPublicRecord, AnnualReportRecord, AnnualReportRequest, ChangeRequest, CompromiseReportRecord, MandatoryInformation,
  MissingReport, Officer, Procedure, ProcedureKind, RenewalRequest, ReportsOverview, RevokedAgencyRecord, SanctionProposal,
  SeekerComplaintRecord, Suspension, SuspensionHistory, SuspensionRequest, ViolationRecord, ViolationRequest,
} from '../../shared/schemas';
import type { PrefectureCode } from '../../shared/data/prefectures';

import type { StaffPrincipal, StaffRecord, StaffRole } from '../lib/records';
export type { StaffPrincipal, StaffRecord, StaffRole } from '../lib/records';

/** The parts of a registration the registry reasons about; the rest is kept as sent. */
export type RegistrationInput = {
  email: string;
  organisation: { name: string; address: string; prefecture: PrefectureCode };
  licence: { kind: 'paid' | 'free' | 'school' | 'special'; number: string; schoolKind?: string };
  services: Array<'job_offer' | 'jobseeker'>;
  contactMethods: AgencyRecord['contactMethods'];
  mandatoryInformation?: MandatoryInformation;
  placements: Placement[];
  onOrder?: { suspensionOrder: boolean; improvementOrderUnremedied: boolean };
  handlesSubsidies?: boolean;
  certifications?: Array<'privacy_mark' | 'yuryo'>;
  liaisonOfficer?: Officer;
  privacyOfficer?: Officer;
  [key: string]: unknown;
};

export type RegistrationSummary = {
  id: string; email: string; organisationName: string; prefecture: string; registeredOn: string; deadline: string;
  status: 'pending' | 'accepted' | 'rejected' | 'expired'; agencyId: string | null; formReceivedOn: string | null; decisionReason: string | null;
};

/** An audit detail value: flat JSON, typed so it crosses RPC. */
export type AuditValue = string | number | boolean | null | string[];
export type AuditEntry = { seq: number; at: string; actor: string; action: string; target: string; reason: string | null; details: Record<string, AuditValue> };

/** Who acts: a staff member, or the scheduler ('system') keeping the rules by itself. */
type Actor = StaffRecord | 'system';

/** The agency's standing after a change, as the routes answer it. */
export type StatusChange = {
  agencyId: string; status: AgencyRecord['status']; suspension: Suspension | null; revokedOn: string | null; withdrawnOn: string | null;
  purged: number; sessionsEnded: number;
};

type AgencyRow = {
  id: string; email: string; name: string; prefecture: PrefectureCode; status: AgencyRecord['status']; record: string; ended_on: string | null;
  revoked_on: string | null; updated_at: number; address: string; licence_kind: AgencyRecord['licence']['kind']; licence_number: string;
  licence_key: string; services: string; handles_subsidies: number; certifications: string; search_text: string; admitted_on: string;
  suspension: string | null; term_ends_on: string | null;
};
type StoredRecord = AgencyRecord & { registration?: RegistrationInput };
/** A procedure with its request typed, so it crosses RPC (an `unknown` member would not). */
export type ProcedureRecord = Omit<Procedure, 'request'> & { request: ChangeRequest | RenewalRequest | { reason?: string } };
/** Agency-object answers as seen across RPC (the union narrows on `ok` once named). */
type ApplyResult = { ok: true; record: AgencyRecord; purged: number } | Refusal;
type SetStatusResult = { ok: true; record: AgencyRecord; purged: number; sessionsEnded: number } | Refusal;
type AddComplaintResult = { ok: true; complaint: AgencyComplaint } | Refusal;
type ProcedureRow = {
  id: string; kind: ProcedureKind; agency_id: string; prefecture: PrefectureCode; request: string; status: Procedure['status'];
  submitted_on: string; deadline: string | null; submitted_at: number; decided_at: number | null; decided_by: string | null; reason: string | null;
};
type ViolationRow = {
  id: string; agency_id: string; category: ViolationCategory; note: string; recorded_on: string; recorded_at: number; recorded_by: string;
  resumed_on: string | null; proposal: string;
};
type SuspensionRow = {
  id: string; agency_id: string; kind: Suspension['kind']; reason: string; starts_on: string; ends_on: string | null; violation_id: string | null;
  imposed_by: string; imposed_at: number; ended_on: string | null; ended_by: string | null; end_reason: SuspensionHistory['endReason'];
};
type SeekerComplaintRow = {
  id: string; agency_id: string; prefecture: PrefectureCode; profile_id: string; content: string; received_at: number;
  forwarded_at: number | null; forwarded_by: string | null; agency_complaint_id: string | null;
};

/** School kinds §2(1)③ leaves out: junior-high and high schools, and the schools that contain one. */
const INELIGIBLE_SCHOOL_KINDS = new Set(['junior_high', 'high_school', 'secondary_education', 'compulsory_education']);

/** Text as the directory compares it: NFKC (full-width letters and digits fold), lower case, no spaces. */
export function directoryText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}


/** A paging cursor over ASCII sort keys (prefecture, dates, IDs), as base64url. */
function encodeCursor(parts: string[]): string {
  return btoa(JSON.stringify(parts)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeCursor(cursor: string | undefined, length: number): string[] | null {
  if (!cursor) return null;
  try {
    const parts = JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/'))) as unknown;
    return Array.isArray(parts) && parts.length === length && parts.every((p) => typeof p === 'string') ? (parts as string[]) : null;
  } catch {
    return null;
  }
}

const actorId = (actor: Actor) => (actor === 'system' ? 'system' : actor.id);

const outOfScope = () => refuse(403, 'out_of_scope', '管轄外です', 'この事業者は管轄外の労働局の担当です。');

/**
 * The bureau's side, which is small and rarely written: staff and their sessions, the index from
 * an agency's account ID (email) to its object, registrations and procedures, the directory,
 * sanctions, annual reports, jobseekers' complaints, compromise reports and the audit log.
 * Never on the path of a search or a send.
 */
export class Registry extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private readonly sessions: SessionStore;
  private readonly limiters = new Map<string, RateLimiter>();
  /** Decisions that call agency objects run one at a time, so no two interleave across an await. */
  private queue: Promise<unknown> = Promise.resolve();

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
      (sql) => {
        sql.exec(`
          ALTER TABLE agencies ADD COLUMN address TEXT NOT NULL DEFAULT '';
          ALTER TABLE agencies ADD COLUMN licence_kind TEXT NOT NULL DEFAULT '';
          ALTER TABLE agencies ADD COLUMN licence_number TEXT NOT NULL DEFAULT '';
          ALTER TABLE agencies ADD COLUMN licence_key TEXT NOT NULL DEFAULT '';
          ALTER TABLE agencies ADD COLUMN services TEXT NOT NULL DEFAULT '';
          ALTER TABLE agencies ADD COLUMN handles_subsidies INTEGER NOT NULL DEFAULT 0;
          ALTER TABLE agencies ADD COLUMN certifications TEXT NOT NULL DEFAULT '[]';
          ALTER TABLE agencies ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
          ALTER TABLE agencies ADD COLUMN admitted_on TEXT NOT NULL DEFAULT '';
          ALTER TABLE agencies ADD COLUMN suspension TEXT;
          ALTER TABLE agencies ADD COLUMN term_ends_on TEXT;
          CREATE INDEX agencies_directory ON agencies (status, prefecture, id);
          CREATE INDEX agencies_licence ON agencies (licence_key);
          ALTER TABLE registrations ADD COLUMN form_received_on TEXT;
          ALTER TABLE registrations ADD COLUMN decision_reason TEXT;
          CREATE TABLE procedures (id TEXT PRIMARY KEY, kind TEXT NOT NULL, agency_id TEXT NOT NULL, prefecture TEXT NOT NULL,
            request TEXT NOT NULL, status TEXT NOT NULL, submitted_on TEXT NOT NULL, deadline TEXT, submitted_at INTEGER NOT NULL,
            decided_at INTEGER, decided_by TEXT, reason TEXT);
          CREATE INDEX procedures_agency ON procedures (agency_id, kind, status);
          CREATE TABLE violations (id TEXT PRIMARY KEY, agency_id TEXT NOT NULL, category TEXT NOT NULL, note TEXT NOT NULL,
            recorded_on TEXT NOT NULL, recorded_at INTEGER NOT NULL, recorded_by TEXT NOT NULL, resumed_on TEXT, proposal TEXT NOT NULL);
          CREATE INDEX violations_agency ON violations (agency_id);
          CREATE TABLE suspensions (id TEXT PRIMARY KEY, agency_id TEXT NOT NULL, kind TEXT NOT NULL, reason TEXT NOT NULL,
            starts_on TEXT NOT NULL, ends_on TEXT, violation_id TEXT, imposed_by TEXT NOT NULL, imposed_at INTEGER NOT NULL,
            ended_on TEXT, ended_by TEXT, end_reason TEXT);
          CREATE INDEX suspensions_agency ON suspensions (agency_id, ended_on);
          CREATE TABLE reports (agency_id TEXT NOT NULL, fiscal_year INTEGER NOT NULL, report TEXT NOT NULL, submitted_at INTEGER NOT NULL,
            updated_at INTEGER, on_time INTEGER NOT NULL, PRIMARY KEY (agency_id, fiscal_year));
          CREATE TABLE report_duties (agency_id TEXT NOT NULL, fiscal_year INTEGER NOT NULL, reminded_at INTEGER, suspension_id TEXT,
            suspended_on TEXT, revoked_on TEXT, PRIMARY KEY (agency_id, fiscal_year));
          CREATE TABLE seeker_complaints (id TEXT PRIMARY KEY, agency_id TEXT NOT NULL, prefecture TEXT NOT NULL, profile_id TEXT NOT NULL,
            content TEXT NOT NULL, received_at INTEGER NOT NULL, forwarded_at INTEGER, forwarded_by TEXT, agency_complaint_id TEXT);
          CREATE INDEX seeker_complaints_scope ON seeker_complaints (prefecture, received_at);
          CREATE TABLE compromise_reports (id TEXT PRIMARY KEY, role TEXT NOT NULL, account_id TEXT NOT NULL, prefecture TEXT,
            description TEXT NOT NULL, noticed_at INTEGER, reported_at INTEGER NOT NULL, sessions_ended INTEGER NOT NULL);
        `);
        // Agencies admitted before this step get their directory columns from the stored record.
        for (const row of sql.exec<{ id: string; record: string }>('SELECT id, record FROM agencies').toArray()) {
          const r = JSON.parse(row.record) as StoredRecord;
          sql.exec(`UPDATE agencies SET address = ?, licence_kind = ?, licence_number = ?, licence_key = ?, services = ?, handles_subsidies = ?,
            certifications = ?, search_text = ?, admitted_on = ?, suspension = ? WHERE id = ?`,
          r.registration?.organisation.address ?? '', r.licence.kind, r.licence.number, licenceKey(r.licence.number), r.services.join(','),
          r.registration?.handlesSubsidies ? 1 : 0, JSON.stringify(r.registration?.certifications ?? []),
          directoryText(`${r.name} ${r.registration?.organisation.address ?? ''} ${r.licence.number}`), r.admittedOn,
          r.suspension ? JSON.stringify(r.suspension) : null, row.id);
        }
      },
      // R-ORG-1 licence keys by the shared rule, R-ORG-2 seat emails.
      (sql) => organisations.migrateOrganisations(sql),
    ]);
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private agencyStub(id: string) {
    return this.env.AGENCY.get(this.env.AGENCY.idFromName(id));
  }

  private agencyRow(id: string): AgencyRow | null {
    return this.sql.exec<AgencyRow>('SELECT * FROM agencies WHERE id = ?', id).toArray()[0] ?? null;
  }

  /** The agency row if it exists and lies in the staff member's scope. */
  private scopedAgency(id: string, staff: StaffRecord): AgencyRow | Refusal {
    const row = this.agencyRow(id);
    if (!row) return refuse(404, 'agency_not_found', '事業者が見つかりません', `事業者（${id}）は登録されていません。`);
    if (staff.role === 'bureau' && staff.prefecture !== row.prefecture) return outOfScope();
    return row;
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
    return this.sessions.signIn(password, row?.password_hash ?? null, 'staff', row?.id ?? null, now, label, 'メールアドレスまたはパスワードが正しくありません。');
  }

  /** Checks a staff token and the account's request rate. */
  async staffAuthenticate(token: string, now: number, wallClock: number): Promise<StaffPrincipal | Refusal> {
    // Staff share this object, so each has a limiter of their own, keyed by the token's account ID.
    const staffId = token.split('.')[1] ?? '';
    let limiter = this.limiters.get(staffId);
    if (!limiter) {
      if (this.limiters.size > 10_000) this.limiters.clear(); // forged IDs must not grow memory without bound
      this.limiters.set(staffId, (limiter = new RateLimiter(2000, 200)));
    }
    const r = await this.sessions.check(token, now, limiter, wallClock);
    if (!r.ok) return r;
    const row = this.sql.exec<Omit<StaffRecord, 'createdAt'> & { created_at: number }>('SELECT id, email, name, role, prefecture, created_at FROM staff WHERE id = ?', r.session.account_id).toArray()[0];
    if (!row) return refuse(401, 'unauthenticated', 'サインインが必要です', 'セッションが無効か期限切れです。もう一度サインインしてください。');
    const { created_at, ...rest } = row;
    return { ok: true, sessionId: r.session.id, staff: { ...rest, createdAt: new Date(created_at).toISOString() } };
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

  /** The agency an account ID (email) belongs to, for sign-in; a staff seat's email names its organisation (R-ORG-2). */
  async agencyIdByEmail(email: string): Promise<string | null> {
    return this.sql.exec<{ id: string }>('SELECT id FROM agencies WHERE email = ?', email).toArray()[0]?.id
      ?? organisations.agencyIdBySeatEmail(this.sql, email);
  }

  /**
   * R-ORG-2: reserves a new seat's email for its organisation, refused like an account ID that is
   * in use or reserved (R-APP-2).
   *
   * @example await registry.reserveSeatEmail('A…', 'U…', 'sato@agency.example.jp', now);
   */
  async reserveSeatEmail(agencyId: string, seatId: string, email: string, now: number): Promise<{ ok: true } | Refusal> {
    const row = this.agencyRow(agencyId);
    if (!row) return refuse(404, 'agency_not_found', '事業者が見つかりません', 'この事業者は登録されていません。');
    return organisations.reserveSeatEmail(this.sql, email, agencyId, seatId, jstDate(new Date(now)), now);
  }

  /** R-ORG-2: a removed seat's email stays reserved for five years (or a reservation not used is dropped). */
  async releaseSeatEmail(agencyId: string, seatId: string, removed: boolean, now: number): Promise<{ ok: true }> {
    if (removed) organisations.releaseSeatEmail(this.sql, agencyId, seatId, jstDate(new Date(now)));
    else organisations.dropSeatEmail(this.sql, agencyId, seatId);
    return { ok: true };
  }

  /** All agency IDs with a status (the scheduler's list). */
  async agencyIds(statuses: string[] = ['active', 'suspended']): Promise<string[]> {
    return this.sql.exec<{ id: string }>(`SELECT id FROM agencies WHERE status IN (${statuses.map(() => '?').join(',')})`, ...statuses).toArray().map((r) => r.id);
  }

  /**
   * Admitted agencies of every status in a prefecture (all of them when `prefecture` is null), for
   * the bureau's oversight views (issue 9, R-SEC-2: the route passes the officer's own scope).
   *
   * @example await registry.agenciesInScope('13'); // [{ id: 'A…', name: '…', prefecture: '13', status: 'active' }]
   */
  async agenciesInScope(prefecture: string | null): Promise<Array<{ id: string; name: string; prefecture: PrefectureCode; status: AgencyRecord['status'] }>> {
    return this.sql.exec<{ id: string; name: string; prefecture: PrefectureCode; status: AgencyRecord['status'] }>(
      'SELECT id, name, prefecture, status FROM agencies WHERE (? IS NULL OR prefecture = ?) ORDER BY prefecture, id', prefecture, prefecture).toArray();
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
    // R-APP-3 and R-SAN-2 follow the organisation, not the account ID: a revoked or suspended
    // agency must not come back under a new email address.
    const sameLicence = this.sql.exec<{ status: string; revoked_on: string | null }>('SELECT status, revoked_on FROM agencies WHERE licence_key = ?', licenceKey(input.licence.number)).toArray();
    const revoked = sameLicence.filter((a) => a.revoked_on && today < reapplyAllowedFrom(a.revoked_on)).sort((a, b) => (a.revoked_on! < b.revoked_on! ? 1 : -1))[0];
    if (revoked) {
      const from = reapplyAllowedFrom(revoked.revoked_on!);
      return refuse(422, 'revoked_recently', '利用解除から3年を経過していません', `この許可・届出番号の事業者は${revoked.revoked_on}に利用解除されています。利用解除日から3年間は利用申請できません（利用規約§5、§8(4)）。${from}以降に申請してください。`, { allowedFrom: from });
    }
    // R-ORG-1: one account per organisation, whatever the spelling of its number.
    const holder = organisations.licenceRefusal(this.sql, input.licence.number);
    if (holder) return holder;
    if (this.sql.exec("SELECT 1 FROM registrations WHERE email = ? AND status = 'pending'", email).toArray().length) {
      return refuse(409, 'registration_pending', '申請中の登録があります', 'このメールアドレスで手続中の登録があります。管轄労働局の受理をお待ちください。');
    }
    // R-ORG-2: a staff seat's email is taken (or reserved) like an account ID.
    const seatEmail = organisations.emailRefusal(this.sql, email, today);
    if (seatEmail) return seatEmail;
    if (input.onOrder?.suspensionOrder || input.onOrder?.improvementOrderUnremedied) {
      return refuse(422, 'under_order', '現在は申請できません', '事業停止命令の期間中、または業務改善命令を受け必要な改善がなされるまでの間は、新規に利用できません（利用規約§2）。');
    }
    if (input.licence.kind === 'school' && INELIGIBLE_SCHOOL_KINDS.has(input.licence.schoolKind ?? '')) {
      return refuse(422, 'school_not_eligible', 'この学校は利用できません', '中学校及び高等学校（これらを含む中等教育学校・義務教育学校を含みます）は、求人・求職情報提供サービスの対象外です（利用規約§2(1)③）。');
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
    this.sql.exec("INSERT INTO registrations (id, email, payload, password_hash, registered_on, deadline, status, licence_key) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)",
      id, email, JSON.stringify(input), passwordHash, today, deadline, licenceKey(input.licence.number));
    return { ok: true, registration: this.registration(id)! };
  }

  private registration(id: string): RegistrationSummary | null {
    const r = this.sql.exec<{ id: string; email: string; payload: string; registered_on: string; deadline: string; status: RegistrationSummary['status']; agency_id: string | null; form_received_on: string | null; decision_reason: string | null }>(
      'SELECT id, email, payload, registered_on, deadline, status, agency_id, form_received_on, decision_reason FROM registrations WHERE id = ?', id).toArray()[0];
    if (!r) return null;
    const p = JSON.parse(r.payload) as RegistrationInput;
    return {
      id: r.id, email: r.email, organisationName: p.organisation.name, prefecture: p.organisation.prefecture, registeredOn: r.registered_on,
      deadline: r.deadline, status: r.status, agencyId: r.agency_id, formReceivedOn: r.form_received_on, decisionReason: r.decision_reason,
    };
  }

  /** Registrations in a staff member's scope (all for the ministry). */
  async registrations(prefecture: string | null, status: string | null): Promise<RegistrationSummary[]> {
    const ids = this.sql.exec<{ id: string }>('SELECT id FROM registrations ORDER BY registered_on DESC, id').toArray().map((r) => r.id);
    return ids.map((id) => this.registration(id)!).filter((r) => (!prefecture || r.prefecture === prefecture) && (!status || r.status === status));
  }

  /** A pending registration in the staff member's scope, or the refusal. */
  private pendingRegistration(id: string, staff: StaffRecord): { payload: string; password_hash: string; registered_on: string; deadline: string; form_received_on: string | null } | Refusal {
    const row = this.sql.exec<{ payload: string; password_hash: string; status: string; registered_on: string; deadline: string; form_received_on: string | null }>(
      'SELECT payload, password_hash, status, registered_on, deadline, form_received_on FROM registrations WHERE id = ?', id).toArray()[0];
    if (!row) return refuse(404, 'registration_not_found', '登録が見つかりません', `登録（${id}）は存在しないか、期限切れで削除されました。`);
    const input = JSON.parse(row.payload) as RegistrationInput;
    if (staff.role === 'bureau' && staff.prefecture !== input.organisation.prefecture) return refuse(403, 'out_of_scope', '管轄外です', 'この登録は管轄外の労働局のものです。');
    if (row.status !== 'pending') return refuse(409, 'registration_decided', 'この登録は処理済みです', `この登録の状態は「${row.status}」です。`);
    return row;
  }

  /**
   * The bureau accepts a registration: the agency's object is created and it can sign in.
   *
   * @example await registry.acceptRegistration('R…', staff, 'reason', now.getTime());
   */
  async acceptRegistration(id: string, staff: StaffRecord, reason: string | null, now: number): Promise<{ ok: true; agencyId: string } | Refusal> {
    return this.exclusive(async () => {
      const row = this.pendingRegistration(id, staff);
      if ('ok' in row) return row;
      const today = jstDate(new Date(now));
      const inTime = row.form_received_on !== null && row.form_received_on <= row.deadline;
      if (today > row.deadline && !inTime) {
        return refuse(409, 'registration_expired', '完了期限を過ぎています', `この登録の完了期限（${row.deadline}）を過ぎ、申請書の受領も記録されていません。新たに登録してもらってください（利用規約§10）。`);
      }
      const input = JSON.parse(row.payload) as RegistrationInput;
      // R-ORG-1 again at admission: another account of the organisation may have been admitted meanwhile.
      const holder = organisations.licenceRefusal(this.sql, input.licence.number, false);
      if (holder) return holder;
      const agencyId = `A${randomBase32(10)}`;
      const record: AgencyRecord = {
        id: agencyId, email: input.email, name: input.organisation.name, prefecture: input.organisation.prefecture, licence: input.licence,
        services: input.services, status: 'active', suspension: null, contactMethods: input.contactMethods,
        mandatoryInformation: input.mandatoryInformation ? { version: 1, acceptedAt: new Date(now).toISOString(), content: input.mandatoryInformation } : null,
        admittedOn: today, revokedOn: null, withdrawnOn: null,
      };
      await this.agencyStub(agencyId).init(record, row.password_hash);
      this.ctx.storage.transactionSync(() => {
        // An ID whose five-year reservation is over may be used again; the old row keeps its history.
        this.sql.exec("UPDATE agencies SET email = email || '#' || id WHERE email = ? AND status IN ('revoked', 'withdrawn')", record.email);
        this.sql.exec("UPDATE registrations SET status = 'accepted', agency_id = ?, decided_at = ?, password_hash = '', decision_reason = ? WHERE id = ?", agencyId, now, reason, id);
        this.sql.exec(`INSERT INTO agencies (id, email, name, prefecture, status, record, updated_at, address, licence_kind, licence_number, licence_key,
            services, handles_subsidies, certifications, search_text, admitted_on) VALUES (?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        agencyId, record.email, record.name, record.prefecture, JSON.stringify({ ...record, registration: input }), now, input.organisation.address,
        record.licence.kind, record.licence.number, licenceKey(record.licence.number), record.services.join(','), input.handlesSubsidies ? 1 : 0,
        JSON.stringify(input.certifications ?? []), directoryText(`${record.name} ${input.organisation.address} ${record.licence.number}`), today);
        this.appendAudit(now, staff.id, 'registration.accept', id, reason, { agencyId });
      });
      return { ok: true, agencyId };
    });
  }

  /**
   * The bureau rejects a registration, with the reason (R-APP-4, R-SEC-4).
   *
   * @example await registry.rejectRegistration('R…', staff, '申請書の記載に不備があります', now);
   */
  async rejectRegistration(id: string, staff: StaffRecord, reason: string, now: number): Promise<{ ok: true; registration: RegistrationSummary } | Refusal> {
    const row = this.pendingRegistration(id, staff);
    if ('ok' in row) return row;
    this.ctx.storage.transactionSync(() => {
      this.sql.exec("UPDATE registrations SET status = 'rejected', decided_at = ?, password_hash = '', decision_reason = ? WHERE id = ?", now, reason, id);
      this.appendAudit(now, staff.id, 'registration.reject', id, reason, {});
    });
    return { ok: true, registration: this.registration(id)! };
  }

  /**
   * Records the day the signed application form arrived (decision 2): a registration whose form
   * arrived by its deadline is not deleted while the bureau works on it.
   *
   * @example await registry.markFormReceived('R…', staff, '2026-12-01', null, now);
   */
  async markFormReceived(id: string, staff: StaffRecord, receivedOn: string, reason: string | null, now: number): Promise<{ ok: true; registration: RegistrationSummary } | Refusal> {
    const row = this.pendingRegistration(id, staff);
    if ('ok' in row) return row;
    const today = jstDate(new Date(now));
    if (receivedOn > today || receivedOn < row.registered_on) {
      return refuse(422, 'invalid_received_on', '受領日が正しくありません', `受領日は登録日（${row.registered_on}）から今日（${today}）までの日付にしてください。`);
    }
    this.ctx.storage.transactionSync(() => {
      this.sql.exec('UPDATE registrations SET form_received_on = ? WHERE id = ?', receivedOn, id);
      this.appendAudit(now, staff.id, 'registration.form_received', id, reason, { receivedOn });
    });
    return { ok: true, registration: this.registration(id)! };
  }

  /**
   * Deletes registrations not completed by their deadline (R-APP-1) unless the form arrived in
   * time, and closes change and renewal requests past theirs (§10); idempotent.
   */
  async expireRegistrations(now: number): Promise<{ ok: true; expired: number }> {
    const today = jstDate(new Date(now));
    let n = 0;
    this.ctx.storage.transactionSync(() => {
      n = this.sql.exec("DELETE FROM registrations WHERE status = 'pending' AND deadline < ? AND (form_received_on IS NULL OR form_received_on > deadline)", today).rowsWritten;
      const procedures = this.sql.exec("UPDATE procedures SET status = 'expired', decided_at = ?, decided_by = 'system' WHERE status = 'pending' AND deadline < ?", now, today).rowsWritten;
      if (n || procedures) this.appendAudit(now, 'system', 'registration.expire', 'registrations', '完了期限（登録日の翌日から14日）を過ぎたため（利用規約§10）', { registrations: n, procedures });
    });
    return { ok: true, expired: n };
  }

  // ---- the agency's procedures (R-APP-4, R-ELIG-4, R-RET-3) ----------------------------------

  private procedure(id: string): ProcedureRecord | null {
    const r = this.sql.exec<ProcedureRow & { name: string }>('SELECT p.*, a.name FROM procedures p JOIN agencies a ON a.id = p.agency_id WHERE p.id = ?', id).toArray()[0];
    if (!r) return null;
    return {
      id: r.id, kind: r.kind, agencyId: r.agency_id, agencyName: r.name, prefecture: r.prefecture, status: r.status, submittedOn: r.submitted_on,
      deadline: r.deadline, submittedAt: new Date(r.submitted_at).toISOString(), decidedAt: r.decided_at === null ? null : new Date(r.decided_at).toISOString(),
      decidedBy: r.decided_by, reason: r.reason, request: JSON.parse(r.request) as ProcedureRecord['request'],
    };
  }

  private usable(row: AgencyRow): Refusal | null {
    if (row.status === 'revoked') return refuse(409, 'agency_revoked', '利用解除されています', '利用解除された事業者はこの手続を行えません。');
    if (row.status === 'withdrawn') return refuse(409, 'agency_withdrawn', '退会済みです', '退会した事業者はこの手続を行えません。');
    return null;
  }

  /**
   * An agency files a change or renewal request (R-APP-4, R-ELIG-4); it waits for the bureau and
   * must be completed within 14 days like an application (§10).
   *
   * @example await registry.submitProcedure('A…', 'renewal', { services: ['jobseeker'], placements }, now);
   */
  async submitProcedure(agencyId: string, kind: 'change' | 'renewal', request: ChangeRequest | RenewalRequest, now: number): Promise<{ ok: true; procedure: ProcedureRecord } | Refusal> {
    const row = this.agencyRow(agencyId);
    if (!row) return refuse(404, 'agency_not_found', '事業者が見つかりません', 'この事業者は登録されていません。');
    const blocked = this.usable(row);
    if (blocked) return blocked;
    const today = jstDate(new Date(now));
    const services = row.services.split(',');
    if (kind === 'change') {
      const change = request as ChangeRequest;
      if (change.mandatoryInformation && !services.includes('jobseeker')) {
        return refuse(422, 'mandatory_information_not_applicable', '必須情報は不要です', '必須情報は求職情報提供サービスの利用者だけが届け出ます。');
      }
    } else {
      const renewal = request as RenewalRequest;
      const added = renewal.services.filter((s) => !services.includes(s));
      if (added.length) return refuse(422, 'service_not_held', '利用していないサービスは更新できません', 'サービスの追加は利用申請で行ってください。更新申請では利用中のサービスを選んでください。', { services: added });
      if (renewal.services.includes('jobseeker') && !placementQualifies(today, renewal.placements)) {
        return refuse(422, 'renewal_not_eligible', '求職情報提供サービスを更新できません',
          '更新申請日から過去3か月以内に常用就職の実績が1件以上必要です（利用規約§2(2)）。要件を満たさない場合は、求人情報提供サービスのみで更新するか、利用期限の経過後直ちに退会申請を提出してください。');
      }
    }
    if (this.sql.exec("SELECT 1 FROM procedures WHERE agency_id = ? AND kind = ? AND status = 'pending'", agencyId, kind).toArray().length) {
      return refuse(409, 'procedure_pending', '手続中の申請があります', `${kind === 'change' ? '変更' : '更新'}申請が管轄労働局で手続中です。受理をお待ちください。`);
    }
    const id = `P${randomBase32(10)}`;
    this.sql.exec("INSERT INTO procedures (id, kind, agency_id, prefecture, request, status, submitted_on, deadline, submitted_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?)",
      id, kind, agencyId, row.prefecture, JSON.stringify(request), today, applicationDeadline(today), now);
    return { ok: true, procedure: this.procedure(id)! };
  }

  /** The procedures of one agency, newest first. */
  async agencyProcedures(agencyId: string): Promise<ProcedureRecord[]> {
    return this.sql.exec<{ id: string }>('SELECT id FROM procedures WHERE agency_id = ? ORDER BY submitted_at DESC, id', agencyId).toArray().map((r) => this.procedure(r.id)!);
  }

  /** Procedures in the staff member's scope, filtered by kind and status. */
  async procedures(staff: StaffRecord, kind: ProcedureKind | null, status: Procedure['status'] | null): Promise<ProcedureRecord[]> {
    const scope = staff.role === 'bureau' ? staff.prefecture : null;
    return this.sql.exec<{ id: string }>(
      'SELECT id FROM procedures WHERE (? IS NULL OR prefecture = ?) AND (? IS NULL OR kind = ?) AND (? IS NULL OR status = ?) ORDER BY submitted_at DESC, id LIMIT 500',
      scope, scope, kind, kind, status, status).toArray().map((r) => this.procedure(r.id)!);
  }

  private pendingProcedure(id: string, kind: 'change' | 'renewal', staff: StaffRecord, now: number): { row: ProcedureRow; agency: AgencyRow } | Refusal {
    const row = this.sql.exec<ProcedureRow>('SELECT * FROM procedures WHERE id = ? AND kind = ?', id, kind).toArray()[0];
    const label = kind === 'change' ? '変更申請' : '更新申請';
    if (!row) return refuse(404, 'procedure_not_found', `${label}が見つかりません`, `${label}（${id}）はありません。`);
    if (staff.role === 'bureau' && staff.prefecture !== row.prefecture) return refuse(403, 'out_of_scope', '管轄外です', `この${label}は管轄外の労働局のものです。`);
    if (row.status !== 'pending') return refuse(409, 'procedure_decided', `この${label}は処理済みです`, `この${label}の状態は「${row.status}」です。`);
    if (row.deadline && jstDate(new Date(now)) > row.deadline) {
      return refuse(409, 'procedure_expired', '完了期限を過ぎています', `この${label}の完了期限（${row.deadline}）を過ぎています。改めて申請してもらってください（利用規約§10）。`);
    }
    const agency = this.agencyRow(row.agency_id)!;
    const blocked = this.usable(agency);
    return blocked ?? { row, agency };
  }

  private storedRecord(agency: AgencyRow): StoredRecord {
    return JSON.parse(agency.record) as StoredRecord;
  }

  /**
   * The bureau accepts a change request (R-APP-4): only now does it take effect. New mandatory
   * information becomes a new version and every open conversation is told (R-MSG-3).
   *
   * @example await registry.acceptChange('P…', staff, null, now);
   */
  async acceptChange(id: string, staff: StaffRecord, reason: string | null, now: number): Promise<{ ok: true; procedure: ProcedureRecord; mandatoryInformationVersion: number | null; notified: number } | Refusal> {
    return this.exclusive(async () => {
      const found = this.pendingProcedure(id, 'change', staff, now);
      if ('ok' in found) return found;
      const { row, agency } = found;
      const change = JSON.parse(row.request) as ChangeRequest;
      if (change.licenceNumber) {
        // R-ORG-1: a new number must not be another organisation's.
        const holder = organisations.licenceHolder(this.sql, change.licenceNumber);
        if (holder && holder.id !== agency.id) return organisations.licenceRefusal(this.sql, change.licenceNumber)!;
      }
      const stub = this.agencyStub(agency.id);
      let version: number | null = null;
      let notified = 0;
      if (change.mandatoryInformation) {
        const installed = await stub.installMandatoryInformation(change.mandatoryInformation, now);
        version = installed.version;
        notified = installed.notified;
      }
      const applied: ApplyResult = await stub.applyAcceptedChange({ name: change.organisation?.name, licenceNumber: change.licenceNumber, contactMethods: change.contactMethods }, now);
      if (!applied.ok) return applied;
      const stored = this.storedRecord(agency);
      const registration: RegistrationInput = {
        ...(stored.registration ?? ({} as RegistrationInput)),
        ...(change.organisation ? { organisation: { ...stored.registration!.organisation, ...change.organisation } } : {}),
        ...(change.liaisonOfficer ? { liaisonOfficer: change.liaisonOfficer } : {}),
        ...(change.privacyOfficer ? { privacyOfficer: change.privacyOfficer } : {}),
        ...(change.placements ? { placements: change.placements } : {}),
        ...(change.handlesSubsidies !== undefined ? { handlesSubsidies: change.handlesSubsidies } : {}),
        ...(change.certifications ? { certifications: change.certifications } : {}),
      };
      const record = applied.record;
      const address = registration.organisation?.address ?? agency.address;
      this.ctx.storage.transactionSync(() => {
        this.sql.exec(`UPDATE agencies SET name = ?, record = ?, address = ?, licence_number = ?, licence_key = ?, handles_subsidies = ?, certifications = ?,
            search_text = ?, updated_at = ? WHERE id = ?`,
        record.name, JSON.stringify({ ...record, registration }), address, record.licence.number, licenceKey(record.licence.number),
        registration.handlesSubsidies ? 1 : 0, JSON.stringify(registration.certifications ?? []), directoryText(`${record.name} ${address} ${record.licence.number}`), now, agency.id);
        this.sql.exec("UPDATE procedures SET status = 'accepted', decided_at = ?, decided_by = ?, reason = ? WHERE id = ?", now, staff.id, reason, id);
        this.appendAudit(now, staff.id, 'change.accept', id, reason, { agencyId: agency.id, fields: Object.keys(change).filter((k) => k !== 'note'), mandatoryInformationVersion: version, notified });
      });
      return { ok: true, procedure: this.procedure(id)!, mandatoryInformationVersion: version, notified };
    });
  }

  /**
   * The bureau accepts a renewal after checking R-ELIG-2 again on the renewal's application day
   * (R-ELIG-4). Services not renewed stop, and with the jobseeker service its data goes (R-RET-3).
   *
   * @example await registry.acceptRenewal('P…', staff, null, '2029-03-31', now);
   */
  async acceptRenewal(id: string, staff: StaffRecord, reason: string | null, termEndsOn: string | null, now: number): Promise<{ ok: true; procedure: ProcedureRecord; services: AgencyRecord['services']; purged: number } | Refusal> {
    return this.exclusive(async () => {
      const found = this.pendingProcedure(id, 'renewal', staff, now);
      if ('ok' in found) return found;
      const { row, agency } = found;
      const renewal = JSON.parse(row.request) as RenewalRequest;
      if (renewal.services.includes('jobseeker') && !placementQualifies(row.submitted_on, renewal.placements)) {
        return refuse(422, 'renewal_not_eligible', '求職情報提供サービスを更新できません',
          `更新申請日（${row.submitted_on}）から過去3か月以内の常用就職の実績がありません（利用規約§2(2)）。利用期限の経過後、直ちに退会申請が必要です。`);
      }
      const applied: ApplyResult = await this.agencyStub(agency.id).applyAcceptedChange({ services: renewal.services }, now);
      if (!applied.ok) return applied;
      const stored = this.storedRecord(agency);
      this.ctx.storage.transactionSync(() => {
        this.sql.exec('UPDATE agencies SET services = ?, record = ?, term_ends_on = COALESCE(?, term_ends_on), updated_at = ? WHERE id = ?',
          renewal.services.join(','), JSON.stringify({ ...applied.record, registration: stored.registration }), termEndsOn, now, agency.id);
        this.sql.exec("UPDATE procedures SET status = 'accepted', decided_at = ?, decided_by = ?, reason = ? WHERE id = ?", now, staff.id, reason, id);
        this.appendAudit(now, staff.id, 'renewal.accept', id, reason, { agencyId: agency.id, services: renewal.services, termEndsOn, purged: applied.purged });
      });
      return { ok: true, procedure: this.procedure(id)!, services: renewal.services, purged: applied.purged };
    });
  }

  /**
   * The bureau rejects a change or renewal request, with the reason.
   *
   * @example await registry.rejectProcedure('P…', 'change', staff, '記載に不備があります', now);
   */
  async rejectProcedure(id: string, kind: 'change' | 'renewal', staff: StaffRecord, reason: string, now: number): Promise<{ ok: true; procedure: ProcedureRecord } | Refusal> {
    const found = this.pendingProcedure(id, kind, staff, now);
    if ('ok' in found) return found;
    this.ctx.storage.transactionSync(() => {
      this.sql.exec("UPDATE procedures SET status = 'rejected', decided_at = ?, decided_by = ?, reason = ? WHERE id = ?", now, staff.id, reason, id);
      this.appendAudit(now, staff.id, `${kind}.reject`, id, reason, { agencyId: found.agency.id });
    });
    return { ok: true, procedure: this.procedure(id)! };
  }

  /**
   * The agency withdraws (退会): effective at once, its jobseeker data is deleted (R-RET-3), and its
   * account ID stays reserved for five years from today (R-APP-2).
   *
   * @example await registry.withdraw('A…', '事業廃止のため', now);
   */
  async withdraw(agencyId: string, reason: string | null, now: number): Promise<{ ok: true; procedure: ProcedureRecord; change: StatusChange; emailReservedUntil: string } | Refusal> {
    return this.exclusive(async () => {
      const row = this.agencyRow(agencyId);
      if (!row) return refuse(404, 'agency_not_found', '事業者が見つかりません', 'この事業者は登録されていません。');
      const blocked = this.usable(row);
      if (blocked) return blocked;
      const today = jstDate(new Date(now));
      const change = await this.applyStatus(row, 'withdrawn', null, now, { withdrawnOn: today });
      if (!change.ok) return change;
      const id = `P${randomBase32(10)}`;
      this.ctx.storage.transactionSync(() => {
        this.closeSuspension(agencyId, today, agencyId, 'withdrawn');
        this.sql.exec("INSERT INTO procedures (id, kind, agency_id, prefecture, request, status, submitted_on, deadline, submitted_at, decided_at, decided_by, reason) VALUES (?, 'withdrawal', ?, ?, ?, 'effective', ?, NULL, ?, ?, ?, ?)",
          id, agencyId, row.prefecture, JSON.stringify(reason ? { reason } : {}), today, now, now, agencyId, reason);
        this.appendAudit(now, agencyId, 'agency.withdraw', agencyId, reason, { purged: change.change.purged });
      });
      return { ok: true, procedure: this.procedure(id)!, change: change.change, emailReservedUntil: emailReservedUntil(today) };
    });
  }

  // ---- sanctions (R-SAN-1, R-SAN-2, R-RET-3) ---------------------------------------------------

  /**
   * Changes the agency's standing in its own object (which the feed and sends check) and here
   * (the directory and the scheduler).
   */
  private async applyStatus(
    row: AgencyRow, status: AgencyRecord['status'], suspension: Suspension | null, now: number, dates: { revokedOn?: string; withdrawnOn?: string } = {},
  ): Promise<{ ok: true; change: StatusChange } | Refusal> {
    const r: SetStatusResult = await this.agencyStub(row.id).setStatus(status, suspension, now, dates);
    if (!r.ok) return r;
    const stored = this.storedRecord(row);
    const ended = dates.revokedOn ?? dates.withdrawnOn ?? null;
    this.sql.exec('UPDATE agencies SET status = ?, suspension = ?, revoked_on = COALESCE(?, revoked_on), ended_on = COALESCE(?, ended_on), record = ?, updated_at = ? WHERE id = ?',
      status, suspension ? JSON.stringify(suspension) : null, dates.revokedOn ?? null, ended, JSON.stringify({ ...r.record, registration: stored.registration }), now, row.id);
    return {
      ok: true,
      change: { agencyId: row.id, status, suspension: r.record.suspension, revokedOn: r.record.revokedOn, withdrawnOn: r.record.withdrawnOn, purged: r.purged, sessionsEnded: r.sessionsEnded },
    };
  }

  private closeSuspension(agencyId: string, endedOn: string, by: string, why: NonNullable<SuspensionHistory['endReason']>): void {
    this.sql.exec('UPDATE suspensions SET ended_on = ?, ended_by = ?, end_reason = ? WHERE agency_id = ? AND ended_on IS NULL', endedOn, by, why, agencyId);
  }

  private violation(r: ViolationRow): ViolationRecord {
    return {
      id: r.id, agencyId: r.agency_id, category: r.category, note: r.note, recordedOn: r.recorded_on, recordedAt: new Date(r.recorded_at).toISOString(),
      recordedBy: r.recorded_by, resumedOn: r.resumed_on, proposal: JSON.parse(r.proposal) as SanctionProposal,
    };
  }

  private insertViolation(agencyId: string, input: ViolationRequest, by: string, now: number): ViolationRecord {
    const today = jstDate(new Date(now));
    const history: ViolationHistoryEntry[] = this.sql.exec<ViolationRow>('SELECT * FROM violations WHERE agency_id = ?', agencyId).toArray()
      .map((v) => ({ category: v.category, recordedOn: v.recorded_on, resumedOn: v.resumed_on }));
    const proposal = proposeSanction({ category: input.category, recordedOn: today, notImprovedWithinSuspension: input.notImprovedWithinSuspension }, history);
    const id = `V${randomBase32(10)}`;
    this.sql.exec('INSERT INTO violations (id, agency_id, category, note, recorded_on, recorded_at, recorded_by, proposal) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      id, agencyId, input.category, input.note, today, now, by, JSON.stringify(proposal));
    return this.violation(this.sql.exec<ViolationRow>('SELECT * FROM violations WHERE id = ?', id).one());
  }

  /**
   * Records a violation and answers the sanction §8 sets for it, from the agency's history
   * (R-SAN-1). Nothing is imposed: staff decide (decision 9).
   *
   * @example await registry.recordViolation('A…', { category: 'misuse', note: '…' }, staff, now);
   */
  async recordViolation(agencyId: string, input: ViolationRequest, staff: StaffRecord, now: number): Promise<{ ok: true; violation: ViolationRecord } | Refusal> {
    const row = this.scopedAgency(agencyId, staff);
    if ('ok' in row) return row;
    let violation!: ViolationRecord;
    this.ctx.storage.transactionSync(() => {
      violation = this.insertViolation(agencyId, input, staff.id, now);
      this.appendAudit(now, staff.id, 'violation.record', agencyId, input.note, { violationId: violation.id, category: input.category, proposal: violation.proposal.kind });
    });
    return { ok: true, violation };
  }

  /** `countsFrom`: the instant its months count from (T-2); an automatic suspension counts from 00:00 of its day. */
  private suspendNow(row: AgencyRow, input: SuspensionRequest, actor: Actor, now: number, countsFrom = now): Promise<{ ok: true; change: StatusChange; suspensionId: string } | Refusal> {
    const today = jstDate(new Date(now));
    const suspension: Suspension = {
      reason: input.reason, startsOn: today, kind: input.kind,
      endsOn: input.kind === 'fixed' ? suspensionLastDay(new Date(countsFrom), input.months ?? 6) : null,
    };
    return this.applyStatus(row, 'suspended', suspension, now).then((r) => {
      if (!r.ok) return r;
      const id = `U${randomBase32(10)}`;
      this.ctx.storage.transactionSync(() => {
        this.sql.exec('INSERT INTO suspensions (id, agency_id, kind, reason, starts_on, ends_on, violation_id, imposed_by, imposed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
          id, row.id, suspension.kind, suspension.reason, suspension.startsOn, suspension.endsOn, input.violationId ?? null, actorId(actor), now);
        this.appendAudit(now, actorId(actor), 'suspension.impose', row.id, input.reason, { suspensionId: id, kind: suspension.kind, endsOn: suspension.endsOn, violationId: input.violationId ?? null, purged: r.change.purged });
      });
      return { ok: true as const, change: r.change, suspensionId: id };
    });
  }

  /**
   * Suspends an agency at once (R-SAN-2): fixed months (ending by themselves), until corrected, or
   * temporarily while facts are checked (§8(3)).
   *
   * @example await registry.suspend('A…', { kind: 'fixed', reason: '…' }, staff, now);
   */
  async suspend(agencyId: string, input: SuspensionRequest, staff: StaffRecord, now: number): Promise<{ ok: true; change: StatusChange } | Refusal> {
    return this.exclusive(async () => {
      const row = this.scopedAgency(agencyId, staff);
      if ('ok' in row) return row;
      const blocked = this.usable(row);
      if (blocked) return blocked;
      if (row.status === 'suspended') return refuse(409, 'already_suspended', 'すでに利用停止中です', '停止中の事業者です。停止の内容を変えるときは、いったん解除してから改めて停止してください。');
      if (input.violationId && !this.sql.exec('SELECT 1 FROM violations WHERE id = ? AND agency_id = ?', input.violationId, agencyId).toArray().length) {
        return refuse(422, 'violation_not_found', '違反の記録が見つかりません', `この事業者の違反の記録（${input.violationId}）はありません。`);
      }
      const r = await this.suspendNow(row, input, staff, now);
      return r.ok ? { ok: true, change: r.change } : r;
    });
  }

  private markResumed(agencyId: string, resumedOn: string): void {
    this.sql.exec('UPDATE violations SET resumed_on = ? WHERE agency_id = ? AND resumed_on IS NULL AND recorded_on <= ?', resumedOn, agencyId, resumedOn);
  }

  /**
   * Lifts the current suspension (the matter was corrected, the facts checked, or a fixed one ends
   * early); use resumes at once and earlier violations count as "after resumption" (R-SAN-1).
   *
   * @example await registry.liftSuspension('A…', staff, '是正を確認しました', now);
   */
  async liftSuspension(agencyId: string, staff: StaffRecord, reason: string, now: number): Promise<{ ok: true; change: StatusChange } | Refusal> {
    return this.exclusive(async () => {
      const row = this.scopedAgency(agencyId, staff);
      if ('ok' in row) return row;
      if (row.status !== 'suspended') return refuse(409, 'not_suspended', '利用停止中ではありません', 'この事業者は停止されていません。');
      const r = await this.applyStatus(row, 'active', null, now);
      if (!r.ok) return r;
      const today = jstDate(new Date(now));
      this.ctx.storage.transactionSync(() => {
        this.closeSuspension(agencyId, today, staff.id, 'lifted');
        this.markResumed(agencyId, today);
        this.appendAudit(now, staff.id, 'suspension.lift', agencyId, reason, {});
      });
      return r;
    });
  }

  private async revokeNow(row: AgencyRow, reason: string, violationId: string | null, actor: Actor, now: number): Promise<{ ok: true; change: StatusChange } | Refusal> {
    const today = jstDate(new Date(now));
    const r = await this.applyStatus(row, 'revoked', null, now, { revokedOn: today });
    if (!r.ok) return r;
    this.ctx.storage.transactionSync(() => {
      this.closeSuspension(row.id, today, actorId(actor), 'revoked');
      this.appendAudit(now, actorId(actor), 'agency.revoke', row.id, reason, { violationId, purged: r.change.purged, sessionsEnded: r.change.sessionsEnded, reapplyFrom: reapplyAllowedFrom(today) });
    });
    return r;
  }

  /**
   * Revokes an agency (利用解除) at once: its sessions end, its jobseeker data goes (R-RET-3), it is
   * listed as revoked and may not apply again for three years (R-DIR-2, R-APP-3).
   *
   * @example await registry.revoke('A…', { reason: '…' }, staff, now);
   */
  async revoke(agencyId: string, input: { reason: string; violationId?: string }, staff: StaffRecord, now: number): Promise<{ ok: true; change: StatusChange } | Refusal> {
    return this.exclusive(async () => {
      const row = this.scopedAgency(agencyId, staff);
      if ('ok' in row) return row;
      const blocked = this.usable(row);
      if (blocked) return blocked;
      return this.revokeNow(row, input.reason, input.violationId ?? null, staff, now);
    });
  }

  /**
   * One agency as the bureau sees it: its record, officers, violations, suspensions, procedures.
   *
   * @example await registry.agencyDetail('A…', staff);
   */
  async agencyDetail(agencyId: string, staff: StaffRecord): Promise<{
    ok: true; record: AgencyRecord; address: string; liaisonOfficer: Officer | null; privacyOfficer: Officer | null; handlesSubsidies: boolean;
    certifications: Array<'privacy_mark' | 'yuryo'>; termEndsOn: string | null; violations: ViolationRecord[]; suspensions: SuspensionHistory[];
    procedures: ProcedureRecord[]; reportsFiled: number[];
  } | Refusal> {
    const row = this.scopedAgency(agencyId, staff);
    if ('ok' in row) return row;
    const record = (await this.agencyStub(agencyId).get()) ?? this.storedRecord(row);
    const stored = this.storedRecord(row);
    const suspensions = this.sql.exec<SuspensionRow>('SELECT * FROM suspensions WHERE agency_id = ? ORDER BY imposed_at DESC', agencyId).toArray().map((s) => ({
      id: s.id, kind: s.kind, reason: s.reason, startsOn: s.starts_on, endsOn: s.ends_on, violationId: s.violation_id, imposedBy: s.imposed_by,
      imposedAt: new Date(s.imposed_at).toISOString(), endedOn: s.ended_on, endedBy: s.ended_by, endReason: s.end_reason,
    }));
    return {
      ok: true, record, address: row.address, liaisonOfficer: stored.registration?.liaisonOfficer ?? null, privacyOfficer: stored.registration?.privacyOfficer ?? null,
      handlesSubsidies: row.handles_subsidies === 1, certifications: JSON.parse(row.certifications) as Array<'privacy_mark' | 'yuryo'>, termEndsOn: row.term_ends_on,
      violations: this.sql.exec<ViolationRow>('SELECT * FROM violations WHERE agency_id = ? ORDER BY recorded_at DESC', agencyId).toArray().map((v) => this.violation(v)),
      suspensions, procedures: await this.agencyProcedures(agencyId),
      reportsFiled: this.sql.exec<{ fiscal_year: number }>('SELECT fiscal_year FROM reports WHERE agency_id = ? ORDER BY fiscal_year', agencyId).toArray().map((r) => r.fiscal_year),
    };
  }

  // ---- the public directory (R-DIR-1, R-DIR-2) ------------------------------------------------

  /**
   * The directory of admitted agencies (R-DIR-1): suspended ones marked 停止中, withdrawn and
   * revoked ones left out. Filtered by prefecture, service and text; paged in a stable order.
   *
   * @example await registry.directory({ prefecture: '13', q: 'みらい', limit: 20 });
   */
  async directory(query: { prefecture?: string; service?: string; q?: string; cursor?: string; limit: number }): Promise<{ items: AgencyPublicRecord[]; nextCursor: string | null }> {
    const after = decodeCursor(query.cursor, 2);
    const q = query.q ? directoryText(query.q) : '';
    const rows = this.sql.exec<AgencyRow>(
      `SELECT * FROM agencies WHERE status IN ('active', 'suspended') AND (? IS NULL OR prefecture = ?) AND (? IS NULL OR instr(',' || services || ',', ?) > 0)
        AND (? = '' OR instr(search_text, ?) > 0) AND (? IS NULL OR prefecture > ? OR (prefecture = ? AND id > ?))
        ORDER BY prefecture, id LIMIT ?`,
      query.prefecture ?? null, query.prefecture ?? null, query.service ?? null, `,${query.service ?? ''},`, q, q,
      after?.[0] ?? null, after?.[0] ?? null, after?.[0] ?? null, after?.[1] ?? null, query.limit + 1).toArray();
    const page = rows.slice(0, query.limit);
    return {
      items: page.map((r) => ({
        id: r.id, name: r.name, address: r.address, prefecture: r.prefecture, licenceNumber: r.licence_number, licenceKind: r.licence_kind,
        services: r.services.split(',') as AgencyPublicRecord['services'], handlesSubsidies: r.handles_subsidies === 1,
        certifications: JSON.parse(r.certifications) as AgencyPublicRecord['certifications'], suspended: r.status === 'suspended',
        statusLabel: r.status === 'suspended' ? '停止中' : '利用中',
      })),
      nextCursor: rows.length > query.limit ? encodeCursor([page.at(-1)!.prefecture, page.at(-1)!.id]) : null,
    };
  }

  /**
   * Revoked agencies still inside their three years (R-DIR-2, decision 4), newest first.
   *
   * @example await registry.revokedDirectory({ limit: 20 }, '2027-01-04');
   */
  async revokedDirectory(query: { prefecture?: string; q?: string; cursor?: string; limit: number }, today: string): Promise<{ items: RevokedAgencyRecord[]; nextCursor: string | null }> {
    const after = decodeCursor(query.cursor, 2);
    const q = query.q ? directoryText(query.q) : '';
    const rows = this.sql.exec<AgencyRow>(
      `SELECT * FROM agencies WHERE status = 'revoked' AND revoked_on IS NOT NULL AND (? IS NULL OR prefecture = ?) AND (? = '' OR instr(search_text, ?) > 0)
        ORDER BY revoked_on DESC, id`,
      query.prefecture ?? null, query.prefecture ?? null, q, q).toArray()
      .filter((r) => today < reapplyAllowedFrom(r.revoked_on!))
      .filter((r) => !after || r.revoked_on! < after[0]! || (r.revoked_on === after[0] && r.id > after[1]!));
    const page = rows.slice(0, query.limit);
    return {
      items: page.map((r) => ({ name: r.name, address: r.address, prefecture: r.prefecture, licenceNumber: r.licence_number, revokedOn: r.revoked_on! })),
      nextCursor: rows.length > query.limit ? encodeCursor([page.at(-1)!.revoked_on!, page.at(-1)!.id]) : null,
    };
  }

  // ---- annual reports (R-REP-1..3) ----------------------------------------------------------

  private reportRecord(agencyId: string, fy: number): (AnnualReportRecord & { prefecture: PrefectureCode }) | null {
    const r = this.sql.exec<{ agency_id: string; name: string; prefecture: PrefectureCode; report: string; submitted_at: number; updated_at: number | null; on_time: number }>(
      'SELECT r.*, a.name, a.prefecture FROM reports r JOIN agencies a ON a.id = r.agency_id WHERE r.agency_id = ? AND r.fiscal_year = ?', agencyId, fy).toArray()[0];
    if (!r) return null;
    return {
      agencyId: r.agency_id, agencyName: r.name, prefecture: r.prefecture, submittedAt: new Date(r.submitted_at).toISOString(),
      report: { fiscalYear: fy, ...(JSON.parse(r.report) as AnnualReportRequest) }, onTime: r.on_time === 1,
      ...(r.updated_at ? { updatedAt: new Date(r.updated_at).toISOString() } : {}),
    };
  }

  /**
   * Files (or corrects) a fiscal year's usage report (R-REP-1, §19(1)): one part per service the
   * agency uses, fee figures exactly when it is a paid agency. Zeros are a report.
   *
   * @example await registry.fileReport('A…', 2026, { jobOffer: { hires: 0, feeTotal: 0 } }, now);
   */
  async fileReport(agencyId: string, fy: number, report: AnnualReportRequest, now: number): Promise<{ ok: true; created: boolean; record: AnnualReportRecord } | Refusal> {
    const row = this.agencyRow(agencyId);
    if (!row) return refuse(404, 'agency_not_found', '事業者が見つかりません', 'この事業者は登録されていません。');
    const blocked = this.usable(row);
    if (blocked) return blocked;
    const today = jstDate(new Date(now));
    const opensOn = reportReminderDate(fy);
    if (today < opensOn) return refuse(422, 'report_period_not_open', 'この年度の報告はまだできません', `${fy}年度の利用状況の報告は${opensOn}から受け付けます（期限は${reportDueDate(fy)}）。`, { opensOn });
    if (fy < fiscalYear(row.admitted_on)) return refuse(422, 'report_year_before_admission', '利用開始前の年度です', `利用開始日（${row.admitted_on}）より前の年度の報告は不要です。`);
    const services = row.services.split(',');
    const paid = row.licence_kind === 'paid';
    const errors: Array<{ path: string; message: string }> = [];
    const parts = [['job_offer', 'jobOffer', '求人情報提供サービス'], ['jobseeker', 'jobseeker', '求職情報提供サービス']] as const;
    for (const [service, key, label] of parts) {
      const part = report[key];
      if (services.includes(service) && part === undefined) errors.push({ path: key, message: `${label}の利用状況を入力してください（0件でも報告が必要です）` });
      if (!services.includes(service) && part !== undefined) errors.push({ path: key, message: `${label}は利用していないため入力できません` });
    }
    const feeFields: Array<[string, unknown]> = [
      ['jobOffer.feeTotal', report.jobOffer?.feeTotal], ['jobseeker.jobseekerFees', report.jobseeker?.jobseekerFees], ['jobseeker.employerFees', report.jobseeker?.employerFees],
    ];
    for (const [path, value] of feeFields) {
      const partPresent = path.startsWith('jobOffer') ? report.jobOffer !== undefined : report.jobseeker !== undefined;
      if (!partPresent) continue;
      if (paid && value === undefined) errors.push({ path, message: '有料職業紹介事業者は手数料の合計額（と件数）を入力してください（0でも入力が必要です）' });
      if (!paid && value !== undefined) errors.push({ path, message: '手数料の欄は有料職業紹介事業者だけが入力します' });
    }
    if (errors.length) return refuse(422, 'report_fields', '報告の内容を確認してください', errors.map((e) => e.message).join('。'), { errors });
    const existing = this.sql.exec('SELECT 1 FROM reports WHERE agency_id = ? AND fiscal_year = ?', agencyId, fy).toArray().length > 0;
    if (existing) {
      this.sql.exec('UPDATE reports SET report = ?, updated_at = ? WHERE agency_id = ? AND fiscal_year = ?', JSON.stringify(report), now, agencyId, fy);
    } else {
      this.sql.exec('INSERT INTO reports (agency_id, fiscal_year, report, submitted_at, on_time) VALUES (?, ?, ?, ?, ?)',
        agencyId, fy, JSON.stringify(report), now, today <= reportDueDate(fy) ? 1 : 0);
    }
    const { prefecture: _p, ...record } = this.reportRecord(agencyId, fy)!;
    return { ok: true, created: !existing, record };
  }

  /**
   * Who reported for a fiscal year and who did not (R-REP-1), in the staff member's scope. An
   * agency owes the report when it was admitted by the end of that year and had not left before it.
   *
   * @example await registry.reportsOverview(staff, 2026);
   */
  async reportsOverview(staff: StaffRecord, fy: number): Promise<ReportsOverview> {
    const scope = staff.role === 'bureau' ? staff.prefecture : null;
    const yearEnd = `${fy + 1}-03-31`;
    const owing = this.sql.exec<AgencyRow & { filed: number | null; reminded_at: number | null; suspended_on: string | null; duty_revoked_on: string | null }>(
      `SELECT a.*, r.fiscal_year AS filed, d.reminded_at, d.suspended_on, d.revoked_on AS duty_revoked_on FROM agencies a
         LEFT JOIN reports r ON r.agency_id = a.id AND r.fiscal_year = ?
         LEFT JOIN report_duties d ON d.agency_id = a.id AND d.fiscal_year = ?
       WHERE a.admitted_on <= ? AND (a.ended_on IS NULL OR a.ended_on > ? OR d.suspended_on IS NOT NULL) AND (? IS NULL OR a.prefecture = ?)
       ORDER BY a.prefecture, a.id`,
      fy, fy, yearEnd, yearEnd, scope, scope).toArray();
    const missing: MissingReport[] = owing.filter((a) => a.filed === null).map((a) => ({
      agencyId: a.id, agencyName: a.name, prefecture: a.prefecture, status: a.status,
      remindedAt: a.reminded_at === null ? null : new Date(a.reminded_at).toISOString(), suspendedOn: a.suspended_on, revokedOn: a.duty_revoked_on,
    }));
    const reported = this.sql.exec<{ agency_id: string }>(
      'SELECT r.agency_id FROM reports r JOIN agencies a ON a.id = r.agency_id WHERE r.fiscal_year = ? AND (? IS NULL OR a.prefecture = ?) ORDER BY a.prefecture, a.id',
      fy, scope, scope).toArray().map((r) => this.reportRecord(r.agency_id, fy)!);
    return { fiscalYear: fy, reminderOn: reportReminderDate(fy), dueOn: reportDueDate(fy), graceLastDay: reportGraceLastDay(fy), reported, missing };
  }

  // ---- scheduled work ----------------------------------------------------------------------

  /**
   * Everything the rules do by themselves at `now`, idempotent so it may run at any time and any
   * number of times (cron, clock moves): registration expiry (R-APP-1), revocation after an
   * unremedied report suspension (R-REP-3), fixed suspensions ending (R-SAN-2), the March
   * reminder (R-REP-2), and the automatic suspension after the grace month (R-REP-3).
   *
   * @example await registry.runScheduledWork(now.getTime());
   */
  async runScheduledWork(now: number): Promise<{ ok: true; expired: number; revoked: number; resumed: number; reminded: number; suspended: number }> {
    return this.exclusive(async () => {
      const today = jstDate(new Date(now));
      const { expired } = await this.expireRegistrations(now);

      // R-REP-3: still no report when the six months of the report suspension are over.
      let revoked = 0;
      const overdue = this.sql.exec<{ agency_id: string; fiscal_year: number; ends_on: string }>(
        `SELECT d.agency_id, d.fiscal_year, s.ends_on FROM report_duties d JOIN suspensions s ON s.id = d.suspension_id
         JOIN agencies a ON a.id = d.agency_id
         WHERE d.revoked_on IS NULL AND a.status = 'suspended' AND s.ended_on IS NULL AND s.ends_on < ?
           AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.agency_id = d.agency_id AND r.fiscal_year = d.fiscal_year)`, today).toArray();
      for (const duty of overdue) {
        const row = this.agencyRow(duty.agency_id)!;
        const violation = this.insertViolation(row.id, { category: 'missed_procedure', note: `${duty.fiscal_year}年度の利用状況の報告が停止期間（${duty.ends_on}まで）を過ぎても提出されていません。`, notImprovedWithinSuspension: true }, 'system', now);
        const r = await this.revokeNow(row, violation.proposal.reason, violation.id, 'system', now);
        if (!r.ok) continue;
        this.sql.exec('UPDATE report_duties SET revoked_on = ? WHERE agency_id = ? AND fiscal_year = ?', today, duty.agency_id, duty.fiscal_year);
        revoked++;
      }

      // R-SAN-2: a fixed suspension ends by itself; use resumes the day after its last day.
      let resumed = 0;
      const ending = this.sql.exec<SuspensionRow>(
        `SELECT s.* FROM suspensions s JOIN agencies a ON a.id = s.agency_id
         WHERE a.status = 'suspended' AND s.ended_on IS NULL AND s.kind = 'fixed' AND s.ends_on < ?`, today).toArray();
      for (const s of ending) {
        const row = this.agencyRow(s.agency_id)!;
        const r = await this.applyStatus(row, 'active', null, now);
        if (!r.ok) continue;
        const resumedOn = addDays(s.ends_on!, 1);
        this.ctx.storage.transactionSync(() => {
          this.closeSuspension(s.agency_id, resumedOn, 'system', 'expired');
          this.markResumed(s.agency_id, resumedOn);
          this.appendAudit(now, 'system', 'suspension.expire', s.agency_id, `停止期間（${s.starts_on}〜${s.ends_on}）が終了したため`, { suspensionId: s.id });
        });
        resumed++;
      }

      // R-REP-2: the reminder on the third Monday of March (sent late if the run on that day was missed).
      let reminded = 0;
      for (const fy of [fiscalYear(today) - 1, fiscalYear(today)]) {
        const due = reportDueDate(fy);
        if (today < reportReminderDate(fy) || today > due) continue;
        const targets = this.sql.exec<{ id: string }>(
          `SELECT a.id FROM agencies a WHERE a.status IN ('active', 'suspended') AND a.admitted_on <= ?
             AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.agency_id = a.id AND r.fiscal_year = ?)
             AND NOT EXISTS (SELECT 1 FROM report_duties d WHERE d.agency_id = a.id AND d.fiscal_year = ? AND d.reminded_at IS NOT NULL)`,
          `${fy + 1}-03-31`, fy, fy).toArray();
        for (let i = 0; i < targets.length; i += 50) {
          const batch = targets.slice(i, i + 50);
          await Promise.all(batch.map(({ id }) => this.agencyStub(id).remindReport(fy, due, now)));
          for (const { id } of batch) {
            this.sql.exec('INSERT INTO report_duties (agency_id, fiscal_year, reminded_at) VALUES (?, ?, ?) ON CONFLICT (agency_id, fiscal_year) DO UPDATE SET reminded_at = excluded.reminded_at', id, fy, now);
          }
          reminded += batch.length;
        }
        if (targets.length) this.appendAudit(now, 'system', 'report.remind', `fiscal_year:${fy}`, '3月の第3月曜日の報告リマインド（利用規約§19(1)）', { agencies: targets.length, dueOn: due });
      }

      // R-REP-3: reminded, still missing when the grace month has passed → six months' suspension.
      let suspended = 0;
      const missing = this.sql.exec<{ agency_id: string; fiscal_year: number }>(
        `SELECT d.agency_id, d.fiscal_year FROM report_duties d JOIN agencies a ON a.id = d.agency_id
         WHERE d.reminded_at IS NOT NULL AND d.suspension_id IS NULL AND a.status = 'active'
           AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.agency_id = d.agency_id AND r.fiscal_year = d.fiscal_year)`).toArray()
        .filter((d) => today > reportGraceLastDay(d.fiscal_year));
      for (const duty of missing) {
        const row = this.agencyRow(duty.agency_id)!;
        const grace = reportGraceLastDay(duty.fiscal_year);
        const violation = this.insertViolation(row.id, { category: 'missed_procedure', note: `${duty.fiscal_year}年度の利用状況の報告が期限（${reportDueDate(duty.fiscal_year)}）の翌日から1か月（${grace}まで）を過ぎても提出されていません。` }, 'system', now);
        const reason = `${duty.fiscal_year}年度の利用状況の報告が、提出依頼にもかかわらず${grace}までに提出されなかったため（利用規約§19(1)、§8(2)④a）`;
        const r = await this.suspendNow(row, { kind: 'fixed', months: 6, reason, violationId: violation.id }, 'system', now, jstMidnight(today).getTime());
        if (!r.ok) continue;
        this.sql.exec('UPDATE report_duties SET suspension_id = ?, suspended_on = ? WHERE agency_id = ? AND fiscal_year = ?', r.suspensionId, today, duty.agency_id, duty.fiscal_year);
        suspended++;
      }
      return { ok: true as const, expired, revoked, resumed, reminded, suspended };
    });
  }

  // ---- complaints (R-CMP-1) and compromise reports (R-SEC-1) ---------------------------------

  private seekerComplaint(r: SeekerComplaintRow & { name: string }): SeekerComplaintRecord {
    return {
      id: r.id, agencyId: r.agency_id, agencyName: r.name, profileId: r.profile_id, content: r.content, receivedAt: new Date(r.received_at).toISOString(),
      forwardedAt: r.forwarded_at === null ? null : new Date(r.forwarded_at).toISOString(), prefecture: r.prefecture, forwardedBy: r.forwarded_by,
    };
  }

  /**
   * A jobseeker complains about an agency (R-CMP-1, §7(2)②カ): it reaches the bureau of the
   * agency's prefecture.
   *
   * @example await registry.fileSeekerComplaint('13-7K3QM2XPA9', 'A…', '…', now);
   */
  async fileSeekerComplaint(profileId: string, agencyId: string, content: string, now: number): Promise<{ ok: true; complaint: SeekerComplaintRecord } | Refusal> {
    const row = this.agencyRow(agencyId);
    if (!row) return refuse(404, 'agency_not_found', '事業者が見つかりません', 'この事業者は登録されていません。事業者名を確かめてください。');
    const id = `Q${randomBase32(10)}`;
    this.sql.exec('INSERT INTO seeker_complaints (id, agency_id, prefecture, profile_id, content, received_at) VALUES (?, ?, ?, ?, ?, ?)', id, agencyId, row.prefecture, profileId, content, now);
    return { ok: true, complaint: this.seekerComplaint({ ...this.sql.exec<SeekerComplaintRow>('SELECT * FROM seeker_complaints WHERE id = ?', id).one(), name: row.name }) };
  }

  /** Jobseekers' complaints in the staff member's scope, newest first. */
  async seekerComplaints(staff: StaffRecord, filter: { agencyId?: string; forwarded?: boolean; limit: number }): Promise<SeekerComplaintRecord[]> {
    const scope = staff.role === 'bureau' ? staff.prefecture : null;
    const forwarded = filter.forwarded === undefined ? null : filter.forwarded ? 1 : 0;
    return this.sql.exec<SeekerComplaintRow & { name: string }>(
      `SELECT c.*, a.name FROM seeker_complaints c JOIN agencies a ON a.id = c.agency_id
       WHERE (? IS NULL OR c.prefecture = ?) AND (? IS NULL OR c.agency_id = ?) AND (? IS NULL OR (c.forwarded_at IS NOT NULL) = ?)
       ORDER BY c.received_at DESC, c.id LIMIT ?`,
      scope, scope, filter.agencyId ?? null, filter.agencyId ?? null, forwarded, forwarded, filter.limit).toArray().map((r) => this.seekerComplaint(r));
  }

  /**
   * The bureau passes a jobseeker's complaint on to the agency (§7(2)②カ, §15(3)): it becomes an
   * entry of the agency's complaint log, from the bureau. Once only.
   *
   * @example await registry.forwardComplaint('Q…', staff, { shareProfileId: false }, now);
   */
  async forwardComplaint(id: string, staff: StaffRecord, input: { reason?: string; summary?: string; shareProfileId: boolean }, now: number): Promise<{ ok: true; complaint: SeekerComplaintRecord; agencyComplaint: AgencyComplaint } | Refusal> {
    return this.exclusive(async () => {
      const row = this.sql.exec<SeekerComplaintRow & { name: string }>('SELECT c.*, a.name FROM seeker_complaints c JOIN agencies a ON a.id = c.agency_id WHERE c.id = ?', id).toArray()[0];
      if (!row) return refuse(404, 'complaint_not_found', '苦情が見つかりません', `苦情（${id}）はありません。`);
      if (staff.role === 'bureau' && staff.prefecture !== row.prefecture) return refuse(403, 'out_of_scope', '管轄外です', 'この苦情は管轄外の労働局のものです。');
      if (row.forwarded_at !== null) return refuse(409, 'already_forwarded', '連絡済みです', 'この苦情はすでに事業者へ連絡しました。');
      const today = jstDate(new Date(now));
      const content = `【労働局から連絡された求職者の苦情】\n${input.summary ?? row.content}${input.shareProfileId ? `\n（求職者ID: ${row.profile_id}）` : ''}`;
      const added: AddComplaintResult = await this.agencyStub(row.agency_id).addComplaint({ receivedOn: today, from: 'bureau', content, handling: [] }, now, id);
      if (!added.ok) return added;
      this.ctx.storage.transactionSync(() => {
        this.sql.exec('UPDATE seeker_complaints SET forwarded_at = ?, forwarded_by = ?, agency_complaint_id = ? WHERE id = ?', now, staff.id, added.complaint.id, id);
        this.appendAudit(now, staff.id, 'complaint.forward', id, input.reason ?? null, { agencyId: row.agency_id, summarised: input.summary !== undefined, shareProfileId: input.shareProfileId });
      });
      return { ok: true, complaint: this.seekerComplaint({ ...row, forwarded_at: now, forwarded_by: staff.id }), agencyComplaint: added.complaint };
    });
  }

  /**
   * The bureau asks for an agency's complaint log (§15(2)); the request is audited.
   *
   * @example await registry.agencyComplaints('A…', staff, now);
   */
  async agencyComplaints(agencyId: string, staff: StaffRecord, now: number): Promise<{ ok: true; log: AgencyComplaint[]; toBureau: SeekerComplaintRecord[] } | Refusal> {
    const row = this.scopedAgency(agencyId, staff);
    if ('ok' in row) return row;
    const log = await this.agencyStub(agencyId).complaintLog();
    this.appendAudit(now, staff.id, 'complaints.read', agencyId, null, { entries: log.length });
    return { ok: true, log, toBureau: await this.seekerComplaints(staff, { agencyId, limit: 100 }) };
  }

  /**
   * A user reports a suspected compromise of their account (R-SEC-1, §9); staff see it.
   *
   * @example await registry.fileCompromiseReport({ role: 'agency', accountId: 'A…', prefecture: '13', note: '…', noticedAt: null, sessionsEnded: 2 }, now);
   */
  async fileCompromiseReport(input: Omit<CompromiseReportRecord, 'id' | 'reportedAt'>, now: number): Promise<{ ok: true; report: CompromiseReportRecord }> {
    const id = `K${randomBase32(10)}`;
    this.sql.exec('INSERT INTO compromise_reports (id, role, account_id, prefecture, description, noticed_at, reported_at, sessions_ended) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      id, input.role, input.accountId, input.prefecture, input.note, input.noticedAt ? Date.parse(input.noticedAt) : null, now, input.sessionsEnded);
    return { ok: true, report: { ...input, id, reportedAt: new Date(now).toISOString() } };
  }

  /** Compromise reports in scope: the ministry sees all, a bureau its prefecture's agencies and jobseekers. */
  async compromiseReports(staff: StaffRecord, limit: number): Promise<CompromiseReportRecord[]> {
    const scope = staff.role === 'bureau' ? staff.prefecture : null;
    return this.sql.exec<{ id: string; role: CompromiseReportRecord['role']; account_id: string; prefecture: PrefectureCode | null; description: string; noticed_at: number | null; reported_at: number; sessions_ended: number }>(
      'SELECT * FROM compromise_reports WHERE (? IS NULL OR prefecture = ?) ORDER BY reported_at DESC, id LIMIT ?', scope, scope, limit).toArray()
      .map((r) => ({
        id: r.id, role: r.role, accountId: r.account_id, prefecture: r.prefecture, note: r.description,
        noticedAt: r.noticed_at === null ? null : new Date(r.noticed_at).toISOString(), reportedAt: new Date(r.reported_at).toISOString(), sessionsEnded: r.sessions_ended,
      }));
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
  async auditLog(before: number | null, limit: number, action: string | null = null): Promise<AuditEntry[]> {
    return this.sql.exec<{ seq: number; at: number; actor: string; action: string; target: string; reason: string | null; details: string }>(
      'SELECT * FROM audit WHERE seq < ? AND (? IS NULL OR action = ?) ORDER BY seq DESC LIMIT ?', before ?? Number.MAX_SAFE_INTEGER, action, action, limit).toArray()
      .map((r) => ({ seq: r.seq, at: new Date(r.at).toISOString(), actor: r.actor, action: r.action, target: r.target, reason: r.reason, details: JSON.parse(r.details) as Record<string, AuditValue> }));
  }
}
