import type { AnnualReportRequest } from '../schemas/report';

/** Which parts an agency's annual usage report has (R-REP-1): one per service it uses, fees when paid. */
export type ReportParts = { jobOffer: boolean; jobseeker: boolean; fees: boolean };

/**
 * R-REP-1 (§19(1)): the parts of the usage report for an agency's licence kind and services — the
 * job-offer part when it uses that service, the jobseeker part likewise, and the fee figures
 * exactly when it is a paid agency (有料職業紹介事業者). The worker checks a report against them and
 * the extension's form shows them.
 *
 * @example
 * reportParts('paid', ['job_offer']); // { jobOffer: true, jobseeker: false, fees: true }
 * reportParts('school', ['job_offer', 'jobseeker']); // { jobOffer: true, jobseeker: true, fees: false }
 */
export function reportParts(licenceKind: string, services: readonly string[]): ReportParts {
  return { jobOffer: services.includes('job_offer'), jobseeker: services.includes('jobseeker'), fees: licenceKind === 'paid' };
}

/**
 * R-REP-1: what is wrong with a report for these parts, each with the field's path and a Japanese
 * reason: a part missing (zeros are a report) or one for a service not used, fee figures missing
 * for a paid agency or given by another. Empty when the report fits.
 *
 * @example
 * reportPartErrors({ jobOffer: { hires: 0 } }, reportParts('paid', ['job_offer']));
 * // [{ path: 'jobOffer.feeTotal', message: '有料職業紹介事業者は手数料の合計額（と件数）を入力してください（0でも入力が必要です）' }]
 */
export function reportPartErrors(report: AnnualReportRequest, parts: ReportParts): Array<{ path: string; message: string }> {
  const errors: Array<{ path: string; message: string }> = [];
  const sections = [
    ['jobOffer', parts.jobOffer, '求人情報提供サービス'],
    ['jobseeker', parts.jobseeker, '求職情報提供サービス'],
  ] as const;
  for (const [key, used, label] of sections) {
    const part = report[key];
    if (used && part === undefined) errors.push({ path: key, message: `${label}の利用状況を入力してください（0件でも報告が必要です）` });
    if (!used && part !== undefined) errors.push({ path: key, message: `${label}は利用していないため入力できません` });
  }
  const feeFields: Array<[string, unknown]> = [
    ['jobOffer.feeTotal', report.jobOffer?.feeTotal],
    ['jobseeker.jobseekerFees', report.jobseeker?.jobseekerFees],
    ['jobseeker.employerFees', report.jobseeker?.employerFees],
  ];
  for (const [path, value] of feeFields) {
    const partPresent = path.startsWith('jobOffer') ? report.jobOffer !== undefined : report.jobseeker !== undefined;
    if (!partPresent) continue;
    if (parts.fees && value === undefined)
      errors.push({ path, message: '有料職業紹介事業者は手数料の合計額（と件数）を入力してください（0でも入力が必要です）' });
    if (!parts.fees && value !== undefined) errors.push({ path, message: '手数料の欄は有料職業紹介事業者だけが入力します' });
  }
  return errors;
}
