/**
 * R-MSG-7 (§7(2)①ケ): paid services other than placement offered to new graduates (新規大学卒業者等)
 * through the service need the bureau notified in advance (kind and price) and the jobseeker's
 * prior consent in the conversation; without both such an offer is refused, not merely warned.
 * Whether a message offers a paid service is the one detection of R-MSG-5 (`paid_side_service`).
 */
import { lintMessage } from './message-lint';

/**
 * Whether a message offers a paid service other than placement (the R-MSG-5 detection).
 *
 * @example
 * offersPaidService('有料の面接対策講座（1回5,000円）をご案内できます。'); // true
 * offersPaidService('手数料はいただきません。'); // false
 */
export function offersPaidService(text: string): boolean {
  return lintMessage(text).some((w) => w.kind === 'paid_side_service');
}

/** What decides a paid offer to a jobseeker (R-MSG-7). */
export type PaidOfferContext = { offer: boolean; newGraduate: boolean; notified: boolean; consented: boolean };

/**
 * The refusal of an agency message that offers a paid service to a new graduate without both the
 * bureau's notification and the jobseeker's consent in this conversation, or null (R-MSG-7).
 *
 * @example
 * paidOfferRefusal({ offer: true, newGraduate: true, notified: true, consented: false }); // { code: 'paid_service_not_allowed', missing: ['consent'], … }
 * paidOfferRefusal({ offer: true, newGraduate: false, notified: false, consented: false }); // null (R-MSG-5 warns)
 */
export function paidOfferRefusal(
  c: PaidOfferContext,
): { code: 'paid_service_not_allowed'; title: string; detail: string; missing: Array<'notification' | 'consent'> } | null {
  if (!c.offer || !c.newGraduate || (c.notified && c.consented)) return null;
  const missing: Array<'notification' | 'consent'> = [];
  if (!c.notified) missing.push('notification');
  if (!c.consented) missing.push('consent');
  const why = [
    ...(c.notified ? [] : ['管轄労働局への有料サービスの届出（サービスの種類・金額）が受理されていません']),
    ...(c.consented ? [] : ['この会話で求職者から有料サービスの案内を受けることへの同意を得ていません']),
  ].join('。また、');
  return {
    code: 'paid_service_not_allowed',
    title: '新卒者への有料サービスの案内は送れません',
    missing,
    detail: `新規大学卒業者等に職業紹介以外の有料サービスを案内するには、事前に管轄労働局へ届け出たうえで、求職者の事前の承諾を得る必要があります（利用規約第7条第2項①ケ）。${why}。メッセージは送信されていません。`,
  };
}
