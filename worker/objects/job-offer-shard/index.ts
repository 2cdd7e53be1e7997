import { DurableObject } from 'cloudflare:workers';
import { closedByDate } from '../../../shared/rules/job-offers';
import type { OfferCloseReason } from '../../../shared/schemas/job-offer';
import { migrate } from '../../lib/migrations';
import { closeLapsed, closeMissing, closeOffer, type ClosedOffer } from './closing';
import {
  OFFER_SCHEMA_V1,
  offerSearchStatement,
  writeOfferRow,
  type OfferHit,
  type OfferRow,
  type OfferShardQuery,
  type OfferSqlRunner,
} from './sql';
import { loadHomeRow, versionsOf, type HomeLoadOutcome, type HomeLoadRow } from './versions';

export type { OfferHit, OfferRow, OfferShardQuery } from './sql';
export type { HomeLoadOutcome, HomeLoadRow } from './versions';
export type { ClosedOffer } from './closing';

/** An offer as its home shard holds it (R-JOB-2): the document, version, hash and status. */
export type StoredOffer = {
  number: string;
  doc: string;
  version: number;
  hash: string;
  status: 'open' | 'closed';
  closedReason: OfferCloseReason | null;
  updatedAt: number;
  workplacePrefecture: string;
};

/** The latest state of an offer, against the hash a quote holds (R-JOB-3). */
export type OfferState = {
  number: string;
  status: 'open' | 'closed' | 'unknown';
  version: number | null;
  hash: string | null;
  closedReason: OfferCloseReason | null;
  doc: string | null;
};

type StoredRow = {
  number: string;
  doc: string;
  version: number;
  hash: string;
  status: 'open' | 'closed';
  closed_reason: OfferCloseReason | null;
  updated_at: number;
  workplace_pref: string;
  valid_until: string;
  intro_deadline: string;
};

/**
 * The job offers of one prefecture (R-JOB-1, R-JOB-3), sharded like the jobseeker feed. An offer
 * lives in the shard of its number's prefecture (its home: versions, snapshot marks) and is listed
 * in the shard of its workplace's prefecture, usually the same one (docs/architecture.md).
 */
export class JobOfferShard extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private readonly db: OfferSqlRunner;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.db = { all: <T>(query: string, ...params: unknown[]) => this.sql.exec(query, ...params).toArray() as T[] };
    ctx.blockConcurrencyWhile(async () => migrate(this.sql, [(sql) => sql.exec(OFFER_SCHEMA_V1)]));
  }

  /**
   * Loads offers homed here in one transaction; each becomes new, unchanged, reopened or a new version.
   *
   * @example await shard.loadHome([row], now, null);
   */
  async loadHome(rows: HomeLoadRow[], now: number, snapshotId: string | null): Promise<HomeLoadOutcome[]> {
    return this.ctx.storage.transactionSync(() => rows.map((r) => loadHomeRow(this.db, r, now, snapshotId)));
  }

  /** Writes listing copies of offers homed elsewhere whose workplace is here. */
  async putListings(rows: OfferRow[]): Promise<{ ok: true }> {
    this.ctx.storage.transactionSync(() => {
      for (const r of rows) writeOfferRow(this.db, { ...r, home: false, listed: true }, null);
    });
    return { ok: true };
  }

  /** Removes listing copies whose workplace moved to another prefecture. */
  async removeListings(numbers: string[]): Promise<{ ok: true }> {
    this.ctx.storage.transactionSync(() => {
      for (const n of numbers) {
        const row = this.db.all<{ rid: number }>('SELECT rid FROM offers WHERE number = ? AND home = 0', n)[0];
        if (row) {
          this.db.all('DELETE FROM offer_fts WHERE rowid = ?', row.rid);
          this.db.all('DELETE FROM offers WHERE rid = ?', row.rid);
        }
      }
    });
    return { ok: true };
  }

  /** Closes one offer here (the bureau's close, or a listing following its home). */
  async close(number: string, reason: OfferCloseReason, now: number): Promise<ClosedOffer | null> {
    return closeOffer(this.db, number, reason, now);
  }

  /** Closes the open offers of `prefix` that a complete snapshot lacked (R-JOB-1). */
  async closeMissing(prefix: string, snapshotId: string, now: number): Promise<ClosedOffer[]> {
    return this.ctx.storage.transactionSync(() => closeMissing(this.db, prefix, snapshotId, now));
  }

  /** Closes offers past their dates on `today` (JST); the scheduled work calls it. */
  async closeLapsed(today: string, now: number): Promise<{ closed: number }> {
    return { closed: this.ctx.storage.transactionSync(() => closeLapsed(this.db, today, now)) };
  }

  /**
   * One offer homed here, closed first if its dates passed on `today` (R-JOB-1).
   *
   * @example await shard.offer('13010-12345678', '2026-11-30', now);
   */
  async offer(number: string, today: string, now: number): Promise<StoredOffer | null> {
    const row = this.lapseThenRead(number, today, now);
    if (!row) return null;
    return {
      number: row.number,
      doc: row.doc,
      version: row.version,
      hash: row.hash,
      status: row.status,
      closedReason: row.closed_reason,
      updatedAt: row.updated_at,
      workplacePrefecture: row.workplace_pref,
    };
  }

  /**
   * The latest state of offers homed here, for quotes holding `hashes` (R-JOB-3): the document
   * comes back only when some quote's differs from it, so what changed can be named.
   */
  async states(quoted: Array<{ number: string; hashes: string[] }>, today: string, now: number): Promise<OfferState[]> {
    return quoted.map(({ number, hashes }) => {
      const row = this.lapseThenRead(number, today, now);
      if (!row) return { number, status: 'unknown', version: null, hash: null, closedReason: null, doc: null };
      return {
        number,
        status: row.status,
        version: row.version,
        hash: row.hash,
        closedReason: row.closed_reason,
        doc: row.status === 'open' && hashes.some((h) => h !== row.hash) ? row.doc : null,
      };
    });
  }

  /** The recorded versions of an offer homed here. */
  async versions(number: string): Promise<ReturnType<typeof versionsOf>> {
    return versionsOf(this.db, number);
  }

  /** A page of this shard's open, listed offers matching the query, in the stable order. */
  async search(q: OfferShardQuery): Promise<OfferHit[]> {
    const { sql, params } = offerSearchStatement(q);
    return this.db.all<OfferHit>(sql, ...params);
  }

  private lapseThenRead(number: string, today: string, now: number): StoredRow | undefined {
    const read = () =>
      this.db.all<StoredRow>(
        'SELECT number, doc, version, hash, status, closed_reason, updated_at, workplace_pref, valid_until, intro_deadline FROM offers WHERE number = ? AND home = 1',
        number,
      )[0];
    const row = read();
    if (row?.status === 'open') {
      const reason = closedByDate({ validUntil: row.valid_until, introductionDeadline: row.intro_deadline }, today);
      if (reason) {
        closeOffer(this.db, number, reason, now);
        return read();
      }
    }
    return row;
  }
}
