import type { ComponentChildren } from 'preact';
import { INDUSTRY_MAJOR_GROUPS } from '../../../shared/data/industries';
import {
  EDUCATION_LEVELS,
  EMPLOYMENT_TYPES,
  WAGE_UNITS,
  type EducationLevel,
  type EmploymentType,
  type WageUnit,
} from '../../../shared/schemas/common';
import type { FeedFilters } from '../../utils/feed-query';
import { t } from '../../utils/i18n';
import { educationLabel, employmentTypeLabel, industryLabel, occupationLabel, prefectureLabel } from '../../utils/labels';
import { CodePicker, OCCUPATION_GROUPS, PREFECTURE_GROUPS, type CodeGroup } from '../CodePicker';

const WAGE_UNIT_KEYS = { hour: 'wageHour', day: 'wageDay', month: 'wageMonth', year: 'wageYear' } as const;

/** Industries as one group for the picker. */
const INDUSTRY_GROUPS: CodeGroup[] = [
  { name: '日本標準産業分類（大分類）', options: INDUSTRY_MAJOR_GROUPS.map((g) => ({ code: g.code, name: g.name })) },
];

/** What a picker holds, in one short line: 指定なし, one name, or the first name and how many more. */
function chosenSummary(codes: string[], label: (code: string) => string): string {
  if (codes.length === 0) return t('searchAny');
  const first = label(codes[0]!);
  return codes.length === 1 ? first : t('searchChosenMore', first, codes.length - 1);
}

/** A picker that opens on demand: a one-line summary that expands into the full list (native `<details>`). */
function OnDemand({ id, label, summary, children }: { id: string; label: string; summary: string; children: ComponentChildren }) {
  return (
    <details class="filter filter-picker" id={`${id}-filter-box`}>
      <summary>
        <span class="filter-label">{label}</span> <span class="filter-value">{summary}</span>
      </summary>
      <div class="filter-popover">{children}</div>
    </details>
  );
}

function toggle<T>(list: T[], item: T, on: boolean): T[] {
  return on ? (list.includes(item) ? list : [...list, item]) : list.filter((x) => x !== item);
}

/**
 * The compact filter bar of the feed search (R-FEED-3): every filter the API has except age, which
 * is never a filter. The code pickers open on demand so 検索 stays on the first screen; every
 * control is a native one, usable by keyboard and screen readers.
 *
 * @example
 * <FilterBar filters={filters} onChange={setFilters} />
 */
export function FilterBar({ filters, onChange }: { filters: FeedFilters; onChange: (next: FeedFilters) => void }) {
  const set = <K extends keyof FeedFilters>(key: K, value: FeedFilters[K]) => onChange({ ...filters, [key]: value });
  const text =
    (key: 'municipalities' | 'wageMin' | 'wageMax' | 'hoursMin' | 'hoursMax' | 'qualification' | 'experienceYearsMin' | 'keywords') =>
    (e: Event) =>
      set(key, (e.target as HTMLInputElement).value);
  return (
    <div class="filter-bar">
      <div class="filter filter-keywords">
        <label for="keywords">{t('searchKeywords')}</label>
        <input id="keywords" type="search" maxLength={100} value={filters.keywords} onInput={text('keywords')} />
      </div>
      <OnDemand id="occupation" label={t('searchOccupation')} summary={chosenSummary(filters.occupations, occupationLabel)}>
        <CodePicker
          id="occupation"
          legend={t('searchOccupation')}
          groups={OCCUPATION_GROUPS}
          value={filters.occupations}
          onChange={(v) => set('occupations', v)}
          max={20}
        />
      </OnDemand>
      <OnDemand id="prefecture" label={t('searchPrefecture')} summary={chosenSummary(filters.prefectures, prefectureLabel)}>
        <CodePicker
          id="prefecture"
          legend={t('searchPrefecture')}
          groups={PREFECTURE_GROUPS}
          value={filters.prefectures}
          onChange={(v) => set('prefectures', v)}
        />
        <label for="municipality">{t('searchMunicipality')}</label>
        <input
          id="municipality"
          inputMode="numeric"
          value={filters.municipalities}
          onInput={text('municipalities')}
          aria-describedby="municipality-hint"
        />
        <p class="hint" id="municipality-hint">
          {t('searchMunicipalityHint')}
        </p>
      </OnDemand>
      <OnDemand id="industry" label={t('searchIndustry')} summary={chosenSummary(filters.industries, industryLabel)}>
        <CodePicker
          id="industry"
          legend={t('searchIndustry')}
          groups={INDUSTRY_GROUPS}
          value={filters.industries}
          onChange={(v) => set('industries', v)}
        />
      </OnDemand>
      <OnDemand
        id="employment"
        label={t('searchEmploymentType')}
        summary={chosenSummary(filters.employmentTypes, (x) => employmentTypeLabel(x as EmploymentType))}
      >
        <fieldset>
          <legend>{t('searchEmploymentType')}</legend>
          {EMPLOYMENT_TYPES.map((type) => (
            <label key={type} class="check">
              <input
                type="checkbox"
                checked={filters.employmentTypes.includes(type)}
                onChange={(e) => set('employmentTypes', toggle(filters.employmentTypes, type, (e.target as HTMLInputElement).checked))}
              />{' '}
              {employmentTypeLabel(type)}
            </label>
          ))}
        </fieldset>
      </OnDemand>
      <OnDemand
        id="wage"
        label={t('searchWage')}
        summary={
          filters.wageUnit && (filters.wageMin || filters.wageMax) ? `${filters.wageMin || '—'}〜${filters.wageMax || '—'}` : t('searchAny')
        }
      >
        <fieldset>
          <legend>{t('searchWage')}</legend>
          <label for="wage-unit">{t('searchWageUnit')}</label>{' '}
          <select
            id="wage-unit"
            value={filters.wageUnit}
            onChange={(e) => set('wageUnit', (e.target as HTMLSelectElement).value as WageUnit | '')}
          >
            <option value="">{t('searchWageUnitNone')}</option>
            {WAGE_UNITS.map((u) => (
              <option key={u} value={u}>
                {t(WAGE_UNIT_KEYS[u])}
              </option>
            ))}
          </select>{' '}
          <label for="wage-min">{t('searchWageMin')}</label>{' '}
          <input id="wage-min" class="narrow" type="number" min={0} inputMode="numeric" value={filters.wageMin} onInput={text('wageMin')} />{' '}
          <label for="wage-max">{t('searchWageMax')}</label>{' '}
          <input id="wage-max" class="narrow" type="number" min={0} inputMode="numeric" value={filters.wageMax} onInput={text('wageMax')} />
          {(filters.wageMin || filters.wageMax) && !filters.wageUnit && (
            <p class="hint" role="status">
              {t('searchWageNeedsUnit')}
            </p>
          )}
        </fieldset>
      </OnDemand>
      <OnDemand
        id="hours"
        label={t('searchHours')}
        summary={filters.hoursMin || filters.hoursMax ? `${filters.hoursMin || '—'}〜${filters.hoursMax || '—'}` : t('searchAny')}
      >
        <fieldset>
          <legend>{t('searchHours')}</legend>
          <label for="hours-min">{t('searchHoursMin')}</label>{' '}
          <input
            id="hours-min"
            class="narrow"
            type="number"
            min={1}
            max={80}
            inputMode="numeric"
            value={filters.hoursMin}
            onInput={text('hoursMin')}
          />{' '}
          <label for="hours-max">{t('searchHoursMax')}</label>{' '}
          <input
            id="hours-max"
            class="narrow"
            type="number"
            min={1}
            max={80}
            inputMode="numeric"
            value={filters.hoursMax}
            onInput={text('hoursMax')}
          />
        </fieldset>
      </OnDemand>
      <OnDemand
        id="career"
        label={t('searchCareer')}
        summary={
          [
            filters.qualification,
            filters.experienceOccupation && occupationLabel(filters.experienceOccupation),
            ...filters.education.map(educationLabel),
          ]
            .filter(Boolean)
            .join('・') || t('searchAny')
        }
      >
        <label for="qualification">{t('searchQualification')}</label>
        <input id="qualification" maxLength={60} value={filters.qualification} onInput={text('qualification')} />
        <label for="experience-occupation">{t('searchExperienceOccupation')}</label>
        <select
          id="experience-occupation"
          value={filters.experienceOccupation}
          onChange={(e) => set('experienceOccupation', (e.target as HTMLSelectElement).value)}
        >
          <option value="">{t('searchAny')}</option>
          {OCCUPATION_GROUPS.map((g) => (
            <optgroup key={g.name} label={g.name}>
              {g.options.map((o) => (
                <option key={o.code} value={o.code}>
                  {o.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <label for="experience-years">{t('searchExperienceYears')}</label>
        <input
          id="experience-years"
          class="narrow"
          type="number"
          min={0}
          max={60}
          inputMode="numeric"
          value={filters.experienceYearsMin}
          disabled={!filters.experienceOccupation}
          onInput={text('experienceYearsMin')}
        />
        <fieldset>
          <legend>{t('searchEducation')}</legend>
          {EDUCATION_LEVELS.map((level: EducationLevel) => (
            <label key={level} class="check">
              <input
                type="checkbox"
                checked={filters.education.includes(level)}
                onChange={(e) => set('education', toggle(filters.education, level, (e.target as HTMLInputElement).checked))}
              />{' '}
              {educationLabel(level)}
            </label>
          ))}
        </fieldset>
      </OnDemand>
    </div>
  );
}
