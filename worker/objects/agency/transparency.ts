import { jstDate } from '../../../shared/rules';
import { faultPoint } from '../../lib/faults';
import { seekerStub, shardStub } from '../../lib/stubs';
import { refusalFigures, REFUSALS_LISTED } from './acceptances';
import { expire } from './acquisitions';
import { acquisitionRow, agencyRecord, FAN_OUT, toAcquisition, type AgencyStore } from './store';
import type { DeletionComplianceFigures, HolderView, RequiredDeletionKind } from './types';

// Who holds a jobseeker's data and who deletes on time. Both views read the agency's own records
// (acquisitions, events with their acks, the deletion log); nothing here keeps a second copy. The
// only thing written elsewhere is the pointer "this agency acquired that profile" in the
// profile's home shard, so the jobseeker's side knows which agencies to ask.

/** Pointers read from the queue per push; the rest wait for the next one. */
const POINTERS_PER_PUSH = 1000;
/** How long a send's pointer may wait so that one call per shard carries many sends' pointers (R-RET-1). */
export const POINTER_GATHER_MS = 1000;

/**
 * Sends queued "this agency acquired that profile" pointers to the profiles' home shards, one call
 * per shard; `only` sends one profile's. A pointer leaves the queue only once its shard has it:
 * what failed stays for the next push or sweep(). Answers how many pointers it read.
 */
export async function pushAcquirers(s: AgencyStore, only?: string): Promise<{ read: number; failed: number }> {
  const agencyId = agencyRecord(s)?.id;
  if (!agencyId) return { read: 0, failed: 0 };
  type Pending = { profile_id: string; acquired_on: string };
  const rows = only
    ? s.sql.exec<Pending>('SELECT * FROM acquirer_pending WHERE profile_id = ?', only).toArray()
    : s.sql.exec<Pending>('SELECT * FROM acquirer_pending ORDER BY acquired_on LIMIT ?', POINTERS_PER_PUSH).toArray();
  const byShard = new Map<string, Pending[]>();
  for (const r of rows) byShard.set(r.profile_id.slice(0, 2), [...(byShard.get(r.profile_id.slice(0, 2)) ?? []), r]);
  const shards = [...byShard.entries()];
  let failed = 0;
  for (let i = 0; i < shards.length; i += FAN_OUT) {
    const batch = shards.slice(i, i + FAN_OUT);
    const results = await Promise.allSettled(
      batch.map(async ([shard, pending]) => {
        faultPoint(s.env, `acquirer-pointers:${shard}`);
        return shardStub(s.env, shard).recordAcquirers(
          agencyId,
          pending.map((r) => ({ profileId: r.profile_id, acquiredOn: r.acquired_on })),
        );
      }),
    );
    s.tx(() =>
      batch.forEach(([, pending], j) => {
        if (results[j]!.status === 'rejected') return void (failed += pending.length);
        for (const r of pending)
          s.sql.exec('DELETE FROM acquirer_pending WHERE profile_id = ? AND acquired_on = ?', r.profile_id, r.acquired_on);
      }),
    );
  }
  return { read: rows.length, failed };
}

/**
 * R-RET-1: pushes the queued pointers soon, without the send that queued one waiting for it. One
 * push runs at a time; pointers queued meanwhile are gathered for up to POINTER_GATHER_MS and go in
 * the next, so under load each shard gets one call for many sends. The first push of a quiet
 * object starts at once. What fails stays queued for sweep() (every clock move and the scheduler).
 */
export function pushAcquirersSoon(s: AgencyStore): void {
  if (s.memory.pointerPush) {
    s.memory.pointerAgain = true;
    return;
  }
  s.memory.pointerAgain = false;
  s.memory.pointerPush = (async () => {
    try {
      for (;;) {
        const pushed = await pushAcquirers(s);
        if (pushed.failed > 0) return;
        if (!s.memory.pointerAgain && pushed.read < POINTERS_PER_PUSH) return;
        await new Promise((resolve) => setTimeout(resolve, POINTER_GATHER_MS));
        s.memory.pointerAgain = false;
      }
    } catch {
      // Left queued: sweep() pushes it.
    } finally {
      s.memory.pointerPush = null;
    }
  })();
}

/** Tells each jobseeker whose conversation ended when retention expired (R-RET-1, R-RET-2); idempotent there. */
export async function closeExpiredAtSeekers(s: AgencyStore): Promise<void> {
  const agencyId = agencyRecord(s)?.id;
  if (!agencyId) return;
  const rows = s.sql
    .exec<{ profile_id: string; rule: string; at: number; deadline: string | null }>(
      'SELECT * FROM seeker_close_pending ORDER BY at LIMIT 500',
    )
    .toArray();
  for (let i = 0; i < rows.length; i += FAN_OUT) {
    const batch = rows.slice(i, i + FAN_OUT);
    const results = await Promise.allSettled(
      batch.map((r) =>
        seekerStub(s.env, r.profile_id).closeConversations(agencyId, r.rule, r.at, r.deadline ? { deadline: r.deadline } : {}),
      ),
    );
    batch.forEach((r, j) => {
      if (results[j]!.status === 'fulfilled')
        s.sql.exec('DELETE FROM seeker_close_pending WHERE profile_id = ? AND rule = ?', r.profile_id, r.rule);
    });
  }
}

/**
 * What this agency holds of one jobseeker, for the jobseeker's data-holders view (R-RET-1,
 * R-RET-2, R-BLOCK-2, R-DEL-1): the acquisition with its retention deadline, and whether the
 * worker-side copy is held or deleted — under which rule, when, and when the extension confirmed
 * it deleted its own copy (its acknowledgement of the event that told it to). An acquisition
 * past its deadline is expired first, as on any other access.
 *
 * @example holderView(s, '13-7K3M9X2QAB', now); // { agencyName, acquisition, copy: { state: 'held', … } }
 */
export function holderView(s: AgencyStore, profileId: string, now: number): HolderView | null {
  const record = agencyRecord(s);
  if (!record) return null;
  const row = acquisitionRow(s, profileId);
  if (row && row.state === 'held' && row.deadline < jstDate(new Date(now))) expire(s, row, now);
  const current = acquisitionRow(s, profileId) ?? null;
  const base = {
    agencyId: record.id,
    agencyName: record.name,
    agencyStatus: record.status,
    acquisition: current ? toAcquisition(current) : null,
  };
  if (current?.state === 'held') return { ...base, copy: { state: 'held', rule: null, deletedAt: null, extensionDeletedAt: null } };
  // The recorded deletion (R-RET-4). A lifted block (R-BLOCK-3) removes the row itself, not its record.
  type Logged = { at: number; rule: string; event_id: string | null };
  const logged = current
    ? s.sql
        .exec<Logged>(
          "SELECT at, rule, event_id FROM deletions WHERE record_kind = 'acquired_profile' AND profile_id = ? AND at = ? ORDER BY seq DESC LIMIT 1",
          profileId,
          current.deleted_at,
        )
        .toArray()[0]
    : s.sql
        .exec<Logged>(
          "SELECT at, rule, event_id FROM deletions WHERE record_kind = 'acquired_profile' AND profile_id = ? ORDER BY seq DESC LIMIT 1",
          profileId,
        )
        .toArray()[0];
  const at = current?.deleted_at ?? logged?.at ?? null;
  let eventId = logged?.event_id ?? null;
  if (!eventId && at !== null) {
    // R-RET-3: one status change told the extension to delete everything it received.
    eventId =
      s.sql
        .exec<{ id: string }>(
          "SELECT id FROM events WHERE type = 'status_changed' AND created_at >= ? AND COALESCE(json_extract(details, '$.purged'), 0) > 0 ORDER BY seq LIMIT 1",
          at,
        )
        .toArray()[0]?.id ?? null;
  }
  const acked = eventId
    ? (s.sql.exec<{ acked_at: number | null }>('SELECT acked_at FROM events WHERE id = ?', eventId).toArray()[0]?.acked_at ?? null)
    : null;
  return {
    ...base,
    copy: {
      state: 'deleted',
      rule: current?.deleted_rule ?? logged?.rule ?? null,
      deletedAt: at === null ? null : new Date(at).toISOString(),
      extensionDeletedAt: acked === null ? null : new Date(acked).toISOString(),
    },
  };
}

/**
 * The bureau's figures for this agency (R-BLOCK-2, R-DEL-1, R-RET-1..3, R-RET-4): the deletions
 * the rules required of its extension — one per block, deletion request and retention expiry,
 * and one per status change that purged its data — how many it confirmed, how fast (median and
 * worst, seconds from the event to its acknowledgement), and those still unconfirmed once
 * `overdueAfterMs` has passed, oldest first (at most `listLimit`).
 *
 * @example deletionCompliance(s, now, 24 * 3600_000); // { required: { block: 1, … }, confirmed: 1, overdue: [] }
 */
export function deletionCompliance(s: AgencyStore, now: number, overdueAfterMs: number, listLimit = 100): DeletionComplianceFigures | null {
  const record = agencyRecord(s);
  if (!record) return null;
  const rows = s.sql
    .exec<{ id: string; type: RequiredDeletionKind; profile_id: string | null; rule: string; created_at: number; acked_at: number | null }>(
      `SELECT id, type, profile_id, rule, created_at, acked_at FROM events
     WHERE type IN ('block', 'deletion_request', 'retention_expired')
        OR (type = 'status_changed' AND COALESCE(json_extract(details, '$.purged'), 0) > 0)
     ORDER BY seq`,
    )
    .toArray();
  const required: Record<RequiredDeletionKind, number> = { block: 0, deletion_request: 0, retention_expired: 0, status_changed: 0 };
  const seconds: number[] = [];
  const overdue: DeletionComplianceFigures['overdue'] = [];
  let confirmedLate = 0;
  for (const r of rows) {
    required[r.type] += 1;
    if (r.acked_at !== null) {
      seconds.push(Math.max(0, Math.round((r.acked_at - r.created_at) / 1000)));
      if (r.acked_at - r.created_at > overdueAfterMs) confirmedLate += 1;
    } else if (now - r.created_at > overdueAfterMs) {
      overdue.push({
        eventId: r.id,
        kind: r.type,
        rule: r.rule,
        profileId: r.profile_id,
        createdAt: new Date(r.created_at).toISOString(),
        ageSeconds: Math.floor((now - r.created_at) / 1000),
      });
    }
  }
  seconds.sort((a, b) => a - b);
  const mid = seconds.length >> 1;
  const median = seconds.length === 0 ? null : seconds.length % 2 ? seconds[mid]! : Math.round((seconds[mid - 1]! + seconds[mid]!) / 2);
  return {
    agencyId: record.id,
    agencyName: record.name,
    prefecture: record.prefecture,
    status: record.status,
    required: { ...required, total: rows.length },
    confirmed: seconds.length,
    confirmedLate,
    unconfirmed: rows.length - seconds.length,
    medianSecondsToConfirm: median,
    worstSecondsToConfirm: seconds.length ? seconds[seconds.length - 1]! : null,
    overdueCount: overdue.length,
    overdue: overdue.slice(0, listLimit),
    acceptanceRefusals: refusalFigures(s, REFUSALS_LISTED),
  };
}
