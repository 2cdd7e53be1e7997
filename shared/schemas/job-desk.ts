/**
 * What an agency does with provided offers (R-JOB-2 … R-JOB-7): quotes for its own jobseekers,
 * additions made with the employer's consent, change reports, orders accepted from employers and
 * the written statement they receive.
 */
import { z } from 'zod';
import { IsoDateSchema, OccupationCodeSchema, PrefectureCodeSchema, distinct, plainText } from './common';
import { JobOfferSchema, OfferCloseReasonSchema, OfferNumberSchema } from './job-offer';

const line = (max: number) => plainText(1, max).refine((t) => !/[\r\n]/.test(t), { message: '改行は使えません' });

/**
 * The agency's own reference for one of its jobseekers (never a Hello Work number): a quote is made
 * for one person at a time, so offers are never handed out in bulk (R-JOB-7).
 */
export const JobseekerRefSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[^\r\n\t]+$/, { message: '改行やタブは使えません' });

/**
 * A quote request: for whom, and how that jobseeker asks to be introduced (R-JOB-2, §7(1)①エ).
 *
 * @example QuoteRequestSchema.parse({ jobseekerRef: '当社求職者 K-0012' });
 */
export const QuoteRequestSchema = z.strictObject({
  jobseekerRef: JobseekerRefSchema,
  introductionProcedure: plainText(1, 500).optional(),
});
export type QuoteRequest = z.infer<typeof QuoteRequestSchema>;

/** How an offer is presented: as provided by Hello Work, or, once the agency accepted the order, as its own (§7(1)②カ). */
export const PresentationSchema = z.enum(['hello_work', 'agency']);
export type Presentation = z.infer<typeof PresentationSchema>;

/** A quote's standing against the latest offer (R-JOB-3). */
export const QuoteStateSchema = z.enum(['current', 'stale', 'closed']);

/**
 * A quote as the agency sees it. A closed offer's quote keeps no content and no text (R-JOB-3).
 *
 * @example QuoteSchema.shape.state.parse('stale');
 */
export const QuoteSchema = z.object({
  id: z.string(),
  offerNumber: z.string(),
  jobseekerRef: z.string(),
  version: z.number().int(),
  hash: z.string(),
  presentedAs: PresentationSchema,
  createdAt: z.string(),
  state: QuoteStateSchema,
  /** The items that differ from the latest version (stale quotes), in Japanese. */
  changed: z.array(z.string()),
  latestVersion: z.number().int().nullable(),
  closedReason: OfferCloseReasonSchema.nullable(),
  offer: JobOfferSchema.nullable(),
  introductionProcedure: z.string(),
  /** The exact quote, ready to hand to the jobseeker; null once the offer closed. */
  text: z.string().nullable(),
});
export type Quote = z.infer<typeof QuoteSchema>;
export const QuoteListSchema = z.object({ items: z.array(QuoteSchema), additions: z.array(z.lazy(() => AdditionSchema)) });

/** How the employer's consent was given. */
export const CONSENT_METHODS = ['email', 'document', 'phone', 'in_person', 'other'] as const;
export const CONSENT_METHOD_LABELS = {
  email: '電子メール',
  document: '書面',
  phone: '電話',
  in_person: '面談',
  other: 'その他',
} as const satisfies Record<(typeof CONSENT_METHODS)[number], string>;

/** The employer's recorded consent to an addition: who, when, how (R-JOB-4). */
export const EmployerConsentSchema = z.strictObject({
  by: line(100),
  on: IsoDateSchema,
  method: z.enum(CONSENT_METHODS),
  note: plainText(1, 300).optional(),
});
export type EmployerConsent = z.infer<typeof EmployerConsentSchema>;

/**
 * An addition request. `consent` is checked by the worker, so a missing one is refused with its own
 * code (`employer_consent_required`) rather than as a malformed body.
 *
 * @example AdditionRequestSchema.parse({ text: '職場見学を当社が手配します。', consent: { by: '人事部 田中様', on: '2026-11-20', method: 'email' } });
 */
export const AdditionRequestSchema = z.strictObject({
  text: plainText(1, 2000),
  consent: z.unknown().optional(),
});
export type AdditionRequest = z.infer<typeof AdditionRequestSchema>;

export const AdditionSchema = z.object({
  id: z.string(),
  offerNumber: z.string(),
  text: z.string(),
  consent: EmployerConsentSchema,
  createdAt: z.string(),
});
export type Addition = z.infer<typeof AdditionSchema>;

/**
 * R-JOB-5: the agency learned that an offer changed or was cancelled, and asked the employer to tell
 * the receiving office; `employerAskedOn` records when it did.
 *
 * @example ChangeReportRequestSchema.parse({ kind: 'change', learned: '賃金が変わる', learnedOn: '2026-11-20', employerAskedOn: '2026-11-20' });
 */
export const ChangeReportRequestSchema = z.strictObject({
  kind: z.enum(['change', 'cancellation']),
  learned: plainText(1, 1000),
  learnedOn: IsoDateSchema,
  employerAskedOn: IsoDateSchema.optional(),
});
export type ChangeReportRequest = z.infer<typeof ChangeReportRequestSchema>;
export const ChangeReportSchema = z.object({
  id: z.string(),
  offerNumber: z.string(),
  kind: z.enum(['change', 'cancellation']),
  learned: z.string(),
  learnedOn: z.string(),
  employerAskedOn: z.string(),
  receivingOffice: z.object({ code: z.string(), name: z.string(), phone: z.string().nullable() }),
  createdAt: z.string(),
});
export type ChangeReport = z.infer<typeof ChangeReportSchema>;

/**
 * 求人受理 — an order the agency accepted from an employer (R-JOB-6). `fees` only for paid agencies
 * (and required there); `complaints` defaults to the registered complaints officer.
 *
 * @example JobOrderRequestSchema.parse({ offerNumber: '13010-12345678', employer: { name: '株式会社さくら' }, acceptedOn: '2026-11-20', jobsHandled: { occupations: ['050'], prefectures: ['13'], text: '介護職' }, subsidies: { handles: false, kinds: [] } });
 */
export const JobOrderRequestSchema = z.strictObject({
  offerNumber: OfferNumberSchema.optional(),
  employer: z.strictObject({ name: line(100), contactName: line(100).optional(), email: z.email().max(254).optional() }),
  acceptedOn: IsoDateSchema,
  jobsHandled: z.strictObject({
    occupations: z.array(OccupationCodeSchema).min(1).max(99).refine(distinct, { message: '職業が重複しています' }),
    prefectures: z.array(PrefectureCodeSchema).min(1).max(47).refine(distinct, { message: '都道府県が重複しています' }),
    text: plainText(1, 1000),
  }),
  fees: z.strictObject({ text: plainText(1, 2000) }).optional(),
  complaints: z.strictObject({ officer: line(100), contact: line(200), procedure: plainText(1, 1000) }).optional(),
  employerInformation: plainText(1, 1500).optional(),
  jobseekerInformation: plainText(1, 1500).optional(),
  /** §7(1)②オ: whether the agency handles employment subsidies, and which. */
  subsidies: z
    .strictObject({ handles: z.boolean(), kinds: z.array(line(100)).max(30).default([]) })
    .refine((s) => !s.handles || s.kinds.length > 0, { message: '取り扱う助成金の種類を記載してください', path: ['kinds'] }),
});
export type JobOrderRequest = z.infer<typeof JobOrderRequestSchema>;

/** A statement part: heading and body (R-JOB-6). */
export const StatementPartSchema = z.object({
  key: z.enum(['jobs', 'fees', 'complaints', 'employer_information', 'jobseeker_information', 'subsidies']),
  heading: z.string(),
  body: z.string(),
});
export type StatementPart = z.infer<typeof StatementPartSchema>;

/** The written statement for the employer: parts, and the text ready to send by email. */
export const EmployerStatementSchema = z.object({ subject: z.string(), parts: z.array(StatementPartSchema), text: z.string() });
export type EmployerStatement = z.infer<typeof EmployerStatementSchema>;

export const JobOrderSchema = z.object({
  id: z.string(),
  offerNumber: z.string().nullable(),
  employerName: z.string(),
  acceptedOn: z.string(),
  createdAt: z.string(),
  hires: z.number().int(),
  statement: EmployerStatementSchema,
});
export type JobOrder = z.infer<typeof JobOrderSchema>;

/** A hire made through an order (R-REP-1 counts them per fiscal year). */
export const HireRequestSchema = z.strictObject({ hiredOn: IsoDateSchema, fee: z.number().int().min(0).max(9_999_999_999).default(0) });
export type HireRequest = z.infer<typeof HireRequestSchema>;
/** Hires and fees through the job-offer service in one fiscal year (R-REP-1). */
export const HireTallySchema = z.object({ fiscalYear: z.number().int(), hires: z.number().int(), feeTotal: z.number().int() });
