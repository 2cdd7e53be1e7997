/**
 * R-JOB-6: the written statement an employer receives once the agency accepted its order
 * (§7(1)②イ (ア)–(オ), §7(1)②オ). Text ready to send by email; the extension prints the same parts.
 */
import { occupationName } from '../data/occupations';
import { prefectureName } from '../data/prefectures';
import type { EmployerStatement, JobOrderRequest, StatementPart } from '../schemas/job-desk';

/** Licence kinds that may charge fees (Art. 30); the others place free of charge. */
export const FEE_CHARGING_KINDS = ['paid'] as const;

const LICENCE_LABELS = {
  paid: '有料職業紹介事業',
  free: '無料職業紹介事業',
  school: '無料職業紹介事業（学校等）',
  special: '無料職業紹介事業（特別の法人）',
} as const;

export const DEFAULT_EMPLOYER_INFORMATION =
  '求人者の情報（職業紹介に係るものに限ります）は、職業紹介の目的の範囲内で収集・保管・使用し、求人者の同意なく第三者に提供しません。';
export const DEFAULT_JOBSEEKER_INFORMATION =
  '求職者の個人情報は、職業安定法第5条の5及び個人情報の保護に関する法律に基づき、職業紹介に必要な範囲で収集・保管・使用し、本人の同意なく第三者に提供しません。貴社にお渡しする求職者の情報も、採否の検討以外に使用しないようお願いします。';
export const DEFAULT_COMPLAINT_PROCEDURE = '苦情は上記の担当者が受け付け、事実を確認のうえ迅速かつ適切に処理し、結果をお知らせします。';

/** What the statement needs of the agency. */
export type StatementAgency = {
  name: string;
  licence: { kind: 'paid' | 'free' | 'school' | 'special'; number: string };
  /** The registered complaints officer (R-ROLE-1), used when the order names none. */
  complaintsOfficer: { name: string; contact: string } | null;
};

/** Why an order cannot produce a statement, or null when it can. */
export function statementProblem(
  order: JobOrderRequest,
  agency: StatementAgency,
): 'fees_required' | 'fees_not_allowed' | 'complaints_officer_required' | null {
  const paid = (FEE_CHARGING_KINDS as readonly string[]).includes(agency.licence.kind);
  if (paid && !order.fees) return 'fees_required';
  if (!paid && order.fees) return 'fees_not_allowed';
  if (!order.complaints && !agency.complaintsOfficer) return 'complaints_officer_required';
  return null;
}

/**
 * R-JOB-6: the statement's parts (jobs handled; fees, stating "none" for free agencies; complaints;
 * the employer's information; the jobseekers' personal information; employment subsidies) and the
 * email text. Call {@link statementProblem} first: this assumes the order passed it.
 *
 * @example employerStatement(order, { name: '株式会社みらい人材', licence: { kind: 'paid', number: '13-ユ-123456' }, complaintsOfficer: { name: '佐藤 一郎', contact: '03-1234-5679' } });
 */
export function employerStatement(order: JobOrderRequest, agency: StatementAgency): EmployerStatement {
  const paid = (FEE_CHARGING_KINDS as readonly string[]).includes(agency.licence.kind);
  const officer = order.complaints ?? {
    officer: agency.complaintsOfficer?.name ?? '',
    contact: agency.complaintsOfficer?.contact ?? '',
    procedure: DEFAULT_COMPLAINT_PROCEDURE,
  };
  const parts: StatementPart[] = [
    {
      key: 'jobs',
      heading: '取扱職種の範囲',
      body: `職種: ${order.jobsHandled.occupations.map((c) => occupationName(c)).join('、')}\n地域: ${order.jobsHandled.prefectures.map((p) => prefectureName(p)).join('、')}\n${order.jobsHandled.text}`,
    },
    {
      key: 'fees',
      heading: '手数料に関する事項',
      body: paid
        ? order.fees!.text
        : `当社は${LICENCE_LABELS[agency.licence.kind]}として職業紹介を行っており、貴社及び求職者から手数料をいただきません。`,
    },
    {
      key: 'complaints',
      heading: '苦情の処理に関する事項',
      body: `担当者: ${officer.officer}\n連絡先: ${officer.contact}\n${officer.procedure}`,
    },
    {
      key: 'employer_information',
      heading: '求人者の情報の取扱いに関する事項',
      body: order.employerInformation ?? DEFAULT_EMPLOYER_INFORMATION,
    },
    {
      key: 'jobseeker_information',
      heading: '求職者の個人情報の取扱いに関する事項',
      body: order.jobseekerInformation ?? DEFAULT_JOBSEEKER_INFORMATION,
    },
    {
      key: 'subsidies',
      heading: '雇用関係助成金の取扱い',
      body: order.subsidies.handles
        ? `当社は雇用関係助成金を取り扱います。取り扱う助成金: ${order.subsidies.kinds.join('、')}`
        : '当社は雇用関係助成金を取り扱いません。',
    },
  ];
  const subject = `求人の申込みの受理に当たっての明示事項（${agency.name}）`;
  const date = `${Number(order.acceptedOn.slice(0, 4))}年${Number(order.acceptedOn.slice(5, 7))}月${Number(order.acceptedOn.slice(8, 10))}日`;
  const text = [
    `${order.employer.name}${order.employer.contactName ? `\n${order.employer.contactName} 様` : ' 御中'}`,
    '',
    `${agency.name}（${LICENCE_LABELS[agency.licence.kind]}　${agency.licence.number}）は、${date}に貴社の求人の申込み${order.offerNumber ? `（ハローワーク求人番号 ${order.offerNumber}）` : ''}を受理しました。職業安定法及びハローワーク求人・求職情報提供サービス利用規約に基づき、次の事項をお知らせします。`,
    ...parts.flatMap((p, i) => ['', `${i + 1}. ${p.heading}`, p.body]),
    '',
    `受理後のこの求人は当社の求人として求職者にご紹介し、職業紹介は当社の責任で行います。`,
    '',
    agency.name,
  ].join('\n');
  return { subject, parts, text };
}
