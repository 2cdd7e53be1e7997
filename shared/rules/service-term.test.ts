import { describe, expect, it } from 'vitest';
import { defaultTermEnd, procedureGraceLastDay, renewedTermEnd, termEnded, termNotice, termReminderFrom } from './service-term';

describe('R-TERM-1 the service term', () => {
  it('R-TERM-1 T-2 the default term counts 36 months from the day after the admission', () => {
    expect(defaultTermEnd('2026-12-01')).toBe('2029-12-01');
    // No 29 Feb in 2031: the month's last day.
    expect(defaultTermEnd('2028-02-28')).toBe('2031-02-28');
  });

  it('R-TERM-1 a renewal follows the term it renews, or the decision when that term already ended', () => {
    expect(renewedTermEnd('2029-12-01', '2029-11-20')).toBe('2032-12-01');
    expect(renewedTermEnd('2029-12-01', '2029-12-01')).toBe('2032-12-01');
    expect(renewedTermEnd('2029-12-01', '2029-12-05')).toBe('2032-12-05');
    expect(renewedTermEnd(null, '2026-12-01')).toBe('2029-12-01');
  });

  it('R-TERM-1 the reminder starts 30 days before the last day, the service stops the day after it', () => {
    expect(termReminderFrom('2027-03-31')).toBe('2027-03-01');
    expect(termNotice('2027-03-31', '2027-02-28')).toBeNull();
    expect(termNotice('2027-03-31', '2027-03-01')).toBe('ending');
    expect(termNotice('2027-03-31', '2027-03-31')).toBe('ending');
    expect(termNotice('2027-03-31', '2027-04-01')).toBe('ended');
    expect(termEnded('2027-03-31', '2027-03-31')).toBe(false);
    expect(termEnded('2027-03-31', '2027-04-01')).toBe(true);
    expect(termNotice(null, '2027-04-01')).toBeNull();
  });

  it('R-TERM-1 T-2 T-3 the grace month counts from the day after the expiry and rolls back over holidays', () => {
    expect(procedureGraceLastDay('2027-03-31')).toBe('2027-04-30');
    // 2027-05-04 (Greenery Day) would be the last day; 1–3 May are a weekend and Constitution Day.
    expect(procedureGraceLastDay('2027-04-04')).toBe('2027-04-30');
    expect(procedureGraceLastDay('2027-05-10')).toBe('2027-06-10');
  });
});
