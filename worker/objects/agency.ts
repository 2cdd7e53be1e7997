import { DurableObject } from 'cloudflare:workers';
import { migrate } from '../lib/migrations';
import { jstDate, retentionDeadline } from '../../shared/rules';
import type { MandatoryInformation, Suspension } from '../../shared/schemas';
import type { PrefectureCode } from '../../shared/data/prefectures';
import { verifyPassword } from '../lib/crypto';
import { refuse, type Refusal } from '../lib/problem';
import { RateLimiter, SessionStore, type SessionRow } from '../lib/sessions';

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

  /**
   * Signs in with the password; the token is returned once.
   *
   * @example const r = await stub.signIn('pw', now.getTime());
   */
  async signIn(password: string, now: number, label: string | null): Promise<{ ok: true; token: string; expiresAt: number } | Refusal> {
    const record = this.record();
    const hash = this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'password'").toArray()[0]?.value;
    if (!record || !hash || !(await verifyPassword(password, hash))) {
      return refuse(401, 'invalid_credentials', 'サインインできませんでした', 'アカウントID（メールアドレス）またはパスワードが正しくありません。');
    }
    const s = await this.sessions.open('agency', record.id, now, label);
    return { ok: true, token: s.token, expiresAt: s.expiresAt };
  }

  /**
   * Checks a bearer token and the account's request rate (R-SEC-2, R-OPS-2).
   *
   * @example const who = await stub.authenticate(token, now, Date.now());
   */
  async authenticate(token: string, now: number, wallClock: number): Promise<AgencyPrincipal | Refusal> {
    const record = this.record();
    const session = record ? await this.sessions.verify(token, now) : null;
    if (!record || !session) return refuse(401, 'unauthenticated', 'サインインが必要です', 'セッションが無効か期限切れです。もう一度サインインしてください。');
    const wait = this.limiter.take(wallClock);
    if (wait > 0) {
      return refuse(429, 'rate_limited', 'アクセスが集中しています', `短時間のアクセスが多すぎます。${wait}秒ほど待ってからもう一度お試しください。`, { retryAfter: wait });
    }
    return { ok: true, sessionId: session.id, agency: record };
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
    this.sql.exec('INSERT INTO acquisitions (profile_id, acquired_on, deadline) VALUES (?, ?, ?)', profileId, today, deadline);
    return { ok: true, acquisition: toAcquisition(this.sql.exec<AcqRow>('SELECT * FROM acquisitions WHERE profile_id = ?', profileId).one()) };
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

  private expire(row: AcqRow, now: number): void {
    const rule = row.accepted_on ? 'R-RET-2' : 'R-RET-1';
    this.ctx.storage.transactionSync(() => {
      this.sql.exec("UPDATE acquisitions SET state = 'deleted', deleted_at = ?, deleted_rule = ? WHERE profile_id = ?", now, rule, row.profile_id);
      const eventId = this.appendEvent('retention_expired', rule, now, { profileId: row.profile_id, details: { deadline: row.deadline, reason: row.accepted_on ? 'retention_ended' : 'not_accepted' } });
      this.recordDeletion(now, 'acquired_profile', rule, row.profile_id, eventId);
    });
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
    for (const row of due) this.expire(row, now);
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
    this.ctx.storage.transactionSync(() => {
      const held = this.sql.exec<{ profile_id: string }>("SELECT profile_id FROM acquisitions WHERE state = 'held'").toArray();
      for (const { profile_id } of held) {
        this.sql.exec("UPDATE acquisitions SET state = 'deleted', deleted_at = ?, deleted_rule = ? WHERE profile_id = ?", now, rule, profile_id);
        this.recordDeletion(now, 'acquired_profile', rule, profile_id, null);
        deleted++;
      }
    });
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
    return { ok: true, ackedAt: new Date(row.acked_at ?? now).toISOString() };
  }

  /** The deletion record (R-RET-4), newest first. */
  async deletionLog(limit = 500): Promise<Array<{ at: string; recordKind: string; rule: string; profileId: string | null }>> {
    return this.sql.exec<{ at: number; record_kind: string; rule: string; profile_id: string | null }>(
      'SELECT at, record_kind, rule, profile_id FROM deletions ORDER BY seq DESC LIMIT ?', limit).toArray()
      .map((r) => ({ at: new Date(r.at).toISOString(), recordKind: r.record_kind, rule: r.rule, profileId: r.profile_id }));
  }
}
