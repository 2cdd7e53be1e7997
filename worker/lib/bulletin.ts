import type { Announcement } from '../../shared/schemas';
import { bulletinStub } from './stubs';

/** How long an isolate keeps the announcements it read: a change is enforced within this time. */
const CACHE_MS = 5000;
let cache: { list: Announcement[]; fetchedAt: number } | null = null;

/**
 * The announcements (R-OPS-3), read from the one `Bulletin` object at most every 5 seconds per
 * isolate, so enforcing them costs no object call on the path of a search or a send. A change made
 * through this isolate is seen at once.
 *
 * @example const list = await announcements(c.env);
 */
export async function announcements(env: Env, now: number): Promise<Announcement[]> {
  const wall = Date.now();
  if (!cache || wall - cache.fetchedAt > CACHE_MS) cache = { list: await bulletinStub(env).list(now), fetchedAt: wall };
  return cache.list;
}

/** Drops the cached list after this isolate changed it. */
export function forgetAnnouncements(): void {
  cache = null;
}
