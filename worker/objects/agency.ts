import { DurableObject } from 'cloudflare:workers';
import { migrate } from '../lib/migrations';
import { jstDate, retentionDeadline } from '../../shared/rules';
import type { AgencyComplaint, AgencyComplaintCreate, ComplaintHandling, MandatoryInformation, Suspension } from '../../shared/schemas';
import type { PrefectureCode } from '../../shared/data/prefectures';
import { passwordParams, randomBase32, type PasswordParams } from '../lib/crypto';
import { refuse, type Refusal } from '../lib/problem';
import { RateLimiter, SessionStore, type SessionRow } from '../lib/sessions';
// Messaging (issue 4)
import { DAILY_CAP, capResetsAt, lintMessage, type Warning } from '../../shared/rules';
import type { Conversation, DailyQuota, MandatoryInformationVersion, Message } from '../../shared/schemas';
import { sha256Hex } from '../lib/crypto';
import { contactDetailsRefusal, disallowedContactDetails } from '../lib/contact-details';
import { formatJstDateTime as formatJst } from '../../shared/rules';
import type { SendKind } from './seeker';

/** What an agency is, as its own object keeps it. */
export type AgencyRecord = {
  id: string;
  email: string;
  name: string;
  prefecture: PrefectureCode;
  services: Array<'job_offer' | 'jobseeker'>;
  status: 'active' | 'suspended' | 'revoked' | 'withdrawn';
  suspension: Suspension | null;
  licence: { kind: 'paid' | 'free' | 'school' | 'special'; number: string };
  /** Registered contact methods: the only contact details its messages may hold (R-MSG-4). */
  contactMethods: Array<{ kind: 'email' | 'phone' | 'url' | 'postal'; value: string }>;
  /** The accepted mandatory information attached to first contacts (R-MSG-1, R-APP-4). */
  mandatoryInformation: { version: number; acceptedAt: string; content: MandatoryInformation } | null;
  admittedOn: string;
  revokedOn: string | null;
  withdrawnOn: string | null;
};

/** Who a request comes from, once its token checked out. */
export type AgencyPrincipal = { ok: true; sessionId: string; agency: AgencyRecord };

/** An acquisition as the agency and the jobseeker see it (R-RET-1, R-RET-2). */
export type Acquisition = {
  profileId: string;
  acquiredOn: string;
  acceptedOn: string | null;
  retentionDeadline: string;
  state: 'held' | 'deleted';
  deletedAt: string | null;
  deletedRule: string | null;
};

/** An instruction to the agency's extension, kept until acknowledged (R-BLOCK-2, R-DEL-1, R-RET-*). */
export type AgencyEventRow = {
  id: string;
  seq: number;
  type: string;
  profileId: string | null;
  conversationId: string | null;
  rule: string;
  createdAt: string;
  ackedAt: string | null;
  details: Record<string, unknown>;
};

type AcqRow = { profile_id: string; acquired_on: string; accepted_on: string | null; deadline: string; state: 'held' | 'deleted'; deleted_at: number | null; deleted_rule: string | null };

function toAcquisition(r: AcqRow): Acquisition {
  return {
    profileId: r.profile_id, acquiredOn: r.acquired_on, acceptedOn: r.accepted_on, retentionDeadline: r.deadline, state: r.state,
    deletedAt: r.deleted_at === null ? null : new Date(r.deleted_at).toISOString(), deletedRule: r.deleted_rule,
  };
}

/** Per-account request rate (R-OPS-2, §11): a burst of 2,000, then 200 a second. */
const RATE_BURST = 2000;
const RATE_PER_SECOND = 200;

/**
 * One agency: its record, credentials and sessions, the jobseeker data it acquired with their
 * retention deadlines, and the events its extension must act on. One object per agency, so an
 * agency's requests never queue behind another's.
 */
export class AgencyObject extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private readonly sessions: SessionStore;
  private readonly limiter = new RateLimiter(RATE_BURST, RATE_PER_SECOND);

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
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE acquisitions (
          profile_id TEXT PRIMARY KEY, acquired_on TEXT NOT NULL, accepted_on TEXT, deadline TEXT NOT NULL,
          state TEXT NOT NULL DEFAULT 'held', deleted_at INTEGER, deleted_rule TEXT);
        CREATE INDEX acquisitions_due ON acquisitions (state, deadline);
        CREATE TABLE events (
          seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, profile_id TEXT,
          conversation_id TEXT, rule TEXT NOT NULL, created_at INTEGER NOT NULL, acked_at INTEGER, details TEXT NOT NULL);
        CREATE TABLE deletions (
          seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, record_kind TEXT NOT NULL, rule TEXT NOT NULL,
          profile_id TEXT, event_id TEXT);
      `);
      },
    ]);
  }

  private record(): AgencyRecord | null {
    const row = this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'record'").toArray()[0];
    return row ? (JSON.parse(row.value) as AgencyRecord) : null;
  }

  private saveRecord(record: AgencyRecord): void {
    this.sql.exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('record', ?)", JSON.stringify(record));
  }

  /**
   * Creates the agency when the bureau admits it (or replaces its record on later decisions).
   *
   * @example await stub.init(record, passwordHash);
   */
  async init(record: AgencyRecord, passwordHash: string | null): Promise<{ ok: true }> {
    this.saveRecord(record);
    if (passwordHash) this.sql.exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('password', ?)", passwordHash);
    return { ok: true };
  }

  /** The agency's record, or null before admission. */
  async get(): Promise<AgencyRecord | null> {
    return this.record();
  }

  /** The salt and iterations of the password hash, for the worker to hash a candidate (R-SEC-5). */
  async passwordParams(): Promise<PasswordParams | null> {
    if (!this.record()) return null;
    return passwordParams(this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'password'").toArray()[0]?.value ?? null);
  }

  /**
   * Signs in with a candidate hash made by the worker (R-SEC-5); the token is returned once.
   *
   * @example const r = await stub.signInWithHash(candidate, now.getTime(), label);
   */
  async signInWithHash(candidate: string, now: number, label: string | null): Promise<{ ok: true; token: string; expiresAt: number } | Refusal> {
    const hash = this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'password'").toArray()[0]?.value ?? null;
    return this.sessions.signInWithHash(candidate, hash, 'agency', this.record()?.id ?? null, now, label, 'アカウントID（メールアドレス）またはパスワードが正しくありません。');
  }

  /**
   * Changes the password (R-SEC-6): `candidate` is the worker's hash of the old one, or null after a
   * reset code; the new hash replaces it and every session but `keepSessionId` ends.
   */
  async changePassword(candidate: string | null, newHash: string, keepSessionId: string | null): Promise<{ ok: true; ended: number } | Refusal> {
    const stored = this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'password'").toArray()[0]?.value ?? null;
    const id = this.record()?.id ?? null;
    const r = this.sessions.checkForChange(candidate, stored, id);
    if (!r.ok) return r;
    this.sql.exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('password', ?)", newHash);
    return { ok: true, ended: this.sessions.endAllExcept(id!, keepSessionId) };
  }

  /**
   * Checks a bearer token and the account's request rate (R-SEC-2, R-OPS-2).
   *
   * @example const who = await stub.authenticate(token, now, Date.now());
   */
  async authenticate(token: string, now: number, wallClock: number): Promise<AgencyPrincipal | Refusal> {
    const record = this.record();
    if (!record) return refuse(401, 'unauthenticated', 'サインインが必要です', 'セッションが無効か期限切れです。もう一度サインインしてください。');
    const r = await this.sessions.check(token, now, this.limiter, wallClock);
    if (!r.ok && r.code === 'unauthenticated' && (record.status === 'revoked' || record.status === 'withdrawn')) {
      // Revocation ended every session; the extension still learns it must delete everything (R-RET-3).
      // That an agency was revoked or withdrew is public (R-DIR-2), so saying so to any token leaks nothing.
      return refuse(403, `agency_${record.status}`, record.status === 'revoked' ? '利用解除されました' : '退会済みです',
        '求職情報提供サービスの利用は終了しています。この端末に保存された求職者の情報はすべて削除してください（利用規約§7(2)①オ）。');
    }
    return r.ok ? { ok: true, sessionId: r.session.id, agency: record } : r;
  }


  /** Live sessions of this account. */
  async listSessions(now: number): Promise<SessionRow[]> {
    return this.sessions.list(this.record()?.id ?? '', now);
  }

  /** Ends one session, or all of them when `id` is null. */
  async endSessions(id: string | null): Promise<number> {
    const accountId = this.record()?.id ?? '';
    return id === null ? this.sessions.endAll(accountId) : Number(this.sessions.end(accountId, id));
  }

  /**
   * Records that the agency acquired a profile (opened it or wrote to its owner): the first time
   * starts the retention window (R-RET-1); past the deadline the data is gone for this agency.
   *
   * @example await stub.acquire('13-7K3M9X2QAB', now.getTime());
   */
  async acquire(profileId: string, now: number): Promise<{ ok: true; acquisition: Acquisition } | Refusal> {
    const today = jstDate(new Date(now));
    const row = this.sql.exec<AcqRow>('SELECT * FROM acquisitions WHERE profile_id = ?', profileId).toArray()[0];
    if (row) {
      if (row.state === 'held' && row.deadline < today) this.expire(row, now);
      const current = this.sql.exec<AcqRow>('SELECT * FROM acquisitions WHERE profile_id = ?', profileId).one();
      if (current.state !== 'held') return this.goneRefusal(current);
      return { ok: true, acquisition: toAcquisition(current) };
    }
    const deadline = retentionDeadline(today);
    this.transparencyTables();
    this.ctx.storage.transactionSync(() => {
      this.sql.exec('INSERT INTO acquisitions (profile_id, acquired_on, deadline) VALUES (?, ?, ?)', profileId, today, deadline);
      // The jobseeker's side learns who acquired their profile (issue 9); sent below, retried by sweep().
      this.sql.exec('INSERT OR IGNORE INTO acquirer_pending (profile_id, acquired_on) VALUES (?, ?)', profileId, today);
    });
    const acquisition = toAcquisition(this.sql.exec<AcqRow>('SELECT * FROM acquisitions WHERE profile_id = ?', profileId).one());
    await this.pushAcquirers(profileId);
    return { ok: true, acquisition };
  }

  private goneRefusal(row: AcqRow): Refusal {
    const why = row.deleted_rule === 'R-RET-1' || row.deleted_rule === 'R-RET-2'
      ? `保存期限（${row.deadline}）を過ぎたため、この求職者の情報は削除されました。`
      : 'この求職者の情報は削除されました（求職者からの申出など）。';
    return refuse(410, 'data_deleted', 'この情報は利用できません', why, { rule: row.deleted_rule, deletedAt: row.deleted_at === null ? null : new Date(row.deleted_at).toISOString() });
  }

  /**
   * Records 求職受理 — the agency accepted the jobseeker's application — which, inside the window,
   * extends retention to the end of the next fiscal year (R-RET-2).
   *
   * @example await stub.accept('13-7K3M9X2QAB', '2026-11-15', now.getTime());
   */
  async accept(profileId: string, acceptedOn: string, now: number): Promise<{ ok: true; acquisition: Acquisition; extended: boolean } | Refusal> {
    const today = jstDate(new Date(now));
    const row = this.sql.exec<AcqRow>('SELECT * FROM acquisitions WHERE profile_id = ?', profileId).toArray()[0];
    if (!row) return refuse(404, 'not_acquired', '取得していない求職者です', 'この求職者の情報を取得していないため、求職受理を記録できません。');
    if (row.state === 'held' && row.deadline < today) this.expire(row, now);
    const current = this.sql.exec<AcqRow>('SELECT * FROM acquisitions WHERE profile_id = ?', profileId).one();
    if (current.state !== 'held') return this.goneRefusal(current);
    if (acceptedOn > today) return refuse(422, 'accepted_in_future', '受理日が未来の日付です', `求職受理日（${acceptedOn}）は今日（${today}）以前の日付にしてください。`);
    if (acceptedOn < current.acquired_on) {
      return refuse(422, 'accepted_before_acquisition', '受理日が取得日より前です', `求職受理日（${acceptedOn}）は情報の取得日（${current.acquired_on}）以降の日付にしてください。`);
    }
    const deadline = retentionDeadline(current.acquired_on, acceptedOn);
    this.sql.exec('UPDATE acquisitions SET accepted_on = ?, deadline = ? WHERE profile_id = ?', acceptedOn, deadline, profileId);
    return {
      ok: true,
      extended: deadline !== retentionDeadline(current.acquired_on),
      acquisition: toAcquisition(this.sql.exec<AcqRow>('SELECT * FROM acquisitions WHERE profile_id = ?', profileId).one()),
    };
  }

  /** Every acquisition, held or deleted (the extension and the transparency views read it). */
  async acquisitions(): Promise<Acquisition[]> {
    return this.sql.exec<AcqRow>('SELECT * FROM acquisitions ORDER BY acquired_on DESC, profile_id').toArray().map(toAcquisition);
  }

  /** The acquisition of one profile, if any. */
  async acquisitionOf(profileId: string): Promise<Acquisition | null> {
    const row = this.sql.exec<AcqRow>('SELECT * FROM acquisitions WHERE profile_id = ?', profileId).toArray()[0];
    return row ? toAcquisition(row) : null;
  }

  private expire(row: AcqRow, now: number, tellSeekers = true): void {
    const rule = row.accepted_on ? 'R-RET-2' : 'R-RET-1';
    // The conversation goes with the data, as after a deletion request (issue 9, R-RET-1/2).
    this.messagingTables();
    this.transparencyTables();
    const live = this.sql.exec<{ id: string }>("SELECT id FROM msg_conversations WHERE profile_id = ? AND state != 'revoked'", row.profile_id).toArray().map((r) => r.id);
    this.ctx.storage.transactionSync(() => {
      this.sql.exec("UPDATE acquisitions SET state = 'deleted', deleted_at = ?, deleted_rule = ? WHERE profile_id = ?", now, rule, row.profile_id);
      const eventId = this.appendEvent('retention_expired', rule, now, {
        profileId: row.profile_id, ...(live[0] ? { conversationId: live[0] } : {}),
        details: { deadline: row.deadline, reason: row.accepted_on ? 'retention_ended' : 'not_accepted' },
      });
      this.recordDeletion(now, 'acquired_profile', rule, row.profile_id, eventId);
      this.revokeConversationIndex(row.profile_id, live, rule, now, eventId);
      if (live.length) {
        this.sql.exec('INSERT OR IGNORE INTO seeker_close_pending (profile_id, rule, at, deadline) VALUES (?, ?, ?, ?)', row.profile_id, rule, now, row.deadline);
      }
    });
    // expire() runs inside synchronous steps (a send's check); the jobseeker is told right after.
    if (live.length && tellSeekers) void this.closeExpiredAtSeekers().catch(() => undefined);
  }

  /**
   * Deletes what retention no longer allows (R-RET-1, R-RET-2): run by the scheduler and whenever
   * the clock moves; idempotent.
   *
   * @example await stub.sweep(now.getTime()); // { expired: 3 }
   */
  async sweep(now: number): Promise<{ ok: true; expired: number }> {
    const today = jstDate(new Date(now));
    const due = this.sql.exec<AcqRow>("SELECT * FROM acquisitions WHERE state = 'held' AND deadline < ?", today).toArray();
    for (const row of due) this.expire(row, now, false);
    // Issue 9: finish what an earlier step could not (a pointer or a closing notice that failed).
    this.transparencyTables();
    await this.pushAcquirers();
    await this.closeExpiredAtSeekers();
    return { ok: true, expired: due.length };
  }

  /**
   * R-RET-3: when the agency stops using the service (withdrawal, suspension, revocation), every
   * piece of jobseeker data it received is deleted worker-side and each deletion recorded (R-RET-4).
   * Returns how many records went. Idempotent.
   *
   * @example await stub.purgeJobseekerData('R-RET-3', now.getTime());
   */
  async purgeJobseekerData(rule: string, now: number): Promise<{ ok: true; deleted: number }> {
    let deleted = 0;
    const conversing = this.liveConversationProfiles();
    this.ctx.storage.transactionSync(() => {
      const held = this.sql.exec<{ profile_id: string }>("SELECT profile_id FROM acquisitions WHERE state = 'held'").toArray();
      for (const { profile_id } of held) {
        this.sql.exec("UPDATE acquisitions SET state = 'deleted', deleted_at = ?, deleted_rule = ? WHERE profile_id = ?", now, rule, profile_id);
        this.recordDeletion(now, 'acquired_profile', rule, profile_id, null);
        deleted++;
      }
      deleted += this.revokeAllConversations(rule, now);
    });
    await this.closeAtSeekers(conversing, rule, now);
    return { ok: true, deleted };
  }

  /** Appends an event for the extension; returns its ID. */
  protected appendEvent(type: string, rule: string, now: number, ref: { profileId?: string; conversationId?: string; details?: Record<string, unknown> }): string {
    const id = `E${now.toString(36)}${crypto.randomUUID().slice(0, 8)}`;
    this.sql.exec('INSERT INTO events (id, type, profile_id, conversation_id, rule, created_at, details) VALUES (?, ?, ?, ?, ?, ?, ?)',
      id, type, ref.profileId ?? null, ref.conversationId ?? null, rule, now, JSON.stringify(ref.details ?? {}));
    return id;
  }

  /** R-RET-4: what kind of record was deleted, under which rule, when; never the content. */
  protected recordDeletion(now: number, recordKind: string, rule: string, profileId: string | null, eventId: string | null): void {
    this.sql.exec('INSERT INTO deletions (at, record_kind, rule, profile_id, event_id) VALUES (?, ?, ?, ?, ?)', now, recordKind, rule, profileId, eventId);
  }

  /**
   * Events after a cursor (the last `seq` the extension saw), oldest first.
   *
   * @example await stub.events(0, 100);
   */
  async events(after: number, limit: number): Promise<{ items: AgencyEventRow[]; nextCursor: number }> {
    const rows = this.sql.exec<{ seq: number; id: string; type: string; profile_id: string | null; conversation_id: string | null; rule: string; created_at: number; acked_at: number | null; details: string }>(
      'SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?', after, limit).toArray();
    const items = rows.map((r) => ({
      id: r.id, seq: r.seq, type: r.type, profileId: r.profile_id, conversationId: r.conversation_id, rule: r.rule,
      createdAt: new Date(r.created_at).toISOString(), ackedAt: r.acked_at === null ? null : new Date(r.acked_at).toISOString(),
      details: JSON.parse(r.details) as Record<string, unknown>,
    }));
    return { items, nextCursor: items.length ? items[items.length - 1]!.seq : after };
  }

  /**
   * The extension confirms it deleted its copy; idempotent (a second ack keeps the first time).
   *
   * @example await stub.ack('E…', now.getTime());
   */
  async ack(eventId: string, now: number): Promise<{ ok: true; ackedAt: string } | Refusal> {
    const row = this.sql.exec<{ acked_at: number | null }>('SELECT acked_at FROM events WHERE id = ?', eventId).toArray()[0];
    if (!row) return refuse(404, 'event_not_found', 'お知らせが見つかりません', `お知らせ（${eventId}）は存在しません。`);
    if (row.acked_at === null) this.sql.exec('UPDATE events SET acked_at = ? WHERE id = ?', now, eventId);
    await this.afterAck(eventId, row.acked_at ?? now, now);
    return { ok: true, ackedAt: new Date(row.acked_at ?? now).toISOString() };
  }

  /** The deletion record (R-RET-4), newest first. */
  async deletionLog(limit = 500): Promise<Array<{ at: string; recordKind: string; rule: string; profileId: string | null }>> {
    return this.sql.exec<{ at: number; record_kind: string; rule: string; profile_id: string | null }>(
      'SELECT at, record_kind, rule, profile_id FROM deletions ORDER BY seq DESC LIMIT ?', limit).toArray()
      .map((r) => ({ at: new Date(r.at).toISOString(), recordKind: r.record_kind, rule: r.rule, profileId: r.profile_id }));
  }

  // ==== The bureau's side (worker/objects/registry.ts drives these) ==========================
  // Status changes (R-SAN-2, R-RET-3), accepted changes and renewals (R-APP-4, R-ELIG-4), report
  // reminders (R-REP-2) and the complaint log (R-CMP-1). The complaint table is created here on
  // first use so this section needs no step in the shared migration list above.

  private complaintTableReady = false;

  private complaintTable(): void {
    if (this.complaintTableReady) return;
    this.sql.exec(`CREATE TABLE IF NOT EXISTS complaints (
      seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, received_on TEXT NOT NULL, source TEXT NOT NULL, content TEXT NOT NULL,
      handling TEXT NOT NULL, bureau_complaint_id TEXT, recorded_at INTEGER NOT NULL)`);
    this.complaintTableReady = true;
  }

  /**
   * Changes the agency's standing at once (R-SAN-2): saves the record, tells the extension with a
   * `status_changed` event, deletes all jobseeker data the agency received when its use stops
   * (R-RET-3, recorded per R-RET-4), and ends every session of a revoked agency. A revoked or
   * withdrawn agency can still sign in to read its status, events and complaint log.
   *
   * @example await stub.setStatus('suspended', { kind: 'fixed', reason: '…', startsOn: '2027-05-21', endsOn: '2027-11-20' }, now);
   */
  async setStatus(
    status: AgencyRecord['status'],
    suspension: Suspension | null,
    now: number,
    dates: { revokedOn?: string; withdrawnOn?: string } = {},
  ): Promise<{ ok: true; record: AgencyRecord; purged: number; sessionsEnded: number } | Refusal> {
    const record = this.record();
    if (!record) return refuse(404, 'agency_not_found', '事業者が見つかりません', 'この事業者は登録されていません。');
    const next: AgencyRecord = {
      ...record, status, suspension: status === 'suspended' ? suspension : null,
      revokedOn: dates.revokedOn ?? record.revokedOn, withdrawnOn: dates.withdrawnOn ?? record.withdrawnOn,
    };
    const purged = status === 'active' ? 0 : (await this.purgeJobseekerData('R-RET-3', now)).deleted;
    this.ctx.storage.transactionSync(() => {
      this.saveRecord(next);
      this.appendEvent('status_changed', status === 'withdrawn' ? 'R-RET-3' : 'R-SAN-2', now, { details: { status, suspension: next.suspension, purged } });
    });
    const sessionsEnded = status === 'revoked' ? this.sessions.endAll(record.id) : 0;
    return { ok: true, record: next, purged, sessionsEnded };
  }

  /**
   * Applies what the bureau accepted in a change request or renewal (R-APP-4, R-ELIG-4), other
   * than mandatory information (installMandatoryInformation does that). Giving up the jobseeker
   * service deletes the jobseeker data received (R-RET-3).
   *
   * @example await stub.applyAcceptedChange({ name: '株式会社みらい人材２', contactMethods }, now);
   */
  async applyAcceptedChange(
    patch: { name?: string; licenceNumber?: string; contactMethods?: AgencyRecord['contactMethods']; services?: AgencyRecord['services'] },
    now: number,
  ): Promise<{ ok: true; record: AgencyRecord; purged: number } | Refusal> {
    const record = this.record();
    if (!record) return refuse(404, 'agency_not_found', '事業者が見つかりません', 'この事業者は登録されていません。');
    const next: AgencyRecord = {
      ...record,
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.licenceNumber !== undefined ? { licence: { ...record.licence, number: patch.licenceNumber } } : {}),
      ...(patch.contactMethods !== undefined ? { contactMethods: patch.contactMethods } : {}),
      ...(patch.services !== undefined ? { services: patch.services } : {}),
    };
    const leavesJobseekerService = record.services.includes('jobseeker') && !next.services.includes('jobseeker');
    const purged = leavesJobseekerService ? (await this.purgeJobseekerData('R-RET-3', now)).deleted : 0;
    this.saveRecord(next);
    return { ok: true, record: next, purged };
  }

  /**
   * R-REP-2: reminds the agency of the coming usage report (an event the extension shows).
   * Idempotent per fiscal year.
   *
   * @example await stub.remindReport(2026, '2027-04-20', now); // { ok: true, sent: true }
   */
  async remindReport(fiscalYear: number, dueOn: string, now: number): Promise<{ ok: true; sent: boolean }> {
    const already = this.sql.exec("SELECT 1 FROM events WHERE type = 'report_reminder' AND json_extract(details, '$.fiscalYear') = ?", fiscalYear).toArray().length > 0;
    if (!already) this.appendEvent('report_reminder', 'R-REP-2', now, { details: { fiscalYear, dueOn } });
    return { ok: true, sent: !already };
  }

  /**
   * Adds an entry to the complaint log (R-CMP-1, §15(2)): the day received, the content, the
   * handling so far. Entries passed on by the bureau carry the bureau's complaint ID.
   *
   * @example await stub.addComplaint({ receivedOn: '2026-11-27', from: 'jobseeker', content: '…', handling: [] }, now);
   */
  async addComplaint(input: AgencyComplaintCreate, now: number, bureauComplaintId: string | null = null): Promise<{ ok: true; complaint: AgencyComplaint } | Refusal> {
    this.complaintTable();
    const today = jstDate(new Date(now));
    if (input.receivedOn > today) return refuse(422, 'received_in_future', '受付日が未来の日付です', `受付日（${input.receivedOn}）は今日（${today}）以前の日付にしてください。`);
    if (input.handling.some((h) => h.on > today)) return refuse(422, 'handled_in_future', '対応日が未来の日付です', `対応日は今日（${today}）以前の日付にしてください。`);
    const id = `C${randomBase32(10)}`;
    this.sql.exec('INSERT INTO complaints (id, received_on, source, content, handling, bureau_complaint_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      id, input.receivedOn, input.from, input.content, JSON.stringify(input.handling), bureauComplaintId, now);
    return { ok: true, complaint: this.complaint(id)! };
  }

  /**
   * Adds one handling step (対応の経過) to a complaint; what was recorded is never rewritten.
   *
   * @example await stub.addComplaintHandling('C…', { on: '2026-11-28', note: '電話で謝罪しました。' }, now);
   */
  async addComplaintHandling(id: string, step: ComplaintHandling, now: number): Promise<{ ok: true; complaint: AgencyComplaint } | Refusal> {
    this.complaintTable();
    const current = this.complaint(id);
    if (!current) return refuse(404, 'complaint_not_found', '苦情の記録が見つかりません', `苦情の記録（${id}）はありません。`);
    const today = jstDate(new Date(now));
    if (step.on > today) return refuse(422, 'handled_in_future', '対応日が未来の日付です', `対応日（${step.on}）は今日（${today}）以前の日付にしてください。`);
    if (step.on < current.receivedOn) return refuse(422, 'handled_before_received', '対応日が受付日より前です', `対応日（${step.on}）は受付日（${current.receivedOn}）以降の日付にしてください。`);
    this.sql.exec('UPDATE complaints SET handling = ? WHERE id = ?', JSON.stringify([...current.handling, step]), id);
    return { ok: true, complaint: this.complaint(id)! };
  }

  /** The complaint log, newest received first (the agency reads it; the bureau may ask for it). */
  async complaintLog(): Promise<AgencyComplaint[]> {
    this.complaintTable();
    return this.sql.exec<{ id: string }>('SELECT id FROM complaints ORDER BY received_on DESC, seq DESC').toArray().map((r) => this.complaint(r.id)!);
  }

  private complaint(id: string): AgencyComplaint | null {
    const r = this.sql.exec<{ id: string; received_on: string; source: AgencyComplaint['from']; content: string; handling: string; bureau_complaint_id: string | null; recorded_at: number }>(
      'SELECT * FROM complaints WHERE id = ?', id).toArray()[0];
    if (!r) return null;
    return {
      id: r.id, receivedOn: r.received_on, from: r.source, content: r.content, handling: JSON.parse(r.handling) as AgencyComplaint['handling'],
      ...(r.bureau_complaint_id ? { bureauComplaintId: r.bureau_complaint_id } : {}), recordedAt: new Date(r.recorded_at).toISOString(),
    };
  }

  // ==== Messaging (issue 4): the daily cap, idempotent sends, the conversation index ==========
  // The conversation itself lives in the jobseeker's SeekerObject, which alone decides delivery
  // (R-BLOCK-1). This object counts the agency's sends per JST day (R-CAP-1), keeps its
  // idempotency keys (R-CAP-2), an index of its conversations (its worker-side access: removed on
  // a block, a deletion request or when it stops using the service: R-BLOCK-2, R-DEL-1, R-RET-3),
  // and installs new versions of its mandatory information (R-MSG-3). Tables are created on first
  // use so this section needs no step in the shared migration list.

  private messagingReady = false;
  private lastSendPrune = 0;

  private messagingTables(): void {
    if (this.messagingReady) return;
    this.sql.exec(`
      CREATE TABLE IF NOT EXISTS msg_daily (day TEXT PRIMARY KEY, used INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS msg_sends (
        key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, day TEXT NOT NULL, state TEXT NOT NULL, profile_id TEXT,
        reserved_at INTEGER NOT NULL, reserved_wall INTEGER NOT NULL, result TEXT);
      CREATE INDEX IF NOT EXISTS msg_sends_reserved ON msg_sends (reserved_at);
      CREATE INDEX IF NOT EXISTS msg_sends_profile ON msg_sends (profile_id);
      CREATE TABLE IF NOT EXISTS msg_conversations (
        id TEXT PRIMARY KEY, profile_id TEXT NOT NULL, state TEXT NOT NULL, revoked_rule TEXT, created_at INTEGER NOT NULL,
        last_message_at INTEGER NOT NULL, last_from TEXT NOT NULL, unread INTEGER NOT NULL DEFAULT 0, mi_version INTEGER NOT NULL, mi_seen INTEGER);
      CREATE INDEX IF NOT EXISTS msg_conversations_profile ON msg_conversations (profile_id);
      CREATE INDEX IF NOT EXISTS msg_conversations_recent ON msg_conversations (last_message_at DESC, id);
      CREATE TABLE IF NOT EXISTS msg_access_revoked (profile_id TEXT PRIMARY KEY, rule TEXT NOT NULL, at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS msg_ack_notices (event_id TEXT PRIMARY KEY, at INTEGER NOT NULL);
    `);
    this.messagingReady = true;
  }

  private seekerStub(profileId: string) {
    return this.env.SEEKER.get(this.env.SEEKER.idFromName(profileId));
  }

  private quotaAt(now: number): DailyQuota {
    const day = jstDate(new Date(now));
    const used = this.sql.exec<{ used: number }>('SELECT used FROM msg_daily WHERE day = ?', day).toArray()[0]?.used ?? 0;
    return { day, used, limit: DAILY_CAP, remaining: Math.max(0, DAILY_CAP - used), resetsAt: capResetsAt(new Date(now)).toISOString() };
  }

  /**
   * R-CAP-1: messages sent on the JST day of `now`, the limit, and the next 00:00 JST.
   *
   * @example await stub.quota(now.getTime()); // { day: '2026-11-27', used: 12, limit: 1000, remaining: 988, resetsAt: '…T15:00:00.000Z' }
   */
  async quota(now: number): Promise<DailyQuota> {
    this.messagingTables();
    return this.quotaAt(now);
  }

  /** Keys are kept a week: long enough for any retry, short enough to hold no message for long. */
  private pruneSends(now: number): void {
    if (now - this.lastSendPrune < 3600_000 && now >= this.lastSendPrune) return;
    this.lastSendPrune = now;
    this.sql.exec("DELETE FROM msg_sends WHERE state = 'delivered' AND reserved_at < ?", now - SEND_KEY_DAYS * 86_400_000);
    this.sql.exec('DELETE FROM msg_daily WHERE day < ?', jstDate(new Date(now - 40 * 86_400_000)));
  }

  private revokedRefusal(rule: string): Refusal {
    if (rule === 'R-BLOCK-2') {
      return refuse(403, 'blocked_by_recipient', 'この求職者には送信できません',
        '求職者がこの事業者からのメッセージの受け取りを停止（ブロック）しているため、送信できません。この求職者の情報は速やかに削除してください（利用規約 第7条(2)①オ）。');
    }
    const why = rule === 'R-DEL-1' ? '求職者から情報の削除を求められたため'
      : rule === 'R-BLOCK-3' ? '求職者のブロックにより（ブロックが解除されても元には戻りません）'
      : rule === 'R-RET-3' ? 'サービスの利用停止・終了により' : '保存期限を過ぎたため';
    return refuse(410, 'data_deleted', 'この情報は利用できません', `${why}、この求職者の情報と会話は削除されました。`, { rule });
  }

  /** The held acquisition of a profile, expiring it first when its deadline passed (R-RET-1, R-RET-2). */
  private heldAcquisition(profileId: string, now: number): Refusal | null {
    const row = this.sql.exec<AcqRow>('SELECT * FROM acquisitions WHERE profile_id = ?', profileId).toArray()[0];
    if (!row) return null;
    if (row.state === 'held' && row.deadline < jstDate(new Date(now))) this.expire(row, now);
    const current = this.sql.exec<AcqRow>('SELECT * FROM acquisitions WHERE profile_id = ?', profileId).one();
    return current.state === 'held' ? null : this.goneRefusal(current);
  }

  private sendTarget(req: SendRequest, now: number): { ok: true; profileId: string; conversationId: string | null } | Refusal {
    if (req.kind === 'first_contact') {
      const profileId = req.profileId ?? '';
      const revoked = this.sql.exec<{ rule: string }>('SELECT rule FROM msg_access_revoked WHERE profile_id = ?', profileId).toArray()[0];
      if (revoked) return this.revokedRefusal(revoked.rule);
      const gone = this.heldAcquisition(profileId, now);
      return gone ?? { ok: true, profileId, conversationId: null };
    }
    const conv = this.sql.exec<IndexRow>('SELECT * FROM msg_conversations WHERE id = ?', req.conversationId ?? '').toArray()[0];
    if (!conv) return refuse(404, 'conversation_not_found', '会話が見つかりません', 'この会話は存在しないか、参照する権限がありません。');
    if (conv.state === 'revoked') return this.revokedRefusal(conv.revoked_rule ?? 'R-DEL-1');
    const gone = this.heldAcquisition(conv.profile_id, now);
    return gone ?? { ok: true, profileId: conv.profile_id, conversationId: conv.id };
  }

  /**
   * Step one of a send (R-CAP-1, R-CAP-2, R-MSG-4): checks the body's contact details against the
   * registered contact methods, then — synchronously, so no other send of this agency interleaves —
   * returns the stored result of a key already delivered, or refuses at 1,000 sends this JST day,
   * or counts the send and marks its key pending. The caller then asks the jobseeker's object to
   * deliver and calls completeSend, or releaseSend on a refusal (which un-counts it).
   *
   * @example const r = await stub.reserveSend({ key, kind: 'reply', conversationId, body }, now);
   */
  async reserveSend(req: SendRequest, now: number): Promise<SendReservation | Refusal> {
    this.messagingTables();
    const record = this.record();
    if (!record) return refuse(404, 'agency_not_found', '事業者が見つかりません', 'この事業者は登録されていません。');
    if (record.status !== 'active' || !record.services.includes('jobseeker')) {
      return refuse(403, `agency_${record.status === 'active' ? 'service_not_admitted' : record.status}`, '送信できません', '現在、求職情報提供サービスを利用できない状態のため、メッセージは送れません。');
    }
    const findings = disallowedContactDetails(req.body, record.contactMethods);
    if (findings.length) return contactDetailsRefusal(findings, record.contactMethods);
    const warnings = lintMessage(req.body);
    const fingerprint = await sha256Hex(JSON.stringify([req.kind, req.profileId ?? null, req.conversationId ?? null, req.body]));
    // From here to the return nothing awaits: check and count are one step of this object.
    this.pruneSends(now);
    const prior = this.sql.exec<SendRow>('SELECT * FROM msg_sends WHERE key = ?', req.key).toArray()[0];
    if (prior && prior.fingerprint !== fingerprint) {
      return refuse(422, 'idempotency_key_reused', '冪等キーが別の送信に使われています', 'この冪等キーは内容の異なる送信にすでに使われています。新しい送信には新しいキーを使ってください。');
    }
    if (prior?.state === 'delivered' && prior.result) {
      const stored = JSON.parse(prior.result) as { conversationId: string; message: Message };
      return { ok: true, state: 'replay', conversationId: stored.conversationId, message: stored.message, quota: this.quotaAt(now), warnings };
    }
    // A pending key is a send still on its way; after a minute (wall clock) it was lost, and the
    // retry delivers it (the jobseeker's object ignores a key it already delivered) without a new count.
    if (prior && Date.now() - prior.reserved_wall < PENDING_STALE_MS) {
      return refuse(409, 'send_in_progress', '同じ送信を処理中です', 'この冪等キーの送信を処理しています。少し待ってから同じキーでもう一度お試しください。', { retryAfter: 2 });
    }
    const target = this.sendTarget(req, now);
    if (!target.ok) return target;
    if (prior) {
      this.sql.exec('UPDATE msg_sends SET reserved_wall = ? WHERE key = ?', Date.now(), req.key);
    } else {
      const quota = this.quotaAt(now);
      if (quota.used >= DAILY_CAP) {
        const retryAfter = Math.max(1, Math.ceil((Date.parse(quota.resetsAt) - now) / 1000));
        return refuse(429, 'cap_reached', '本日の送信上限に達しました',
          `本日（${quota.day}）の送信数が上限の${DAILY_CAP.toLocaleString('en-US')}通に達しました（最初のメッセージと返信の合計、利用規約 第7条(2)①キ）。送信数は日本時間の午前0時（${formatJst(Date.parse(quota.resetsAt))}）にリセットされます。`,
          { used: quota.used, limit: DAILY_CAP, resetsAt: quota.resetsAt, retryAfter });
      }
      this.ctx.storage.transactionSync(() => {
        this.sql.exec('INSERT INTO msg_daily (day, used) VALUES (?, 1) ON CONFLICT(day) DO UPDATE SET used = used + 1', quota.day);
        this.sql.exec("INSERT INTO msg_sends (key, fingerprint, day, state, profile_id, reserved_at, reserved_wall) VALUES (?, ?, ?, 'pending', ?, ?, ?)",
          req.key, fingerprint, quota.day, target.profileId, now, Date.now());
      });
    }
    return {
      ok: true, state: 'reserved', profileId: target.profileId, conversationId: target.conversationId, agencyId: record.id, agencyName: record.name,
      mandatoryInformation: req.kind === 'first_contact' ? record.mandatoryInformation : null, warnings,
    };
  }

  /**
   * The jobseeker's object refused the send (blocked, R-MSG-2, …): the key is freed and the send
   * no longer counts (R-CAP-1). Idempotent.
   *
   * @example await stub.releaseSend(key);
   */
  async releaseSend(key: string): Promise<{ ok: true; released: boolean }> {
    this.messagingTables();
    const row = this.sql.exec<SendRow>("SELECT * FROM msg_sends WHERE key = ? AND state = 'pending'", key).toArray()[0];
    if (!row) return { ok: true, released: false };
    this.ctx.storage.transactionSync(() => {
      this.sql.exec('DELETE FROM msg_sends WHERE key = ?', key);
      this.sql.exec('UPDATE msg_daily SET used = MAX(0, used - 1) WHERE day = ?', row.day);
    });
    return { ok: true, released: true };
  }

  /**
   * The message was delivered: the key keeps its result (a retry gets it, R-CAP-2); a first
   * contact records the acquisition (R-RET-1) and enters the inbox — unless the jobseeker blocked
   * or asked for deletion meanwhile (R-BLOCK-2, R-DEL-1). A first contact that carried an older
   * mandatory-information version than the one installed meanwhile gets the change notice (R-MSG-3).
   *
   * @example await stub.completeSend(key, { conversationId, profileId, message }, now);
   */
  async completeSend(key: string, sent: { conversationId: string; profileId: string; message: Message }, now: number): Promise<{ ok: true; quota: DailyQuota }> {
    this.messagingTables();
    const revoked = this.sql.exec('SELECT 1 FROM msg_access_revoked WHERE profile_id = ?', sent.profileId).toArray().length > 0;
    const first = sent.message.kind === 'first_contact';
    let indexed = !revoked;
    if (indexed && first) indexed = (await this.acquire(sent.profileId, now)).ok;
    this.ctx.storage.transactionSync(() => {
      this.sql.exec("UPDATE msg_sends SET state = 'delivered', result = ? WHERE key = ?", JSON.stringify({ conversationId: sent.conversationId, message: sent.message }), key);
      if (!indexed) return;
      if (first) {
        this.sql.exec("INSERT OR IGNORE INTO msg_conversations (id, profile_id, state, created_at, last_message_at, last_from, unread, mi_version, mi_seen) VALUES (?, ?, 'awaiting_seeker', ?, ?, 'agency', 0, ?, NULL)",
          sent.conversationId, sent.profileId, now, now, sent.message.mandatoryInformation?.version ?? 0);
      } else {
        this.sql.exec("UPDATE msg_conversations SET last_message_at = MAX(last_message_at, ?), last_from = 'agency' WHERE id = ? AND state != 'revoked'", now, sent.conversationId);
      }
    });
    const current = this.record()?.mandatoryInformation;
    if (indexed && first && current && current.version > (sent.message.mandatoryInformation?.version ?? 0)) {
      await this.noticeConversation({ id: sent.conversationId, profile_id: sent.profileId }, current, now);
    }
    return { ok: true, quota: this.quotaAt(now) };
  }

  /** The jobseeker wrote: the conversation opens for answers and counts unread for the agency. */
  async noteSeekerMessage(conversationId: string, profileId: string, now: number): Promise<{ ok: true }> {
    this.messagingTables();
    this.sql.exec("UPDATE msg_conversations SET state = 'open', unread = unread + 1, last_message_at = MAX(last_message_at, ?), last_from = 'seeker' WHERE id = ? AND profile_id = ? AND state != 'revoked'",
      now, conversationId, profileId);
    return { ok: true };
  }

  /** The jobseeker has now seen this mandatory-information version (R-MSG-3). */
  async noteSeen(conversationId: string, version: number): Promise<{ ok: true }> {
    this.messagingTables();
    this.sql.exec('UPDATE msg_conversations SET mi_seen = ? WHERE id = ?', version, conversationId);
    return { ok: true };
  }

  private toIndexConversation(r: IndexRow, record: AgencyRecord): Conversation {
    return {
      id: r.id, agencyId: record.id, agencyName: record.name, profileId: r.profile_id, state: r.state === 'open' ? 'open' : 'awaiting_seeker',
      mandatoryInformationVersion: Math.max(1, r.mi_version), mandatoryInformationVersionSeen: r.mi_seen, unread: r.unread,
      lastMessageAt: new Date(r.last_message_at).toISOString(),
    };
  }

  /**
   * The agency's inbox, newest first, with unread counts: only conversations it still has access
   * to (not blocked, not deleted, within retention).
   *
   * @example await stub.inbox(null, 20, now);
   */
  async inbox(after: { at: number; id: string } | null, limit: number, now: number): Promise<{ items: Conversation[]; next: { at: number; id: string } | null }> {
    this.messagingTables();
    const record = this.record();
    if (!record) return { items: [], next: null };
    const today = jstDate(new Date(now));
    const rows = this.sql.exec<IndexRow>(
      `SELECT c.* FROM msg_conversations c JOIN acquisitions a ON a.profile_id = c.profile_id AND a.state = 'held' AND a.deadline >= ?
       WHERE c.state != 'revoked' ${after ? 'AND (c.last_message_at < ? OR (c.last_message_at = ? AND c.id > ?))' : ''}
       ORDER BY c.last_message_at DESC, c.id LIMIT ?`,
      ...(after ? [today, after.at, after.at, after.id, limit + 1] : [today, limit + 1])).toArray();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map((r) => this.toIndexConversation(r, record)), next: rows.length > limit && last ? { at: last.last_message_at, id: last.id } : null };
  }

  /**
   * The agency opens one of its conversations: refused when it is not its own (404), or its
   * access ended (blocked 403, deleted or past retention 410); else marked read.
   *
   * @example const r = await stub.openConversation('C…', now); // { ok: true, profileId }
   */
  async openConversation(conversationId: string, now: number): Promise<{ ok: true; profileId: string; conversation: Conversation } | Refusal> {
    this.messagingTables();
    const target = this.sendTarget({ kind: 'reply', key: '', body: '', conversationId }, now);
    if (!target.ok) return target;
    this.sql.exec('UPDATE msg_conversations SET unread = 0 WHERE id = ?', conversationId);
    const row = this.sql.exec<IndexRow>('SELECT * FROM msg_conversations WHERE id = ?', conversationId).one();
    return { ok: true, profileId: target.profileId, conversation: this.toIndexConversation(row, this.record()!) };
  }

  /**
   * Removes the agency's worker-side access to a profile: its acquisition and its conversations
   * (kept only as a tombstone without content, so a late send is refused clearly), the stored
   * results of its sends; records each deletion (R-RET-4) and, when anything was held, appends
   * the event that tells the extension to delete its copy. Idempotent.
   */
  private revokeAccess(profileId: string, rule: 'R-BLOCK-2' | 'R-DEL-1', conversationIds: string[], now: number,
    event: { type: 'block' | 'deletion_request'; details: Record<string, unknown> }): { held: boolean; eventId: string | null } {
    const acq = this.sql.exec<AcqRow>('SELECT * FROM acquisitions WHERE profile_id = ?', profileId).toArray()[0];
    const live = this.sql.exec<{ id: string }>("SELECT id FROM msg_conversations WHERE profile_id = ? AND state != 'revoked'", profileId).toArray().map((r) => r.id);
    const known = new Set(this.sql.exec<{ id: string }>('SELECT id FROM msg_conversations WHERE profile_id = ?', profileId).toArray().map((r) => r.id));
    const unknown = conversationIds.filter((id) => !known.has(id));
    const held = acq?.state === 'held' || live.length > 0 || unknown.length > 0;
    let eventId: string | null = null;
    this.ctx.storage.transactionSync(() => {
      if (held) eventId = this.appendEvent(event.type, rule, now, { profileId, conversationId: live[0] ?? unknown[0] ?? conversationIds[0], details: event.details });
      if (acq?.state === 'held') {
        this.sql.exec("UPDATE acquisitions SET state = 'deleted', deleted_at = ?, deleted_rule = ? WHERE profile_id = ?", now, rule, profileId);
        this.recordDeletion(now, 'acquired_profile', rule, profileId, eventId);
      } else if (acq?.state === 'deleted' && acq.deleted_rule === 'R-BLOCK-2' && rule === 'R-DEL-1') {
        // A deletion request outlives the block: lifting the block must not free this profile.
        this.sql.exec('UPDATE acquisitions SET deleted_rule = ? WHERE profile_id = ?', rule, profileId);
      }
      for (const id of live) {
        this.sql.exec("UPDATE msg_conversations SET state = 'revoked', revoked_rule = ?, unread = 0 WHERE id = ?", rule, id);
        this.recordDeletion(now, 'conversation', rule, profileId, eventId);
      }
      for (const id of unknown) {
        this.sql.exec("INSERT OR IGNORE INTO msg_conversations (id, profile_id, state, revoked_rule, created_at, last_message_at, last_from, unread, mi_version) VALUES (?, ?, 'revoked', ?, ?, ?, 'agency', 0, 0)",
          id, profileId, rule, now, now);
        this.recordDeletion(now, 'conversation', rule, profileId, eventId);
      }
      this.sql.exec("DELETE FROM msg_sends WHERE profile_id = ? AND state = 'delivered'", profileId);
      if (held || rule === 'R-BLOCK-2') {
        this.sql.exec(`INSERT INTO msg_access_revoked (profile_id, rule, at) VALUES (?, ?, ?)
          ON CONFLICT(profile_id) DO UPDATE SET rule = excluded.rule, at = excluded.at WHERE msg_access_revoked.rule != 'R-DEL-1'`, profileId, rule, now);
      }
    });
    return { held, eventId };
  }

  /**
   * R-BLOCK-2: the jobseeker blocked this agency (their object already refuses its sends). The
   * agency loses its access to the profile and conversation and, if it held anything, gets a
   * `block` event telling its extension to delete. Idempotent.
   *
   * @example await stub.blocked('13-7K3M9X2QAB', ['C…'], blockedAt, now);
   */
  async blocked(profileId: string, conversationIds: string[], blockedAt: number, now: number): Promise<{ ok: true; held: boolean; eventId: string | null }> {
    this.messagingTables();
    const r = this.revokeAccess(profileId, 'R-BLOCK-2', conversationIds, now, { type: 'block', details: { blockedAt: new Date(blockedAt).toISOString() } });
    return { ok: true, ...r };
  }

  /**
   * R-BLOCK-3: the block was lifted. The agency may find and contact the jobseeker again as a new
   * acquisition; what it held before (conversations, the old acquisition) stays gone.
   *
   * @example await stub.unblocked('13-7K3M9X2QAB', now);
   */
  async unblocked(profileId: string, _now: number): Promise<{ ok: true }> {
    this.messagingTables();
    this.ctx.storage.transactionSync(() => {
      this.sql.exec("DELETE FROM msg_access_revoked WHERE profile_id = ? AND rule = 'R-BLOCK-2'", profileId);
      this.sql.exec("DELETE FROM acquisitions WHERE profile_id = ? AND state = 'deleted' AND deleted_rule = 'R-BLOCK-2'", profileId);
      // The old conversations stay gone; a late send to one is told so, no longer "blocked".
      this.sql.exec("UPDATE msg_conversations SET revoked_rule = 'R-BLOCK-3' WHERE profile_id = ? AND state = 'revoked' AND revoked_rule = 'R-BLOCK-2'", profileId);
    });
    return { ok: true };
  }

  /**
   * R-DEL-1: the jobseeker asked this agency to delete their data. The worker-side access goes
   * at once; a `deletion_request` event tells the extension. `held` is false when the agency held
   * nothing of this jobseeker (then there is nothing for the extension to do).
   *
   * @example await stub.deletionRequested('13-7K3M9X2QAB', 'D…', ['C…'], requestedAt, now);
   */
  async deletionRequested(profileId: string, requestId: string, conversationIds: string[], requestedAt: number, now: number): Promise<{ ok: true; held: boolean; serverDeletedAt: number; eventId: string | null }> {
    this.messagingTables();
    const prior = this.sql.exec<{ id: string }>("SELECT id FROM events WHERE type = 'deletion_request' AND json_extract(details, '$.requestId') = ?", requestId).toArray()[0];
    if (prior) return { ok: true, held: true, serverDeletedAt: now, eventId: prior.id };
    const r = this.revokeAccess(profileId, 'R-DEL-1', conversationIds, now, { type: 'deletion_request', details: { requestId, requestedAt: new Date(requestedAt).toISOString() } });
    return { ok: true, held: r.held, serverDeletedAt: now, eventId: r.eventId };
  }

  /**
   * After the extension acknowledged an event: records the extension's deletion (R-RET-4) and,
   * for a block or a deletion request, tells the jobseeker what was done and when (R-DEL-2).
   * Runs once per event; a failed notice is retried by the next acknowledgement.
   */
  private async afterAck(eventId: string, ackedAt: number, now: number): Promise<void> {
    this.messagingTables();
    const ev = this.sql.exec<{ id: string; type: string; profile_id: string | null; rule: string; details: string }>(
      'SELECT id, type, profile_id, rule, details FROM events WHERE id = ?', eventId).toArray()[0];
    if (!ev || !ev.profile_id) return;
    if (this.sql.exec('INSERT OR IGNORE INTO msg_ack_notices (event_id, at) VALUES (?, ?)', eventId, now).rowsWritten === 0) return;
    try {
      if (ev.type === 'block' || ev.type === 'deletion_request') {
        const details = JSON.parse(ev.details) as { requestId?: string };
        await this.seekerStub(ev.profile_id).agencyDeleted({ type: ev.type, agencyId: this.record()?.id ?? '', requestId: details.requestId, at: ackedAt }, now);
      }
    } catch (err) {
      this.sql.exec('DELETE FROM msg_ack_notices WHERE event_id = ?', eventId);
      throw err;
    }
    this.recordDeletion(now, 'extension_copy', ev.rule, ev.profile_id, ev.id);
  }

  private async noticeConversation(conv: { id: string; profile_id: string }, info: MandatoryInformationVersion, now: number): Promise<boolean> {
    const record = this.record();
    if (!record) return false;
    const r = await this.seekerStub(conv.profile_id).noticeMandatoryInformation(conv.id, record.id, record.name, info, now);
    if (r.notified) this.sql.exec('UPDATE msg_conversations SET mi_version = MAX(mi_version, ?) WHERE id = ?', info.version, conv.id);
    return r.notified;
  }

  /**
   * R-MSG-3, R-APP-4: installs the mandatory information the bureau accepted as the next version,
   * and sends every jobseeker with an open conversation a system notice with the new content
   * (not counted toward the cap, R-CAP-3). Later first contacts carry the new version (R-MSG-1).
   *
   * @example await stub.installMandatoryInformation(content, now.getTime()); // { ok: true, version: 2, notified: 14 }
   */
  async installMandatoryInformation(content: MandatoryInformation, now: number): Promise<{ ok: true; version: number; notified: number }> {
    this.messagingTables();
    const record = this.record();
    if (!record) throw new Error('installMandatoryInformation: agency not initialised');
    const info: MandatoryInformationVersion = { version: (record.mandatoryInformation?.version ?? 0) + 1, acceptedAt: new Date(now).toISOString(), content };
    this.ctx.storage.transactionSync(() => {
      this.saveRecord({ ...record, mandatoryInformation: info });
      this.appendEvent('mandatory_info_changed', 'R-MSG-3', now, { details: { version: info.version } });
    });
    const open = this.sql.exec<{ id: string; profile_id: string }>("SELECT id, profile_id FROM msg_conversations WHERE state IN ('awaiting_seeker', 'open') AND mi_version < ?", info.version).toArray();
    let notified = 0;
    for (let i = 0; i < open.length; i += FAN_OUT) {
      const results = await Promise.allSettled(open.slice(i, i + FAN_OUT).map((conv) => this.noticeConversation(conv, info, now)));
      notified += results.filter((r) => r.status === 'fulfilled' && r.value).length;
    }
    return { ok: true, version: info.version, notified };
  }

  /** R-RET-3: every conversation's access goes with the rest of the jobseeker data; returns how many. */
  private revokeAllConversations(rule: string, now: number): number {
    this.messagingTables();
    const live = this.sql.exec<{ id: string; profile_id: string }>("SELECT id, profile_id FROM msg_conversations WHERE state != 'revoked'").toArray();
    for (const conv of live) {
      this.sql.exec("UPDATE msg_conversations SET state = 'revoked', revoked_rule = ?, unread = 0 WHERE id = ?", rule, conv.id);
      this.recordDeletion(now, 'conversation', rule, conv.profile_id, null);
    }
    this.sql.exec("DELETE FROM msg_sends WHERE state = 'delivered'");
    return live.length;
  }

  private liveConversationProfiles(): string[] {
    this.messagingTables();
    return this.sql.exec<{ profile_id: string }>("SELECT DISTINCT profile_id FROM msg_conversations WHERE state IN ('awaiting_seeker', 'open')").toArray().map((r) => r.profile_id);
  }

  /** Tells each jobseeker whose conversation ended with the agency's access (R-RET-3). */
  private async closeAtSeekers(profileIds: string[], rule: string, now: number): Promise<void> {
    const agencyId = this.record()?.id;
    if (!agencyId) return;
    for (let i = 0; i < profileIds.length; i += FAN_OUT) {
      await Promise.allSettled(profileIds.slice(i, i + FAN_OUT).map((p) => this.seekerStub(p).closeConversations(agencyId, rule, now)));
    }
  }

  // ==== Transparency (issue 9): who holds a jobseeker's data; who deletes on time ============
  // Both views read the records above (acquisitions, events with their acks, the deletion log);
  // nothing here keeps a second copy. The only thing written elsewhere is the pointer "this agency
  // acquired that profile" in the profile's home FeedShard, so the jobseeker's side knows which
  // agencies to ask. Work another object must do (the pointer, closing an expired conversation at
  // the jobseeker's object) is queued in the same step as the change and retried by every sweep.

  private transparencyReady = false;

  private transparencyTables(): void {
    if (this.transparencyReady) return;
    this.sql.exec(`
      CREATE TABLE IF NOT EXISTS acquirer_pending (profile_id TEXT PRIMARY KEY, acquired_on TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS seeker_close_pending (
        profile_id TEXT NOT NULL, rule TEXT NOT NULL, at INTEGER NOT NULL, deadline TEXT, PRIMARY KEY (profile_id, rule));
    `);
    // Acquisitions made before the pointers existed are announced once, by the next sweep.
    if (this.sql.exec("INSERT OR IGNORE INTO meta (key, value) VALUES ('acquirers_backfilled', '1')").rowsWritten > 0) {
      this.sql.exec('INSERT OR IGNORE INTO acquirer_pending (profile_id, acquired_on) SELECT profile_id, acquired_on FROM acquisitions');
    }
    this.transparencyReady = true;
  }

  /** Sends queued "this agency acquired that profile" pointers to the profiles' home shards. */
  private async pushAcquirers(only?: string): Promise<void> {
    const agencyId = this.record()?.id;
    if (!agencyId) return;
    const rows = only
      ? this.sql.exec<{ profile_id: string; acquired_on: string }>('SELECT * FROM acquirer_pending WHERE profile_id = ?', only).toArray()
      : this.sql.exec<{ profile_id: string; acquired_on: string }>('SELECT * FROM acquirer_pending ORDER BY acquired_on LIMIT 500').toArray();
    for (let i = 0; i < rows.length; i += FAN_OUT) {
      const batch = rows.slice(i, i + FAN_OUT);
      const results = await Promise.allSettled(batch.map((r) =>
        this.env.FEED_SHARD.get(this.env.FEED_SHARD.idFromName(r.profile_id.slice(0, 2))).recordAcquirer(r.profile_id, agencyId, r.acquired_on)));
      batch.forEach((r, j) => {
        if (results[j]!.status === 'fulfilled') this.sql.exec('DELETE FROM acquirer_pending WHERE profile_id = ? AND acquired_on = ?', r.profile_id, r.acquired_on);
      });
    }
  }

  /** Tells each jobseeker whose conversation ended when retention expired (R-RET-1, R-RET-2); idempotent there. */
  private async closeExpiredAtSeekers(): Promise<void> {
    const agencyId = this.record()?.id;
    if (!agencyId) return;
    const rows = this.sql.exec<{ profile_id: string; rule: string; at: number; deadline: string | null }>('SELECT * FROM seeker_close_pending ORDER BY at LIMIT 500').toArray();
    for (let i = 0; i < rows.length; i += FAN_OUT) {
      const batch = rows.slice(i, i + FAN_OUT);
      const results = await Promise.allSettled(batch.map((r) =>
        this.seekerStub(r.profile_id).closeConversations(agencyId, r.rule, r.at, r.deadline ? { deadline: r.deadline } : {})));
      batch.forEach((r, j) => {
        if (results[j]!.status === 'fulfilled') this.sql.exec('DELETE FROM seeker_close_pending WHERE profile_id = ? AND rule = ?', r.profile_id, r.rule);
      });
    }
  }

  /** The index side of ending conversations with a profile: tombstones without content, each deletion recorded (R-RET-4). */
  private revokeConversationIndex(profileId: string, conversationIds: string[], rule: string, now: number, eventId: string | null): void {
    for (const id of conversationIds) {
      this.sql.exec("UPDATE msg_conversations SET state = 'revoked', revoked_rule = ?, unread = 0 WHERE id = ?", rule, id);
      this.recordDeletion(now, 'conversation', rule, profileId, eventId);
    }
    this.sql.exec("DELETE FROM msg_sends WHERE profile_id = ? AND state = 'delivered'", profileId);
  }

  /**
   * What this agency holds of one jobseeker, for the jobseeker's data-holders view (R-RET-1,
   * R-RET-2, R-BLOCK-2, R-DEL-1): the acquisition with its retention deadline, and whether the
   * worker-side copy is held or deleted — under which rule, when, and when the extension confirmed
   * it deleted its own copy (its acknowledgement of the event that told it to). An acquisition
   * past its deadline is expired first, as on any other access.
   *
   * @example await stub.holderView('13-7K3M9X2QAB', now.getTime()); // { agencyName, acquisition, copy: { state: 'held', … } }
   */
  async holderView(profileId: string, now: number): Promise<HolderView | null> {
    const record = this.record();
    if (!record) return null;
    const row = this.sql.exec<AcqRow>('SELECT * FROM acquisitions WHERE profile_id = ?', profileId).toArray()[0];
    if (row && row.state === 'held' && row.deadline < jstDate(new Date(now))) this.expire(row, now);
    const current = this.sql.exec<AcqRow>('SELECT * FROM acquisitions WHERE profile_id = ?', profileId).toArray()[0] ?? null;
    const base = { agencyId: record.id, agencyName: record.name, agencyStatus: record.status, acquisition: current ? toAcquisition(current) : null };
    if (current?.state === 'held') return { ...base, copy: { state: 'held', rule: null, deletedAt: null, extensionDeletedAt: null } };
    // The recorded deletion (R-RET-4). A lifted block (R-BLOCK-3) removes the row itself, not its record.
    type Logged = { at: number; rule: string; event_id: string | null };
    const logged = current
      ? this.sql.exec<Logged>("SELECT at, rule, event_id FROM deletions WHERE record_kind = 'acquired_profile' AND profile_id = ? AND at = ? ORDER BY seq DESC LIMIT 1", profileId, current.deleted_at).toArray()[0]
      : this.sql.exec<Logged>("SELECT at, rule, event_id FROM deletions WHERE record_kind = 'acquired_profile' AND profile_id = ? ORDER BY seq DESC LIMIT 1", profileId).toArray()[0];
    const at = current?.deleted_at ?? logged?.at ?? null;
    let eventId = logged?.event_id ?? null;
    if (!eventId && at !== null) {
      // R-RET-3: one status change told the extension to delete everything it received.
      eventId = this.sql.exec<{ id: string }>(
        "SELECT id FROM events WHERE type = 'status_changed' AND created_at >= ? AND COALESCE(json_extract(details, '$.purged'), 0) > 0 ORDER BY seq LIMIT 1", at).toArray()[0]?.id ?? null;
    }
    const acked = eventId ? this.sql.exec<{ acked_at: number | null }>('SELECT acked_at FROM events WHERE id = ?', eventId).toArray()[0]?.acked_at ?? null : null;
    return {
      ...base,
      copy: {
        state: 'deleted', rule: current?.deleted_rule ?? logged?.rule ?? null,
        deletedAt: at === null ? null : new Date(at).toISOString(), extensionDeletedAt: acked === null ? null : new Date(acked).toISOString(),
      },
    };
  }

  /**
   * The bureau's figures for this agency (R-BLOCK-2, R-DEL-1, R-RET-1..3, R-RET-4): the deletions
   * the rules required of its extension — one per block, deletion request and retention expiry,
   * and one per status change that purged its data — how many it confirmed, how fast (median and
   * worst, seconds from the event to its acknowledgement), and those still unconfirmed once
   * `overdueAfterMs` has passed, oldest first (at most `listLimit`).
   *
   * @example await stub.deletionCompliance(now.getTime(), 24 * 3600_000); // { required: { block: 1, … }, confirmed: 1, overdue: [] }
   */
  async deletionCompliance(now: number, overdueAfterMs: number, listLimit = 100): Promise<DeletionComplianceFigures | null> {
    const record = this.record();
    if (!record) return null;
    const rows = this.sql.exec<{ id: string; type: RequiredDeletionKind; profile_id: string | null; rule: string; created_at: number; acked_at: number | null }>(
      `SELECT id, type, profile_id, rule, created_at, acked_at FROM events
       WHERE type IN ('block', 'deletion_request', 'retention_expired')
          OR (type = 'status_changed' AND COALESCE(json_extract(details, '$.purged'), 0) > 0)
       ORDER BY seq`).toArray();
    const required: Record<RequiredDeletionKind, number> = { block: 0, deletion_request: 0, retention_expired: 0, status_changed: 0 };
    const seconds: number[] = [];
    const overdue: DeletionComplianceFigures['overdue'] = [];
    let confirmedLate = 0;
    for (const r of rows) {
      required[r.type] += 1;
      if (r.acked_at !== null) {
        seconds.push(Math.max(0, Math.round((r.acked_at - r.created_at) / 1000)));
        if (r.acked_at - r.created_at > overdueAfterMs) confirmedLate += 1;
      } else if (now - r.created_at > overdueAfterMs) {
        overdue.push({ eventId: r.id, kind: r.type, rule: r.rule, profileId: r.profile_id, createdAt: new Date(r.created_at).toISOString(), ageSeconds: Math.floor((now - r.created_at) / 1000) });
      }
    }
    seconds.sort((a, b) => a - b);
    const mid = seconds.length >> 1;
    const median = seconds.length === 0 ? null : seconds.length % 2 ? seconds[mid]! : Math.round((seconds[mid - 1]! + seconds[mid]!) / 2);
    return {
      agencyId: record.id, agencyName: record.name, prefecture: record.prefecture, status: record.status,
      required: { ...required, total: rows.length }, confirmed: seconds.length, confirmedLate, unconfirmed: rows.length - seconds.length,
      medianSecondsToConfirm: median, worstSecondsToConfirm: seconds.length ? seconds[seconds.length - 1]! : null,
      overdueCount: overdue.length, overdue: overdue.slice(0, listLimit),
    };
  }
}

// ==== Transparency types (issue 9) =============================================================

/** The events that require the extension to delete jobseeker data (a `status_changed` only when it purged). */
export type RequiredDeletionKind = 'block' | 'deletion_request' | 'retention_expired' | 'status_changed';

/** One agency's holding of one jobseeker's data, read from its own records. */
export type HolderView = {
  agencyId: string;
  agencyName: string;
  agencyStatus: AgencyRecord['status'];
  /** The current acquisition row; null after a lifted block removed it (R-BLOCK-3) and none was made since. */
  acquisition: Acquisition | null;
  copy: { state: 'held' | 'deleted'; rule: string | null; deletedAt: string | null; extensionDeletedAt: string | null };
};

/** One agency's deletion figures for the bureau. */
export type DeletionComplianceFigures = {
  agencyId: string;
  agencyName: string;
  prefecture: PrefectureCode;
  status: AgencyRecord['status'];
  required: Record<RequiredDeletionKind, number> & { total: number };
  confirmed: number;
  /** Confirmed, but only after the overdue threshold had passed. */
  confirmedLate: number;
  unconfirmed: number;
  medianSecondsToConfirm: number | null;
  worstSecondsToConfirm: number | null;
  overdueCount: number;
  overdue: Array<{ eventId: string; kind: RequiredDeletionKind; rule: string; profileId: string | null; createdAt: string; ageSeconds: number }>;
};

// ==== Messaging types and limits (issue 4) =====================================================

/** How long an idempotency key is remembered (R-CAP-2). */
const SEND_KEY_DAYS = 7;
/** A pending send older than this (wall clock) was lost on its way and may be retried. */
const PENDING_STALE_MS = 60_000;
/** Jobseeker objects told at once when a notice fans out. */
const FAN_OUT = 50;

/** One send as the route hands it over: a first contact to a profile or an answer in a conversation. */
export type SendRequest = { key: string; kind: SendKind; body: string; profileId?: string; conversationId?: string };

/** reserveSend's answer: the stored result of a delivered key, or a counted reservation to deliver. */
export type SendReservation =
  | { ok: true; state: 'replay'; conversationId: string; message: Message; quota: DailyQuota; warnings: Warning[] }
  | {
    ok: true; state: 'reserved'; profileId: string; conversationId: string | null; agencyId: string; agencyName: string;
    mandatoryInformation: MandatoryInformationVersion | null; warnings: Warning[];
  };

type SendRow = { key: string; fingerprint: string; day: string; state: 'pending' | 'delivered'; profile_id: string | null; reserved_at: number; reserved_wall: number; result: string | null };
type IndexRow = {
  id: string; profile_id: string; state: 'awaiting_seeker' | 'open' | 'revoked'; revoked_rule: string | null; created_at: number;
  last_message_at: number; last_from: string; unread: number; mi_version: number; mi_seen: number | null;
};
