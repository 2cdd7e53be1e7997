/**
 * Wire shapes the extension reads: the acquisition records (from `shared/schemas`) and the
 * data-holders list of a route not built yet (issue 9).
 */
import { z } from 'zod';
import { IdSchema, IsoDateSchema } from '../../shared/schemas/common';
import { ProfileSchema } from '../../shared/schemas/profile';
import { ProfileIdSchema } from '../../shared/schemas/profile-id';

export {
  AcquisitionSchema, OpenedProfileSchema, AcceptanceResultSchema, AcquisitionListSchema,
  type Acquisition, type OpenedProfile, type AcceptanceResult,
} from '../../shared/schemas/acquisition';

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
