import { DurableObject } from 'cloudflare:workers';
import type {
  AgencyComplaintCreate,
  ComplaintHandling,
  FeeStatement,
  MandatoryInformation,
  Message,
  Suspension,
} from '../../../shared/schemas';
import type { PasswordParams } from '../../lib/crypto';
import { migrate } from '../../lib/migrations';
import type { Refusal } from '../../lib/problem';
import { RateLimiter, SessionStore, type SessionRow } from '../../lib/sessions';
import * as access from './access';
import * as attribution from './attribution';
import * as account from './account';
import * as acquisitions from './acquisitions';
import * as complaints from './complaints';
import * as conversations from './conversations';
import * as deletionNotices from './deletion-notices';
import * as events from './events';
import * as outbox from './outbox';
import { AGENCY_MIGRATIONS } from './schema';
import * as seats from './seats';
import * as sending from './sending';
import * as standing from './standing';
import { agencyRecord, openAgencyStore, type AgencyStore } from './store';
import * as transparency from './transparency';
import type { AgencyRecord, SendRequest } from './types';

export type {
  Acquisition,
  AgencyEventRow,
  AgencyPrincipal,
  AgencyRecord,
  DeletionComplianceFigures,
  HolderView,
  RequiredDeletionKind,
  SendRequest,
  SendReservation,
} from './types';

/** Per-account request rate (R-OPS-2, §11): a burst of 2,000, then 200 a second. */
const RATE_BURST = 2000;
const RATE_PER_SECOND = 200;

/**
 * One agency: its record, credentials and sessions, the jobseeker data it acquired with their
 * retention deadlines, its sends and conversation index, its complaint log, and the events its
 * extension must act on. One object per agency, so an agency's requests never queue behind
 * another's. Each method hands over to the module of its concept.
 */
export class AgencyObject extends DurableObject<Env> {
  private readonly store: AgencyStore;
  private readonly sessions: SessionStore;
  private readonly limiter = new RateLimiter(RATE_BURST, RATE_PER_SECOND);

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.store = openAgencyStore(ctx, env);
    this.sessions = new SessionStore(ctx.storage.sql);
    ctx.blockConcurrencyWhile(async () => migrate(ctx.storage.sql, AGENCY_MIGRATIONS, (work) => ctx.storage.transactionSync(work)));
  }

  /** R-MSG-3, R-DEL-2: retries the notices still queued (at-least-once delivery, outbox.ts). */
  override async alarm(): Promise<void> {
    await outbox.deliverOutbox(this.store, Date.now());
  }
  /** The notices still waiting for delivery, with their attempts (R-MSG-3, R-DEL-2). */
  async pendingNotices() {
    return outbox.pendingNotices(this.store);
  }

  // ---- account (R-SEC-2, R-OPS-2) ---------------------------------------------------------------
  /** Creates the agency when the bureau admits it (or replaces its record on later decisions); the registering account is the liaison officer's seat. */
  async init(record: AgencyRecord, passwordHash: string | null, liaisonName: string | null = null, now = Date.now()) {
    return account.init(this.store, record, passwordHash, liaisonName, now);
  }
  /** The agency's record, or null before admission. */
  async get() {
    return agencyRecord(this.store);
  }
  /** The salt and iterations of one seat's password hash, for the worker to hash a candidate (R-SEC-5, R-ORG-2). */
  async passwordParams(who: account.SeatSelector) {
    return account.passwordParamsOf(this.store, who);
  }
  /** Signs in the seat an email names, with a candidate hash made by the worker (R-SEC-5, R-ORG-2); the token is returned once. */
  async signInWithHash(email: string, candidate: string, now: number, label: string | null) {
    return account.signInWithHash(this.store, this.sessions, email, candidate, now, label);
  }
  /** Changes one seat's password; that seat's other sessions end (R-SEC-6, R-ORG-2). */
  async changePassword(who: account.SeatSelector, candidate: string | null, newHash: string, keepSessionId: string | null) {
    return account.changePassword(this.store, this.sessions, who, candidate, newHash, keepSessionId);
  }
  /** Checks a bearer token and the account's request rate (R-SEC-2, R-OPS-2). */
  async authenticate(token: string, now: number, wallClock: number) {
    return account.authenticate(this.store, this.sessions, this.limiter, token, now, wallClock);
  }
  /** Live sessions of one seat (R-ORG-2: each person sees their own). */
  async listSessions(seatId: string, now: number) {
    return this.sessions.list(seatId, now);
  }
  /** Ends one session of a seat, or all of them when `id` is null. */
  async endSessions(seatId: string, id: string | null) {
    return id === null ? this.sessions.endAll(seatId) : Number(this.sessions.end(seatId, id));
  }

  // ---- staff seats (R-ORG-2) --------------------------------------------------------------------
  /** The organisation's seats with today's sends and openings. */
  async seats(now: number) {
    return seats.listSeats(this.store, now);
  }
  /** Refuses anyone but the liaison officer. */
  async requireLiaison(actorSeatId: string): Promise<{ ok: true } | Refusal> {
    return seats.requireLiaison(this.store, actorSeatId) ?? { ok: true };
  }
  /** The liaison officer adds a seat (its email already reserved in the registry). */
  async addSeat(actorSeatId: string, seat: { id: string; email: string; name: string }, passwordHash: string, now: number) {
    return seats.addSeat(this.store, actorSeatId, seat, passwordHash, now);
  }
  /** The liaison officer removes a seat; its sessions end at once. */
  async removeSeat(actorSeatId: string, seatId: string, now: number) {
    return seats.removeSeat(this.store, actorSeatId, seatId, now);
  }
  /** R-ORG-2: the seat that sent each of these messages, where recorded (message ID → seat). */
  async sendersOf(messageIds: string[]) {
    return seats.actorsOf(this.store, 'send', messageIds);
  }

  // ---- acquisitions and retention (R-RET-1..3) --------------------------------------------------
  /** Records that the agency acquired a profile (R-RET-1); with a seat, an opening by that seat (R-ORG-2). */
  async acquire(profileId: string, now: number, seatId: string | null = null) {
    return attribution.acquireBy(this.store, profileId, now, seatId);
  }
  /** Records 求職受理, extending retention (R-RET-2), with its fee statement (R-APP-5) and the seat that recorded it (R-ORG-2). */
  async accept(profileId: string, acceptedOn: string, fees: FeeStatement | undefined, now: number, seatId: string | null = null) {
    return attribution.acceptBy(this.store, profileId, acceptedOn, fees, now, seatId);
  }
  /** R-APP-5: records a refusal to accept an application, with its reason, and the seat that recorded it (R-ORG-2). */
  async refuseApplication(profileId: string, refusedOn: string, reason: string, now: number, seatId: string | null = null) {
    return attribution.refuseApplicationBy(this.store, profileId, refusedOn, reason, now, seatId);
  }
  /** Every acquisition, held or deleted. */
  async acquisitions() {
    return acquisitions.acquisitions(this.store);
  }
  /** The acquisition of one profile, if any. */
  async acquisitionOf(profileId: string) {
    return acquisitions.acquisitionOf(this.store, profileId);
  }
  /** Deletes what retention no longer allows (R-RET-1, R-RET-2), and tells jobseekers of deletions unconfirmed after 24 hours (R-DEL-2); idempotent. */
  async sweep(now: number) {
    const swept = await acquisitions.sweep(this.store, now);
    return { ...swept, unconfirmedTold: await deletionNotices.noticeUnconfirmed(this.store, now) };
  }
  /** R-RET-3: deletes every piece of jobseeker data the agency received; idempotent. */
  async purgeJobseekerData(rule: string, now: number) {
    return acquisitions.purgeJobseekerData(this.store, rule, now);
  }

  // ---- events for the extension and the deletion record (R-RET-4) -------------------------------
  /** Events after a cursor, oldest first. */
  async events(after: number, limit: number) {
    return attribution.eventsWithAckers(this.store, after, limit);
  }
  /** The extension confirms it deleted its copy; idempotent (R-RET-4, R-DEL-2). The first confirmation records its seat (R-ORG-2). */
  async ack(eventId: string, now: number, seatId: string | null = null) {
    return attribution.ackBy(this.store, eventId, now, seatId);
  }
  /** The deletion record (R-RET-4), newest first. */
  async deletionLog(limit = 500) {
    return events.deletionLog(this.store, limit);
  }

  // ---- standing, driven by the registry (R-SAN-2, R-APP-4, R-ELIG-4, R-REP-2) -------------------
  /** Changes the agency's standing at once (R-SAN-2, R-RET-3). */
  async setStatus(
    status: AgencyRecord['status'],
    suspension: Suspension | null,
    now: number,
    dates: { revokedOn?: string; withdrawnOn?: string } = {},
  ) {
    return standing.setStatus(this.store, this.sessions, status, suspension, now, dates);
  }
  /** Applies an accepted change or renewal (R-APP-4, R-ELIG-4, R-RET-3). */
  async applyAcceptedChange(patch: Parameters<typeof standing.applyAcceptedChange>[1], now: number) {
    return standing.applyAcceptedChange(this.store, patch, now);
  }
  /** R-REP-2: reminds the agency of the coming usage report; idempotent per fiscal year. */
  async remindReport(fiscalYear: number, dueOn: string, now: number) {
    return standing.remindReport(this.store, fiscalYear, dueOn, now);
  }
  /** R-REP-3: the bureau's request to submit a missing report (提出依頼), once per fiscal year. */
  async requestReport(fiscalYear: number, what: { dueOn: string; graceLastDay: string; bureau: string }, now: number) {
    return standing.requestReport(this.store, fiscalYear, what, now);
  }
  /** R-TERM-1: reminds the agency 30 days before its term or licence ends; idempotent. */
  async remindTerm(kind: 'term' | 'licence', endsOn: string, now: number) {
    return standing.remindTerm(this.store, kind, endsOn, now);
  }
  /** R-TERM-1, R-RET-3: the term ended without an accepted renewal; the jobseeker data goes. */
  async endTerm(endsOn: string, now: number) {
    return standing.endTerm(this.store, endsOn, now);
  }
  /** R-MSG-3, R-APP-4: installs accepted mandatory information and tells open conversations. */
  async installMandatoryInformation(content: MandatoryInformation, now: number) {
    return conversations.installMandatoryInformation(this.store, content, now);
  }

  // ---- the complaint log (R-CMP-1) --------------------------------------------------------------
  /** Adds an entry to the complaint log (R-CMP-1). */
  async addComplaint(input: AgencyComplaintCreate, now: number, bureauComplaintId: string | null = null) {
    return complaints.addComplaint(this.store, input, now, bureauComplaintId);
  }
  /** Adds one handling step to a complaint (R-CMP-1). */
  async addComplaintHandling(id: string, step: ComplaintHandling, now: number) {
    return complaints.addComplaintHandling(this.store, id, step, now);
  }
  /** The complaint log, newest received first. */
  async complaintLog() {
    return complaints.complaintLog(this.store);
  }

  // ---- sending (R-CAP-1, R-CAP-2, R-MSG-4) ------------------------------------------------------
  /** R-CAP-1: the organisation's count for the day, limit and reset, and who sent them (R-ORG-2). */
  async quota(now: number) {
    return attribution.quotaBySeat(this.store, now);
  }
  /** Step one of a send: check, count and mark the key pending. */
  async reserveSend(req: SendRequest, now: number) {
    return sending.reserveSend(this.store, req, now);
  }
  /** The jobseeker's object refused: the key is freed and the send no longer counts. */
  async releaseSend(key: string) {
    return sending.releaseSend(this.store, key);
  }
  /** The message was delivered: the key keeps its result (R-CAP-2, R-RET-1), and the seat that sent it (R-ORG-2). */
  async completeSend(
    key: string,
    sent: { conversationId: string; profileId: string; message: Message },
    now: number,
    seatId: string | null = null,
  ) {
    const r = await sending.completeSend(this.store, key, sent, now);
    seats.recordAction(this.store, seatId, 'send', now, sent.profileId, sent.message.id);
    // The quota the sender gets back says who sent the day's messages, as GET /v1/agency/quota does.
    return { ...r, quota: { ...r.quota, bySeat: seats.sendsBySeat(this.store, r.quota.day) } };
  }

  // ---- the conversation index (R-MSG-2, R-MSG-3) ------------------------------------------------
  /** The jobseeker wrote: the conversation opens for answers. */
  async noteSeekerMessage(conversationId: string, profileId: string, now: number) {
    return conversations.noteSeekerMessage(this.store, conversationId, profileId, now);
  }
  /** The jobseeker has now seen this mandatory-information version (R-MSG-3). */
  async noteSeen(conversationId: string, version: number) {
    return conversations.noteSeen(this.store, conversationId, version);
  }
  /** The agency's inbox, newest first. */
  async inbox(after: { at: number; id: string } | null, limit: number, now: number) {
    return conversations.inbox(this.store, after, limit, now);
  }
  /** The agency opens one of its conversations. */
  async openConversation(conversationId: string, now: number) {
    return conversations.openConversation(this.store, conversationId, now);
  }

  // ---- access ending (R-BLOCK-2, R-BLOCK-3, R-DEL-1) --------------------------------------------
  /** R-BLOCK-2: the jobseeker blocked this agency. */
  async blocked(profileId: string, conversationIds: string[], blockedAt: number, now: number) {
    return access.blocked(this.store, profileId, conversationIds, blockedAt, now);
  }
  /** R-BLOCK-3: the block was lifted. */
  async unblocked(profileId: string, _now: number) {
    return access.unblocked(this.store, profileId);
  }
  /** R-DEL-1: the jobseeker asked this agency to delete their data. */
  async deletionRequested(profileId: string, requestId: string, conversationIds: string[], requestedAt: number, now: number) {
    return access.deletionRequested(this.store, profileId, requestId, conversationIds, requestedAt, now);
  }

  // ---- transparency (R-RET-*, R-BLOCK-2, R-DEL-1) -----------------------------------------------
  /** What this agency holds of one jobseeker. */
  async holderView(profileId: string, now: number) {
    return transparency.holderView(this.store, profileId, now);
  }
  /** The bureau's deletion figures for this agency. */
  async deletionCompliance(now: number, overdueAfterMs: number, listLimit = 100) {
    return transparency.deletionCompliance(this.store, now, overdueAfterMs, listLimit);
  }
}
