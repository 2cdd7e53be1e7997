import { DUMMY_PASSWORD_HASH, passwordParams, randomBase32, randomSecret, sha256Hex, timingSafeEqualText } from './crypto';
import { refuse, type Refusal } from './problem';

/** Who a token belongs to; the first letter of every token, so the worker finds the object without a lookup. */
export type Role = 'agency' | 'seeker' | 'staff';
const ROLE_PREFIX: Record<Role, string> = { agency: 'a', seeker: 's', staff: 'b' };

/** Idle timeout and absolute lifetime of a session (R-SEC-1, docs/decisions.md). */
export const SESSION_IDLE_MS = 4 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 60 * 1000;

/**
 * A parsed bearer token: `<role letter>.<accountId>.<secret>`. The account ID routes the request
 * to the account's own Durable Object; only the secret's hash is stored there.
 *
 * @example parseToken('a.A7K3M9X2QAB.q3X…') // { role: 'agency', accountId: 'A7K3M9X2QAB', token: 'a.A7…' }
 */
export function parseToken(header: string | undefined): { role: Role; accountId: string; token: string } | null {
  if (!header) return null;
  const m = /^Bearer\s+([asb])\.([0-9A-Za-z-]{2,40})\.([A-Za-z0-9_-]{20,100})$/.exec(header.trim());
  if (!m) return null;
  const role = (Object.keys(ROLE_PREFIX) as Role[]).find((r) => ROLE_PREFIX[r] === m[1])!;
  return { role, accountId: m[2]!, token: `${m[1]}.${m[2]}.${m[3]}` };
}

export type SessionRow = {
  id: string;
  account_id: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  label: string | null;
};

/**
 * Sessions of one account, kept in that account's Durable Object (its SQLite). Tokens are stored
 * only as SHA-256 hashes and compared in constant time (R-SEC-2); sessions end on idle timeout,
 * absolute lifetime, sign-out, or when the account stops (R-SAN-2).
 */
export class SessionStore {
  constructor(private readonly sql: SqlStorage) {}

  /** Creates the table; call inside the object's migration. */
  static migrate(sql: SqlStorage): void {
    sql.exec(`CREATE TABLE IF NOT EXISTS sessions (
      id TEXT PRIMARY KEY, account_id TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL,
      last_seen_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, label TEXT)`);
  }

  /**
   * Opens a session and returns its bearer token, shown once. The token names the object that
   * keeps the session (`accountId`); the session itself may belong to one `holder` within it (an
   * organisation's staff seat, R-ORG-2), whose sessions then end together.
   *
   * @example const { token } = await store.open('agency', 'A7K3M9X2QAB', now, label, 'U4F8…');
   */
  async open(
    role: Role,
    accountId: string,
    now: number,
    label: string | null = null,
    holder: string = accountId,
  ): Promise<{ token: string; sessionId: string; expiresAt: number }> {
    const token = `${ROLE_PREFIX[role]}.${accountId}.${randomSecret()}`;
    const id = randomBase32(12);
    const expiresAt = now + SESSION_LIFETIME_MS;
    this.sql.exec('DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?', now, now - SESSION_IDLE_MS);
    this.sql.exec(
      'INSERT INTO sessions (id, account_id, token_hash, created_at, last_seen_at, expires_at, label) VALUES (?, ?, ?, ?, ?, ?, ?)',
      id,
      holder,
      await sha256Hex(token),
      now,
      now,
      expiresAt,
      label,
    );
    return { token, sessionId: id, expiresAt };
  }

  /**
   * The session a token opens, or null when unknown, idle too long or past its lifetime.
   *
   * @example const s = await store.verify(token, now); if (!s) throw unauthorised();
   */
  async verify(token: string, now: number): Promise<SessionRow | null> {
    const hash = await sha256Hex(token);
    const row = this.sql.exec<SessionRow & { token_hash: string }>('SELECT * FROM sessions WHERE token_hash = ?', hash).toArray()[0];
    if (!row || !timingSafeEqualText(row.token_hash, hash)) return null;
    if (row.expires_at <= now || row.last_seen_at + SESSION_IDLE_MS <= now) {
      this.sql.exec('DELETE FROM sessions WHERE id = ?', row.id);
      return null;
    }
    if (now - row.last_seen_at >= TOUCH_EVERY_MS) this.sql.exec('UPDATE sessions SET last_seen_at = ? WHERE id = ?', now, row.id);
    return {
      id: row.id,
      account_id: row.account_id,
      created_at: row.created_at,
      last_seen_at: row.last_seen_at,
      expires_at: row.expires_at,
      label: row.label,
    };
  }

  /**
   * Compares a candidate hash made by the worker with the stored one in constant time and opens
   * a session (R-SEC-5: the object never runs the slow hash). Same refusal for every failure.
   *
   * The session may belong to one `holder` within the account (an organisation's seat, R-ORG-2).
   *
   * @example return store.signInWithHash(candidate, storedHash, 'agency', record.id, now, label, 'アカウントID…', seat.id);
   */
  async signInWithHash(
    candidate: string,
    storedHash: string | null,
    role: Role,
    accountId: string | null,
    now: number,
    label: string | null,
    wrong: string,
    holder: string | null = accountId,
  ): Promise<{ ok: true; token: string; expiresAt: number } | Refusal> {
    const ok = timingSafeEqualText(candidate, storedHash ?? DUMMY_PASSWORD_HASH);
    if (!ok || !storedHash || !accountId || !holder || !passwordParams(storedHash))
      return refuse('invalid_credentials', wrong, undefined, { status: 401, title: 'サインインできませんでした' });
    const s = await this.open(role, accountId, now, label, holder);
    return { ok: true, token: s.token, expiresAt: s.expiresAt };
  }

  /**
   * Replaces a password hash after checking the old one (R-SEC-6): `candidate` is the worker's hash
   * of the old password, or null when a one-time reset code was already checked by the worker.
   * Every other session ends. The caller writes `newHash` only when this says ok.
   *
   * @example const r = store.checkForChange(candidate, stored, accountId, keepId); if (r.ok) write(newHash);
   */
  checkForChange(candidate: string | null, storedHash: string | null, accountId: string | null): { ok: true } | Refusal {
    if (!accountId)
      return refuse('account_not_found', 'このアカウントは存在しません。', undefined, { status: 404, title: 'アカウントが見つかりません' });
    if (candidate !== null && !timingSafeEqualText(candidate, storedHash ?? DUMMY_PASSWORD_HASH)) {
      return refuse('wrong_password', '現在のパスワードを確認して、もう一度入力してください。', undefined, {
        status: 403,
        title: '現在のパスワードが正しくありません',
      });
    }
    return { ok: true };
  }

  /**
   * A request's token and its account's request rate (R-SEC-2, R-OPS-2): the session, or the refusal.
   *
   * @example const r = await store.check(token, now, limiter, wallClock); if (!r.ok) return r;
   */
  async check(token: string, now: number, limiter: RateLimiter, wallClock: number): Promise<{ ok: true; session: SessionRow } | Refusal> {
    const session = await this.verify(token, now);
    if (!session) return refuse('unauthenticated', 'セッションが無効か期限切れです。もう一度サインインしてください。');
    const wait = limiter.take(wallClock);
    if (wait > 0) {
      return refuse('rate_limited', `短時間のアクセスが多すぎます。${wait}秒ほど待ってからもう一度お試しください。`, { retryAfter: wait });
    }
    return { ok: true, session };
  }

  /** Live sessions of an account, newest first. */
  list(accountId: string, now: number): SessionRow[] {
    return this.sql
      .exec<SessionRow>(
        'SELECT id, account_id, created_at, last_seen_at, expires_at, label FROM sessions WHERE account_id = ? AND expires_at > ? AND last_seen_at > ? ORDER BY created_at DESC',
        accountId,
        now,
        now - SESSION_IDLE_MS,
      )
      .toArray();
  }

  /** Ends one session of an account; true when it existed. */
  end(accountId: string, id: string): boolean {
    return this.sql.exec('DELETE FROM sessions WHERE account_id = ? AND id = ?', accountId, id).rowsWritten > 0;
  }

  /** Ends every session of an account but one (a password change, R-SEC-6); returns how many ended. */
  endAllExcept(accountId: string, keepId: string | null): number {
    return this.sql.exec('DELETE FROM sessions WHERE account_id = ? AND id != ?', accountId, keepId ?? '').rowsWritten;
  }

  /** Ends every session of an account (sign out everywhere, suspension, revocation). */
  endAll(accountId: string): number {
    return this.sql.exec('DELETE FROM sessions WHERE account_id = ?', accountId).rowsWritten;
  }
}

/**
 * A per-account token bucket for R-OPS-2 (§11 access restriction), kept in memory of the
 * account's object: the object is the only place that account's requests meet.
 *
 * @example const wait = limiter.take(Date.now()); if (wait > 0) refuse429(wait);
 */
export class RateLimiter {
  private tokens: number;
  private at = 0;
  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
  ) {
    this.tokens = burst;
  }

  /** Takes one request; returns 0 when allowed, else the seconds to wait. */
  take(now: number): number {
    const elapsed = Math.max(0, now - this.at) / 1000;
    this.tokens = Math.min(this.burst, this.tokens + elapsed * this.perSecond);
    this.at = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - this.tokens) / this.perSecond));
  }
}
