/**
 * The agency's acceptance records (R-APP-5): the fee statement recorded with each 求職受理 and the
 * applications it refused, with their reasons, for the bureau (§7(2)②ア・イ).
 */
import { jstDate } from '../../../shared/rules';
import type { AcceptanceRefusal, FeeStatement } from '../../../shared/schemas';
import { refuse, type Refusal } from '../../lib/problem';
import { acquisitionRow, type AgencyStore } from './store';

/** The tables of this concept (a migration step of the object). */
export const ACCEPTANCE_SCHEMA = `
  CREATE TABLE acceptance_fees (
    profile_id TEXT PRIMARY KEY, accepted_on TEXT NOT NULL, kind TEXT NOT NULL, explained_on TEXT, recorded_at INTEGER NOT NULL);
  CREATE TABLE acceptance_refusals (
    seq INTEGER PRIMARY KEY, profile_id TEXT NOT NULL, refused_on TEXT NOT NULL, reason TEXT NOT NULL, recorded_at INTEGER NOT NULL);
`;

/** Refusals listed per agency in the bureau's figures (R-APP-5); `count` counts all. */
export const REFUSALS_LISTED = 20;

/**
 * Records the fee statement of an acceptance (R-APP-5, §7(2)②イ); a later acceptance of the same
 * profile replaces it. Called inside the acceptance's transaction.
 *
 * @example recordFeeStatement(s, '13-7K3M9X2QAB', '2026-11-27', { kind: 'none_charged' }, now);
 */
export function recordFeeStatement(s: AgencyStore, profileId: string, acceptedOn: string, fees: FeeStatement, now: number): void {
  s.sql.exec(
    'INSERT OR REPLACE INTO acceptance_fees (profile_id, accepted_on, kind, explained_on, recorded_at) VALUES (?, ?, ?, ?, ?)',
    profileId,
    acceptedOn,
    fees.kind,
    fees.kind === 'explained' ? fees.explainedOn : null,
    now,
  );
}

/**
 * Records that the agency did not accept an application the jobseeker made through the service,
 * with the reason (R-APP-5, §7(2)②ア). Only for a profile it acquired and has not accepted.
 *
 * @example refuseApplication(s, '13-7K3M9X2QAB', '2026-11-27', '申込みの内容が法令に違反するため', now);
 */
export function refuseApplication(
  s: AgencyStore,
  profileId: string,
  refusedOn: string,
  reason: string,
  now: number,
): { ok: true; refusal: AcceptanceRefusal } | Refusal {
  const today = jstDate(new Date(now));
  const row = acquisitionRow(s, profileId);
  if (!row)
    return refuse('not_acquired', 'この求職者の情報を取得していないため、求職申込みの不受理を記録できません。', undefined, {
      status: 404,
      title: '取得していない求職者です',
    });
  if (row.accepted_on)
    return refuse('already_accepted', `この求職者の申込みは${row.accepted_on}に受理として記録されています。`, undefined, {
      status: 409,
      title: 'すでに求職受理しています',
    });
  if (refusedOn > today)
    return refuse('refused_in_future', `不受理の日付（${refusedOn}）は今日（${today}）以前にしてください。`, undefined, {
      status: 422,
      title: '不受理の日付が未来です',
    });
  if (refusedOn < row.acquired_on)
    return refuse(
      'refused_before_acquisition',
      `不受理の日付（${refusedOn}）は情報の取得日（${row.acquired_on}）以降にしてください。`,
      undefined,
      { status: 422, title: '不受理の日付が取得日より前です' },
    );
  s.sql.exec(
    'INSERT INTO acceptance_refusals (profile_id, refused_on, reason, recorded_at) VALUES (?, ?, ?, ?)',
    profileId,
    refusedOn,
    reason,
    now,
  );
  return { ok: true, refusal: { profileId, refusedOn, reason, recordedAt: new Date(now).toISOString() } };
}

/**
 * The agency's refusals for the bureau (R-APP-5): how many, and the latest `limit`, newest first.
 *
 * @example refusalFigures(s, 20); // { count: 1, latest: [{ profileId: '13-…', refusedOn: '2026-11-27', reason: '…', recordedAt: '…' }] }
 */
export function refusalFigures(s: AgencyStore, limit: number): { count: number; latest: AcceptanceRefusal[] } {
  const count = s.sql.exec<{ n: number }>('SELECT count(*) AS n FROM acceptance_refusals').one().n;
  const latest = s.sql
    .exec<{ profile_id: string; refused_on: string; reason: string; recorded_at: number }>(
      'SELECT profile_id, refused_on, reason, recorded_at FROM acceptance_refusals ORDER BY seq DESC LIMIT ?',
      limit,
    )
    .toArray()
    .map((r) => ({
      profileId: r.profile_id,
      refusedOn: r.refused_on,
      reason: r.reason,
      recordedAt: new Date(r.recorded_at).toISOString(),
    }));
  return { count, latest };
}
