/**
 * Japanese names of the codes a profile carries, from the shared data (official names, shown as
 * they are in every UI language).
 */
import { industryName, isIndustryCode } from '../../shared/data/industries';
import { isOccupationCode, occupationName } from '../../shared/data/occupations';
import { findPrefecture } from '../../shared/data/prefectures';
import {
  EDUCATION_LEVEL_LABELS,
  EMPLOYMENT_TYPE_LABELS,
  type EducationLevel,
  type EmploymentType,
  type WageRange,
} from '../../shared/schemas/common';
import { t } from './i18n';

/** An occupation middle group's name, or the code itself when unknown. */
export const occupationLabel = (code: string) => (isOccupationCode(code) ? occupationName(code) : code);
/** A prefecture's name, or the code. */
export const prefectureLabel = (code: string) => findPrefecture(code)?.name ?? code;
/** An industry major group's name, or the code. */
export const industryLabel = (code: string) => (isIndustryCode(code) ? industryName(code) : code);
/** 正社員, 契約社員, … */
export const employmentTypeLabel = (type: EmploymentType) => EMPLOYMENT_TYPE_LABELS[type];
/** 大学卒, … */
export const educationLabel = (level: EducationLevel) => EDUCATION_LEVEL_LABELS[level];

/**
 * A wage range for people: `月給 220,000〜280,000円`.
 *
 * @example
 * wageLabel({ unit: 'month', min: 220000, max: 280000 }); // '月給 220,000〜280,000円'
 */
export function wageLabel(wage: WageRange): string {
  const unit = { hour: t('wageHour'), day: t('wageDay'), month: t('wageMonth'), year: t('wageYear') }[wage.unit];
  const yen = (n: number) => n.toLocaleString('ja-JP');
  return wage.min === wage.max ? t('wageSingle', unit, yen(wage.min)) : t('wageRange', unit, yen(wage.min), yen(wage.max));
}

/**
 * An age band for people: `30〜34歳`, `65歳以上`.
 *
 * @example
 * ageBandLabel('65-'); // '65歳以上'
 */
export function ageBandLabel(band: string): string {
  const [from, to] = band.split('-');
  return to ? t('ageBand', from ?? '', to) : t('ageBandOpen', from ?? '');
}
