import { describe, expect, it } from 'vitest';
import { nextServiceHours } from '../../scripts/lib/clock';

const at = (s: string) => new Date(`${s}+09:00`);

describe('nextServiceHours (the instant scripts stand on to use agency routes)', () => {
  it.each([
    ['2026-12-08T00:00:00', '2026-12-08T10:00:00'],
    ['2026-12-08T05:59:59', '2026-12-08T10:00:00'],
    ['2026-12-08T06:00:00', '2026-12-08T06:00:00'],
    ['2026-12-08T23:59:00', '2026-12-08T23:59:00'],
    ['2026-12-31T21:29:00', '2026-12-31T21:29:00'],
    ['2026-12-31T21:30:00', '2027-01-01T10:00:00'],
    ['2026-12-31T23:00:00', '2027-01-01T10:00:00'],
    ['2027-01-01T05:00:00', '2027-01-01T10:00:00'],
  ])('R-OPS-1 from %s JST gives %s JST', (from, to) => {
    expect(nextServiceHours(at(from)).toISOString()).toBe(at(to).toISOString());
  });
});
