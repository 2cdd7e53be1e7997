/**
 * The hit count of a feed search (R-FEED-3): exact up to a bound, otherwise "at least the bound",
 * counted by the shards from the same indexes as the search, with bounded work.
 */

/**
 * Above this many matches a search answers 「1,000件以上」 instead of an exact count. 10,000 cost a
 * million-profile feed its search targets: every match up to the bound is visited (docs/performance.md).
 */
export const FEED_COUNT_BOUND = 1_000;

/** A count across shards: `exact` false means "at least `total`" (then `total` is the bound). */
export type HitCount = { total: number; exact: boolean };

/**
 * The first round's cap per shard: together the shards count one more than the bound, so a broad
 * nationwide search is settled ("at least") after about `bound` rows in all, not `bound` per shard.
 *
 * @example firstRoundCap(47, 10_000); // 213
 */
export function firstRoundCap(shards: number, bound: number = FEED_COUNT_BOUND): number {
  return Math.ceil((bound + 1) / Math.max(1, shards));
}

/**
 * Settles a count from each shard's first-round count (capped at `cap`): a shard that reached its
 * cap may hold more, so while the sum stays at or under the bound, those shards count again with
 * the remainder shared among them. Each round either settles or leaves fewer shards open, and no
 * round counts much more than the bound in all.
 *
 * @example await settleCount([5, 213, 0], 213, (i, cap) => shards[i].count(q, cap, elsewhere[i]));
 */
export async function settleCount(
  counts: number[],
  cap: number,
  recount: (shard: number, cap: number) => Promise<number>,
  bound: number = FEED_COUNT_BOUND,
): Promise<HitCount> {
  const caps = counts.map(() => cap);
  const current = [...counts];
  for (;;) {
    const sum = current.reduce((a, b) => a + b, 0);
    if (sum > bound) return { total: bound, exact: false };
    const open = current.flatMap((n, i) => (n >= caps[i]! ? [i] : []));
    if (!open.length) return { total: sum, exact: true };
    const share = Math.ceil((bound + 1 - sum) / open.length);
    const again = await Promise.all(
      open.map((i) => {
        caps[i] = current[i]! + share;
        return recount(i, caps[i]!);
      }),
    );
    open.forEach((i, j) => (current[i] = again[j]!));
  }
}
