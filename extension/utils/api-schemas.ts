/**
 * Wire shapes the extension reads that `shared/schemas` does not export: the acquisition record
 * (defined inside the worker's agency routes) and the data-holders list of a route not built yet
 * (issue 9). Built from the shared pieces; move them to `shared/schemas` and import from there.
 */
import { z } from 'zod';
import { IdSchema, IsoDateSchema } from '../../shared/schemas/common';
import { ProfileSchema } from '../../shared/schemas/profile';
import { ProfileIdSchema } from '../../shared/schemas/profile-id';

/**
 * An acquisition as `GET /v1/agency/feed/{profileId}` and `/v1/agency/acquisitions` return it
 * (mirrors the worker's route schema; R-RET-1, R-RET-2).
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

/** `POST /v1/agency/acceptances`: the acquisition with its new deadline, and whether it moved. */
export const AcceptanceResultSchema = z.object({ acquisition: AcquisitionSchema, extended: z.boolean() });
export type AcceptanceResult = z.infer<typeof AcceptanceResultSchema>;

/** `GET /v1/agency/acquisitions`. */
export const AcquisitionListSchema = z.object({ items: z.array(AcquisitionSchema) });

/**
 * One agency holding the jobseeker's data (`GET /v1/seeker/data-holders`, R-RET-*, R-DEL-*):
 * read leniently until the route and its shared schema land.
 */
export const DataHolderSchema = z.looseObject({
  agencyId: IdSchema,
  agencyName: z.string(),
  acquiredOn: IsoDateSchema,
  acceptedOn: IsoDateSchema.nullable().optional(),
  retentionDeadline: IsoDateSchema,
  state: z.string().optional(),
});
export type DataHolder = z.infer<typeof DataHolderSchema>;
export const DataHolderListSchema = z.looseObject({ items: z.array(DataHolderSchema) });
