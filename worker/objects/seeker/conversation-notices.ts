import { formatJstDateTime } from '../../../shared/rules';
import type { MandatoryInformationVersion } from '../../../shared/schemas';
import { mandatoryInformationText } from './mandatory-information';
import { conversationRow, insertNotice, LIVE, type SeekerStore } from './store';

// Notices the agency's side brings into a conversation, and the end of its conversations: what the
// agency's object (R-MSG-3) or its retention and standing (R-RET-1..3) ask of the jobseeker's.

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
