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

describe('a retried load of new rows keeps one profile per Hello Work reference (R-FEED-1)', () => {
  const PASSPHRASE = 'はるのひざしとさくらのはな';
  const newRow = () => profileRow({ areas: [{ prefecture: '13' as never }, { prefecture: '14' as never }, { prefecture: '12' as never }] });
  /** The profiles listed in Tokyo, Kanagawa and Chiba that were not there before. */
  async function added(before: Record<string, string[]>): Promise<Record<string, string[]>> {
    const out: Record<string, string[]> = {};
    for (const p of ['12', '13', '14']) out[p] = (await listedIn(p)).filter((x) => !before[p]!.includes(x));
    return out;
  }
  async function listedNow(): Promise<Record<string, string[]>> {
    return { '12': await listedIn('12'), '13': await listedIn('13'), '14': await listedIn('14') };
  }

  // Chiba failing after Kanagawa wrote its row is the case that once left two profiles listed there.
  it.each(['feed-load.calendar', 'feed-load.created:13', 'feed-load.upsert:12'])(
    'R-FEED-1 a new profile whose load fails at %s: the retry of the same file lists it once, with a code that activates it',
    async (step) => {
      await setClock(jst('2026-11-27', '10:00'));
      const row = newRow();
      const before = await listedNow();
      armFault(step);
      expect((await loadRows([row])).status).toBe(500);
      const retried = await loadRows([row]);
      expect(retried.status).toBe(200);
      const result = retried.body.results[0];
      expect(result).toMatchObject({ ok: true, hwRef: row.hwRef });
      expect(await added(before)).toEqual({ '12': [result.id], '13': [result.id], '14': [result.id] });
      const activation = await api('POST', '/v1/seeker/activation', {
        body: { profileId: result.id, code: result.activationCode, passphrase: PASSPHRASE },
      });
      expect(activation.status).toBe(201);
    },
  );

  it('R-FEED-1 a new row sent again after its load succeeded updates that profile; once activated, no new code is issued', async () => {
    await setClock(jst('2026-11-27', '10:00'));
    const row = newRow();
    const before = await listedNow();
    const first = (await loadRows([row])).body.results[0];
    expect(first).toMatchObject({ ok: true, action: 'created' });
    await setClock(jst('2026-11-27', '11:00'));
    const again = (await loadRows([{ ...row, selfIntroduction: '介護の仕事を探しています。' }])).body.results[0];
    expect(again).toMatchObject({ ok: true, id: first.id, action: 'updated', hwRef: row.hwRef });
    expect(await added(before)).toEqual({ '12': [first.id], '13': [first.id], '14': [first.id] });
    // Not yet activated: the answer carries a fresh code, which replaces the first (decisions).
    const stale = await api('POST', '/v1/seeker/activation', {
      body: { profileId: first.id, code: first.activationCode, passphrase: PASSPHRASE },
    });
    expect(stale.status).not.toBe(201);
    const activation = await api('POST', '/v1/seeker/activation', {
      body: { profileId: first.id, code: again.activationCode, passphrase: PASSPHRASE },
    });
    expect(activation.status).toBe(201);
    const third = (await loadRows([row])).body.results[0];
    expect(third).toMatchObject({ ok: true, id: first.id, action: 'updated' });
    expect(third.activationCode).toBeUndefined();
    expect(await added(before)).toEqual({ '12': [first.id], '13': [first.id], '14': [first.id] });
  });

  it('R-FEED-1 two loads of the same new row at once make one profile; the other line is refused and its retry updates it', async () => {
    await setClock(jst('2026-11-27', '10:00'));
    const row = newRow();
    const before = await listedNow();
    const answers = (await Promise.all([loadRows([row]), loadRows([row]), loadRows([row])])).map((r) => r.body.results[0]);
    const ids = new Set(answers.filter((a) => a.ok).map((a) => a.id));
    expect(ids.size).toBe(1);
    const [id] = [...ids] as [string];
    expect(await added(before)).toEqual({ '12': [id], '13': [id], '14': [id] });
    for (const a of answers.filter((x) => !x.ok)) expect(a.errors[0]).toMatchObject({ field: 'hwRef', code: 'loaded_concurrently' });
    const retried = (await loadRows([row])).body.results[0];
    expect(retried).toMatchObject({ ok: true, id, action: 'updated' });
    const activation = await api('POST', '/v1/seeker/activation', {
      body: { profileId: id, code: retried.activationCode, passphrase: PASSPHRASE },
    });
    expect(activation.status).toBe(201);
  });
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
