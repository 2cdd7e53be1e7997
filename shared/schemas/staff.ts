/**
 * Bureau staff accounts: the ministry (厚生労働省) sees every prefecture; a prefectural labour
 * bureau (労働局) or its offices only their own (R-SEC-2).
 */
import { z } from 'zod';
import { EmailSchema, IdSchema, InstantSchema, PasswordSchema, PrefectureCodeSchema } from './common';

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
