import { describeFindings, findContactDetails, type Finding } from '../../shared/rules';
import type { ContactMethod } from '../../shared/schemas';
import { refuse, type Refusal } from './problem';

/** How a contact method's kind reads in Japanese. */
export const CONTACT_KIND_NAMES: Record<ContactMethod['kind'], string> = { email: 'メール', phone: '電話', url: 'URL', postal: '住所' };

/**
 * R-MSG-4 (§7(2)①ク): the one check of a message body, shared with the extension's composer
 * (shared/rules/contact-details.ts). A jobseeker (`registered` null) may send no contact detail
 * or name; an agency only the contact methods it registered, and no request for the jobseeker's.
 */
export { disallowedContactDetails } from '../../shared/rules';

/**
 * The polite refusal of a message that holds contact details (R-MSG-4): what was found, why it
 * is not allowed, and that nothing was stored or sent. `findings` lets the compose box highlight.
 */
export function contactDetailsRefusal(findings: Finding[], registered: readonly ContactMethod[] | null): Refusal {
  const found = describeFindings(findings);
  const positions = findings.map((f) => ({ kind: f.kind, label: f.label, start: f.start, end: f.end }));
  if (!registered) {
    return refuse(
      'contact_details_not_allowed',
      `${found}このサービスでは、氏名や電話番号・メールアドレス・住所などの連絡先、個人を特定できる情報をメッセージでやりとりすることはできません（利用規約 第7条(2)①ク）。お手数ですが、該当する部分を削除してからもう一度送信してください。このメッセージは保存されていません。`,
      { findings: positions },
    );
  }
  const list = registered.map((m) => `${CONTACT_KIND_NAMES[m.kind]}：${m.value}`).join('、');
  const asks = findings.some((f) => f.kind === 'contact_request') ? '求職者の氏名や連絡先をおたずねすることもできません。' : '';
  return refuse(
    'contact_details_not_allowed',
    `${found}${asks}メッセージに記載できる連絡先は、登録済みの連絡方法（${list}）に限られます（利用規約 第7条(2)①ク）。該当する部分を削除するか、登録済みの連絡方法に置き換えてください。このメッセージは送信されていません。`,
    { findings: positions },
    { status: 422, title: '登録していない連絡先は送信できません' },
  );
}

/**
 * R-MSG-4 (§7(2)①ク) for a jobseeker's complaint the bureau passes on to the agency (R-CMP-1):
 * what the agency receives may not name the jobseeker or hold their contact details. `null`
 * when the text is clean; otherwise a refusal asking for a summary without them.
 *
 * @example forwardedComplaintRefusal('連絡が多すぎるとの申出'); // null
 */
export function forwardedComplaintRefusal(text: string): Refusal | null {
  const findings = findContactDetails(text);
  if (!findings.length) return null;
  const positions = findings.map((f) => ({ kind: f.kind, label: f.label, start: f.start, end: f.end }));
  return refuse(
    'contact_details_not_allowed',
    `${describeFindings(findings)}事業者に連絡する苦情には、求職者の氏名や連絡先など個人を特定できる情報を含めることはできません（利用規約 第7条(2)①ク）。該当する部分を除いた要約を入力して、もう一度お試しください。事業者にはまだ連絡していません。`,
    { findings: positions },
    { status: 422, title: '事業者に伝える内容に連絡先などが含まれています' },
  );
}
