import { PREFECTURE_CODES } from '../../shared/data/prefectures';
import type { FeedQuery, ProfileSummary } from '../../shared/schemas';
import { faultPoint } from '../lib/faults';
import { decodeCursor, encodeCursor, shardOf, summaryOf } from '../lib/feed';
import type { CountedElsewhere, ShardHit, ShardQuery } from '../lib/feed-rows';
import { FEED_COUNT_BOUND, firstRoundCap, settleCount } from '../lib/feed-count';
import { matchExpression } from '../lib/search-text';

/**
 * Searches the feed for an agency (R-FEED-3, R-FEED-4): the shards of the asked prefectures, or all
 * 47 for a nationwide query, each returning its first page after the cursor; the pages are merged
 * in the stable order (newest update, then ID) and a profile listed in several shards shows once.
 * A profile whose registration lapsed before `today` is not found (R-FEED-6).
 * The answer carries the hit count of the whole search (not only after the cursor): exact up to
 * `bound`, otherwise `total` is the bound and `totalExact` false (「1,000件以上」). Each shard
 * counts in the same call as its page; a profile listed in several searched prefectures counts once.
 * Only reads: when a shard fails the search fails whole (never a page with a prefecture missing),
 * and the retry with the same query and cursor answers the same page.
 *
 * @example const page = await searchFeed(env, 'A7K3M9X2QAB', { prefecture: ['13'], limit: 20 }, '2026-11-27');
 */
export async function searchFeed(
  env: Env,
  agencyId: string,
  q: FeedQuery,
  today: string,
  bound: number = FEED_COUNT_BOUND,
): Promise<{ items: ProfileSummary[]; nextCursor: string | null; total: number; totalExact: boolean }> {
  const match = q.q ? matchExpression(q.q) : null;
  const shardQuery: ShardQuery = {
    agencyId,
    occupations: q.occupation,
    industries: q.industry,
    municipalities: q.municipality,
    employmentTypes: q.employmentType,
    wageUnit: q.wageUnit,
    wageMin: q.wageMin,
    wageMax: q.wageMax,
    hoursMin: q.hoursMin,
    hoursMax: q.hoursMax,
    qualifications: q.qualification ? [q.qualification.normalize('NFKC')] : undefined,
    experienceOccupation: q.experienceOccupation,
    experienceYearsMin: q.experienceYearsMin,
    educations: q.education,
    match: match ?? undefined,
    after: q.cursor ? decodeCursor(q.cursor) : undefined,
    today,
    // One more than the page tells whether a next page exists.
    limit: q.limit + 1,
  };
  // Municipalities imply their prefectures.
  const nationwide = !q.prefecture?.length && !q.municipality?.length;
  const prefs = [
    ...new Set(q.prefecture?.length ? q.prefecture : q.municipality?.length ? q.municipality.map((m) => m.slice(0, 2)) : PREFECTURE_CODES),
  ];
  const elsewhere = prefs.map((p): CountedElsewhere => (nationwide ? { below: p } : { among: prefs.filter((o) => o < p) }));
  const countQuery: ShardQuery = { ...shardQuery, after: undefined };
  const cap = firstRoundCap(prefs.length, bound);
  const answers = await Promise.all(
    prefs.map((p, i) => {
      faultPoint(env, `feed-search.shard:${p}`);
      return shardOf(env, p).searchCounted(shardQuery, cap, elsewhere[i]!);
    }),
  );
  const count = await settleCount(
    answers.map((a) => a.count),
    cap,
    (i, more) => shardOf(env, prefs[i]!).count(countQuery, more, elsewhere[i]!),
    bound,
  );
  const seen = new Set<string>();
  const merged: ShardHit[] = [];
  for (const hit of answers.flatMap((a) => a.hits).sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (seen.has(hit.id)) continue;
    seen.add(hit.id);
    merged.push(hit);
  }
  const page = merged.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((h) => summaryOf(h.doc)),
    nextCursor: merged.length > q.limit && last ? encodeCursor(last) : null,
    total: count.total,
    totalExact: count.exact,
  };
}
