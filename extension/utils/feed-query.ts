import type { EducationLevel, EmploymentType, WageUnit } from '../../shared/schemas/common';

/**
 * The search form's state: every filter of `GET /v1/agency/feed` except age, which is never a
 * filter (R-FEED-3: recruitment may not be limited by age).
 */
export type FeedFilters = {
  occupations: string[];
  industries: string[];
  prefectures: string[];
  /** 市区町村コード (5 digits), separated by commas or spaces as typed. */
  municipalities: string;
  employmentTypes: EmploymentType[];
  wageUnit: WageUnit | '';
  wageMin: string;
  wageMax: string;
  hoursMin: string;
  hoursMax: string;
  qualification: string;
  experienceOccupation: string;
  experienceYearsMin: string;
  education: EducationLevel[];
  keywords: string;
};

/** An empty search: every profile the agency may see. */
export const EMPTY_FILTERS: FeedFilters = {
  occupations: [],
  industries: [],
  prefectures: [],
  municipalities: '',
  employmentTypes: [],
  wageUnit: '',
  wageMin: '',
  wageMax: '',
  hoursMin: '',
  hoursMax: '',
  qualification: '',
  experienceOccupation: '',
  experienceYearsMin: '',
  education: [],
  keywords: '',
};

/** The municipality codes typed in the box: five digits each, duplicates dropped. */
export function municipalityCodes(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,、，]+/)
        .map((x) => x.trim())
        .filter((x) => /^\d{5}$/.test(x)),
    ),
  ];
}

/**
 * The query string of `GET /v1/agency/feed` for a form state: lists joined with commas, empty
 * fields left out, the wage unit sent only with an amount. No age (R-FEED-3).
 *
 * @example
 * feedQuery({ ...EMPTY_FILTERS, prefectures: ['13'], keywords: '介護' }); // { prefecture: '13', q: '介護' }
 */
export function feedQuery(filters: FeedFilters, cursor?: string): Record<string, string> {
  const query: Record<string, string> = {};
  if (filters.occupations.length) query.occupation = filters.occupations.join(',');
  if (filters.industries.length) query.industry = filters.industries.join(',');
  if (filters.prefectures.length) query.prefecture = filters.prefectures.join(',');
  const municipalities = municipalityCodes(filters.municipalities);
  if (municipalities.length) query.municipality = municipalities.join(',');
  if (filters.employmentTypes.length) query.employmentType = filters.employmentTypes.join(',');
  const min = filters.wageMin.trim();
  const max = filters.wageMax.trim();
  if ((min || max) && filters.wageUnit) {
    query.wageUnit = filters.wageUnit;
    if (min) query.wageMin = min;
    if (max) query.wageMax = max;
  }
  if (filters.hoursMin.trim()) query.hoursMin = filters.hoursMin.trim();
  if (filters.hoursMax.trim()) query.hoursMax = filters.hoursMax.trim();
  if (filters.qualification.trim()) query.qualification = filters.qualification.trim().slice(0, 60);
  if (filters.experienceOccupation) query.experienceOccupation = filters.experienceOccupation;
  if (filters.experienceOccupation && filters.experienceYearsMin.trim()) query.experienceYearsMin = filters.experienceYearsMin.trim();
  if (filters.education.length) query.education = filters.education.join(',');
  const q = filters.keywords.trim();
  if (q) query.q = q.slice(0, 100);
  if (cursor) query.cursor = cursor;
  return query;
}

/**
 * The form state a saved query stands for (the inverse of {@link feedQuery}). An age filter saved
 * by an older version is dropped (R-FEED-3).
 *
 * @example
 * filtersFromQuery({ prefecture: '13,14' }).prefectures; // ['13', '14']
 */
export function filtersFromQuery(query: Record<string, string | string[]>): FeedFilters {
  const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? v.split(',') : []).filter(Boolean);
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
  return {
    occupations: list(query.occupation),
    industries: list(query.industry),
    prefectures: list(query.prefecture),
    municipalities: list(query.municipality).join(', '),
    employmentTypes: list(query.employmentType) as EmploymentType[],
    wageUnit: one(query.wageUnit) as WageUnit | '',
    wageMin: one(query.wageMin),
    wageMax: one(query.wageMax),
    hoursMin: one(query.hoursMin),
    hoursMax: one(query.hoursMax),
    qualification: one(query.qualification),
    experienceOccupation: one(query.experienceOccupation),
    experienceYearsMin: one(query.experienceYearsMin),
    education: list(query.education) as EducationLevel[],
    keywords: one(query.q),
  };
}
