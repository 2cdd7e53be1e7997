import { jstDate } from '../../../shared/rules';
import type { Conversation, MandatoryInformation, MandatoryInformationVersion } from '../../../shared/schemas';
import type { Refusal } from '../../lib/problem';
import { seekerStub } from '../../lib/stubs';
import { appendEvent } from './events';
import { sendTarget } from './sending';
import { deliverOutbox, enqueueNotice } from './outbox';
import { agencyRecord, saveRecord, type AgencyStore, type IndexRow } from './store';
import type { AgencyRecord } from './types';

// The agency's index of its conversations (the conversation itself lives in the jobseeker's
// object): unread counts, the inbox, and the mandatory-information version each one carries.

/** The jobseeker wrote: the conversation opens for answers and counts unread for the agency (R-MSG-2). */
export function noteSeekerMessage(s: AgencyStore, conversationId: string, profileId: string, now: number): { ok: true } {
  s.sql.exec(
    "UPDATE msg_conversations SET state = 'open', unread = unread + 1, last_message_at = MAX(last_message_at, ?), last_from = 'seeker' WHERE id = ? AND profile_id = ? AND state != 'revoked'",
    now,
    conversationId,
    profileId,
  );
  return { ok: true };
}

/** The jobseeker has now seen this mandatory-information version (R-MSG-3). */
export function noteSeen(s: AgencyStore, conversationId: string, version: number): { ok: true } {
  s.sql.exec('UPDATE msg_conversations SET mi_seen = ? WHERE id = ?', version, conversationId);
  return { ok: true };
}

function toIndexConversation(r: IndexRow, record: AgencyRecord): Conversation {
  return {
    id: r.id,
    agencyId: record.id,
    agencyName: record.name,
    profileId: r.profile_id,
    state: r.state === 'open' ? 'open' : 'awaiting_seeker',
    mandatoryInformationVersion: Math.max(1, r.mi_version),
    mandatoryInformationVersionSeen: r.mi_seen,
    unread: r.unread,
    lastMessageAt: new Date(r.last_message_at).toISOString(),
  };
}

/**
 * The agency's inbox, newest first, with unread counts: only conversations it still has access
 * to (not blocked, not deleted, within retention: R-BLOCK-2, R-DEL-1, R-RET-1).
 *
 * @example inbox(s, null, 20, now);
 */
export function inbox(
  s: AgencyStore,
  after: { at: number; id: string } | null,
  limit: number,
  now: number,
): { items: Conversation[]; next: { at: number; id: string } | null } {
  const record = agencyRecord(s);
  if (!record) return { items: [], next: null };
  const today = jstDate(new Date(now));
  const rows = s.sql
    .exec<IndexRow>(
      `SELECT c.* FROM msg_conversations c JOIN acquisitions a ON a.profile_id = c.profile_id AND a.state = 'held' AND a.deadline >= ?
     WHERE c.state != 'revoked' ${after ? 'AND (c.last_message_at < ? OR (c.last_message_at = ? AND c.id > ?))' : ''}
     ORDER BY c.last_message_at DESC, c.id LIMIT ?`,
      ...(after ? [today, after.at, after.at, after.id, limit + 1] : [today, limit + 1]),
    )
    .toArray();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toIndexConversation(r, record)),
    next: rows.length > limit && last ? { at: last.last_message_at, id: last.id } : null,
  };
}

/**
 * The agency opens one of its conversations: refused when it is not its own (404), or its
 * access ended (blocked 403, deleted or past retention 410); else marked read.
 *
 * @example openConversation(s, 'C…', now); // { ok: true, profileId, conversation }
 */
export function openConversation(
  s: AgencyStore,
  conversationId: string,
  now: number,
): { ok: true; profileId: string; conversation: Conversation } | Refusal {
  const target = sendTarget(s, { kind: 'reply', key: '', body: '', conversationId }, now);
  if (!target.ok) return target;
  s.sql.exec('UPDATE msg_conversations SET unread = 0 WHERE id = ?', conversationId);
  const row = s.sql.exec<IndexRow>('SELECT * FROM msg_conversations WHERE id = ?', conversationId).one();
  return { ok: true, profileId: target.profileId, conversation: toIndexConversation(row, agencyRecord(s)!) };
}

/** R-MSG-3: tells one conversation's jobseeker of a new mandatory-information version. */
export async function noticeConversation(
  s: AgencyStore,
  conv: { id: string; profile_id: string },
  info: MandatoryInformationVersion,
  now: number,
): Promise<boolean> {
  const record = agencyRecord(s);
  if (!record) return false;
  const r = await seekerStub(s.env, conv.profile_id).noticeMandatoryInformation(conv.id, record.id, record.name, info, now);
  if (r.notified) s.sql.exec('UPDATE msg_conversations SET mi_version = MAX(mi_version, ?) WHERE id = ?', info.version, conv.id);
  return r.notified;
}

/**
 * R-MSG-3, R-APP-4: installs the mandatory information the bureau accepted as the next version,
 * and sends every jobseeker with an open conversation a system notice with the new content
 * (not counted toward the cap, R-CAP-3), at least once: a notice that fails is retried (outbox.ts). Later first contacts carry the new version (R-MSG-1).
 *
 * @example await installMandatoryInformation(s, content, now); // { ok: true, version: 2, notified: 14 }
 */
export async function installMandatoryInformation(
  s: AgencyStore,
  content: MandatoryInformation,
  now: number,
): Promise<{ ok: true; version: number; notified: number }> {
  const record = agencyRecord(s);
  if (!record) throw new Error('installMandatoryInformation: agency not initialised');
  const info: MandatoryInformationVersion = {
    version: (record.mandatoryInformation?.version ?? 0) + 1,
    acceptedAt: new Date(now).toISOString(),
    content,
  };
  // The notices are queued in the same step as the new version, so none is lost (outbox.ts).
  s.tx(() => {
    saveRecord(s, { ...record, mandatoryInformation: info });
    appendEvent(s, 'mandatory_info_changed', 'R-MSG-3', now, { details: { version: info.version } });
    const open = s.sql
      .exec<{ id: string; profile_id: string }>(
        "SELECT id, profile_id FROM msg_conversations WHERE state IN ('awaiting_seeker', 'open') AND mi_version < ?",
        info.version,
      )
      .toArray();
    for (const conv of open)
      enqueueNotice(s, conv.profile_id, { kind: 'mandatory_info', conversationId: conv.id, info, at: now }, Date.now());
  });
  const { delivered } = await deliverOutbox(s, Date.now(), true);
  const notified = delivered.filter((n) => n.kind === 'mandatory_info' && n.info.version === info.version).length;
  return { ok: true, version: info.version, notified };
}
