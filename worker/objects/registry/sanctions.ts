import { jstDate, reapplyAllowedFrom, suspensionLastDay } from '../../../shared/rules';
import type { Suspension, SuspensionHistory, SuspensionRequest } from '../../../shared/schemas';
import { randomBase32 } from '../../lib/crypto';
import { refuse, type Refusal } from '../../lib/problem';
import type { AgencyRecord } from '../../lib/records';
import { agencyStub } from '../../lib/stubs';
import { appendAudit } from './audit';
import { actorId, scopedAgency, storedRecord, usable, type AgencyRow, type RegistryStore, type SetStatusResult } from './store';
import type { Actor, StaffRecord, StatusChange } from './types';

// Suspensions and revocations (R-SAN-2, R-RET-3): the change is made in the agency's own object
// first (which the feed and sends check), then here. The violations they answer are in violations.ts.

/**
 * Changes the agency's standing in its own object (which the feed and sends check) and here
 * (the directory and the scheduler).
 */
export async function applyStatus(
  s: RegistryStore,
  row: AgencyRow,
  status: AgencyRecord['status'],
  suspension: Suspension | null,
  now: number,
  dates: { revokedOn?: string; withdrawnOn?: string } = {},
): Promise<{ ok: true; change: StatusChange } | Refusal> {
  const r: SetStatusResult = await agencyStub(s.env, row.id).setStatus(status, suspension, now, dates);
  if (!r.ok) return r;
  const stored = storedRecord(row);
  const ended = dates.revokedOn ?? dates.withdrawnOn ?? null;
  s.sql.exec(
    'UPDATE agencies SET status = ?, suspension = ?, revoked_on = COALESCE(?, revoked_on), ended_on = COALESCE(?, ended_on), record = ?, updated_at = ? WHERE id = ?',
    status,
    suspension ? JSON.stringify(suspension) : null,
    dates.revokedOn ?? null,
    ended,
    JSON.stringify({ ...r.record, registration: stored.registration }),
    now,
    row.id,
  );
  return {
    ok: true,
    change: {
      agencyId: row.id,
      status,
      suspension: r.record.suspension,
      revokedOn: r.record.revokedOn,
      withdrawnOn: r.record.withdrawnOn,
      purged: r.purged,
      sessionsEnded: r.sessionsEnded,
    },
  };
}

export function closeSuspension(
  s: RegistryStore,
  agencyId: string,
  endedOn: string,
  by: string,
  why: NonNullable<SuspensionHistory['endReason']>,
): void {
  s.sql.exec(
    'UPDATE suspensions SET ended_on = ?, ended_by = ?, end_reason = ? WHERE agency_id = ? AND ended_on IS NULL',
    endedOn,
    by,
    why,
    agencyId,
  );
}

/** `countsFrom`: the instant its months count from (T-2); an automatic suspension counts from 00:00 of its day. */
export function suspendNow(
  s: RegistryStore,
  row: AgencyRow,
  input: SuspensionRequest,
  actor: Actor,
  now: number,
  countsFrom = now,
): Promise<{ ok: true; change: StatusChange; suspensionId: string } | Refusal> {
  const today = jstDate(new Date(now));
  const suspension: Suspension = {
    reason: input.reason,
    startsOn: today,
    kind: input.kind,
    endsOn: input.kind === 'fixed' ? suspensionLastDay(new Date(countsFrom), input.months ?? 6) : null,
  };
  return applyStatus(s, row, 'suspended', suspension, now).then((r) => {
    if (!r.ok) return r;
    const id = `U${randomBase32(10)}`;
    s.tx(() => {
      s.sql.exec(
        'INSERT INTO suspensions (id, agency_id, kind, reason, starts_on, ends_on, violation_id, imposed_by, imposed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        id,
        row.id,
        suspension.kind,
        suspension.reason,
        suspension.startsOn,
        suspension.endsOn,
        input.violationId ?? null,
        actorId(actor),
        now,
      );
      appendAudit(s, now, actorId(actor), 'suspension.impose', row.id, input.reason, {
        suspensionId: id,
        kind: suspension.kind,
        endsOn: suspension.endsOn,
        violationId: input.violationId ?? null,
        purged: r.change.purged,
      });
    });
    return { ok: true as const, change: r.change, suspensionId: id };
  });
}

/**
 * Suspends an agency at once (R-SAN-2): fixed months (ending by themselves), until corrected, or
 * temporarily while facts are checked (§8(3)).
 *
 * @example await registry.suspend('A…', { kind: 'fixed', reason: '…' }, staff, now);
 */
export async function suspend(
  s: RegistryStore,
  agencyId: string,
  input: SuspensionRequest,
  staff: StaffRecord,
  now: number,
): Promise<{ ok: true; change: StatusChange } | Refusal> {
  const row = scopedAgency(s, agencyId, staff);
  if ('ok' in row) return row;
  const blocked = usable(row);
  if (blocked) return blocked;
  if (row.status === 'suspended')
    return refuse('already_suspended', '停止中の事業者です。停止の内容を変えるときは、いったん解除してから改めて停止してください。');
  if (
    input.violationId &&
    !s.sql.exec('SELECT 1 FROM violations WHERE id = ? AND agency_id = ?', input.violationId, agencyId).toArray().length
  ) {
    return refuse('violation_not_found', `この事業者の違反の記録（${input.violationId}）はありません。`);
  }
  const r = await suspendNow(s, row, input, staff, now);
  return r.ok ? { ok: true, change: r.change } : r;
}

export function markResumed(s: RegistryStore, agencyId: string, resumedOn: string): void {
  s.sql.exec(
    'UPDATE violations SET resumed_on = ? WHERE agency_id = ? AND resumed_on IS NULL AND recorded_on <= ?',
    resumedOn,
    agencyId,
    resumedOn,
  );
}

/**
 * Lifts the current suspension (the matter was corrected, the facts checked, or a fixed one ends
 * early); use resumes at once and earlier violations count as "after resumption" (R-SAN-1).
 *
 * @example await registry.liftSuspension('A…', staff, '是正を確認しました', now);
 */
export async function liftSuspension(
  s: RegistryStore,
  agencyId: string,
  staff: StaffRecord,
  reason: string,
  now: number,
): Promise<{ ok: true; change: StatusChange } | Refusal> {
  const row = scopedAgency(s, agencyId, staff);
  if ('ok' in row) return row;
  if (row.status !== 'suspended') return refuse('not_suspended', 'この事業者は停止されていません。');
  const r = await applyStatus(s, row, 'active', null, now);
  if (!r.ok) return r;
  const today = jstDate(new Date(now));
  s.tx(() => {
    closeSuspension(s, agencyId, today, staff.id, 'lifted');
    markResumed(s, agencyId, today);
    appendAudit(s, now, staff.id, 'suspension.lift', agencyId, reason, {});
  });
  return r;
}

export async function revokeNow(
  s: RegistryStore,
  row: AgencyRow,
  reason: string,
  violationId: string | null,
  actor: Actor,
  now: number,
): Promise<{ ok: true; change: StatusChange } | Refusal> {
  const today = jstDate(new Date(now));
  const r = await applyStatus(s, row, 'revoked', null, now, { revokedOn: today });
  if (!r.ok) return r;
  s.tx(() => {
    closeSuspension(s, row.id, today, actorId(actor), 'revoked');
    appendAudit(s, now, actorId(actor), 'agency.revoke', row.id, reason, {
      violationId,
      purged: r.change.purged,
      sessionsEnded: r.change.sessionsEnded,
      reapplyFrom: reapplyAllowedFrom(today),
    });
  });
  return r;
}

/**
 * Revokes an agency (利用解除) at once: its sessions end, its jobseeker data goes (R-RET-3), it is
 * listed as revoked and may not apply again for three years (R-DIR-2, R-APP-3).
 *
 * @example await registry.revoke('A…', { reason: '…' }, staff, now);
 */
export async function revoke(
  s: RegistryStore,
  agencyId: string,
  input: { reason: string; violationId?: string },
  staff: StaffRecord,
  now: number,
): Promise<{ ok: true; change: StatusChange } | Refusal> {
  const row = scopedAgency(s, agencyId, staff);
  if ('ok' in row) return row;
  const blocked = usable(row);
  if (blocked) return blocked;
  return revokeNow(s, row, input.reason, input.violationId ?? null, staff, now);
}
