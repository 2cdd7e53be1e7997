import { useEffect, useRef, useState } from 'preact/hooks';
import type { FeedPage } from '../../shared/schemas/feed-search';
import type { ProfileSummary } from '../../shared/schemas/profile';
import { searchFeed, type ApiContext } from '../utils/api';
import { db, type SavedSearchRecord } from '../utils/db';
import { EMPTY_FILTERS, feedQuery, filtersFromQuery, type FeedFilters } from '../utils/feed-query';
import { t } from '../utils/i18n';
import { educationLabel, employmentTypeLabel, industryLabel, occupationLabel, prefectureLabel, wageLabel } from '../utils/labels';
import { ApiProblem } from '../utils/problem';
import { markSavedSearchSeen, refreshSavedSearches } from '../utils/saved-searches';
import { serverNow } from '../utils/server-time';
import type { AccountKey } from '../utils/session';
import { formatDate } from '../utils/time';
import { ProblemAlert } from './ProblemAlert';
import { FilterBar } from './search/FilterBar';
import { SavedSearches } from './search/SavedSearches';

/**
 * The feed search (R-FEED-3): a compact filter bar with every filter the API has except age, the
 * results brought into view with the total when the worker gives one, paging, and saved searches
 * with their new matches. Opening a result records an acquisition (R-RET-1), so the button says so.
 *
 * @example
 * <FeedSearch ctx={ctx} account={account} onOpen={(id) => go({ name: 'profile', profileId: id })} onProblem={applyProblem} />
 */
/** R-FEED-3: 「該当 1,234件」, or 「該当 1,000件以上」 when the worker counted up to its bound. */
function totalText(total: { count: number; exact: boolean }, shown: number): string {
  return t(total.exact ? 'searchTotal' : 'searchTotalAtLeast', total.count.toLocaleString('ja-JP'), shown.toLocaleString('ja-JP'));
}

export function FeedSearch({
  ctx,
  account,
  onOpen,
  onProblem,
}: {
  ctx: ApiContext;
  account: AccountKey;
  onOpen: (profileId: string) => void;
  onProblem?: (problem: ApiProblem) => void;
}) {
  const [filters, setFilters] = useState<FeedFilters>(EMPTY_FILTERS);
  const [results, setResults] = useState<ProfileSummary[] | null>(null);
  const [total, setTotal] = useState<{ count: number; exact: boolean } | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const [arrived, setArrived] = useState(0);

  useEffect(() => {
    // New results come into view and take focus, so keyboard and screen-reader users land on them.
    if (arrived === 0) return;
    resultsHeading.current?.scrollIntoView?.({ block: 'start' });
    resultsHeading.current?.focus();
  }, [arrived]);

  useEffect(() => {
    // The saved searches' new matches, fresh when the dashboard opens (the background refreshes them hourly).
    void refreshSavedSearches({ ctx, account, now: serverNow() }).catch(() => undefined);
  }, [account]);

  const run = async (more: boolean, using: FeedFilters = filters, saved?: SavedSearchRecord): Promise<FeedPage | null> => {
    setBusy(true);
    setProblem(null);
    try {
      const page = await searchFeed(ctx, feedQuery(using, more ? (cursor ?? undefined) : undefined));
      setResults((prev) => (more && prev ? [...prev, ...page.items] : page.items));
      setCursor(page.nextCursor);
      if (!more) setTotal(typeof page.total === 'number' ? { count: page.total, exact: page.totalExact !== false } : null);
      if (saved?.id !== undefined)
        await markSavedSearchSeen(
          saved.id,
          page.items.map((p) => p.id),
          serverNow(),
        );
      if (!more) setArrived((n) => n + 1);
      return page;
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error);
      onProblem?.(error);
      return null;
    } finally {
      setBusy(false);
    }
  };

  const save = async (name: string) => {
    const id = await db.savedSearches.add({ account, name, query: feedQuery(filters), createdAt: serverNow().toISOString() });
    if (results && typeof id === 'number')
      await markSavedSearchSeen(
        id,
        results.map((p) => p.id),
        serverNow(),
      );
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
        <FilterBar filters={filters} onChange={setFilters} />
        <div class="actions search-actions">
          <button type="submit" class="primary" disabled={busy}>
            {t('searchSubmit')}
          </button>{' '}
          <button type="button" onClick={() => setFilters(EMPTY_FILTERS)}>
            {t('searchClear')}
          </button>
          <span class="hint"> {t('searchAgeNotFilter')}</span>
        </div>
      </form>
      <SavedSearches
        account={account}
        onSave={save}
        onRun={(s) => {
          const f = filtersFromQuery(s.query);
          setFilters(f);
          void run(false, f, s);
        }}
      />
      {problem && <ProblemAlert problem={problem} />}
      <div aria-busy={busy}>
        {results && (
          <>
            <h3 id="results-heading" tabIndex={-1} ref={resultsHeading}>
              {t('searchResultsTitle')}
            </h3>
            <p role="status">
              {results.length === 0
                ? t('searchNone')
                : total !== null
                  ? totalText(total, results.length)
                  : t('searchCount', results.length)}
            </p>
            {results.length > 0 && <p class="hint">{t('searchOpenHint')}</p>}
            <ol class="results" aria-labelledby="results-heading">
              {results.map((p) => (
                <li key={p.id} class="result">
                  <p class="result-title">
                    {p.occupations.map(occupationLabel).join('・')} <span class="muted">({p.id})</span>
                  </p>
                  <p>
                    {p.areas.map((a) => prefectureLabel(a.prefecture)).join('、')} ／{' '}
                    {p.employmentTypes.map(employmentTypeLabel).join('・')} ／ {wageLabel(p.wage)}
                  </p>
                  <p class="muted">
                    {p.industries.map(industryLabel).join('・')}
                    {p.industries.length > 0 ? ' ／ ' : ''}
                    {educationLabel(p.education)} ／ {t('searchUpdated', formatDate(p.updatedOn))}
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
