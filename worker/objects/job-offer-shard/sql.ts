/**
 * The SQL of a job-offer shard, apart from the object so the benchmark can run the very same schema
 * and statements straight on SQLite as its floor.
 */
import type { OfferRow } from '../../lib/job-offer-rows';
import { indexTokens } from '../../lib/search-text';

export type { OfferRow };

/** What the shard's SQL needs of a database: the Durable Object's SQL API, or better-sqlite3. */
export interface OfferSqlRunner {
  all<T>(sql: string, ...params: unknown[]): T[];
}

export const OFFER_SCHEMA_V1 = `
  CREATE TABLE offers (
    rid INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    home INTEGER NOT NULL,
    listed INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    closed_reason TEXT,
    closed_at INTEGER,
    version INTEGER NOT NULL,
    hash TEXT NOT NULL,
    doc TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    valid_until TEXT NOT NULL,
    intro_deadline TEXT NOT NULL,
    workplace_pref TEXT NOT NULL,
    occupation TEXT NOT NULL,
    industry TEXT NOT NULL,
    municipality TEXT,
    employment_type TEXT NOT NULL,
    wage_unit TEXT NOT NULL,
    wage_min INTEGER NOT NULL,
    wage_max INTEGER NOT NULL,
    hours_per_week REAL,
    snapshot_id TEXT
  );
  CREATE INDEX offers_order ON offers (listed, status, updated_at DESC, number);
  CREATE INDEX offers_closing ON offers (status, intro_deadline);
  CREATE TABLE versions (number TEXT NOT NULL, version INTEGER NOT NULL, hash TEXT NOT NULL, changed TEXT NOT NULL, loaded_at INTEGER NOT NULL, PRIMARY KEY (number, version)) WITHOUT ROWID;
  CREATE VIRTUAL TABLE offer_fts USING fts5(tokens, content='', contentless_delete=1);
`;

/** Writes (or replaces) one offer row and its keyword index; the status becomes open. */
export function writeOfferRow(db: OfferSqlRunner, r: OfferRow, snapshotId: string | null): void {
  const prior = db.all<{ rid: number }>('SELECT rid FROM offers WHERE number = ?', r.number)[0];
  if (prior) {
    db.all('DELETE FROM offer_fts WHERE rowid = ?', prior.rid);
    db.all('DELETE FROM offers WHERE rid = ?', prior.rid);
  }
  const rid = db.all<{ rid: number }>(
    `INSERT INTO offers (number, home, listed, status, version, hash, doc, updated_at, valid_until, intro_deadline, workplace_pref,
       occupation, industry, municipality, employment_type, wage_unit, wage_min, wage_max, hours_per_week, snapshot_id)
     VALUES (?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING rid`,
    r.number,
    r.home ? 1 : 0,
    r.listed ? 1 : 0,
    r.version,
    r.hash,
    r.doc,
    r.updatedAt,
    r.validUntil,
    r.introductionDeadline,
    r.workplacePrefecture,
    r.occupation,
    r.industry,
    r.municipality,
    r.employmentType,
    r.wageUnit,
    r.wageMin,
    r.wageMax,
    r.hoursPerWeek,
    snapshotId,
  )[0]!.rid;
  db.all('INSERT INTO offer_fts (rowid, tokens) VALUES (?, ?)', rid, indexTokens(r.text));
}

/** A search inside one shard; lists are ORed within a field, fields are ANDed. */
export type OfferShardQuery = {
  occupations?: string[];
  industries?: string[];
  municipalities?: string[];
  employmentTypes?: string[];
  wageUnit?: string;
  wageMin?: number;
  wageMax?: number;
  hoursMin?: number;
  hoursMax?: number;
  /** FTS5 expression from `matchExpression`. */
  match?: string;
  /** JST date: offers past their dates are left out even before the scheduled run closes them. */
  today: string;
  after?: { updatedAt: number; id: string };
  limit: number;
};

export type OfferHit = { number: string; updatedAt: number; version: number; doc: string };

/**
 * The statement for a search in one shard: open, listed offers still within their dates (the
 * introduction deadline is never after the valid-until date), filters ANDed, keyset paging in the
 * stable order (newest update, then offer number).
 */
export function offerSearchStatement(q: OfferShardQuery): { sql: string; params: unknown[] } {
  // The unary plus keeps SQLite on the order index (listed, status, updated_at) instead of the closing
  // index, which would sort every open offer before the LIMIT.
  const where: string[] = ['o.listed = 1', "o.status = 'open'", '+o.intro_deadline >= ?'];
  const params: unknown[] = [q.today];
  const anyOf = (column: string, values: string[] | undefined) => {
    if (!values?.length) return;
    where.push(`o.${column} IN (${values.map(() => '?').join(',')})`);
    params.push(...values);
  };
  anyOf('occupation', q.occupations);
  anyOf('industry', q.industries);
  anyOf('municipality', q.municipalities);
  anyOf('employment_type', q.employmentTypes);
  if (q.wageUnit) {
    where.push('o.wage_unit = ?');
    params.push(q.wageUnit);
    // The offer's range overlaps the range asked for.
    if (q.wageMin !== undefined) {
      where.push('o.wage_max >= ?');
      params.push(q.wageMin);
    }
    if (q.wageMax !== undefined) {
      where.push('o.wage_min <= ?');
      params.push(q.wageMax);
    }
  }
  if (q.hoursMin !== undefined) {
    where.push('o.hours_per_week >= ?');
    params.push(q.hoursMin);
  }
  if (q.hoursMax !== undefined) {
    where.push('o.hours_per_week <= ?');
    params.push(q.hoursMax);
  }
  if (q.match) {
    where.push('o.rid IN (SELECT rowid FROM offer_fts WHERE offer_fts MATCH ?)');
    params.push(q.match);
  }
  if (q.after) {
    where.push('(o.updated_at < ? OR (o.updated_at = ? AND o.number > ?))');
    params.push(q.after.updatedAt, q.after.updatedAt, q.after.id);
  }
  const sql = `SELECT o.number, o.updated_at AS updatedAt, o.version, o.doc FROM offers o WHERE ${where.join(' AND ')}
               ORDER BY o.updated_at DESC, o.number ASC LIMIT ?`;
  params.push(q.limit);
  return { sql, params };
}
