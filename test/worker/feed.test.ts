import { beforeAll, describe, expect, it } from 'vitest';
import { admittedAgency, api, bureau, jst, loadRows, ministry, profileRow, setClock, unique } from './helpers';

/** A keyword that only this file's profiles hold, so other files' data never interferes. */
const TAG = `検証${Math.floor(Math.random() * 1e6)}`;

let agency: { id: string; token: string };

beforeAll(async () => {
  await setClock(jst('2026-11-27', '10:00'));
  agency = await admittedAgency();
});

async function search(query: Record<string, string | string[]>, token = agency.token) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) for (const item of Array.isArray(v) ? v : [v]) params.append(k, item);
  return api('GET', `/v1/agency/feed?${params}`, { token });
}

describe('R-FEED-1 / R-FEED-2 the bureau loads profiles', () => {
  it('R-FEED-1 gives each new profile a random public ID and a one-time activation code, never the bureau reference', async () => {
    const res = await loadRows([profileRow({ selfIntroduction: `${TAG} 介護の仕事を希望します。` })]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ loaded: 1, refused: 0 });
    const row = res.body.results[0];
    expect(row.id).toMatch(/^13-[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(row.activationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const opened = await api('GET', `/v1/agency/feed/${row.id}`, { token: agency.token });
    expect(opened.status).toBe(200);
    expect(JSON.stringify(opened.body)).not.toContain('hwRef');
    expect(JSON.stringify(opened.body)).not.toContain(row.activationCode);
  });

  it.each([
    ['phone', '連絡は090-1234-5678まで'],
    ['full-width phone', '電話：０９０ー１２３４ー５６７８'],
    ['email', 'taro@example.com にご連絡ください'],
    ['postal code', '〒100-0001 に住んでいます'],
    ['street address', '千代田区丸の内1-2-3に住んでいます'],
    ['12-digit number', '番号は1234 5678 9012です'],
    ['URL', 'https://example.com/me を見てください'],
    ['messenger ID', 'LINE ID: taro_1234'],
  ])('R-FEED-2 refuses a row whose text holds a %s, with field and reason, and loads the rest', async (_kind, text) => {
    const good = profileRow({ selfIntroduction: `${TAG} 事務職を希望` });
    const bad = profileRow({ selfIntroduction: text });
    const res = await loadRows([good, bad]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ loaded: 1, refused: 1 });
    const refused = res.body.results.find((r: { ok: boolean }) => !r.ok);
    expect(refused.line).toBe(2);
    expect(refused.errors[0]).toMatchObject({ field: 'selfIntroduction', code: 'contact_details' });
    expect(refused.errors[0].reason).toMatch(/含まれて|記載/);
    expect(refused.hwRef).toBe(bad.hwRef);
  });

  it('R-FEED-2 refuses contact details in a qualification too', async () => {
    const res = await loadRows([profileRow({ qualifications: ['連絡先 03-1234-5678'] })]);
    expect(res.body.results[0]).toMatchObject({ ok: false });
    expect(res.body.results[0].errors[0].field).toBe('qualifications.0');
  });

  it('R-FEED-2 reports broken NDJSON lines and wrong fields per row without stopping the load', async () => {
    const res = await loadRows([
      '{not json',
      JSON.stringify({ ...profileRow(), wage: { unit: 'month', min: 300000, max: 100000 } }),
      profileRow({ selfIntroduction: `${TAG} ok` }),
      '',
      JSON.stringify({ ...profileRow(), extra: 1 }),
    ]);
    expect(res.status).toBe(200);
    expect(res.body.loaded).toBe(1);
    expect(res.body.refused).toBe(3);
    const byLine = Object.fromEntries(res.body.results.map((r: { line: number }) => [r.line, r]));
    expect(byLine[1].errors[0].code).toBe('malformed_json');
    expect(byLine[2].errors[0].field).toBe('wage.max');
    expect(byLine[3].ok).toBe(true);
    expect(byLine[5].ok).toBe(false);
  });

  it('R-FEED-2 updates a profile by ID and withdraws it from every shard', async () => {
    const created = (
      await loadRows([profileRow({ areas: [{ prefecture: '13' }, { prefecture: '14' }], selfIntroduction: `${TAG} 移動テスト` })])
    ).body.results[0];
    expect((await search({ prefecture: '14', q: `${TAG} 移動テスト` })).body.items.map((i: { id: string }) => i.id)).toContain(created.id);
    const updated = await loadRows([
      { ...profileRow({ areas: [{ prefecture: '13' }], selfIntroduction: `${TAG} 移動テスト` }), id: created.id },
    ]);
    expect(updated.body.results[0]).toMatchObject({ ok: true, action: 'updated' });
    expect(updated.body.results[0].activationCode).toBeUndefined();
    expect((await search({ prefecture: '14', q: `${TAG} 移動テスト` })).body.items.map((i: { id: string }) => i.id)).not.toContain(
      created.id,
    );
    expect((await search({ prefecture: '13', q: `${TAG} 移動テスト` })).body.items.map((i: { id: string }) => i.id)).toContain(created.id);
    const withdrawn = await api('DELETE', `/v1/admin/feed/profiles/${created.id}`, { token: await ministry() });
    expect(withdrawn.status).toBe(204);
    expect((await search({ q: `${TAG} 移動テスト` })).body.items.map((i: { id: string }) => i.id)).not.toContain(created.id);
    expect((await api('GET', `/v1/agency/feed/${created.id}`, { token: agency.token })).status).toBe(404);
  });

  it('R-FEED-2 refuses an update of an unknown ID and a bureau loading outside its prefecture', async () => {
    const unknown = await loadRows([{ ...profileRow(), id: '13-0000000000' }]);
    expect(unknown.body.results[0].errors[0].code).toBe('unknown_profile');
    const osaka = await bureau('27');
    const res = await loadRows(
      [profileRow({ areas: [{ prefecture: '13' }] }), profileRow({ areas: [{ prefecture: '27' }], selfIntroduction: `${TAG} 大阪` })],
      osaka,
    );
    expect(res.body.results[0].errors[0].code).toBe('out_of_scope');
    expect(res.body.results[1].ok).toBe(true);
  });
});

describe('R-FEED-3 agencies search the feed', () => {
  const TAG = `探索${Math.floor(Math.random() * 1e6)}`;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const rows = {
      kaigo: profileRow({
        occupations: ['050'],
        areas: [{ prefecture: '13', municipality: '13104' }],
        selfIntroduction: `${TAG} 介護福祉士として特養で働いてきました。夜勤もできます。`,
        qualifications: ['介護福祉士'],
        experience: [{ occupation: '050', years: 8 }],
        ageBand: '40-44',
        education: 'vocational',
      }),
      eigyo: profileRow({
        occupations: ['060'],
        industries: ['I'],
        areas: [{ prefecture: '27' }],
        selfIntroduction: `${TAG} 法人営業の経験があります。`,
        employmentTypes: ['regular', 'contract'],
        wage: { unit: 'month', min: 300000, max: 400000 },
        ageBand: '30-34',
        education: 'university',
      }),
      jimu: profileRow({
        occupations: ['030'],
        areas: [{ prefecture: '13' }],
        selfIntroduction: `${TAG} 一般事務を希望します。Excelが得意です。`,
        employmentTypes: ['part_time'],
        wage: { unit: 'hour', min: 1200, max: 1500 },
        hours: { perWeek: 20, shift: false, overtimeOk: false },
      }),
      yoru: profileRow({ occupations: ['050'], areas: [{ prefecture: '01' }], selfIntroduction: `${TAG} 夜の勤務を希望` }),
    };
    const res = await loadRows(Object.values(rows));
    Object.keys(rows).forEach((k, i) => (ids[k] = res.body.results[i].id));
  });

  const found = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((i) => i.id);

  it.each([
    // yoru's occupation (050 施設介護の職業) holds 介護 in its name, which search also reads.
    ['介護', ['kaigo', 'yoru']],
    ['営業', ['eigyo']],
    ['事務', ['jimu']],
    ['夜', ['kaigo', 'yoru']],
    ['介護福祉士', ['kaigo']],
    ['特養 夜勤', ['kaigo']],
    ['ＥＸＣＥＬ', ['jimu']],
  ])('R-FEED-3 finds the Japanese keyword %s (one, two and more characters)', async (q, expected) => {
    const res = await search({ q: `${TAG} ${q}` });
    expect(res.status).toBe(200);
    expect(found(res).sort()).toEqual(expected.map((k) => ids[k]).sort());
  });

  it.each([
    [{ occupation: '060' }, ['eigyo']],
    [{ industry: 'I' }, ['eigyo']],
    [{ prefecture: '27' }, ['eigyo']],
    [{ prefecture: ['01', '27'] }, ['eigyo', 'yoru']],
    [{ municipality: '13104' }, ['kaigo']],
    [{ employmentType: 'part_time' }, ['jimu']],
    [{ employmentType: 'contract' }, ['eigyo']],
    [{ wageUnit: 'month', wageMin: '350000' }, ['eigyo']],
    [{ wageUnit: 'hour', wageMin: '1300' }, ['jimu']],
    [{ hoursMax: '25' }, ['jimu']],
    [{ qualification: '介護福祉士' }, ['kaigo']],
    [{ experienceOccupation: '050', experienceYearsMin: '5' }, ['kaigo']],
    [{ education: 'university' }, ['eigyo']],
    [{ occupation: '050', prefecture: '13' }, ['kaigo']],
  ])('R-FEED-3 filters by %j', async (filter, expected) => {
    const res = await search({ ...filter, q: TAG });
    expect(res.status).toBe(200);
    expect(found(res).sort()).toEqual(expected.map((k) => ids[k]).sort());
  });

  it('R-FEED-3 refuses an age filter or sort with the reason (Art. 9), and the OpenAPI document offers none', async () => {
    const queries: Array<Record<string, string | string[]>> = [
      { ageBand: '40-44' },
      { ageBand: ['30-34', '40-44'] },
      { q: TAG, ageBand: '40-44' },
      { sort: 'ageBand' },
      { order: '-age' },
      { ageMin: '30' },
    ];
    for (const query of queries) {
      const res = await search(query);
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.body.code).toBe('age_filter_not_allowed');
      expect(res.body.title).toBe('年齢では絞り込めません');
      expect(res.body.detail).toContain('労働施策総合推進法第9条');
    }
    // The band is still shown on what is found (docs/decisions.md), only never filtered on.
    const shown = await search({ q: `${TAG} 介護福祉士` });
    expect(shown.body.items[0].ageBand).toBe('40-44');
    const doc = (await api('GET', '/v1/openapi.json')).body;
    const params = (doc.paths['/v1/agency/feed'].get.parameters as Array<{ name: string }>).map((p) => p.name);
    expect(params).toContain('occupation');
    expect(params.filter((name) => /^(age|birth|sort|order)/i.test(name))).toEqual([]);
  });

  it('R-FEED-3 treats injection-looking keywords as plain text', async () => {
    for (const q of [`" OR 1=1 --`, `'); DROP TABLE profiles; --`, 'bi : "介護"', 'NEAR(介 護)', '*', '"', 'AND OR NOT']) {
      const res = await search({ q });
      expect(res.status).toBe(200);
    }
    expect(found(await search({ q: `${TAG} 介護福祉士` })).length).toBe(1);
  });

  it('R-FEED-3 pages with a stable order and cursor, unchanged while profiles are added', async () => {
    const tag = unique('頁');
    const loaded = (await loadRows(Array.from({ length: 7 }, () => profileRow({ selfIntroduction: `${tag} 頁送り` })))).body.results.map(
      (r: { id: string }) => r.id,
    );
    const first = await search({ q: tag, limit: '3' });
    expect(first.body.items).toHaveLength(3);
    expect(first.body.nextCursor).toBeTruthy();
    // Time passes; newer profiles come first and never push older ones across the cursor.
    await setClock(jst('2026-11-27', '10:05'));
    await loadRows(Array.from({ length: 2 }, () => profileRow({ selfIntroduction: `${tag} 頁送り` })));
    const second = await search({ q: tag, limit: '3', cursor: first.body.nextCursor });
    const third = await search({ q: tag, limit: '3', cursor: second.body.nextCursor });
    const seen = [...found(first), ...found(second), ...found(third)];
    await setClock(jst('2026-11-27', '10:00'));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual([...loaded].sort());
    expect(third.body.nextCursor).toBeNull();
  });

  it('R-FEED-3 refuses bad filters and cursors with a 400 problem', async () => {
    const bad: Array<Record<string, string>> = [
      { prefecture: '48' },
      { limit: '1000' },
      { wageMin: '100' },
      { occupation: 'abc' },
      { cursor: 'not-a-cursor' },
      { unknown: 'x' },
      { q: 'あ'.repeat(101) },
    ];
    for (const query of bad) {
      const res = await search(query);
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.body.code).toMatch(/invalid_request|invalid_cursor/);
    }
  });

  it('R-FEED-3 gives an agency without the jobseeker service nothing', async () => {
    const jobOfferOnly = await admittedAgency({ services: ['job_offer'], mandatoryInformation: undefined });
    const res = await search({ q: TAG }, jobOfferOnly.token);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('service_not_admitted');
  });
});

describe('R-FEED-5 the feed leaves only toward the agency that asked', () => {
  it('R-FEED-5 serves no search or bulk load to anonymous callers, jobseekers or agencies', async () => {
    expect((await api('GET', '/v1/agency/feed')).status).toBe(401);
    expect((await api('PUT', '/v1/admin/feed/profiles', { token: agency.token, raw: '{}', type: 'application/x-ndjson' })).status).toBe(
      403,
    );
    expect((await api('GET', '/v1/agency/feed', { token: 'a.A0000000000.AAAAAAAAAAAAAAAAAAAAAAAAAA' })).status).toBe(401);
  });
});
