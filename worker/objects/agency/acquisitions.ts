import { feeStatementFor, jstDate, retentionDeadline } from '../../../shared/rules';
import type { FeeStatement } from '../../../shared/schemas';
import { recordFeeStatement } from './acceptances';
import { refuse, type Refusal } from '../../lib/problem';
import { closeAtSeekers, liveConversationProfiles, revokeAllConversations, revokeConversationIndex } from './access';
import { appendEvent, recordDeletion } from './events';
import { acquisitionRow, agencyRecord, toAcquisition, type AcqRow, type AgencyStore } from './store';
import { closeExpiredAtSeekers, pushAcquirers } from './transparency';
import type { Acquisition } from './types';

/**
 * Records that the agency acquired a profile (opened it or wrote to its owner): the first time
 * starts the retention window (R-RET-1); past the deadline the data is gone for this agency.
 *
 * @example await acquire(s, '13-7K3M9X2QAB', now);
 */
export async function acquire(s: AgencyStore, profileId: string, now: number): Promise<{ ok: true; acquisition: Acquisition } | Refusal> {
  const today = jstDate(new Date(now));
  const row = acquisitionRow(s, profileId);
  if (row) {
    if (row.state === 'held' && row.deadline < today) expire(s, row, now);
    const current = acquisitionRow(s, profileId)!;
    if (current.state !== 'held') return goneRefusal(current);
    return { ok: true, acquisition: toAcquisition(current) };
  }
  const deadline = retentionDeadline(today);
  s.tx(() => {
    s.sql.exec('INSERT INTO acquisitions (profile_id, acquired_on, deadline) VALUES (?, ?, ?)', profileId, today, deadline);
    // The jobseeker's side learns who acquired their profile (R-RET-1); sent below, retried by sweep().
    s.sql.exec('INSERT OR IGNORE INTO acquirer_pending (profile_id, acquired_on) VALUES (?, ?)', profileId, today);
  });
  const acquisition = toAcquisition(acquisitionRow(s, profileId)!);
  await pushAcquirers(s, profileId);
  return { ok: true, acquisition };
}

/** The refusal for a profile whose data this agency no longer holds (R-RET-*, R-DEL-1). */
export function goneRefusal(row: AcqRow): Refusal {
  const why = row.deleted_rule === 'R-RET-1' || row.deleted_rule === 'R-RET-2'
    ? `保存期限（${row.deadline}）を過ぎたため、この求職者の情報は削除されました。`
    : 'この求職者の情報は削除されました（求職者からの申出など）。';
  return refuse('data_deleted', why, { rule: row.deleted_rule, deletedAt: row.deleted_at === null ? null : new Date(row.deleted_at).toISOString() });
}

/**
 * Records 求職受理 — the agency accepted the jobseeker's application — which, inside the window,
 * extends retention to the end of the next fiscal year (R-RET-2).
 *
 * @example accept(s, '13-7K3M9X2QAB', '2026-11-15', now);
 */
export function accept(s: AgencyStore, profileId: string, acceptedOn: string, feesGiven: FeeStatement | undefined, now: number): { ok: true; acquisition: Acquisition; extended: boolean; fees: FeeStatement } | Refusal {
  const today = jstDate(new Date(now));
  const row = acquisitionRow(s, profileId);
  if (!row) return refuse('not_acquired', 'この求職者の情報を取得していないため、求職受理を記録できません。');
  if (row.state === 'held' && row.deadline < today) expire(s, row, now);
  const current = acquisitionRow(s, profileId)!;
  if (current.state !== 'held') return goneRefusal(current);
  if (acceptedOn > today) return refuse('accepted_in_future', `求職受理日（${acceptedOn}）は今日（${today}）以前の日付にしてください。`);
  if (acceptedOn < current.acquired_on) {
    return refuse('accepted_before_acquisition', `求職受理日（${acceptedOn}）は情報の取得日（${current.acquired_on}）以降の日付にしてください。`);
  }
  // R-APP-5: a paid agency says it explained its fees before, or charges none.
  const fees = feeStatementFor(agencyRecord(s)?.licence.kind ?? 'paid', feesGiven, acceptedOn);
  if (!fees.ok) return refuse(fees.code, fees.detail, undefined, { status: 422, title: fees.title });
  const deadline = retentionDeadline(current.acquired_on, acceptedOn);
  s.tx(() => {
    s.sql.exec('UPDATE acquisitions SET accepted_on = ?, deadline = ? WHERE profile_id = ?', acceptedOn, deadline, profileId);
    recordFeeStatement(s, profileId, acceptedOn, fees.fees, now);
  });
  return { ok: true, fees: fees.fees, extended: deadline !== retentionDeadline(current.acquired_on), acquisition: toAcquisition(acquisitionRow(s, profileId)!) };
}

/** Every acquisition, held or deleted (the extension and the transparency views read it). */
export function acquisitions(s: AgencyStore): Acquisition[] {
  return s.sql.exec<AcqRow>('SELECT * FROM acquisitions ORDER BY acquired_on DESC, profile_id').toArray().map(toAcquisition);
}

/** The acquisition of one profile, if any. */
export function acquisitionOf(s: AgencyStore, profileId: string): Acquisition | null {
  const row = acquisitionRow(s, profileId);
  return row ? toAcquisition(row) : null;
}

/**
 * R-RET-1, R-RET-2: an acquisition past its deadline is deleted, its conversations go with it,
 * the extension is told, and the jobseeker's conversations are closed (queued, retried by sweep).
 */
export function expire(s: AgencyStore, row: AcqRow, now: number, tellSeekers = true): void {
  const rule = row.accepted_on ? 'R-RET-2' : 'R-RET-1';
  const live = s.sql.exec<{ id: string }>("SELECT id FROM msg_conversations WHERE profile_id = ? AND state != 'revoked'", row.profile_id).toArray().map((r) => r.id);
  s.tx(() => {
    s.sql.exec("UPDATE acquisitions SET state = 'deleted', deleted_at = ?, deleted_rule = ? WHERE profile_id = ?", now, rule, row.profile_id);
    const eventId = appendEvent(s, 'retention_expired', rule, now, {
      profileId: row.profile_id, ...(live[0] ? { conversationId: live[0] } : {}),
      details: { deadline: row.deadline, reason: row.accepted_on ? 'retention_ended' : 'not_accepted' },
    });
    recordDeletion(s, now, 'acquired_profile', rule, row.profile_id, eventId);
    revokeConversationIndex(s, row.profile_id, live, rule, now, eventId);
    if (live.length) {
      s.sql.exec('INSERT OR IGNORE INTO seeker_close_pending (profile_id, rule, at, deadline) VALUES (?, ?, ?, ?)', row.profile_id, rule, now, row.deadline);
    }
  });
  // expire() runs inside synchronous steps (a send's check); the jobseeker is told right after.
  if (live.length && tellSeekers) void closeExpiredAtSeekers(s).catch(() => undefined);
}

/** The held acquisition of a profile, expiring it first when its deadline passed (R-RET-1, R-RET-2). */
export function heldAcquisition(s: AgencyStore, profileId: string, now: number): Refusal | null {
  const row = acquisitionRow(s, profileId);
  if (!row) return null;
  if (row.state === 'held' && row.deadline < jstDate(new Date(now))) expire(s, row, now);
  const current = acquisitionRow(s, profileId)!;
  return current.state === 'held' ? null : goneRefusal(current);
}

/**
 * Deletes what retention no longer allows (R-RET-1, R-RET-2): run by the scheduler and whenever
 * the clock moves; idempotent. Finishes what an earlier step could not (a pointer or a closing
 * notice that failed).
 *
 * @example await sweep(s, now); // { ok: true, expired: 3 }
 */
export async function sweep(s: AgencyStore, now: number): Promise<{ ok: true; expired: number }> {
  const today = jstDate(new Date(now));
  const due = s.sql.exec<AcqRow>("SELECT * FROM acquisitions WHERE state = 'held' AND deadline < ?", today).toArray();
  for (const row of due) expire(s, row, now, false);
  await pushAcquirers(s);
  await closeExpiredAtSeekers(s);
  return { ok: true, expired: due.length };
}

/**
 * R-RET-3: when the agency stops using the service (withdrawal, suspension, revocation), every
 * piece of jobseeker data it received is deleted worker-side and each deletion recorded (R-RET-4).
 * Returns how many records went. Idempotent.
 *
 * @example await purgeJobseekerData(s, 'R-RET-3', now);
 */
export async function purgeJobseekerData(s: AgencyStore, rule: string, now: number): Promise<{ ok: true; deleted: number }> {
  let deleted = 0;
  const conversing = liveConversationProfiles(s);
  s.tx(() => {
    const held = s.sql.exec<{ profile_id: string }>("SELECT profile_id FROM acquisitions WHERE state = 'held'").toArray();
    for (const { profile_id } of held) {
      s.sql.exec("UPDATE acquisitions SET state = 'deleted', deleted_at = ?, deleted_rule = ? WHERE profile_id = ?", now, rule, profile_id);
      recordDeletion(s, now, 'acquired_profile', rule, profile_id, null);
      deleted++;
    }
    deleted += revokeAllConversations(s, rule, now);
  });
  await closeAtSeekers(s, conversing, rule, now);
  return { ok: true, deleted };
}
