/**
 * The agency's acceptance records (R-APP-5): the fee statement recorded with each 求職受理 and the
 * applications it refused, with their reasons, for the bureau. Functions of the object's SQL
 * handle and "now"; the object calls them inside its own checks (acquisition held, dates).
 */
import type { AcceptanceRefusal, FeeStatement } from '../../../shared/schemas';

/** Creates the tables on first use (idempotent; the object's migrations stay as they are). */
export function acceptanceTables(sql: SqlStorage): void {
  sql.exec(`
    CREATE TABLE IF NOT EXISTS acceptance_fees (
      profile_id TEXT PRIMARY KEY, accepted_on TEXT NOT NULL, kind TEXT NOT NULL, explained_on TEXT, recorded_at INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS acceptance_refusals (
      seq INTEGER PRIMARY KEY, profile_id TEXT NOT NULL, refused_on TEXT NOT NULL, reason TEXT NOT NULL, recorded_at INTEGER NOT NULL);
  `);
}

/**
 * Records the fee statement of an acceptance (R-APP-5, §7(2)②イ); a later acceptance of the same
 * profile replaces it.
 *
 * @example recordFeeStatement(sql, '13-7K3M9X2QAB', '2026-11-27', { kind: 'none_charged' }, now);
 */
export function recordFeeStatement(sql: SqlStorage, profileId: string, acceptedOn: string, fees: FeeStatement, now: number): void {
  sql.exec('INSERT OR REPLACE INTO acceptance_fees (profile_id, accepted_on, kind, explained_on, recorded_at) VALUES (?, ?, ?, ?, ?)',
    profileId, acceptedOn, fees.kind, fees.kind === 'explained' ? fees.explainedOn : null, now);
}

/** The fee statement recorded with a profile's acceptance, or null. */
export function feeStatementOf(sql: SqlStorage, profileId: string): FeeStatement | null {
  const row = sql.exec<{ kind: string; explained_on: string | null }>('SELECT kind, explained_on FROM acceptance_fees WHERE profile_id = ?', profileId).toArray()[0];
  if (!row) return null;
  return row.kind === 'explained' ? { kind: 'explained', explainedOn: row.explained_on! } : { kind: 'none_charged' };
}

/**
 * Records a refusal to accept an application, with its reason (R-APP-5, §7(2)②ア).
 *
 * @example recordRefusal(sql, '13-7K3M9X2QAB', '2026-11-27', '申込みの内容が法令に違反するため', now);
 */
export function recordRefusal(sql: SqlStorage, profileId: string, refusedOn: string, reason: string, now: number): AcceptanceRefusal {
  sql.exec('INSERT INTO acceptance_refusals (profile_id, refused_on, reason, recorded_at) VALUES (?, ?, ?, ?)', profileId, refusedOn, reason, now);
  return { profileId, refusedOn, reason, recordedAt: new Date(now).toISOString() };
}

/**
 * The agency's refusals for the bureau (R-APP-5): how many, and the latest `limit`, newest first.
 *
 * @example refusalFigures(sql, 20); // { count: 1, latest: [{ profileId: '13-…', refusedOn: '2026-11-27', reason: '…', recordedAt: '…' }] }
 */
export function refusalFigures(sql: SqlStorage, limit: number): { count: number; latest: AcceptanceRefusal[] } {
  const count = sql.exec<{ n: number }>('SELECT count(*) AS n FROM acceptance_refusals').one().n;
  const latest = sql.exec<{ profile_id: string; refused_on: string; reason: string; recorded_at: number }>(
    'SELECT profile_id, refused_on, reason, recorded_at FROM acceptance_refusals ORDER BY seq DESC LIMIT ?', limit).toArray()
    .map((r) => ({ profileId: r.profile_id, refusedOn: r.refused_on, reason: r.reason, recordedAt: new Date(r.recorded_at).toISOString() }));
  return { count, latest };
}
