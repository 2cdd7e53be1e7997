import { formatJstDateTime } from '../../../shared/rules';
import type { MandatoryInformationVersion, Message, SeekerConversation } from '../../../shared/schemas';
import { randomBase32 } from '../../lib/crypto';
import { contactDetailsRefusal, disallowedContactDetails } from '../../lib/contact-details';
import { refuse, type Refusal } from '../../lib/problem';
import { mandatoryInformationText } from './mandatory-information';
import { paidOfferCheck, rememberNewGraduate } from './paid-services';
import {
  conversationRow,
  insertMessage,
  insertNotice,
  LIVE,
  profileId,
  toConversation,
  toMessage,
  type ConvRow,
  type MsgRow,
  type SeekerStore,
} from './store';
import type { DeliverInput, DeliverResult, ThreadViewer } from './types';

// This object is the one place a conversation lives and the only one that decides delivery:
// a block and a delivery run here one after the other, never interleaved (R-BLOCK-1).

/**
 * Delivers an agency's message, or refuses it (R-MSG-1, R-MSG-2, R-BLOCK-1, R-CAP-2). A key this
 * agency already delivered returns that message (`replayed`), so a retry is delivered once.
 * A first contact opens a conversation holding the agency's mandatory information, which the
 * agency cannot edit; an answer is allowed only after the jobseeker wrote.
 *
 * @example deliver(s, { kind: 'first_contact', profileId, agencyId, agencyName, key, body, mandatoryInformation }, now);
 */
export function deliver(s: SeekerStore, input: DeliverInput, now: number): DeliverResult | Refusal {
  profileId(s, input.profileId);
  const prior = s.sql.exec<MsgRow>('SELECT * FROM messages WHERE agency_id = ? AND send_key = ?', input.agencyId, input.key).toArray()[0];
  if (prior) {
    // A key names one send: the same key with other content is a mistake, not a retry.
    if (
      prior.body !== input.body ||
      (input.kind === 'reply' && input.conversationId !== undefined && input.conversationId !== prior.conversation_id)
    ) {
      return refuse(
        'idempotency_key_reused',
        'この冪等キーは別の内容のメッセージに使われています。新しいキーで送ってください。',
        undefined,
        { title: '送信キーが別の送信に使われています' },
      );
    }
    return { ok: true, conversationId: prior.conversation_id, message: toMessage(prior), replayed: true };
  }
  if (s.sql.exec('SELECT 1 FROM blocks WHERE agency_id = ?', input.agencyId).toArray().length) {
    return refuse(
      'blocked_by_recipient',
      '求職者がこの事業者からのメッセージの受け取りを停止（ブロック）しているため、送信できません。この求職者の情報は速やかに削除してください（利用規約 第7条(2)①オ）。',
    );
  }
  if (input.kind === 'first_contact') {
    if (s.sql.exec('SELECT 1 FROM deletion_requests WHERE agency_id = ? AND held = 1', input.agencyId).toArray().length) {
      return refuse('data_deleted', 'この求職者から情報の削除を求められたため、この事業者からは連絡できません。', undefined, {
        title: 'この求職者には連絡できません',
      });
    }
    const live = s.sql.exec<ConvRow>(`SELECT * FROM conversations WHERE agency_id = ? AND state IN ${LIVE}`, input.agencyId).toArray()[0];
    if (live?.state === 'awaiting_seeker') {
      return refuse(
        'first_message_already_sent',
        'この求職者には最初のメッセージを送信済みです。求職者から返信があるまで、次のメッセージは送れません。',
        { conversationId: live.id },
      );
    }
    if (live)
      return refuse('conversation_exists', 'この求職者とはすでに会話が始まっています。その会話で返信してください。', {
        conversationId: live.id,
      });
    const mi = input.mandatoryInformation;
    if (!mi)
      return refuse(
        'mandatory_information_missing',
        '受理された必須情報がないため、最初のメッセージを送れません。管轄の労働局にお問い合わせください。',
      );
    if (input.newGraduate !== undefined) rememberNewGraduate(s, input.newGraduate);
    const paid = paidOfferCheck(s, input, null);
    if (paid) return paid;
    const id = `C${randomBase32(16)}`;
    const row = s.tx(() => {
      s.sql.exec(
        "INSERT INTO conversations (id, agency_id, agency_name, state, mi, mi_version, mi_seen, unread, created_at, last_message_at) VALUES (?, ?, ?, 'awaiting_seeker', ?, ?, NULL, 1, ?, ?)",
        id,
        input.agencyId,
        input.agencyName,
        JSON.stringify(mi),
        mi.version,
        now,
        now,
      );
      return insertMessage(s, {
        conversationId: id,
        sender: 'agency',
        kind: 'first_contact',
        body: input.body,
        now,
        mi,
        agencyId: input.agencyId,
        key: input.key,
      });
    });
    return { ok: true, conversationId: id, message: toMessage(row), replayed: false };
  }
  const conv = input.conversationId ? conversationRow(s, input.conversationId) : null;
  if (!conv || conv.agency_id !== input.agencyId)
    return refuse('conversation_not_found', 'この会話は存在しないか、参照する権限がありません。');
  if (conv.state === 'closed') return refuse('conversation_closed', 'この会話は終了しているため、送信できません。');
  if (conv.state === 'awaiting_seeker') {
    return refuse(
      'first_message_already_sent',
      '求職者から返信があるまでは、最初のメッセージ1通だけを送ることができます。返信をお待ちください。',
      { conversationId: conv.id },
    );
  }
  const paid = paidOfferCheck(s, input, conv.id);
  if (paid) return paid;
  const row = s.tx(() => {
    const inserted = insertMessage(s, {
      conversationId: conv.id,
      sender: 'agency',
      kind: 'reply',
      body: input.body,
      now,
      agencyId: input.agencyId,
      key: input.key,
    });
    s.sql.exec('UPDATE conversations SET unread = unread + 1, last_message_at = ? WHERE id = ?', now, conv.id);
    return inserted;
  });
  return { ok: true, conversationId: conv.id, message: toMessage(row), replayed: false };
}

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
 * R-MSG-3: the agency's accepted mandatory information changed. An open conversation gets a
 * system notice with the new content and now holds that version; the jobseeker has seen it
 * once they open the thread. Notices do not count toward the cap (R-CAP-3). Idempotent per version.
 *
 * @example noticeMandatoryInformation(s, 'C…', 'A7K3M9X2QAB', '株式会社みらい人材', info, now);
 */
export function noticeMandatoryInformation(
  s: SeekerStore,
  conversationId: string,
  agencyId: string,
  agencyName: string,
  info: MandatoryInformationVersion,
  now: number,
): { ok: true; notified: boolean } {
  const conv = conversationRow(s, conversationId);
  if (
    !conv ||
    conv.agency_id !== agencyId ||
    (conv.state !== 'awaiting_seeker' && conv.state !== 'open') ||
    conv.mi_version >= info.version
  )
    return { ok: true, notified: false };
  const body = `${agencyName}の必須情報が変更されました（第${info.version}版）。新しい内容は次のとおりです。\n\n${mandatoryInformationText(agencyName, info)}`;
  s.tx(() => {
    insertNotice(s, conversationId, 'mandatory_info_changed', body, now, 'both', info);
    s.sql.exec(
      'UPDATE conversations SET mi = ?, mi_version = ?, agency_name = ? WHERE id = ?',
      JSON.stringify(info),
      info.version,
      agencyName,
      conversationId,
    );
  });
  return { ok: true, notified: true };
}

/**
 * R-RET-3: the agency stopped using the service and its access is gone; its conversations end
 * with a notice telling the jobseeker why. R-RET-1, R-RET-2: the same when the agency's retention
 * deadline (`details.deadline`) passed. Idempotent: a closed conversation is not closed again.
 *
 * @example closeConversations(s, 'A7K3M9X2QAB', 'R-RET-3', now);
 * @example closeConversations(s, 'A7K3M9X2QAB', 'R-RET-1', now, { deadline: '2027-01-31' });
 */
export function closeConversations(
  s: SeekerStore,
  agencyId: string,
  rule: string,
  now: number,
  details: { deadline?: string } = {},
): { ok: true; closed: number } {
  let closed = 0;
  s.tx(() => {
    for (const conv of s.sql
      .exec<{ id: string; agency_name: string }>(
        `SELECT id, agency_name FROM conversations WHERE agency_id = ? AND state IN ${LIVE}`,
        agencyId,
      )
      .toArray()) {
      s.sql.exec("UPDATE conversations SET state = 'closed', closed_reason = ? WHERE id = ?", rule, conv.id);
      // R-RET-1, R-RET-2: retention expiry ends the conversation as well, with its own reason.
      const text =
        rule === 'R-RET-1' || rule === 'R-RET-2'
          ? `${conv.agency_name}があなたの情報を保存できる期限（${details.deadline ?? '所定の期限'}まで）を過ぎたため、この事業者の手元のあなたの情報は削除され、この会話は終了しました（${formatJstDateTime(now)}）。`
          : `${conv.agency_name}はサービスの利用を終了したため、この会話は終了しました（${formatJstDateTime(now)}）。この事業者がサービスを通じて受け取ったあなたの情報は削除されました。`;
      insertNotice(s, conv.id, 'conversation_closed', text, now);
      closed++;
    }
  });
  return { ok: true, closed };
}
