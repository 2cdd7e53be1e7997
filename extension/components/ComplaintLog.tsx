import { useEffect, useState } from 'preact/hooks';
import {
  AgencyComplaintCreateSchema,
  ComplaintHandlingSchema,
  type AgencyComplaint,
  type ComplaintSource,
} from '../../shared/schemas/complaint';
import { addComplaintHandling, createComplaint, listComplaints, type ApiContext } from '../utils/api';
import { t, type MessageKey } from '../utils/i18n';
import { ApiProblem } from '../utils/problem';
import { formatDate, todayJst } from '../utils/time';
import { MessageText } from './MessageText';
import { ProblemAlert } from './ProblemAlert';

const SOURCE_KEYS: Record<ComplaintSource, MessageKey> = {
  jobseeker: 'complaintFromJobseeker',
  employer: 'complaintFromEmployer',
  bureau: 'complaintFromBureau',
  other: 'complaintFromOther',
};

function HandlingForm({ onAdd }: { onAdd: (on: string, note: string) => Promise<void> }) {
  const [on, setOn] = useState(todayJst());
  const [note, setNote] = useState('');
  return (
    <form
      class="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (note.trim()) void onAdd(on, note).then(() => setNote(''));
      }}
    >
      <label>
        {t('complaintHandlingDate')}{' '}
        <input type="date" required value={on} max={todayJst()} onInput={(e) => setOn((e.target as HTMLInputElement).value)} />
      </label>{' '}
      <label>
        {t('complaintHandlingNote')}{' '}
        <textarea rows={2} required maxLength={2000} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
      </label>{' '}
      <button type="submit">{t('complaintHandlingAdd')}</button>
    </form>
  );
}

/**
 * The complaint log (R-CMP-1, §15(2)): date received, who from, content, and the handling so far,
 * kept by the worker so the bureau can ask for it. Entries are never rewritten; handling steps are
 * added.
 *
 * @example
 * <ComplaintLog ctx={ctx} />
 */
export function ComplaintLog({ ctx }: { ctx: ApiContext }) {
  const [items, setItems] = useState<AgencyComplaint[] | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [receivedOn, setReceivedOn] = useState(todayJst());
  const [from, setFrom] = useState<ComplaintSource>('jobseeker');
  const [content, setContent] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);

  const guard = async (work: () => Promise<void>) => {
    setProblem(null);
    try {
      await work();
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error);
    }
  };
  const load = () => guard(async () => setItems((await listComplaints(ctx)).items));
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const add = (e: Event) => {
    e.preventDefault();
    const parsed = AgencyComplaintCreateSchema.safeParse({ receivedOn, from, content, handling: [] });
    if (!parsed.success) {
      setInvalid(parsed.error.issues.map((i) => i.message).join(' '));
      return;
    }
    setInvalid(null);
    void guard(async () => {
      const created = await createComplaint(ctx, parsed.data);
      setItems((prev) => [created, ...(prev ?? [])]);
      setContent('');
    });
  };

  return (
    <section aria-labelledby="complaints-heading">
      <h2 id="complaints-heading">{t('complaintsTitle')}</h2>
      <p class="hint">{t('complaintsHint')}</p>
      {problem && <ProblemAlert problem={problem} />}
      <form class="stack" onSubmit={add}>
        <h3>{t('complaintNew')}</h3>
        <label for="complaint-received">{t('complaintReceivedOn')}</label>
        <input
          id="complaint-received"
          type="date"
          required
          max={todayJst()}
          value={receivedOn}
          onInput={(e) => setReceivedOn((e.target as HTMLInputElement).value)}
        />
        <label for="complaint-from">{t('complaintFrom')}</label>
        <select id="complaint-from" value={from} onChange={(e) => setFrom((e.target as HTMLSelectElement).value as ComplaintSource)}>
          {(Object.keys(SOURCE_KEYS) as ComplaintSource[]).map((s) => (
            <option key={s} value={s}>
              {t(SOURCE_KEYS[s])}
            </option>
          ))}
        </select>
        <label for="complaint-content">{t('complaintContent')}</label>
        <textarea
          id="complaint-content"
          rows={4}
          required
          maxLength={4000}
          value={content}
          onInput={(e) => setContent((e.target as HTMLTextAreaElement).value)}
        />
        {invalid && (
          <p role="alert" class="alert alert-problem">
            {invalid}
          </p>
        )}
        <button type="submit">{t('complaintAdd')}</button>
      </form>
      {items && items.length === 0 && <p>{t('complaintsEmpty')}</p>}
      {items && items.length > 0 && (
        <ol class="complaints">
          {items.map((c) => (
            <li key={c.id}>
              <h3>
                {formatDate(c.receivedOn)} ・ {t(SOURCE_KEYS[c.from])}
              </h3>
              <MessageText body={c.content} />
              <h4>{t('complaintHandling')}</h4>
              {c.handling.length === 0 ? (
                <p class="muted">{t('complaintNoHandling')}</p>
              ) : (
                <ul>
                  {c.handling.map((h, i) => (
                    <li key={i}>
                      {formatDate(h.on)}: <MessageText body={h.note} />
                    </li>
                  ))}
                </ul>
              )}
              <HandlingForm
                onAdd={(on, note) =>
                  guard(async () => {
                    const handling = ComplaintHandlingSchema.parse({ on, note });
                    const updated = await addComplaintHandling(ctx, c.id, { handling });
                    setItems((prev) => (prev ?? []).map((x) => (x.id === updated.id ? updated : x)));
                  })
                }
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
