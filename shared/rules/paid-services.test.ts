import { describe, expect, it } from 'vitest';
import { offersPaidService, paidOfferRefusal } from './paid-services';

describe('R-MSG-7 paid services to new graduates', () => {
  it('R-MSG-7 detects an offer with the one R-MSG-5 detection', () => {
    expect(offersPaidService('有料の面接対策講座をご案内できます。受講料は1回5,000円です。')).toBe(true);
    expect(offersPaidService('手数料はいただきません。求人をご紹介します。')).toBe(false);
  });

  it.each([
    [{ offer: true, newGraduate: true, notified: false, consented: false }, ['notification', 'consent']],
    [{ offer: true, newGraduate: true, notified: true, consented: false }, ['consent']],
    [{ offer: true, newGraduate: true, notified: false, consented: true }, ['notification']],
    [{ offer: true, newGraduate: true, notified: true, consented: true }, null],
    [{ offer: true, newGraduate: false, notified: false, consented: false }, null],
    [{ offer: false, newGraduate: true, notified: false, consented: false }, null],
  ])('R-MSG-7 %j → missing %j', (context, missing) => {
    const r = paidOfferRefusal(context);
    expect(r?.missing ?? null).toEqual(missing);
    if (r) expect(r.detail).toContain('第7条第2項①ケ');
  });
});
