import type { EmploymentType, WageUnit } from '../../shared/schemas/common';

/** The search form's state: what an agency picks on the dashboard (R-FEED-3). */
export type FeedFilters = {
  occupations: string[];
  prefectures: string[];
  employmentTypes: EmploymentType[];
  wageUnit: WageUnit | '';
  wageMin: string;
  wageMax: string;
  keywords: string;
};

/** An empty search: every profile the agency may see. */
export const EMPTY_FILTERS: FeedFilters = { occupations: [], prefectures: [], employmentTypes: [], wageUnit: '', wageMin: '', wageMax: '', keywords: '' };

/**
 * The query string of `GET /v1/agency/feed` for a form state: lists joined with commas, empty
 * fields left out, the wage unit sent only with an amount.
 *
 * @example
 * feedQuery({ ...EMPTY_FILTERS, prefectures: ['13'], keywords: '介護' }); // { prefecture: '13', q: '介護' }
 */
export function feedQuery(filters: FeedFilters, cursor?: string): Record<string, string> {
  const query: Record<string, string> = {};
  if (filters.occupations.length) query.occupation = filters.occupations.join(',');
  if (filters.prefectures.length) query.prefecture = filters.prefectures.join(',');
  if (filters.employmentTypes.length) query.employmentType = filters.employmentTypes.join(',');
  const min = filters.wageMin.trim();
  const max = filters.wageMax.trim();
  if ((min || max) && filters.wageUnit) {
    query.wageUnit = filters.wageUnit;
    if (min) query.wageMin = min;
    if (max) query.wageMax = max;
  }
  const q = filters.keywords.trim();
  if (q) query.q = q.slice(0, 100);
  if (cursor) query.cursor = cursor;
  return query;
}

/**
 * The form state a saved query stands for (the inverse of {@link feedQuery}).
 *
 * @example
 * filtersFromQuery({ prefecture: '13,14' }).prefectures; // ['13', '14']
 */
export function filtersFromQuery(query: Record<string, string | string[]>): FeedFilters {
  const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? v.split(',') : []).filter(Boolean);
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] ?? '' : v ?? '');
  return {
    occupations: list(query.occupation),
    prefectures: list(query.prefecture),
    employmentTypes: list(query.employmentType) as EmploymentType[],
    wageUnit: one(query.wageUnit) as WageUnit | '',
    wageMin: one(query.wageMin),
    wageMax: one(query.wageMax),
    keywords: one(query.q),
  };
}
