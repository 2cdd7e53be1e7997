import { ProblemDetailsSchema, type ProblemDetails } from '../../shared/schemas/problem';

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
  const parsed = ProblemDetailsSchema.safeParse(body);
  if (parsed.success) {
    const retryAfter = parsed.data.retryAfter ?? (Number.isFinite(header) && header > 0 ? header : null);
    return new ApiProblem(res.status, parsed.data.code, parsed.data, retryAfter);
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
