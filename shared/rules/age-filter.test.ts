import { describe, expect, it } from 'vitest';
import { ageFilterIn } from './age-filter';

describe('R-FEED-3 age is no search filter', () => {
  it.each([
    [[['ageBand', '40-44']], 'ageBand'],
    [[['AGEBAND', '40-44']], 'AGEBAND'],
    [[['ageMin', '30']], 'ageMin'],
    [[['birthYear', '1990']], 'birthYear'],
    [[['年齢', '30']], '年齢'],
    [[['sort', '-ageBand']], 'sort'],
    [[['orderBy', 'age']], 'orderBy'],
    [
      [
        ['q', '介護'],
        ['sort', 'updatedOn'],
      ],
      null,
    ],
    [[['q', '年齢不問']], null],
    [[['occupation', '050']], null],
  ] as Array<[Array<[string, string]>, string | null]>)('R-FEED-3 %j → %s', (params, expected) => {
    expect(ageFilterIn(params)).toBe(expected);
  });
});
