import { randomBase32 } from '../../lib/crypto';
import { refuse, type Refusal } from '../../lib/problem';
import { paidOfferCheck, rememberNewGraduate } from './paid-services';
import { conversationRow, insertMessage, LIVE, profileId, toMessage, type ConvRow, type MsgRow, type SeekerStore } from './store';
import type { DeliverInput, DeliverResult } from './types';

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
