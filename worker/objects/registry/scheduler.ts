import { addDays, fiscalYear, jstDate, jstMidnight, reportDueDate, reportGraceLastDay, reportReminderDate } from '../../../shared/rules';
import { agencyStub } from '../../lib/stubs';
import { appendAudit } from './audit';
import { expireRegistrations } from './registrations';
import { requestMissingReports } from './reports';
import { applyStatus, closeSuspension, markResumed, revokeNow, suspendNow } from './sanctions';
import { insertViolation } from './violations';
import { runTermDuties } from './service-term';
import { agencyRow, type RegistryStore, type SuspensionRow } from './store';

/**
 * Everything the rules do by themselves at `now`, idempotent so it may run at any time and any
 * number of times (cron, clock moves): registration expiry (R-APP-1), revocation after an
 * unremedied report suspension (R-REP-3), fixed suspensions ending (R-SAN-2), the March
 * reminder (R-REP-2), the bureau's request to submit from 21 April, and the automatic suspension
 * after the grace month of the agencies it reached (R-REP-3), and the service term's reminder, end
 * and proposal (R-TERM-1).
 *
 * @example await registry.runScheduledWork(now.getTime());
 */
export async function runScheduledWork(
  s: RegistryStore,
  now: number,
): Promise<{
  ok: true;
  expired: number;
  revoked: number;
  resumed: number;
  reminded: number;
  requested: number;
  suspended: number;
  term: { reminded: number; stopped: number; proposed: number };
}> {
  const today = jstDate(new Date(now));
  const { expired } = await expireRegistrations(s, now);

  // R-REP-3: still no report when the six months of the report suspension are over.
  let revoked = 0;
  const overdue = s.sql
    .exec<{ agency_id: string; fiscal_year: number; ends_on: string }>(
      `SELECT d.agency_id, d.fiscal_year, s.ends_on FROM report_duties d JOIN suspensions s ON s.id = d.suspension_id
     JOIN agencies a ON a.id = d.agency_id
     WHERE d.revoked_on IS NULL AND a.status = 'suspended' AND s.ended_on IS NULL AND s.ends_on < ?
       AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.agency_id = d.agency_id AND r.fiscal_year = d.fiscal_year)`,
      today,
    )
    .toArray();
  for (const duty of overdue) {
    const row = agencyRow(s, duty.agency_id)!;
    const violation = insertViolation(
      s,
      row.id,
      {
        category: 'missed_procedure',
        note: `${duty.fiscal_year}年度の利用状況の報告が停止期間（${duty.ends_on}まで）を過ぎても提出されていません。`,
        notImprovedWithinSuspension: true,
      },
      'system',
      now,
    );
    const r = await revokeNow(s, row, violation.proposal.reason, violation.id, 'system', now);
    if (!r.ok) continue;
    s.sql.exec('UPDATE report_duties SET revoked_on = ? WHERE agency_id = ? AND fiscal_year = ?', today, duty.agency_id, duty.fiscal_year);
    revoked++;
  }

  // R-SAN-2: a fixed suspension ends by itself; use resumes the day after its last day.
  let resumed = 0;
  const ending = s.sql
    .exec<SuspensionRow>(
      `SELECT s.* FROM suspensions s JOIN agencies a ON a.id = s.agency_id
     WHERE a.status = 'suspended' AND s.ended_on IS NULL AND s.kind = 'fixed' AND s.ends_on < ?`,
      today,
    )
    .toArray();
  for (const ended of ending) {
    const row = agencyRow(s, ended.agency_id)!;
    const r = await applyStatus(s, row, 'active', null, now);
    if (!r.ok) continue;
    const resumedOn = addDays(ended.ends_on!, 1);
    s.tx(() => {
      closeSuspension(s, ended.agency_id, resumedOn, 'system', 'expired');
      markResumed(s, ended.agency_id, resumedOn);
      appendAudit(
        s,
        now,
        'system',
        'suspension.expire',
        ended.agency_id,
        `停止期間（${ended.starts_on}〜${ended.ends_on}）が終了したため`,
        { suspensionId: ended.id },
      );
    });
    resumed++;
  }

  // R-REP-2: the reminder on the third Monday of March (sent late if the run on that day was missed).
  let reminded = 0;
  for (const fy of [fiscalYear(today) - 1, fiscalYear(today)]) {
    const due = reportDueDate(fy);
    if (today < reportReminderDate(fy) || today > due) continue;
    const targets = s.sql
      .exec<{ id: string }>(
        `SELECT a.id FROM agencies a WHERE a.status IN ('active', 'suspended') AND a.admitted_on <= ?
         AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.agency_id = a.id AND r.fiscal_year = ?)
         AND NOT EXISTS (SELECT 1 FROM report_duties d WHERE d.agency_id = a.id AND d.fiscal_year = ? AND d.reminded_at IS NOT NULL)`,
        `${fy + 1}-03-31`,
        fy,
        fy,
      )
      .toArray();
    for (let i = 0; i < targets.length; i += 50) {
      const batch = targets.slice(i, i + 50);
      await Promise.all(batch.map(({ id }) => agencyStub(s.env, id).remindReport(fy, due, now)));
      for (const { id } of batch) {
        s.sql.exec(
          'INSERT INTO report_duties (agency_id, fiscal_year, reminded_at) VALUES (?, ?, ?) ON CONFLICT (agency_id, fiscal_year) DO UPDATE SET reminded_at = excluded.reminded_at',
          id,
          fy,
          now,
        );
      }
      reminded += batch.length;
    }
    if (targets.length)
      appendAudit(s, now, 'system', 'report.remind', `fiscal_year:${fy}`, '3月の第3月曜日の報告リマインド（利用規約§19(1)）', {
        agencies: targets.length,
        dueOn: due,
      });
  }

  const requested = await requestMissingReports(s, today, now);

  // R-REP-3: requested, still missing when the grace month has passed → six months' suspension.
  let suspended = 0;
  const missing = s.sql
    .exec<{ agency_id: string; fiscal_year: number }>(
      `SELECT d.agency_id, d.fiscal_year FROM report_duties d JOIN agencies a ON a.id = d.agency_id
     WHERE d.requested_at IS NOT NULL AND d.suspension_id IS NULL AND a.status = 'active'
       AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.agency_id = d.agency_id AND r.fiscal_year = d.fiscal_year)`,
    )
    .toArray()
    .filter((d) => today > reportGraceLastDay(d.fiscal_year));
  for (const duty of missing) {
    const row = agencyRow(s, duty.agency_id)!;
    const grace = reportGraceLastDay(duty.fiscal_year);
    const violation = insertViolation(
      s,
      row.id,
      {
        category: 'missed_procedure',
        note: `${duty.fiscal_year}年度の利用状況の報告が期限（${reportDueDate(duty.fiscal_year)}）の翌日から1か月（${grace}まで）を過ぎても提出されていません。`,
      },
      'system',
      now,
    );
    const reason = `${duty.fiscal_year}年度の利用状況の報告が、提出依頼にもかかわらず${grace}までに提出されなかったため（利用規約§19(1)、§8(2)④a）`;
    const r = await suspendNow(
      s,
      row,
      { kind: 'fixed', months: 6, reason, violationId: violation.id },
      'system',
      now,
      jstMidnight(today).getTime(),
    );
    if (!r.ok) continue;
    s.sql.exec(
      'UPDATE report_duties SET suspension_id = ?, suspended_on = ? WHERE agency_id = ? AND fiscal_year = ?',
      r.suspensionId,
      today,
      duty.agency_id,
      duty.fiscal_year,
    );
    suspended++;
  }
  const term = await runTermDuties(s, now);
  return { ok: true as const, expired, revoked, resumed, reminded, requested, suspended, term };
}
