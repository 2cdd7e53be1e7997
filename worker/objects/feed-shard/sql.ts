/**
 * The SQL of a feed shard, apart from the object so the benchmark can run the very same schema and
 * query straight on SQLite as its floor.
 */
import type { CountedElsewhere, ShardHit, ShardQuery, ShardRow } from '../../lib/feed-rows';
import { indexTokens } from '../../lib/search-text';

export type { CountedElsewhere, ShardHit, ShardQuery, ShardRow };

/** What the shard's SQL needs of a database: the Durable Object's SQL API, or better-sqlite3 in the benchmark. */
export interface SqlRunner {
  all<T>(sql: string, ...params: unknown[]): T[];
}

/**
 * Writes one profile row (replacing an earlier one) with its terms, experience and keyword index.
 * An update keeps what only the first load sets: the activation code and whether it was used,
 * unless it brings a new code (a new row sent again for a profile not yet activated, R-FEED-1).
 */
export function writeProfileRow(db: SqlRunner, r: ShardRow): void {
  const prior = r.created
    ? undefined
    : db.all<{
        rid: number;
        activated: number;
        activation_hash: string | null;
        activation_expires_at: number | null;
        hw_ref: string | null;
      }>('SELECT rid, activated, activation_hash, activation_expires_at, hw_ref FROM profiles WHERE id = ?', r.id)[0];
  if (prior) deleteProfileRow(db, r.id, prior.rid);
  const keepCode = prior !== undefined && r.activationHash === null;
  const activationHash = keepCode ? prior.activation_hash : r.activationHash;
  const activationExpires = keepCode ? prior.activation_expires_at : r.activationExpiresAt;
  const rid = db.all<{ rid: number }>(
    `INSERT INTO profiles (id, listed, home, updated_at, doc, hw_ref, activation_hash, activation_expires_at, activated,
       employment_types, wage_unit, wage_min, wage_max, hours_per_week, age_band, education, valid_until)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING rid`,
    r.id,
    r.listed ? 1 : 0,
    r.home ? 1 : 0,
    r.updatedAt,
    r.doc,
    r.hwRef ?? prior?.hw_ref ?? null,
    r.home ? activationHash : null,
    r.home ? activationExpires : null,
    prior?.activated ?? 0,
    ',' + r.employmentTypes.join(',') + ',',
    r.wageUnit,
    r.wageMin,
    r.wageMax,
    r.hoursPerWeek,
    r.ageBand,
    r.education,
    r.validUntil,
  )[0]!.rid;
  // Multi-row inserts: one statement per 30 rows keeps under the 100 bound parameters per query.
  for (let i = 0; i < r.terms.length; i += 30) {
    const chunk = r.terms.slice(i, i + 30);
    db.all(
      `INSERT OR IGNORE INTO terms (rid, kind, value) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}`,
      ...chunk.flatMap(([kind, value]) => [rid, kind, value]),
    );
  }
  if (r.experience.length) {
    db.all(
      `INSERT INTO experience (rid, occupation, years) VALUES ${r.experience.map(() => '(?, ?, ?)').join(', ')} ON CONFLICT DO UPDATE SET years = max(years, excluded.years)`,
      ...r.experience.flatMap(([occupation, years]) => [rid, occupation, years]),
    );
  }
  db.all('INSERT INTO fts (rowid, tokens) VALUES (?, ?)', rid, indexTokens(r.text));
  if (r.exclusions && !(r.created && r.exclusions.length === 0)) {
    db.all('DELETE FROM exclusions WHERE profile_id = ?', r.id);
    for (const { agencyId, reason } of r.exclusions)
      db.all('INSERT OR REPLACE INTO exclusions (agency_id, profile_id, reason) VALUES (?, ?, ?)', agencyId, r.id, reason);
  }
}

/** Deletes one profile row with its terms, experience and keyword entries. */
export function deleteProfileRow(db: SqlRunner, id: string, rid: number): void {
  db.all('DELETE FROM fts WHERE rowid = ?', rid);
  db.all('DELETE FROM terms WHERE rid = ?', rid);
  db.all('DELETE FROM experience WHERE rid = ?', rid);
  db.all('DELETE FROM profiles WHERE rid = ?', rid);
}

/**
 * R-FEED-1: the profiles homed in this shard with these Hello Work references (reference → ID), in
 * one statement whatever their number (the references travel as one JSON parameter).
 *
 * @example homeIdsByHwRef(db, ['13010-2026-000123']) // { '13010-2026-000123': '13-7K3M9X2QAB' }
 */
export function homeIdsByHwRef(db: SqlRunner, hwRefs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (!hwRefs.length) return out;
  const rows = db.all<{ id: string; hw_ref: string }>(
    'SELECT id, hw_ref FROM profiles WHERE home = 1 AND hw_ref IN (SELECT value FROM json_each(?))',
    JSON.stringify(hwRefs),
  );
  for (const r of rows) out[r.hw_ref] = r.id;
  return out;
}

/**
 * The filters of a search in one shard (R-FEED-3, R-FEED-4, R-FEED-6), without paging. With
 * `fromMatch` the keyword match is left to the caller, whose statement starts from the keyword index.
 */
function filterClauses(q: ShardQuery, fromMatch = false): { where: string[]; params: unknown[] } {
  const where: string[] = ['p.listed = 1'];
  const params: unknown[] = [];
  const anyTerm = (kind: string, values: string[] | undefined) => {
    if (!values?.length) return;
    where.push(`EXISTS (SELECT 1 FROM terms t WHERE t.rid = p.rid AND t.kind = ? AND t.value IN (${values.map(() => '?').join(',')}))`);
    params.push(kind, ...values);
  };
  anyTerm('occ', q.occupations);
  anyTerm('ind', q.industries);
  anyTerm('muni', q.municipalities);
  anyTerm('qual', q.qualifications);
  if (q.employmentTypes?.length) {
    where.push(`(${q.employmentTypes.map(() => 'instr(p.employment_types, ?) > 0').join(' OR ')})`);
    params.push(...q.employmentTypes.map((t) => `,${t},`));
  }
  if (q.wageUnit) {
    where.push('p.wage_unit = ?');
    params.push(q.wageUnit);
    // The agency's wage range overlaps the range the jobseeker wants.
    if (q.wageMin !== undefined) {
      where.push('p.wage_max >= ?');
      params.push(q.wageMin);
    }
    if (q.wageMax !== undefined) {
      where.push('p.wage_min <= ?');
      params.push(q.wageMax);
    }
  }
  if (q.hoursMin !== undefined) {
    where.push('p.hours_per_week >= ?');
    params.push(q.hoursMin);
  }
  if (q.hoursMax !== undefined) {
    where.push('p.hours_per_week <= ?');
    params.push(q.hoursMax);
  }
  if (q.educations?.length) {
    where.push(`p.education IN (${q.educations.map(() => '?').join(',')})`);
    params.push(...q.educations);
  }
  if (q.experienceOccupation) {
    where.push('EXISTS (SELECT 1 FROM experience x WHERE x.rid = p.rid AND x.occupation = ? AND x.years >= ?)');
    params.push(q.experienceOccupation, q.experienceYearsMin ?? 0);
  } else if (q.experienceYearsMin !== undefined) {
    where.push('EXISTS (SELECT 1 FROM experience x WHERE x.rid = p.rid AND x.years >= ?)');
    params.push(q.experienceYearsMin);
  }
  if (q.today) {
    where.push('(p.valid_until IS NULL OR p.valid_until >= ?)');
    params.push(q.today);
  }
  if (q.match && !fromMatch) {
    where.push('p.rid IN (SELECT rowid FROM fts WHERE fts MATCH ?)');
    params.push(q.match);
  }
  return { where, params };
}

/**
 * The statement for a search in one shard: filters ANDed, lists ORed, blocked profiles hidden
 * (R-FEED-4), keyset paging in the feed's stable order (newest update, then ID).
 *
 * @example const { sql, params } = searchStatement({ agencyId: 'A…', match: 'bi : "介護"', limit: 21 });
 */
export function searchStatement(q: ShardQuery): { sql: string; params: unknown[] } {
  const { where, params } = filterClauses(q);
  if (q.after) {
    where.push('(p.updated_at < ? OR (p.updated_at = ? AND p.id > ?))');
    params.push(q.after.updatedAt, q.after.updatedAt, q.after.id);
  }
  where.push('NOT EXISTS (SELECT 1 FROM exclusions e WHERE e.agency_id = ? AND e.profile_id = p.id)');
  params.push(q.agencyId);
  const sql = `SELECT p.id, p.updated_at AS updatedAt, p.doc FROM profiles p WHERE ${where.join(' AND ')}
               ORDER BY p.updated_at DESC, p.id ASC LIMIT ?`;
  params.push(q.limit);
  return { sql, params };
}

/**
 * The statement counting one shard's matches of a search (R-FEED-3 hit count), ignoring the cursor,
 * blocked profiles left out (R-FEED-4), stopping at `cap` rows so the work stays bounded.
 *
 * @example const { sql, params } = countStatement({ agencyId: 'A…', limit: 21 }, 10_001, { below: '13' });
 */
export function countStatement(q: ShardQuery, cap: number, elsewhere: CountedElsewhere | null): { sql: string; params: unknown[] } {
  const { where, params } = filterClauses(q, true);
  if (elsewhere && 'below' in elsewhere) {
    where.push("NOT EXISTS (SELECT 1 FROM terms t WHERE t.rid = p.rid AND t.kind = 'pref' AND t.value < ?)");
    params.push(elsewhere.below);
  } else if (elsewhere?.among.length) {
    where.push(
      `NOT EXISTS (SELECT 1 FROM terms t WHERE t.rid = p.rid AND t.kind = 'pref' AND t.value IN (${elsewhere.among.map(() => '?').join(',')}))`,
    );
    params.push(...elsewhere.among);
  }
  where.push('NOT EXISTS (SELECT 1 FROM exclusions e WHERE e.agency_id = ? AND e.profile_id = p.id)');
  params.push(q.agencyId);
  // With keywords the count walks the keyword index's matches (in row order, as FTS5 gives them) and
  // stops at the cap, instead of collecting every match first: a count needs no order. 3–4× less work
  // at a million profiles (docs/performance.md).
  if (q.match)
    return {
      sql: `SELECT count(*) AS n FROM (SELECT 1 FROM fts CROSS JOIN profiles p ON p.rid = fts.rowid WHERE fts MATCH ? AND ${where.join(' AND ')} LIMIT ?)`,
      params: [q.match, ...params, cap],
    };
  return { sql: `SELECT count(*) AS n FROM (SELECT 1 FROM profiles p WHERE ${where.join(' AND ')} LIMIT ?)`, params: [...params, cap] };
}
