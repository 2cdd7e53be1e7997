import { z } from 'zod';
import { IdSchema, InstantSchema, IsoDateSchema } from './common';

/** One version of the terms of use (R-TOS-1, §20), without its text. */
export const TermsVersionSchema = z.object({
  version: z.number().int().min(1),
  /** The JST day it takes effect. */
  effectiveOn: IsoDateSchema,
  /** What changed, in a few lines, shown to every agency seat at its next sign-in. */
  summary: z.string(),
  publishedAt: InstantSchema,
  publishedBy: z.string(),
});
export type TermsVersion = z.infer<typeof TermsVersionSchema>;

/** `GET /v1/public/terms`: the version in force with its text, and a published one not yet in force. */
export const TermsDocumentSchema = z.object({
  current: TermsVersionSchema.extend({ text: z.string() }),
  upcoming: TermsVersionSchema.nullable(),
});
export type TermsDocument = z.infer<typeof TermsDocumentSchema>;

/**
 * `PUT /v1/admin/terms`: the ministry publishes a new version, effective on a later day.
 *
 * @example TermsPublishSchema.parse({ effectiveOn: '2027-04-01', summary: '第7条を改め…', text: '…' });
 */
export const TermsPublishSchema = z.strictObject({
  effectiveOn: IsoDateSchema,
  summary: z.string().trim().min(1).max(4000),
  text: z.string().trim().min(1).max(200_000),
});
export type TermsPublish = z.infer<typeof TermsPublishSchema>;

/** `POST /v1/agency/terms-consents`: a seat confirms the version it was shown. */
export const TermsConsentSchema = z.strictObject({ version: z.number().int().min(1) });
export type TermsConsent = z.infer<typeof TermsConsentSchema>;

/** A recorded confirmation: who confirmed which version and when. */
export const TermsConsentRecordSchema = z.object({
  agencyId: IdSchema,
  confirmedBy: z.string(),
  version: z.number().int(),
  confirmedAt: InstantSchema,
});
export type TermsConsentRecord = z.infer<typeof TermsConsentRecordSchema>;

/** `GET /v1/admin/terms-consents`: per organisation in scope, whether it confirmed the version in force. */
export const TermsConsentOverviewSchema = z.object({
  version: z.number().int(),
  effectiveOn: IsoDateSchema,
  confirmed: z.array(TermsConsentRecordSchema.extend({ agencyName: z.string() })),
  notConfirmed: z.array(z.object({ agencyId: IdSchema, agencyName: z.string(), prefecture: z.string() })),
});
export type TermsConsentOverview = z.infer<typeof TermsConsentOverviewSchema>;

/** `GET /v1/agency/terms-consents`: what this seat must confirm now, what comes next, what it confirmed. */
export const TermsStatusSchema = z.object({
  inForce: TermsVersionSchema,
  /** The version in force when this seat has not confirmed it yet (searching and writing wait for it). */
  mustConfirm: TermsVersionSchema.nullable(),
  /** A published version not yet in force, which the seat may confirm ahead. */
  upcoming: TermsVersionSchema.nullable(),
  confirmedVersion: z.number().int().nullable(),
});
export type TermsStatus = z.infer<typeof TermsStatusSchema>;
