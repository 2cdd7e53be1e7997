/**
 * R-SEC-9: how much of the feed one organisation may read in a JST day. The defaults are far
 * above honest use (an agency with several seats runs a few hundred searches and opens a few dozen
 * profiles a day; docs/decisions.md) and far below a copy of the feed. Deployments may lower or
 * raise them with FEED_SEARCHES_PER_DAY and FEED_OPENINGS_PER_DAY.
 */
import { addDays, jstDate, jstMidnight } from '../../shared/rules/time';

export type FeedReadKind = 'search' | 'opening';

export const DEFAULT_FEED_BOUNDS: Record<FeedReadKind, number> = { search: 5000, opening: 2000 };

/** Above this share of a bound, the bureau's usage view lists the organisation as near it. */
export const NEAR_SHARE = 0.8;

/** The bounds in force (R-SEC-9), from the environment or the defaults. */
export function feedBounds(env: Env): Record<FeedReadKind, number> {
  const read = (v: unknown, d: number) => (typeof v === 'string' && /^[1-9][0-9]{0,8}$/.test(v) ? Number(v) : d);
  const e = env as { FEED_SEARCHES_PER_DAY?: string; FEED_OPENINGS_PER_DAY?: string };
  return {
    search: read(e.FEED_SEARCHES_PER_DAY, DEFAULT_FEED_BOUNDS.search),
    opening: read(e.FEED_OPENINGS_PER_DAY, DEFAULT_FEED_BOUNDS.opening),
  };
}

/**
 * The JST day of an instant and the instant the next one starts (when the counts reset).
 *
 * @example feedDay(new Date('2027-01-04T05:00:00Z')) // { day: '2027-01-04', resetAt: 2027-01-04T15:00:00Z }
 */
export function feedDay(now: Date): { day: string; resetAt: Date } {
  const day = jstDate(now);
  return { day, resetAt: jstMidnight(addDays(day, 1)) };
}
