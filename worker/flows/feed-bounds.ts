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
 * Counts one read of the feed for the signed-in agency, or refuses with 429 at the bound.
 *
 * @example await meterFeedRead(c, 'search');
 */
export async function meterFeedRead(c: Context<AppEnv>, kind: FeedReadKind): Promise<void> {
  const { day, resetAt } = feedDay(c.var.now);
  const limit = feedBounds(c.env)[kind];
  const agency = c.var.agency;
  const r = await feedMeter(c.env, agency.id).take(kind, day, limit, {
    agencyId: agency.id,
    prefecture: agency.prefecture,
    now: c.var.now.getTime(),
  });
  if (r.ok) return;
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
