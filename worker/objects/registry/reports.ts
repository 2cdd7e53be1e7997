import { fiscalYear, jstDate, reportDueDate, reportGraceLastDay, reportReminderDate } from '../../../shared/rules';
import type { AnnualReportRecord, AnnualReportRequest, MissingReport, ReportsOverview } from '../../../shared/schemas';
import type { PrefectureCode } from '../../../shared/data/prefectures';
import { refuse, type Refusal } from '../../lib/problem';
import { agencyRow, usable, type AgencyRow, type RegistryStore } from './store';
import type { StaffRecord } from './types';

// Annual usage reports (R-REP-1..3).

export function reportRecord(s: RegistryStore, agencyId: string, fy: number): (AnnualReportRecord & { prefecture: PrefectureCode }) | null {
  const r = s.sql.exec<{ agency_id: string; name: string; prefecture: PrefectureCode; report: string; submitted_at: number; updated_at: number | null; on_time: number }>(
    'SELECT r.*, a.name, a.prefecture FROM reports r JOIN agencies a ON a.id = r.agency_id WHERE r.agency_id = ? AND r.fiscal_year = ?', agencyId, fy).toArray()[0];
  if (!r) return null;
  return {
    agencyId: r.agency_id, agencyName: r.name, prefecture: r.prefecture, submittedAt: new Date(r.submitted_at).toISOString(),
    report: { fiscalYear: fy, ...(JSON.parse(r.report) as AnnualReportRequest) }, onTime: r.on_time === 1,
    ...(r.updated_at ? { updatedAt: new Date(r.updated_at).toISOString() } : {}),
  };
}

/**
 * Files (or corrects) a fiscal year's usage report (R-REP-1, §19(1)): one part per service the
 * agency uses, fee figures exactly when it is a paid agency. Zeros are a report.
 *
 * @example await registry.fileReport('A…', 2026, { jobOffer: { hires: 0, feeTotal: 0 } }, now);
 */
export async function fileReport(s: RegistryStore, agencyId: string, fy: number, report: AnnualReportRequest, now: number): Promise<{ ok: true; created: boolean; record: AnnualReportRecord } | Refusal> {
  const row = agencyRow(s, agencyId);
  if (!row) return refuse(404, 'agency_not_found', '事業者が見つかりません', 'この事業者は登録されていません。');
  const blocked = usable(row);
  if (blocked) return blocked;
  const today = jstDate(new Date(now));
  const opensOn = reportReminderDate(fy);
  if (today < opensOn) return refuse(422, 'report_period_not_open', 'この年度の報告はまだできません', `${fy}年度の利用状況の報告は${opensOn}から受け付けます（期限は${reportDueDate(fy)}）。`, { opensOn });
  if (fy < fiscalYear(row.admitted_on)) return refuse(422, 'report_year_before_admission', '利用開始前の年度です', `利用開始日（${row.admitted_on}）より前の年度の報告は不要です。`);
  const services = row.services.split(',');
  const paid = row.licence_kind === 'paid';
  const errors: Array<{ path: string; message: string }> = [];
  const parts = [['job_offer', 'jobOffer', '求人情報提供サービス'], ['jobseeker', 'jobseeker', '求職情報提供サービス']] as const;
  for (const [service, key, label] of parts) {
    const part = report[key];
    if (services.includes(service) && part === undefined) errors.push({ path: key, message: `${label}の利用状況を入力してください（0件でも報告が必要です）` });
    if (!services.includes(service) && part !== undefined) errors.push({ path: key, message: `${label}は利用していないため入力できません` });
  }
  const feeFields: Array<[string, unknown]> = [
    ['jobOffer.feeTotal', report.jobOffer?.feeTotal], ['jobseeker.jobseekerFees', report.jobseeker?.jobseekerFees], ['jobseeker.employerFees', report.jobseeker?.employerFees],
  ];
  for (const [path, value] of feeFields) {
    const partPresent = path.startsWith('jobOffer') ? report.jobOffer !== undefined : report.jobseeker !== undefined;
    if (!partPresent) continue;
    if (paid && value === undefined) errors.push({ path, message: '有料職業紹介事業者は手数料の合計額（と件数）を入力してください（0でも入力が必要です）' });
    if (!paid && value !== undefined) errors.push({ path, message: '手数料の欄は有料職業紹介事業者だけが入力します' });
  }
  if (errors.length) return refuse(422, 'report_fields', '報告の内容を確認してください', errors.map((e) => e.message).join('。'), { errors });
  const existing = s.sql.exec('SELECT 1 FROM reports WHERE agency_id = ? AND fiscal_year = ?', agencyId, fy).toArray().length > 0;
  if (existing) {
    s.sql.exec('UPDATE reports SET report = ?, updated_at = ? WHERE agency_id = ? AND fiscal_year = ?', JSON.stringify(report), now, agencyId, fy);
  } else {
    s.sql.exec('INSERT INTO reports (agency_id, fiscal_year, report, submitted_at, on_time) VALUES (?, ?, ?, ?, ?)',
      agencyId, fy, JSON.stringify(report), now, today <= reportDueDate(fy) ? 1 : 0);
  }
  const { prefecture: _p, ...record } = reportRecord(s, agencyId, fy)!;
  return { ok: true, created: !existing, record };
}

/**
 * Who reported for a fiscal year and who did not (R-REP-1), in the staff member's scope. An
 * agency owes the report when it was admitted by the end of that year and had not left before it.
 *
 * @example await registry.reportsOverview(staff, 2026);
 */
export async function reportsOverview(s: RegistryStore, staff: StaffRecord, fy: number): Promise<ReportsOverview> {
  const scope = staff.role === 'bureau' ? staff.prefecture : null;
  const yearEnd = `${fy + 1}-03-31`;
  const owing = s.sql.exec<AgencyRow & { filed: number | null; reminded_at: number | null; suspended_on: string | null; duty_revoked_on: string | null }>(
    `SELECT a.*, r.fiscal_year AS filed, d.reminded_at, d.suspended_on, d.revoked_on AS duty_revoked_on FROM agencies a
       LEFT JOIN reports r ON r.agency_id = a.id AND r.fiscal_year = ?
       LEFT JOIN report_duties d ON d.agency_id = a.id AND d.fiscal_year = ?
     WHERE a.admitted_on <= ? AND (a.ended_on IS NULL OR a.ended_on > ? OR d.suspended_on IS NOT NULL) AND (? IS NULL OR a.prefecture = ?)
     ORDER BY a.prefecture, a.id`,
    fy, fy, yearEnd, yearEnd, scope, scope).toArray();
  const missing: MissingReport[] = owing.filter((a) => a.filed === null).map((a) => ({
    agencyId: a.id, agencyName: a.name, prefecture: a.prefecture, status: a.status,
    remindedAt: a.reminded_at === null ? null : new Date(a.reminded_at).toISOString(), suspendedOn: a.suspended_on, revokedOn: a.duty_revoked_on,
  }));
  const reported = s.sql.exec<{ agency_id: string }>(
    'SELECT r.agency_id FROM reports r JOIN agencies a ON a.id = r.agency_id WHERE r.fiscal_year = ? AND (? IS NULL OR a.prefecture = ?) ORDER BY a.prefecture, a.id',
    fy, scope, scope).toArray().map((r) => reportRecord(s, r.agency_id, fy)!);
  return { fiscalYear: fy, reminderOn: reportReminderDate(fy), dueOn: reportDueDate(fy), graceLastDay: reportGraceLastDay(fy), reported, missing };
}
