/**
 * The daily message cap as an agency sees it (R-CAP-1).
 */
import { z } from 'zod';
import { InstantSchema, IsoDateSchema } from './common';
import { SeatUsageSchema } from './seat';

/**
 * `GET /v1/agency/quota`: messages sent on the current JST day (first contacts and replies
 * together; notices excluded, R-CAP-3), the limit, and the instant the count resets (the next
 * 00:00 JST).
 *
 * @example
 * DailyQuotaSchema.parse({ day: '2026-04-01', used: 120, limit: 1000, remaining: 880, resetsAt: '2026-04-01T15:00:00.000Z' });
 */
export const DailyQuotaSchema = z
  .object({
    day: IsoDateSchema,
    used: z.number().int().min(0),
    limit: z.number().int().min(0),
    remaining: z.number().int().min(0),
    resetsAt: InstantSchema,
    /** R-ORG-2: the organisation's count by the seat that sent (`GET /v1/agency/quota` and a completed send's answer). */
    bySeat: z.array(SeatUsageSchema).optional(),
  })
  .refine((q) => q.remaining === Math.max(0, q.limit - q.used), {
    message: 'remaining は limit - used です',
    path: ['remaining'],
  });
export type DailyQuota = z.infer<typeof DailyQuotaSchema>;
