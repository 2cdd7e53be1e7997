import { useState } from 'preact/hooks';
import { EMPLOYMENT_TYPES, WAGE_UNITS, type EmploymentType } from '../../../shared/schemas/common';
import type { JobOfferSummary } from '../../../shared/schemas/job-offer';
import type { ApiContext } from '../../utils/api';
import { t } from '../../utils/i18n';
import { searchOffers } from '../../utils/job-offers';
import { employmentTypeLabel, occupationLabel, prefectureLabel, wageLabel } from '../../utils/labels';
import type { ApiProblem } from '../../utils/problem';
import { formatDate } from '../../utils/time';
import { CodePicker, OCCUPATION_GROUPS, PREFECTURE_GROUPS } from '../CodePicker';
import { ProblemAlert } from '../ProblemAlert';
import { useCall } from './run';

const WAGE_UNIT_KEYS = { hour: 'wageHour', day: 'wageDay', month: 'wageMonth', year: 'wageYear' } as const;
type Filters = {
  occupations: string[];
  prefectures: string[];
  employmentTypes: EmploymentType[];
  wageUnit: string;
  wageMin: string;
  keywords: string;
};
const EMPTY: Filters = { occupations: [], prefectures: [], employmentTypes: [], wageUnit: '', wageMin: '', keywords: '' };

/** The query string of a search (R-JOB-1). */
export function offerQuery(f: Filters, cursor?: string): Record<string, string | string[]> {
  const q: Record<string, string | string[]> = {};
  if (f.occupations.length) q.occupation = f.occupations;
  if (f.prefectures.length) q.prefecture = f.prefectures;
  if (f.employmentTypes.length) q.employmentType = f.employmentTypes;
  if (f.wageUnit) q.wageUnit = f.wageUnit;
  if (f.wageUnit && f.wageMin) q.wageMin = f.wageMin;
  if (f.keywords.trim()) q.q = f.keywords.trim();
  if (cursor) q.cursor = cursor;
  return q;
}

/**
 * Offer search (R-JOB-1): occupation and prefecture pickers, employment type, wage, Japanese
 * keywords; summaries only, paged.
 */
export function OfferSearch({
  ctx,
  onOpen,
  onProblem,
}: {
  ctx: ApiContext;
  onOpen: (number: string) => void;
  onProblem?: (p: ApiProblem) => void;
}) {
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [results, setResults] = useState<JobOfferSummary[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const { busy, problem, run } = useCall(onProblem);
  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => setFilters((f) => ({ ...f, [k]: v }));
  const search = async (more: boolean) => {
    const page = await run(() => searchOffers(ctx, offerQuery(filters, more ? (cursor ?? undefined) : undefined)));
    if (!page) return;
    setResults((prev) => (more && prev ? [...prev, ...page.items] : page.items));
    setCursor(page.nextCursor);
  };
  return (
    <section aria-labelledby="offer-search-heading">
      <h2 id="offer-search-heading">{t('offersSearchTitle')}</h2>
      <form
        class="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          void search(false);
        }}
      >
        <CodePicker
          id="offer-occupation"
          legend={t('searchOccupation')}
          groups={OCCUPATION_GROUPS}
          value={filters.occupations}
          onChange={(v) => set('occupations', v)}
          max={20}
        />
        <CodePicker
          id="offer-prefecture"
          legend={t('searchPrefecture')}
          groups={PREFECTURE_GROUPS}
          value={filters.prefectures}
          onChange={(v) => set('prefectures', v)}
        />
        <fieldset>
          <legend>{t('searchEmploymentType')}</legend>
          {EMPLOYMENT_TYPES.map((type) => (
            <label key={type} class="check">
              <input
                type="checkbox"
                checked={filters.employmentTypes.includes(type)}
                onChange={(e) =>
                  set(
                    'employmentTypes',
                    (e.target as HTMLInputElement).checked
                      ? [...filters.employmentTypes, type]
                      : filters.employmentTypes.filter((x) => x !== type),
                  )
                }
              />{' '}
              {employmentTypeLabel(type)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('searchWage')}</legend>
          <label for="offer-wage-unit">{t('searchWageUnit')}</label>{' '}
          <select id="offer-wage-unit" value={filters.wageUnit} onChange={(e) => set('wageUnit', (e.target as HTMLSelectElement).value)}>
            <option value="">{t('searchWageUnitNone')}</option>
            {WAGE_UNITS.map((u) => (
              <option key={u} value={u}>
                {t(WAGE_UNIT_KEYS[u])}
              </option>
            ))}
          </select>{' '}
          <label for="offer-wage-min">{t('searchWageMin')}</label>{' '}
          <input
            id="offer-wage-min"
            type="number"
            min={0}
            inputMode="numeric"
            value={filters.wageMin}
            onInput={(e) => set('wageMin', (e.target as HTMLInputElement).value)}
          />
        </fieldset>
        <label for="offer-keywords">{t('searchKeywords')}</label>{' '}
        <input
          id="offer-keywords"
          type="search"
          maxLength={100}
          value={filters.keywords}
          onInput={(e) => set('keywords', (e.target as HTMLInputElement).value)}
        />
        <div class="actions">
          <button type="submit" disabled={busy}>
            {t('searchSubmit')}
          </button>{' '}
          <button type="button" onClick={() => setFilters(EMPTY)}>
            {t('searchClear')}
          </button>
        </div>
      </form>
      {problem && <ProblemAlert problem={problem} />}
      <div aria-live="polite" aria-busy={busy}>
        {results && (
          <>
            <p>{results.length ? t('offersCount', results.length) : t('offersNone')}</p>
            <ol class="results">
              {results.map((o) => (
                <li key={o.offerNumber} class="result">
                  <p class="result-title">
                    {o.title} <span class="muted">({o.offerNumber})</span>
                  </p>
                  <p>
                    {o.employerName} ／ {occupationLabel(o.occupation)}
                  </p>
                  <p>
                    {prefectureLabel(o.prefecture)} ／ {employmentTypeLabel(o.employmentType)} ／ {wageLabel(o.wage)}
                  </p>
                  <p class="muted">
                    {o.receivingOffice} ／ {t('offersDeadline', formatDate(o.introductionDeadline))}
                  </p>
                  <button type="button" onClick={() => onOpen(o.offerNumber)} aria-label={t('offersOpenLabel', o.offerNumber)}>
                    {t('offersOpen')}
                  </button>
                </li>
              ))}
            </ol>
            {cursor && (
              <button type="button" onClick={() => void search(true)} disabled={busy}>
                {t('offersMore')}
              </button>
            )}
          </>
        )}
      </div>
    </section>
  );
}
