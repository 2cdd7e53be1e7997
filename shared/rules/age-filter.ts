/**
 * R-FEED-3: age is never a search filter or sort key. Recruitment may not be limited by age
 * (労働施策総合推進法第9条 — Act on the Comprehensive Promotion of Labor Policies, Art. 9), so a feed
 * query that names an age in a filter or a sort is refused with that reason, not ignored: an
 * ignored filter would silently widen the search the agency thinks it made.
 */

/** Query keys that would filter on age or birth date, in any spelling a client might try. */
const AGE_KEY = /^(age|birth|dob|nenrei|年齢|生年)/i;
/** Keys that choose an order; their values must not name an age. */
const SORT_KEY = /^(sort|order|orderby|sortby)$/i;
const AGE_VALUE = /age|birth|年齢|生年/i;

/**
 * The first query parameter that filters or sorts on age, or null (R-FEED-3).
 *
 * @example
 * ageFilterIn([['ageBand', '40-44']]); // 'ageBand'
 * ageFilterIn([['sort', '-ageBand']]); // 'sort'
 * ageFilterIn([['q', '介護']]); // null
 */
export function ageFilterIn(params: Iterable<[string, string]>): string | null {
  for (const [key, value] of params) {
    if (AGE_KEY.test(key)) return key;
    if (SORT_KEY.test(key) && AGE_VALUE.test(value)) return key;
  }
  return null;
}

/** The Japanese reason given with the refusal (R-FEED-3). */
export const AGE_FILTER_REASON =
  '募集・採用において年齢を制限することは、労働施策総合推進法第9条により原則として禁止されています。そのため、年齢（年齢層）で求職者情報を絞り込んだり並べ替えたりすることはできません。年齢の条件を外して検索してください。';
