import { z } from 'zod';
import { IsoDateSchema } from './common';
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

/** `POST /v1/agency/acceptances` body: 求職受理 — the agency accepted the jobseeker's application — and its date. */
export const AcceptanceRequestSchema = z.strictObject({ profileId: ProfileIdSchema, acceptedOn: IsoDateSchema });
export type AcceptanceRequest = z.infer<typeof AcceptanceRequestSchema>;

/** `POST /v1/agency/acceptances` answer: the acquisition with its new deadline, and whether it moved. */
export const AcceptanceResultSchema = z.object({ acquisition: AcquisitionSchema, extended: z.boolean() });
export type AcceptanceResult = z.infer<typeof AcceptanceResultSchema>;

/** `GET /v1/agency/acquisitions`. */
export const AcquisitionListSchema = z.object({ items: z.array(AcquisitionSchema) });
export type AcquisitionList = z.infer<typeof AcquisitionListSchema>;
