import type { Announcement, TermsVersion } from '../../shared/schemas';
import { bulletinStub } from './stubs';

/** How long an isolate keeps what it read: a change is enforced within this time. */
const CACHE_MS = 5000;
let cache: { announcements: Announcement[]; terms: TermsVersion[]; fetchedAt: number } | null = null;

async function snapshot(env: Env, now: number) {
  const wall = Date.now();
  if (!cache || wall - cache.fetchedAt > CACHE_MS) cache = { ...(await bulletinStub(env).snapshot(now)), fetchedAt: wall };
  return cache;
}

/**
 * The announcements (R-OPS-3), read from the one `Bulletin` object at most every 5 seconds per
 * isolate, so enforcing them costs no object call on the path of a search or a send. A change made
 * through this isolate is seen at once.
 *
 * @example const list = await announcements(c.env, now);
 */
export async function announcements(env: Env, now: number): Promise<Announcement[]> {
  return (await snapshot(env, now)).announcements;
}

/** The versions of the terms of use (R-TOS-1), cached as the announcements are. */
export async function termsVersions(env: Env, now: number): Promise<TermsVersion[]> {
  return (await snapshot(env, now)).terms;
}

/** Drops the cached notice board after this isolate changed it. */
export function forgetAnnouncements(): void {
  cache = null;
}
