import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DAILY_CAP,
  applicationDeadline,
  capResetsAt,
  emailReservedUntil,
  maintenanceUntil,
  reapplyAllowedFrom,
  reportDueDate,
  reportGraceLastDay,
  registrationValidUntil,
  reportReminderDate,
  retentionDeadline,
  retentionWindowEnd,
  registrationDeletionDate,
  suspensionLastDay,
} from './deadlines';
import { isAdministrativeHoliday } from './time';

afterEach(() => {
  vi.useRealTimers();
});

describe('applicationDeadline', () => {
  it.each([
    ['2026-11-26', '2026-12-10', 'Thursday'],
    ['2026-11-27', '2026-12-11', 'Friday'],
    ['2026-11-28', '2026-12-11', 'day 14 is a Saturday'],
    ['2026-11-29', '2026-12-11', 'day 14 is a Sunday'],
    ['2026-11-30', '2026-12-14', 'Monday'],
    ['2026-12-14', '2026-12-28', 'last working day of the year'],
    ['2026-12-15', '2026-12-28', 'day 14 is 29 Dec'],
    ['2026-12-18', '2026-12-28', 'day 14 is 1 Jan'],
    ['2026-12-20', '2026-12-28', 'day 14 is 3 Jan'],
    ['2026-12-21', '2027-01-04', 'first working day of 2027'],
    ['2026-04-22', '2026-05-01', 'day 14 is the Golden Week substitute holiday'],
    ['2026-04-23', '2026-05-07', 'day after Golden Week'],
    ['2026-09-08', '2026-09-18', "day 14 is the citizens' holiday"],
    ['2027-03-08', '2027-03-19', 'day 14 is the Vernal Equinox substitute holiday'],
    ['2027-03-09', '2027-03-23', 'Tuesday'],
    ['2028-02-15', '2028-02-29', 'leap day'],
    ['2028-02-16', '2028-03-01', 'day after the leap day'],
    ['2027-03-17', '2027-03-31', 'fiscal year end'],
  ])('R-APP-1 %s registered → completes by %s (%s)', (registeredOn, expected) => {
    expect(applicationDeadline(registeredOn)).toBe(expected);
    expect(isAdministrativeHoliday(expected)).toBe(false);
  });
});

describe('emailReservedUntil', () => {
  it.each([
    ['2026-11-26', '2031-11-26'],
    ['2026-11-27', '2031-11-27'],
    ['2026-12-31', '2031-12-31'],
    ['2027-01-31', '2032-01-31'],
    ['2028-02-28', '2033-02-28'],
    ['2028-02-29', '2033-02-28'],
    ['2027-03-31', '2032-03-31'],
  ])('R-APP-2 an account ended on %s keeps its email reserved through %s', (endedOn, expected) => {
    expect(emailReservedUntil(endedOn)).toBe(expected);
  });

  it('R-APP-2 does not move the reservation off an administrative holiday', () => {
    expect(isAdministrativeHoliday('2031-12-31')).toBe(true);
    expect(emailReservedUntil('2026-12-31')).toBe('2031-12-31');
  });
});

describe('reapplyAllowedFrom', () => {
  it.each([
    ['2026-11-26', '2029-11-26'],
    ['2026-11-27', '2029-11-27'],
    ['2028-02-28', '2031-02-28'],
    ['2028-02-29', '2031-03-01'],
    ['2028-03-01', '2031-03-01'],
    ['2027-03-31', '2030-03-31'],
    ['2027-04-01', '2030-04-01'],
  ])('R-APP-3 revoked on %s → may apply again from %s', (revokedOn, expected) => {
    expect(reapplyAllowedFrom(revokedOn)).toBe(expected);
  });

  it('R-APP-3 counts the revocation day itself, so the ban ends the day before the same date three years on', () => {
    expect(reapplyAllowedFrom('2026-01-01')).toBe('2029-01-01');
  });
});

describe('suspensionLastDay', () => {
  const midnight = (day: string) => new Date(`${day}T00:00:00+09:00`);
  it.each([
    ['2026-11-27', 6, '2027-05-26'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-29', 6, '2028-02-28'],
    ['2027-08-30', 6, '2028-02-29'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-03-01', 6, '2026-08-31'],
    ['2026-10-01', 6, '2027-03-31'],
    ['2026-10-02', 6, '2027-04-01'],
    ['2027-05-21', 6, '2027-11-20'],
    ['2026-11-27', 1, '2026-12-26'],
    ['2026-11-27', 12, '2027-11-26'],
  ])('R-SAN-2 T-2 a suspension imposed at 00:00 JST on %s for %i months counts that day and ends on %s', (day, months, expected) => {
    expect(suspensionLastDay(midnight(day), months)).toBe(expected);
  });

  it.each([
    ['2026-12-02T10:00:00+09:00', 1, '2027-01-02'],
    ['2026-12-02T10:00:00+09:00', 6, '2027-06-02'],
    ['2026-12-02T00:00:01+09:00', 1, '2027-01-02'],
    ['2026-12-02T00:00:00+09:00', 1, '2027-01-01'],
    ['2026-12-01T23:59:59+09:00', 1, '2027-01-01'],
    ['2027-01-30T15:00:00+09:00', 1, '2027-02-28'],
    ['2027-01-31T09:00:00+09:00', 1, '2027-02-28'],
    ['2028-01-31T09:00:00+09:00', 1, '2028-02-29'],
    ['2026-12-31T21:00:00+09:00', 6, '2027-06-30'],
  ])(
    'R-SAN-2 T-2 a suspension imposed during a day (%s) for %i months starts counting the next day and ends on %s',
    (at, months, expected) => {
      expect(suspensionLastDay(new Date(at), months)).toBe(expected);
    },
  );
});

describe('registrationDeletionDate', () => {
  it.each([
    ['2026-12-18', '2026-12-28', '2027-01-02'],
    ['2026-11-27', '2026-12-11', '2026-12-12'],
    ['2026-11-28', '2026-12-11', '2026-12-13'],
    ['2026-12-21', '2027-01-04', '2027-01-05'],
  ])(
    'R-APP-1 registered %s: the form is due by %s (rolled back), the registration is deleted on %s (not rolled back)',
    (registeredOn, deadline, deletion) => {
      expect(applicationDeadline(registeredOn)).toBe(deadline);
      expect(registrationDeletionDate(registeredOn)).toBe(deletion);
    },
  );
});

describe('retentionDeadline', () => {
  it.each([
    ['2026-11-01', '2027-01-31'],
    ['2026-11-27', '2027-01-31'],
    ['2026-11-30', '2027-01-31'],
    ['2026-12-01', '2027-02-28'],
    ['2027-12-31', '2028-02-29'],
    ['2026-01-31', '2026-03-31'],
    ['2027-02-10', '2027-04-30'],
  ])('R-RET-1 data acquired %s and never accepted is kept through %s', (acquiredOn, expected) => {
    expect(retentionWindowEnd(acquiredOn)).toBe(expected);
    expect(retentionDeadline(acquiredOn)).toBe(expected);
  });

  it.each([
    ['2026-11-01', '2026-11-15', '2028-03-31'],
    ['2026-11-27', '2026-11-15', '2028-03-31'],
    ['2026-11-27', '2027-01-31', '2028-03-31'],
    ['2027-02-10', '2027-03-31', '2028-03-31'],
    ['2027-02-10', '2027-04-01', '2029-03-31'],
    ['2027-02-10', '2027-04-30', '2029-03-31'],
  ])('R-RET-2 data acquired %s and accepted %s is kept through %s', (acquiredOn, acceptedOn, expected) => {
    expect(retentionDeadline(acquiredOn, acceptedOn)).toBe(expected);
  });

  it.each([
    ['2026-11-27', '2027-02-01', '2027-01-31'],
    ['2027-02-10', '2027-05-01', '2027-04-30'],
  ])(
    'R-RET-1 an acceptance after the window (acquired %s, accepted %s) extends nothing: kept through %s',
    (acquiredOn, acceptedOn, expected) => {
      expect(retentionDeadline(acquiredOn, acceptedOn)).toBe(expected);
    },
  );

  it('R-RET-2 an acceptance long before acquisition never makes fresh data overdue', () => {
    expect(retentionDeadline('2026-11-27', '2020-06-01')).toBe('2027-01-31');
  });

  it('R-RET-2 does not move the retention end off an administrative holiday', () => {
    expect(isAdministrativeHoliday('2029-03-31')).toBe(true);
    expect(retentionDeadline('2027-02-10', '2027-04-01')).toBe('2029-03-31');
  });
});

describe('usage reports', () => {
  it.each([
    [2025, '2026-04-20'],
    [2026, '2027-04-20'],
  ])('R-REP-1 the report for fiscal year %i is due on %s', (year, expected) => {
    expect(reportDueDate(year)).toBe(expected);
  });

  it.each([
    [2021, '2022-03-21'],
    [2025, '2026-03-16'],
    [2026, '2027-03-15'],
    [2027, '2028-03-20'],
    [2029, '2030-03-18'],
  ])('R-REP-2 fiscal year %i is reminded on %s, the third Monday of March', (year, expected) => {
    expect(reportReminderDate(year)).toBe(expected);
    expect(new Date(`${expected}T00:00:00Z`).getUTCDay()).toBe(1);
  });

  it.each([
    [2025, '2026-05-20'],
    [2026, '2027-05-20'],
    [2027, '2028-05-19'],
    [2028, '2029-05-18'],
  ])('R-REP-3 a report for fiscal year %i may still arrive through %s', (year, expected) => {
    expect(reportGraceLastDay(year)).toBe(expected);
  });
});

const reopens = (iso: string) => new Date(iso);

describe('maintenanceUntil', () => {
  it.each<[string, string, Date | null]>([
    ['2026-11-26T14:59:59.999Z', '23:59:59.999 on 26 Nov', null],
    ['2026-11-26T15:00:00.000Z', '00:00 on 27 Nov', reopens('2026-11-26T21:00:00.000Z')],
    ['2026-11-26T20:59:59.999Z', '05:59:59.999 on 27 Nov', reopens('2026-11-26T21:00:00.000Z')],
    ['2026-11-26T21:00:00.000Z', '06:00 on 27 Nov', null],
    ['2026-11-27T00:00:00.000Z', '09:00 on 27 Nov (UTC midnight)', null],
    ['2026-11-27T12:30:00.000Z', '21:30 on 27 Nov, not a month end', null],
    ['2026-11-30T12:29:59.999Z', '21:29:59.999 on 30 Nov', null],
    ['2026-11-30T12:30:00.000Z', '21:30 on 30 Nov', reopens('2026-11-30T21:00:00.000Z')],
    ['2026-11-30T14:59:59.999Z', '23:59:59.999 on 30 Nov', reopens('2026-11-30T21:00:00.000Z')],
    ['2026-11-30T15:00:00.000Z', '00:00 on 1 Dec', reopens('2026-11-30T21:00:00.000Z')],
    ['2026-11-30T20:59:59.999Z', '05:59:59.999 on 1 Dec', reopens('2026-11-30T21:00:00.000Z')],
    ['2026-11-30T21:00:00.000Z', '06:00 on 1 Dec', null],
    ['2027-02-28T12:30:00.000Z', '21:30 on 28 Feb 2027, the month end', reopens('2027-02-28T21:00:00.000Z')],
    ['2028-02-28T12:30:00.000Z', '21:30 on 28 Feb 2028, not the month end', null],
    ['2028-02-29T12:30:00.000Z', '21:30 on 29 Feb 2028', reopens('2028-02-29T21:00:00.000Z')],
    ['2026-12-31T12:30:00.000Z', '21:30 on 31 Dec', reopens('2026-12-31T21:00:00.000Z')],
    ['2027-03-31T12:29:59.999Z', '21:29:59.999 on 31 Mar', null],
    ['2027-03-31T12:30:00.000Z', '21:30 on 31 Mar', reopens('2027-03-31T21:00:00.000Z')],
  ])('R-OPS-1 at %s (%s JST) → reopens %s', (instant, _jst, expected) => {
    expect(maintenanceUntil(new Date(instant))).toEqual(expected);
  });
});

describe('daily cap', () => {
  it('R-CAP-1 allows 1,000 messages a day', () => {
    expect(DAILY_CAP).toBe(1000);
  });

  it.each([
    ['2026-11-27T00:00:00.000Z', '2026-11-27T15:00:00.000Z'],
    ['2026-11-27T14:59:59.999Z', '2026-11-27T15:00:00.000Z'],
    ['2026-11-27T15:00:00.000Z', '2026-11-28T15:00:00.000Z'],
    ['2026-12-31T15:00:00.000Z', '2027-01-01T15:00:00.000Z'],
    ['2028-02-28T15:00:00.000Z', '2028-02-29T15:00:00.000Z'],
  ])('R-CAP-1 a send at %s counts toward the JST day that resets at %s', (instant, expected) => {
    expect(capResetsAt(new Date(instant)).toISOString()).toBe(expected);
  });
});

describe('now is a parameter', () => {
  it('T-5 maintenanceUntil answers for the instant it is given, not the clock', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-30T13:00:00Z'));
    expect(maintenanceUntil(new Date('2026-11-27T03:00:00Z'))).toBeNull();
    vi.setSystemTime(new Date('2026-11-27T03:00:00Z'));
    expect(maintenanceUntil(new Date('2026-11-30T13:00:00Z'))).toEqual(new Date('2026-11-30T21:00:00Z'));
  });

  it('T-5 capResetsAt answers for the instant it is given, not the clock', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    expect(capResetsAt(new Date('2026-11-27T14:59:59Z')).toISOString()).toBe('2026-11-27T15:00:00.000Z');
  });
});

describe('registrationValidUntil', () => {
  it.each([
    ['2026-11-01', '2027-01-31', 'first day of a month'],
    ['2026-11-27', '2027-01-31', 'mid-month'],
    ['2026-11-30', '2027-01-31', 'last day of a month'],
    ['2026-12-01', '2027-02-28', 'month after next is February'],
    ['2026-12-31', '2027-02-28', 'year end'],
    ['2027-12-01', '2028-02-29', 'leap February'],
    ['2027-01-31', '2027-03-31', 'a 31st into March'],
  ])('R-FEED-6 a registration on %s is valid through %s (%s)', (registeredOn, expected) => {
    expect(registrationValidUntil(registeredOn)).toBe(expected);
  });
});
