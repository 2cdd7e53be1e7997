/**
 * Sanctions (R-SAN-*): violations, proposals, suspensions and revocations, their results and history,
 * and the bureau's view of one agency.
 */
import { z } from 'zod';
import { FiscalYearSchema, IdSchema, InstantSchema, IsoDateSchema, plainText } from './common';
import { AgencyStatusSchema, CertificationSchema, OfficerSchema, SuspensionKindSchema, SuspensionSchema } from './agency';
import { AgencyAccountSchema } from './agency-account';
import { ProcedureSchema, StaffReasonSchema } from './agency-procedures';
import { SeatIdSchema, SeatRoleSchema } from './seat';

/** R-SEC-5: failed sign-ins counted against an account, and the lock in force now (null when none). */
export const SignInStateSchema = z.object({ failures: z.number().int(), lockedUntil: z.iso.datetime().nullable() });

/** The categories of violation bureau staff record, each tied to the clause of §8 that sets its sanction. */
export const ViolationCategorySchema = z.enum([
  'misuse',
  'promotion',
  'excessive_sales',
  'missed_procedure',
  'serious_procedure',
  'other',
  'serious_other',
  'legal_order',
  'fact_check',
]);

/**
 * `POST /v1/admin/agencies/{id}/violations`: a violation with its category and what happened.
 * `notImprovedWithinSuspension` marks a §8(2)④a matter still not remedied after six months.
 *
 * @example
 * ViolationRequestSchema.parse({ category: 'promotion', note: 'セミナーの宣伝のみを送信' });
 */
export const ViolationRequestSchema = z.strictObject({
  category: ViolationCategorySchema,
  note: plainText(1, 2000),
  notImprovedWithinSuspension: z.boolean().optional(),
});
export type ViolationRequest = z.infer<typeof ViolationRequestSchema>;

/**
 * The sanction §8 prescribes, as `proposeSanction` answers it (R-SAN-1). Staff decide.
 *
 * @example
 * SanctionProposalSchema.parse({ kind: 'suspension', term: { months: 6 }, basis: '§8(2)②', reason: '…' });
 */
export const SanctionProposalSchema = z.union([
  z.object({
    kind: z.literal('suspension'),
    term: z.union([z.object({ months: z.literal(6) }), z.literal('until_corrected'), z.literal('temporary')]),
    basis: z.string(),
    reason: z.string(),
  }),
  z.object({ kind: z.literal('revocation'), basis: z.string(), reason: z.string() }),
]);
export type SanctionProposal = z.infer<typeof SanctionProposalSchema>;

/**
 * A recorded violation and the sanction proposed for it.
 *
 * @example
 * ViolationRecordSchema.parse({ id: 'V…', agencyId: 'A…', category: 'misuse', note: '…', recordedOn: '2026-12-01', recordedAt: '…', recordedBy: 'S…', resumedOn: null, proposal });
 */
export const ViolationRecordSchema = z.object({
  id: IdSchema,
  agencyId: IdSchema,
  category: ViolationCategorySchema,
  note: z.string(),
  recordedOn: IsoDateSchema,
  recordedAt: InstantSchema,
  recordedBy: z.string(),
  /** The day the agency's use resumed after the sanction that followed, if it has. */
  resumedOn: IsoDateSchema.nullable(),
  proposal: SanctionProposalSchema,
});
export type ViolationRecord = z.infer<typeof ViolationRecordSchema>;

/**
 * `POST /v1/admin/agencies/{id}/suspensions`: a fixed suspension of `months` months (6 unless
 * said otherwise), one until the matter is corrected, or a temporary one while facts are checked
 * (§8(3)). Effective at once (R-SAN-2).
 *
 * @example
 * SuspensionRequestSchema.parse({ kind: 'fixed', reason: '一方的な宣伝行為（§8(2)②）', violationId: 'V…' });
 */
export const SuspensionRequestSchema = z
  .strictObject({
    kind: SuspensionKindSchema,
    months: z.number().int().min(1).max(12).optional(),
    reason: StaffReasonSchema,
    violationId: IdSchema.optional(),
  })
  .refine((s) => s.kind === 'fixed' || s.months === undefined, {
    message: '期間（月数）は期間を定めた停止にだけ指定します',
    path: ['months'],
  });
export type SuspensionRequest = z.infer<typeof SuspensionRequestSchema>;

/**
 * `POST /v1/admin/agencies/{id}/revocation` (利用解除): effective at once; sessions end, data goes,
 * the agency is listed as revoked for three years and may not apply again in them (R-APP-3, R-DIR-2).
 *
 * @example
 * RevocationRequestSchema.parse({ reason: '虚偽の報告（§8(2)④b）' });
 */
export const RevocationRequestSchema = z.strictObject({ reason: StaffReasonSchema, violationId: IdSchema.optional() });
export type RevocationRequest = z.infer<typeof RevocationRequestSchema>;

/**
 * The agency's standing after a sanction or procedure took effect.
 *
 * @example
 * StatusChangeResultSchema.parse({ agencyId: 'A…', status: 'suspended', suspension, revokedOn: null, withdrawnOn: null, purged: 3, sessionsEnded: 0 });
 */
export const StatusChangeResultSchema = z.object({
  agencyId: IdSchema,
  status: AgencyStatusSchema,
  suspension: SuspensionSchema.nullable(),
  revokedOn: IsoDateSchema.nullable(),
  withdrawnOn: IsoDateSchema.nullable(),
  /** How many records of jobseeker data were deleted worker-side (R-RET-3). */
  purged: z.number().int().min(0),
  sessionsEnded: z.number().int().min(0),
});
export type StatusChangeResult = z.infer<typeof StatusChangeResultSchema>;

/**
 * A suspension as the bureau's history keeps it: who imposed it, and how and when it ended.
 *
 * @example
 * SuspensionHistorySchema.parse({ id: 'U…', kind: 'fixed', reason: '…', startsOn: '2027-05-21', endsOn: '2027-11-20', violationId: null, imposedBy: 'system', imposedAt: '…', endedOn: null, endedBy: null, endReason: null });
 */
export const SuspensionHistorySchema = z.object({
  id: IdSchema,
  kind: SuspensionKindSchema,
  reason: z.string(),
  startsOn: IsoDateSchema,
  endsOn: IsoDateSchema.nullable(),
  violationId: IdSchema.nullable(),
  imposedBy: z.string(),
  imposedAt: InstantSchema,
  endedOn: IsoDateSchema.nullable(),
  endedBy: z.string().nullable(),
  endReason: z.enum(['expired', 'lifted', 'revoked', 'withdrawn']).nullable(),
});
export type SuspensionHistory = z.infer<typeof SuspensionHistorySchema>;

/**
 * `GET /v1/admin/agencies/{id}`: the agency's record with what the bureau needs beside it.
 */
export const AdminAgencyDetailSchema = z.object({
  agency: AgencyAccountSchema.omit({ term: true }).extend({ admittedOn: IsoDateSchema }),
  address: z.string(),
  liaisonOfficer: OfficerSchema.nullable(),
  privacyOfficer: OfficerSchema.nullable(),
  handlesSubsidies: z.boolean(),
  certifications: z.array(CertificationSchema),
  termEndsOn: IsoDateSchema.nullable(),
  /** R-TERM-1: the licence's expiry as the bureau recorded it (null: none recorded). */
  licenceExpiresOn: IsoDateSchema.nullable().optional(),
  violations: z.array(ViolationRecordSchema),
  suspensions: z.array(SuspensionHistorySchema),
  procedures: z.array(ProcedureSchema),
  reportsFiled: z.array(FiscalYearSchema),
  /** R-SEC-5: failed sign-ins counted against the account, and the lock in force (null when none). */
  signIn: SignInStateSchema.optional(),
  /** R-SEC-5, R-ORG-2: each live staff seat (the liaison officer's included) and its sign-in lock. */
  seats: z
    .array(z.object({ id: SeatIdSchema, name: z.string(), email: z.string(), role: SeatRoleSchema, signIn: SignInStateSchema }))
    .optional(),
});
export type AdminAgencyDetail = z.infer<typeof AdminAgencyDetailSchema>;
