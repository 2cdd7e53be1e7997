/**
 * The agency's search of the jobseeker feed (R-FEED-3, R-FEED-4): the query string of
 * `GET /v1/agency/feed` and the page it answers.
 */
import { z } from 'zod';
import {
  CursorSchema,
  EducationLevelSchema,
  EmploymentTypeSchema,
  IndustryCodeSchema,
  MunicipalityCodeSchema,
  OccupationCodeSchema,
  PageLimitSchema,
  PrefectureCodeSchema,
  WageUnitSchema,
  queryList,
  EDUCATION_LEVELS,
  EMPLOYMENT_TYPES,
} from './common';
import { ProfileSummarySchema } from './profile';
import { PREFECTURE_CODES } from '../data/prefectures';

/**
 * The query string of `GET /v1/agency/feed` (R-FEED-3). Every filter is optional and they combine
 * with AND; list filters accept `a,b` or a repeated parameter and match any listed value.
 * `wageMin`/`wageMax` bound the wage in `wageUnit` the agency can offer (a profile matches when its
 * desired range overlaps); `hoursMin`/`hoursMax` bound the weekly hours a profile wants; `q` is
 * keywords in Japanese (up to 100 characters). Unknown parameters are refused, so a misspelt filter cannot
 * silently widen a search. Age is no filter and no sort key (R-FEED-3, 労働施策総合推進法第9条): `ageBand`
 * is refused with its own reason (`age_filter_not_allowed`).
 *
 * @example
 * FeedQuerySchema.parse({ occupation: '050,051', prefecture: ['13', '14'], wageMin: '200000', wageUnit: 'month', q: '介護 夜勤' });
 */
export const FeedQuerySchema = z
  .strictObject({
    occupation: queryList(OccupationCodeSchema, 20).optional(),
    industry: queryList(IndustryCodeSchema, 20).optional(),
    prefecture: queryList(PrefectureCodeSchema, PREFECTURE_CODES.length).optional(),
    municipality: queryList(MunicipalityCodeSchema, 50).optional(),
    employmentType: queryList(EmploymentTypeSchema, EMPLOYMENT_TYPES.length).optional(),
    wageMin: z.coerce.number().int().min(0).max(9_999_999_999).optional(),
    wageMax: z.coerce.number().int().min(0).max(9_999_999_999).optional(),
    wageUnit: WageUnitSchema.optional(),
    hoursMin: z.coerce.number().min(1).max(80).optional(),
    hoursMax: z.coerce.number().min(1).max(80).optional(),
    qualification: z.string().trim().min(1).max(60).optional(),
    experienceOccupation: OccupationCodeSchema.optional(),
    experienceYearsMin: z.coerce.number().int().min(0).max(60).optional(),
    education: queryList(EducationLevelSchema, EDUCATION_LEVELS.length).optional(),
    q: z.string().trim().max(100).optional(),
    cursor: CursorSchema.optional(),
    limit: PageLimitSchema,
  })
  .refine((query) => (query.wageMin === undefined && query.wageMax === undefined) || query.wageUnit !== undefined, {
    message: '賃金で絞り込むときは単位（wageUnit）も指定してください',
    path: ['wageUnit'],
  })
  .refine((query) => query.wageMin === undefined || query.wageMax === undefined || query.wageMin <= query.wageMax, {
    message: '賃金の下限が上限を上回っています',
    path: ['wageMax'],
  })
  .refine((query) => query.hoursMin === undefined || query.hoursMax === undefined || query.hoursMin <= query.hoursMax, {
    message: '労働時間の下限が上限を上回っています',
    path: ['hoursMax'],
  });
export type FeedQuery = z.infer<typeof FeedQuerySchema>;
export type FeedQueryInput = z.input<typeof FeedQuerySchema>;

/**
 * One page of feed results, in a stable order, with the cursor for the next page.
 *
 * @example
 * FeedPageSchema.parse({ items: [], nextCursor: null });
 */
export const FeedPageSchema = z.object({
  items: z.array(ProfileSummarySchema),
  nextCursor: CursorSchema.nullable(),
  /**
   * How many profiles match the whole search, not only after the cursor (R-FEED-3 hit count): exact
   * up to 1,000; above that it is 1,000 and `totalExact` is false (「1,000件以上」). Blocked
   * profiles are not counted (R-FEED-4). Optional only for pages cached from before counts.
   */
  total: z
    .number()
    .int()
    .min(0)
    .optional()
    .meta({ description: '該当件数（1,000件まで正確。totalExact が false のときは「1,000件以上」）' }),
  /** False when `total` is the bound and more match ("at least"). */
  totalExact: z.boolean().optional().meta({ description: 'false のとき total は上限（それ以上該当する）' }),
});
export type FeedPage = z.infer<typeof FeedPageSchema>;
