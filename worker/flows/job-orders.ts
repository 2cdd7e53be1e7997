/**
 * Orders accepted from employers (R-JOB-6): the statement the employer receives, and the hires that
 * feed the R-REP-1 report.
 */
import { employerStatement, statementProblem, type StatementAgency } from '../../shared/rules/employer-statement';
import { jstDate } from '../../shared/rules';
import type { HireRequest, JobOrder, JobOrderRequest } from '../../shared/schemas/job-desk';
import type { AnnualReportRequest } from '../../shared/schemas';
import { jobDesk } from '../lib/job-offers';
import { ApiError, unwrap, type Refusal } from '../lib/problem';
import type { AgencyRecord } from '../objects/agency';
import { findOffer } from './job-offer-desk';

const PROBLEMS = {
  fees_required: ['手数料の明示が必要です', '有料職業紹介事業者は、手数料に関する事項（fees）を求人事業主に明示してください。'],
  fees_not_allowed: [
    '手数料は記載できません',
    '無料で職業紹介を行う事業者は手数料を求めることができません（fees は記載しないでください）。',
  ],
  complaints_officer_required: ['苦情の処理の担当者が必要です', '苦情の処理に関する事項（担当者・連絡先・処理方法）を記載してください。'],
} as const;

/** What the statement needs of the agency record. */
export function statementAgency(a: AgencyRecord): StatementAgency {
  const officer = a.mandatoryInformation?.content.complaintsOfficer;
  return { name: a.name, licence: a.licence, complaintsOfficer: officer ? { name: officer.name, contact: officer.contact.value } : null };
}

/**
 * R-JOB-6: records an order accepted from the employer with its statement; from then on quotes of
 * that offer present it as the agency's own (§7(1)②カ).
 *
 * @example await acceptOrder(env, agency, { offerNumber: '13010-12345678', … }, now);
 */
export async function acceptOrder(env: Env, agency: AgencyRecord, order: JobOrderRequest, now: Date): Promise<JobOrder> {
  if (order.acceptedOn > jstDate(now))
    throw new ApiError(
      'date_in_future',
      '求人を受理した日は今日以前の日付にしてください。',
      {},
      { status: 422, title: '受理日が未来です' },
    );
  if (order.offerNumber && !(await findOffer(env, order.offerNumber, now))) {
    throw new ApiError(
      'offer_not_found',
      `求人番号 ${order.offerNumber} の求人は提供されていません。`,
      {},
      { status: 404, title: '求人が見つかりません' },
    );
  }
  const who = statementAgency(agency);
  const problem = statementProblem(order, who);
  if (problem) throw new ApiError(problem, PROBLEMS[problem][1], {}, { status: 422, title: PROBLEMS[problem][0] });
  return jobDesk(env, agency.id).order(order, employerStatement(order, who), now.getTime());
}

/** R-REP-1: a hire through an order; only paid agencies record a fee. */
export async function recordHire(env: Env, agency: AgencyRecord, orderId: string, hire: HireRequest, now: Date): Promise<JobOrder> {
  if (hire.hiredOn > jstDate(now))
    throw new ApiError(
      'date_in_future',
      '採用が決まった日は今日以前の日付にしてください。',
      {},
      { status: 422, title: '採用日が未来です' },
    );
  if (agency.licence.kind !== 'paid' && hire.fee > 0)
    throw new ApiError(
      'fees_not_allowed',
      '無料で職業紹介を行う事業者の採用には手数料がありません。',
      {},
      { status: 422, title: '手数料は記録できません' },
    );
  const r = (await jobDesk(env, agency.id).hire(orderId, hire, now.getTime())) as { ok: true; order: JobOrder } | Refusal;
  return unwrap(r).order;
}

/**
 * R-REP-1: a report's job-offer part may not count fewer hires (or, for paid agencies, a smaller
 * fee total) than the agency recorded through the service for that year.
 */
export async function checkReportAgainstHires(env: Env, agency: AgencyRecord, fy: number, report: AnnualReportRequest): Promise<void> {
  if (!report.jobOffer || !agency.services.includes('job_offer')) return;
  const t = await jobDesk(env, agency.id).tally(fy);
  const fee = report.jobOffer.feeTotal ?? 0;
  if (report.jobOffer.hires < t.hires || (agency.licence.kind === 'paid' && fee < t.feeTotal)) {
    throw new ApiError(
      'report_below_recorded_hires',
      `${fy}年度に求人情報提供サービスを通じて記録した採用は${t.hires}人${agency.licence.kind === 'paid' ? `（手数料合計 ${t.feeTotal}円）` : ''}です。報告はこれを下回れません。`,
      { recorded: t },
      { status: 422, title: '記録した採用より少ない報告です' },
    );
  }
}
