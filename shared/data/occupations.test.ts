import { describe, expect, it } from 'vitest';
import {
  OCCUPATION_MAJOR_GROUPS,
  OCCUPATION_MIDDLE_CODES,
  OCCUPATION_MIDDLE_GROUPS,
  isOccupationCode,
  occupationMajor,
  occupationName,
  occupationsInMajor,
} from './occupations';

/** Middle groups per major group in the 2022 revision, from Hello Work's published table. */
const MIDDLE_COUNTS: Record<string, number> = {
  '01': 3,
  '02': 8,
  '03': 9,
  '04': 8,
  '05': 4,
  '06': 11,
  '07': 5,
  '08': 3,
  '09': 7,
  '10': 5,
  '11': 3,
  '12': 15,
  '13': 8,
  '14': 5,
  '15': 5,
};

describe('occupation classification (厚生労働省編職業分類 2022)', () => {
  it('has 15 major groups and 99 middle groups with unique, consecutive codes', () => {
    expect(OCCUPATION_MAJOR_GROUPS).toHaveLength(15);
    expect(OCCUPATION_MIDDLE_GROUPS).toHaveLength(99);
    expect(OCCUPATION_MIDDLE_GROUPS.map((g) => g.code)).toEqual(OCCUPATION_MIDDLE_CODES);
    expect(OCCUPATION_MIDDLE_CODES).toEqual(Array.from({ length: 99 }, (_, i) => String(i + 1).padStart(3, '0')));
    expect(new Set(OCCUPATION_MIDDLE_GROUPS.map((g) => g.name)).size).toBe(99);
  });

  it('has the published number of middle groups under each major group, in code order', () => {
    for (const major of OCCUPATION_MAJOR_GROUPS) {
      expect(occupationsInMajor(major.code), major.name).toHaveLength(MIDDLE_COUNTS[major.code]!);
    }
    const majors = OCCUPATION_MIDDLE_GROUPS.map((g) => g.major);
    expect([...majors].sort()).toEqual(majors);
  });

  it('names a middle group and finds its major group', () => {
    expect(occupationName('023')).toBe('看護師、准看護師');
    expect(occupationMajor('050')).toEqual({ code: '08', name: '福祉・介護の職業' });
    expect(occupationMajor('001').name).toBe('管理的職業');
    expect(occupationMajor('099').name).toBe('運搬・清掃・包装・選別等の職業');
  });

  it('refuses major-group codes and 2011-revision two-digit codes', () => {
    expect(isOccupationCode('050')).toBe(true);
    for (const bad of ['50', '000', '100', 'A', '']) expect(isOccupationCode(bad)).toBe(false);
    expect(() => occupationName('100' as never)).toThrow(RangeError);
  });
});
