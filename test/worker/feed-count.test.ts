/**
 * The hit count of a feed search (R-FEED-3): exact up to the bound, otherwise "at least the bound",
 * across shards (a profile listed in several prefectures counts once), with filters and keywords,
 * and without the jobseekers who blocked the agency (R-FEED-4).
 */
import { env, runInDurableObject } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { FeedQuerySchema } from '../../shared/schemas';
import { searchFeed } from '../../worker/flows/feed-search';
import { FEED_COUNT_BOUND, firstRoundCap, settleCount } from '../../worker/lib/feed-count';
import { matchExpression } from '../../worker/lib/search-text';
import { countStatement } from '../../worker/objects/feed-shard/sql';
import { admittedAgency, api, jst, loadRows, profileRow, setClock, workerToday } from './helpers';

/** A keyword only this file's profiles hold. */
const TAG = `件数${Math.floor(Math.random() * 1e6)}`;
let agency: { id: string; token: string };
let other: { id: string; token: string };
const PASS = 'はるのあさにさくさくらのはな';
let activated: { profileId: string; code: string };

async function search(query: Record<string, string | string[]>, token = agency.token) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) for (const item of Array.isArray(v) ? v : [v]) params.append(k, item);
  const res = await api('GET', `/v1/agency/feed?${params}`, { token });
  expect(res.status).toBe(200);
  return res.body as { items: Array<{ id: string }>; nextCursor: string | null; total: number; totalExact: boolean };
}

beforeAll(async () => {
  await setClock(jst('2026-11-27', '10:00'));
  agency = await admittedAgency();
  other = await admittedAgency();
  // 12 in Tokyo only, 6 in Tokyo and Kanagawa (listed in both shards), 5 in Osaka only; 4 of Tokyo's are part-time.
  const rows = [
    ...Array.from({ length: 12 }, (_, i) =>
      profileRow({ selfIntroduction: `${TAG} 東京で働きたい`, employmentTypes: i < 4 ? ['part_time'] : ['regular'] }),
    ),
    ...Array.from({ length: 6 }, () =>
      profileRow({ selfIntroduction: `${TAG} 東京か神奈川`, areas: [{ prefecture: '13' as never }, { prefecture: '14' as never }] }),
    ),
    ...Array.from({ length: 5 }, () => profileRow({ selfIntroduction: `${TAG} 大阪で働きたい`, areas: [{ prefecture: '27' as never }] })),
  ];
  const res = await loadRows(rows);
  expect(res.body).toMatchObject({ loaded: 23 });
  const first = res.body.results[0] as { id: string; activationCode: string };
  activated = { profileId: first.id, code: first.activationCode };
});

describe('R-FEED-3 hit counts', () => {
  it('R-FEED-3 counts every match exactly below the bound, nationwide and per prefecture, each profile once', async () => {
    expect(await search({ q: TAG, limit: '5' })).toMatchObject({ total: 23, totalExact: true });
    expect(await search({ q: TAG, prefecture: '13' })).toMatchObject({ total: 18, totalExact: true });
    expect(await search({ q: TAG, prefecture: '14' })).toMatchObject({ total: 6, totalExact: true });
    // Listed in 13 and 14: the six count once when both are searched.
    expect(await search({ q: TAG, prefecture: ['13', '14'] })).toMatchObject({ total: 18, totalExact: true });
    expect(await search({ q: TAG, prefecture: ['14', '27'] })).toMatchObject({ total: 11, totalExact: true });
  });

  it('R-FEED-3 counts with filters, and the whole search on every page', async () => {
    expect(await search({ q: TAG, employmentType: 'part_time' })).toMatchObject({ total: 4, totalExact: true });
    expect(await search({ q: TAG, employmentType: 'regular', prefecture: '13' })).toMatchObject({ total: 14, totalExact: true });
    const first = await search({ q: TAG, limit: '10' });
    expect(first.items).toHaveLength(10);
    const second = await search({ q: TAG, limit: '10', cursor: first.nextCursor! });
    expect(second).toMatchObject({ total: 23, totalExact: true });
    expect(await search({ q: `${TAG}存在しない語` })).toMatchObject({ items: [], total: 0, totalExact: true });
  });

  it('R-FEED-3 says "at least the bound" above it, nationwide and in one prefecture, and is exact at the bound itself', async () => {
    const today = await workerToday();
    const count = async (query: Record<string, unknown>, bound: number) => {
      const r = await searchFeed(env, agency.id, FeedQuerySchema.parse(query), today, bound);
      return { total: r.total, totalExact: r.totalExact };
    };
    expect(await count({ q: TAG }, 10)).toEqual({ total: 10, totalExact: false });
    expect(await count({ q: TAG, prefecture: '13' }, 17)).toEqual({ total: 17, totalExact: false });
    expect(await count({ q: TAG, prefecture: '13' }, 18)).toEqual({ total: 18, totalExact: true });
    expect(await count({ q: TAG }, 22)).toEqual({ total: 22, totalExact: false });
    expect(await count({ q: TAG }, 23)).toEqual({ total: 23, totalExact: true });
    expect(await count({ q: TAG, employmentType: 'part_time' }, 3)).toEqual({ total: 3, totalExact: false });
  });

  it('R-FEED-4 leaves a jobseeker who blocked the agency out of its count only', async () => {
    const act = await api('POST', '/v1/seeker/activation', {
      body: { profileId: activated.profileId, code: activated.code, passphrase: PASS },
    });
    expect(act.status).toBe(201);
    const blocked = await api('PUT', `/v1/seeker/blocks/${agency.id}`, { token: act.body.token });
    expect(blocked.status).toBe(200);
    expect(await search({ q: TAG })).toMatchObject({ total: 22, totalExact: true });
    expect(await search({ q: TAG, prefecture: '13' })).toMatchObject({ total: 17, totalExact: true });
    expect(await search({ q: TAG }, other.token)).toMatchObject({ total: 23, totalExact: true });
  });

  it('R-FEED-3 counts keyword matches from the keyword index and stops at the cap, leaving blocked jobseekers out', async () => {
    // The keyword index gives its matches in row order: the count needs no order, so it walks them
    // and stops at the cap instead of first collecting every match (docs/performance.md, issue 18).
    const shard = env.FEED_SHARD.get(env.FEED_SHARD.idFromName('13'));
    await runInDurableObject(shard, async (_o, state) => {
      const sql = state.storage.sql;
      const count = (q: Parameters<typeof countStatement>[0], cap: number) => {
        const c = countStatement(q, cap, null);
        return {
          n: sql.exec<{ n: number }>(c.sql, ...c.params).one().n,
          plan: sql.exec<{ detail: string }>(`EXPLAIN QUERY PLAN ${c.sql}`, ...c.params).toArray(),
        };
      };
      const q = { agencyId: agency.id, limit: 21, match: matchExpression(TAG)! };
      const all = count(q, 100);
      expect(all.n).toBe(17); // 18 listed in Tokyo, one of them blocked this agency
      expect(count({ ...q, agencyId: other.id }, 100).n).toBe(18);
      expect(count(q, 5).n).toBe(5);
      expect(count({ ...q, employmentTypes: ['part_time'] }, 100).n).toBe(3); // the blocked one is part-time
      expect(all.plan.map((r) => r.detail).find((d) => /fts|profiles|\bp\b/i.test(d))).toMatch(/SCAN fts/);
    });
  });
});

describe('R-FEED-3 bounded counting across shards', () => {
  it('R-FEED-3 settles a nationwide count after about the bound in all, not the bound per shard', async () => {
    const cap = firstRoundCap(47, 10_000);
    expect(cap).toBe(213);
    const asked: number[] = [];
    // Every shard holds 5,000 matches: the first round already passes the bound.
    const r = await settleCount(
      Array.from({ length: 47 }, () => cap),
      cap,
      async (_i, more) => {
        asked.push(more);
        return more;
      },
      10_000,
    );
    expect(r).toEqual({ total: 10_000, exact: false });
    expect(asked).toEqual([]);
    // The service's bound: 1,000, so each of 47 shards first counts at most 22 rows.
    expect(FEED_COUNT_BOUND).toBe(1_000);
    expect(firstRoundCap(47)).toBe(22);
  });

  it('R-FEED-3 counts again only the shards that reached their cap, sharing what is left of the bound', async () => {
    const truth = [0, 3, 40, 2];
    const asked: Array<[number, number]> = [];
    const recount = async (i: number, more: number) => {
      asked.push([i, more]);
      return Math.min(truth[i]!, more);
    };
    expect(
      await settleCount(
        truth.map((n) => Math.min(n, 3)),
        3,
        recount,
        30,
      ),
    ).toEqual({ total: 30, exact: false });
    expect(asked.every(([i]) => i === 1 || i === 2)).toBe(true);
    expect(
      await settleCount(
        truth.map((n) => Math.min(n, 3)),
        3,
        recount,
        45,
      ),
    ).toEqual({ total: 45, exact: true });
    expect(
      await settleCount(
        truth.map((n) => Math.min(n, 3)),
        3,
        recount,
        100,
      ),
    ).toEqual({ total: 45, exact: true });
  });
});
