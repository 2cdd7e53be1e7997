import { describe, expect, it } from 'vitest';
import {
  PREFECTURES,
  PREFECTURE_CODES,
  REGIONS,
  findPrefecture,
  isPrefectureCode,
  prefectureName,
  prefecturesInRegion,
} from './prefectures';

describe('prefectures', () => {
  it('lists the 47 prefectures in JIS X 0401 order with unique codes and names', () => {
    expect(PREFECTURES).toHaveLength(47);
    expect(PREFECTURES.map((p) => p.code)).toEqual(PREFECTURE_CODES);
    expect(new Set(PREFECTURE_CODES).size).toBe(47);
    expect(new Set(PREFECTURES.map((p) => p.name)).size).toBe(47);
    expect(PREFECTURE_CODES[0]).toBe('01');
    expect(PREFECTURE_CODES[46]).toBe('47');
  });

  it('names both ends and the capital', () => {
    expect(prefectureName('01')).toBe('北海道');
    expect(prefectureName('13')).toBe('東京都');
    expect(prefectureName('47')).toBe('沖縄県');
    expect(findPrefecture('26')?.nameEn).toBe('Kyoto');
  });

  it('ends every Japanese name in 都, 道, 府 or 県', () => {
    for (const p of PREFECTURES) expect(p.name).toMatch(/[都道府県]$/);
  });

  it('recognises codes and refuses what is not one', () => {
    expect(isPrefectureCode('09')).toBe(true);
    for (const bad of ['00', '48', '9', '013', '', 'ab']) expect(isPrefectureCode(bad)).toBe(false);
    expect(findPrefecture('48')).toBeUndefined();
    expect(() => prefectureName('48' as never)).toThrow(RangeError);
  });

  it('puts every prefecture in one of the eight regions', () => {
    const total = REGIONS.reduce((n, r) => n + prefecturesInRegion(r.code).length, 0);
    expect(total).toBe(47);
    expect(prefecturesInRegion('shikoku')).toEqual(['36', '37', '38', '39']);
    expect(prefecturesInRegion('kanto')).toEqual(['08', '09', '10', '11', '12', '13', '14']);
  });
});
