import { describe, expect, it } from 'vitest';
import { addDays, registrationValidUntil } from '../../shared/rules';
import { ProfileLoadRowSchema } from '../../shared/schemas';
import { syntheticProfiles } from '../../scripts/lib/synthetic';

describe('R-FEED-6 the demo data spreads registration validity', () => {
  it.each(['2026-11-27', '2026-12-31', '2027-02-01'])(
    'R-FEED-6 loaded on %s: every date valid, some lapse within the first month, some later',
    (loadedOn) => {
      const rows = syntheticProfiles(1000, 2026, { loadedOn });
      const dates = rows.map((r) => r.validUntil!);
      for (const d of dates) {
        expect(d >= loadedOn && d <= registrationValidUntil(loadedOn)).toBe(true);
      }
      const withinMonth = dates.filter((d) => d < addDays(loadedOn, 30)).length;
      expect(withinMonth).toBeGreaterThan(100);
      expect(withinMonth).toBeLessThan(700);
      expect(rows.every((r) => ProfileLoadRowSchema.safeParse(r).success)).toBe(true);
    },
  );

  it('R-FEED-6 the other fields stay the same for a seed with or without dates', () => {
    const plain = syntheticProfiles(50, 7);
    const dated = syntheticProfiles(50, 7, { loadedOn: '2026-11-27' }).map(({ validUntil: _v, ...rest }) => rest);
    expect(dated).toEqual(plain);
  });
});
