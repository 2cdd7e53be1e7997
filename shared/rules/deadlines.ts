import {
  addDays,
  addMonthsClamped,
  civilPeriodLastDay,
  fiscalYear,
  jstDate,
  jstMidnight,
  lastDayOfMonth,
  workingDayOnOrBefore,
} from './time';

/**
 * The dates and time windows the terms set. Every function takes the day or instant it
 * reasons about as a parameter (T-5); none reads the clock.
 *
 * A returned "last day" is inclusive: the thing is still allowed (or still due) on that
 * JST day and not after it.
 */

/**
 * The last day on which a registration made in the system can still be completed: the
 * signed application received and accepted by the bureau (R-APP-1, §10). Fourteen days
 * counted from the day after registration (T-2), moved back to the working day before
 * when it ends on an administrative holiday (T-3). After it the registration is deleted.
 *
 * @example
 * applicationDeadline('2026-11-27'); // '2026-12-11'
 * applicationDeadline('2026-12-18'); // '2026-12-28' (1 Jan and the year-end break roll back)
 */
export function applicationDeadline(registeredOn: string): string {
  // Counting starts the day after, so day 14 is registeredOn + 14.
  return workingDayOnOrBefore(addDays(registeredOn, 14));
}

/**
 * The last day an ended account's ID (its email address) stays reserved (R-APP-2, §2(2) 注2).
 * Five years under the Civil Code (T-2): the day the account ended is not counted.
 * No holiday roll: T-3 protects someone who must act by a date, and a reservation is not
 * a duty anyone performs.
 *
 * @example
 * emailReservedUntil('2026-11-27'); // '2031-11-27'
 */
export function emailReservedUntil(endedOn: string): string {
  return civilPeriodLastDay(addDays(endedOn, 1), 5 * 12);
}

/**
 * The first day a revoked (利用解除) agency may apply again (R-APP-3, §5 and §8(4)).
 * §5 counts the three years 「利用解除となった日から起算して」, so the revocation day is
 * day one, and the ban covers every day up to the Civil Code end of the period (T-2).
 * No holiday roll: shortening a ban would favour the revoked agency, not protect it.
 *
 * @example
 * reapplyAllowedFrom('2026-11-27'); // '2029-11-27'
 * reapplyAllowedFrom('2028-02-29'); // '2031-03-01' (the ban ends on 2031-02-28)
 */
export function reapplyAllowedFrom(revokedOn: string): string {
  return addDays(civilPeriodLastDay(revokedOn, 3 * 12), 1);
}

/**
 * The first day counted in a period that begins at the instant `at` (T-2, Civil Code Art. 140): a
 * period begun during a day starts counting the next day; one begun at 00:00 JST counts that day.
 *
 * @example
 * firstCountedDay(new Date('2026-12-02T10:00:00+09:00')); // '2026-12-03'
 * firstCountedDay(new Date('2026-12-02T00:00:00+09:00')); // '2026-12-02'
 */
export function firstCountedDay(at: Date): string {
  const day = jstDate(at);
  return at.getTime() === jstMidnight(day).getTime() ? day : addDays(day, 1);
}

/**
 * The last day of a fixed suspension (利用停止) of `months` months imposed at `imposedAt`
 * (R-SAN-2, §8(2)). The suspension is effective at once, but its months are counted by the
 * Civil Code (T-2): imposed during a day, counting starts the next day. Service resumes the day
 * after the returned date. No holiday roll (decision 10).
 *
 * @example
 * suspensionLastDay(new Date('2026-12-02T10:00:00+09:00'), 1); // '2027-01-02'
 * suspensionLastDay(new Date('2026-12-02T10:00:00+09:00'), 6); // '2027-06-02'
 * suspensionLastDay(new Date('2026-12-02T00:00:00+09:00'), 1); // '2027-01-01'
 */
export function suspensionLastDay(imposedAt: Date, months: number): string {
  return civilPeriodLastDay(firstCountedDay(imposedAt), months);
}

/**
 * The day a registration whose signed form the bureau has not recorded as received is deleted
 * (R-APP-1, §10 「14日を超える」): the 14 days count from the day after registration and are not
 * rolled back for holidays, so deletion comes on the 15th day. The submission deadline
 * (`applicationDeadline`) rolls back; the deletion date does not.
 *
 * @example
 * registrationDeletionDate('2026-12-18'); // '2027-01-02' (submission deadline 2026-12-28)
 */
export function registrationDeletionDate(registeredOn: string): string {
  return addDays(registeredOn, 15);
}

/**
 * The end of the window in which acquired jobseeker data must become an accepted
 * application (R-RET-1, §7(2)①オ(ウ)): the last day of the month after next after
 * acquisition (取得した月の翌々月の末日).
 *
 * @example
 * retentionWindowEnd('2026-11-27'); // '2027-01-31'
 */
export function retentionWindowEnd(acquiredOn: string): string {
  return lastDayOfMonth(addMonthsClamped(`${acquiredOn.slice(0, 7)}-01`, 2));
}

/**
 * The last day an agency may keep jobseeker data it acquired on `acquiredOn`
 * (R-RET-1, R-RET-2, §7(2)①オ(ウ)); the sweeper deletes it once the JST date is later.
 *
 * Without an acceptance (求職受理 — the agency accepted the jobseeker's application) in
 * the window, the data goes at the window end. With one, it is kept for one year counted
 * from 1 April of the fiscal year after the acceptance, i.e. through 31 March two fiscal
 * years on. An acceptance after the window extends nothing: the data was due for deletion.
 * No holiday roll (T-3 moves deadlines for acting, not retention limits).
 *
 * @example
 * retentionDeadline('2026-11-27');               // '2027-01-31'
 * retentionDeadline('2026-11-27', '2026-11-15'); // '2028-03-31'
 * retentionDeadline('2027-02-10', '2027-04-01'); // '2029-03-31'
 * retentionDeadline('2026-11-27', '2027-02-01'); // '2027-01-31' (accepted too late)
 */
export function retentionDeadline(acquiredOn: string, acceptedOn?: string): string {
  const windowEnd = retentionWindowEnd(acquiredOn);
  if (acceptedOn === undefined || acceptedOn > windowEnd) return windowEnd;
  const keptThrough = `${fiscalYear(acceptedOn) + 2}-03-31`;
  // An application accepted long before the profile was acquired must not make freshly
  // acquired data overdue the moment it arrives; the window always applies at least.
  return keptThrough > windowEnd ? keptThrough : windowEnd;
}

/**
 * The day a fiscal year's usage report (利用状況の報告) is due: 20 April after the fiscal
 * year ends (R-REP-1, §19(1)).
 *
 * @example
 * reportDueDate(2026); // '2027-04-20'
 */
export function reportDueDate(fiscalYear: number): string {
  return `${fiscalYear + 1}-04-20`;
}

/**
 * The day agencies are reminded of the coming usage report: the third Monday of March
 * at the end of the fiscal year (R-REP-2, §19(1)).
 *
 * @example
 * reportReminderDate(2026); // '2027-03-15'
 */
export function reportReminderDate(fiscalYear: number): string {
  const year = fiscalYear + 1;
  const firstWeekday = new Date(Date.UTC(year, 2, 1)).getUTCDay();
  const firstMonday = 1 + ((8 - firstWeekday) % 7);
  return `${year}-03-${String(firstMonday + 14).padStart(2, '0')}`;
}

/**
 * The last day a missing usage report can still arrive before the automatic six-month
 * suspension (R-REP-3, §19(1), §8(2)④a): one month counted from 21 April, the day after
 * the deadline (T-2), moved back to a working day when it is an administrative holiday (T-3).
 * The suspension starts the day after the returned date.
 *
 * @example
 * reportGraceLastDay(2026); // '2027-05-20'
 * reportGraceLastDay(2027); // '2028-05-19' (20 May 2028 is a Saturday)
 */
export function reportGraceLastDay(fiscalYear: number): string {
  return workingDayOnOrBefore(civilPeriodLastDay(addDays(reportDueDate(fiscalYear), 1), 1));
}

const SIX_HOURS_MS = 6 * 60 * 60 * 1000;
const MONTH_END_CLOSE_MINUTES = 21 * 60 + 30;

/**
 * When the service reopens if `at` falls in a maintenance window (R-OPS-1, §16), else
 * `null`. Windows: every day 00:00–06:00 JST, and on the last day of each month from
 * 21:30 JST to 06:00 JST the next day. Both end at 06:00 exclusive.
 *
 * @example
 * maintenanceUntil(new Date('2026-11-27T20:59:59.999Z')); // 2026-11-27T21:00:00.000Z (06:00 JST on the 28th)
 * maintenanceUntil(new Date('2026-11-30T12:30:00Z'));     // 2026-11-30T21:00:00.000Z (21:30 JST on 30 Nov)
 * maintenanceUntil(new Date('2026-11-27T03:00:00Z'));     // null (12:00 JST)
 */
export function maintenanceUntil(at: Date): Date | null {
  const day = jstDate(at);
  const minutes = Math.floor((at.getTime() - jstMidnight(day).getTime()) / 60_000);
  if (minutes < 6 * 60) return new Date(jstMidnight(day).getTime() + SIX_HOURS_MS);
  if (minutes >= MONTH_END_CLOSE_MINUTES && day === lastDayOfMonth(day)) {
    return new Date(jstMidnight(addDays(day, 1)).getTime() + SIX_HOURS_MS);
  }
  return null;
}

/**
 * The most messages an agency may send in one JST day, first messages and answers
 * together (R-CAP-1, §7(2)①キ).
 *
 * @example
 * if (sentToday >= DAILY_CAP) refuse({ used: sentToday, limit: DAILY_CAP });
 */
export const DAILY_CAP = 1000;

/**
 * When the daily cap that covers `at` resets: the next 00:00 JST (R-CAP-1, §7(2)①キ).
 *
 * @example
 * capResetsAt(new Date('2026-11-27T14:59:59Z')); // 2026-11-27T15:00:00.000Z
 * capResetsAt(new Date('2026-11-27T15:00:00Z')); // 2026-11-28T15:00:00.000Z
 */
export function capResetsAt(at: Date): Date {
  return jstMidnight(addDays(jstDate(at), 1));
}

/**
 * The last day a Hello Work registration made (or extended) on `registeredOn` is valid: the last
 * day of the month after next (R-FEED-6). The profile stays in the feed through that JST day and
 * leaves it at the following midnight, unless the bureau's reload extends it.
 *
 * @example
 * registrationValidUntil('2026-11-27'); // '2027-01-31'
 * registrationValidUntil('2026-12-31'); // '2027-02-28'
 * registrationValidUntil('2027-12-01'); // '2028-02-29'
 */
export function registrationValidUntil(registeredOn: string): string {
  return lastDayOfMonth(addMonthsClamped(`${registeredOn.slice(0, 8)}01`, 2));
}
