/**
 * R-SEC-9: each search and each profile opening takes one from the organisation's daily bound;
 * at the bound the agency gets 429 with the reset time (the next 00:00 JST).
 */
import type { Context } from 'hono';
import { formatJstDateTime } from '../../shared/rules/time';
import type { AppEnv } from '../lib/context';
import { feedBounds, feedDay, type FeedReadKind } from '../lib/feed-bounds';
import { ApiError } from '../lib/problem';
import { feedMeterStub } from '../lib/stubs';

/** The agency's meter object. */
export function feedMeter(env: Env, name: string) {
  return feedMeterStub(env, name);
}

/**
 * Runs one read of the feed under the signed-in agency's daily bound (R-SEC-9), or refuses with
 * 429 at the bound. The read is counted before it runs, so parallel reads never pass the bound,
 * and the count is given back when the read fails (a shard threw): a read that served nothing does
 * not use up the day. A refusal inside the read (a bad cursor, a deleted copy) serves nothing either.
 *
 * @example const page = await meteredFeedRead(c, 'search', () => searchFeed(…));
 */
export async function meteredFeedRead<T>(c: Context<AppEnv>, kind: FeedReadKind, read: () => Promise<T>): Promise<T> {
  const day = await meterFeedRead(c, kind);
  try {
    return await read();
  } catch (err) {
    try {
      const { id: agencyId, prefecture } = c.var.agency;
      const who = { agencyId, prefecture, now: c.var.now.getTime() };
      await feedMeter(c.env, agencyId).giveBack(kind, day, feedBounds(c.env)[kind], who);
    } catch {
      // The meter is unreachable too: the read stays counted, which errs on the side of the bound.
    }
    throw err;
  }
}

/**
 * Counts one read of the feed for the signed-in agency and answers the JST day it was counted in,
 * or refuses with 429 at the bound.
 *
 * @example const day = await meterFeedRead(c, 'search');
 */
export async function meterFeedRead(c: Context<AppEnv>, kind: FeedReadKind): Promise<string> {
  const { day, resetAt } = feedDay(c.var.now);
  const limit = feedBounds(c.env)[kind];
  const agency = c.var.agency;
  const r = await feedMeter(c.env, agency.id).take(kind, day, limit, {
    agencyId: agency.id,
    prefecture: agency.prefecture,
    now: c.var.now.getTime(),
  });
  if (r.ok) return day;
  const retryAfter = Math.max(1, Math.ceil((resetAt.getTime() - c.var.now.getTime()) / 1000));
  const what = kind === 'search' ? '検索' : '求職者情報の閲覧';
  throw new ApiError(
    'feed_bound_reached',
    `${what}は1日${limit.toLocaleString('ja-JP')}回までです。${formatJstDateTime(resetAt)}（日本時間）から再び利用できます。`,
    { kind, limit, resetAt: resetAt.toISOString(), retryAfter },
    { status: 429, title: '本日の利用上限に達しました' },
    { 'Retry-After': String(retryAfter) },
  );
}
