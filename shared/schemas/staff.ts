/**
 * Bureau staff accounts: the ministry (厚生労働省) sees every prefecture; a prefectural labour
 * bureau (労働局) or its offices only their own (R-SEC-2).
 */
import { z } from 'zod';
import { EmailSchema, IdSchema, InstantSchema, PageLimitSchema, PasswordSchema, PrefectureCodeSchema } from './common';

/**
 * A staff role: `ministry` (nationwide) or `bureau` (one prefecture).
 *
 * @example
 * StaffRoleSchema.parse('bureau');
 */
export const StaffRoleSchema = z.enum(['ministry', 'bureau']);
export type StaffRole = z.infer<typeof StaffRoleSchema>;

/**
 * `POST /v1/admin/staff`: a new staff account. Bureau staff need the prefecture they serve;
 * ministry staff have none.
 *
 * @example
 * StaffCreateSchema.parse({ email: 'tokyo@roudoukyoku.example.go.jp', password: 'correct horse battery', name: '鈴木 次郎', role: 'bureau', prefecture: '13' });
 */
export const StaffCreateSchema = z
  .strictObject({
    email: EmailSchema,
    password: PasswordSchema,
    name: z.string().trim().min(1).max(100),
    role: StaffRoleSchema,
    prefecture: PrefectureCodeSchema.optional(),
  })
  .superRefine((staff, ctx) => {
    if (staff.role === 'bureau' && staff.prefecture === undefined) {
      ctx.addIssue({ code: 'custom', path: ['prefecture'], message: '労働局の職員には都道府県が必要です' });
    }
    if (staff.role === 'ministry' && staff.prefecture !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['prefecture'], message: '本省の職員には都道府県を指定しません' });
    }
  });
export type StaffCreate = z.infer<typeof StaffCreateSchema>;

/**
 * A staff account as returned (never with its password).
 *
 * @example
 * StaffSchema.parse({ id: 'st_01', email: 'tokyo@roudoukyoku.example.go.jp', name: '鈴木 次郎', role: 'bureau', prefecture: '13', createdAt: '2026-04-01T00:00:00.000Z' });
 */
export const StaffSchema = z.object({
  id: IdSchema,
  email: EmailSchema,
  name: z.string(),
  role: StaffRoleSchema,
  prefecture: PrefectureCodeSchema.nullable(),
  createdAt: InstantSchema,
});
export type Staff = z.infer<typeof StaffSchema>;

/**
 * One entry of the append-only audit log (R-SEC-4): who (a staff ID, or `system` for the
 * scheduler), what, on what, when, and why.
 *
 * @example
 * AuditEntrySchema.parse({ seq: 1, at: '2026-11-27T01:00:00.000Z', actor: 'S…', action: 'registration.accept', target: 'R…', reason: null, details: {} });
 */
export const AuditEntrySchema = z.object({
  seq: z.number().int().min(1),
  at: InstantSchema,
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/**
 * The query of `GET /v1/admin/audit`: entries before a sequence number, newest first.
 *
 * @example
 * AuditQuerySchema.parse({ before: '120', limit: '50' });
 */
export const AuditQuerySchema = z.strictObject({
  before: z.coerce.number().int().min(1).optional(),
  action: z
    .string()
    .regex(/^[a-z_.]{1,60}$/)
    .optional(),
  limit: PageLimitSchema,
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/** A page of the audit log; ask again with `before` set to `nextBefore`. */
export const AuditPageSchema = z.object({ items: z.array(AuditEntrySchema), nextBefore: z.number().int().nullable() });
export type AuditPage = z.infer<typeof AuditPageSchema>;

/**
 * A compromise report (R-SEC-1, §9) as the bureau lists it; the request body is
 * `CompromiseReportSchema` in session.ts. `sessionsEnded` counts the other sessions that reporting ended.
 *
 * @example
 * CompromiseReportRecordSchema.parse({ id: 'K…', role: 'agency', accountId: 'A…', prefecture: '13', note: '…', noticedAt: null, reportedAt: '…', sessionsEnded: 2 });
 */
export const CompromiseReportRecordSchema = z.object({
  id: IdSchema,
  role: z.enum(['agency', 'seeker', 'staff']),
  accountId: z.string(),
  prefecture: PrefectureCodeSchema.nullable(),
  note: z.string(),
  noticedAt: InstantSchema.nullable(),
  reportedAt: InstantSchema,
  sessionsEnded: z.number().int().min(0),
});
export type CompromiseReportRecord = z.infer<typeof CompromiseReportRecordSchema>;
