import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Numbers and extra members a problem may carry besides the RFC 9457 core. */
export type ProblemExtras = Record<string, unknown>;

/**
 * The one typed exception of the worker: a problem with a status, a stable `code` for programs,
 * and a Japanese `title`/`detail` for people (R-SEC-3). Thrown from routes and middleware, turned
 * into `application/problem+json` by the app's error handler.
 *
 * @example
 * throw new ApiError(404, 'not_found', 'お探しのページは見つかりません', 'URL をご確認ください。');
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly extras: ProblemExtras = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(`${code}: ${detail}`);
    this.name = 'ApiError';
  }
}

/** A Durable Object's refusal, as returned across RPC (errors lose their fields there). */
export type Refusal = { ok: false; status: ContentfulStatusCode; code: string; title: string; detail: string; extras?: ProblemExtras };

/**
 * Builds a refusal inside a Durable Object, to be returned (not thrown) across RPC.
 *
 * @example
 * return refuse(409, 'already_activated', 'すでに有効化されています', 'パスフレーズでサインインしてください。');
 */
export function refuse(status: ContentfulStatusCode, code: string, title: string, detail: string, extras?: ProblemExtras): Refusal {
  return extras ? { ok: false, status, code, title, detail, extras } : { ok: false, status, code, title, detail };
}

/** Throws the refusal as an ApiError; otherwise hands back the success. */
export function unwrap<T extends { ok: true }>(result: T | Refusal): T {
  if (!result.ok) throw new ApiError(result.status, result.code, result.title, result.detail, result.extras ?? {});
  return result;
}

/**
 * Writes a problem-details response.
 *
 * @example
 * return problemResponse(c, new ApiError(400, 'malformed_json', '…', '…'));
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
