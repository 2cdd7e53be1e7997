import { recordDeletion } from './events';
import { deliverOutbox, enqueueNotice } from './outbox';
import type { AgencyStore } from './store';

// What the jobseeker is told after a block or a deletion request (R-DEL-2, R-BLOCK-2), past the
// first notice that access.ts queues: the extension's confirmation, or its absence after 24
// hours. Each notice is queued in the agency's outbox in the same step that decides it, so a
// failed delivery is retried by the alarm until it arrives.

/** How long the extension has to confirm a deletion before the jobseeker is told it has not (R-DEL-2). */
export const CONFIRM_WITHIN_MS = 24 * 3600_000;

/** The deletion requests whose missing confirmation the jobseeker was told of (a migration step). */
export const UNCONFIRMED_TOLD_SCHEMA =
  'CREATE TABLE IF NOT EXISTS deletion_unconfirmed_told (event_id TEXT PRIMARY KEY, at INTEGER NOT NULL)';

/**
 * After the extension acknowledged an event: records the extension's deletion (R-RET-4) and, for a
 * block or a deletion request, queues the notice telling the jobseeker what was done and when
 * (R-DEL-2), then tries it. Runs once per event; the outbox retries a failed notice.
 *
 * @example await afterAck(s, 'E…', ackedAt, now);
 */
export async function afterAck(s: AgencyStore, eventId: string, ackedAt: number, now: number): Promise<void> {
  const ev = s.sql
    .exec<{ id: string; type: string; profile_id: string | null; rule: string; details: string }>(
      'SELECT id, type, profile_id, rule, details FROM events WHERE id = ?',
      eventId,
    )
    .toArray()[0];
  if (!ev || !ev.profile_id) return;
  const profileId = ev.profile_id;
  let queued = false;
  s.tx(() => {
    if (s.sql.exec('INSERT OR IGNORE INTO msg_ack_notices (event_id, at) VALUES (?, ?)', eventId, now).rowsWritten === 0) return;
    if (ev.type === 'block' || ev.type === 'deletion_request') {
      const details = JSON.parse(ev.details) as { requestId?: string };
      enqueueNotice(
        s,
        profileId,
        { kind: 'deletion_confirmed', type: ev.type, ...(details.requestId ? { requestId: details.requestId } : {}), at: ackedAt },
        Date.now(),
      );
      queued = true;
    }
    recordDeletion(s, now, 'extension_copy', ev.rule, profileId, ev.id);
  });
  if (queued) await deliverOutbox(s, Date.now(), false, { profileId });
}

/**
 * R-DEL-2: for each deletion request whose extension copy is still unconfirmed more than 24 hours
 * after it was made, queues once the notice that tells the jobseeker so (the bureau's
 * deletion-compliance view lists the same requests). Run by the scheduled sweep at the worker's
 * "now"; answers how many were queued.
 *
 * @example await noticeUnconfirmed(s, now); // 1
 */
export async function noticeUnconfirmed(s: AgencyStore, now: number): Promise<number> {
  const rows = s.sql
    .exec<{ id: string; profile_id: string; request_id: string }>(
      `SELECT e.id, e.profile_id, json_extract(e.details, '$.requestId') AS request_id FROM events e
     WHERE e.type = 'deletion_request' AND e.acked_at IS NULL AND e.profile_id IS NOT NULL AND ? - e.created_at > ?
       AND NOT EXISTS (SELECT 1 FROM deletion_unconfirmed_told t WHERE t.event_id = e.id)`,
      now,
      CONFIRM_WITHIN_MS,
    )
    .toArray();
  if (rows.length === 0) return 0;
  s.tx(() => {
    for (const r of rows) {
      s.sql.exec('INSERT INTO deletion_unconfirmed_told (event_id, at) VALUES (?, ?)', r.id, now);
      enqueueNotice(s, r.profile_id, { kind: 'deletion_unconfirmed', requestId: r.request_id, at: now }, Date.now());
    }
  });
  await deliverOutbox(s, Date.now(), true);
  return rows.length;
}
