import { beforeAll, describe, expect, it } from 'vitest';
import { api, jst, ministry, setClock } from './helpers';
import { agencyIn, directoryEntry, eligibleBody, register, type Agency } from './bureau-helpers';

const TAG = `名簿${Math.floor(Math.random() * 1e6)}`;

let tokyo: Agency;
let osaka: Agency;
let school: Agency;

beforeAll(async () => {
  await setClock(jst('2026-11-27', '10:00'));
  tokyo = await agencyIn('13', {
    organisation: { name: `ＡＢＣ人材${TAG}`, address: '東京都千代田区霞が関1-2-2', prefecture: '13' },
    handlesSubsidies: true,
    certifications: ['privacy_mark', 'yuryo'],
  });
  osaka = await agencyIn('27', {
    organisation: { name: `なにわ職業紹介${TAG}`, address: '大阪府大阪市北区梅田1-1', prefecture: '27' },
    licence: { kind: 'free', number: '27-ム-000123' },
    handlesSubsidies: false,
    certifications: [],
  });
  school = await agencyIn('27', {
    organisation: { name: `浪速大学${TAG}`, address: '大阪府吹田市山田丘1-1', prefecture: '27' },
    licence: { kind: 'school', number: '27-学-000009', schoolKind: 'university' },
    services: ['job_offer'],
    mandatoryInformation: undefined,
    placements: [],
  });
});

describe('R-DIR-1 the public directory of admitted agencies', () => {
  it('R-DIR-1 lists name, address, licence number, subsidies and certifications without an account, cacheably', async () => {
    const res = await api('GET', `/v1/public/agencies?q=${encodeURIComponent(TAG)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    const entry = res.body.items.find((i: { id: string }) => i.id === tokyo.id);
    expect(entry).toEqual({
      id: tokyo.id,
      name: `ＡＢＣ人材${TAG}`,
      address: '東京都千代田区霞が関1-2-2',
      prefecture: '13',
      licenceNumber: expect.any(String),
      licenceKind: 'paid',
      services: ['job_offer', 'jobseeker'],
      handlesSubsidies: true,
      certifications: ['privacy_mark', 'yuryo'],
      suspended: false,
      statusLabel: '利用中',
      // R-TERM-1: the last day of the jobseeker service's term.
      termEndsOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(JSON.stringify(res.body)).not.toContain(tokyo.email); // no account IDs in public
  });

  it.each([
    ['prefecture', `&prefecture=27`, ['osaka', 'school']],
    ['service', `&service=jobseeker`, ['tokyo', 'osaka']],
    ['prefecture and service', `&prefecture=27&service=job_offer`, ['osaka', 'school']],
    ['address text', `&q=${encodeURIComponent('梅田')}`, ['osaka']],
    ['licence number', `&q=${encodeURIComponent('27-ム-000123')}`, ['osaka']],
    ['full-width letters searched in half-width', `&q=abc`, ['tokyo']],
    ['a one-character Japanese word', `&q=${encodeURIComponent('浪')}`, ['school']],
  ])('R-DIR-1 filters by %s', async (_label, query, expected) => {
    const ids: Record<string, string> = { tokyo: tokyo.id, osaka: osaka.id, school: school.id };
    // A text filter is the one text box; the other filters combine with this file's tag.
    const url = query.includes('&q=')
      ? `/v1/public/agencies?limit=100${query}`
      : `/v1/public/agencies?limit=100&q=${encodeURIComponent(TAG)}${query}`;
    const res = await api('GET', url);
    expect(res.status).toBe(200);
    const found = res.body.items.map((i: { id: string }) => i.id).filter((id: string) => Object.values(ids).includes(id));
    expect(found.sort()).toEqual(expected.map((k) => ids[k]).sort());
  });

  it('R-DIR-1 pages in a stable order with a cursor', async () => {
    const first = await api('GET', `/v1/public/agencies?limit=2&q=${encodeURIComponent(TAG)}`);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await api('GET', `/v1/public/agencies?limit=2&q=${encodeURIComponent(TAG)}&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const all = [...first.body.items, ...second.body.items].map((i: { id: string }) => i.id);
    expect(new Set(all).size).toBe(3);
  });

  it('R-DIR-1 refuses unknown filters and bad values with a problem', async () => {
    expect((await api('GET', '/v1/public/agencies?prefecture=99')).status).toBe(400);
    expect((await api('GET', '/v1/public/agencies?sort=name')).status).toBe(400);
    expect((await api('GET', '/v1/public/agencies?cursor=%%%')).status).toBe(400);
  });

  it('R-DIR-1 leaves out registrations not yet accepted', async () => {
    const body = await eligibleBody('13', { organisation: { name: `未受理${TAG}`, address: '東京都', prefecture: '13' } });
    expect((await register(body)).status).toBe(201);
    expect((await api('GET', `/v1/public/agencies?q=${encodeURIComponent(`未受理${TAG}`)}`)).body.items).toHaveLength(0);
  });

  it('R-DIR-1 shows 停止中 while an agency is suspended, and drops the mark when the suspension is lifted', async () => {
    const agency = await agencyIn('13');
    const token = await ministry();
    await api('POST', `/v1/admin/agencies/${agency.id}/suspensions`, { token, body: { kind: 'temporary', reason: '事実確認中（§8(3)）' } });
    expect(await directoryEntry(agency.id)).toMatchObject({ suspended: true, statusLabel: '停止中' });
    await api('DELETE', `/v1/admin/agencies/${agency.id}/suspensions/current`, { token, body: { reason: '事実確認の結果、違反なし' } });
    expect(await directoryEntry(agency.id)).toMatchObject({ suspended: false, statusLabel: '利用中' });
  });

  it('R-DIR-1 drops a withdrawn or revoked agency from the directory', async () => {
    const leaving = await agencyIn('13');
    await api('POST', '/v1/agency/withdrawal', { token: leaving.token, body: {} });
    expect(await directoryEntry(leaving.id)).toBeUndefined();
  });
});

describe('R-DIR-2 the list of revoked agencies, for 3 years', () => {
  let revoked: Agency;
  const name = `解除済${TAG}`;
  beforeAll(async () => {
    await setClock(jst('2026-11-27', '10:00'));
    revoked = await agencyIn('14', { organisation: { name, address: '神奈川県横浜市中区1-1', prefecture: '14' } });
    const res = await api('POST', `/v1/admin/agencies/${revoked.id}/revocation`, {
      token: await ministry(),
      body: { reason: '求職情報の不正取得（§8(2)④b）' },
    });
    expect(res.status).toBe(200);
  });

  it('R-DIR-2 lists the revoked agency with its revocation date, without an account, and not in the directory', async () => {
    const res = await api('GET', `/v1/public/revoked-agencies?q=${encodeURIComponent(name)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/public/);
    expect(res.body.items).toEqual([
      { name, address: '神奈川県横浜市中区1-1', prefecture: '14', licenceNumber: expect.any(String), revokedOn: '2026-11-27' },
    ]);
    expect(await directoryEntry(revoked.id)).toBeUndefined();
    expect((await api('GET', '/v1/public/revoked-agencies?prefecture=13')).body.items.map((i: { name: string }) => i.name)).not.toContain(
      name,
    );
  });

  it.each([
    ['2029-11-26', 1],
    ['2029-11-27', 0],
  ])('R-DIR-2 on %s lists it %i time(s) (3 years counted from the revocation day, decision 4)', async (day, count) => {
    await setClock(jst(day));
    const res = await api('GET', `/v1/public/revoked-agencies?q=${encodeURIComponent(name)}`);
    expect(res.body.items).toHaveLength(count);
  });
});
