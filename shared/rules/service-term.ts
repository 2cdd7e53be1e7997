import { addDays, civilPeriodLastDay, workingDayOnOrBefore } from './time';

/**
 * The jobseeker service's term and the licence's expiry (R-TERM-1, §2(2), §8(2)④a). The terms fix
 * no term length: the bureau sets it at admission and renewal; these are the defaults it gets when
 * it gives none (docs/decisions.md). Every function takes the day it reasons about (T-5).
 */

/** The default term in months, counted as T-2 counts (from the day after the decision). */
export const SERVICE_TERM_MONTHS = 36;
/** How many days before the end the agency is reminded (R-TERM-1). */
export const TERM_REMINDER_DAYS = 30;

/**
 * The default last day of a term decided on `decidedOn` (an admission): 36 months counted from the
 * next day, because a decision is made during a day (T-2).
 *
 * @example defaultTermEnd('2026-12-01'); // '2029-12-01'
 */
export function defaultTermEnd(decidedOn: string): string {
  return civilPeriodLastDay(addDays(decidedOn, 1), SERVICE_TERM_MONTHS);
}

/**
 * The default last day of a renewed term: it follows the term it renews (counted from the day after
 * the old end), or from the decision when there was no recorded term or it had already ended.
 *
 * @example renewedTermEnd('2029-12-01', '2029-11-20'); // '2032-12-01'
 */
export function renewedTermEnd(previousEnd: string | null, decidedOn: string): string {
  const from = previousEnd !== null && previousEnd >= decidedOn ? previousEnd : decidedOn;
  return civilPeriodLastDay(addDays(from, 1), SERVICE_TERM_MONTHS);
}

/**
 * The first day of the reminder: 30 days before the last day (R-TERM-1).
 *
 * @example termReminderFrom('2027-03-31'); // '2027-03-01'
 */
export function termReminderFrom(endsOn: string): string {
  return addDays(endsOn, -TERM_REMINDER_DAYS);
}

/**
 * Whether a term (or licence) that ends on `endsOn` has ended by `today`: use stops the day after
 * its last day (R-TERM-1, §2(2)).
 *
 * @example termEnded('2027-03-31', '2027-03-31'); // false
 * termEnded('2027-03-31', '2027-04-01'); // true
 */
export function termEnded(endsOn: string, today: string): boolean {
  return today > endsOn;
}

/**
 * The last day a procedure (renewal, or a change for a renewed licence) can still come after the
 * term or licence expired, before the six-month suspension of §8(2)④a is proposed: one month
 * counted from the day after the expiry (T-2), moved back to a working day (T-3).
 *
 * @example procedureGraceLastDay('2027-03-31'); // '2027-04-30'
 * procedureGraceLastDay('2027-04-04'); // '2027-04-30' (4 May is Greenery Day, 1–3 May a weekend and a holiday)
 */
export function procedureGraceLastDay(expiresOn: string): string {
  return workingDayOnOrBefore(civilPeriodLastDay(addDays(expiresOn, 1), 1));
}

/**
 * What the agency should be shown about its term today (the dashboard banner): `ending` from 30
 * days before the last day, `ended` after it, else null.
 *
 * @example termNotice('2027-03-31', '2027-03-01'); // 'ending'
 */
export function termNotice(endsOn: string | null | undefined, today: string): 'ending' | 'ended' | null {
  if (!endsOn) return null;
  if (termEnded(endsOn, today)) return 'ended';
  return today >= termReminderFrom(endsOn) ? 'ending' : null;
}
