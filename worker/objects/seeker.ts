import { DurableObject } from 'cloudflare:workers';
import { migrate } from '../lib/migrations';
import { verifyPassword } from '../lib/crypto';
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

  /** Signs in with the passphrase. */
  async signIn(passphrase: string, now: number, label: string | null): Promise<{ ok: true; token: string; expiresAt: number } | Refusal> {
    const record = this.record();
    const hash = this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'passphrase'").toArray()[0]?.value;
    if (!record || !hash || !(await verifyPassword(passphrase, hash))) {
      return refuse(401, 'invalid_credentials', 'サインインできませんでした', '求職者IDまたはパスフレーズが正しくありません。');
    }
    const s = await this.sessions.open('seeker', record.profileId, now, label);
    return { ok: true, token: s.token, expiresAt: s.expiresAt };
  }

  /** Checks a bearer token and the request rate (R-SEC-2, R-OPS-2). */
  async authenticate(token: string, now: number, wallClock: number): Promise<SeekerPrincipal | Refusal> {
    const record = this.record();
    const session = record ? await this.sessions.verify(token, now) : null;
    if (!record || !session) return refuse(401, 'unauthenticated', 'サインインが必要です', 'セッションが無効か期限切れです。もう一度サインインしてください。');
    const wait = this.limiter.take(wallClock);
    if (wait > 0) return refuse(429, 'rate_limited', 'アクセスが集中しています', `${wait}秒ほど待ってからもう一度お試しください。`, { retryAfter: wait });
    return { ok: true, sessionId: session.id, seeker: record };
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
}
