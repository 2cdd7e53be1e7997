/** A JSON (or NDJSON) call to the worker from Node: the demo loader, the benchmarks, the browser journeys. */
export type Json = Record<string, any>;

/** How long a read waits for its answer before it goes again once (a nationwide search at a million profiles takes about 0.1 s). */
const READ_TIMEOUT_MS = 30_000;

/**
 * @example const { status, body } = await call(base, 'POST', '/v1/admin/sessions', { body: { email, password } });
 */
export async function call(
  base: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; ndjson?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Json }> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.ndjson !== undefined) {
    headers['content-type'] = 'application/x-ndjson';
    body = opts.ndjson;
  } else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  // A read that gets no answer in time goes again: after a burst of 1,500 parallel requests, wrangler
  // dev's local proxy has been seen to leave one later request unanswered while the worker answered
  // the same request at once on a new connection (the benchmark waited on it for minutes).
  const signal = method === 'GET' ? AbortSignal.timeout(READ_TIMEOUT_MS) : undefined;
  let res: Response;
  try {
    res = await fetch(`${base}${path}`, { method, headers, body, signal });
  } catch (err) {
    // A kept-alive connection the server closed while idle fails once; a read can simply go again.
    if (method !== 'GET') throw err;
    res = await fetch(`${base}${path}`, { method, headers, body, signal: AbortSignal.timeout(READ_TIMEOUT_MS) });
  }
  const text = await res.text();
  let parsed: Json = {};
  try {
    parsed = text ? (JSON.parse(text) as Json) : {};
  } catch {
    parsed = { text };
  }
  return { status: res.status, body: parsed };
}

let addresses = 0;
/**
 * A distinct client address for each registration a benchmark makes: public registrations are
 * throttled per address (R-SEC-5), and wrangler dev keeps a CF-Connecting-IP the caller sets.
 *
 * @example await call(base, 'POST', '/v1/public/registrations', { body, headers: benchClientAddress() });
 */
export function benchClientAddress(): Record<string, string> {
  addresses += 1;
  return { 'cf-connecting-ip': `10.${(addresses >> 16) & 255}.${(addresses >> 8) & 255}.${addresses & 255}` };
}
