import { useEffect, useState } from 'preact/hooks';
import { HELLO_WORK_LABEL, quoteBody } from '../../../shared/rules/job-offers';
import type { JobOfferDetail } from '../../../shared/schemas/job-offer';
import type { Quote } from '../../../shared/schemas/job-desk';
import type { ApiContext } from '../../utils/api';
import { db } from '../../utils/db';
import { t } from '../../utils/i18n';
import { makeQuote, openOffer } from '../../utils/job-offers';
import type { ApiProblem } from '../../utils/problem';
import type { AccountKey } from '../../utils/session';
import { ProblemAlert } from '../ProblemAlert';
import { AdditionForm, ChangeReportForm } from './OfferForms';
import { useCall } from './run';

/**
 * One offer in the exact quoted layout (R-JOB-2), with a quote for one jobseeker (R-JOB-7), the
 * agency's additions with consent (R-JOB-4) and the change report (R-JOB-5). The opened offer is
 * kept in Dexie until the worker says it closed (R-JOB-3).
 */
export function OfferDetail({
  ctx,
  account,
  offerNumber,
  onBack,
  onProblem,
}: {
  ctx: ApiContext;
  account: AccountKey;
  offerNumber: string;
  onBack: () => void;
  onProblem?: (p: ApiProblem) => void;
}) {
  const [detail, setDetail] = useState<JobOfferDetail | null>(null);
  const [quote, setQuote] = useState<Quote | null>(null);
  const [ref, setRef] = useState('');
  const [procedure, setProcedure] = useState('');
  const load = useCall(onProblem);
  const quoting = useCall(onProblem);

  useEffect(() => {
    void load
      .run(() => openOffer(ctx, offerNumber))
      .then(async (d) => {
        if (d) {
          setDetail(d);
          await db.jobOffers.put({ account, offerNumber, detail: d, fetchedAt: new Date().toISOString() });
        } else {
          // Closed or gone: no local copy either (R-JOB-3).
          await db.jobOffers.delete([account, offerNumber]);
        }
      });
  }, [offerNumber]);

  const submitQuote = async () => {
    const q = await quoting.run(() =>
      makeQuote(ctx, offerNumber, { jobseekerRef: ref.trim(), ...(procedure.trim() ? { introductionProcedure: procedure.trim() } : {}) }),
    );
    if (q) setQuote(q);
  };

  return (
    <section aria-labelledby="offer-detail-heading">
      <button type="button" class="link" onClick={onBack}>
        {t('offersBack')}
      </button>
      <h2 id="offer-detail-heading">{detail ? t('offersDetailTitle', offerNumber, detail.version) : offerNumber}</h2>
      {load.problem && <ProblemAlert problem={load.problem} />}
      {!detail && !load.problem && <p role="status">{t('loading')}</p>}
      {detail && (
        <>
          <p class="hint">{t('offersNotForRedistribution')}</p>
          <pre class="message-text quote-text" aria-label={HELLO_WORK_LABEL}>{`【${HELLO_WORK_LABEL}】\n\n${quoteBody(detail.offer)}`}</pre>
          <section aria-labelledby="quote-heading">
            <h3 id="quote-heading">{t('offersQuoteTitle')}</h3>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void submitQuote();
              }}
            >
              <label for="quote-ref">{t('offersQuoteRef')}</label>{' '}
              <input id="quote-ref" required maxLength={40} value={ref} onInput={(e) => setRef((e.target as HTMLInputElement).value)} />
              <label for="quote-procedure">{t('offersQuoteProcedure')}</label>
              <textarea
                id="quote-procedure"
                maxLength={500}
                rows={2}
                value={procedure}
                onInput={(e) => setProcedure((e.target as HTMLTextAreaElement).value)}
              />
              <button type="submit" disabled={quoting.busy || !ref.trim()}>
                {t('offersQuoteSubmit')}
              </button>
            </form>
            {quoting.problem && <ProblemAlert problem={quoting.problem} />}
            {quote?.text && (
              <div role="status">
                <p>{t('offersQuoteDone')}</p>
                <textarea class="quote-output" readOnly rows={12} aria-label={t('offersQuoteTitle')} value={quote.text} />
              </div>
            )}
          </section>
          <AdditionForm ctx={ctx} offerNumber={offerNumber} onProblem={onProblem} />
          <ChangeReportForm ctx={ctx} offerNumber={offerNumber} office={detail.offer.receivingOffice} onProblem={onProblem} />
        </>
      )}
    </section>
  );
}
