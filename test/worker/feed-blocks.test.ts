import { beforeAll, describe, expect, it } from 'vitest';
import { admittedAgency, api, jst, loadRows, profileRow, setClock, unique } from './helpers';

beforeAll(async () => {
  await setClock(jst('2026-12-01', '10:00'));
});

/** A keyword no other test's profile holds. */
const TAG = `ブロック${unique('')
  .replace(/[^a-z0-9]/g, '')
  .slice(-6)}`;

const found = async (agency: { token: string }, prefecture: string) =>
  (await api('GET', `/v1/agency/feed?prefecture=${prefecture}&q=${encodeURIComponent(TAG)}`, { token: agency.token })).body.items.map(
    (i: { id: string }) => i.id,
  );

describe('R-FEED-4 blocks that stay', () => {
  it('R-FEED-4 a block survives bureau updates that add a prefecture, and that remove and re-add one', async () => {
    const row = profileRow({ areas: [{ prefecture: '13' as never }], selfIntroduction: `${TAG} よろしくお願いします。` });
    const created = (await loadRows([row])).body.results[0];
    const activated = await api('POST', '/v1/seeker/activation', {
      body: { profileId: created.id, code: created.activationCode, passphrase: 'はるのひざしとさくらのはな' },
    });
    const blocked = await admittedAgency();
    const other = await admittedAgency();
    expect((await api('PUT', `/v1/seeker/blocks/${blocked.id}`, { token: activated.body.token })).status).toBe(200);
    expect(await found(blocked, '13')).toEqual([]);

    const update = async (prefectures: string[]) => {
      const res = await loadRows([
        { ...row, id: created.id, areas: prefectures.map((prefecture) => ({ prefecture: prefecture as never })) },
      ]);
      expect(res.body.loaded).toBe(1);
    };
    // Adds 大阪府 (27): the new shard's row carries the block.
    await update(['13', '27']);
    expect(await found(other, '27')).toEqual([created.id]);
    expect(await found(blocked, '27')).toEqual([]);
    expect(await found(blocked, '13')).toEqual([]);

    // Removes 27, then adds it back.
    await update(['13']);
    expect(await found(other, '27')).toEqual([]);
    await update(['13', '27']);
    expect(await found(other, '27')).toEqual([created.id]);
    expect(await found(blocked, '27')).toEqual([]);

    // Leaves its home prefecture (13) and comes back to it; moves to 14 in between.
    await update(['14']);
    expect(await found(other, '14')).toEqual([created.id]);
    expect(await found(blocked, '14')).toEqual([]);
    await update(['13', '14', '27']);
    for (const pref of ['13', '14', '27']) {
      expect(await found(other, pref), pref).toEqual([created.id]);
      expect(await found(blocked, pref), pref).toEqual([]);
    }
    // Nationwide, and the profile itself.
    expect((await api('GET', `/v1/agency/feed?q=${encodeURIComponent(TAG)}`, { token: blocked.token })).body.items).toEqual([]);
    expect((await api('GET', `/v1/agency/feed/${created.id}`, { token: blocked.token })).status).not.toBe(200);

    // R-BLOCK-3: lifting the block shows it again in every shard, and a later update keeps it shown.
    expect((await api('DELETE', `/v1/seeker/blocks/${blocked.id}`, { token: activated.body.token })).status).toBe(204);
    await update(['13', '27']);
    expect(await found(blocked, '27')).toEqual([created.id]);
    expect(await found(blocked, '13')).toEqual([created.id]);
  });
});
