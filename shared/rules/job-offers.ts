/**
 * Job offers as they may be passed on (R-JOB-1 … R-JOB-4): the content hash, the exact quote with
 * every non-omittable item, what changed between versions, and when an offer closes by its dates.
 * The worker and the extension use these same functions.
 */
import { industryName } from '../data/industries';
import { occupationName } from '../data/occupations';
import { prefectureName } from '../data/prefectures';
import { EMPLOYMENT_TYPE_LABELS } from '../schemas/common';
import { SMOKING_MEASURE_LABELS, type JobOffer, type OfferCloseReason } from '../schemas/job-offer';
import { CONSENT_METHOD_LABELS, type Addition, type Presentation } from '../schemas/job-desk';

/** §7(1)①エ: the mark of an offer provided by Hello Work. */
export const HELLO_WORK_LABEL = 'ハローワークから提供を受けた求人情報です';
/** §7(1)②カ: the mark once the agency accepted the order itself. */
export const AGENCY_OFFER_LABEL = '当社が求人事業主から求人の申込みを受理した求人です';
/** §7(1)①ク: the heading the agency's own additions are shown under. */
export const ADDITIONS_HEADING = '当社が求人事業主の同意を得て追加した情報';
/** §7(1)①イ: offers go to the agency's own jobseekers only. */
export const NOT_FOR_REDISTRIBUTION = 'この求人情報はご本人への情報提供に限ります。転載や第三者への提供はご遠慮ください。';
/** The default answer to "how do I ask to be introduced" (§7(1)①エ). */
export const DEFAULT_INTRODUCTION_PROCEDURE =
  'この求人への紹介を希望される場合は、当社の担当者にお申し出ください。当社が求人事業主に連絡して求人を受理し、労働条件を確認したうえでご紹介します。';

/** Labels of the 求人票's items, in the order a quote shows them (also the "what changed" names). */
export const OFFER_ITEM_LABELS = {
  offerNumber: '求人番号',
  receivingOffice: '受理安定所',
  receivedOn: '受付年月日',
  validUntil: '求人有効年月日',
  introductionDeadline: '紹介期限日',
  employer: '事業所',
  job: '仕事内容',
  employmentType: '雇用形態',
  contract: '雇用期間',
  trialPeriod: '試用期間',
  workplace: '就業場所',
  hours: '就業時間',
  breaks: '休憩時間',
  daysOff: '休日',
  wage: '賃金',
  socialInsurance: '加入保険',
  passiveSmoking: '受動喫煙対策',
  qualifications: '必要な資格・経験',
  application: '選考',
  notes: '備考',
} as const satisfies Record<keyof JobOffer, string>;

/** The Employment Security Act Art. 5-3 items a quote may never leave out (R-JOB-2, §7(1)①キ). */
export const NON_OMITTABLE_ITEMS = [
  'job',
  'contract',
  'trialPeriod',
  'workplace',
  'hours',
  'breaks',
  'daysOff',
  'wage',
  'socialInsurance',
  'employer',
  'passiveSmoking',
] as const satisfies ReadonlyArray<keyof JobOffer>;

/**
 * JSON with object keys sorted at every level: the same content always gives the same text.
 *
 * @example canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }); // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * R-JOB-2: SHA-256 (hex) of the offer's canonical JSON; shows a quote's content is unaltered.
 *
 * @example await offerHash(offer); // '3f1c…' (64 hex digits)
 */
export async function offerHash(offer: JobOffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalJson(offer)));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * R-JOB-3: the items that differ between two versions, as their Japanese labels in quote order.
 *
 * @example changedItems(v1, { ...v1, wage: { ...v1.wage, min: 210000 } }); // ['賃金']
 */
export function changedItems(before: JobOffer, after: JobOffer): string[] {
  return (Object.keys(OFFER_ITEM_LABELS) as Array<keyof JobOffer>)
    .filter((k) => canonicalJson(before[k] ?? null) !== canonicalJson(after[k] ?? null))
    .map((k) => OFFER_ITEM_LABELS[k]);
}

/**
 * R-JOB-1: why an offer is closed on `today` (a JST date) by its own dates, or null while it is
 * open. Both dates are the last day it is open: it closes at 00:00 JST the day after.
 *
 * @example closedByDate({ validUntil: '2027-01-31', introductionDeadline: '2027-01-15' }, '2027-01-16'); // 'introduction_deadline_passed'
 * @example closedByDate({ validUntil: '2027-01-31', introductionDeadline: '2027-01-31' }, '2027-02-01'); // 'valid_until_passed'
 */
export function closedByDate(offer: Pick<JobOffer, 'validUntil' | 'introductionDeadline'>, today: string): OfferCloseReason | null {
  if (today > offer.validUntil) return 'valid_until_passed';
  if (today > offer.introductionDeadline) return 'introduction_deadline_passed';
  return null;
}

const yen = (n: number) => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}円`;
const UNIT = { hour: '時給', day: '日給', month: '月給', year: '年俸' } as const;
const date = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
const range = (min: number, max: number) => (min === max ? yen(min) : `${yen(min)}〜${yen(max)}`);
const orNone = (t: string | null | undefined) => (t && t.trim() ? t : 'なし');

/**
 * The items of an offer as quoted lines, [label, text] in 求人票 order; every non-omittable item
 * always has a line (「なし」 when the 求人票 says there is none).
 */
export function offerItems(o: JobOffer): Array<[string, string]> {
  const insured = [
    o.socialInsurance.employment && '雇用保険',
    o.socialInsurance.workersComp && '労災保険',
    o.socialInsurance.health && '健康保険',
    o.socialInsurance.pension && '厚生年金',
  ]
    .filter(Boolean)
    .join('・');
  return [
    ['事業所名', o.employer.name],
    ['事業所所在地', o.employer.address],
    ['産業', industryName(o.employer.industry)],
    ['従業員数', o.employer.employees === null ? '記載なし' : `${o.employer.employees}人`],
    ['職種', `${o.job.title}（${occupationName(o.job.occupation)}）`],
    ['仕事内容', o.job.description],
    ['雇用形態', EMPLOYMENT_TYPE_LABELS[o.employmentType]],
    [
      '雇用期間',
      o.contract.fixedTerm ? `定めあり　${o.contract.period}${o.contract.renewal ? `（${o.contract.renewal}）` : ''}` : '定めなし',
    ],
    [
      '試用期間',
      o.trialPeriod.exists
        ? `あり　${o.trialPeriod.months}か月　試用期間中の労働条件: ${o.trialPeriod.conditions ?? '本採用時と同じ'}`
        : 'なし',
    ],
    [
      '就業場所',
      `${prefectureName(o.workplace.prefecture)}　${o.workplace.address}${o.workplace.access ? `（${o.workplace.access}）` : ''}　転勤の可能性: ${o.workplace.transfer ? 'あり' : 'なし'}`,
    ],
    ['就業時間', `${o.hours.schedule}${o.hours.perWeek === null ? '' : `（週${o.hours.perWeek}時間）`}${o.hours.shift ? '　交替制' : ''}`],
    ['時間外労働', o.hours.overtime],
    ['休憩時間', `${o.breaks.minutes}分${o.breaks.note ? `（${o.breaks.note}）` : ''}`],
    ['休日', `${o.daysOff.text}${o.daysOff.annualDays === null ? '' : `　年間休日数 ${o.daysOff.annualDays}日`}`],
    ['賃金', `${UNIT[o.wage.unit]} ${range(o.wage.min, o.wage.max)}`],
    ['基本給', range(o.wage.base.min, o.wage.base.max)],
    ['手当', o.wage.allowances.length ? o.wage.allowances.map((a) => `${a.name} ${a.amount}`).join('、') : 'なし'],
    ['固定残業代', orNone(o.wage.fixedOvertime)],
    ['通勤手当', orNone(o.wage.commuting)],
    ['賃金締切日・支払日', o.wage.payDays],
    ['昇給', orNone(o.wage.raise)],
    ['賞与', orNone(o.wage.bonus)],
    ['加入保険', `${insured || 'なし'}${o.socialInsurance.other ? `　${o.socialInsurance.other}` : ''}`],
    ['受動喫煙対策', `${SMOKING_MEASURE_LABELS[o.passiveSmoking.measure]}${o.passiveSmoking.note ? `（${o.passiveSmoking.note}）` : ''}`],
    ['必要な資格', o.qualifications.required.length ? o.qualifications.required.join('、') : 'なし'],
    ['必要な経験', orNone(o.qualifications.experience)],
    ['選考方法', o.application.selection],
    ['応募書類', o.application.documents],
    ['選考についての補足', orNone(o.application.note)],
    ['備考', orNone(o.notes)],
  ];
}

/**
 * The quoted body of an offer: its items exactly as loaded, one `label: text` per line; the part
 * a quote's hash vouches for (R-JOB-2).
 */
export function quoteBody(o: JobOffer): string {
  const head: Array<[string, string]> = [
    ['求人番号', o.offerNumber],
    ['受理安定所', `${o.receivingOffice.name}${o.receivingOffice.phone ? `（${o.receivingOffice.phone}）` : ''}`],
    ['受付年月日', date(o.receivedOn)],
    ['求人有効年月日', date(o.validUntil)],
    ['紹介期限日', date(o.introductionDeadline)],
  ];
  return [...head, ...offerItems(o)].map(([k, v]) => `${k}: ${v}`).join('\n');
}

/**
 * R-JOB-2 / R-JOB-3 / §7(1)②カ: the whole quote for one jobseeker: the mark (Hello Work's, or the
 * agency's own once it accepted the order), the body, how to ask to be introduced, the version and
 * hash, and the note that it is not to be passed on.
 *
 * @example renderQuote({ offer, version: 2, hash, presentedAs: 'hello_work', introductionProcedure: DEFAULT_INTRODUCTION_PROCEDURE });
 */
export function renderQuote(q: {
  offer: JobOffer;
  version: number;
  hash: string;
  presentedAs: Presentation;
  introductionProcedure: string;
}): string {
  return [
    `【${q.presentedAs === 'agency' ? AGENCY_OFFER_LABEL : HELLO_WORK_LABEL}】`,
    '',
    quoteBody(q.offer),
    '',
    '■ 紹介を希望されるとき',
    q.introductionProcedure,
    '',
    `（求人票 第${q.version}版　内容確認コード SHA-256: ${q.hash}）`,
    NOT_FOR_REDISTRIBUTION,
  ].join('\n');
}

/**
 * R-JOB-4: the agency's additions for an offer, kept apart after the quote under their own
 * heading, each with the employer's consent (who, when, how). Empty when there are none.
 */
export function renderAdditions(additions: Addition[]): string {
  if (!additions.length) return '';
  return [
    `■ ${ADDITIONS_HEADING}`,
    ...additions.map(
      (a) => `${a.text}\n（求人事業主の同意: ${a.consent.by}、${date(a.consent.on)}、${CONSENT_METHOD_LABELS[a.consent.method]}）`,
    ),
  ].join('\n');
}

/**
 * R-JOB-2: whether a quote's text is the exact rendering of its content and the content is what
 * the hash names.
 *
 * @example await verifyQuote({ text, offer, hash }); // true
 */
export async function verifyQuote(q: { text: string; offer: JobOffer; hash: string }): Promise<boolean> {
  if ((await offerHash(q.offer)) !== q.hash) return false;
  return q.text.includes(`\n${quoteBody(q.offer)}\n`) && q.text.includes(q.hash);
}

/**
 * R-JOB-2: the non-omittable items a rendered body lacks (an empty list for every valid offer).
 */
export function missingNonOmittable(body: string): string[] {
  const required = [
    '事業所名',
    '仕事内容',
    '雇用期間',
    '試用期間',
    '就業場所',
    '就業時間',
    '休憩時間',
    '休日',
    '賃金',
    '加入保険',
    '受動喫煙対策',
  ];
  return required.filter((label) => !new RegExp(`^${label}: .+`, 'm').test(body));
}
