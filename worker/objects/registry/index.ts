import { DurableObject } from 'cloudflare:workers';
import type {
  AnnualReportRequest,
  ChangeRequest,
  CompromiseReportRecord,
  Procedure,
  ProcedureKind,
  RenewalRequest,
  SuspensionRequest,
  ViolationRequest,
} from '../../../shared/schemas';
import { migrate } from '../../lib/migrations';
import { RateLimiter, SessionStore } from '../../lib/sessions';
import * as admissions from './admissions';
import * as audit from './audit';
import * as changes from './changes';
import * as complaints from './complaints';
import * as directory from './directory';
import * as forms from './forms';
import * as feedLapses from './feed-lapses';
import * as organisations from './organisations';
import * as procedures from './procedures';
import * as registrations from './registrations';
import * as renewals from './renewals';
import * as reports from './reports';
import * as sanctions from './sanctions';
import * as scheduler from './scheduler';
import type { AdmissionTerm } from './service-term';
import { REGISTRY_MIGRATIONS } from './schema';
import * as accounts from './staff';
import type { RegistryStore } from './store';
import type { RegistrationInput, StaffRecord } from './types';
import * as violations from './violations';

/**
 * The bureau's side, which is small and rarely written: staff and their sessions, the index from
 * an agency's account ID (email) to its object, registrations and procedures, the directory,
 * sanctions, annual reports, jobseekers' complaints, compromise reports and the audit log.
 * Never on the path of a search or a send. Each method hands over to the module of its concept.
 */
export class Registry extends DurableObject<Env> {
  private readonly store: RegistryStore;
  private readonly sessions: SessionStore;
  private readonly limiters = new Map<string, RateLimiter>();
  /** Decisions that call agency objects run one at a time, so no two interleave across an await. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.store = { sql: ctx.storage.sql, tx: (work) => ctx.storage.transactionSync(work), env };
    this.sessions = new SessionStore(ctx.storage.sql);
    ctx.blockConcurrencyWhile(async () => migrate(ctx.storage.sql, REGISTRY_MIGRATIONS));
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  // ---- staff and their sessions (R-SEC-2, R-SEC-5, R-SEC-6) -------------------------------------
  /** Live sessions of one staff member. */
  async staffSessions(staffId: string, now: number) {
    return this.sessions.list(staffId, now);
  }
  /** Ends one session of a staff member, or all of them when `id` is null. */
  async endStaffSessions(staffId: string, id: string | null) {
    return id === null ? this.sessions.endAll(staffId) : Number(this.sessions.end(staffId, id));
  }
  /** True while no ministry account exists (the bootstrap secret may create the first). */
  async needsBootstrap() {
    return accounts.needsBootstrap(this.store);
  }
  /** Creates a staff account (R-SEC-2); `createdBy` is the ministry account, or 'bootstrap'. */
  async createStaff(input: Parameters<typeof accounts.createStaff>[1], passwordHash: string, createdBy: string, now: number) {
    return accounts.createStaff(this.store, input, passwordHash, createdBy, now);
  }
  /** A staff account's ID and hash parameters by email, for the worker to hash a candidate (R-SEC-5). */
  async staffPasswordParams(email: string) {
    return accounts.staffPasswordParams(this.store, email);
  }
  /** Staff sign-in with a candidate hash made by the worker (R-SEC-5). */
  async staffSignInWithHash(staffId: string, candidate: string, now: number, label: string | null) {
    return accounts.staffSignInWithHash(this.store, this.sessions, staffId, candidate, now, label);
  }
  /** Changes a staff member's password; other sessions end (R-SEC-6). */
  async changeStaffPassword(staffId: string, candidate: string | null, newHash: string, keepSessionId: string | null, now: number) {
    return accounts.changeStaffPassword(this.store, this.sessions, staffId, candidate, newHash, keepSessionId, now);
  }
  /** Disables a staff account and ends its sessions at once (R-SEC-6, ministry). */
  async disableStaff(staffId: string, by: StaffRecord, now: number) {
    return accounts.disableStaff(this.store, this.sessions, staffId, by, now);
  }
  /** Checks a staff token and the account's request rate. */
  async staffAuthenticate(token: string, now: number, wallClock: number) {
    return accounts.staffAuthenticate(this.store, this.sessions, this.limiters, token, now, wallClock);
  }

  // ---- the agency index: sign-in, seats' emails, scope (R-ORG-2, R-SEC-8) -----------------------
  /** The agency an account ID (email) belongs to, for sign-in; a staff seat's email names its organisation (R-ORG-2). */
  async agencyIdByEmail(email: string) {
    return directory.agencyIdByEmail(this.store, email);
  }
  /** An admitted agency's name, or null for an ID the registry never admitted (R-SEC-8: checked before its object is addressed). */
  async agencyName(agencyId: string) {
    return directory.agencyName(this.store, agencyId);
  }
  /** R-ORG-2: reserves a new seat's email for its organisation, refused like an account ID in use or reserved (R-APP-2). */
  async reserveSeatEmail(agencyId: string, seatId: string, email: string, now: number) {
    return organisations.reserveSeatEmail(this.store.sql, email, agencyId, seatId, now);
  }
  /** R-ORG-2: a removed seat's email stays reserved for five years; a reservation never used is dropped. */
  async releaseSeatEmail(agencyId: string, seatId: string, removed: boolean, now: number) {
    return organisations.releaseSeatEmail(this.store.sql, agencyId, seatId, removed, now);
  }
  /** All agency IDs with a status (the scheduler's list). */
  async agencyIds(statuses: string[] = ['active', 'suspended']) {
    return directory.agencyIds(this.store, statuses);
  }
  /** Admitted agencies of every status in a prefecture (all of them when `prefecture` is null), for … */
  async agenciesInScope(prefecture: string | null) {
    return directory.agenciesInScope(this.store, prefecture);
  }

  // ---- registrations (R-ELIG-*, R-APP-1..4) -----------------------------------------------------
  /** Registers an agency's application (R-ELIG-*, R-APP-1..3): refused with the reason when it … */
  async register(input: RegistrationInput, passwordHash: string, now: number) {
    return registrations.register(this.store, input, passwordHash, now);
  }
  /** Registrations in a staff member's scope (all for the ministry). */
  async registrations(prefecture: string | null, status: string | null) {
    return registrations.registrations(this.store, prefecture, status);
  }
  /** The bureau accepts a registration: the agency's object is created and it can sign in. */
  async acceptRegistration(id: string, staff: StaffRecord, reason: string | null, now: number, term: AdmissionTerm = {}) {
    return this.exclusive(() => admissions.acceptRegistration(this.store, id, staff, reason, now, term));
  }
  /** The bureau rejects a registration, with the reason (R-APP-4, R-SEC-4). */
  async rejectRegistration(id: string, staff: StaffRecord, reason: string, now: number) {
    return admissions.rejectRegistration(this.store, id, staff, reason, now);
  }
  /** Records the day the signed application form arrived (decision 2): a registration whose form … */
  async markFormReceived(id: string, staff: StaffRecord, receivedOn: string, reason: string | null, now: number) {
    return admissions.markFormReceived(this.store, id, staff, receivedOn, reason, now);
  }
  /** Deletes registrations not completed by their deadline (R-APP-1) unless the form arrived in … */
  async expireRegistrations(now: number) {
    return registrations.expireRegistrations(this.store, now);
  }

  // ---- changes, renewals and withdrawal (R-APP-4, R-ELIG-4, R-RET-3) ----------------------------
  /** An agency files a change or renewal request (R-APP-4, R-ELIG-4); it waits for the bureau and … */
  async submitProcedure(agencyId: string, kind: 'change' | 'renewal', request: ChangeRequest | RenewalRequest, now: number) {
    return procedures.submitProcedure(this.store, agencyId, kind, request, now);
  }
  /** The procedures of one agency, newest first. */
  async agencyProcedures(agencyId: string) {
    return procedures.agencyProcedures(this.store, agencyId);
  }
  /** Procedures in the staff member's scope, filtered by kind and status. */
  async procedures(staff: StaffRecord, kind: ProcedureKind | null, status: Procedure['status'] | null) {
    return procedures.procedures(this.store, staff, kind, status);
  }
  /** The bureau accepts a change request (R-APP-4): only now does it take effect. New mandatory … */
  async acceptChange(id: string, staff: StaffRecord, reason: string | null, now: number) {
    return this.exclusive(() => changes.acceptChange(this.store, id, staff, reason, now));
  }
  /** The bureau accepts a renewal after checking R-ELIG-2 again on the renewal's application day … */
  async acceptRenewal(
    id: string,
    staff: StaffRecord,
    reason: string | null,
    termEndsOn: string | null,
    now: number,
    licenceExpiresOn: string | null = null,
  ) {
    return this.exclusive(() => renewals.acceptRenewal(this.store, id, staff, reason, termEndsOn, now, licenceExpiresOn));
  }
  /** The bureau rejects a change or renewal request, with the reason. */
  async rejectProcedure(id: string, kind: 'change' | 'renewal', staff: StaffRecord, reason: string, now: number) {
    return procedures.rejectProcedure(this.store, id, kind, staff, reason, now);
  }
  /** R-APP-4: records the day a change or renewal request's signed form arrived. */
  async markProcedureFormReceived(id: string, staff: StaffRecord, receivedOn: string, reason: string | null, now: number) {
    return forms.markProcedureFormReceived(this.store, id, staff, receivedOn, reason, now);
  }
  /** The agency withdraws (退会): effective at once, its jobseeker data is deleted (R-RET-3), and its … */
  async withdraw(agencyId: string, reason: string | null, now: number) {
    return this.exclusive(() => procedures.withdraw(this.store, agencyId, reason, now));
  }

  // ---- sanctions (R-SAN-1..3) -------------------------------------------------------------------
  /** Records a violation and answers the sanction §8 sets for it, from the agency's history … */
  async recordViolation(agencyId: string, input: ViolationRequest, staff: StaffRecord, now: number) {
    return violations.recordViolation(this.store, agencyId, input, staff, now);
  }
  /** Suspends an agency at once (R-SAN-2): fixed months (ending by themselves), until corrected, or … */
  async suspend(agencyId: string, input: SuspensionRequest, staff: StaffRecord, now: number) {
    return this.exclusive(() => sanctions.suspend(this.store, agencyId, input, staff, now));
  }
  /** Lifts the current suspension (the matter was corrected, the facts checked, or a fixed one ends … */
  async liftSuspension(agencyId: string, staff: StaffRecord, reason: string, now: number) {
    return this.exclusive(() => sanctions.liftSuspension(this.store, agencyId, staff, reason, now));
  }
  /** Revokes an agency (利用解除) at once: its sessions end, its jobseeker data goes (R-RET-3), it is … */
  async revoke(agencyId: string, input: { reason: string; violationId?: string }, staff: StaffRecord, now: number) {
    return this.exclusive(() => sanctions.revoke(this.store, agencyId, input, staff, now));
  }

  // ---- the directory (R-DIR-1, R-DIR-2) ---------------------------------------------------------
  /** One agency as the bureau sees it: its record, officers, violations, suspensions, procedures. */
  async agencyDetail(agencyId: string, staff: StaffRecord) {
    return directory.agencyDetail(this.store, agencyId, staff);
  }
  /** The directory of admitted agencies (R-DIR-1): suspended ones marked 停止中, withdrawn and … */
  async directory(query: { prefecture?: string; service?: string; q?: string; cursor?: string; limit: number }) {
    return directory.directory(this.store, query);
  }
  /** Revoked agencies still inside their three years (R-DIR-2, decision 4), newest first. */
  async revokedDirectory(query: { prefecture?: string; q?: string; cursor?: string; limit: number }, today: string) {
    return directory.revokedDirectory(this.store, query, today);
  }

  // ---- annual reports and scheduled work (R-REP-1..3) -------------------------------------------
  /** Files (or corrects) a fiscal year's usage report (R-REP-1, §19(1)): one part per service the … */
  async fileReport(agencyId: string, fy: number, report: AnnualReportRequest, now: number) {
    return reports.fileReport(this.store, agencyId, fy, report, now);
  }
  /** Who reported for a fiscal year and who did not (R-REP-1), in the staff member's scope. An … */
  async reportsOverview(staff: StaffRecord, fy: number) {
    return reports.reportsOverview(this.store, staff, fy);
  }
  /** Everything the rules do by themselves at `now`, idempotent so it may run at any time and any … */
  async runScheduledWork(now: number) {
    return this.exclusive(() => scheduler.runScheduledWork(this.store, now));
  }

  // ---- complaints and compromise reports (R-CMP-1, R-SEC-1) -------------------------------------
  /** A jobseeker complains about an agency (R-CMP-1, §7(2)②カ): it reaches the bureau of the … */
  async fileSeekerComplaint(profileId: string, agencyId: string, content: string, now: number) {
    return complaints.fileSeekerComplaint(this.store, profileId, agencyId, content, now);
  }
  /** Jobseekers' complaints in the staff member's scope, newest first. */
  async seekerComplaints(staff: StaffRecord, filter: { agencyId?: string; forwarded?: boolean; limit: number }) {
    return complaints.seekerComplaints(this.store, staff, filter);
  }
  /** The bureau passes a jobseeker's complaint on to the agency (§7(2)②カ, §15(3)): it becomes an … */
  async forwardComplaint(
    id: string,
    staff: StaffRecord,
    input: { reason?: string; summary?: string; shareProfileId: boolean },
    now: number,
  ) {
    return this.exclusive(() => complaints.forwardComplaint(this.store, id, staff, input, now));
  }
  /** The bureau asks for an agency's complaint log (§15(2)); the request is audited. */
  async agencyComplaints(agencyId: string, staff: StaffRecord, now: number) {
    return complaints.agencyComplaints(this.store, agencyId, staff, now);
  }
  /** A user reports a suspected compromise of their account (R-SEC-1, §9); staff see it. */
  async fileCompromiseReport(input: Omit<CompromiseReportRecord, 'id' | 'reportedAt'>, now: number) {
    return complaints.fileCompromiseReport(this.store, input, now);
  }
  /** Compromise reports in scope: the ministry sees all, a bureau its prefecture's agencies and jobseekers. */
  async compromiseReports(staff: StaffRecord, limit: number) {
    return complaints.compromiseReports(this.store, staff, limit);
  }

  // ---- the feed's lapse calendar (R-FEED-6) -----------------------------------------------------
  /** R-FEED-6: notes which shards hold rows valid until which dates (each load). */
  async noteFeedValidity(entries: Array<{ validUntil: string; prefecture: string }>) {
    feedLapses.noteFeedValidity(this.store, entries);
  }
  /** R-FEED-6: the shards with rows that lapsed before `today`. */
  async dueFeedLapses(today: string) {
    return feedLapses.dueFeedLapses(this.store, today);
  }
  /** R-FEED-6: forgets the lapses those shards removed. */
  async clearFeedLapses(today: string, prefectures: string[]) {
    feedLapses.clearFeedLapses(this.store, today, prefectures);
  }

  // ---- the audit log (R-SEC-4) ------------------------------------------------------------------
  /** Appends a staff action to the audit log (R-SEC-4); there is no method that edits or deletes. */
  async audit(now: number, actor: string, action: string, target: string, reason: string | null, details: Record<string, unknown> = {}) {
    return audit.audit(this.store, now, actor, action, target, reason, details);
  }
  /** The audit log, newest first. */
  async auditLog(before: number | null, limit: number, action: string | null = null) {
    return audit.auditLog(this.store, before, limit, action);
  }
}
