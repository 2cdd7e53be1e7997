import {
  fiscalYear,
  jstDate,
  reportDueDate,
  reportGraceLastDay,
  reportPartErrors,
  reportParts,
  reportReminderDate,
} from '../../../shared/rules';
import type { AnnualReportRecord, AnnualReportRequest, MissingReport, ReportsOverview } from '../../../shared/schemas';
import { bureauName, type PrefectureCode } from '../../../shared/data/prefectures';
import { refuse, type Refusal } from '../../lib/problem';
import { agencyStub } from '../../lib/stubs';
import { appendAudit } from './audit';
import { agencyRow, usable, type AgencyRow, type RegistryStore } from './store';
import type { StaffRecord } from './types';

// Annual usage reports (R-REP-1..3).

export function reportRecord(s: RegistryStore, agencyId: string, fy: number): (AnnualReportRecord & { prefecture: PrefectureCode }) | null {
  const r = s.sql
    .exec<{
      agency_id: string;
      name: string;
      prefecture: PrefectureCode;
      report: string;
      submitted_at: number;
      updated_at: number | null;
      on_time: number;
    }>(
      'SELECT r.*, a.name, a.prefecture FROM reports r JOIN agencies a ON a.id = r.agency_id WHERE r.agency_id = ? AND r.fiscal_year = ?',
      agencyId,
      fy,
    )
    .toArray()[0];
  if (!r) return null;
  return {
    agencyId: r.agency_id,
    agencyName: r.name,
    prefecture: r.prefecture,
    submittedAt: new Date(r.submitted_at).toISOString(),
    report: { fiscalYear: fy, ...(JSON.parse(r.report) as AnnualReportRequest) },
    onTime: r.on_time === 1,
    ...(r.updated_at ? { updatedAt: new Date(r.updated_at).toISOString() } : {}),
  };
}

/**
 * Files (or corrects) a fiscal year's usage report (R-REP-1, §19(1)): one part per service the
 * agency uses, fee figures exactly when it is a paid agency. Zeros are a report.
 *
 * @example await registry.fileReport('A…', 2026, { jobOffer: { hires: 0, feeTotal: 0 } }, now);
 */
export async function fileReport(
  s: RegistryStore,
  agencyId: string,
  fy: number,
  report: AnnualReportRequest,
  now: number,
): Promise<{ ok: true; created: boolean; record: AnnualReportRecord } | Refusal> {
  const row = agencyRow(s, agencyId);
  if (!row) return refuse('agency_not_found', 'この事業者は登録されていません。');
  const blocked = usable(row);
  if (blocked) return blocked;
  const today = jstDate(new Date(now));
  const opensOn = reportReminderDate(fy);
  if (today < opensOn)
    return refuse('report_period_not_open', `${fy}年度の利用状況の報告は${opensOn}から受け付けます（期限は${reportDueDate(fy)}）。`, {
      opensOn,
    });
  if (fy < fiscalYear(row.admitted_on))
    return refuse('report_year_before_admission', `利用開始日（${row.admitted_on}）より前の年度の報告は不要です。`);
  const errors = reportPartErrors(report, reportParts(row.licence_kind, row.services.split(',')));
  if (errors.length) return refuse('report_fields', errors.map((e) => e.message).join('。'), { errors });
  const existing = s.sql.exec('SELECT 1 FROM reports WHERE agency_id = ? AND fiscal_year = ?', agencyId, fy).toArray().length > 0;
  if (existing) {
    s.sql.exec(
      'UPDATE reports SET report = ?, updated_at = ? WHERE agency_id = ? AND fiscal_year = ?',
      JSON.stringify(report),
      now,
      agencyId,
      fy,
    );
  } else {
    s.sql.exec(
      'INSERT INTO reports (agency_id, fiscal_year, report, submitted_at, on_time) VALUES (?, ?, ?, ?, ?)',
      agencyId,
      fy,
      JSON.stringify(report),
      now,
      today <= reportDueDate(fy) ? 1 : 0,
    );
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
  const owing = s.sql
    .exec<
      AgencyRow & {
        filed: number | null;
        reminded_at: number | null;
        requested_at: number | null;
        suspended_on: string | null;
        duty_revoked_on: string | null;
      }
    >(
      `SELECT a.*, r.fiscal_year AS filed, d.reminded_at, d.requested_at, d.suspended_on, d.revoked_on AS duty_revoked_on FROM agencies a
       LEFT JOIN reports r ON r.agency_id = a.id AND r.fiscal_year = ?
       LEFT JOIN report_duties d ON d.agency_id = a.id AND d.fiscal_year = ?
     WHERE a.admitted_on <= ? AND (a.ended_on IS NULL OR a.ended_on > ? OR d.suspended_on IS NOT NULL) AND (? IS NULL OR a.prefecture = ?)
     ORDER BY a.prefecture, a.id`,
      fy,
      fy,
      yearEnd,
      yearEnd,
      scope,
      scope,
    )
    .toArray();
  const missing: MissingReport[] = owing
    .filter((a) => a.filed === null)
    .map((a) => ({
      agencyId: a.id,
      agencyName: a.name,
      prefecture: a.prefecture,
      status: a.status,
      remindedAt: a.reminded_at === null ? null : new Date(a.reminded_at).toISOString(),
      requestedAt: a.requested_at === null ? null : new Date(a.requested_at).toISOString(),
      suspendedOn: a.suspended_on,
      revokedOn: a.duty_revoked_on,
    }));
  const reported = s.sql
    .exec<{ agency_id: string }>(
      'SELECT r.agency_id FROM reports r JOIN agencies a ON a.id = r.agency_id WHERE r.fiscal_year = ? AND (? IS NULL OR a.prefecture = ?) ORDER BY a.prefecture, a.id',
      fy,
      scope,
      scope,
    )
    .toArray()
    .map((r) => reportRecord(s, r.agency_id, fy)!);
  return {
    fiscalYear: fy,
    reminderOn: reportReminderDate(fy),
    dueOn: reportDueDate(fy),
    graceLastDay: reportGraceLastDay(fy),
    reported,
    missing,
  };
}

/**
 * R-REP-3: from 21 April the bureau's request to submit (提出依頼) goes to every agency still
 * missing the previous fiscal year's report, in its bureau's name; the first run from 21 April
 * through the last day of the grace month sends it, so a missed run is caught up (decision 9).
 * Only agencies it reached can be suspended automatically. Idempotent; answers how many it reached.
 *
 * @example await requestMissingReports(s, '2027-04-21', now); // 3
 */
export async function requestMissingReports(s: RegistryStore, today: string, now: number): Promise<number> {
  const fy = fiscalYear(today) - 1;
  const due = reportDueDate(fy);
  const grace = reportGraceLastDay(fy);
  if (today <= due || today > grace) return 0;
  const targets = s.sql
    .exec<{ id: string; prefecture: PrefectureCode }>(
      `SELECT a.id, a.prefecture FROM agencies a WHERE a.status IN ('active', 'suspended') AND a.admitted_on <= ?
       AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.agency_id = a.id AND r.fiscal_year = ?)
       AND NOT EXISTS (SELECT 1 FROM report_duties d WHERE d.agency_id = a.id AND d.fiscal_year = ? AND d.requested_at IS NOT NULL)`,
      `${fy + 1}-03-31`,
      fy,
      fy,
    )
    .toArray();
  for (let i = 0; i < targets.length; i += 50) {
    const batch = targets.slice(i, i + 50);
    await Promise.all(
      batch.map(({ id, prefecture }) =>
        agencyStub(s.env, id).requestReport(fy, { dueOn: due, graceLastDay: grace, bureau: bureauName(prefecture) }, now),
      ),
    );
    for (const { id } of batch) {
      s.sql.exec(
        'INSERT INTO report_duties (agency_id, fiscal_year, requested_at) VALUES (?, ?, ?) ON CONFLICT (agency_id, fiscal_year) DO UPDATE SET requested_at = excluded.requested_at',
        id,
        fy,
        now,
      );
    }
  }
  if (targets.length)
    appendAudit(
      s,
      now,
      'system',
      'report.request',
      `fiscal_year:${fy}`,
      '期限までに報告のない事業者への管轄労働局からの提出依頼（利用規約§19(1)）',
      { agencies: targets.length, dueOn: due, graceLastDay: grace },
    );
  return targets.length;
}
