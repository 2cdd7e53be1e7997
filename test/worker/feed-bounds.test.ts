/**
 * R-SEC-9 from the attacker's side: a stolen agency token cannot copy the feed. Searches and
 * profile openings are bounded per organisation and JST day; at the bound the answer is 429 with
 * the reset time, other organisations go on, and the bureau sees who is near or at a bound. The
 * meter is brought near its bound directly (thousands of HTTP calls would prove nothing more).
 */
import { env, runInDurableObject } from 'cloudflare:test';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { armFault, disarmFaults } from '../../worker/lib/faults';
import { DEFAULT_FEED_BOUNDS } from '../../worker/lib/feed-bounds';
import { admittedAgency, api, bureau, jst, loadRows, ministry, profileRow, setClock, signInAgency } from './helpers';

const bindings = env as unknown as Env;
const DAY = '2027-07-05';

async function setCount(agencyId: string, kind: 'search' | 'opening', count: number): Promise<void> {
  const stub = bindings.FEED_METER.get(bindings.FEED_METER.idFromName(agencyId));
  await runInDurableObject(stub, async (_o, state) => state.storage.put(`${DAY}:${kind}`, count));
}

async function countOf(agencyId: string, kind: 'search' | 'opening'): Promise<number | undefined> {
  const stub = bindings.FEED_METER.get(bindings.FEED_METER.idFromName(agencyId));
  return runInDurableObject(stub, async (_o, state) => state.storage.get<number>(`${DAY}:${kind}`));
}

afterEach(() => disarmFaults());

describe('R-SEC-9 bounded feed reading', () => {
  let a: { id: string; token: string; email: string; password: string };
  let b: { id: string; token: string; email: string; password: string };
  beforeAll(async () => {
    await setClock(jst(DAY, '10:00'));
    a = await admittedAgency();
    b = await admittedAgency();
  });

  it('R-SEC-9 the defaults are documented and far above honest use', () => {
    expect(DEFAULT_FEED_BOUNDS).toEqual({ search: 5000, opening: 2000 });
  });

  it('R-SEC-9 searches stop at the daily bound with 429 and the reset time; another agency goes on; the next JST day resets', async () => {
    const limit = DEFAULT_FEED_BOUNDS.search;
    await setCount(a.id, 'search', Math.ceil(limit * 0.8) - 1);
    expect((await api('GET', '/v1/agency/feed', { token: a.token })).status).toBe(200); // crosses 80 %
    await setCount(a.id, 'search', limit - 1);
    expect((await api('GET', '/v1/agency/feed', { token: a.token })).status).toBe(200); // the last one allowed
    const refused = await api('GET', '/v1/agency/feed', { token: a.token });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('feed_bound_reached');
    expect(refused.body.resetAt).toBe('2027-07-05T15:00:00.000Z'); // 00:00 JST on the 6th
    expect(Number(refused.headers.get('retry-after'))).toBe(14 * 3600);
    expect(refused.body.detail).toContain('2027年7月6日 00:00');
    expect((await api('GET', '/v1/agency/feed', { token: b.token })).status).toBe(200);

    const usage = await api('GET', '/v1/admin/feed-usage', { token: await ministry() });
    expect(usage.status).toBe(200);
    expect(usage.body.items).toContainEqual(
      expect.objectContaining({ agencyId: a.id, kind: 'search', state: 'reached', count: limit, limit }),
    );
    expect(usage.body.items.some((e: { agencyId: string }) => e.agencyId === b.id)).toBe(false);
    const osaka = await api('GET', '/v1/admin/feed-usage', { token: await bureau('27') });
    expect(osaka.body.items.some((e: { agencyId: string }) => e.agencyId === a.id)).toBe(false);
    const tokyo = await api('GET', '/v1/admin/feed-usage', { token: await bureau('13') });
    expect(tokyo.body.items.some((e: { agencyId: string }) => e.agencyId === a.id)).toBe(true);

    await setClock(jst(DAY, '23:59'));
    a.token = await signInAgency(a);
    expect((await api('GET', '/v1/agency/feed', { token: a.token })).status).toBe(429);
    await setClock(jst('2027-07-06', '06:00')); // service reopens after the night window (R-OPS-1)
    a.token = await signInAgency(a);
    expect((await api('GET', '/v1/agency/feed', { token: a.token })).status).toBe(200);
  }, 60_000);

  it('R-SEC-9 profile openings stop at their own bound', async () => {
    await setClock(jst(DAY, '11:00'));
    b.token = await signInAgency(b);
    const rows = (await loadRows([profileRow(), profileRow()])).body.results;
    await setCount(b.id, 'opening', DEFAULT_FEED_BOUNDS.opening - 1);
    expect((await api('GET', `/v1/agency/feed/${rows[0].id}`, { token: b.token })).status).toBe(200);
    const refused = await api('GET', `/v1/agency/feed/${rows[1].id}`, { token: b.token });
    expect([refused.status, refused.body.code, refused.body.kind]).toEqual([429, 'feed_bound_reached', 'opening']);
    expect((await api('GET', '/v1/agency/feed', { token: b.token })).status).toBe(200); // searching is a separate bound
    const usage = await api('GET', '/v1/admin/feed-usage', { token: await ministry() });
    expect(usage.body.items).toContainEqual(expect.objectContaining({ agencyId: b.id, kind: 'opening', state: 'reached' }));
    const audit = await api('GET', '/v1/admin/audit?action=feed_usage.read', { token: await ministry() });
    expect(audit.body.items.length).toBeGreaterThan(0);
  }, 60_000);

  it('R-SEC-9 a search that fails gives its count back: a failure does not use up the last search of the day', async () => {
    await setClock(jst(DAY, '12:00'));
    const c = await admittedAgency();
    const limit = DEFAULT_FEED_BOUNDS.search;
    await setCount(c.id, 'search', limit - 1);
    armFault('feed-search.shard:13');
    expect((await api('GET', '/v1/agency/feed?prefecture=13', { token: c.token })).status).toBe(500);
    expect(await countOf(c.id, 'search')).toBe(limit - 1);
    expect((await api('GET', '/v1/agency/feed?prefecture=13', { token: c.token })).status).toBe(200); // the retry
    expect(await countOf(c.id, 'search')).toBe(limit);
    expect((await api('GET', '/v1/agency/feed?prefecture=13', { token: c.token })).status).toBe(429);
  }, 60_000);

  it('R-SEC-9 a search that meets an overloaded shard answers 503 temporarily_unavailable with Retry-After, not 500, and gives its count back', async () => {
    await setClock(jst(DAY, '12:00'));
    const c = await admittedAgency();
    await setCount(c.id, 'search', 10);
    armFault('feed-search.shard:13', 'overloaded');
    const busy = await api('GET', '/v1/agency/feed?prefecture=13', { token: c.token });
    expect(busy.status).toBe(503);
    expect(busy.body.code).toBe('temporarily_unavailable');
    expect(busy.body.title).toBe('ただいま混み合っています');
    expect(busy.body.detail).toContain('約5秒後');
    expect(busy.body.retryAfter).toBe(5);
    expect(busy.headers.get('retry-after')).toBe('5');
    expect(await countOf(c.id, 'search')).toBe(10);
    expect((await api('GET', '/v1/agency/feed?prefecture=13', { token: c.token })).status).toBe(200); // the retry
    expect(await countOf(c.id, 'search')).toBe(11);
  }, 60_000);

  it("R-SEC-9 a failed search given back corrects the bureau's usage view: reached becomes near, near under 80 % is gone", async () => {
    await setClock(jst(DAY, '12:00'));
    const e = await admittedAgency();
    const limit = DEFAULT_FEED_BOUNDS.search;
    const mine = async () =>
      (await api('GET', '/v1/admin/feed-usage', { token: await ministry() })).body.items.filter(
        (x: { agencyId: string }) => x.agencyId === e.id,
      );
    await setCount(e.id, 'search', limit - 1);
    armFault('feed-search.shard:13');
    expect((await api('GET', '/v1/agency/feed?prefecture=13', { token: e.token })).status).toBe(500);
    expect(await mine()).toEqual([expect.objectContaining({ kind: 'search', state: 'near', count: limit - 1 })]);
    await setCount(e.id, 'search', Math.ceil(limit * 0.8) - 1);
    armFault('feed-search.shard:13');
    expect((await api('GET', '/v1/agency/feed?prefecture=13', { token: e.token })).status).toBe(500);
    expect(await mine()).toEqual([]);
  }, 60_000);

  it('R-SEC-9 parallel searches near the bound, one failing: never past the bound, and the count is exactly the searches answered', async () => {
    await setClock(jst(DAY, '12:00'));
    const d = await admittedAgency();
    const limit = DEFAULT_FEED_BOUNDS.search;
    await setCount(d.id, 'search', limit - 3);
    armFault('feed-search.shard:14');
    const statuses = await Promise.all(
      ['13', '14', '13', '13', '13', '13'].map(
        async (p) => (await api('GET', `/v1/agency/feed?prefecture=${p}`, { token: d.token })).status,
      ),
    );
    // Kanagawa's search fails unless the bound refused it first: either way it keeps no count.
    const answered = statuses.filter((s) => s === 200).length;
    const failed = statuses.filter((s) => s === 500).length;
    expect(answered + failed).toBeLessThanOrEqual(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(6 - answered - failed);
    expect(await countOf(d.id, 'search')).toBe(limit - 3 + answered);
  }, 60_000);
});
