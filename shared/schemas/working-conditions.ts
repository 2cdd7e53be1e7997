/**
 * The terms of work a profile wants and a job offer gives (R-FEED-1, R-FEED-3, R-JOB-*): employment
 * type, education, age band and wage, each with its Japanese labels where the screens show them.
 * Refinement messages are Japanese because a person may read them in a problem's `errors`.
 */
import { z } from 'zod';

/** Employment types in the order Hello Work lists them. */
export const EMPLOYMENT_TYPES = ['regular', 'contract', 'part_time', 'dispatch', 'other'] as const;

/** Japanese labels for {@link EMPLOYMENT_TYPES}. */
export const EMPLOYMENT_TYPE_LABELS = {
  regular: '正社員',
  contract: '契約社員',
  part_time: 'パート・アルバイト',
  dispatch: '派遣',
  other: 'その他',
} as const satisfies Record<(typeof EMPLOYMENT_TYPES)[number], string>;

/**
 * An employment type: 正社員, 契約社員, パート・アルバイト, 派遣, or other.
 *
 * @example
 * EmploymentTypeSchema.parse('part_time');
 */
export const EmploymentTypeSchema = z.enum(EMPLOYMENT_TYPES);
export type EmploymentType = z.infer<typeof EmploymentTypeSchema>;

/** Education levels from lowest to highest, so their index orders them. */
export const EDUCATION_LEVELS = ['junior_high', 'high_school', 'vocational', 'junior_college', 'university', 'graduate'] as const;

/** Japanese labels for {@link EDUCATION_LEVELS}. */
export const EDUCATION_LEVEL_LABELS = {
  junior_high: '中学校卒',
  high_school: '高等学校卒',
  vocational: '専修学校卒',
  junior_college: '短大・高専卒',
  university: '大学卒',
  graduate: '大学院修了',
} as const satisfies Record<(typeof EDUCATION_LEVELS)[number], string>;

/**
 * The highest education completed, from 中学校卒 to 大学院修了.
 *
 * @example
 * EducationLevelSchema.parse('vocational'); // 専修学校卒
 */
export const EducationLevelSchema = z.enum(EDUCATION_LEVELS);
export type EducationLevel = z.infer<typeof EducationLevelSchema>;

/** Five-year age bands, the last one open-ended. */
export const AGE_BANDS = ['15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49', '50-54', '55-59', '60-64', '65-'] as const;

/**
 * An age band; the feed never carries an exact age or birth date (R-FEED-1).
 *
 * @example
 * AgeBandSchema.parse('65-');
 */
export const AgeBandSchema = z.enum(AGE_BANDS);
export type AgeBand = z.infer<typeof AgeBandSchema>;

/** The period a wage amount is paid for. */
export const WAGE_UNITS = ['hour', 'day', 'month', 'year'] as const;

/**
 * The period a wage is quoted for: 時給, 日給, 月給, 年収.
 *
 * @example
 * WageUnitSchema.parse('month');
 */
export const WageUnitSchema = z.enum(WAGE_UNITS);
export type WageUnit = z.infer<typeof WageUnitSchema>;

/** An amount of yen: a whole, non-negative number below ten billion. */
export const YenSchema = z.number().int().min(0).max(9_999_999_999);
export type Yen = z.infer<typeof YenSchema>;

/**
 * A wage range in yen for one unit; `min` may equal `max` for a single figure.
 *
 * @example
 * WageRangeSchema.parse({ unit: 'month', min: 200000, max: 260000 });
 * WageRangeSchema.safeParse({ unit: 'hour', min: 1500, max: 1200 }).success; // false
 */
export const WageRangeSchema = z
  .strictObject({
    unit: WageUnitSchema,
    min: YenSchema,
    max: YenSchema,
  })
  .refine((wage) => wage.min <= wage.max, {
    message: '最低額が最高額を上回っています',
    path: ['max'],
  });
export type WageRange = z.infer<typeof WageRangeSchema>;
