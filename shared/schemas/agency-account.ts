/**
 * An agency's own account as the agency sees it (`GET /v1/agency/me`): status, licence, services,
 * term of use, registered contact methods and its current mandatory information.
 */
import { z } from 'zod';
import { EmailSchema, IdSchema, IsoDateSchema, PrefectureCodeSchema } from './common';
import { AgencyStatusSchema, ContactMethodSchema, LicenceSchema, ServiceSchema, SuspensionSchema } from './agency';
import { MandatoryInformationVersionSchema } from './agency-mandatory-information';

/**
 * The jobseeker service's term and the licence's expiry, recorded at admission and renewal
 * (R-TERM-1): use stops the day after `endsOn` without an accepted renewal. `licenceExpiresOn` is
 * null when the bureau recorded none (schools and special corporations hold a notification, not
 * a licence with an expiry).
 *
 * @example
 * ServiceTermSchema.parse({ startsOn: '2026-12-01', endsOn: '2029-12-01', licenceExpiresOn: '2028-03-31' });
 */
export const ServiceTermSchema = z.object({ startsOn: IsoDateSchema, endsOn: IsoDateSchema, licenceExpiresOn: IsoDateSchema.nullable() });
export type ServiceTerm = z.infer<typeof ServiceTermSchema>;

/**
 * An agency's own account as `GET /v1/agency/me` returns it: status (with the suspension's reason
 * and end while suspended, R-SAN-2), licence, services, term of use, registered contact methods,
 * and the current mandatory information with its version.
 *
 * @example
 * AgencyAccountSchema.parse({ id: 'ag_01', name: '株式会社みらい人材', status: 'active', suspension: null, ... });
 */
export const AgencyAccountSchema = z.object({
  id: IdSchema,
  name: z.string(),
  email: EmailSchema,
  prefecture: PrefectureCodeSchema,
  status: AgencyStatusSchema,
  suspension: SuspensionSchema.nullable(),
  revokedOn: IsoDateSchema.nullable(),
  withdrawnOn: IsoDateSchema.nullable(),
  licence: LicenceSchema,
  services: z.array(ServiceSchema),
  term: ServiceTermSchema.nullable(),
  contactMethods: z.array(ContactMethodSchema),
  mandatoryInformation: MandatoryInformationVersionSchema.nullable(),
});
export type AgencyAccount = z.infer<typeof AgencyAccountSchema>;
