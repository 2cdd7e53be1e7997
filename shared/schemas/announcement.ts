import { z } from 'zod';
import { IdSchema, InstantSchema } from './common';

/**
 * What an announcement does when it starts (R-OPS-3): planned maintenance (503), an access
 * restriction (§11: 429), or emergency maintenance (§16: 503, starting at once).
 */
export const AnnouncementKindSchema = z.enum(['maintenance', 'restriction', 'emergency_maintenance']);
export type AnnouncementKind = z.infer<typeof AnnouncementKindSchema>;

/** Who an announcement applies to: agencies, jobseekers or both; all agencies or the ones named. */
export const AnnouncementAudienceSchema = z.strictObject({
  roles: z
    .array(z.enum(['agency', 'seeker']))
    .min(1)
    .max(2),
  /** `null`: every agency. Otherwise only these agencies (jobseekers are then unaffected). */
  agencyIds: z.array(IdSchema).min(1).max(100).nullable().default(null),
  /** Path prefixes under `/v1/agency/` or `/v1/seeker/` it closes; `null`: all of the roles' routes. */
  routes: z
    .array(
      z.string().regex(/^\/v1\/(agency|seeker)(\/[a-z0-9\-/]*)?$/, { message: '/v1/agency/… または /v1/seeker/… の形で指定してください' }),
    )
    .min(1)
    .max(20)
    .nullable()
    .default(null),
});
export type AnnouncementAudience = z.infer<typeof AnnouncementAudienceSchema>;

/**
 * The ministry schedules a planned restriction or maintenance, or starts emergency maintenance.
 *
 * @example
 * AnnouncementInputSchema.parse({ kind: 'maintenance', title: '臨時メンテナンス', reason: 'サーバー更新のため',
 *   audience: { roles: ['agency', 'seeker'] }, startsAt: '2026-12-10T13:00:00.000Z', endsAt: '2026-12-10T15:00:00.000Z' });
 */
export const AnnouncementInputSchema = z.strictObject({
  kind: AnnouncementKindSchema,
  title: z.string().trim().min(1).max(100),
  /** Why (§11 「通知した上で」): shown to the people it affects. */
  reason: z.string().trim().min(1).max(1000),
  audience: AnnouncementAudienceSchema,
  /** When it starts; emergency maintenance starts at once and may omit it. */
  startsAt: z.iso.datetime({ offset: true }).optional(),
  /** When it ends (for emergency maintenance: the expected end). */
  endsAt: z.iso.datetime({ offset: true }),
});
export type AnnouncementInput = z.infer<typeof AnnouncementInputSchema>;

/** An announcement as stored and listed. */
export const AnnouncementSchema = z.object({
  id: IdSchema,
  kind: AnnouncementKindSchema,
  title: z.string(),
  reason: z.string(),
  audience: z.object({
    roles: z.array(z.enum(['agency', 'seeker'])),
    agencyIds: z.array(IdSchema).nullable(),
    routes: z.array(z.string()).nullable(),
  }),
  startsAt: InstantSchema,
  endsAt: InstantSchema,
  createdAt: InstantSchema,
  createdBy: z.string(),
  cancelledAt: InstantSchema.nullable(),
});
export type Announcement = z.infer<typeof AnnouncementSchema>;

/** `GET /v1/public/announcements`: what is in force now and what is coming. */
export const AnnouncementListSchema = z.object({
  current: z.array(AnnouncementSchema),
  upcoming: z.array(AnnouncementSchema),
});
export type AnnouncementList = z.infer<typeof AnnouncementListSchema>;
