/**
 * Job offers of the job-offer service (求人情報提供サービス, §1(1), §7(1)): one Hello Work 求人票 as
 * the bureau loads it, its search, and what agencies see of it (R-JOB-1, R-JOB-2).
 */
import { z } from 'zod';
import { PREFECTURE_CODES } from '../data/prefectures';
import {
  CursorSchema,
  EMPLOYMENT_TYPES,
  EmploymentTypeSchema,
  IndustryCodeSchema,
  IsoDateSchema,
  MunicipalityCodeSchema,
  OccupationCodeSchema,
  PageLimitSchema,
  PrefectureCodeSchema,
  WageUnitSchema,
  YenSchema,
  plainText,
  queryList,
} from './common';

const line = (max: number) => plainText(1, max).refine((t) => !/[\r\n]/.test(t), { message: '改行は使えません' });
const text = (max: number) => plainText(1, max);
const optionalText = (max: number) => plainText(1, max).nullable().default(null);

/**
 * 求人番号 — the Hello Work offer number: the receiving office's five digits (the first two are its
 * prefecture), a hyphen, eight digits.
 *
 * @example OfferNumberSchema.parse('13010-12345678');
 */
export const OfferNumberSchema = z
  .string()
  .regex(/^\d{5}-\d{8}$/, { message: '求人番号は「5桁-8桁」の数字です（例: 13010-12345678）' })
  .refine((n) => (PREFECTURE_CODES as readonly string[]).includes(n.slice(0, 2)), {
    message: '求人番号の先頭2桁が都道府県コードではありません',
  });
export type OfferNumber = z.infer<typeof OfferNumberSchema>;

/** Passive-smoking measures (受動喫煙対策), as a 求人票 states them. */
export const SMOKING_MEASURES = ['no_smoking_premises', 'no_smoking_indoors', 'smoking_room', 'none', 'other'] as const;
export const SMOKING_MEASURE_LABELS = {
  no_smoking_premises: '敷地内禁煙',
  no_smoking_indoors: '屋内禁煙',
  smoking_room: '屋内原則禁煙（喫煙室あり）',
  none: 'なし',
  other: 'その他',
} as const satisfies Record<(typeof SMOKING_MEASURES)[number], string>;

/**
 * The content of one 求人票: every item the bureau loads, the Art. 5-3 non-omittable ones required
 * (work, contract and trial periods, place, hours, breaks, days off, wage, social insurance, the
 * employer's name, passive-smoking measures: R-JOB-2). The hash covers all of it.
 *
 * @example JobOfferSchema.parse(exampleJobOffer);
 */
export const JobOfferSchema = z
  .strictObject({
    offerNumber: OfferNumberSchema,
    /** 受理安定所 — the office that took the offer; the employer reports changes to it (R-JOB-5). */
    receivingOffice: z.strictObject({ code: z.string().regex(/^\d{5}$/), name: line(60), phone: line(20).nullable().default(null) }),
    receivedOn: IsoDateSchema,
    /** 求人有効年月日 — the offer is open through this day (R-JOB-1). */
    validUntil: IsoDateSchema,
    /** 紹介期限日 — the last day a jobseeker can be introduced. */
    introductionDeadline: IsoDateSchema,
    employer: z.strictObject({
      name: line(100),
      industry: IndustryCodeSchema,
      address: line(200),
      employees: z.number().int().min(0).max(10_000_000).nullable().default(null),
    }),
    job: z.strictObject({ title: line(100), occupation: OccupationCodeSchema, description: text(3000) }),
    employmentType: EmploymentTypeSchema,
    contract: z
      .strictObject({ fixedTerm: z.boolean(), period: optionalText(200), renewal: optionalText(200) })
      .refine((c) => !c.fixedTerm || c.period !== null, { message: '有期の場合は雇用期間を記載してください', path: ['period'] }),
    trialPeriod: z
      .strictObject({
        exists: z.boolean(),
        months: z.number().int().min(1).max(12).nullable().default(null),
        conditions: optionalText(300),
      })
      .refine((t) => !t.exists || t.months !== null, { message: '試用期間がある場合は期間を記載してください', path: ['months'] }),
    workplace: z
      .strictObject({
        prefecture: PrefectureCodeSchema,
        municipality: MunicipalityCodeSchema.nullable().default(null),
        address: line(200),
        access: optionalText(200),
        transfer: z.boolean().default(false),
      })
      .refine((w) => w.municipality === null || w.municipality.startsWith(w.prefecture), {
        message: '市区町村が都道府県と合っていません',
        path: ['municipality'],
      }),
    hours: z.strictObject({
      schedule: text(300),
      perWeek: z.number().min(1).max(80).nullable().default(null),
      shift: z.boolean().default(false),
      overtime: line(200),
    }),
    breaks: z.strictObject({ minutes: z.number().int().min(0).max(480), note: optionalText(200) }),
    daysOff: z.strictObject({ text: text(300), annualDays: z.number().int().min(0).max(366).nullable().default(null) }),
    wage: z
      .strictObject({
        unit: WageUnitSchema,
        min: YenSchema,
        max: YenSchema,
        base: z.strictObject({ min: YenSchema, max: YenSchema }),
        allowances: z
          .array(z.strictObject({ name: line(40), amount: line(60) }))
          .max(20)
          .default([]),
        fixedOvertime: optionalText(300),
        commuting: optionalText(200),
        payDays: line(100),
        raise: optionalText(200),
        bonus: optionalText(200),
      })
      .refine((w) => w.min <= w.max && w.base.min <= w.base.max, { message: '最低額が最高額を上回っています', path: ['max'] }),
    socialInsurance: z.strictObject({
      employment: z.boolean(),
      workersComp: z.boolean(),
      health: z.boolean(),
      pension: z.boolean(),
      other: optionalText(200),
    }),
    passiveSmoking: z.strictObject({ measure: z.enum(SMOKING_MEASURES), note: optionalText(200) }),
    qualifications: z.strictObject({ required: z.array(line(60)).max(20).default([]), experience: optionalText(300) }),
    application: z.strictObject({ selection: line(200), documents: line(200), note: optionalText(500) }),
    notes: optionalText(2000),
  })
  .refine((o) => o.receivingOffice.code === o.offerNumber.slice(0, 5), {
    message: '受理安定所の番号が求人番号の先頭5桁と合っていません',
    path: ['receivingOffice', 'code'],
  })
  .refine((o) => o.introductionDeadline <= o.validUntil, {
    message: '紹介期限日が求人有効年月日より後です',
    path: ['introductionDeadline'],
  })
  .refine((o) => o.receivedOn <= o.validUntil, { message: '受付年月日が求人有効年月日より後です', path: ['validUntil'] });
export type JobOffer = z.infer<typeof JobOfferSchema>;
export type JobOfferInput = z.input<typeof JobOfferSchema>;

/** Why an offer is no longer open (R-JOB-1, R-JOB-3). */
export const OFFER_CLOSE_REASONS = [
  'closed_by_bureau',
  'missing_from_snapshot',
  'valid_until_passed',
  'introduction_deadline_passed',
] as const;
export const OfferCloseReasonSchema = z.enum(OFFER_CLOSE_REASONS);
export type OfferCloseReason = z.infer<typeof OfferCloseReasonSchema>;
export const OFFER_CLOSE_REASON_LABELS = {
  closed_by_bureau: '安定所が求人を終了しました',
  missing_from_snapshot: '安定所の最新の求人一覧に含まれていません（求人終了）',
  valid_until_passed: '求人有効年月日を過ぎました',
  introduction_deadline_passed: '紹介期限日を過ぎました',
} as const satisfies Record<OfferCloseReason, string>;

/**
 * The bureau's load options (query string of `PUT /v1/admin/job-offers`): `snapshot` names the
 * offices the file covers in full (two digits: a prefecture, five: one office); offers of them that
 * the snapshot lacks close. A snapshot in several files shares a `snapshotId`, and the last says
 * `complete=true` (the default).
 *
 * @example JobOfferLoadQuerySchema.parse({ snapshot: '13010' });
 */
export const JobOfferLoadQuerySchema = z.strictObject({
  snapshot: z
    .string()
    .regex(/^\d{2}(\d{3})?$/)
    .refine((s) => (PREFECTURE_CODES as readonly string[]).includes(s.slice(0, 2)), { message: '都道府県コードではありません' })
    .optional(),
  snapshotId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/)
    .optional(),
  complete: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});
export type JobOfferLoadQuery = z.infer<typeof JobOfferLoadQuerySchema>;

/** One line's outcome in a load. */
export const JobOfferLoadResultSchema = z.object({
  line: z.number().int().min(1),
  ok: z.boolean(),
  offerNumber: z.string().optional(),
  action: z.enum(['created', 'updated', 'unchanged', 'reopened']).optional(),
  version: z.number().int().optional(),
  changed: z.array(z.string()).optional(),
  errors: z.array(z.object({ field: z.string(), code: z.string(), reason: z.string() })).optional(),
});
export type JobOfferLoadResult = z.infer<typeof JobOfferLoadResultSchema>;
export const JobOfferLoadResponseSchema = z.object({
  loaded: z.number().int(),
  refused: z.number().int(),
  closed: z.number().int(),
  results: z.array(JobOfferLoadResultSchema),
});
export type JobOfferLoadResponse = z.infer<typeof JobOfferLoadResponseSchema>;

/**
 * Offer search for agencies (R-JOB-1): occupation, industry, prefecture and municipality of the
 * workplace, employment type, wage (the offer's range overlaps), weekly hours, keywords (Japanese,
 * one character and up). Unknown parameters are refused.
 *
 * @example JobOfferQuerySchema.parse({ prefecture: '13', q: '介護' });
 */
export const JobOfferQuerySchema = z
  .strictObject({
    occupation: queryList(OccupationCodeSchema, 20).optional(),
    industry: queryList(IndustryCodeSchema, 20).optional(),
    prefecture: queryList(PrefectureCodeSchema, PREFECTURE_CODES.length).optional(),
    municipality: queryList(MunicipalityCodeSchema, 50).optional(),
    employmentType: queryList(EmploymentTypeSchema, EMPLOYMENT_TYPES.length).optional(),
    wageUnit: WageUnitSchema.optional(),
    wageMin: z.coerce.number().int().min(0).max(9_999_999_999).optional(),
    wageMax: z.coerce.number().int().min(0).max(9_999_999_999).optional(),
    hoursMin: z.coerce.number().min(1).max(80).optional(),
    hoursMax: z.coerce.number().min(1).max(80).optional(),
    q: z.string().trim().max(100).optional(),
    cursor: CursorSchema.optional(),
    limit: PageLimitSchema.pipe(z.number().max(50)),
  })
  .refine((q) => (q.wageMin === undefined && q.wageMax === undefined) || q.wageUnit !== undefined, {
    message: '賃金で絞り込むときは単位（wageUnit）も指定してください',
    path: ['wageUnit'],
  })
  .refine((q) => q.wageMin === undefined || q.wageMax === undefined || q.wageMin <= q.wageMax, {
    message: '賃金の下限が上限を上回っています',
    path: ['wageMax'],
  });
export type JobOfferQuery = z.infer<typeof JobOfferQuerySchema>;

/** An offer in search results: enough to choose, never the whole 求人票 (R-JOB-7). */
export const JobOfferSummarySchema = z.object({
  offerNumber: z.string(),
  version: z.number().int(),
  employerName: z.string(),
  title: z.string(),
  occupation: z.string(),
  industry: z.string(),
  employmentType: EmploymentTypeSchema,
  prefecture: z.string(),
  municipality: z.string().nullable(),
  wage: z.object({ unit: WageUnitSchema, min: z.number(), max: z.number() }),
  validUntil: z.string(),
  introductionDeadline: z.string(),
  receivingOffice: z.string(),
});
export type JobOfferSummary = z.infer<typeof JobOfferSummarySchema>;
export const JobOfferPageSchema = z.object({ items: z.array(JobOfferSummarySchema), nextCursor: CursorSchema.nullable() });
export type JobOfferPage = z.infer<typeof JobOfferPageSchema>;

/**
 * One opened offer: the latest version, its hash, and whether it is still open (R-JOB-2, R-JOB-3).
 *
 * @example JobOfferDetailSchema.parse({ offer, version: 2, hash: 'ab…', status: 'open', closedReason: null, updatedAt: '…' });
 */
export const JobOfferDetailSchema = z.object({
  offer: JobOfferSchema,
  version: z.number().int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  status: z.enum(['open', 'closed']),
  closedReason: OfferCloseReasonSchema.nullable(),
  updatedAt: z.string(),
});
export type JobOfferDetail = z.infer<typeof JobOfferDetailSchema>;

/** The state of offers an extension holds copies of (R-JOB-3). */
export const JobOfferStatusQuerySchema = z.strictObject({ number: queryList(OfferNumberSchema, 100) });
export const JobOfferStatusListSchema = z.object({
  items: z.array(
    z.object({
      offerNumber: z.string(),
      status: z.enum(['open', 'closed', 'unknown']),
      version: z.number().int().nullable(),
      hash: z.string().nullable(),
      closedReason: OfferCloseReasonSchema.nullable(),
    }),
  ),
});
export type JobOfferStatusList = z.infer<typeof JobOfferStatusListSchema>;
