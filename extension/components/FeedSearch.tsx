import { serverNow } from '../utils/server-time';
import { useState } from 'preact/hooks';
import { EMPLOYMENT_TYPES, WAGE_UNITS, type EmploymentType, type WageUnit } from '../../shared/schemas/common';
import type { ProfileSummary } from '../../shared/schemas/profile';
import { searchFeed, type ApiContext } from '../utils/api';
import { db } from '../utils/db';
import { EMPTY_FILTERS, feedQuery, filtersFromQuery, type FeedFilters } from '../utils/feed-query';
import { t } from '../utils/i18n';
import { ageBandLabel, educationLabel, employmentTypeLabel, occupationLabel, prefectureLabel, wageLabel } from '../utils/labels';
import { ApiProblem } from '../utils/problem';
import type { AccountKey } from '../utils/session';
import { formatDate } from '../utils/time';
import { CodePicker, OCCUPATION_GROUPS, PREFECTURE_GROUPS } from './CodePicker';
import { useLiveQuery } from './live-query';
import { ProblemAlert } from './ProblemAlert';

const WAGE_UNIT_KEYS = { hour: 'wageHour', day: 'wageDay', month: 'wageMonth', year: 'wageYear' } as const;

/**
 * The feed search (R-FEED-3): occupation and prefecture pickers with Japanese names, employment
 * type, wage, keywords; results with paging; saved searches. Opening a result records an
 * acquisition (R-RET-1), so the button says so.
 *
 * @example
 * <FeedSearch ctx={ctx} account={account} onOpen={(id) => go({ name: 'profile', profileId: id })} onProblem={applyProblem} />
 */
export function FeedSearch({ ctx, account, onOpen, onProblem }: {
  ctx: ApiContext;
  account: AccountKey;
  onOpen: (profileId: string) => void;
  onProblem?: (problem: ApiProblem) => void;
}) {
  const [filters, setFilters] = useState<FeedFilters>(EMPTY_FILTERS);
  const [results, setResults] = useState<ProfileSummary[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [saveName, setSaveName] = useState('');
  const saved = useLiveQuery(() => db.savedSearches.where('account').equals(account).toArray(), [account], []);
  const set = <K extends keyof FeedFilters>(key: K, value: FeedFilters[K]) => setFilters((f) => ({ ...f, [key]: value }));

  const run = async (more: boolean, using: FeedFilters = filters) => {
    setBusy(true);
    setProblem(null);
    try {
      const page = await searchFeed(ctx, feedQuery(using, more ? cursor ?? undefined : undefined));
      setResults((prev) => (more && prev ? [...prev, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error);
      onProblem?.(error);
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    const name = saveName.trim();
    if (!name) return;
    await db.savedSearches.add({ account, name, query: feedQuery(filters), createdAt: serverNow().toISOString() });
    setSaveName('');
  };

  return (
    <section aria-labelledby="search-heading">
      <h2 id="search-heading">{t('searchTitle')}</h2>
      <form
        class="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(false);
        }}
      >
        <CodePicker id="occupation" legend={t('searchOccupation')} groups={OCCUPATION_GROUPS} value={filters.occupations} onChange={(v) => set('occupations', v)} max={20} />
        <CodePicker id="prefecture" legend={t('searchPrefecture')} groups={PREFECTURE_GROUPS} value={filters.prefectures} onChange={(v) => set('prefectures', v)} />
        <fieldset>
          <legend>{t('searchEmploymentType')}</legend>
          {EMPLOYMENT_TYPES.map((type) => (
            <label key={type} class="check">
              <input
                type="checkbox"
                checked={filters.employmentTypes.includes(type)}
                onChange={(e) => {
                  const on = (e.target as HTMLInputElement).checked;
                  set('employmentTypes', on ? [...filters.employmentTypes, type] : filters.employmentTypes.filter((x: EmploymentType) => x !== type));
                }}
              />{' '}
              {employmentTypeLabel(type)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('searchWage')}</legend>
          <label for="wage-unit">{t('searchWageUnit')}</label>{' '}
          <select id="wage-unit" value={filters.wageUnit} onChange={(e) => set('wageUnit', (e.target as HTMLSelectElement).value as WageUnit | '')}>
            <option value="">{t('searchWageUnitNone')}</option>
            {WAGE_UNITS.map((u) => (
              <option key={u} value={u}>
                {t(WAGE_UNIT_KEYS[u])}
              </option>
            ))}
          </select>{' '}
          <label for="wage-min">{t('searchWageMin')}</label>{' '}
          <input id="wage-min" type="number" min={0} inputMode="numeric" value={filters.wageMin} onInput={(e) => set('wageMin', (e.target as HTMLInputElement).value)} />{' '}
          <label for="wage-max">{t('searchWageMax')}</label>{' '}
          <input id="wage-max" type="number" min={0} inputMode="numeric" value={filters.wageMax} onInput={(e) => set('wageMax', (e.target as HTMLInputElement).value)} />
          {(filters.wageMin || filters.wageMax) && !filters.wageUnit && <p class="hint" role="status">{t('searchWageNeedsUnit')}</p>}
        </fieldset>
        <label for="keywords">{t('searchKeywords')}</label>{' '}
        <input id="keywords" type="search" maxLength={100} value={filters.keywords} onInput={(e) => set('keywords', (e.target as HTMLInputElement).value)} />
        <div class="actions">
          <button type="submit" disabled={busy}>
            {t('searchSubmit')}
          </button>{' '}
          <button type="button" onClick={() => setFilters(EMPTY_FILTERS)}>
            {t('searchClear')}
          </button>
        </div>
        <div class="saved-searches">
          <label for="save-name">{t('searchSaveName')}</label>{' '}
          <input id="save-name" value={saveName} maxLength={60} onInput={(e) => setSaveName((e.target as HTMLInputElement).value)} />{' '}
          <button type="button" onClick={() => void save()} disabled={!saveName.trim()}>
            {t('searchSave')}
          </button>
          {saved.length > 0 && (
            <ul aria-label={t('searchSavedList')}>
              {saved.map((s) => (
                <li key={s.id}>
                  <button
                    type="button"
                    class="link"
                    onClick={() => {
                      const f = filtersFromQuery(s.query);
                      setFilters(f);
                      void run(false, f);
                    }}
                  >
                    {s.name}
                  </button>{' '}
                  <button type="button" class="link" aria-label={t('searchSavedDelete', s.name)} onClick={() => s.id !== undefined && void db.savedSearches.delete(s.id)}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      </form>
      {problem && <ProblemAlert problem={problem} />}
      <div aria-live="polite" aria-busy={busy}>
        {results && (
          <>
            <p>{results.length ? t('searchCount', results.length) : t('searchNone')}</p>
            <p class="hint">{t('searchOpenHint')}</p>
            <ol class="results">
              {results.map((p) => (
                <li key={p.id} class="result">
                  <p class="result-title">
                    {p.occupations.map(occupationLabel).join('・')} <span class="muted">({p.id})</span>
                  </p>
                  <p>
                    {p.areas.map((a) => prefectureLabel(a.prefecture)).join('、')} ／ {p.employmentTypes.map(employmentTypeLabel).join('・')} ／ {wageLabel(p.wage)}
                  </p>
                  <p class="muted">
                    {ageBandLabel(p.ageBand)} ／ {educationLabel(p.education)} ／ {t('searchUpdated', formatDate(p.updatedOn))}
                  </p>
                  <button type="button" onClick={() => onOpen(p.id)} aria-label={t('searchOpenLabel', p.id)}>
                    {t('searchOpen')}
                  </button>
                </li>
              ))}
            </ol>
            {cursor && (
              <button type="button" onClick={() => void run(true)} disabled={busy}>
                {t('searchMore')}
              </button>
            )}
          </>
        )}
      </div>
    </section>
  );
}
