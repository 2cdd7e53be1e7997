import type { MandatoryInformationVersion } from '../../../shared/schemas';
import { seekerStub } from '../../lib/stubs';
import { agencyRecord, FAN_OUT, type AgencyStore } from './store';

// Notices to jobseekers, delivered at least once (R-MSG-3, R-DEL-2): each is queued in the same step
// as the change that causes it, tried at once, and retried by the object's alarm with backoff until
// the jobseeker's object has it. The jobseeker's object ignores a notice it already holds, so a retry
// after a lost answer never shows it twice. Nothing here is ever dropped.

/**
 * What a queued notice carries; `kind` says which jobseeker-object method delivers it: a new
 * mandatory-information version (R-MSG-3); for a deletion request, the server-side access removed
 * (`deletion_server`), the extension's copy confirmed deleted after a block or a deletion request
 * (`deletion_confirmed`), or not confirmed within 24 hours (`deletion_unconfirmed`) (R-DEL-2, R-BLOCK-2).
 */
export type OutboxNotice =
  | { kind: 'mandatory_info'; conversationId: string; info: MandatoryInformationVersion; at: number }
  | { kind: 'deletion_server'; requestId: string; held: boolean; at: number }
  | { kind: 'deletion_confirmed'; type: 'block' | 'deletion_request'; requestId?: string; at: number }
  | { kind: 'deletion_unconfirmed'; requestId: string; at: number };

type OutboxRow = { id: number; profile_id: string; payload: string; attempts: number; next_wall: number };

/** The first retry after 30 seconds, doubling up to one hour (wall-clock time: alarms run on it). */
export function retryDelay(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3600_000);
}

/** Queues a notice for a jobseeker; call inside the transaction of the change that causes it. */
export function enqueueNotice(s: AgencyStore, profileId: string, notice: OutboxNotice, wallNow: number): void {
  s.sql.exec(
    'INSERT INTO outbox (profile_id, payload, attempts, next_wall, created_at) VALUES (?, ?, 0, ?, ?)',
    profileId,
    JSON.stringify(notice),
    wallNow,
    notice.at,
  );
}

/** Delivers one notice; the jobseeker's object records it at `notice.at`, when it happened on the worker's clock (T-5), however late it arrives. */
async function deliver(s: AgencyStore, profileId: string, notice: OutboxNotice): Promise<boolean> {
  const now = notice.at;
  const record = agencyRecord(s);
  if (!record) throw new Error('outbox: agency not initialised');
  const seeker = seekerStub(s.env, profileId);
  switch (notice.kind) {
    case 'mandatory_info': {
      const r = await seeker.noticeMandatoryInformation(notice.conversationId, record.id, record.name, notice.info, notice.at);
      s.sql.exec('UPDATE msg_conversations SET mi_version = MAX(mi_version, ?) WHERE id = ?', notice.info.version, notice.conversationId);
      return r.notified;
    }
    case 'deletion_server':
      return (await seeker.deletionRecorded(notice.requestId, notice.held, notice.at, now)).notified;
    case 'deletion_confirmed':
      return (await seeker.agencyDeleted({ type: notice.type, agencyId: record.id, requestId: notice.requestId, at: notice.at }, now))
        .notified;
    case 'deletion_unconfirmed':
      return (await seeker.deletionNotConfirmed(notice.requestId, record.id, now)).notified;
  }
}

/**
 * Tries every queued notice (`due` only those whose retry time has come), removes the delivered
 * ones, and schedules the object's alarm for the next retry of the rest. Answers the notices that
 * reached a jobseeker now. `only.profileId` tries one jobseeker's notices (a flow that just queued one).
 *
 * @example await deliverOutbox(s, Date.now()); // { delivered: [{ kind: 'mandatory_info', … }], failed: 0 }
 */
export async function deliverOutbox(
  s: AgencyStore,
  wallNow: number,
  due = false,
  only: { profileId?: string } = {},
): Promise<{ delivered: OutboxNotice[]; failed: number }> {
  const rows = s.sql
    .exec<OutboxRow>(
      'SELECT id, profile_id, payload, attempts, next_wall FROM outbox WHERE (? = 0 OR next_wall <= ?) AND (? IS NULL OR profile_id = ?) ORDER BY id',
      due ? 1 : 0,
      wallNow,
      only.profileId ?? null,
      only.profileId ?? null,
    )
    .toArray();
  const delivered: OutboxNotice[] = [];
  let failed = 0;
  for (let i = 0; i < rows.length; i += FAN_OUT) {
    await Promise.all(
      rows.slice(i, i + FAN_OUT).map(async (row) => {
        const notice = JSON.parse(row.payload) as OutboxNotice;
        try {
          const notified = await deliver(s, row.profile_id, notice);
          s.sql.exec('DELETE FROM outbox WHERE id = ?', row.id);
          if (notified) delivered.push(notice);
        } catch (error) {
          failed++;
          s.sql.exec(
            'UPDATE outbox SET attempts = attempts + 1, next_wall = ?, last_error = ? WHERE id = ?',
            wallNow + retryDelay(row.attempts + 1),
            String(error instanceof Error ? error.message : error).slice(0, 500),
            row.id,
          );
        }
      }),
    );
  }
  await scheduleRetry(s);
  return { delivered, failed };
}

/** Sets the alarm to the earliest retry still queued (none when the outbox is empty). */
export async function scheduleRetry(s: AgencyStore): Promise<void> {
  const next = s.sql.exec<{ at: number | null }>('SELECT MIN(next_wall) AS at FROM outbox').one().at;
  if (next !== null) await s.setAlarm(next);
}

/** The notices still waiting, oldest first (for the deletion-compliance and support views). */
export function pendingNotices(s: AgencyStore): Array<{ profileId: string; attempts: number; nextAt: string; notice: OutboxNotice }> {
  return s.sql
    .exec<OutboxRow>('SELECT id, profile_id, payload, attempts, next_wall FROM outbox ORDER BY id')
    .toArray()
    .map((r) => ({
      profileId: r.profile_id,
      attempts: r.attempts,
      nextAt: new Date(r.next_wall).toISOString(),
      notice: JSON.parse(r.payload) as OutboxNotice,
    }));
}
