import { useEffect } from 'preact/hooks';
import { renderAdditions } from '../../../shared/rules/job-offers';
import { OFFER_CLOSE_REASON_LABELS } from '../../../shared/schemas/job-offer';
import type { ApiContext } from '../../utils/api';
import { db } from '../../utils/db';
import { t } from '../../utils/i18n';
import { syncOfferCopies } from '../../utils/job-offers';
import type { ApiProblem } from '../../utils/problem';
import type { AccountKey } from '../../utils/session';
import { formatDate, formatJstDateTime } from '../../utils/time';
import { useLiveQuery } from '../live-query';
import { ProblemAlert } from '../ProblemAlert';
import { CONSENT_LABELS } from './OfferForms';
import { useCall } from './run';

/**
 * The agency's quotes (R-JOB-3): current ones with their text, stale ones with what changed and a
 * way to the latest version, closed ones with no content at all; additions under their own heading
 * with the consent record (R-JOB-4). Reading the list brings the local copies in line.
 */
export function QuoteList({
  ctx,
  account,
  onOpen,
  onProblem,
}: {
  ctx: ApiContext;
  account: AccountKey;
  onOpen: (n: string) => void;
  onProblem?: (p: ApiProblem) => void;
}) {
  const rows = useLiveQuery(() => db.jobQuotes.where('account').equals(account).toArray(), [account], []);
  const { busy, problem, run } = useCall(onProblem);
  const refresh = () => void run(() => syncOfferCopies(ctx, account));
  useEffect(refresh, [account]);
  const sorted = [...rows].sort((a, b) => (a.quote.createdAt < b.quote.createdAt ? 1 : -1));
  return (
    <section aria-labelledby="quotes-heading">
      <h2 id="quotes-heading">{t('offersQuotesTitle')}</h2>
      <button type="button" onClick={refresh} disabled={busy}>
        {t('offersQuotesRefresh')}
      </button>
      {problem && <ProblemAlert problem={problem} />}
      {!sorted.length && <p>{t('offersQuotesNone')}</p>}
      <ol class="results" aria-busy={busy}>
        {sorted.map(({ quote: q, additions }) => (
          <li key={q.id} class={`result quote-${q.state}`}>
            <p class="result-title">
              {q.offerNumber} <span class="muted">{t('offersQuoteFor', q.jobseekerRef, q.version, formatJstDateTime(q.createdAt))}</span>
            </p>
            {q.state === 'closed' ? (
              <p class="alert" role="note">
                {t('offersQuoteClosed', q.closedReason ? OFFER_CLOSE_REASON_LABELS[q.closedReason] : '')}
              </p>
            ) : (
              <>
                {q.state === 'stale' ? (
                  <div class="alert" role="note">
                    <p>{t('offersQuoteStale', q.changed.join('、'))}</p>
                    <button type="button" onClick={() => onOpen(q.offerNumber)}>
                      {t('offersQuoteOpenLatest')}
                    </button>
                  </div>
                ) : (
                  <p class="badge-current">{t('offersQuoteCurrent')}</p>
                )}
                {q.state === 'current' && q.text && <pre class="message-text quote-text">{q.text}</pre>}
                {q.state === 'current' && additions.length > 0 && (
                  <div class="additions">
                    <pre class="message-text">{renderAdditions(additions)}</pre>
                    <ul class="muted">
                      {additions.map((a) => (
                        <li key={a.id}>
                          {t('offersConsentRecord', a.consent.by, formatDate(a.consent.on), t(CONSENT_LABELS[a.consent.method]))}
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
