import { env, runInDurableObject } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { admittedAgency, api, jst, loadRows, profileRow, setClock as moveClock, signInAgency } from './helpers';

type Agency = { id: string; token: string; email: string; password: string };
let agency: Agency;
const PASSPHRASE = 'はるのあさにさくさくらのはな';

/** Moves the clock and signs the agency in again (its session would have ended). */
async function setClock(at: string) {
  await moveClock(at);
  agency.token = await signInAgency(agency);
}

async function search(q: string, prefecture: string) {
  const res = await api('GET', `/v1/agency/feed?${new URLSearchParams({ q, prefecture })}`, { token: agency.token });
  expect(res.status).toBe(200);
  return (res.body.items as Array<{ id: string }>).map((i) => i.id);
}

/** How many rows of a profile a shard holds (listed or home), straight from its SQLite. */
async function rowsIn(prefecture: string, id: string): Promise<number> {
  const stub = env.FEED_SHARD.get(env.FEED_SHARD.idFromName(prefecture));
  return runInDurableObject(
    stub,
    async (_obj, state) => state.storage.sql.exec('SELECT 1 FROM profiles WHERE id = ?', id).toArray().length,
  );
}

beforeAll(async () => {
  await moveClock(jst('2026-11-27', '10:00'));
  agency = await admittedAgency();
});

describe('R-FEED-6 a profile is in the feed only while the registration is valid', () => {
  it('R-FEED-6 lapses at midnight JST after the end of the month after next and leaves every shard, as a withdrawal does', async () => {
    await setClock(jst('2026-11-27', '10:00'));
    const tag = `有効期限${Math.floor(Math.random() * 1e6)}`;
    // Home 13 (Tokyo), listed in 27 (Osaka) and 14 (Kanagawa) only: three shards hold it.
    const loaded = await loadRows([
      profileRow({
        homePrefecture: '13',
        areas: [{ prefecture: '27' }, { prefecture: '14' }],
        selfIntroduction: `${tag} 介護職を希望します。`,
      }),
    ]);
    const { id, activationCode, validUntil } = loaded.body.results[0];
    expect(validUntil).toBe('2027-01-31');

    // The agency acquires it and records the acceptance; the jobseeker and the agency talk.
    expect((await api('GET', `/v1/agency/feed/${id}`, { token: agency.token })).status).toBe(200);
    const accepted = await api('POST', '/v1/agency/acceptances', {
      token: agency.token,
      body: { profileId: id, acceptedOn: '2026-11-27', fees: { kind: 'none_charged' } },
    });
    expect(accepted.status).toBe(200);
    const seeker = await api('POST', '/v1/seeker/activation', { body: { profileId: id, code: activationCode, passphrase: PASSPHRASE } });
    expect(seeker.status).toBe(201);
    const first = await api('POST', '/v1/agency/conversations', {
      token: agency.token,
      body: { profileId: id, body: 'はじめまして。介護職の求人をご紹介できます。', idempotencyKey: `lapse-${id}` },
    });
    expect(first.status).toBe(201);

    // The last valid day: still found in both prefectures it wants (the service closes at 21:30
    // on a month's last day, R-OPS-1), and still in all three shards at its last minute.
    await setClock(jst('2027-01-31', '21:29'));
    expect(await search(tag, '27')).toEqual([id]);
    expect(await search(tag, '14')).toEqual([id]);
    await moveClock(jst('2027-01-31', '23:59'));
    for (const p of ['13', '27', '14']) expect(await rowsIn(p, id)).toBe(1);

    // Midnight: the scheduled work removed it from every shard; from the morning nobody finds or opens it.
    await moveClock(jst('2027-02-01', '00:00'));
    for (const p of ['13', '27', '14']) expect(await rowsIn(p, id)).toBe(0);
    await setClock(jst('2027-02-01', '06:00'));
    expect(await search(tag, '27')).toEqual([]);
    expect(await search(tag, '14')).toEqual([]);
    const open = await api('GET', `/v1/agency/feed/${id}`, { token: agency.token });
    expect(open.status).toBe(404);
    expect(open.body.code).toBe('profile_not_found');

    // As after a withdrawal: the agency keeps its acquisition and its R-RET-2 deadline ...
    const held = (await api('GET', '/v1/agency/acquisitions', { token: agency.token })).body.items.find(
      (a: { profileId: string }) => a.profileId === id,
    );
    expect(held).toMatchObject({ state: 'held', acceptedOn: '2026-11-27', retentionDeadline: '2028-03-31' });
    // ... and the jobseeker still reads the conversation.
    const signIn = await api('POST', '/v1/seeker/sessions', { body: { profileId: id, passphrase: PASSPHRASE } });
    expect(signIn.status).toBe(201);
    const thread = await api('GET', `/v1/seeker/conversations/${first.body.conversationId}`, { token: signIn.body.token });
    expect(thread.status).toBe(200);
    expect(JSON.stringify(thread.body)).toContain('はじめまして。介護職の求人をご紹介できます。');
  });

  it('R-FEED-6 a reload with a later date extends it; an update without one keeps its date', async () => {
    await setClock(jst('2026-11-27', '10:00'));
    const tag = `延長${Math.floor(Math.random() * 1e6)}`;
    const row = profileRow({ selfIntroduction: `${tag} 事務職を希望します。` });
    const { id } = (await loadRows([row])).body.results[0];

    await setClock(jst('2027-01-05', '10:00'));
    const { hwRef: _ref, ...content } = row;
    const kept = await loadRows([{ ...content, id, hwRef: row.hwRef, selfIntroduction: `${tag} 一般事務を希望します。` }]);
    expect(kept.body.results[0]).toMatchObject({ ok: true, action: 'updated', validUntil: '2027-01-31' });
    const extended = await loadRows([{ ...content, id, hwRef: row.hwRef, validUntil: '2027-03-31' }]);
    expect(extended.body.results[0]).toMatchObject({ ok: true, validUntil: '2027-03-31' });

    await setClock(jst('2027-02-01', '06:00'));
    expect(await search(tag, '13')).toEqual([id]);
    await setClock(jst('2027-03-31', '21:29'));
    expect(await search(tag, '13')).toEqual([id]);
    await moveClock(jst('2027-03-31', '23:59'));
    expect(await rowsIn('13', id)).toBe(1);
    await moveClock(jst('2027-04-01', '00:00'));
    expect(await rowsIn('13', id)).toBe(0);
    await setClock(jst('2027-04-01', '06:00'));
    expect(await search(tag, '13')).toEqual([]);
  });

  it('R-FEED-6 refuses a date already past or beyond the end of the month after next, per row', async () => {
    await setClock(jst('2026-11-27', '10:00'));
    const res = await loadRows([
      profileRow({ validUntil: '2026-11-26' }),
      profileRow({ validUntil: '2026-11-27' }),
      profileRow({ validUntil: '2027-01-31' }),
      profileRow({ validUntil: '2027-02-01' }),
      profileRow({ validUntil: '2027-02-30' }),
    ]);
    expect(res.status).toBe(200);
    const r = res.body.results as Array<{ ok: boolean; validUntil?: string; errors?: Array<{ field: string; code: string }> }>;
    expect(r.map((x) => x.ok)).toEqual([false, true, true, false, false]);
    expect(r[0]!.errors![0]).toMatchObject({ field: 'validUntil', code: 'registration_lapsed' });
    expect(r[1]!.validUntil).toBe('2026-11-27');
    expect(r[3]!.errors![0]).toMatchObject({ field: 'validUntil', code: 'valid_until_too_late' });
    expect(r[4]!.errors![0]).toMatchObject({ field: 'validUntil', code: 'invalid_field' });
  });
});
