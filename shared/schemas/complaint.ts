/**
 * Complaints (R-CMP-1): the agency's own complaint log (§15(2)) and a jobseeker's complaint to the
 * bureau about an agency (§7(2)②カ).
 */
import { z } from 'zod';
import { IdSchema, InstantSchema, IsoDateSchema, PageLimitSchema, PrefectureCodeSchema, plainText } from './common';
import { ProfileIdSchema } from './profile-id';

/** The longest complaint text, in characters. */
export const COMPLAINT_MAX_LENGTH = 4000;

/**
 * Who the complaint came from: a jobseeker, an employer (求人者), passed on by the bureau, or other.
 */
export const ComplaintSourceSchema = z.enum(['jobseeker', 'employer', 'bureau', 'other']);
export type ComplaintSource = z.infer<typeof ComplaintSourceSchema>;

/**
 * One step of handling (対応の経過): the day and what was done.
 *
 * @example
 * ComplaintHandlingSchema.parse({ on: '2026-04-03', note: '求職者に電話で事情を伺い、謝罪しました。' });
 */
export const ComplaintHandlingSchema = z.strictObject({
  on: IsoDateSchema,
  note: plainText(1, 2000),
});
export type ComplaintHandling = z.infer<typeof ComplaintHandlingSchema>;

/**
 * An entry of the agency's complaint log: date received, content, handling so far (§15(2)).
 *
 * @example
 * AgencyComplaintSchema.parse({ id: 'cp_01', receivedOn: '2026-04-02', from: 'jobseeker', content: '…', handling: [] });
 */
export const AgencyComplaintSchema = z.object({
  id: IdSchema,
  receivedOn: IsoDateSchema,
  from: ComplaintSourceSchema,
  content: z.string(),
  handling: z.array(z.object({ on: IsoDateSchema, note: z.string() })),
  /** The jobseeker complaint the bureau passed on, when the entry came from the bureau (§7(2)②カ). */
  bureauComplaintId: IdSchema.optional(),
  recordedAt: InstantSchema.optional(),
});
export type AgencyComplaint = z.infer<typeof AgencyComplaintSchema>;

/**
 * `POST /v1/agency/complaints`: a new log entry, optionally with handling already done. Handling
 * cannot predate receipt.
 *
 * @example
 * AgencyComplaintCreateSchema.parse({ receivedOn: '2026-04-02', from: 'jobseeker', content: '連絡が多すぎるとの苦情' });
 */
export const AgencyComplaintCreateSchema = z
  .strictObject({
    receivedOn: IsoDateSchema,
    from: ComplaintSourceSchema,
    content: plainText(1, COMPLAINT_MAX_LENGTH),
    handling: z.array(ComplaintHandlingSchema).max(100).default([]),
  })
  .refine((c) => c.handling.every((h) => h.on >= c.receivedOn), {
    message: '対応日が受付日より前です',
    path: ['handling'],
  });
export type AgencyComplaintCreate = z.infer<typeof AgencyComplaintCreateSchema>;

/**
 * `PATCH /v1/agency/complaints/{id}`: adds one handling step. The log is append-only, so what was
 * recorded is not rewritten.
 *
 * @example
 * AgencyComplaintUpdateSchema.parse({ handling: { on: '2026-04-05', note: '再発防止策を社内に周知しました。' } });
 */
export const AgencyComplaintUpdateSchema = z.strictObject({
  handling: ComplaintHandlingSchema,
});
export type AgencyComplaintUpdate = z.infer<typeof AgencyComplaintUpdateSchema>;

/**
 * `POST /v1/seeker/complaints`: a jobseeker complains to the bureau about an agency.
 *
 * @example
 * SeekerComplaintSchema.parse({ agencyId: 'ag_01', content: 'セミナーへの参加を何度も勧められました。' });
 */
export const SeekerComplaintSchema = z.strictObject({
  agencyId: IdSchema,
  content: plainText(1, COMPLAINT_MAX_LENGTH),
});
export type SeekerComplaint = z.infer<typeof SeekerComplaintSchema>;

/**
 * A jobseeker's complaint as the bureau sees it; `forwardedAt` is when it was passed on to the
 * agency, if it was.
 *
 * @example
 * SeekerComplaintRecordSchema.parse({ id: 'sc_01', agencyId: 'ag_01', agencyName: '…', profileId: '13-7K3QM2XPA9', content: '…', receivedAt: '…', forwardedAt: null });
 */
export const SeekerComplaintRecordSchema = z.object({
  id: IdSchema,
  agencyId: IdSchema,
  agencyName: z.string(),
  profileId: ProfileIdSchema,
  content: z.string(),
  receivedAt: InstantSchema,
  forwardedAt: InstantSchema.nullable(),
  /** The prefecture of the bureau in charge of the agency, which receives the complaint. */
  prefecture: PrefectureCodeSchema.optional(),
  forwardedBy: z.string().nullable().optional(),
});
export type SeekerComplaintRecord = z.infer<typeof SeekerComplaintRecordSchema>;

/**
 * `POST /v1/admin/complaints/{id}/forward`: the bureau passes a jobseeker's complaint on to the
 * agency (§7(2)②カ, §15(3)); it lands in the agency's complaint log. `summary` replaces the
 * jobseeker's words when they should not reach the agency as written; the jobseeker's public ID
 * is shared only when `shareProfileId` is set.
 *
 * @example
 * ComplaintForwardSchema.parse({ reason: '事実確認のため', summary: 'セミナー勧誘が続いているとの申出', shareProfileId: false });
 */
export const ComplaintForwardSchema = z.strictObject({
  reason: z.string().trim().min(1).max(1000).optional(),
  summary: plainText(1, COMPLAINT_MAX_LENGTH).optional(),
  shareProfileId: z.boolean().default(false),
});
export type ComplaintForward = z.infer<typeof ComplaintForwardSchema>;

/**
 * The query of `GET /v1/admin/complaints`.
 *
 * @example
 * AdminComplaintsQuerySchema.parse({ agencyId: 'A…', forwarded: 'false' });
 */
export const AdminComplaintsQuerySchema = z.strictObject({
  agencyId: IdSchema.optional(),
  forwarded: z.enum(['true', 'false']).optional(),
  limit: PageLimitSchema,
});
export type AdminComplaintsQuery = z.infer<typeof AdminComplaintsQuerySchema>;
