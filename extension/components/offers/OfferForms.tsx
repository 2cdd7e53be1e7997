import { useState } from 'preact/hooks';
import { CONSENT_METHODS } from '../../../shared/schemas/job-desk';
import type { ApiContext } from '../../utils/api';
import { t, type MessageKey } from '../../utils/i18n';
import { addAddition, reportChange } from '../../utils/job-offers';
import type { ApiProblem } from '../../utils/problem';
import { ProblemAlert } from '../ProblemAlert';
import { todayJst, useCall } from './run';

export const CONSENT_LABELS: Record<(typeof CONSENT_METHODS)[number], MessageKey> = {
  email: 'offersConsentEmail',
  document: 'offersConsentDocument',
  phone: 'offersConsentPhone',
  in_person: 'offersConsentInPerson',
  other: 'offersConsentOther',
};

/** R-JOB-4: an addition, sent only with who consented, when and how. */
export function AdditionForm({
  ctx,
  offerNumber,
  onProblem,
}: {
  ctx: ApiContext;
  offerNumber: string;
  onProblem?: (p: ApiProblem) => void;
}) {
  const [text, setText] = useState('');
  const [by, setBy] = useState('');
  const [on, setOn] = useState(todayJst());
  const [method, setMethod] = useState<(typeof CONSENT_METHODS)[number]>('email');
  const [done, setDone] = useState(false);
  const { busy, problem, run } = useCall(onProblem);
  const submit = async () => {
    setDone(false);
    if (await run(() => addAddition(ctx, offerNumber, text, { by: by.trim(), on, method }))) {
      setDone(true);
      setText('');
    }
  };
  return (
    <section aria-labelledby="addition-heading">
      <h3 id="addition-heading">{t('offersAdditionTitle')}</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label for="addition-text">{t('offersAdditionText')}</label>
        <textarea
          id="addition-text"
          required
          maxLength={2000}
          rows={3}
          value={text}
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
        />
        <label for="consent-by">{t('offersConsentBy')}</label>{' '}
        <input id="consent-by" required maxLength={100} value={by} onInput={(e) => setBy((e.target as HTMLInputElement).value)} />{' '}
        <label for="consent-on">{t('offersConsentOn')}</label>{' '}
        <input id="consent-on" type="date" required value={on} onInput={(e) => setOn((e.target as HTMLInputElement).value)} />{' '}
        <label for="consent-method">{t('offersConsentMethod')}</label>{' '}
        <select id="consent-method" value={method} onChange={(e) => setMethod((e.target as HTMLSelectElement).value as typeof method)}>
          {CONSENT_METHODS.map((m) => (
            <option key={m} value={m}>
              {t(CONSENT_LABELS[m])}
            </option>
          ))}
        </select>{' '}
        <button type="submit" disabled={busy || !text.trim() || !by.trim()}>
          {t('offersAdditionSubmit')}
        </button>
      </form>
      {problem && <ProblemAlert problem={problem} />}
      {done && <p role="status">{t('offersSaved')}</p>}
    </section>
  );
}

/** R-JOB-5: the agency learned of a change; it asks the employer to tell the office, then records it. */
export function ChangeReportForm({
  ctx,
  offerNumber,
  office,
  onProblem,
}: {
  ctx: ApiContext;
  offerNumber: string;
  office: { name: string; phone: string | null };
  onProblem?: (p: ApiProblem) => void;
}) {
  const [kind, setKind] = useState<'change' | 'cancellation'>('change');
  const [learned, setLearned] = useState('');
  const [learnedOn, setLearnedOn] = useState(todayJst());
  const [askedOn, setAskedOn] = useState('');
  const [done, setDone] = useState(false);
  const { busy, problem, run } = useCall(onProblem);
  const submit = async () => {
    setDone(false);
    if (await run(() => reportChange(ctx, offerNumber, { kind, learned, learnedOn, ...(askedOn ? { employerAskedOn: askedOn } : {}) })))
      setDone(true);
  };
  return (
    <section aria-labelledby="change-heading">
      <h3 id="change-heading">{t('offersChangeTitle')}</h3>
      <p>{t('offersChangeExplain', `${office.name}${office.phone ? ` ${office.phone}` : ''}`)}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label for="change-kind">{t('offersChangeKind')}</label>{' '}
        <select id="change-kind" value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value as typeof kind)}>
          <option value="change">{t('offersChangeKindChange')}</option>
          <option value="cancellation">{t('offersChangeKindCancel')}</option>
        </select>
        <label for="change-learned">{t('offersChangeLearned')}</label>
        <textarea
          id="change-learned"
          required
          maxLength={1000}
          rows={2}
          value={learned}
          onInput={(e) => setLearned((e.target as HTMLTextAreaElement).value)}
        />
        <label for="change-learned-on">{t('offersChangeLearnedOn')}</label>{' '}
        <input
          id="change-learned-on"
          type="date"
          required
          value={learnedOn}
          onInput={(e) => setLearnedOn((e.target as HTMLInputElement).value)}
        />{' '}
        <label for="change-asked-on">{t('offersChangeAskedOn')}</label>{' '}
        <input id="change-asked-on" type="date" value={askedOn} onInput={(e) => setAskedOn((e.target as HTMLInputElement).value)} />{' '}
        <button type="submit" disabled={busy || !learned.trim()}>
          {t('offersChangeSubmit')}
        </button>
      </form>
      {problem && <ProblemAlert problem={problem} />}
      {done && <p role="status">{t('offersSaved')}</p>}
    </section>
  );
}
