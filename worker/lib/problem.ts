import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { PROBLEMS, type GenericHttpCode, type ProblemCode } from '../../shared/problems';

export type { GenericHttpCode, ProblemCode } from '../../shared/problems';

/** Numbers and extra members a problem may carry besides the RFC 9457 core. */
export type ProblemExtras = Record<string, unknown>;

/**
 * How one refusal differs from its catalog entry: a title that says more (which procedure, which
 * reader), or — at the few sites whose rule calls for it — another status.
 */
export type ProblemVariant = { status?: ContentfulStatusCode; title?: string };

/**
 * The one typed exception of the worker: a problem with a status, a stable `code` for programs,
 * and a Japanese `title`/`detail` for people (R-SEC-3). Status and title come from the catalog
 * (shared/problems.ts) unless the variant says otherwise. Thrown from routes and middleware,
 * turned into `application/problem+json` by the app's error handler.
 *
 * @example
 * throw new ApiError('not_found', 'URL をご確認ください。');
 */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly title: string;

  constructor(
    readonly code: ProblemCode | GenericHttpCode,
    readonly detail: string,
    readonly extras: ProblemExtras = {},
    variant: ProblemVariant = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(`${code}: ${detail}`);
    this.name = 'ApiError';
    const entry = code in PROBLEMS ? PROBLEMS[code as ProblemCode] : null;
    this.status = variant.status ?? ((entry?.status ?? 500) as ContentfulStatusCode);
    this.title = variant.title ?? entry?.title ?? 'リクエストを処理できません';
  }
}

/** A Durable Object's refusal, as returned across RPC (errors lose their fields there). */
export type Refusal = { ok: false; status: ContentfulStatusCode; code: ProblemCode; title: string; detail: string; extras?: ProblemExtras };

/**
 * Builds a refusal inside a Durable Object, to be returned (not thrown) across RPC; status and
 * title come from the catalog (R-SEC-3).
 *
 * @example
 * return refuse('already_activated', 'パスフレーズでサインインしてください。');
 */
export function refuse(code: ProblemCode, detail: string, extras?: ProblemExtras, variant: ProblemVariant = {}): Refusal {
  const status = variant.status ?? (PROBLEMS[code].status as ContentfulStatusCode);
  const title = variant.title ?? PROBLEMS[code].title;
  return extras ? { ok: false, status, code, title, detail, extras } : { ok: false, status, code, title, detail };
}

/**
 * The one way a refusal becomes an answer: the problem to throw, with `Retry-After` when the
 * refusal says when to come back (R-CAP-1, R-OPS-1, R-OPS-2) and `WWW-Authenticate` on a 401 (R-SEC-2).
 *
 * @example throw refusalError(r);
 */
export function refusalError(r: Refusal): ApiError {
  const headers: Record<string, string> = {};
  if (typeof r.extras?.retryAfter === 'number') headers['Retry-After'] = String(r.extras.retryAfter);
  if (r.status === 401) headers['WWW-Authenticate'] = 'Bearer';
  return new ApiError(r.code, r.detail, r.extras ?? {}, { status: r.status, title: r.title }, headers);
}

/** Throws the refusal as an ApiError (with Retry-After where it applies); otherwise hands back the success. */
export function unwrap<T extends { ok: true }>(result: T | Refusal): T {
  if (!result.ok) throw refusalError(result);
  return result;
}

/**
 * Writes a problem-details response.
 *
 * @example
 * return problemResponse(c, new ApiError('malformed_json', '本文を正しい JSON で送ってください。'));
 */
export function problemResponse(c: Context, err: ApiError): Response {
  const body = {
    type: `https://madoguchi.example/problems/${err.code}`,
    title: err.title,
    status: err.status,
    detail: err.detail,
    code: err.code,
    instance: new URL(c.req.url).pathname,
    ...err.extras,
  };
  return new Response(JSON.stringify(body), {
    status: err.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...err.headers },
  });
}
