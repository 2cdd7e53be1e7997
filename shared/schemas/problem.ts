/**
 * Error bodies: RFC 9457 problem details (`application/problem+json`) with a stable `code` for
 * programs and Japanese `title` and `detail` for people (R-SEC-3).
 */
import { z } from 'zod';
import { InstantSchema } from './common';

/**
 * Codes the system answers with: the catalog in shared/problems.ts (code → status, Japanese title).
 * `ProblemDetails.code` accepts any snake_case code so that a client built today still reads a
 * code added later.
 */
export { PROBLEM_CODES, type ProblemCode as KnownProblemCode } from '../problems';

/**
 * One field-level error: where (a dotted path such as `areas.0.municipality`) and what is wrong.
 *
 * @example
 * ProblemFieldErrorSchema.parse({ path: 'wage.max', message: '最低額が最高額を上回っています' });
 */
export const ProblemFieldErrorSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type ProblemFieldError = z.infer<typeof ProblemFieldErrorSchema>;

/**
 * An RFC 9457 problem. Besides the standard members it may carry the numbers a client needs to act:
 * `used` and `limit` (R-CAP-1), `resetsAt` (when the daily cap resets), `retryAfter` in seconds
 * (R-OPS-1, R-OPS-2), `reopensAt` (end of a maintenance window), and field `errors`.
 * Unknown members are kept, as the RFC asks clients to tolerate extensions.
 *
 * @example
 * ProblemDetailsSchema.parse({
 *   type: 'https://madoguchi.example/problems/cap_reached',
 *   title: '本日の送信上限に達しました',
 *   status: 429,
 *   detail: '本日は1,000通送信済みです。上限は 2026-04-02 00:00（日本時間）に戻ります。',
 *   code: 'cap_reached',
 *   used: 1000,
 *   limit: 1000,
 *   resetsAt: '2026-04-01T15:00:00.000Z',
 * });
 */
export const ProblemDetailsSchema = z.looseObject({
  type: z.string().min(1),
  title: z.string().min(1),
  status: z.number().int().min(400).max(599),
  detail: z.string(),
  code: z.string().regex(/^[a-z][a-z0-9_]*$/),
  instance: z.string().optional(),
  used: z.number().int().min(0).optional(),
  limit: z.number().int().min(0).optional(),
  resetsAt: InstantSchema.optional(),
  retryAfter: z.number().int().min(0).optional(),
  reopensAt: InstantSchema.optional(),
  errors: z.array(ProblemFieldErrorSchema).optional(),
});
export type ProblemDetails = z.infer<typeof ProblemDetailsSchema>;

/**
 * Field errors for a problem body from a failed parse: one entry per issue, paths dotted.
 *
 * @example
 * const result = WageRangeSchema.safeParse({ unit: 'month', min: 3, max: 1 });
 * if (!result.success) problemErrorsFromZod(result.error);
 * // [{ path: 'max', message: '最低額が最高額を上回っています' }]
 */
export function problemErrorsFromZod(error: z.ZodError): ProblemFieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}
