import { useEffect, useState } from 'preact/hooks';
import type { AgencyAccount } from '../../../shared/schemas/agency-account';
import type { ApiContext } from '../../utils/api';
import { t, type MessageKey } from '../../utils/i18n';
import type { ApiProblem } from '../../utils/problem';
import type { AccountKey } from '../../utils/session';
import { syncOfferCopies } from '../../utils/job-offers';
import { OfferDetail } from './OfferDetail';
import { OfferSearch } from './OfferSearch';
import { OrderPanel } from './OrderPanel';
import { QuoteList } from './QuoteList';

type Sub = { name: 'search' } | { name: 'offer'; number: string; from: 'search' | 'quotes' } | { name: 'quotes' } | { name: 'orders' };
const SUBS: Array<{ name: 'search' | 'quotes' | 'orders'; label: MessageKey }> = [
  { name: 'search', label: 'offersSubSearch' },
  { name: 'quotes', label: 'offersSubQuotes' },
  { name: 'orders', label: 'offersSubOrders' },
];

/**
 * The 求人 tab (the job-offer service, R-JOB-1 … R-JOB-7): search, an offer in the quoted layout,
 * quotes with stale and closed marks, orders with the employer statement. Only for active agencies
 * admitted to the job-offer service, schools included.
 */
export function OffersTab({
  ctx,
  account,
  agency,
  onProblem,
}: {
  ctx: ApiContext;
  account: AccountKey;
  agency: AgencyAccount | null;
  onProblem?: (p: ApiProblem) => void;
}) {
  const [sub, setSub] = useState<Sub>({ name: 'search' });
  const usable = agency?.status === 'active' && agency.services.includes('job_offer');
  useEffect(() => {
    // R-JOB-3: while the tab is open, closed offers leave the local copies within a minute.
    if (!usable) return;
    const sync = () => void syncOfferCopies(ctx, account).catch(() => undefined);
    sync();
    const id = setInterval(sync, 60_000);
    return () => clearInterval(id);
  }, [account, usable]);
  if (!agency) return <p role="status">{t('loading')}</p>;
  if (!usable) return <p>{t('offersStopped')}</p>;
  const current = sub.name === 'offer' ? sub.from : sub.name;
  return (
    <div class="offers">
      <nav aria-label={t('offersNav')}>
        <ul class="tabs subtabs">
          {SUBS.map((s) => (
            <li key={s.name}>
              <button type="button" aria-current={current === s.name ? 'page' : undefined} onClick={() => setSub({ name: s.name } as Sub)}>
                {t(s.label)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {sub.name === 'search' && (
        <OfferSearch ctx={ctx} onOpen={(number) => setSub({ name: 'offer', number, from: 'search' })} onProblem={onProblem} />
      )}
      {sub.name === 'offer' && (
        <OfferDetail
          ctx={ctx}
          account={account}
          offerNumber={sub.number}
          onBack={() => setSub({ name: sub.from } as Sub)}
          onProblem={onProblem}
        />
      )}
      {sub.name === 'quotes' && (
        <QuoteList
          ctx={ctx}
          account={account}
          onOpen={(number) => setSub({ name: 'offer', number, from: 'quotes' })}
          onProblem={onProblem}
        />
      )}
      {sub.name === 'orders' && <OrderPanel ctx={ctx} agency={agency} onProblem={onProblem} />}
    </div>
  );
}
