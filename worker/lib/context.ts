import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Hook } from '@hono/zod-openapi';
import type { AgencyRecord, AgencySeat, SeekerRecord, StaffRecord } from './records';
import { ApiError } from './problem';

/** Per-request values set by the middleware. */
export type AppVariables = {
  /** "Now" for this request (T-5), read once. */
  now: Date;
  agency: AgencyRecord;
  /** R-ORG-2: the staff seat of the organisation that signed in. */
  seat: AgencySeat;
  seeker: SeekerRecord;
  staff: StaffRecord;
  sessionId: string;
  /** R-SEC-6: the session may only change the password (one was required after a compromise report). */
  restricted: boolean;
};
export type AppEnv = { Bindings: Env; Variables: AppVariables };

/** Turns a zod validation failure into a problem with each field and reason (R-SEC-3). */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result) => {
  if (result.success) return;
  const errors = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code }));
  const where =
    result.target === 'query' ? 'クエリ' : result.target === 'param' ? 'パス' : result.target === 'header' ? 'ヘッダー' : '本文';
  const lines = errors.slice(0, 5).map((e) => `${e.path || '（全体）'}（${e.message}）`);
  throw new ApiError(
    'invalid_request',
    `${where}の次の項目を確認してください: ${lines.join('、')}${errors.length > 5 ? ` ほか${errors.length - 5}件` : ''}`,
    { errors },
  );
};

/**
 * A route group: an OpenAPIHono whose validation failures answer problem details.
 *
 * @example export const publicRoutes = group().openapi(healthRoute, (c) => c.json({ ok: true }, 200));
 */
export function group(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}

/** The problem-details body, for the OpenAPI document. */
export const ProblemBody = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string().optional(),
  })
  .passthrough();

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ProblemBody } } });

/** The error answers every authenticated route may give. */
export const authedErrors = {
  400: problem('入力の誤り'),
  401: problem('サインインが必要'),
  403: problem('権限がない'),
  404: problem('見つからない'),
  429: problem('アクセス過多（Retry-After）'),
  503: problem('メンテナンス中、又は一時的な混雑（Retry-After; code は maintenance か temporarily_unavailable）'),
} as const;

/** JSON content of a response or request, for createRoute. */
export function json<T extends z.ZodType>(schema: T, description = 'OK') {
  return { description, content: { 'application/json': { schema } } };
}

/** Bearer authentication, for the OpenAPI document. */
export const bearer = [{ bearerAuth: [] }];
