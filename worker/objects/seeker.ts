import { DurableObject } from 'cloudflare:workers';
import { describeFindings, findContactDetails, type Finding } from '../../shared/rules';
import type {
  Block, ContactMethod, DeletionRequest, MandatoryInformation, MandatoryInformationVersion, Message, MessageKind, MessageSender, NoticeType,
  SeekerConversation,
} from '../../shared/schemas';
import { occupationName, type OccupationMiddleCode } from '../../shared/data/occupations';
import { industryName, type IndustryCode } from '../../shared/data/industries';
import { prefectureName, type PrefectureCode } from '../../shared/data/prefectures';
import { migrate } from '../lib/migrations';
import { passwordParams, randomBase32, type PasswordParams } from '../lib/crypto';
import { refuse, type Refusal } from '../lib/problem';
import { RateLimiter, SessionStore, type SessionRow } from '../lib/sessions';

/** A jobseeker as their own object keeps them. */
export type SeekerRecord = { profileId: string; activatedAt: string; inFeed: boolean };
export type SeekerPrincipal = { ok: true; sessionId: string; seeker: SeekerRecord };

/**
 * One jobseeker who activated their account: passphrase, sessions, and (messaging) their
 * conversations, blocks and deletion requests. Keyed by the profile's public ID.
 */
export class SeekerObject extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private readonly sessions: SessionStore;
  private readonly limiter = new RateLimiter(300, 20);

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
      `);
      },
      (sql) => {
      // Messaging: the one copy of every conversation between this jobseeker and an agency.
      sql.exec(`
        CREATE TABLE conversations (
          id TEXT PRIMARY KEY, agency_id TEXT NOT NULL, agency_name TEXT NOT NULL, state TEXT NOT NULL, closed_reason TEXT,
          closed_ref TEXT, mi TEXT NOT NULL, mi_version INTEGER NOT NULL, mi_seen INTEGER, unread INTEGER NOT NULL DEFAULT 0,
          created_at INTEGER NOT NULL, last_message_at INTEGER NOT NULL);
        CREATE INDEX conversations_agency ON conversations (agency_id, state);
        CREATE INDEX conversations_recent ON conversations (last_message_at DESC, id);
        CREATE TABLE messages (
          seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, conversation_id TEXT NOT NULL, sender TEXT NOT NULL, kind TEXT NOT NULL,
          notice TEXT, audience TEXT NOT NULL, body TEXT NOT NULL, sent_at INTEGER NOT NULL, mi TEXT, agency_id TEXT, send_key TEXT);
        CREATE INDEX messages_thread ON messages (conversation_id, seq);
        CREATE UNIQUE INDEX messages_send_key ON messages (agency_id, send_key) WHERE send_key IS NOT NULL;
        CREATE TABLE blocks (agency_id TEXT PRIMARY KEY, agency_name TEXT NOT NULL, blocked_at INTEGER NOT NULL, agency_deleted_at INTEGER);
        CREATE TABLE deletion_requests (
          id TEXT PRIMARY KEY, agency_id TEXT NOT NULL, agency_name TEXT NOT NULL, state TEXT NOT NULL, held INTEGER NOT NULL DEFAULT 1,
          requested_at INTEGER NOT NULL, server_deleted_at INTEGER, agency_deleted_at INTEGER, completed_at INTEGER, notice TEXT);
        CREATE INDEX deletion_requests_agency ON deletion_requests (agency_id, state);
      `);
      },
    ]);
  }

  private record(): SeekerRecord | null {
    const row = this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'record'").toArray()[0];
    return row ? (JSON.parse(row.value) as SeekerRecord) : null;
  }

  /**
   * Activates the account with a passphrase, once (the code was checked by the profile's shard).
   *
   * @example await stub.activate('13-7K3M9X2QAB', hash, now.getTime());
   */
  async activate(profileId: string, passphraseHash: string, now: number): Promise<{ ok: true; token: string; expiresAt: number } | Refusal> {
    if (this.record()) return refuse(409, 'already_activated', 'すでに有効化されています', 'このアカウントは有効化済みです。パスフレーズでサインインしてください。');
    const record: SeekerRecord = { profileId, activatedAt: new Date(now).toISOString(), inFeed: true };
    this.sql.exec("INSERT INTO meta (key, value) VALUES ('record', ?), ('passphrase', ?)", JSON.stringify(record), passphraseHash);
    const s = await this.sessions.open('seeker', profileId, now, null);
    return { ok: true, token: s.token, expiresAt: s.expiresAt };
  }

  /** The salt and iterations of the passphrase hash, for the worker to hash a candidate (R-SEC-5). */
  async passwordParams(): Promise<PasswordParams | null> {
    if (!this.record()) return null;
    return passwordParams(this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'passphrase'").toArray()[0]?.value ?? null);
  }

  /** Signs in with a candidate hash made by the worker (R-SEC-5). */
  async signInWithHash(candidate: string, now: number, label: string | null): Promise<{ ok: true; token: string; expiresAt: number } | Refusal> {
    const hash = this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'passphrase'").toArray()[0]?.value ?? null;
    return this.sessions.signInWithHash(candidate, hash, 'seeker', this.record()?.profileId ?? null, now, label, '求職者IDまたはパスフレーズが正しくありません。');
  }

  /** Checks a bearer token and the request rate (R-SEC-2, R-OPS-2). */
  async authenticate(token: string, now: number, wallClock: number): Promise<SeekerPrincipal | Refusal> {
    const record = this.record();
    if (!record) return refuse(401, 'unauthenticated', 'サインインが必要です', 'セッションが無効か期限切れです。もう一度サインインしてください。');
    const r = await this.sessions.check(token, now, this.limiter, wallClock);
    return r.ok ? { ok: true, sessionId: r.session.id, seeker: record } : r;
  }

  async listSessions(now: number): Promise<SessionRow[]> {
    return this.sessions.list(this.record()?.profileId ?? '', now);
  }

  async endSessions(id: string | null): Promise<number> {
    const accountId = this.record()?.profileId ?? '';
    return id === null ? this.sessions.endAll(accountId) : Number(this.sessions.end(accountId, id));
  }

  /** Marks that the jobseeker left the feed (their conversations stay readable). */
  async leaveFeed(): Promise<void> {
    const record = this.record();
    if (record) this.sql.exec("UPDATE meta SET value = ? WHERE key = 'record'", JSON.stringify({ ...record, inFeed: false }));
  }

  // ---- messaging (R-MSG-*, R-BLOCK-*, R-DEL-*) ----------------------------------------------
  // This object is the one place a conversation lives and the only one that decides delivery:
  // a block and a delivery run here one after the other, never interleaved (R-BLOCK-1).

  private profileId(fallback?: string): string {
    const known = this.record()?.profileId ?? this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'profileId'").toArray()[0]?.value;
    if (!known && fallback) this.sql.exec("INSERT OR IGNORE INTO meta (key, value) VALUES ('profileId', ?)", fallback);
    return known ?? fallback ?? '';
  }

  private conversation(id: string): ConvRow | null {
    return this.sql.exec<ConvRow>('SELECT * FROM conversations WHERE id = ?', id).toArray()[0] ?? null;
  }

  private toConversation(r: ConvRow): SeekerConversation {
    return {
      id: r.id, agencyId: r.agency_id, agencyName: r.agency_name, profileId: this.profileId(), state: r.state,
      mandatoryInformationVersion: r.mi_version, mandatoryInformationVersionSeen: r.mi_seen, unread: r.unread,
      lastMessageAt: new Date(r.last_message_at).toISOString(), mandatoryInformation: JSON.parse(r.mi) as MandatoryInformationVersion,
    };
  }

  private insertMessage(m: {
    conversationId: string; sender: MessageSender; kind: MessageKind; body: string; now: number; audience?: 'both' | 'seeker';
    notice?: NoticeType; mi?: MandatoryInformationVersion; agencyId?: string; key?: string;
  }): MsgRow {
    const id = `M${randomBase32(16)}`;
    this.sql.exec('INSERT INTO messages (id, conversation_id, sender, kind, notice, audience, body, sent_at, mi, agency_id, send_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      id, m.conversationId, m.sender, m.kind, m.notice ?? null, m.audience ?? 'both', m.body, m.now, m.mi ? JSON.stringify(m.mi) : null, m.agencyId ?? null, m.key ?? null);
    return this.sql.exec<MsgRow>('SELECT * FROM messages WHERE id = ?', id).one();
  }

  /** A system notice in a conversation, counted unread for the jobseeker; never toward any cap (R-CAP-3). */
  private notice(conversationId: string, type: NoticeType, body: string, now: number, audience: 'both' | 'seeker' = 'seeker', mi?: MandatoryInformationVersion): void {
    this.insertMessage({ conversationId, sender: 'system', kind: 'notice', notice: type, body, now, audience, mi });
    this.sql.exec('UPDATE conversations SET unread = unread + 1, last_message_at = MAX(last_message_at, ?) WHERE id = ?', now, conversationId);
  }

  /**
   * Delivers an agency's message, or refuses it (R-MSG-1, R-MSG-2, R-BLOCK-1, R-CAP-2). A key this
   * agency already delivered returns that message (`replayed`), so a retry is delivered once.
   * A first contact opens a conversation holding the agency's mandatory information, which the
   * agency cannot edit; an answer is allowed only after the jobseeker wrote.
   *
   * @example await seeker.deliver({ kind: 'first_contact', profileId, agencyId, agencyName, key, body, mandatoryInformation }, now);
   */
  async deliver(input: DeliverInput, now: number): Promise<DeliverResult | Refusal> {
    this.profileId(input.profileId);
    const prior = this.sql.exec<MsgRow>('SELECT * FROM messages WHERE agency_id = ? AND send_key = ?', input.agencyId, input.key).toArray()[0];
    if (prior) {
      // A key names one send: the same key with other content is a mistake, not a retry.
      if (prior.body !== input.body || (input.kind === 'reply' && input.conversationId !== undefined && input.conversationId !== prior.conversation_id)) {
        return refuse(422, 'idempotency_key_reused', '送信キーが別の送信に使われています', 'この冪等キーは別の内容のメッセージに使われています。新しいキーで送ってください。');
      }
      return { ok: true, conversationId: prior.conversation_id, message: toMessage(prior), replayed: true };
    }
    if (this.sql.exec('SELECT 1 FROM blocks WHERE agency_id = ?', input.agencyId).toArray().length) {
      return refuse(403, 'blocked_by_recipient', 'この求職者には送信できません',
        '求職者がこの事業者からのメッセージの受け取りを停止（ブロック）しているため、送信できません。この求職者の情報は速やかに削除してください（利用規約 第7条(2)①オ）。');
    }
    if (input.kind === 'first_contact') {
      if (this.sql.exec("SELECT 1 FROM deletion_requests WHERE agency_id = ? AND held = 1", input.agencyId).toArray().length) {
        return refuse(410, 'data_deleted', 'この求職者には連絡できません', 'この求職者から情報の削除を求められたため、この事業者からは連絡できません。');
      }
      const live = this.sql.exec<ConvRow>(`SELECT * FROM conversations WHERE agency_id = ? AND state IN ${LIVE}`, input.agencyId).toArray()[0];
      if (live?.state === 'awaiting_seeker') {
        return refuse(409, 'first_message_already_sent', '求職者からの返信を待っています',
          'この求職者には最初のメッセージを送信済みです。求職者から返信があるまで、次のメッセージは送れません。', { conversationId: live.id });
      }
      if (live) return refuse(409, 'conversation_exists', 'すでに会話があります', 'この求職者とはすでに会話が始まっています。その会話で返信してください。', { conversationId: live.id });
      const mi = input.mandatoryInformation;
      if (!mi) return refuse(409, 'mandatory_information_missing', '必須情報が登録されていません', '受理された必須情報がないため、最初のメッセージを送れません。管轄の労働局にお問い合わせください。');
      const id = `C${randomBase32(16)}`;
      let row!: MsgRow;
      this.ctx.storage.transactionSync(() => {
        this.sql.exec("INSERT INTO conversations (id, agency_id, agency_name, state, mi, mi_version, mi_seen, unread, created_at, last_message_at) VALUES (?, ?, ?, 'awaiting_seeker', ?, ?, NULL, 1, ?, ?)",
          id, input.agencyId, input.agencyName, JSON.stringify(mi), mi.version, now, now);
        row = this.insertMessage({ conversationId: id, sender: 'agency', kind: 'first_contact', body: input.body, now, mi, agencyId: input.agencyId, key: input.key });
      });
      return { ok: true, conversationId: id, message: toMessage(row), replayed: false };
    }
    const conv = input.conversationId ? this.conversation(input.conversationId) : null;
    if (!conv || conv.agency_id !== input.agencyId) return refuse(404, 'conversation_not_found', '会話が見つかりません', 'この会話は存在しないか、参照する権限がありません。');
    if (conv.state === 'closed') return refuse(410, 'conversation_closed', 'この会話は終了しています', 'この会話は終了しているため、送信できません。');
    if (conv.state === 'awaiting_seeker') {
      return refuse(409, 'first_message_already_sent', '求職者からの返信を待っています',
        '求職者から返信があるまでは、最初のメッセージ1通だけを送ることができます。返信をお待ちください。', { conversationId: conv.id });
    }
    let row!: MsgRow;
    this.ctx.storage.transactionSync(() => {
      row = this.insertMessage({ conversationId: conv.id, sender: 'agency', kind: 'reply', body: input.body, now, agencyId: input.agencyId, key: input.key });
      this.sql.exec('UPDATE conversations SET unread = unread + 1, last_message_at = ? WHERE id = ?', now, conv.id);
    });
    return { ok: true, conversationId: conv.id, message: toMessage(row), replayed: false };
  }

  /**
   * The jobseeker writes (R-MSG-2 opens the conversation for the agency's answers). A body with
   * contact details is refused and nothing is stored (R-MSG-4).
   *
   * @example await seeker.post('C…', '勤務地を教えてください。', now);
   */
  async post(conversationId: string, body: string, now: number): Promise<{ ok: true; conversationId: string; agencyId: string; message: Message } | Refusal> {
    const conv = this.conversation(conversationId);
    if (!conv) return refuse(404, 'conversation_not_found', '会話が見つかりません', 'この会話は存在しないか、参照する権限がありません。');
    if (conv.state === 'blocked') return refuse(409, 'conversation_blocked', 'ブロック中の事業者です', 'この事業者をブロックしているため送信できません。送るにはブロックを解除してください（以前の会話は再開されません）。');
    if (conv.state === 'closed') return refuse(410, 'conversation_closed', 'この会話は終了しています', 'この会話は終了しているため、送信できません。');
    const findings = disallowedContactDetails(body, null);
    if (findings.length) return contactDetailsRefusal(findings, null);
    let row!: MsgRow;
    this.ctx.storage.transactionSync(() => {
      row = this.insertMessage({ conversationId, sender: 'seeker', kind: 'reply', body, now });
      this.sql.exec("UPDATE conversations SET state = 'open', last_message_at = ? WHERE id = ?", now, conversationId);
    });
    return { ok: true, conversationId, agencyId: conv.agency_id, message: toMessage(row) };
  }

  /**
   * The inbox, newest first, each conversation with its mandatory information and unread count.
   *
   * @example await seeker.inbox(null, 20);
   */
  async inbox(after: { at: number; id: string } | null, limit: number): Promise<{ items: SeekerConversation[]; next: { at: number; id: string } | null }> {
    const rows = after
      ? this.sql.exec<ConvRow>('SELECT * FROM conversations WHERE last_message_at < ? OR (last_message_at = ? AND id > ?) ORDER BY last_message_at DESC, id LIMIT ?', after.at, after.at, after.id, limit + 1).toArray()
      : this.sql.exec<ConvRow>('SELECT * FROM conversations ORDER BY last_message_at DESC, id LIMIT ?', limit + 1).toArray();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map((r) => this.toConversation(r)), next: rows.length > limit && last ? { at: last.last_message_at, id: last.id } : null };
  }

  /**
   * One thread, oldest message first. The jobseeker reading it marks it read and records the
   * mandatory-information version they have now been shown (R-MSG-3). An agency sees only its
   * own conversation and not the notices meant for the jobseeker alone.
   *
   * @example await seeker.thread('C…', { role: 'seeker' }, now);
   */
  async thread(conversationId: string, viewer: ThreadViewer, _now: number): Promise<
    { ok: true; conversation: SeekerConversation; messages: Message[]; agencyId: string; seenVersion: number | null; seenChanged: boolean } | Refusal> {
    const conv = this.conversation(conversationId);
    if (!conv || (viewer.role === 'agency' && conv.agency_id !== viewer.agencyId)) {
      return refuse(404, 'conversation_not_found', '会話が見つかりません', 'この会話は存在しないか、参照する権限がありません。');
    }
    let seenChanged = false;
    if (viewer.role === 'seeker') {
      seenChanged = conv.mi_seen !== conv.mi_version;
      this.sql.exec('UPDATE conversations SET unread = 0, mi_seen = mi_version WHERE id = ?', conversationId);
    }
    const current = this.conversation(conversationId)!;
    const rows = this.sql.exec<MsgRow>(
      `SELECT * FROM messages WHERE conversation_id = ? ${viewer.role === 'agency' ? "AND audience = 'both'" : ''} ORDER BY seq`, conversationId).toArray();
    const conversation = this.toConversation(current);
    if (viewer.role === 'agency') conversation.unread = 0;
    return { ok: true, conversation, messages: rows.map(toMessage), agencyId: conv.agency_id, seenVersion: current.mi_seen, seenChanged };
  }

  /**
   * R-BLOCK-1: blocks an agency. From this call on nothing from it is delivered; its live
   * conversations are marked blocked. Idempotent: a second call returns the first block and the
   * same conversations, so the caller can finish telling the agency.
   *
   * @example await seeker.block('A7K3M9X2QAB', '株式会社みらい人材', now);
   */
  async block(agencyId: string, agencyName: string, now: number): Promise<{ ok: true; block: Block; conversationIds: string[]; created: boolean }> {
    const existing = this.sql.exec<{ blocked_at: number }>('SELECT blocked_at FROM blocks WHERE agency_id = ?', agencyId).toArray()[0];
    if (!existing) {
      this.ctx.storage.transactionSync(() => {
        this.sql.exec('INSERT INTO blocks (agency_id, agency_name, blocked_at) VALUES (?, ?, ?)', agencyId, agencyName, now);
        const live = this.sql.exec<{ id: string }>(`SELECT id FROM conversations WHERE agency_id = ? AND state IN ${LIVE}`, agencyId).toArray();
        for (const { id } of live) {
          this.sql.exec("UPDATE conversations SET state = 'blocked', closed_reason = 'blocked' WHERE id = ?", id);
          this.notice(id, 'blocked', `${agencyName}をブロックしました（${formatJst(now)}）。この事業者からのメッセージは今後届かず、あなたの求職者情報もこの事業者の検索結果に表示されません。事業者には、あなたの情報を削除するよう求めました。`, now);
        }
      });
    }
    const ids = this.sql.exec<{ id: string }>("SELECT id FROM conversations WHERE agency_id = ? AND state = 'blocked'", agencyId).toArray().map((r) => r.id);
    const block = this.blockList().find((b) => b.agencyId === agencyId)!;
    return { ok: true, block, conversationIds: ids, created: !existing };
  }

  /**
   * R-BLOCK-3: lifts a block. The blocked conversations stay closed: the agency does not regain
   * them; a new contact starts a new conversation.
   *
   * @example await seeker.unblock('A7K3M9X2QAB', now);
   */
  async unblock(agencyId: string, now: number): Promise<{ ok: true; removed: boolean }> {
    const row = this.sql.exec<{ agency_name: string }>('SELECT agency_name FROM blocks WHERE agency_id = ?', agencyId).toArray()[0];
    if (!row) return { ok: true, removed: false };
    this.ctx.storage.transactionSync(() => {
      this.sql.exec('DELETE FROM blocks WHERE agency_id = ?', agencyId);
      for (const { id } of this.sql.exec<{ id: string }>("SELECT id FROM conversations WHERE agency_id = ? AND state = 'blocked'", agencyId).toArray()) {
        this.sql.exec("UPDATE conversations SET state = 'closed', closed_reason = 'unblocked' WHERE id = ?", id);
        this.notice(id, 'conversation_closed', `${row.agency_name}のブロックを解除しました（${formatJst(now)}）。この会話の内容は事業者からは見られません。事業者から新たに連絡があれば、新しい会話として届きます。`, now);
      }
    });
    return { ok: true, removed: true };
  }

  private blockList(): Block[] {
    return this.sql.exec<{ agency_id: string; agency_name: string; blocked_at: number; agency_deleted_at: number | null }>('SELECT * FROM blocks ORDER BY blocked_at DESC, agency_id').toArray()
      .map((r) => ({ agencyId: r.agency_id, agencyName: r.agency_name, blockedAt: iso(r.blocked_at)!, agencyDeletedAt: iso(r.agency_deleted_at) }));
  }

  /** The agencies this jobseeker blocks, newest first. */
  async blocks(): Promise<Block[]> {
    return this.blockList();
  }

  /**
   * R-DEL-1: the jobseeker asks an agency to delete their data. Conversations with it end at
   * once. While one request to an agency is open, asking again returns it.
   *
   * @example await seeker.requestDeletion('A7K3M9X2QAB', '株式会社みらい人材', now);
   */
  async requestDeletion(agencyId: string, agencyName: string, now: number): Promise<{ ok: true; request: DeletionRequest; conversationIds: string[]; created: boolean }> {
    let row = this.sql.exec<DelRow>("SELECT * FROM deletion_requests WHERE agency_id = ? AND state = 'requested'", agencyId).toArray()[0];
    const created = !row;
    if (!row) {
      const id = `D${randomBase32(12)}`;
      this.ctx.storage.transactionSync(() => {
        this.sql.exec("INSERT INTO deletion_requests (id, agency_id, agency_name, state, requested_at) VALUES (?, ?, ?, 'requested', ?)", id, agencyId, agencyName, now);
        const open = this.sql.exec<{ id: string }>("SELECT id FROM conversations WHERE agency_id = ? AND state IN ('awaiting_seeker', 'open', 'blocked')", agencyId).toArray();
        for (const conv of open) {
          this.sql.exec("UPDATE conversations SET state = 'closed', closed_reason = 'deletion_requested', closed_ref = ? WHERE id = ?", id, conv.id);
          this.notice(conv.id, 'deletion_requested', `${agencyName}に、あなたの情報の削除を依頼しました（${formatJst(now)}）。この会話は終了しました。削除が確認できしだいお知らせします。`, now);
        }
      });
      row = this.sql.exec<DelRow>('SELECT * FROM deletion_requests WHERE id = ?', id).one();
    }
    const ids = this.sql.exec<{ id: string }>('SELECT id FROM conversations WHERE closed_ref = ?', row.id).toArray().map((r) => r.id);
    return { ok: true, request: toDeletionRequest(row), conversationIds: ids, created };
  }

  /**
   * Records what the worker did on a deletion request: the agency's access removed at
   * `serverDeletedAt`, or (when it held nothing) the request done at once with a notice (R-DEL-2).
   */
  async deletionRecorded(requestId: string, held: boolean, serverDeletedAt: number, now: number): Promise<{ ok: true; request: DeletionRequest | null }> {
    const row = this.sql.exec<DelRow>('SELECT * FROM deletion_requests WHERE id = ?', requestId).toArray()[0];
    if (!row) return { ok: true, request: null };
    if (row.state === 'requested') {
      if (held) this.sql.exec('UPDATE deletion_requests SET server_deleted_at = COALESCE(server_deleted_at, ?) WHERE id = ?', serverDeletedAt, requestId);
      else {
        this.sql.exec("UPDATE deletion_requests SET state = 'deleted', held = 0, completed_at = ?, notice = ? WHERE id = ?", now,
          `${row.agency_name}は、あなたの情報を保有していませんでした（${formatJst(now)} 確認）。削除が必要な情報はありません。`, requestId);
      }
    }
    return { ok: true, request: toDeletionRequest(this.sql.exec<DelRow>('SELECT * FROM deletion_requests WHERE id = ?', requestId).one()) };
  }

  /**
   * The agency's extension confirmed it deleted its copy (it acknowledged the event): the
   * jobseeker is told what was done and when (R-DEL-2, R-BLOCK-2). Idempotent.
   *
   * @example await seeker.agencyDeleted({ type: 'deletion_request', agencyId, requestId, at }, now);
   */
  async agencyDeleted(input: { type: 'block' | 'deletion_request'; agencyId: string; requestId?: string; at: number }, now: number): Promise<{ ok: true; notified: boolean }> {
    if (input.type === 'deletion_request') {
      const row = input.requestId ? this.sql.exec<DelRow>('SELECT * FROM deletion_requests WHERE id = ? AND agency_id = ?', input.requestId, input.agencyId).toArray()[0] : undefined;
      if (!row || row.state === 'deleted') return { ok: true, notified: false };
      const server = row.server_deleted_at ?? input.at;
      const text = `${row.agency_name}は、${formatJst(row.requested_at)}のご依頼を受けて、あなたの情報を削除しました。`
        + `サーバー上の事業者の閲覧権限：${formatJst(server)} に削除。事業者の端末（拡張機能）に保存されていた写し：${formatJst(input.at)} に削除。`;
      this.ctx.storage.transactionSync(() => {
        this.sql.exec("UPDATE deletion_requests SET state = 'deleted', server_deleted_at = ?, agency_deleted_at = ?, completed_at = ?, notice = ? WHERE id = ?", server, input.at, now, text, row.id);
        for (const { id } of this.sql.exec<{ id: string }>('SELECT id FROM conversations WHERE closed_ref = ?', row.id).toArray()) this.notice(id, 'deletion_completed', text, now);
      });
      return { ok: true, notified: true };
    }
    const block = this.sql.exec<{ agency_name: string; agency_deleted_at: number | null }>('SELECT agency_name, agency_deleted_at FROM blocks WHERE agency_id = ?', input.agencyId).toArray()[0];
    if (!block || block.agency_deleted_at !== null) return { ok: true, notified: false };
    this.ctx.storage.transactionSync(() => {
      this.sql.exec('UPDATE blocks SET agency_deleted_at = ? WHERE agency_id = ?', input.at, input.agencyId);
      for (const { id } of this.sql.exec<{ id: string }>("SELECT id FROM conversations WHERE agency_id = ? AND state = 'blocked'", input.agencyId).toArray()) {
        this.notice(id, 'deleted_after_block', `${block.agency_name}は、ブロックを受けて、端末（拡張機能）に保存していたあなたの情報を削除しました（${formatJst(input.at)}）。サーバー上の閲覧権限はブロックの時点で削除されています。`, now);
      }
    });
    return { ok: true, notified: true };
  }

  /** Deletion requests, newest first, with what was done and when (R-DEL-2). */
  async deletionRequests(): Promise<DeletionRequest[]> {
    return this.sql.exec<DelRow>('SELECT * FROM deletion_requests ORDER BY requested_at DESC, id').toArray().map(toDeletionRequest);
  }

  /**
   * R-MSG-3: the agency's accepted mandatory information changed. An open conversation gets a
   * system notice with the new content and now holds that version; the jobseeker has seen it
   * once they open the thread. Notices do not count toward the cap (R-CAP-3). Idempotent per version.
   *
   * @example await seeker.noticeMandatoryInformation('C…', 'A7K3M9X2QAB', '株式会社みらい人材', info, now);
   */
  async noticeMandatoryInformation(conversationId: string, agencyId: string, agencyName: string, info: MandatoryInformationVersion, now: number): Promise<{ ok: true; notified: boolean }> {
    const conv = this.conversation(conversationId);
    if (!conv || conv.agency_id !== agencyId || (conv.state !== 'awaiting_seeker' && conv.state !== 'open') || conv.mi_version >= info.version) return { ok: true, notified: false };
    const body = `${agencyName}の必須情報が変更されました（第${info.version}版）。新しい内容は次のとおりです。\n\n${mandatoryInformationText(agencyName, info)}`;
    this.ctx.storage.transactionSync(() => {
      this.notice(conversationId, 'mandatory_info_changed', body, now, 'both', info);
      this.sql.exec('UPDATE conversations SET mi = ?, mi_version = ?, agency_name = ? WHERE id = ?', JSON.stringify(info), info.version, agencyName, conversationId);
    });
    return { ok: true, notified: true };
  }

  /**
   * R-RET-3: the agency stopped using the service and its access is gone; its conversations end
   * with a notice telling the jobseeker why. R-RET-1, R-RET-2: the same when the agency's retention
   * deadline (`details.deadline`) passed. Idempotent: a closed conversation is not closed again.
   *
   * @example await seeker.closeConversations('A7K3M9X2QAB', 'R-RET-3', now);
   * @example await seeker.closeConversations('A7K3M9X2QAB', 'R-RET-1', now, { deadline: '2027-01-31' });
   */
  async closeConversations(agencyId: string, rule: string, now: number, details: { deadline?: string } = {}): Promise<{ ok: true; closed: number }> {
    let closed = 0;
    this.ctx.storage.transactionSync(() => {
      for (const conv of this.sql.exec<{ id: string; agency_name: string }>(`SELECT id, agency_name FROM conversations WHERE agency_id = ? AND state IN ${LIVE}`, agencyId).toArray()) {
        this.sql.exec("UPDATE conversations SET state = 'closed', closed_reason = ? WHERE id = ?", rule, conv.id);
        // Issue 9: retention expiry (R-RET-1, R-RET-2) ends the conversation as well, with its own reason.
        const text = rule === 'R-RET-1' || rule === 'R-RET-2'
          ? `${conv.agency_name}があなたの情報を保存できる期限（${details.deadline ?? '所定の期限'}まで）を過ぎたため、この事業者の手元のあなたの情報は削除され、この会話は終了しました（${formatJst(now)}）。`
          : `${conv.agency_name}はサービスの利用を終了したため、この会話は終了しました（${formatJst(now)}）。この事業者がサービスを通じて受け取ったあなたの情報は削除されました。`;
        this.notice(conv.id, 'conversation_closed', text, now);
        closed++;
      }
    });
    return { ok: true, closed };
  }
}

// ---- messaging: helpers shared by the seeker and agency objects ----------------------------

/** The kinds of conversation a sender may write in. */
export type SendKind = 'first_contact' | 'reply';

/** What the agency side hands the jobseeker's object to deliver (R-MSG-1, R-MSG-2, R-BLOCK-1). */
export type DeliverInput = {
  kind: SendKind;
  profileId: string;
  agencyId: string;
  agencyName: string;
  /** The idempotency key: a key already delivered returns the stored message (R-CAP-2). */
  key: string;
  body: string;
  /** For an answer. */
  conversationId?: string;
  /** For a first contact: the agency's current accepted version, attached by the system (R-MSG-1). */
  mandatoryInformation?: MandatoryInformationVersion;
};

export type DeliverResult = { ok: true; conversationId: string; message: Message; replayed: boolean };

const CONTACT_KIND_NAMES: Record<ContactMethod['kind'], string> = { email: 'メール', phone: '電話', url: 'URL', postal: '住所' };
const DASHES = /[\-‐‑‒–—―−ー─━⁃－]/gu;

/** A comparable form of a contact detail: NFKC, then per kind digits only, lower case, no scheme. */
function canonicalContact(kind: 'phone' | 'email' | 'url' | 'postal', text: string): string {
  const n = text.normalize('NFKC').trim();
  if (kind === 'phone') {
    const digits = n.replace(/\D/g, '');
    return /^\+?\s*\(?\s*81/.test(n) ? `0${digits.slice(2).replace(/^0/, '')}` : digits;
  }
  if (kind === 'email') return n.toLowerCase().replace(/\s+/g, '');
  if (kind === 'url') return n.toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/^www\./, '').replace(/[/?#]+$/, '');
  return n.replace(/\s+/g, '').replace(DASHES, '-').replace(/[〒〠]/g, '');
}

function registeredAllows(finding: Finding, registered: readonly ContactMethod[]): boolean {
  switch (finding.kind) {
    case 'phone': {
      const f = canonicalContact('phone', finding.text);
      return registered.some((m) => m.kind === 'phone' && canonicalContact('phone', m.value) === f);
    }
    case 'email': {
      const f = canonicalContact('email', finding.text);
      return registered.some((m) => m.kind === 'email' && canonicalContact('email', m.value) === f);
    }
    case 'url': {
      // A registered URL covers itself and the pages below it (a registered site root covers the site).
      const f = canonicalContact('url', finding.text);
      return registered.some((m) => {
        if (m.kind !== 'url') return false;
        const u = canonicalContact('url', m.value);
        return f === u || f.startsWith(`${u}/`) || f.startsWith(`${u}?`) || f.startsWith(`${u}#`);
      });
    }
    case 'postal_code':
    case 'address': {
      // Part of a registered postal address (its postal code, its 番地) is that address.
      const f = canonicalContact('postal', finding.text);
      return f.length > 0 && registered.some((m) => m.kind === 'postal' && canonicalContact('postal', m.value).includes(f));
    }
    default:
      return false; // messenger IDs and 12-digit numbers are never a registered contact method
  }
}

/**
 * R-MSG-4 (§7(2)①ク): the contact details in a message body its sender may not send. A jobseeker
 * (`registered` null) may send none; an agency only the contact methods it registered, compared
 * in a normalized form (NFKC; digits only for phones, +81 read as 0; lower case for e-mail and
 * URLs, whose scheme and `www.` do not matter).
 *
 * @example
 * disallowedContactDetails('お電話は03-1234-5678へ', [{ kind: 'phone', value: '03-1234-5678' }]); // []
 * disallowedContactDetails('090-1111-2222', null)[0]?.kind; // 'phone'
 */
export function disallowedContactDetails(body: string, registered: readonly ContactMethod[] | null): Finding[] {
  const found = findContactDetails(body);
  return registered ? found.filter((f) => !registeredAllows(f, registered)) : found;
}

/**
 * The polite refusal of a message that holds contact details (R-MSG-4): what was found, why it
 * is not allowed, and that nothing was stored or sent. `findings` lets the compose box highlight.
 */
export function contactDetailsRefusal(findings: Finding[], registered: readonly ContactMethod[] | null): Refusal {
  const found = describeFindings(findings);
  const positions = findings.map((f) => ({ kind: f.kind, label: f.label, start: f.start, end: f.end }));
  if (!registered) {
    return refuse(422, 'contact_details_not_allowed', '連絡先などは送信できません',
      `${found}このサービスでは、氏名や電話番号・メールアドレス・住所などの連絡先、個人を特定できる情報をメッセージでやりとりすることはできません（利用規約 第7条(2)①ク）。お手数ですが、該当する部分を削除してからもう一度送信してください。このメッセージは保存されていません。`,
      { findings: positions });
  }
  const list = registered.map((m) => `${CONTACT_KIND_NAMES[m.kind]}：${m.value}`).join('、');
  return refuse(422, 'contact_details_not_allowed', '登録していない連絡先は送信できません',
    `${found}メッセージに記載できる連絡先は、登録済みの連絡方法（${list}）に限られます（利用規約 第7条(2)①ク）。該当する部分を削除するか、登録済みの連絡方法に置き換えてください。このメッセージは送信されていません。`,
    { findings: positions });
}

/**
 * An instant as Japanese wall time (T-1).
 *
 * @example formatJst(Date.parse('2026-11-27T01:00:00Z')); // '2026年11月27日 10:00'
 */
export function formatJst(ms: number): string {
  const d = new Date(ms + 9 * 3600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

/**
 * The mandatory information as plain text (R-MSG-1, R-MSG-3): placement record, jobs handled,
 * fees to jobseekers, and the personal-information and complaints officer.
 *
 * @example mandatoryInformationText('株式会社みらい人材', { version: 2, acceptedAt, content });
 */
export function mandatoryInformationText(agencyName: string, info: MandatoryInformationVersion): string {
  const c: MandatoryInformation = info.content;
  const names = <T,>(codes: readonly T[], name: (code: T) => string) => (codes.length ? codes.map(name).join('、') : '指定なし');
  const fees = c.feesToJobseekers.hasFees ? c.feesToJobseekers.text : `なし${c.feesToJobseekers.text.trim() ? `（${c.feesToJobseekers.text}）` : ''}`;
  return [
    `【${agencyName}の必須情報（第${info.version}版・${formatJst(Date.parse(info.acceptedAt))} 受理）】`,
    `■職業紹介の実績：${c.placementRecord.fiscalYear}年度 ${c.placementRecord.placements}件${c.placementRecord.summary.trim() ? `（${c.placementRecord.summary}）` : ''}`,
    `■取り扱う職種：${names(c.jobsHandled.occupations as OccupationMiddleCode[], occupationName)}`,
    `■取り扱う産業：${names(c.jobsHandled.industries as IndustryCode[], industryName)}`,
    `■取り扱う地域：${names(c.jobsHandled.prefectures as PrefectureCode[], prefectureName)}`,
    `■求職者から徴収する手数料：${fees}`,
    `■個人情報管理・苦情処理の責任者：${c.complaintsOfficer.name}（${CONTACT_KIND_NAMES[c.complaintsOfficer.contact.kind]}：${c.complaintsOfficer.contact.value}）`,
  ].join('\n');
}

type ConvRow = {
  id: string; agency_id: string; agency_name: string; state: SeekerConversation['state']; closed_reason: string | null; closed_ref: string | null;
  mi: string; mi_version: number; mi_seen: number | null; unread: number; created_at: number; last_message_at: number;
};
type MsgRow = {
  seq: number; id: string; conversation_id: string; sender: MessageSender; kind: MessageKind; notice: NoticeType | null; audience: 'both' | 'seeker';
  body: string; sent_at: number; mi: string | null; agency_id: string | null; send_key: string | null;
};
type DelRow = {
  id: string; agency_id: string; agency_name: string; state: 'requested' | 'deleted'; held: number; requested_at: number;
  server_deleted_at: number | null; agency_deleted_at: number | null; completed_at: number | null; notice: string | null;
};

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function toMessage(r: MsgRow): Message {
  return {
    id: r.id, conversationId: r.conversation_id, from: r.sender, kind: r.kind, body: r.body, sentAt: new Date(r.sent_at).toISOString(),
    ...(r.mi ? { mandatoryInformation: JSON.parse(r.mi) as MandatoryInformationVersion } : {}),
    ...(r.notice ? { notice: r.notice } : {}),
  };
}

function toDeletionRequest(r: DelRow): DeletionRequest {
  return {
    id: r.id, agencyId: r.agency_id, agencyName: r.agency_name, state: r.state, agencyHeldData: r.held === 1, requestedAt: iso(r.requested_at)!,
    serverDeletedAt: iso(r.server_deleted_at), agencyDeletedAt: iso(r.agency_deleted_at), completedAt: iso(r.completed_at), notice: r.notice,
  };
}

const LIVE = "('awaiting_seeker', 'open')";

/** Who reads a thread: the jobseeker, or the agency of the conversation. */
export type ThreadViewer = { role: 'seeker' } | { role: 'agency'; agencyId: string };
