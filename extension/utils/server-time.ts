import { ext, type StorageArea } from './browser';

/**
 * The worker's time is the only time (T-5): maintenance windows (R-OPS-1), the quota's reset
 * (R-CAP-1), date limits and retention deadlines (R-RET-*) all use the worker's "now", which may be
 * a demo clock moved with `PUT /v1/admin/clock`. The extension keeps the difference between the
 * worker's clock and the browser's as an offset in `storage.local`, so the background worker and
 * every page read the same "now" (each measures it too, on load and each round). The `Date` header is not used: it is always the real time, also
 * when the worker's clock was moved.
 */
export type ServerClock = {
  /** Worker time minus browser time, in milliseconds. */
  offsetMs: number;
  /** Browser time of the last synchronisation (ISO). */
  syncedAt: string;
};

const KEY = 'serverClock';
let offsetMs = 0;
/** True once this page or worker measured the offset itself; from then on it keeps its own. */
let measured = false;

/**
 * "Now" as the worker sees it: the browser's clock plus the last known offset.
 *
 * @example
 * maintenanceUntil(serverNow());
 */
export function serverNow(): Date {
  return new Date(Date.now() + offsetMs);
}

/** The offset in use, in milliseconds (0 until the first synchronisation). */
export function serverOffsetMs(): number {
  return offsetMs;
}

/**
 * Sets the offset in this page and, when `area` is given, for every other page and the background.
 *
 * @example
 * await setServerOffset(3_600_000, ext.storage.local);
 */
export async function setServerOffset(value: number, area?: StorageArea, at: Date = new Date()): Promise<void> {
  offsetMs = Number.isFinite(value) ? value : 0;
  if (area) await area.set({ [KEY]: { offsetMs, syncedAt: at.toISOString() } satisfies ServerClock });
}

/**
 * Reads the last stored offset, until this page or worker has measured its own: each context
 * measures (pages on load, the background every round), so a page whose clock differs from the
 * background's (a test's fake page clock) still gets the worker's time right.
 *
 * @example
 * await loadServerOffset();
 */
export async function loadServerOffset(area: StorageArea = ext.storage.local): Promise<number> {
  if (measured) return offsetMs;
  const stored = (await area.get(KEY))[KEY] as ServerClock | undefined;
  if (!measured && stored && Number.isFinite(stored.offsetMs)) offsetMs = stored.offsetMs;
  return offsetMs;
}

/**
 * Asks the worker for its time (`GET /v1/health`, open at every hour) and keeps the offset, taking
 * the middle of the round trip. Returns the new offset, or `null` when the worker could not be read
 * (the last offset stays).
 *
 * @example
 * await syncServerTime('http://127.0.0.1:8787');
 */
export async function syncServerTime(baseUrl: string, options: { fetch?: typeof fetch; area?: StorageArea } = {}): Promise<number | null> {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const sentAt = Date.now();
  try {
    const res = await doFetch(`${baseUrl}/v1/health`, { headers: { accept: 'application/json' } });
    if (!res.ok) return null;
    const body = (await res.json()) as { now?: unknown };
    const workerNow = typeof body.now === 'string' ? Date.parse(body.now) : NaN;
    if (!Number.isFinite(workerNow)) return null;
    const receivedAt = Date.now();
    measured = true;
    await setServerOffset(Math.round(workerNow - (sentAt + receivedAt) / 2), options.area ?? ext.storage.local, new Date(receivedAt));
    return offsetMs;
  } catch {
    return null;
  }
}

/** Forgets this context's offset, as a freshly opened page would have it (tests). */
export function resetServerClock(): void {
  offsetMs = 0;
  measured = false;
}
