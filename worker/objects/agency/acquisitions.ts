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
 * Synchronous: the acquisition and its queued pointer for the profile's home shard are one write.
 * An opening pushes the pointer before it answers (`pushPointer`); a first contact leaves it to
 * `pushAcquirersSoon`, since the jobseeker's object already names the agency (the data-holders
 * view reads both).
 *
 * @example const r = acquire(s, '13-7K3M9X2QAB', now); if (r.ok && r.pushPointer) await pushAcquirers(s, '13-7K3M9X2QAB');
 */
export function acquire(
  s: AgencyStore,
  profileId: string,
  now: number,
): { ok: true; acquisition: Acquisition; pushPointer: boolean } | Refusal {
  const today = jstDate(new Date(now));
  const row = acquisitionRow(s, profileId);
  if (row) {
    if (row.state === 'held' && row.deadline < today) expire(s, row, now);
    const current = acquisitionRow(s, profileId)!;
    if (current.state !== 'held') return goneRefusal(current);
    return { ok: true, acquisition: toAcquisition(current), pushPointer: false };
  }
  // R-RET-3, R-SAN-2: the standing is checked here, in the same synchronous step as the insert,
  // not only by the caller (whose check may predate a suspension). A purge saves the new standing
  // in the transaction that deletes, so an acquisition is either purged or refused.
  const standing = jobseekerServiceRefusal(s);
  if (standing) return standing;
  const deadline = retentionDeadline(today);
  s.tx(() => {
    s.sql.exec('INSERT INTO acquisitions (profile_id, acquired_on, deadline) VALUES (?, ?, ?)', profileId, today, deadline);
    // The jobseeker's side learns who acquired their profile (R-RET-1); pushed by the caller, retried by sweep().
    s.sql.exec('INSERT OR IGNORE INTO acquirer_pending (profile_id, acquired_on) VALUES (?, ?)', profileId, today);
  });
  return { ok: true, acquisition: toAcquisition(acquisitionRow(s, profileId)!), pushPointer: true };
}

/**
 * R-FEED-3, R-SAN-2, R-RET-3: the refusal when the agency, as its own record says now, may not
 * receive jobseeker data (suspended, revoked, withdrawn, or not admitted to the service); null when it may.
 */
export function jobseekerServiceRefusal(s: AgencyStore): Refusal | null {
  const record = agencyRecord(s);
  if (!record) return refuse('agency_not_found', 'この事業者は登録されていません。');
  if (record.status === 'active' && record.services.includes('jobseeker')) return null;
  const code = record.status === 'active' ? 'agency_service_not_admitted' : (`agency_${record.status}` as const);
  return refuse(
    code,
    '現在、求職情報提供サービスを利用できない状態のため、求職者情報は取得できません。',
    record.suspension ? { suspension: record.suspension } : undefined,
  );
}

/** The refusal for a profile whose data this agency no longer holds (R-RET-*, R-DEL-1). */
export function goneRefusal(row: AcqRow): Refusal {
  const why =
    row.deleted_rule === 'R-RET-1' || row.deleted_rule === 'R-RET-2'
      ? `保存期限（${row.deadline}）を過ぎたため、この求職者の情報は削除されました。`
      : 'この求職者の情報は削除されました（求職者からの申出など）。';
  return refuse('data_deleted', why, {
    rule: row.deleted_rule,
    deletedAt: row.deleted_at === null ? null : new Date(row.deleted_at).toISOString(),
  });
}

/**
 * Records 求職受理 — the agency accepted the jobseeker's application — which, inside the window,
 * extends retention to the end of the next fiscal year (R-RET-2).
 *
 * @example accept(s, '13-7K3M9X2QAB', '2026-11-15', now);
 */
export function accept(
  s: AgencyStore,
  profileId: string,
  acceptedOn: string,
  feesGiven: FeeStatement | undefined,
  now: number,
): { ok: true; acquisition: Acquisition; extended: boolean; fees: FeeStatement } | Refusal {
  const today = jstDate(new Date(now));
  const row = acquisitionRow(s, profileId);
  if (!row) return refuse('not_acquired', 'この求職者の情報を取得していないため、求職受理を記録できません。');
  if (row.state === 'held' && row.deadline < today) expire(s, row, now);
  const current = acquisitionRow(s, profileId)!;
  if (current.state !== 'held') return goneRefusal(current);
  if (acceptedOn > today) return refuse('accepted_in_future', `求職受理日（${acceptedOn}）は今日（${today}）以前の日付にしてください。`);
  if (acceptedOn < current.acquired_on) {
    return refuse(
      'accepted_before_acquisition',
      `求職受理日（${acceptedOn}）は情報の取得日（${current.acquired_on}）以降の日付にしてください。`,
    );
  }
  // R-APP-5: a paid agency says it explained its fees before, or charges none.
  const fees = feeStatementFor(agencyRecord(s)?.licence.kind ?? 'paid', feesGiven, acceptedOn);
  if (!fees.ok) return refuse(fees.code, fees.detail, undefined, { status: 422, title: fees.title });
  const deadline = retentionDeadline(current.acquired_on, acceptedOn);
  s.tx(() => {
    s.sql.exec('UPDATE acquisitions SET accepted_on = ?, deadline = ? WHERE profile_id = ?', acceptedOn, deadline, profileId);
    recordFeeStatement(s, profileId, acceptedOn, fees.fees, now);
  });
  return {
    ok: true,
    fees: fees.fees,
    extended: deadline !== retentionDeadline(current.acquired_on),
    acquisition: toAcquisition(acquisitionRow(s, profileId)!),
  };
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
  const live = s.sql
    .exec<{ id: string }>("SELECT id FROM msg_conversations WHERE profile_id = ? AND state != 'revoked'", row.profile_id)
    .toArray()
    .map((r) => r.id);
  s.tx(() => {
    s.sql.exec(
      "UPDATE acquisitions SET state = 'deleted', deleted_at = ?, deleted_rule = ? WHERE profile_id = ?",
      now,
      rule,
      row.profile_id,
    );
    const eventId = appendEvent(s, 'retention_expired', rule, now, {
      profileId: row.profile_id,
      ...(live[0] ? { conversationId: live[0] } : {}),
      details: { deadline: row.deadline, reason: row.accepted_on ? 'retention_ended' : 'not_accepted' },
    });
    recordDeletion(s, now, 'acquired_profile', rule, row.profile_id, eventId);
    revokeConversationIndex(s, row.profile_id, live, rule, now, eventId);
    if (live.length) {
      s.sql.exec(
        'INSERT OR IGNORE INTO seeker_close_pending (profile_id, rule, at, deadline) VALUES (?, ?, ?, ?)',
        row.profile_id,
        rule,
        now,
        row.deadline,
      );
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
 * Synchronous and without its own transaction: the caller runs it inside the transaction that
 * saves the new standing, so no acquisition can slip in between (see `acquire`). Returns how many
 * records went and the profiles whose conversations the jobseekers' objects must close
 * (`closeAtSeekers`, after the transaction). Idempotent.
 *
 * @example s.tx(() => { saveRecord(s, next); purged = purgeInTransaction(s, 'R-RET-3', now); });
 */
export function purgeInTransaction(s: AgencyStore, rule: string, now: number): { deleted: number; conversing: string[] } {
  let deleted = 0;
  const conversing = liveConversationProfiles(s);
  const held = s.sql.exec<{ profile_id: string }>("SELECT profile_id FROM acquisitions WHERE state = 'held'").toArray();
  for (const { profile_id } of held) {
    s.sql.exec("UPDATE acquisitions SET state = 'deleted', deleted_at = ?, deleted_rule = ? WHERE profile_id = ?", now, rule, profile_id);
    recordDeletion(s, now, 'acquired_profile', rule, profile_id, null);
    deleted++;
  }
  deleted += revokeAllConversations(s, rule, now);
  return { deleted, conversing };
}

/**
 * R-RET-3: deletes every piece of jobseeker data the agency received (R-RET-4 records each) and
 * closes the jobseekers' conversations. Idempotent. A change of standing uses
 * `purgeInTransaction` instead, so the standing and the deletion are one step.
 *
 * @example await purgeJobseekerData(s, 'R-RET-3', now);
 */
export async function purgeJobseekerData(s: AgencyStore, rule: string, now: number): Promise<{ ok: true; deleted: number }> {
  let purged = { deleted: 0, conversing: [] as string[] };
  s.tx(() => {
    purged = purgeInTransaction(s, rule, now);
  });
  await closeAtSeekers(s, purged.conversing, rule, now);
  return { ok: true, deleted: purged.deleted };
}
