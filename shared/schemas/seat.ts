/**
 * Staff seats of an organisation (R-ORG-2, §9): each person signs in with their own email and
 * password; the liaison officer (連絡責任者) adds and removes them.
 */
import { z } from 'zod';
import { EmailSchema, InstantSchema, PasswordSchema } from './common';

/** The liaison officer's seat (the account that registered) or another member of staff. */
export const SeatRoleSchema = z.enum(['liaison', 'staff']);
export type SeatRole = z.infer<typeof SeatRoleSchema>;

/** A seat's ID: the organisation's own ID for the liaison officer's seat, `U…` for the others. */
export const SeatIdSchema = z.string().regex(/^[AU][0-9A-Z]{10}$/, { message: '職員アカウントIDの形式が正しくありません' });

/**
 * One staff seat, as the liaison officer sees it, with what it did on the JST day (R-ORG-2).
 *
 * @example
 * SeatSchema.parse({ id: 'U7K3M9X2QAB', name: '佐藤 花子', email: 'sato@agency.example.jp', role: 'staff',
 *   createdAt: '2026-12-01T01:00:00.000Z', removedAt: null, today: { sends: 3, openings: 5 } });
 */
export const SeatSchema = z.object({
  id: SeatIdSchema,
  name: z.string(),
  email: EmailSchema,
  role: SeatRoleSchema,
  createdAt: InstantSchema,
  removedAt: InstantSchema.nullable(),
  today: z.object({ sends: z.number().int().min(0), openings: z.number().int().min(0) }),
});
export type Seat = z.infer<typeof SeatSchema>;

/** The organisation's seats, live ones first, and whether the caller may manage them. */
export const SeatListSchema = z.object({ items: z.array(SeatSchema), you: SeatIdSchema, canManage: z.boolean() });
export type SeatList = z.infer<typeof SeatListSchema>;

/**
 * A new seat: the person's name, their own email (unique across the service, R-APP-2) and a first
 * password the liaison officer hands over (the person changes it after signing in).
 *
 * @example
 * SeatCreateSchema.parse({ name: '佐藤 花子', email: 'sato@agency.example.jp', password: 'first-password-0001' });
 */
export const SeatCreateSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[^\r\n\t]+$/, { message: '氏名は1行で入力してください' }),
  email: EmailSchema,
  password: PasswordSchema,
});
export type SeatCreate = z.infer<typeof SeatCreateSchema>;

/** Who did something (R-ORG-2): the seat's ID and name. */
export const SeatRefSchema = z.object({ id: SeatIdSchema, name: z.string() });
export type SeatRef = z.infer<typeof SeatRefSchema>;

/** One seat's sends on the day (R-CAP-1 counts the organisation; this shows who used it). */
export const SeatUsageSchema = z.object({ seat: SeatRefSchema, used: z.number().int().min(0) });
export type SeatUsage = z.infer<typeof SeatUsageSchema>;

/**
 * The bureau's reset of one seat's sign-in (R-SEC-6, R-ORG-2): the seat's email; without it, the
 * liaison officer's seat (the organisation's account ID).
 *
 * @example SeatResetSchema.parse({ email: 'sato@agency.example.jp' });
 */
export const SeatResetSchema = z.strictObject({ email: EmailSchema.optional() });
export type SeatReset = z.infer<typeof SeatResetSchema>;
