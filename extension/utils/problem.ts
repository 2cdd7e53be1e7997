import type { ProblemDetails } from '../../shared/schemas/problem';

const isInt = (v: unknown, min: number, max = Infinity): v is number => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const optional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);
/** `InstantSchema` (`z.iso.datetime()`): UTC with `Z`, seconds required, fractions optional, a real date. */
const isInstant = (v: unknown) =>
  typeof v === 'string' &&
  /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?Z$/.test(v) &&
  !Number.isNaN(Date.parse(v)) &&
  new Date(v).toISOString().slice(0, 10) === v.slice(0, 10);

/**
 * Whether a body is problem details (R-SEC-3), checked as `ProblemDetailsSchema` checks it but
 * without zod, so the jobseeker's popup stays small (test/extension/problem-details.test.ts
 * proves both agree).
 */
export function isProblemDetails(body: unknown): body is ProblemDetails {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const b = body as Record<string, unknown>;
  return (
    typeof b.type === 'string' &&
    b.type.length > 0 &&
    typeof b.title === 'string' &&
    b.title.length > 0 &&
    isInt(b.status, 400, 599) &&
    typeof b.detail === 'string' &&
    typeof b.code === 'string' &&
    /^[a-z][a-z0-9_]*$/.test(b.code) &&
    optional(b.instance, (v) => typeof v === 'string') &&
    optional(b.used, (v) => isInt(v, 0)) &&
    optional(b.limit, (v) => isInt(v, 0)) &&
    optional(b.resetsAt, isInstant) &&
    optional(b.retryAfter, (v) => isInt(v, 0)) &&
    optional(b.reopensAt, isInstant) &&
    optional(
      b.errors,
      (v) =>
        Array.isArray(v) &&
        v.every((e) => typeof e === 'object' && e !== null && typeof e.path === 'string' && typeof e.message === 'string'),
    )
  );
}

/**
 * A refusal or failure from the worker (or from reaching it), with the stable `code` the UI turns
 * into a Japanese message (`describeProblem`). `status` is 0 when the worker could not be reached.
 *
 * @example
 * try { await sendFirstContact(ctx, body); } catch (e) { if (e instanceof ApiProblem && e.code === 'cap_reached') … }
 */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** The problem-details body, when the worker sent one. */
    readonly problem: ProblemDetails | null,
    /** Seconds to wait, from `Retry-After` or the body (R-OPS-1, R-OPS-2). */
    readonly retryAfter: number | null = null,
  ) {
    super(problem ? `${code}: ${problem.detail}` : code);
    this.name = 'ApiProblem';
  }
}

/**
 * The problem a non-2xx response carries. A body that is not problem details still yields a code
 * from the status (`data_deleted` for 410, else `http_<status>`).
 *
 * @example
 * if (!res.ok) throw await problemFromResponse(res);
 */
export async function problemFromResponse(res: Pick<Response, 'status' | 'headers' | 'json'>): Promise<ApiProblem> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): the status still says what happened.
  }
  const header = Number(res.headers.get('retry-after'));
  if (isProblemDetails(body)) {
    const retryAfter = body.retryAfter ?? (Number.isFinite(header) && header > 0 ? header : null);
    return new ApiProblem(res.status, body.code, body, retryAfter);
  }
  const code = res.status === 410 ? 'data_deleted' : res.status === 503 ? 'maintenance' : `http_${res.status}`;
  return new ApiProblem(res.status, code, null, Number.isFinite(header) && header > 0 ? header : null);
}

/** The problem for a worker that could not be reached at all. */
export function networkProblem(): ApiProblem {
  return new ApiProblem(0, 'network_error', null);
}

/** The problem for a 2xx answer whose body does not match the shared schema. */
export function invalidResponseProblem(status: number): ApiProblem {
  return new ApiProblem(status, 'invalid_response', null);
}
