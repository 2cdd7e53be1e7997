import { describe, expect, it } from 'vitest';
import { resolveClockTarget } from '../../scripts/lib/clock-target';

describe('npm run clock targets', () => {
  it('T-5 next-service-hours moves forward to the end of the month-end window, never backwards', () => {
    expect(resolveClockTarget('next-service-hours', new Date('2026-11-30T14:07:00Z'))).toMatchObject({ at: '2026-11-30T21:00:00.000Z' });
    expect(resolveClockTarget('next-service-hours', new Date('2026-11-27T20:59:59Z'))).toMatchObject({ at: '2026-11-27T21:00:00.000Z' });
    expect(resolveClockTarget('next-service-hours', new Date('2026-11-27T21:00:00Z'))).toMatchObject({ at: '2026-11-27T21:00:00.000Z' });
  });

  it('T-1 reads a date-time without an offset as Japan time', () => {
    expect(resolveClockTarget('2026-12-01T10:00', new Date())).toMatchObject({ at: '2026-12-01T01:00:00.000Z' });
    expect(resolveClockTarget('2026-12-01', new Date())).toMatchObject({ at: '2026-12-01T01:00:00.000Z' });
    expect(resolveClockTarget('2026-12-01T10:00:00Z', new Date())).toMatchObject({ at: '2026-12-01T10:00:00.000Z' });
  });

  it('T-5 now goes back to the real clock; anything else is refused with a Japanese reason', () => {
    expect(resolveClockTarget('now', new Date())).toMatchObject({ at: null });
    expect(resolveClockTarget('tomorrow', new Date())).toMatchObject({ error: expect.stringContaining('日時として読めません') });
  });
});
