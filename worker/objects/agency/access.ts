import { seekerStub } from '../../lib/stubs';
import { deliverOutbox, enqueueNotice } from './outbox';
import { appendEvent, recordDeletion } from './events';
import { acquisitionRow, agencyRecord, FAN_OUT, type AgencyStore } from './store';

// The end of the agency's worker-side access to a jobseeker: a block (R-BLOCK-2), a deletion
// request (R-DEL-1), retention (R-RET-1, R-RET-2) or leaving the service (R-RET-3). What goes is
// kept only as a tombstone without content, so a late send is refused clearly; each deletion is
// recorded (R-RET-4).

/**
 * Removes the agency's worker-side access to a profile: its acquisition and its conversations,
 * the stored results of its sends; records each deletion (R-RET-4) and, when anything was held,
 * appends the event that tells the extension to delete its copy. Idempotent.
 */
function revokeAccess(
  s: AgencyStore,
  profileId: string,
  rule: 'R-BLOCK-2' | 'R-DEL-1',
  conversationIds: string[],
  now: number,
  event: { type: 'block' | 'deletion_request'; details: Record<string, unknown> },
  inTx?: (held: boolean) => void,
): { held: boolean; eventId: string | null } {
  const acq = acquisitionRow(s, profileId);
  const live = s.sql
    .exec<{ id: string }>("SELECT id FROM msg_conversations WHERE profile_id = ? AND state != 'revoked'", profileId)
    .toArray()
    .map((r) => r.id);
  const known = new Set(
    s.sql
      .exec<{ id: string }>('SELECT id FROM msg_conversations WHERE profile_id = ?', profileId)
      .toArray()
      .map((r) => r.id),
  );
  const unknown = conversationIds.filter((id) => !known.has(id));
  const held = acq?.state === 'held' || live.length > 0 || unknown.length > 0;
  // R-BLOCK-2: an agency that ever had this jobseeker is told of the block even when a deletion
  // request already removed what it held; its acknowledgement completes the jobseeker's block.
  const notify = held || (rule === 'R-BLOCK-2' && (acq !== undefined || known.size > 0));
  let eventId: string | null = null;
  s.tx(() => {
    if (notify)
      eventId = appendEvent(s, event.type, rule, now, {
        profileId,
        conversationId: live[0] ?? unknown[0] ?? conversationIds[0],
        details: event.details,
      });
    if (acq?.state === 'held') {
      s.sql.exec("UPDATE acquisitions SET state = 'deleted', deleted_at = ?, deleted_rule = ? WHERE profile_id = ?", now, rule, profileId);
      recordDeletion(s, now, 'acquired_profile', rule, profileId, eventId);
    } else if (acq?.state === 'deleted' && acq.deleted_rule === 'R-BLOCK-2' && rule === 'R-DEL-1') {
      // A deletion request outlives the block: lifting the block must not free this profile.
      s.sql.exec('UPDATE acquisitions SET deleted_rule = ? WHERE profile_id = ?', rule, profileId);
    }
    for (const id of live) {
      s.sql.exec("UPDATE msg_conversations SET state = 'revoked', revoked_rule = ?, unread = 0 WHERE id = ?", rule, id);
      recordDeletion(s, now, 'conversation', rule, profileId, eventId);
    }
    for (const id of unknown) {
      s.sql.exec(
        "INSERT OR IGNORE INTO msg_conversations (id, profile_id, state, revoked_rule, created_at, last_message_at, last_from, unread, mi_version) VALUES (?, ?, 'revoked', ?, ?, ?, 'agency', 0, 0)",
        id,
        profileId,
        rule,
        now,
        now,
      );
      recordDeletion(s, now, 'conversation', rule, profileId, eventId);
    }
    s.sql.exec("DELETE FROM msg_sends WHERE profile_id = ? AND state = 'delivered'", profileId);
    if (held || rule === 'R-BLOCK-2') {
      s.sql.exec(
        `INSERT INTO msg_access_revoked (profile_id, rule, at) VALUES (?, ?, ?)
        ON CONFLICT(profile_id) DO UPDATE SET rule = excluded.rule, at = excluded.at WHERE msg_access_revoked.rule != 'R-DEL-1'`,
        profileId,
        rule,
        now,
      );
    }
    inTx?.(held);
  });
  return { held, eventId };
}

/**
 * R-BLOCK-2: the jobseeker blocked this agency (their object already refuses its sends). The
 * agency loses its access to the profile and conversation and, if it held anything, gets a
 * `block` event telling its extension to delete. Idempotent.
 *
 * @example blocked(s, '13-7K3M9X2QAB', ['C…'], blockedAt, now);
 */
export function blocked(
  s: AgencyStore,
  profileId: string,
  conversationIds: string[],
  blockedAt: number,
  now: number,
): { ok: true; held: boolean; eventId: string | null } {
  const at = new Date(blockedAt).toISOString();
  // This block was already told (a retried call): the same event, no second one.
  const prior = s.sql
    .exec<{ id: string }>(
      "SELECT id FROM events WHERE type = 'block' AND profile_id = ? AND json_extract(details, '$.blockedAt') = ?",
      profileId,
      at,
    )
    .toArray()[0];
  if (prior) return { ok: true, held: true, eventId: prior.id };
  const r = revokeAccess(s, profileId, 'R-BLOCK-2', conversationIds, now, { type: 'block', details: { blockedAt: at } });
  return { ok: true, ...r };
}

/**
 * R-BLOCK-3: the block was lifted. The agency may find and contact the jobseeker again as a new
 * acquisition; what it held before (conversations, the old acquisition) stays gone.
 *
 * @example unblocked(s, '13-7K3M9X2QAB');
 */
export function unblocked(s: AgencyStore, profileId: string): { ok: true } {
  s.tx(() => {
    s.sql.exec("DELETE FROM msg_access_revoked WHERE profile_id = ? AND rule = 'R-BLOCK-2'", profileId);
    s.sql.exec("DELETE FROM acquisitions WHERE profile_id = ? AND state = 'deleted' AND deleted_rule = 'R-BLOCK-2'", profileId);
    // The old conversations stay gone; a late send to one is told so, no longer "blocked".
    s.sql.exec(
      "UPDATE msg_conversations SET revoked_rule = 'R-BLOCK-3' WHERE profile_id = ? AND state = 'revoked' AND revoked_rule = 'R-BLOCK-2'",
      profileId,
    );
  });
  return { ok: true };
}

/**
 * R-DEL-1: the jobseeker asked this agency to delete their data. The worker-side access goes
 * at once; a `deletion_request` event tells the extension. `held` is false when the agency held
 * nothing of this jobseeker (then there is nothing for the extension to do). In the same step the
 * first notice of R-DEL-2 is queued (what was removed and when, or that nothing was held) and tried
 * at once; the outbox retries it until the jobseeker's object has it. Idempotent per request.
 *
 * @example await deletionRequested(s, '13-7K3M9X2QAB', 'D…', ['C…'], requestedAt, now);
 */
export async function deletionRequested(
  s: AgencyStore,
  profileId: string,
  requestId: string,
  conversationIds: string[],
  requestedAt: number,
  now: number,
): Promise<{ ok: true; held: boolean; serverDeletedAt: number; eventId: string | null }> {
  const prior = s.sql
    .exec<{ id: string; created_at: number }>(
      "SELECT id, created_at FROM events WHERE type = 'deletion_request' AND json_extract(details, '$.requestId') = ?",
      requestId,
    )
    .toArray()[0];
  let r: { held: boolean; eventId: string | null; serverDeletedAt: number };
  if (prior) {
    r = { held: true, eventId: prior.id, serverDeletedAt: prior.created_at };
  } else {
    const revoked = revokeAccess(
      s,
      profileId,
      'R-DEL-1',
      conversationIds,
      now,
      { type: 'deletion_request', details: { requestId, requestedAt: new Date(requestedAt).toISOString() } },
      (held) => enqueueNotice(s, profileId, { kind: 'deletion_server', requestId, held, at: now }, Date.now()),
    );
    r = { ...revoked, serverDeletedAt: now };
  }
  // A retried request drives its queued notice too, without waiting for the alarm.
  await deliverOutbox(s, Date.now(), false, { profileId });
  return { ok: true, ...r };
}

/** R-RET-3: every conversation's access goes with the rest of the jobseeker data; returns how many. */
export function revokeAllConversations(s: AgencyStore, rule: string, now: number): number {
  const live = s.sql
    .exec<{ id: string; profile_id: string }>("SELECT id, profile_id FROM msg_conversations WHERE state != 'revoked'")
    .toArray();
  for (const conv of live) {
    s.sql.exec("UPDATE msg_conversations SET state = 'revoked', revoked_rule = ?, unread = 0 WHERE id = ?", rule, conv.id);
    recordDeletion(s, now, 'conversation', rule, conv.profile_id, null);
  }
  s.sql.exec("DELETE FROM msg_sends WHERE state = 'delivered'");
  return live.length;
}

/** Profiles with a conversation still open or awaiting the jobseeker. */
export function liveConversationProfiles(s: AgencyStore): string[] {
  return s.sql
    .exec<{ profile_id: string }>("SELECT DISTINCT profile_id FROM msg_conversations WHERE state IN ('awaiting_seeker', 'open')")
    .toArray()
    .map((r) => r.profile_id);
}

/** Tells each jobseeker whose conversation ended with the agency's access (R-RET-3). */
export async function closeAtSeekers(s: AgencyStore, profileIds: string[], rule: string, now: number): Promise<void> {
  const agencyId = agencyRecord(s)?.id;
  if (!agencyId) return;
  for (let i = 0; i < profileIds.length; i += FAN_OUT) {
    await Promise.allSettled(profileIds.slice(i, i + FAN_OUT).map((p) => seekerStub(s.env, p).closeConversations(agencyId, rule, now)));
  }
}

/** The index side of ending conversations with a profile: tombstones without content, each deletion recorded (R-RET-4). */
export function revokeConversationIndex(
  s: AgencyStore,
  profileId: string,
  conversationIds: string[],
  rule: string,
  now: number,
  eventId: string | null,
): void {
  for (const id of conversationIds) {
    s.sql.exec("UPDATE msg_conversations SET state = 'revoked', revoked_rule = ?, unread = 0 WHERE id = ?", rule, id);
    recordDeletion(s, now, 'conversation', rule, profileId, eventId);
  }
  s.sql.exec("DELETE FROM msg_sends WHERE profile_id = ? AND state = 'delivered'", profileId);
}
