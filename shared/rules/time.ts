import holidayJp from '@holiday-jp/holiday_jp';

/**
 * Calendar primitives every rule is built on (SPEC T-1 to T-4).
 *
 * A calendar day is a `YYYY-MM-DD` string read as a JST date; an instant is a `Date`.
 * Day arithmetic runs on UTC midnights so that neither the host's time zone nor
 * daylight saving (which Japan does not have, but the host may) can shift a day.
 */

const MS_PER_DAY = 86_400_000;
/** Japan has had no daylight saving since 1951, so a fixed offset is exact. */
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

type CalendarParts = { year: number; month: number; day: number };

function parts(date: string): CalendarParts {
  const match = DATE_PATTERN.exec(date);
  if (match && isValidDate(date)) {
    return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  }
  // A malformed date reaching a rule is a bug upstream (schemas validate input), not a user error.
  throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

function utcMidnight({ year, month, day }: CalendarParts): number {
  return Date.UTC(year, month - 1, day);
}

function fromUtcMidnight(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function format(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function shiftMonth(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
}

/**
 * Whether `date` is a real calendar day written as `YYYY-MM-DD`.
 *
 * @example
 * isValidDate('2028-02-29'); // true (leap year)
 * isValidDate('2026-02-29'); // false
 * isValidDate('2026-4-1');   // false (not zero-padded)
 */
export function isValidDate(date: string): boolean {
  const match = DATE_PATTERN.exec(date);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(match[1]), month);
}

/**
 * The JST calendar day an instant falls on (T-1).
 *
 * @example
 * jstDate(new Date('2026-11-27T14:59:59Z')); // '2026-11-27'
 * jstDate(new Date('2026-11-27T15:00:00Z')); // '2026-11-28'
 */
export function jstDate(at: Date): string {
  const ms = at.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  return new Date(ms + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** An instant's JST wall-clock parts (T-1); the one place the worker and the extension read them. */
export type JstDateTimeParts = { year: number; month: number; day: number; hour: number; minute: number };

/**
 * The JST calendar day and clock time of an instant (T-1).
 *
 * @example
 * jstDateTimeParts('2026-04-01T15:00:00.000Z'); // { year: 2026, month: 4, day: 2, hour: 0, minute: 0 }
 */
export function jstDateTimeParts(at: Date | string | number): JstDateTimeParts {
  const ms = new Date(at).getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  const d = new Date(ms + JST_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
}

/**
 * An instant as Japanese wall time for people (T-1), as the worker writes it into notices and
 * problem details.
 *
 * @example
 * formatJstDateTime(Date.parse('2026-11-27T01:00:00Z')); // '2026年11月27日 10:00'
 */
export function formatJstDateTime(at: Date | string | number): string {
  const p = jstDateTimeParts(at);
  return `${p.year}年${p.month}月${p.day}日 ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

/**
 * The instant of 00:00 JST on `date` (T-1).
 *
 * @example
 * jstMidnight('2026-11-28').toISOString(); // '2026-11-27T15:00:00.000Z'
 */
export function jstMidnight(date: string): Date {
  return new Date(utcMidnight(parts(date)) - JST_OFFSET_MS);
}

/**
 * The calendar day `n` days after `date` (before it when `n` is negative).
 *
 * @example
 * addDays('2028-02-28', 1);  // '2028-02-29'
 * addDays('2027-01-01', -1); // '2026-12-31'
 */
export function addDays(date: string, n: number): string {
  return fromUtcMidnight(utcMidnight(parts(date)) + n * MS_PER_DAY);
}

/**
 * The same-numbered day `months` later (earlier when negative), or that month's last day
 * when it has no such day.
 *
 * @example
 * addMonthsClamped('2026-05-31', -3); // '2026-02-28'
 * addMonthsClamped('2028-02-29', 12); // '2029-02-28'
 */
export function addMonthsClamped(date: string, months: number): string {
  const { year, month, day } = parts(date);
  const target = shiftMonth(year, month, months);
  return format(target.year, target.month, Math.min(day, daysInMonth(target.year, target.month)));
}

/**
 * The last day of the month `date` falls in.
 *
 * @example
 * lastDayOfMonth('2028-02-10'); // '2028-02-29'
 * lastDayOfMonth('2027-02-10'); // '2027-02-28'
 */
export function lastDayOfMonth(date: string): string {
  const { year, month } = parts(date);
  return format(year, month, daysInMonth(year, month));
}

/**
 * The last day of a period of `months` months whose first counted day (起算日) is
 * `firstCountedDay`, under Civil Code Art. 143 (T-2): the day before the same-numbered
 * day (応当日) of the last month, or that month's last day when it has no such day.
 *
 * Whether the day of the triggering event counts (Art. 140) is the caller's choice: pass
 * the event day when the period starts at 00:00, the day after it otherwise.
 *
 * @example
 * civilPeriodLastDay('2026-11-27', 6);  // '2027-05-26'
 * civilPeriodLastDay('2026-08-31', 6);  // '2027-02-28' (no 31 Feb: month's last day)
 * civilPeriodLastDay('2027-04-21', 1);  // '2027-05-20'
 */
export function civilPeriodLastDay(firstCountedDay: string, months: number): string {
  const { year, month, day } = parts(firstCountedDay);
  const target = shiftMonth(year, month, months);
  const last = daysInMonth(target.year, target.month);
  if (day > last) return format(target.year, target.month, last);
  return addDays(format(target.year, target.month, day), -1);
}

/**
 * National holidays keyed by `YYYY-MM-DD`, from the holiday-jp dataset (1970–2050), which
 * already lists substitute holidays (振替休日) and citizens' holidays (国民の休日).
 * Read from the data, not through `isHoliday(Date)`, because that reads the host time zone
 * and Workers run in UTC.
 */
const nationalHolidays: ReadonlySet<string> = new Set(Object.keys(holidayJp.holidays));

/**
 * Whether `date` is an administrative holiday (行政機関の休日, Act on Holidays of
 * Administrative Organs Art. 1): Saturday, Sunday, a national holiday, or 29 Dec–3 Jan (T-3).
 * National holidays are known for 1970–2050 (the dataset's range); later years see
 * weekends and the year-end break only.
 *
 * @example
 * isAdministrativeHoliday('2026-05-06'); // true (substitute holiday for Children's Day)
 * isAdministrativeHoliday('2026-12-29'); // true (year-end break)
 * isAdministrativeHoliday('2026-12-28'); // false
 */
export function isAdministrativeHoliday(date: string): boolean {
  const p = parts(date);
  const weekday = new Date(utcMidnight(p)).getUTCDay();
  if (weekday === 0 || weekday === 6) return true;
  if ((p.month === 12 && p.day >= 29) || (p.month === 1 && p.day <= 3)) return true;
  return nationalHolidays.has(date);
}

/**
 * `date` itself when it is a working day, else the latest working day before it (T-3:
 * the terms move a last day that falls on an administrative holiday to the day before).
 *
 * @example
 * workingDayOnOrBefore('2027-01-01'); // '2026-12-28'
 * workingDayOnOrBefore('2026-12-11'); // '2026-12-11'
 */
export function workingDayOnOrBefore(date: string): string {
  let day = date;
  while (isAdministrativeHoliday(day)) day = addDays(day, -1);
  return day;
}

/**
 * The fiscal year (年度) `date` belongs to, named by the calendar year it starts in (T-4).
 *
 * @example
 * fiscalYear('2026-04-01'); // 2026
 * fiscalYear('2027-03-31'); // 2026
 */
export function fiscalYear(date: string): number {
  const { year, month } = parts(date);
  return month >= 4 ? year : year - 1;
}
