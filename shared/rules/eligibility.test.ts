import { describe, expect, it } from 'vitest';
import { isRegularPlacement, placementQualifies, type Placement } from './eligibility';

const regular = (placedOn: string): Placement => ({ placedOn, fixedTermMonths: null, seasonal: false });

describe('placementQualifies', () => {
  it.each([
    ['2026-05-31', '2026-02-27', false],
    ['2026-05-31', '2026-02-28', true],
    ['2026-05-31', '2026-05-31', true],
    ['2026-05-31', '2026-06-01', false],
    ['2026-05-15', '2026-02-14', false],
    ['2026-05-15', '2026-02-15', true],
    ['2028-05-31', '2028-02-28', false],
    ['2028-05-31', '2028-02-29', true],
    ['2028-02-29', '2027-11-28', false],
    ['2028-02-29', '2027-11-29', true],
    ['2027-01-15', '2026-10-14', false],
    ['2027-01-15', '2026-10-15', true],
    ['2026-04-01', '2025-12-31', false],
    ['2026-04-01', '2026-01-01', true],
  ])('R-ELIG-2 applying %s with a regular placement on %s qualifies: %s', (applicationOn, placedOn, expected) => {
    expect(placementQualifies(applicationOn, [regular(placedOn)])).toBe(expected);
  });

  it.each<[string, Placement, boolean]>([
    ['no fixed term', { placedOn: '2026-04-10', fixedTermMonths: null, seasonal: false }, true],
    ['a 4-month term', { placedOn: '2026-04-10', fixedTermMonths: 4, seasonal: false }, true],
    ['a 12-month term', { placedOn: '2026-04-10', fixedTermMonths: 12, seasonal: false }, true],
    ['a 3-month term', { placedOn: '2026-04-10', fixedTermMonths: 3, seasonal: false }, false],
    ['seasonal work without a term', { placedOn: '2026-04-10', fixedTermMonths: null, seasonal: true }, false],
    ['seasonal work for 6 months', { placedOn: '2026-04-10', fixedTermMonths: 6, seasonal: true }, false],
  ])('R-ELIG-2 a placement with %s within the window qualifies: %s', (_label, placement, expected) => {
    expect(isRegularPlacement(placement)).toBe(expected);
    expect(placementQualifies('2026-05-31', [placement])).toBe(expected);
  });

  it('R-ELIG-2 refuses an agency with no placements', () => {
    expect(placementQualifies('2026-05-31', [])).toBe(false);
  });

  it('R-ELIG-2 needs one placement that is both regular and in the window', () => {
    const shortInWindow: Placement = { placedOn: '2026-05-01', fixedTermMonths: 3, seasonal: false };
    const regularTooEarly = regular('2026-01-31');
    expect(placementQualifies('2026-05-31', [shortInWindow, regularTooEarly])).toBe(false);
    expect(placementQualifies('2026-05-31', [shortInWindow, regularTooEarly, regular('2026-03-01')])).toBe(true);
  });

  it('R-ELIG-2 applies the same window to a renewal', () => {
    const record = [regular('2027-02-01')];
    expect(placementQualifies('2027-05-01', record)).toBe(true);
    expect(placementQualifies('2027-05-02', record)).toBe(false);
  });
});
