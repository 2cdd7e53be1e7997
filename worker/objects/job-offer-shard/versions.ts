/**
 * Versions of offers in their home shard (R-JOB-1, R-JOB-3): the same offer number loaded again is
 * a new version when its content hash changed, with what changed recorded.
 */
import { changedItems } from '../../../shared/rules/job-offers';
import type { JobOffer } from '../../../shared/schemas/job-offer';
import type { HomeLoadRow } from '../../lib/job-offer-rows';
import { writeOfferRow, type OfferRow, type OfferSqlRunner } from './sql';

export type { HomeLoadRow };

/** What a load did to one offer in its home shard. */
export type HomeLoadOutcome = {
  number: string;
  action: 'created' | 'updated' | 'unchanged' | 'reopened';
  version: number;
  changed: string[];
  updatedAt: number;
  /** Where the workplace was before this load (null for a new offer). */
  previousWorkplace: string | null;
};

type Prior = { version: number; hash: string; doc: string; status: string; updated_at: number; workplace_pref: string };

/**
 * Loads one offer into its home shard: new (version 1), unchanged (same hash: only the snapshot
 * mark moves), reopened (same hash, was closed), or updated (next version, with what changed).
 */
export function loadHomeRow(db: OfferSqlRunner, row: HomeLoadRow, now: number, snapshotId: string | null): HomeLoadOutcome {
  const prior = db.all<Prior>(
    'SELECT version, hash, doc, status, updated_at, workplace_pref FROM offers WHERE number = ? AND home = 1',
    row.number,
  )[0];
  const previousWorkplace = prior?.workplace_pref ?? null;
  if (prior && prior.hash === row.hash) {
    if (prior.status === 'open') {
      if (snapshotId) db.all('UPDATE offers SET snapshot_id = ? WHERE number = ?', snapshotId, row.number);
      return {
        number: row.number,
        action: 'unchanged',
        version: prior.version,
        changed: [],
        updatedAt: prior.updated_at,
        previousWorkplace,
      };
    }
    writeOfferRow(db, { ...row, home: true, version: prior.version, updatedAt: now }, snapshotId);
    return { number: row.number, action: 'reopened', version: prior.version, changed: [], updatedAt: now, previousWorkplace };
  }
  const version = (prior?.version ?? 0) + 1;
  const changed = prior ? changedItems(JSON.parse(prior.doc) as JobOffer, JSON.parse(row.doc) as JobOffer) : [];
  writeOfferRow(db, { ...row, home: true, version, updatedAt: now }, snapshotId);
  db.all(
    'INSERT OR REPLACE INTO versions (number, version, hash, changed, loaded_at) VALUES (?, ?, ?, ?, ?)',
    row.number,
    version,
    row.hash,
    JSON.stringify(changed),
    now,
  );
  return { number: row.number, action: prior ? 'updated' : 'created', version, changed, updatedAt: now, previousWorkplace };
}

/** The recorded versions of one offer, oldest first. */
export function versionsOf(
  db: OfferSqlRunner,
  number: string,
): Array<{ version: number; hash: string; changed: string[]; loadedAt: number }> {
  return db
    .all<{ version: number; hash: string; changed: string; loaded_at: number }>(
      'SELECT version, hash, changed, loaded_at FROM versions WHERE number = ? ORDER BY version',
      number,
    )
    .map((v) => ({ version: v.version, hash: v.hash, changed: JSON.parse(v.changed) as string[], loadedAt: v.loaded_at }));
}
