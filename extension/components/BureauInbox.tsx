import { useEffect, useState } from 'preact/hooks';
import { jstDate } from '../../shared/rules/time';
import type { AgencyReportRequest, CorrectionRequest } from '../../shared/schemas/correspondence';
import type { ApiContext } from '../utils/api';
import {
  answerCorrection,
  answerReportRequest,
  correctionRequests,
  daysLeft,
  orderBureauItems,
  reportRequests,
  type BureauItem,
} from '../utils/correspondence';
import { t } from '../utils/i18n';
import { ApiProblem } from '../utils/problem';
import { formatDate } from '../utils/time';
import { Announcements } from './Announcements';
import { ProblemAlert } from './ProblemAlert';
import { TermsNotice } from './TermsNotice';

/** The due day in JST days: 「期限まであと3日」, 「本日が期限です」, 「期限を2日過ぎています」. */
function Due({ dueOn, today, open }: { dueOn: string; today: string; open: boolean }) {
  const left = daysLeft(dueOn, today);
  const text = !open
    ? t('bureauDueOn', formatDate(dueOn))
    : left > 0
      ? t('bureauDaysLeft', formatDate(dueOn), left)
      : left === 0
        ? t('bureauDueToday', formatDate(dueOn))
        : t('bureauOverdue', formatDate(dueOn), -left);
  return <span class={open && left < 0 ? 'due due-overdue' : 'due'}>{text}</span>;
}

function CorrectionItem({
  ctx,
  item,
  today,
  onChanged,
}: {
  ctx: ApiContext;
  item: CorrectionRequest;
  today: string;
  onChanged: () => void;
}) {
  const [doneOn, setDoneOn] = useState(today);
  const [text, setText] = useState('');
  const [error, setError] = useState<ApiProblem | null>(null);
  const open = item.status !== 'confirmed';
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      await answerCorrection(ctx, item.id, { doneOn, text });
      setText('');
      onChanged();
    } catch (err) {
      setError(err instanceof ApiProblem ? err : new ApiProblem(0, 'network_error', null));
    }
  };
  return (
    <article class="bureau-item" aria-label={t(item.kind === 'measure' ? 'bureauMeasure' : 'bureauCorrection')}>
      <h3>
        {t(item.kind === 'measure' ? 'bureauMeasure' : 'bureauCorrection')}・{t(`bureauStatus_${item.status}`)}
      </h3>
      <Due dueOn={item.dueOn} today={today} open={open} />
      <p>
        <strong>{t('bureauProblem')}</strong> {item.problem}
      </p>
      <p>
        <strong>{t('bureauRequired')}</strong> {item.required}
      </p>
      {item.answers.map((a) => (
        <p class="bureau-answer" key={a.answeredAt}>
          {t('bureauAnswered', formatDate(a.doneOn))} {a.text}
        </p>
      ))}
      {item.decisions.map((d) => (
        <p class="bureau-decision" key={d.decidedAt}>
          {t(d.decision === 'confirmed' ? 'bureauConfirmed' : 'bureauReturned')} {d.note}
        </p>
      ))}
      {open && item.status !== 'answered' && (
        <form onSubmit={(e) => void submit(e)}>
          <label>
            {t('bureauDoneOn')}{' '}
            <input type="date" value={doneOn} max={today} required onInput={(e) => setDoneOn((e.target as HTMLInputElement).value)} />
          </label>
          <label class="block">
            {t('bureauWhatDone')}
            <textarea value={text} required maxLength={4000} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
          </label>
          <button type="submit">{t('bureauSendAnswer')}</button>
          {error && <ProblemAlert problem={error} reader="agency" />}
        </form>
      )}
    </article>
  );
}

function ReportItem({ ctx, item, today, onChanged }: { ctx: ApiContext; item: AgencyReportRequest; today: string; onChanged: () => void }) {
  const latest = item.versions[item.versions.length - 1];
  const [answers, setAnswers] = useState<string[]>(latest?.answers ?? item.questions.map(() => ''));
  const [error, setError] = useState<ApiProblem | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      await answerReportRequest(ctx, item.id, answers);
      onChanged();
    } catch (err) {
      setError(err instanceof ApiProblem ? err : new ApiProblem(0, 'network_error', null));
    }
  };
  return (
    <article class="bureau-item" aria-label={item.title}>
      <h3>
        {t(item.kind === 'usage_report' ? 'bureauUsageReport' : 'bureauFactFinding')}: {item.title}
      </h3>
      <Due dueOn={item.dueOn} today={today} open={item.versions.length === 0} />
      {latest && <p>{t('bureauSubmitted', latest.version, formatDate(jstDate(new Date(latest.submittedAt))))}</p>}
      <form onSubmit={(e) => void submit(e)}>
        {item.questions.map((q, i) => (
          <label class="block" key={q}>
            {q}
            <textarea
              value={answers[i] ?? ''}
              required
              maxLength={8000}
              onInput={(e) => setAnswers(answers.map((a, j) => (j === i ? (e.target as HTMLTextAreaElement).value : a)))}
            />
          </label>
        ))}
        <button type="submit">{t(latest ? 'bureauSubmitCorrection' : 'bureauSubmit')}</button>
        {error && <ProblemAlert problem={error} reader="agency" />}
      </form>
    </article>
  );
}

/**
 * 労働局からの連絡: everything the bureau and the ministry ask of the agency between reports, in one
 * place: announcements, a change of the terms, correction requests and measures, reports on request
 * (R-OPS-3, R-TOS-1, R-COR-1..3). Open items first, the nearest due day first, due days counted in
 * JST days. Text from the bureau is shown as plain text.
 *
 * @example
 * <BureauInbox ctx={ctx} now={now} />
 */
export function BureauInbox({ ctx, now }: { ctx: ApiContext; now: Date }) {
  const [items, setItems] = useState<BureauItem[] | null>(null);
  const [round, setRound] = useState(0);
  const today = jstDate(now);
  useEffect(() => {
    let live = true;
    Promise.all([correctionRequests(ctx), reportRequests(ctx)]).then(
      ([c, r]) => live && setItems(orderBureauItems(c, r)),
      () => live && setItems([]),
    );
    return () => {
      live = false;
    };
  }, [ctx, round]);
  const refresh = () => setRound((n) => n + 1);
  return (
    <section aria-labelledby="bureau-inbox-title">
      <h2 id="bureau-inbox-title">{t('navBureau')}</h2>
      <Announcements baseUrl={ctx.baseUrl} fetcher={ctx.fetch} />
      <TermsNotice ctx={ctx} />
      {items === null && <p role="status">{t('loading')}</p>}
      {items?.length === 0 && <p>{t('bureauNothing')}</p>}
      {items?.map((b) =>
        b.kind === 'correction' ? (
          <CorrectionItem key={b.item.id} ctx={ctx} item={b.item} today={today} onChanged={refresh} />
        ) : (
          <ReportItem key={b.item.id} ctx={ctx} item={b.item} today={today} onChanged={refresh} />
        ),
      )}
    </section>
  );
}
