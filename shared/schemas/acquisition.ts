import { z } from 'zod';
import { IsoDateSchema, plainText } from './common';
import { ProfileSchema } from './profile';
import { ProfileIdSchema } from './profile-id';

/**
 * An agency's acquisition of a profile (it opened it or wrote to its owner) with the retention
 * deadline that applies (R-RET-1, R-RET-2); `deleted` once the agency's copy went.
 *
 * @example
 * AcquisitionSchema.parse({ profileId: '13-7K3M9X2QAB', acquiredOn: '2026-11-27', acceptedOn: null,
 *   retentionDeadline: '2027-01-31', state: 'held', deletedAt: null, deletedRule: null });
 */
export const AcquisitionSchema = z.object({
  profileId: ProfileIdSchema,
  acquiredOn: IsoDateSchema,
  acceptedOn: IsoDateSchema.nullable(),
  retentionDeadline: IsoDateSchema,
  state: z.enum(['held', 'deleted']),
  deletedAt: z.string().nullable(),
  deletedRule: z.string().nullable(),
});
export type Acquisition = z.infer<typeof AcquisitionSchema>;

/** `GET /v1/agency/feed/{profileId}`: the profile and its acquisition record. */
export const OpenedProfileSchema = z.object({ profile: ProfileSchema, acquisition: AcquisitionSchema });
export type OpenedProfile = z.infer<typeof OpenedProfileSchema>;

/**
 * What the agency tells about fees when it records 求職受理 (R-APP-5, §7(2)②イ): that the fees its
 * placement brings (求職受付手数料, 職業紹介手数料 or other paid services) were explained to the
 * jobseeker on `explainedOn`, before the acceptance; or that none are charged. A paid agency
 * (Art. 30) must say which; for the free kinds, which charge nothing, it defaults to `none_charged`.
 *
 * @example
 * FeeStatementSchema.parse({ kind: 'explained', explainedOn: '2026-11-20' });
 * FeeStatementSchema.parse({ kind: 'none_charged' });
 */
export const FeeStatementSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('explained'), explainedOn: IsoDateSchema }),
  z.strictObject({ kind: z.literal('none_charged') }),
]);
export type FeeStatement = z.infer<typeof FeeStatementSchema>;

/**
 * `POST /v1/agency/acceptances` body: 求職受理 — the agency accepted the jobseeker's application —
 * its date, and the fee statement (R-RET-2, R-APP-5).
 *
 * @example
 * AcceptanceRequestSchema.parse({ profileId: '13-7K3M9X2QAB', acceptedOn: '2026-11-27', fees: { kind: 'none_charged' } });
 */
export const AcceptanceRequestSchema = z.strictObject({
  profileId: ProfileIdSchema,
  acceptedOn: IsoDateSchema,
  fees: FeeStatementSchema.optional(),
});
export type AcceptanceRequest = z.infer<typeof AcceptanceRequestSchema>;

/** `POST /v1/agency/acceptances` answer: the acquisition with its new deadline, whether it moved, and the fee statement recorded. */
export const AcceptanceResultSchema = z.object({ acquisition: AcquisitionSchema, extended: z.boolean(), fees: FeeStatementSchema });
export type AcceptanceResult = z.infer<typeof AcceptanceResultSchema>;

/** `GET /v1/agency/acquisitions`. */
export const AcquisitionListSchema = z.object({ items: z.array(AcquisitionSchema) });
export type AcquisitionList = z.infer<typeof AcquisitionListSchema>;

/**
 * `POST /v1/agency/acceptance-refusals` body: the agency did not accept a jobseeker's application
 * made through the service, on `refusedOn`, and why (R-APP-5, §7(2)②ア: every application is to be
 * accepted as the Employment Security Act provides, so the bureau sees each refusal).
 *
 * @example
 * AcceptanceRefusalRequestSchema.parse({ profileId: '13-7K3M9X2QAB', refusedOn: '2026-11-27', reason: '申込みの内容が法令に違反するため（職業安定法第5条の5第1項ただし書）' });
 */
export const AcceptanceRefusalRequestSchema = z.strictObject({
  profileId: ProfileIdSchema,
  refusedOn: IsoDateSchema,
  reason: plainText(1, 500),
});
export type AcceptanceRefusalRequest = z.infer<typeof AcceptanceRefusalRequestSchema>;

/**
 * A recorded refusal to accept an application (R-APP-5), as the agency and the bureau see it.
 *
 * @example
 * AcceptanceRefusalSchema.parse({ profileId: '13-7K3M9X2QAB', refusedOn: '2026-11-27', reason: '…', recordedAt: '2026-11-27T01:00:00.000Z' });
 */
export const AcceptanceRefusalSchema = z.object({
  profileId: ProfileIdSchema,
  refusedOn: IsoDateSchema,
  reason: z.string(),
  recordedAt: z.string(),
});
export type AcceptanceRefusal = z.infer<typeof AcceptanceRefusalSchema>;
