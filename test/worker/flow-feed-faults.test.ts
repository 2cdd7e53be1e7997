import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it } from 'vitest';
import { armFault, disarmFaults } from '../../worker/lib/faults';
import { shardStub } from '../../worker/lib/stubs';
import { admittedAgency, api, jst, loadRows, profileRow, setClock } from './helpers';

const workerEnv = env as unknown as Env;

afterEach(() => disarmFaults());

/** The profile IDs a shard lists (what an agency's search there can find). */
async function listedIn(prefecture: string): Promise<string[]> {
  return (await shardStub(workerEnv, prefecture).search({ agencyId: 'A0000000000', limit: 1000 })).map((h) => h.id);
}

/** A profile homed in Tokyo that wants to work in Tokyo and Kanagawa. */
async function loadedProfile() {
  await setClock(jst('2026-11-27', '10:00'));
  const row = profileRow({ areas: [{ prefecture: '13' as never }, { prefecture: '14' as never }] });
  const res = await loadRows([row]);
  expect(res.status).toBe(200);
  return { row, id: res.body.results[0].id as string };
}

describe('the feed load converges when a step fails (R-FEED-1, R-FEED-6)', () => {
  it.each(['feed-load.calendar', 'feed-load.upsert:12', 'feed-load.remove:14', 'feed-load.home:13'])(
    'R-FEED-1 an update moving a profile from Kanagawa to Chiba, failing at %s: the retry of the same file lists it where it wants to work, once',
    async (step) => {
      const { row, id } = await loadedProfile();
      const update = { ...row, id, areas: [{ prefecture: '13' as never }, { prefecture: '12' as never }] };
      armFault(step);
      const failed = await loadRows([update]);
      expect(failed.status).toBe(500);
      const retried = await loadRows([update]);
      expect(retried.status).toBe(200);
      expect(retried.body.results[0]).toMatchObject({ ok: true, id, action: 'updated' });
      expect(await listedIn('12')).toContain(id);
      expect(await listedIn('13')).toContain(id);
      expect(await listedIn('14')).not.toContain(id);
      expect((await listedIn('12')).filter((x) => x === id)).toHaveLength(1);
    },
  );
});

describe('the feed search fails whole and answers in full on retry (R-FEED-3)', () => {
  it('R-FEED-3 a shard failing mid-search gives no page with a prefecture missing; the retry finds the profile', async () => {
    const { id } = await loadedProfile();
    const agency = await admittedAgency();
    armFault('feed-search.shard:14');
    const failed = await api('GET', '/v1/agency/feed?prefecture=13&prefecture=14&limit=100', { token: agency.token });
    expect(failed.status).toBe(500);
    expect(failed.body.items).toBeUndefined();
    const retried = await api('GET', '/v1/agency/feed?prefecture=13&prefecture=14&limit=100', { token: agency.token });
    expect(retried.status).toBe(200);
    expect(retried.body.items.filter((p: { id: string }) => p.id === id)).toHaveLength(1);
  });
});
