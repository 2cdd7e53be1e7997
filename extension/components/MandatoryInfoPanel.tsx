import { serverNow } from '../utils/server-time';
import { useEffect, useState } from 'preact/hooks';
import { INDUSTRY_MAJOR_GROUPS } from '../../shared/data/industries';
import { type AgencyAccount } from '../../shared/schemas/agency-account';
import {
  MandatoryInformationInputSchema,
  type MandatoryInformation,
  type MandatoryInformationInput,
} from '../../shared/schemas/agency-mandatory-information';
import { type Procedure } from '../../shared/schemas/agency-procedures';
import { listProcedures, requestChange, type ApiContext } from '../utils/api';
import { t } from '../utils/i18n';
import { ApiProblem } from '../utils/problem';
import { formatDate, formatJstDateTime } from '../utils/time';
import { CodePicker, OCCUPATION_GROUPS, PREFECTURE_GROUPS } from './CodePicker';
import { MandatoryInfoCard } from './MandatoryInfoCard';
import { ProblemAlert } from './ProblemAlert';

const PROCEDURE_KINDS = { change: 'procedureChange', renewal: 'procedureRenewal', withdrawal: 'procedureWithdrawal' } as const;
const PROCEDURE_STATUSES = {
  pending: 'procedurePending',
  accepted: 'procedureAccepted',
  rejected: 'procedureRejected',
  expired: 'procedureExpired',
  effective: 'procedureEffective',
} as const;

const EMPTY: MandatoryInformationInput = {
  placementRecord: { fiscalYear: serverNow().getFullYear() - 1, placements: 0, summary: '' },
  jobsHandled: { occupations: [], industries: [], prefectures: [] },
  feesToJobseekers: { hasFees: false, text: '' },
};

/** What the agency files: the shown information without the complaints officer (the registered privacy officer, R-MSG-1). */
function filedPart(info: MandatoryInformation | undefined): MandatoryInformationInput {
  if (!info) return structuredClone(EMPTY);
  const { complaintsOfficer: _shown, ...rest } = structuredClone(info);
  return rest;
}

/**
 * The change request form for the mandatory information (R-APP-4): a full new version, checked
 * with the shared schema, sent to the bureau; it takes effect when the bureau accepts it, and
 * jobseekers in open conversations then get a change notice (R-MSG-3).
 *
 * @example
 * <ChangeRequestForm ctx={ctx} current={me.mandatoryInformation?.content} />
 */
export function ChangeRequestForm({ ctx, current }: { ctx: ApiContext; current: MandatoryInformation | undefined }) {
  const [draft, setDraft] = useState<MandatoryInformationInput>(() => filedPart(current));
  const [note, setNote] = useState('');
  const [invalid, setInvalid] = useState<string[]>([]);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [done, setDone] = useState<Procedure | null>(null);
  const update = (change: (d: MandatoryInformationInput) => void) =>
    setDraft((prev) => {
      const next = structuredClone(prev);
      change(next);
      return next;
    });
  const value = (e: Event) => (e.target as HTMLInputElement).value;

  const submit = async (e: Event) => {
    e.preventDefault();
    setProblem(null);
    setDone(null);
    const parsed = MandatoryInformationInputSchema.safeParse(draft);
    if (!parsed.success) {
      setInvalid(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
      return;
    }
    setInvalid([]);
    try {
      setDone(await requestChange(ctx, { mandatoryInformation: parsed.data, ...(note.trim() ? { note: note.trim() } : {}) }));
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error);
    }
  };

  return (
    <form class="stack" onSubmit={(e) => void submit(e)} aria-labelledby="change-heading">
      <h3 id="change-heading">{t('changeTitle')}</h3>
      <p class="hint">{t('changeHint')}</p>
      <fieldset>
        <legend>{t('mandatoryPlacementRecord')}</legend>
        <label for="mi-fy">{t('changeFiscalYear')}</label>
        <input
          id="mi-fy"
          type="number"
          min={2020}
          max={2100}
          required
          value={draft.placementRecord.fiscalYear}
          onInput={(e) => update((d) => (d.placementRecord.fiscalYear = Number(value(e))))}
        />
        <label for="mi-placements">{t('changePlacements')}</label>
        <input
          id="mi-placements"
          type="number"
          min={0}
          required
          value={draft.placementRecord.placements}
          onInput={(e) => update((d) => (d.placementRecord.placements = Number(value(e))))}
        />
        <label for="mi-summary">{t('changeSummary')}</label>
        <textarea
          id="mi-summary"
          rows={2}
          maxLength={1000}
          value={draft.placementRecord.summary}
          onInput={(e) => update((d) => (d.placementRecord.summary = value(e)))}
        />
      </fieldset>
      <CodePicker
        id="mi-occupations"
        legend={t('mandatoryOccupations')}
        groups={OCCUPATION_GROUPS}
        value={draft.jobsHandled.occupations}
        onChange={(v) => update((d) => (d.jobsHandled.occupations = v as MandatoryInformation['jobsHandled']['occupations']))}
      />
      <fieldset>
        <legend>{t('mandatoryIndustries')}</legend>
        {INDUSTRY_MAJOR_GROUPS.map((g) => (
          <label key={g.code} class="check">
            <input
              type="checkbox"
              checked={draft.jobsHandled.industries.includes(g.code)}
              onChange={(e) =>
                update((d) => {
                  const on = (e.target as HTMLInputElement).checked;
                  d.jobsHandled.industries = on
                    ? [...d.jobsHandled.industries, g.code]
                    : d.jobsHandled.industries.filter((c) => c !== g.code);
                })
              }
            />{' '}
            {g.name}
          </label>
        ))}
      </fieldset>
      <CodePicker
        id="mi-prefectures"
        legend={t('mandatoryRegions')}
        groups={PREFECTURE_GROUPS}
        value={draft.jobsHandled.prefectures}
        onChange={(v) => update((d) => (d.jobsHandled.prefectures = v as MandatoryInformation['jobsHandled']['prefectures']))}
      />
      <fieldset>
        <legend>{t('mandatoryFees')}</legend>
        <label class="check">
          <input
            type="checkbox"
            checked={draft.feesToJobseekers.hasFees}
            onChange={(e) => update((d) => (d.feesToJobseekers.hasFees = (e.target as HTMLInputElement).checked))}
          />{' '}
          {t('changeHasFees')}
        </label>
        <label for="mi-fees">{t('changeFeesText')}</label>
        <textarea
          id="mi-fees"
          rows={2}
          maxLength={1000}
          value={draft.feesToJobseekers.text}
          onInput={(e) => update((d) => (d.feesToJobseekers.text = value(e)))}
        />
      </fieldset>
      <fieldset>
        <legend>{t('mandatoryOfficer')}</legend>
        <p class="hint">
          {current?.complaintsOfficer ? `${current.complaintsOfficer.name} ` : ''}
          {t('changeOfficerIsPrivacyOfficer')}
        </p>
      </fieldset>
      <label for="mi-note">{t('changeNote')}</label>
      <textarea id="mi-note" rows={2} maxLength={1000} value={note} onInput={(e) => setNote(value(e))} />
      {invalid.length > 0 && (
        <div role="alert" class="alert alert-problem">
          <p class="alert-title">{t('changeInvalid')}</p>
          <ul>
            {invalid.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      {problem && <ProblemAlert problem={problem} />}
      <button type="submit">{t('changeSubmit')}</button>
      <p role="status">{done ? (done.deadline ? t('changeDoneDeadline', formatDate(done.deadline)) : t('changeDone')) : ''}</p>
    </form>
  );
}

/**
 * The agency's current mandatory information as jobseekers see it, its version and acceptance
 * date, and the form to ask for a change.
 *
 * @example
 * <MandatoryInfoPanel ctx={ctx} agency={me} />
 */
export function MandatoryInfoPanel({ ctx, agency }: { ctx: ApiContext; agency: AgencyAccount }) {
  const current = agency.mandatoryInformation;
  const [procedures, setProcedures] = useState<Procedure[]>([]);
  useEffect(() => {
    listProcedures(ctx).then(
      (r) => setProcedures(r.items),
      () => setProcedures([]),
    );
  }, [ctx.baseUrl, ctx.token]);
  return (
    <section aria-labelledby="mandatory-heading">
      <h2 id="mandatory-heading">{t('mandatoryPanelTitle')}</h2>
      {current ? (
        <>
          <p class="hint">{t('mandatoryAccepted', current.version, formatJstDateTime(current.acceptedAt))}</p>
          <MandatoryInfoCard info={current.content} agencyName={agency.name} />
        </>
      ) : (
        <p>{t('mandatoryNone')}</p>
      )}
      {procedures.length > 0 && (
        <>
          <h3>{t('proceduresTitle')}</h3>
          <ul>
            {procedures.map((p) => (
              <li key={p.id}>
                {t(PROCEDURE_KINDS[p.kind])} ・ {formatDate(p.submittedOn)} ・ {t(PROCEDURE_STATUSES[p.status])}
                {p.status === 'pending' && p.deadline ? ` ・ ${t('proceduresDeadline', formatDate(p.deadline))}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      <ChangeRequestForm ctx={ctx} current={current?.content} />
    </section>
  );
}
