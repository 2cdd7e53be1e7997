/**
 * Wire shapes the extension reads that live in `shared/schemas` under another concept: the
 * acquisition records, re-exported for the agency's side.
 */
export {
  AcquisitionSchema,
  OpenedProfileSchema,
  AcceptanceResultSchema,
  AcquisitionListSchema,
  type Acquisition,
  type OpenedProfile,
  type AcceptanceResult,
  type FeeStatement,
} from '../../shared/schemas/acquisition';
