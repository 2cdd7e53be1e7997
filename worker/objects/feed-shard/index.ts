import { DurableObject } from 'cloudflare:workers';
import { LAPSE_BATCH } from '../../lib/feed';
import { migrate } from '../../lib/migrations';
import {
  countStatement,
  deleteProfileRow,
  homeIdsByHwRef,
  searchStatement,
  writeProfileRow,
  type CountedElsewhere,
  type ShardHit,
  type ShardQuery,
  type ShardRow,
  type SqlRunner,
} from './sql';
import { FEED_MIGRATIONS } from './schema';

export type { ShardRow } from './sql';

export type { CountedElsewhere, ShardHit, ShardQuery } from './sql';

/** The shard's home view of a profile, for the worker's own bookkeeping. */
export type HomeRecord = {
  id: string;
  doc: string;
  hwRef: string | null;
  activated: boolean;
  areas: string[];
  validUntil: string | null;
  /** R-FEED-4: the agencies the profile is hidden from (the home shard's list is the profile's). */
  exclusions: Array<{ agencyId: string; reason: string }>;
};

/**
 * The jobseeker feed of one prefecture (R-FEED-1, R-FEED-3, R-FEED-4). Profiles are stored in the
 * shard of each prefecture they want to work in, so a search in one prefecture touches one object
 * and a nationwide search fans out to all 47 (docs/architecture.md).
 */
export class FeedShard extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private readonly runner: SqlRunner;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.runner = { all: <T>(query: string, ...params: unknown[]) => this.sql.exec(query, ...params).toArray() as T[] };
    ctx.blockConcurrencyWhile(async () => this.migrate());
  }

  private migrate(): void {
    migrate(this.sql, FEED_MIGRATIONS, (work) => this.ctx.storage.transactionSync(work));
  }

  /**
   * Inserts or replaces rows in one transaction (a batch of the bureau's load). R-FEED-1: a new
   * profile's home row whose Hello Work reference another profile holds here (two loads of the
   * same file at once) is not written; its ID comes back in `taken`.
   *
   * @example await shard.upsert([row]); // { ok: true, count: 1, taken: [] }
   */
  async upsert(rows: ShardRow[]): Promise<{ ok: true; count: number; taken: string[] }> {
    const taken: string[] = [];
    this.ctx.storage.transactionSync(() => {
      for (const r of rows) {
        if (r.home && r.created && r.hwRef && this.homedRef(r.hwRef)) taken.push(r.id);
        else writeProfileRow(this.runner, r);
      }
    });
    return { ok: true, count: rows.length - taken.length, taken };
  }

  /** Whether a profile homed here holds this Hello Work reference (one probe of its index). */
  private homedRef(hwRef: string): boolean {
    return this.sql.exec('SELECT 1 FROM profiles WHERE home = 1 AND hw_ref = ? LIMIT 1', hwRef).toArray().length > 0;
  }

  private deleteRow(id: string, rid: number): void {
    deleteProfileRow(this.runner, id, rid);
  }

  /**
   * Removes profiles from this shard (withdrawal, leaving the feed, a moved area). The home shard
   * keeps a profile's exclusions even when its row goes (R-FEED-4): they are the profile's, and a
   * reload carries them again to every shard.
   */
  async remove(ids: string[]): Promise<{ ok: true; removed: number }> {
    let removed = 0;
    this.ctx.storage.transactionSync(() => {
      for (const id of ids) if (this.removeOne(id)) removed++;
    });
    return { ok: true, removed };
  }

  /** R-FEED-4: the home shard keeps the profile's exclusions when its row goes; other shards drop theirs. */
  private removeOne(id: string): boolean {
    const row = this.sql.exec<{ rid: number; home: number }>('SELECT rid, home FROM profiles WHERE id = ?', id).toArray()[0];
    if (!row) return false;
    this.deleteRow(id, row.rid);
    if (!row.home) this.sql.exec('DELETE FROM exclusions WHERE profile_id = ?', id);
    return true;
  }

  /**
   * R-FEED-6: removes every row whose registration lapsed before `today` (JST date), as a
   * withdrawal does: the row, its index entries and exclusions go; the acquirers pointer stays, and
   * nothing is touched outside the feed (agencies keep their R-RET deadlines, conversations stay).
   * Each shard holds the same date on every row of a profile, so each sweeps its own. Idempotent.
   *
   * @example await shard.removeLapsed('2027-02-01'); // { ok: true, removed: ['13-7K3M9X2QAB'] }
   */
  async removeLapsed(today: string): Promise<{ ok: true; removed: string[] }> {
    const ids = this.sql
      .exec<{ id: string }>(
        'SELECT id FROM profiles WHERE valid_until IS NOT NULL AND valid_until < ? ORDER BY id LIMIT ?',
        today,
        LAPSE_BATCH,
      )
      .toArray()
      .map((r) => r.id);
    this.ctx.storage.transactionSync(() => {
      for (const id of ids) this.removeOne(id);
    });
    return { ok: true, removed: ids };
  }

  /** R-FEED-1: the profiles homed here with these Hello Work references (reference → ID). */
  async homeIdsByHwRef(hwRefs: string[]): Promise<Record<string, string>> {
    return homeIdsByHwRef(this.runner, hwRefs);
  }

  /** The home record of a profile (canonical row), or null. */
  async home(id: string): Promise<HomeRecord | null> {
    const row = this.sql
      .exec<{ id: string; doc: string; hw_ref: string | null; activated: number; valid_until: string | null }>(
        'SELECT id, doc, hw_ref, activated, valid_until FROM profiles WHERE id = ? AND home = 1',
        id,
      )
      .toArray()[0];
    if (!row) return null;
    const areas = this.sql
      .exec<{ value: string }>("SELECT value FROM terms WHERE rid = (SELECT rid FROM profiles WHERE id = ?) AND kind = 'pref'", id)
      .toArray()
      .map((r) => r.value);
    return {
      id: row.id,
      doc: row.doc,
      hwRef: row.hw_ref,
      activated: row.activated === 1,
      areas,
      validUntil: row.valid_until,
      exclusions: this.exclusionsOf(id),
    };
  }

  /** R-FEED-4: the agencies a profile is hidden from, as this shard keeps them (the home shard's list is the profile's). */
  private exclusionsOf(id: string): Array<{ agencyId: string; reason: string }> {
    return this.sql
      .exec<{ agency_id: string; reason: string }>('SELECT agency_id, reason FROM exclusions WHERE profile_id = ? ORDER BY agency_id', id)
      .toArray()
      .map((r) => ({ agencyId: r.agency_id, reason: r.reason }));
  }

  /**
   * One profile for an agency, unless that agency is excluded from it (blocked, R-FEED-4) or the
   * registration lapsed before `today` (R-FEED-6, even before the sweep removes the row).
   *
   * @example await shard.profileFor('13-7K3M9X2QAB', 'A7K3M9X2QAB', '2026-11-27');
   */
  async profileFor(
    id: string,
    agencyId: string,
    today: string,
  ): Promise<{ ok: true; doc: string } | { ok: false; reason: 'not_found' | 'excluded' }> {
    const row = this.sql
      .exec<{ doc: string; valid_until: string | null }>('SELECT doc, valid_until FROM profiles WHERE id = ? AND home = 1', id)
      .toArray()[0];
    if (!row || (row.valid_until !== null && row.valid_until < today)) return { ok: false, reason: 'not_found' };
    const excluded = this.sql.exec('SELECT 1 FROM exclusions WHERE agency_id = ? AND profile_id = ?', agencyId, id).toArray().length > 0;
    return excluded ? { ok: false, reason: 'excluded' } : { ok: true, doc: row.doc };
  }

  /** Hides a profile from an agency's searches, or shows it again (R-FEED-4, R-BLOCK-3). */
  async setExclusion(profileId: string, agencyId: string, reason: string | null): Promise<void> {
    if (reason)
      this.sql.exec('INSERT OR REPLACE INTO exclusions (agency_id, profile_id, reason) VALUES (?, ?, ?)', agencyId, profileId, reason);
    else this.sql.exec('DELETE FROM exclusions WHERE agency_id = ? AND profile_id = ?', agencyId, profileId);
  }

  /**
   * Checks a jobseeker's one-time activation code (hash) without using it up.
   *
   * @example await shard.checkActivation(id, await sha256Hex(code), now);
   */
  async checkActivation(id: string, codeHash: string, now: number): Promise<'ok' | 'invalid' | 'expired' | 'used'> {
    const row = this.sql
      .exec<{ activation_hash: string | null; activation_expires_at: number | null; activated: number }>(
        'SELECT activation_hash, activation_expires_at, activated FROM profiles WHERE id = ? AND home = 1',
        id,
      )
      .toArray()[0];
    if (!row || !row.activation_hash || row.activation_hash !== codeHash) return 'invalid';
    if (row.activated) return 'used';
    if (row.activation_expires_at !== null && row.activation_expires_at <= now) return 'expired';
    return 'ok';
  }

  /**
   * Re-issues a jobseeker's activation code (R-SEC-6): a new hash and expiry, usable once, whether
   * or not the account was activated before. False when the profile is not homed here.
   */
  async reissueActivation(id: string, codeHash: string, expiresAt: number): Promise<boolean> {
    return (
      this.sql.exec(
        'UPDATE profiles SET activation_hash = ?, activation_expires_at = ?, activated = 0 WHERE id = ? AND home = 1',
        codeHash,
        expiresAt,
        id,
      ).rowsWritten > 0
    );
  }

  /** True when a jobseeker account homed here was activated (R-SEC-8: checked before the SeekerObject is addressed). */
  async hasSeekerAccount(id: string): Promise<boolean> {
    return this.sql.exec('SELECT 1 FROM seeker_accounts WHERE id = ?', id).toArray().length > 0;
  }

  /** Marks the activation code as used; its hash stays so a second try is told it was used. */
  async markActivated(id: string): Promise<void> {
    this.sql.exec('UPDATE profiles SET activated = 1 WHERE id = ? AND home = 1', id);
    this.sql.exec('INSERT OR IGNORE INTO seeker_accounts (id) VALUES (?)', id);
  }

  /**
   * A page of this shard's listed profiles matching the query, in the feed's stable order
   * (newest update first, then ID), after the cursor position.
   */
  async search(q: ShardQuery): Promise<ShardHit[]> {
    const { sql, params } = searchStatement(q);
    return this.sql.exec<ShardHit>(sql, ...params).toArray();
  }

  /**
   * A page of matches (as search) and how many match in all, counted up to `cap` (R-FEED-3 hit
   * count): one call per shard for both. `elsewhere` leaves out profiles another searched shard counts.
   *
   * @example await shard.searchCounted(q, 214, { below: '13' }); // { hits: [...], count: 214 } (214: at least)
   */
  async searchCounted(q: ShardQuery, cap: number, elsewhere: CountedElsewhere | null): Promise<{ hits: ShardHit[]; count: number }> {
    return { hits: await this.search(q), count: await this.count(q, cap, elsewhere) };
  }

  /** How many of this shard's profiles match, up to `cap` (R-FEED-3 hit count, R-FEED-4). */
  async count(q: ShardQuery, cap: number, elsewhere: CountedElsewhere | null): Promise<number> {
    const { sql, params } = countStatement(q, cap, elsewhere);
    return this.sql.exec<{ n: number }>(sql, ...params).one().n;
  }

  /**
   * Notes that an agency acquired profiles homed in this shard (R-RET-1): only the pointers, never
   * the acquisitions' state, which stays in the agency's object. The first date is kept, so a
   * pointer sent again (the agency's queue retries, acquisitions.ts) changes nothing. One
   * transaction for the whole batch: the agency sends what it queued, grouped by shard.
   *
   * @example await shard.recordAcquirers('A7K3M9X2QAB', [{ profileId: '13-7K3M9X2QAB', acquiredOn: '2026-11-27' }]);
   */
  async recordAcquirers(agencyId: string, pointers: Array<{ profileId: string; acquiredOn: string }>): Promise<{ ok: true }> {
    this.ctx.storage.transactionSync(() => {
      for (const p of pointers)
        this.sql.exec(
          'INSERT OR IGNORE INTO acquirers (profile_id, agency_id, first_acquired_on) VALUES (?, ?, ?)',
          p.profileId,
          agencyId,
          p.acquiredOn,
        );
    });
    return { ok: true };
  }

  /**
   * The agencies that ever acquired a profile, oldest first (the jobseeker's data-holders view).
   * Kept when the profile leaves the feed: the jobseeker may still ask who holds their data.
   *
   * @example await shard.acquirersOf('13-7K3M9X2QAB'); // [{ agencyId: 'A7K3M9X2QAB', firstAcquiredOn: '2026-11-27' }]
   */
  async acquirersOf(profileId: string): Promise<Array<{ agencyId: string; firstAcquiredOn: string }>> {
    return this.sql
      .exec<{ agency_id: string; first_acquired_on: string }>(
        'SELECT agency_id, first_acquired_on FROM acquirers WHERE profile_id = ? ORDER BY first_acquired_on, agency_id',
        profileId,
      )
      .toArray()
      .map((r) => ({ agencyId: r.agency_id, firstAcquiredOn: r.first_acquired_on }));
  }
}
