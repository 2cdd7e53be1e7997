import { useState } from 'preact/hooks';
import { reportDueDate } from '../../shared/rules/deadlines';
import { reportParts } from '../../shared/rules/reports';
import { fiscalYear } from '../../shared/rules/time';
import type { AgencyAccount } from '../../shared/schemas/agency-account';
import { AnnualReportRequestSchema } from '../../shared/schemas/report';
import { submitAnnualReport, type ApiContext } from '../utils/api';
import { t } from '../utils/i18n';
import { ApiProblem } from '../utils/problem';
import { formatDate, todayJst } from '../utils/time';
import { ProblemAlert } from './ProblemAlert';

function NumberField({ id, label, value, onInput }: { id: string; label: string; value: string; onInput: (v: string) => void }) {
  return (
    <p>
      <label for={id}>{label}</label>{' '}
      <input
        id={id}
        type="number"
        min={0}
        step={1}
        inputMode="numeric"
        required
        value={value}
        onInput={(e) => onInput((e.target as HTMLInputElement).value)}
      />
    </p>
  );
}

/**
 * The annual usage report (利用状況報告, R-REP-1), due 20 April for the fiscal year just ended:
 * hires (and, for paid agencies, the fee total) for the job-offer service; new applications (and,
 * for paid agencies, jobseeker and employer fees as total and count) for the jobseeker service.
 * Zeros are a valid report. Checked with the shared schema before it is sent.
 *
 * @example
 * <AnnualReportForm ctx={ctx} agency={me} />
 */
export function AnnualReportForm({ ctx, agency }: { ctx: ApiContext; agency: AgencyAccount }) {
  const lastYear = fiscalYear(todayJst()) - 1;
  const [year, setYear] = useState(lastYear);
  const { jobOffer, jobseeker, fees: paid } = reportParts(agency.licence.kind, agency.services);
  const [v, setV] = useState({ hires: '0', feeTotal: '0', newApplications: '0', jsTotal: '0', jsCount: '0', emTotal: '0', emCount: '0' });
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const set = (key: keyof typeof v) => (value: string) => setV((prev) => ({ ...prev, [key]: value }));
  const n = (s: string) => Number(s);

  const submit = async (e: Event) => {
    e.preventDefault();
    setProblem(null);
    setDone(null);
    const body = {
      ...(jobOffer ? { jobOffer: { hires: n(v.hires), ...(paid ? { feeTotal: n(v.feeTotal) } : {}) } } : {}),
      ...(jobseeker
        ? {
            jobseeker: {
              newApplications: n(v.newApplications),
              ...(paid
                ? {
                    jobseekerFees: { total: n(v.jsTotal), count: n(v.jsCount) },
                    employerFees: { total: n(v.emTotal), count: n(v.emCount) },
                  }
                : {}),
            },
          }
        : {}),
    };
    const parsed = AnnualReportRequestSchema.safeParse(body);
    if (!parsed.success) {
      setInvalid(parsed.error.issues.map((i) => i.message).join(' '));
      return;
    }
    setInvalid(null);
    try {
      await submitAnnualReport(ctx, year, parsed.data);
      setDone(t('reportDone', year));
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error);
    }
  };

  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">{t('reportTitle')}</h2>
      <p class="hint">{t('reportHint', formatDate(reportDueDate(year)))}</p>
      <form class="stack" onSubmit={(e) => void submit(e)}>
        <label for="report-year">{t('reportYear')}</label>
        <select id="report-year" value={String(year)} onChange={(e) => setYear(Number((e.target as HTMLSelectElement).value))}>
          {[lastYear, lastYear - 1].map((y) => (
            <option key={y} value={String(y)}>
              {t('reportYearOption', y)}
            </option>
          ))}
        </select>
        {jobOffer && (
          <fieldset>
            <legend>{t('reportJobOffer')}</legend>
            <NumberField id="report-hires" label={t('reportHires')} value={v.hires} onInput={set('hires')} />
            {paid && <NumberField id="report-fee-total" label={t('reportFeeTotal')} value={v.feeTotal} onInput={set('feeTotal')} />}
          </fieldset>
        )}
        {jobseeker && (
          <fieldset>
            <legend>{t('reportJobseeker')}</legend>
            <NumberField
              id="report-new-applications"
              label={t('reportNewApplications')}
              value={v.newApplications}
              onInput={set('newApplications')}
            />
            {paid && (
              <>
                <NumberField id="report-js-total" label={t('reportJobseekerFeeTotal')} value={v.jsTotal} onInput={set('jsTotal')} />
                <NumberField id="report-js-count" label={t('reportJobseekerFeeCount')} value={v.jsCount} onInput={set('jsCount')} />
                <NumberField id="report-em-total" label={t('reportEmployerFeeTotal')} value={v.emTotal} onInput={set('emTotal')} />
                <NumberField id="report-em-count" label={t('reportEmployerFeeCount')} value={v.emCount} onInput={set('emCount')} />
              </>
            )}
          </fieldset>
        )}
        <p class="hint">{t('reportZerosOk')}</p>
        {invalid && (
          <p role="alert" class="alert alert-problem">
            {invalid}
          </p>
        )}
        {problem && <ProblemAlert problem={problem} />}
        <button type="submit">{t('reportSubmit')}</button>
        <p role="status">{done ?? ''}</p>
      </form>
    </section>
  );
}
