/**
 * The public directory of agencies (R-DIR-1): what it shows, its query, its pages, and the agencies
 * whose use was revoked.
 */
import { z } from 'zod';
import { CursorSchema, IdSchema, IsoDateSchema, PageLimitSchema, PrefectureCodeSchema, pageOf } from './common';
import { CertificationSchema, LicenceKindSchema, ServiceSchema } from './agency';

/**
 * An agency as the public directory shows it (R-DIR-1), readable without an account.
 * `suspended` drives the 停止中 mark.
 *
 * @example
 * AgencyPublicRecordSchema.parse({
 *   id: 'ag_01', name: '株式会社みらい人材', address: '東京都千代田区霞が関1-2-2', prefecture: '13',
 *   licenceNumber: '13-ユ-123456', licenceKind: 'paid', services: ['job_offer', 'jobseeker'],
 *   handlesSubsidies: true, certifications: ['privacy_mark'], suspended: false,
 * });
 */
export const AgencyPublicRecordSchema = z.object({
  id: IdSchema,
  name: z.string(),
  address: z.string(),
  prefecture: PrefectureCodeSchema,
  licenceNumber: z.string(),
  licenceKind: LicenceKindSchema,
  services: z.array(ServiceSchema),
  handlesSubsidies: z.boolean(),
  certifications: z.array(CertificationSchema),
  suspended: z.boolean(),
  /** 停止中 while suspended (R-DIR-1), else 利用中; the worker always sends it. */
  statusLabel: z.enum(['利用中', '停止中']).optional(),
  /** R-TERM-1: the last day of the jobseeker service's term, when recorded. */
  termEndsOn: IsoDateSchema.nullable().optional(),
});
export type AgencyPublicRecord = z.infer<typeof AgencyPublicRecordSchema>;

/**
 * A revoked agency on the second public list, kept for 3 years from `revokedOn` (R-DIR-2).
 *
 * @example
 * RevokedAgencyRecordSchema.parse({ name: '…', address: '…', prefecture: '27', licenceNumber: '27-ユ-000001', revokedOn: '2026-06-01' });
 */
export const RevokedAgencyRecordSchema = z.object({
  name: z.string(),
  address: z.string(),
  prefecture: PrefectureCodeSchema,
  licenceNumber: z.string(),
  revokedOn: IsoDateSchema,
});
export type RevokedAgencyRecord = z.infer<typeof RevokedAgencyRecordSchema>;

/**
 * The directory's query string: by prefecture, service and text (name or address), paged.
 *
 * @example
 * DirectoryQuerySchema.parse({ prefecture: '13', service: 'jobseeker', q: '介護' });
 */
export const DirectoryQuerySchema = z.strictObject({
  prefecture: PrefectureCodeSchema.optional(),
  service: ServiceSchema.optional(),
  q: z.string().trim().max(100).optional(),
  cursor: CursorSchema.optional(),
  limit: PageLimitSchema,
});
export type DirectoryQuery = z.infer<typeof DirectoryQuerySchema>;

/** A page of the public directory (R-DIR-1). */
export const AgencyDirectoryPageSchema = pageOf(AgencyPublicRecordSchema);
export type AgencyDirectoryPage = z.infer<typeof AgencyDirectoryPageSchema>;

/**
 * The query string of the revoked list (R-DIR-2): by prefecture and text, paged.
 *
 * @example
 * RevokedDirectoryQuerySchema.parse({ prefecture: '27' });
 */
export const RevokedDirectoryQuerySchema = z.strictObject({
  prefecture: PrefectureCodeSchema.optional(),
  q: z.string().trim().max(100).optional(),
  cursor: CursorSchema.optional(),
  limit: PageLimitSchema,
});
export type RevokedDirectoryQuery = z.infer<typeof RevokedDirectoryQuerySchema>;

/** A page of the revoked list (R-DIR-2). */
export const RevokedAgencyPageSchema = pageOf(RevokedAgencyRecordSchema);
export type RevokedAgencyPage = z.infer<typeof RevokedAgencyPageSchema>;
