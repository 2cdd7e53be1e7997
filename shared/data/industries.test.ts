import { describe, expect, it } from 'vitest';
import { INDUSTRY_CODES, INDUSTRY_MAJOR_GROUPS, industryName, isIndustryCode } from './industries';

describe('industry classification (日本標準産業分類)', () => {
  it('has the 20 major groups A to T with unique codes and names', () => {
    expect(INDUSTRY_MAJOR_GROUPS.map((g) => g.code)).toEqual(INDUSTRY_CODES);
    expect(INDUSTRY_CODES.join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(new Set(INDUSTRY_MAJOR_GROUPS.map((g) => g.name)).size).toBe(20);
  });

  it('names groups and refuses other letters', () => {
    expect(industryName('E')).toBe('製造業');
    expect(industryName('P')).toBe('医療，福祉');
    expect(isIndustryCode('T')).toBe(true);
    for (const bad of ['U', 'a', '', 'AB']) expect(isIndustryCode(bad)).toBe(false);
  });
});
