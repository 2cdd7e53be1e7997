/**
 * The agency's quotes of job offers at its job desk (R-JOB-2, R-JOB-3, R-JOB-7): quoting the latest
 * version of an open offer, listing quotes against the latest versions, additions, and reports of
 * changes; each reads the offer's shard and writes the agency's job desk.
 */
import { jstDate } from '../../shared/rules';
import { DEFAULT_INTRODUCTION_PROCEDURE, changedItems } from '../../shared/rules/job-offers';
import type { JobOffer } from '../../shared/schemas/job-offer';
import {
  EmployerConsentSchema,
  type Addition,
  type ChangeReport,
  type ChangeReportRequest,
  type Quote,
} from '../../shared/schemas/job-desk';
import { homeOf, jobDesk, offerShard } from '../lib/job-offers';
import { ApiError } from '../lib/problem';
import { findOffer, openOffer } from './job-offer-desk';

/** The label of a changed presentation (§7(1)②カ), listed with what changed. */
export const PRESENTATION_CHANGED = '表示（当社が受理した求人への切替）';

/** R-JOB-2, R-JOB-7: quotes the latest version of an open offer for one of the agency's jobseekers. */
export async function makeQuote(
  env: Env,
  agencyId: string,
  number: string,
  req: { jobseekerRef: string; introductionProcedure?: string },
  now: Date,
): Promise<Quote> {
  const d = await openOffer(env, number, now);
  const q = await jobDesk(env, agencyId).quote(
    {
      offer: d.offer,
      version: d.version,
      hash: d.hash,
      jobseekerRef: req.jobseekerRef,
      introductionProcedure: req.introductionProcedure ?? DEFAULT_INTRODUCTION_PROCEDURE,
    },
    now.getTime(),
  );
  return {
    id: q.id,
    offerNumber: q.offerNumber,
    jobseekerRef: q.jobseekerRef,
    version: q.version,
    hash: q.hash,
    presentedAs: q.presentedAs,
    createdAt: new Date(q.createdAt).toISOString(),
    state: 'current',
    changed: [],
    latestVersion: q.version,
    closedReason: null,
    offer: d.offer,
    introductionProcedure: q.introductionProcedure,
    text: q.text,
  };
}

/**
 * R-JOB-3: the agency's quotes against the latest versions: stale ones name what changed (or that
 * the order was accepted, §7(1)②カ); closed ones lose their content, here and in the desk.
 */
export async function listQuotes(env: Env, agencyId: string, now: Date): Promise<{ items: Quote[]; additions: Addition[] }> {
  const desk = jobDesk(env, agencyId);
  const { quotes, presentation, additions } = await desk.quotes();
  const latest = new Map<string, { number: string; hashes: string[] }>();
  for (const q of quotes)
    if (q.doc)
      latest.set(q.offerNumber, { number: q.offerNumber, hashes: [...new Set([...(latest.get(q.offerNumber)?.hashes ?? []), q.hash])] });
  const byHome = new Map<string, Array<{ number: string; hashes: string[] }>>();
  for (const l of latest.values()) byHome.set(homeOf(l.number), [...(byHome.get(homeOf(l.number)) ?? []), l]);
  const today = jstDate(now);
  const states = new Map(
    (await Promise.all([...byHome].map(([home, list]) => offerShard(env, home).states(list, today, now.getTime()))))
      .flat()
      .map((s) => [s.number, s]),
  );
  const closed = [...states.values()]
    .filter((s) => s.status !== 'open')
    .map((s) => ({ number: s.number, reason: s.closedReason ?? ('closed_by_bureau' as const) }));
  if (closed.length) await desk.forgetClosed(closed, now.getTime());
  const closedSet = new Map(closed.map((c) => [c.number, c.reason]));
  const items = quotes.map((q): Quote => {
    const base = {
      id: q.id,
      offerNumber: q.offerNumber,
      jobseekerRef: q.jobseekerRef,
      version: q.version,
      hash: q.hash,
      presentedAs: q.presentedAs,
      createdAt: new Date(q.createdAt).toISOString(),
      introductionProcedure: q.introductionProcedure,
    };
    const reason = q.doc ? closedSet.get(q.offerNumber) : (q.closedReason ?? 'closed_by_bureau');
    if (!q.doc || reason)
      return { ...base, state: 'closed', changed: [], latestVersion: null, closedReason: reason ?? null, offer: null, text: null };
    const s = states.get(q.offerNumber)!;
    const offer = JSON.parse(q.doc) as JobOffer;
    const changed = s.hash !== q.hash ? (s.doc ? changedItems(offer, JSON.parse(s.doc) as JobOffer) : []) : [];
    if (presentation[q.offerNumber] !== q.presentedAs) changed.push(PRESENTATION_CHANGED);
    return {
      ...base,
      state: changed.length || s.hash !== q.hash ? 'stale' : 'current',
      changed,
      latestVersion: s.version,
      closedReason: null,
      offer,
      text: q.text,
    };
  });
  return { items, additions };
}

/**
 * R-JOB-4: an addition to an offer, refused without the employer's recorded consent (who, when,
 * how) and never dated after today.
 */
export async function addAddition(
  env: Env,
  agencyId: string,
  number: string,
  body: { text: string; consent?: unknown },
  now: Date,
): Promise<Addition> {
  if (body.consent === undefined || body.consent === null) {
    throw new ApiError(
      'employer_consent_required',
      '求人に情報を付け加えるには、求人事業主の同意（誰が・いつ・どの方法で）を記録してください。',
      {},
      { status: 422, title: '求人事業主の同意が必要です' },
    );
  }
  const consent = EmployerConsentSchema.safeParse(body.consent);
  if (!consent.success) {
    const errors = consent.error.issues.map((i) => ({ path: `consent.${i.path.join('.')}`, message: i.message }));
    throw new ApiError(
      'employer_consent_required',
      `次の項目を確認してください: ${errors.map((e) => e.path).join('、')}`,
      { errors },
      { status: 422, title: '求人事業主の同意の記録が不十分です' },
    );
  }
  if (consent.data.on > jstDate(now))
    throw new ApiError(
      'consent_in_future',
      '求人事業主から同意を得た日を記録してください。',
      {},
      { status: 422, title: '同意の日付が未来です' },
    );
  await openOffer(env, number, now);
  return jobDesk(env, agencyId).addition(number, body.text, consent.data, now.getTime());
}

/**
 * R-JOB-5: the agency learned of a change or cancellation. Until it says when it asked the employer
 * to tell the receiving office, it is refused with the office to name; then it is recorded.
 */
export async function reportChange(env: Env, agencyId: string, number: string, req: ChangeReportRequest, now: Date): Promise<ChangeReport> {
  const found = await findOffer(env, number, now);
  if (!found)
    throw new ApiError(
      'offer_not_found',
      `求人番号 ${number} の求人は提供されていません。`,
      {},
      { status: 404, title: '求人が見つかりません' },
    );
  const offer = JSON.parse(found.doc) as JobOffer;
  const office = offer.receivingOffice;
  if (!req.employerAskedOn) {
    throw new ApiError(
      'employer_not_asked',
      `求人の${req.kind === 'change' ? '変更' : '取消し'}は、求人事業主から受理安定所（${office.name}${office.phone ? `、電話 ${office.phone}` : ''}）へ連絡してもらう必要があります。求人事業主に依頼し、依頼した日を記録してください。`,
      { receivingOffice: office },
      { status: 422, title: '求人事業主への依頼が必要です' },
    );
  }
  const today = jstDate(now);
  if (req.employerAskedOn > today || req.learnedOn > today)
    throw new ApiError(
      'date_in_future',
      '知った日と依頼した日は今日以前の日付にしてください。',
      {},
      { status: 422, title: '日付が未来です' },
    );
  if (req.employerAskedOn < req.learnedOn)
    throw new ApiError(
      'asked_before_learned',
      '依頼した日は、変更を知った日以後の日付にしてください。',
      {},
      { status: 422, title: '日付の順序が正しくありません' },
    );
  return jobDesk(env, agencyId).changeReport(offer, { ...req, employerAskedOn: req.employerAskedOn }, now.getTime());
}
