import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays,
  addMonthsClamped,
  civilPeriodLastDay,
  fiscalYear,
  formatJstDateTime,
  isAdministrativeHoliday,
  isValidDate,
  jstDate,
  jstDateTimeParts,
  jstMidnight,
  lastDayOfMonth,
  workingDayOnOrBefore,
} from './time';

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe('jstDate', () => {
  it.each([
    ['2026-11-27T14:59:59.999Z', '2026-11-27'],
    ['2026-11-27T15:00:00.000Z', '2026-11-28'],
    ['2026-11-27T00:00:00.000Z', '2026-11-27'],
    ['2026-12-31T14:59:59.999Z', '2026-12-31'],
    ['2026-12-31T15:00:00.000Z', '2027-01-01'],
    ['2027-03-31T14:59:59.999Z', '2027-03-31'],
    ['2027-03-31T15:00:00.000Z', '2027-04-01'],
    ['2028-02-28T15:00:00.000Z', '2028-02-29'],
  ])('T-1 %s is JST day %s', (instant, day) => {
    expect(jstDate(new Date(instant))).toBe(day);
  });

  it.each(['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati'])(
    'T-1 gives the JST day whatever the host time zone (%s)',
    (tz) => {
      process.env.TZ = tz;
      expect(jstDate(new Date('2026-11-27T14:59:59Z'))).toBe('2026-11-27');
      expect(jstDate(new Date('2026-11-27T15:00:00Z'))).toBe('2026-11-28');
    },
  );

  it('T-1 refuses an invalid instant', () => {
    expect(() => jstDate(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('formatJstDateTime', () => {
  it('T-1 writes an instant as JST wall time on both sides of midnight JST', () => {
    expect(formatJstDateTime(Date.parse('2026-11-27T14:59:00Z'))).toBe('2026年11月27日 23:59');
    expect(formatJstDateTime('2026-11-27T15:00:00.000Z')).toBe('2026年11月28日 00:00');
    expect(formatJstDateTime(new Date('2026-03-31T15:00:00Z'))).toBe('2026年4月1日 00:00');
    expect(jstDateTimeParts('2026-12-31T15:05:00Z')).toEqual({ year: 2027, month: 1, day: 1, hour: 0, minute: 5 });
  });

  it('T-1 refuses an invalid instant', () => {
    expect(() => formatJstDateTime('not a date')).toThrow(RangeError);
  });
});

describe('jstMidnight', () => {
  it.each([
    ['2026-11-28', '2026-11-27T15:00:00.000Z'],
    ['2027-01-01', '2026-12-31T15:00:00.000Z'],
    ['2028-02-29', '2028-02-28T15:00:00.000Z'],
  ])('T-1 00:00 JST on %s is %s', (day, instant) => {
    expect(jstMidnight(day).toISOString()).toBe(instant);
  });

  it.each(['2026-11-28', '2027-04-01', '2028-02-29'])(
    'T-1 %s starts exactly at its JST midnight: one millisecond earlier is the day before',
    (day) => {
      const midnight = jstMidnight(day);
      expect(jstDate(midnight)).toBe(day);
      expect(jstDate(new Date(midnight.getTime() - 1))).toBe(addDays(day, -1));
    },
  );
});

describe('isValidDate', () => {
  it.each([
    ['2026-11-27', true],
    ['2028-02-29', true],
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2100-02-29', false],
    ['2000-02-29', true],
    ['2026-04-30', true],
    ['2026-04-31', false],
    ['2026-12-31', true],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-4-01', false],
    ['2026/04/01', false],
    ['2026-04-01T00:00', false],
    ['', false],
  ])('T-1 %s is a calendar day: %s', (date, valid) => {
    expect(isValidDate(date)).toBe(valid);
  });

  it('T-1 day arithmetic refuses a day that does not exist', () => {
    expect(() => addDays('2026-02-29', 1)).toThrow(RangeError);
    expect(() => fiscalYear('2026-4-1')).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it.each([
    ['2026-11-27', 14, '2026-12-11'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2028-02-29', 1, '2028-03-01'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2027-03-31', 1, '2027-04-01'],
    ['2026-11-27', 0, '2026-11-27'],
  ])('T-1 %s plus %i days is %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });
});

describe('addMonthsClamped', () => {
  it.each([
    ['2026-05-31', -3, '2026-02-28'],
    ['2028-05-31', -3, '2028-02-29'],
    ['2026-05-15', -3, '2026-02-15'],
    ['2027-01-15', -3, '2026-10-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2026-11-27', 2, '2027-01-27'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-03-31', 1, '2026-04-30'],
  ])('T-2 %s shifted by %i months is %s', (date, months, expected) => {
    expect(addMonthsClamped(date, months)).toBe(expected);
  });
});

describe('lastDayOfMonth', () => {
  it.each([
    ['2026-11-27', '2026-11-30'],
    ['2026-12-01', '2026-12-31'],
    ['2027-02-10', '2027-02-28'],
    ['2028-02-10', '2028-02-29'],
    ['2100-02-01', '2100-02-28'],
    ['2027-04-30', '2027-04-30'],
  ])('T-2 the month of %s ends on %s', (date, expected) => {
    expect(lastDayOfMonth(date)).toBe(expected);
  });
});

describe('civilPeriodLastDay', () => {
  it.each([
    ['2026-11-27', 6, '2027-05-26'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2027-08-29', 6, '2028-02-28'],
    ['2027-08-30', 6, '2028-02-29'],
    ['2026-03-01', 1, '2026-03-31'],
    ['2027-04-21', 1, '2027-05-20'],
    ['2026-04-01', 12, '2027-03-31'],
    ['2028-02-29', 36, '2031-02-28'],
    ['2028-03-01', 36, '2031-02-28'],
    ['2026-11-28', 60, '2031-11-27'],
  ])('T-2 a period counted from %s for %i months ends on %s', (first, months, expected) => {
    expect(civilPeriodLastDay(first, months)).toBe(expected);
  });
});

describe('isAdministrativeHoliday', () => {
  it.each([
    // Golden Week 2026, with the substitute holiday on Wednesday 6 May
    ['2026-04-28', false, 'Tuesday before Shōwa Day'],
    ['2026-04-29', true, 'Shōwa Day'],
    ['2026-04-30', false, 'Thursday between holidays'],
    ['2026-05-01', false, 'Friday between holidays'],
    ['2026-05-02', true, 'Saturday'],
    ['2026-05-03', true, 'Constitution Day (Sunday)'],
    ['2026-05-04', true, 'Greenery Day'],
    ['2026-05-05', true, "Children's Day"],
    ['2026-05-06', true, 'substitute holiday'],
    ['2026-05-07', false, 'Thursday after Golden Week'],
    // Silver Week 2026: a citizens' holiday (国民の休日) between two holidays
    ['2026-09-21', true, 'Respect for the Aged Day'],
    ['2026-09-22', true, "citizens' holiday"],
    ['2026-09-23', true, 'Autumnal Equinox Day'],
    ['2026-09-24', false, 'Thursday after Silver Week'],
    // Vernal Equinox on a Sunday in 2027
    ['2027-03-19', false, 'Friday'],
    ['2027-03-21', true, 'Vernal Equinox Day (Sunday)'],
    ['2027-03-22', true, 'substitute holiday'],
    ['2027-03-23', false, 'Tuesday'],
    // Year-end break on weekdays that are not national holidays
    ['2026-12-28', false, 'last working day of 2026'],
    ['2026-12-29', true, 'year-end break (Tuesday)'],
    ['2026-12-31', true, 'year-end break (Thursday)'],
    ['2027-01-01', true, "New Year's Day"],
    ['2027-01-04', false, 'first working day of 2027'],
    ['2028-01-03', true, 'year-end break (Monday)'],
    ['2028-01-04', false, 'first working day of 2028'],
    // Ordinary weeks
    ['2026-11-27', false, 'Friday'],
    ['2026-11-28', true, 'Saturday'],
    ['2026-11-29', true, 'Sunday'],
    ['2026-11-30', false, 'Monday'],
    ['2026-02-23', true, "Emperor's Birthday"],
    ['2026-02-24', false, 'Tuesday'],
    ['2028-02-29', false, 'leap day (Tuesday)'],
  ])('T-3 %s is an administrative holiday: %s (%s)', (date, expected) => {
    expect(isAdministrativeHoliday(date)).toBe(expected);
  });

  it.each(['UTC', 'America/Los_Angeles', 'Asia/Tokyo'])('T-3 reads the dataset by day, not the host time zone (%s)', (tz) => {
    process.env.TZ = tz;
    expect(isAdministrativeHoliday('2026-05-06')).toBe(true);
    expect(isAdministrativeHoliday('2026-05-07')).toBe(false);
    expect(isAdministrativeHoliday('2026-04-30')).toBe(false);
  });
});

describe('workingDayOnOrBefore', () => {
  it.each([
    ['2026-12-11', '2026-12-11'],
    ['2026-12-12', '2026-12-11'],
    ['2027-01-01', '2026-12-28'],
    ['2027-01-03', '2026-12-28'],
    ['2027-01-04', '2027-01-04'],
    ['2026-05-06', '2026-05-01'],
    ['2026-09-22', '2026-09-18'],
    ['2027-03-22', '2027-03-19'],
  ])('T-3 a last day on %s moves to %s', (date, expected) => {
    expect(workingDayOnOrBefore(date)).toBe(expected);
  });
});

describe('fiscalYear', () => {
  it.each([
    ['2026-03-31', 2025],
    ['2026-04-01', 2026],
    ['2026-12-31', 2026],
    ['2027-01-01', 2026],
    ['2027-03-31', 2026],
    ['2027-04-01', 2027],
    ['2028-02-29', 2027],
  ])('T-4 %s belongs to fiscal year %i', (date, expected) => {
    expect(fiscalYear(date)).toBe(expected);
  });
});
