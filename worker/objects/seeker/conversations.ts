import type { Message, SeekerConversation } from '../../../shared/schemas';
import { contactDetailsRefusal, disallowedContactDetails } from '../../lib/contact-details';
import { refuse, type Refusal } from '../../lib/problem';
import { conversationRow, insertMessage, toConversation, toMessage, type ConvRow, type MsgRow, type SeekerStore } from './store';
import type { ThreadViewer } from './types';

// The jobseeker's side of their conversations: writing, the inbox and a thread. The agency's
// messages arrive through delivery.ts, its notices through conversation-notices.ts.

/**
 * The jobseeker writes (R-MSG-2 opens the conversation for the agency's answers). A body with
 * contact details is refused and nothing is stored (R-MSG-4). With an idempotency key, a retry is
 * stored once and answered with the first message (`replayed`); the key with other content is refused.
 *
 * @example post(s, 'C…', '勤務地を教えてください。', now, 'sk-2026-12-01-0001');
 */
export function post(
  s: SeekerStore,
  conversationId: string,
  body: string,
  now: number,
  key?: string,
): { ok: true; conversationId: string; agencyId: string; message: Message; replayed: boolean } | Refusal {
  const conv = conversationRow(s, conversationId);
  if (!conv)
    return refuse('conversation_not_found', 'この会話は存在しないか、参照する権限がありません。', undefined, {
      status: 404,
      title: '会話が見つかりません',
    });
  const sendKey = key ? `seeker:${key}` : null;
  const earlier = sendKey
    ? s.sql.exec<MsgRow>("SELECT * FROM messages WHERE sender = 'seeker' AND send_key = ?", sendKey).toArray()[0]
    : undefined;
  if (earlier) {
    if (earlier.conversation_id !== conversationId || earlier.body !== body) {
      return refuse(
        'idempotency_key_reused',
        'この冪等キーは内容の異なる送信にすでに使われています。新しい送信には新しいキーを使ってください。',
        undefined,
        { status: 422, title: '冪等キーが別の送信に使われています' },
      );
    }
    return { ok: true, conversationId, agencyId: conv.agency_id, message: toMessage(earlier), replayed: true };
  }
  if (conv.state === 'blocked')
    return refuse(
      'conversation_blocked',
      'この事業者をブロックしているため送信できません。送るにはブロックを解除してください（以前の会話は再開されません）。',
      undefined,
      { status: 409, title: 'ブロック中の事業者です' },
    );
  if (conv.state === 'closed')
    return refuse('conversation_closed', 'この会話は終了しているため、送信できません。', undefined, {
      status: 410,
      title: 'この会話は終了しています',
    });
  const findings = disallowedContactDetails(body, null);
  if (findings.length) return contactDetailsRefusal(findings, null);
  const row = s.tx(() => {
    const inserted = insertMessage(s, { conversationId, sender: 'seeker', kind: 'reply', body, now, ...(sendKey ? { key: sendKey } : {}) });
    s.sql.exec("UPDATE conversations SET state = 'open', last_message_at = ? WHERE id = ?", now, conversationId);
    return inserted;
  });
  return { ok: true, conversationId, agencyId: conv.agency_id, message: toMessage(row), replayed: false };
}

/**
 * The inbox, newest first, each conversation with its mandatory information and unread count.
 *
 * @example inbox(s, null, 20);
 */
export function inbox(
  s: SeekerStore,
  after: { at: number; id: string } | null,
  limit: number,
): { items: SeekerConversation[]; next: { at: number; id: string } | null } {
  const rows = after
    ? s.sql
        .exec<ConvRow>(
          'SELECT * FROM conversations WHERE last_message_at < ? OR (last_message_at = ? AND id > ?) ORDER BY last_message_at DESC, id LIMIT ?',
          after.at,
          after.at,
          after.id,
          limit + 1,
        )
        .toArray()
    : s.sql.exec<ConvRow>('SELECT * FROM conversations ORDER BY last_message_at DESC, id LIMIT ?', limit + 1).toArray();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toConversation(s, r)),
    next: rows.length > limit && last ? { at: last.last_message_at, id: last.id } : null,
  };
}

/**
 * One thread, oldest message first. The jobseeker reading it marks it read and records the
 * mandatory-information version they have now been shown (R-MSG-3). An agency sees only its
 * own conversation and not the notices meant for the jobseeker alone.
 *
 * @example thread(s, 'C…', { role: 'seeker' });
 */
export function thread(
  s: SeekerStore,
  conversationId: string,
  viewer: ThreadViewer,
):
  | { ok: true; conversation: SeekerConversation; messages: Message[]; agencyId: string; seenVersion: number | null; seenChanged: boolean }
  | Refusal {
  const conv = conversationRow(s, conversationId);
  // R-BLOCK-1: an agency never reads a blocked or closed conversation here, whatever its own object believes.
  if (!conv || (viewer.role === 'agency' && (conv.agency_id !== viewer.agencyId || conv.state === 'blocked' || conv.state === 'closed'))) {
    return refuse('conversation_not_found', 'この会話は存在しないか、参照する権限がありません。');
  }
  let seenChanged = false;
  if (viewer.role === 'seeker') {
    seenChanged = conv.mi_seen !== conv.mi_version;
    s.sql.exec('UPDATE conversations SET unread = 0, mi_seen = mi_version WHERE id = ?', conversationId);
  }
  const current = conversationRow(s, conversationId)!;
  const rows = s.sql
    .exec<MsgRow>(
      `SELECT * FROM messages WHERE conversation_id = ? ${viewer.role === 'agency' ? "AND audience = 'both'" : ''} ORDER BY seq`,
      conversationId,
    )
    .toArray();
  const conversation = toConversation(s, current);
  if (viewer.role === 'agency') conversation.unread = 0;
  return { ok: true, conversation, messages: rows.map(toMessage), agencyId: conv.agency_id, seenVersion: current.mi_seen, seenChanged };
}

/**
 * R-RET-1: the agencies that wrote to this jobseeker, with their first conversation's start. A
 * first contact acquires the profile, and its pointer reaches the profile's home shard after the
 * send answered: the data-holders view reads these too, so it never misses an agency meanwhile.
 *
 * @example conversationAgencies(s); // [{ agencyId: 'A7K3M9X2QAB', since: 1764205200000 }]
 */
export function conversationAgencies(s: SeekerStore): Array<{ agencyId: string; since: number }> {
  return s.sql
    .exec<{ agency_id: string; since: number }>('SELECT agency_id, MIN(created_at) AS since FROM conversations GROUP BY agency_id')
    .toArray()
    .map((r) => ({ agencyId: r.agency_id, since: r.since }));
}
