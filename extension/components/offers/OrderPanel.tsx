import { useEffect, useState } from 'preact/hooks';
import type { AgencyAccount } from '../../../shared/schemas/agency-account';
import type { JobOrder, JobOrderRequest } from '../../../shared/schemas/job-desk';
import type { ApiContext } from '../../utils/api';
import { t } from '../../utils/i18n';
import { acceptOrder, listOrders } from '../../utils/job-offers';
import type { ApiProblem } from '../../utils/problem';
import { formatDate } from '../../utils/time';
import { CodePicker, OCCUPATION_GROUPS, PREFECTURE_GROUPS } from '../CodePicker';
import { ProblemAlert } from '../ProblemAlert';
import { todayJst, useCall } from './run';
import { StatementView } from './StatementView';

type Form = {
  offerNumber: string;
  employer: string;
  contact: string;
  acceptedOn: string;
  occupations: string[];
  prefectures: string[];
  jobsText: string;
  fees: string;
  subsidies: boolean;
  subsidyKinds: string;
  officer: string;
  officerContact: string;
  procedure: string;
};

/** The request an order form makes (R-JOB-6): fees only for paid agencies, complaints only when named. */
export function orderRequest(f: Form, paid: boolean): JobOrderRequest {
  return {
    ...(f.offerNumber.trim() ? { offerNumber: f.offerNumber.trim() } : {}),
    employer: { name: f.employer.trim(), ...(f.contact.trim() ? { contactName: f.contact.trim() } : {}) },
    acceptedOn: f.acceptedOn,
    jobsHandled: {
      occupations: f.occupations as JobOrderRequest['jobsHandled']['occupations'],
      prefectures: f.prefectures as JobOrderRequest['jobsHandled']['prefectures'],
      text: f.jobsText,
    },
    ...(paid ? { fees: { text: f.fees } } : {}),
    ...(f.officer.trim() ? { complaints: { officer: f.officer.trim(), contact: f.officerContact.trim(), procedure: f.procedure } } : {}),
    subsidies: {
      handles: f.subsidies,
      kinds: f.subsidies
        ? f.subsidyKinds
            .split('\n')
            .map((k) => k.trim())
            .filter(Boolean)
        : [],
    },
  };
}

/**
 * R-JOB-6: record an order accepted from an employer; its statement as email text and a printable
 * page. From then on the offer is presented as the agency's own (§7(1)②カ).
 */
export function OrderPanel({
  ctx,
  agency,
  offerNumber,
  onProblem,
}: {
  ctx: ApiContext;
  agency: AgencyAccount;
  offerNumber?: string;
  onProblem?: (p: ApiProblem) => void;
}) {
  const paid = agency.licence.kind === 'paid';
  const [form, setForm] = useState<Form>({
    offerNumber: offerNumber ?? '',
    employer: '',
    contact: '',
    acceptedOn: todayJst(),
    occupations: [],
    prefectures: [],
    jobsText: '',
    fees: '',
    subsidies: false,
    subsidyKinds: '',
    officer: '',
    officerContact: '',
    procedure: '',
  });
  const [orders, setOrders] = useState<JobOrder[]>([]);
  const [shown, setShown] = useState<JobOrder | null>(null);
  const { busy, problem, run } = useCall(onProblem);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));
  const input = (k: keyof Form) => (e: Event) => set(k, (e.target as HTMLInputElement).value as never);
  useEffect(() => {
    void run(() => listOrders(ctx)).then((r) => r && setOrders(r.items));
  }, []);
  const submit = async () => {
    const order = await run(() => acceptOrder(ctx, orderRequest(form, paid)));
    if (order) {
      setOrders((o) => [order, ...o]);
      setShown(order);
    }
  };
  return (
    <section aria-labelledby="orders-heading">
      <h2 id="orders-heading">{t('offersOrdersTitle')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label for="order-number">{t('offersOrderOfferNumber')}</label>
        <input id="order-number" maxLength={14} value={form.offerNumber} onInput={input('offerNumber')} />
        <label for="order-employer">{t('offersOrderEmployer')}</label>
        <input id="order-employer" required maxLength={100} value={form.employer} onInput={input('employer')} />
        <label for="order-contact">{t('offersOrderContact')}</label>
        <input id="order-contact" maxLength={100} value={form.contact} onInput={input('contact')} />
        <label for="order-accepted">{t('offersOrderAcceptedOn')}</label>
        <input id="order-accepted" type="date" required value={form.acceptedOn} onInput={input('acceptedOn')} />
        <CodePicker
          id="order-occupation"
          legend={t('offersOrderOccupations')}
          groups={OCCUPATION_GROUPS}
          value={form.occupations}
          onChange={(v) => set('occupations', v)}
          max={99}
        />
        <CodePicker
          id="order-prefecture"
          legend={t('offersOrderPrefectures')}
          groups={PREFECTURE_GROUPS}
          value={form.prefectures}
          onChange={(v) => set('prefectures', v)}
        />
        <label for="order-jobs">{t('offersOrderJobsText')}</label>
        <textarea id="order-jobs" required maxLength={1000} rows={2} value={form.jobsText} onInput={input('jobsText')} />
        {paid && (
          <>
            <label for="order-fees">{t('offersOrderFees')}</label>
            <textarea id="order-fees" required maxLength={2000} rows={3} value={form.fees} onInput={input('fees')} />
          </>
        )}
        <label class="check">
          <input type="checkbox" checked={form.subsidies} onChange={(e) => set('subsidies', (e.target as HTMLInputElement).checked)} />{' '}
          {t('offersOrderSubsidies')}
        </label>
        {form.subsidies && (
          <>
            <label for="order-subsidy-kinds">{t('offersOrderSubsidyKinds')}</label>
            <textarea id="order-subsidy-kinds" rows={3} value={form.subsidyKinds} onInput={input('subsidyKinds')} />
          </>
        )}
        <fieldset>
          <legend>{t('offersOrderComplaints')}</legend>
          <label for="order-officer">{t('offersOrderComplaints')}</label>
          <input id="order-officer" maxLength={100} value={form.officer} onInput={input('officer')} />
          <label for="order-officer-contact">{t('offersOrderComplaintsContact')}</label>
          <input id="order-officer-contact" maxLength={200} value={form.officerContact} onInput={input('officerContact')} />
          <label for="order-procedure">{t('offersOrderComplaintsProcedure')}</label>
          <textarea id="order-procedure" maxLength={1000} rows={2} value={form.procedure} onInput={input('procedure')} />
        </fieldset>
        <button type="submit" disabled={busy}>
          {t('offersOrderSubmit')}
        </button>
      </form>
      {problem && <ProblemAlert problem={problem} />}
      {shown && <StatementView statement={shown.statement} />}
      {!orders.length ? (
        <p>{t('offersOrdersNone')}</p>
      ) : (
        <ul>
          {orders.map((o) => (
            <li key={o.id}>
              {t('offersOrderLine', o.employerName, formatDate(o.acceptedOn))}
              {o.offerNumber ? ` ${o.offerNumber}` : ''}{' '}
              <button type="button" class="link" onClick={() => setShown(o)}>
                {t('offersOrderShow')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
