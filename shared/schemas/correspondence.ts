import { z } from 'zod';
import { LicenceKindSchema, ServiceSchema } from './agency';
import { IdSchema, InstantSchema, IsoDateSchema, PrefectureCodeSchema, plainText } from './common';

/**
 * A correction request (是正要請, §3, §8(2)③⑤, §7(2)②カ: R-COR-1) or a measure the operations
 * organisation requires of the liaison officer (§14: R-COR-3).
 */
export const CorrectionKindSchema = z.enum(['correction', 'measure']);
export type CorrectionKind = z.infer<typeof CorrectionKindSchema>;

/** What a request is tied to: a recorded violation, a complaint, or an operations finding. */
export const CorrectionBasisSchema = z
  .strictObject({
    violationId: IdSchema.optional(),
    complaintId: IdSchema.optional(),
    finding: plainText(1, 1000).optional(),
  })
  .refine((b) => b.violationId || b.complaintId || b.finding, { message: '違反・苦情・運用上の所見のいずれかを指定してください' });

/**
 * `POST /v1/admin/agencies/{id}/correction-requests`.
 *
 * @example CorrectionRequestInputSchema.parse({ kind: 'correction', basis: { finding: '…' }, problem: '…', required: '…', dueOn: '2026-12-15' });
 */
export const CorrectionRequestInputSchema = z.strictObject({
  kind: CorrectionKindSchema.default('correction'),
  basis: CorrectionBasisSchema,
  /** What is wrong. */
  problem: plainText(1, 2000),
  /** What must be done. */
  required: plainText(1, 2000),
  /** The last JST day to answer (a measure: the day by which it must be taken). */
  dueOn: IsoDateSchema,
});
export type CorrectionRequestInput = z.infer<typeof CorrectionRequestInputSchema>;

/** `POST /v1/agency/correction-requests/{id}/answer`: what the agency did and when. */
export const CorrectionAnswerSchema = z.strictObject({
  doneOn: IsoDateSchema,
  text: plainText(1, 4000),
});
export type CorrectionAnswer = z.infer<typeof CorrectionAnswerSchema>;

/** `POST /v1/admin/correction-requests/{id}/confirm`: the bureau confirms the correction or sends it back. */
export const CorrectionDecisionSchema = z.strictObject({
  decision: z.enum(['confirmed', 'returned']),
  note: plainText(1, 2000),
});
export type CorrectionDecision = z.infer<typeof CorrectionDecisionSchema>;

export const CorrectionStatusSchema = z.enum(['open', 'answered', 'returned', 'confirmed']);

/** One correction request or measure with every dated step. */
export const CorrectionRequestSchema = z.object({
  id: IdSchema,
  kind: CorrectionKindSchema,
  agencyId: IdSchema,
  agencyName: z.string(),
  prefecture: PrefectureCodeSchema,
  basis: z.object({ violationId: IdSchema.optional(), complaintId: IdSchema.optional(), finding: z.string().optional() }),
  problem: z.string(),
  required: z.string(),
  dueOn: IsoDateSchema,
  status: CorrectionStatusSchema,
  sentAt: InstantSchema,
  sentBy: z.string(),
  answers: z.array(z.object({ doneOn: IsoDateSchema, text: z.string(), answeredAt: InstantSchema })),
  decisions: z.array(
    z.object({ decision: z.enum(['confirmed', 'returned']), note: z.string(), decidedAt: InstantSchema, decidedBy: z.string() }),
  ),
  /** For a measure past its day without a confirmed answer: the temporary suspension proposed (§8(3)). */
  proposal: z.object({ kind: z.literal('suspension'), term: z.literal('temporary'), basis: z.string(), reason: z.string() }).nullable(),
});
export type CorrectionRequest = z.infer<typeof CorrectionRequestSchema>;

/** Reports on request (§19(2): R-COR-2): a usage report or a fact-finding answer. */
export const ReportRequestKindSchema = z.enum(['usage_report', 'fact_finding']);

/**
 * `POST /v1/admin/report-requests`: to one agency, or to those of a prefecture, service or licence kind.
 *
 * @example ReportRequestInputSchema.parse({ kind: 'fact_finding', questions: ['…'], dueOn: '2026-12-20', target: { agencyId: 'A…' } });
 */
export const ReportRequestInputSchema = z.strictObject({
  kind: ReportRequestKindSchema,
  title: plainText(1, 200),
  questions: z.array(plainText(1, 2000)).min(1).max(30),
  dueOn: IsoDateSchema,
  target: z.union([
    z.strictObject({ agencyId: IdSchema }),
    z.strictObject({
      prefecture: PrefectureCodeSchema.optional(),
      service: ServiceSchema.optional(),
      licenceKind: LicenceKindSchema.optional(),
    }),
  ]),
});
export type ReportRequestInput = z.infer<typeof ReportRequestInputSchema>;

/** `PUT /v1/agency/report-requests/{id}`: one answer per question. Each submission is kept; a correction is a new version. */
export const ReportAnswerSchema = z.strictObject({ answers: z.array(plainText(1, 8000)).min(1).max(30) });
export type ReportAnswer = z.infer<typeof ReportAnswerSchema>;

/** What every view of a report request shows. */
const ReportRequestBaseSchema = z.object({
  id: IdSchema,
  kind: ReportRequestKindSchema,
  title: z.string(),
  questions: z.array(z.string()),
  dueOn: IsoDateSchema,
  sentAt: InstantSchema,
});

/** A report request as one agency sees it. */
export const AgencyReportRequestSchema = ReportRequestBaseSchema.extend({
  versions: z.array(z.object({ version: z.number().int(), answers: z.array(z.string()), submittedAt: InstantSchema })),
  overdue: z.boolean(),
});
export type AgencyReportRequest = z.infer<typeof AgencyReportRequestSchema>;

/** A report request as the bureau sees it: who answered and who is overdue. */
export const AdminReportRequestSchema = ReportRequestBaseSchema.extend({
  sentBy: z.string(),
  targets: z.array(
    z.object({
      agencyId: IdSchema,
      agencyName: z.string(),
      prefecture: PrefectureCodeSchema,
      answeredAt: InstantSchema.nullable(),
      versions: z.number().int(),
      overdue: z.boolean(),
    }),
  ),
});
export type AdminReportRequest = z.infer<typeof AdminReportRequestSchema>;
