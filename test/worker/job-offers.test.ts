import { env, runInDurableObject } from 'cloudflare:test';
import { closeLapsedOffers } from '../../worker/flows/job-offer-load';
import { beforeAll, describe, expect, it } from 'vitest';
import { admittedAgency, api, bureau, jst, ministry, setClock, signInAgency } from './helpers';
import { loadOffers, numbersFound, offerRow, schoolAgency, searchOffers } from './job-offer-fixtures';

/** A keyword only this file's offers hold. */
const TAG = `求検${Math.floor(Math.random() * 1e6)}`;
let agency: { id: string; token: string; email: string; password: string };

beforeAll(async () => {
  await setClock(jst('2026-11-27', '10:00'));
  agency = await admittedAgency();
});

describe('R-JOB-1 the bureau loads, versions and closes offers', () => {
  it('R-JOB-1 loads offers line by line with the office and dates, refusing bad lines with field and reason', async () => {
    const good = offerRow({ notes: `${TAG} 読込` });
    const res = await loadOffers([
      good,
      '{broken',
      JSON.stringify({ ...offerRow(), introductionDeadline: '2027-03-01' }),
      JSON.stringify({ ...offerRow(), extra: 1 }),
      good,
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ loaded: 1, refused: 4, closed: 0 });
    const [first, broken, late, extra, dup] = res.body.results;
    expect(first).toMatchObject({ ok: true, action: 'created', version: 1, offerNumber: good.offerNumber });
    expect(broken.errors[0].code).toBe('malformed_json');
    expect(late.errors[0].field).toBe('introductionDeadline');
    expect(extra.ok).toBe(false);
    expect(dup.errors[0].code).toBe('duplicate_in_load');
    const opened = await api('GET', `/v1/agency/job-offers/${good.offerNumber}`, { token: agency.token });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({
      version: 1,
      status: 'open',
      offer: { receivingOffice: { name: 'ハローワーク13010' }, validUntil: '2027-01-31', introductionDeadline: '2027-01-31' },
    });
    expect(opened.body.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('R-JOB-1 the same number again is unchanged, or a new version recording what changed', async () => {
    const row = offerRow({ notes: `${TAG} 版` });
    await loadOffers([row]);
    expect((await loadOffers([row])).body.results[0]).toMatchObject({ action: 'unchanged', version: 1 });
    const changed = await loadOffers([{ ...row, wage: { ...row.wage, min: 240000 } as never }]);
    expect(changed.body.results[0]).toMatchObject({ action: 'updated', version: 2, changed: ['賃金'] });
    expect((await api('GET', `/v1/agency/job-offers/${row.offerNumber}`, { token: agency.token })).body).toMatchObject({
      version: 2,
      offer: { wage: { min: 240000 } },
    });
  });

  it('R-JOB-1 a bureau loads and closes only the offers its own offices took', async () => {
    const osaka = await bureau('27');
    const res = await loadOffers(
      [offerRow({}, '13010'), offerRow({ workplace: { prefecture: '27', address: '大阪市北区1-1' } as never }, '27010')],
      { token: osaka },
    );
    expect(res.body.results.map((r: { ok: boolean }) => r.ok)).toEqual([false, true]);
    expect(res.body.results[0].errors[0].code).toBe('out_of_scope');
    const tokyoOffer = offerRow();
    await loadOffers([tokyoOffer]);
    expect((await api('DELETE', `/v1/admin/job-offers/${tokyoOffer.offerNumber}`, { token: osaka })).status).toBe(403);
    expect((await loadOffers([offerRow({}, '27010')], { token: osaka, query: 'snapshot=13' })).body.code).toBe('out_of_scope');
  });

  it('R-JOB-1 DELETE closes an offer: it leaves searches and cannot be opened', async () => {
    const row = offerRow({ notes: `${TAG} 終了` });
    await loadOffers([row]);
    expect(await numbersFound(agency.token, { q: `${TAG} 終了` })).toEqual([row.offerNumber]);
    expect((await api('DELETE', `/v1/admin/job-offers/${row.offerNumber}`, { token: await ministry() })).status).toBe(204);
    expect(await numbersFound(agency.token, { q: `${TAG} 終了` })).toEqual([]);
    const opened = await api('GET', `/v1/agency/job-offers/${row.offerNumber}`, { token: agency.token });
    expect(opened.status).toBe(410);
    expect(opened.body).toMatchObject({ code: 'offer_closed', closedReason: 'closed_by_bureau' });
    expect(JSON.stringify(opened.body)).not.toContain(row.employer!.name);
    expect((await api('DELETE', '/v1/admin/job-offers/13010-99999999', { token: await ministry() })).status).toBe(404);
  });

  it('R-JOB-1 a snapshot load closes the open offers of its office that it lacks, and only those', async () => {
    const office = '13020';
    const [kept, missing, other] = [
      offerRow({ notes: `${TAG} 全件` }, office),
      offerRow({ notes: `${TAG} 全件` }, office),
      offerRow({ notes: `${TAG} 全件` }, '13030'),
    ];
    await loadOffers([kept, missing, other]);
    const snap = await loadOffers([kept, offerRow({}, '13030')], { query: `snapshot=${office}` });
    expect(snap.body.results[1].errors[0].code).toBe('outside_snapshot');
    expect(snap.body.closed).toBe(1);
    const found = await numbersFound(agency.token, { q: `${TAG} 全件` });
    expect(found).toContain(kept.offerNumber);
    expect(found).toContain(other.offerNumber);
    expect(found).not.toContain(missing.offerNumber);
    expect((await api('GET', `/v1/agency/job-offers/${missing.offerNumber}`, { token: agency.token })).body.closedReason).toBe(
      'missing_from_snapshot',
    );
  });

  it('R-JOB-1 a snapshot in parts closes nothing until its last part, and a reload reopens a closed offer', async () => {
    const office = '13040';
    const [a, b, c] = [offerRow({}, office), offerRow({}, office), offerRow({}, office)];
    await loadOffers([a, b, c]);
    expect((await loadOffers([a], { query: `snapshot=${office}&snapshotId=nov30&complete=false` })).body.closed).toBe(0);
    expect((await loadOffers([b], { query: `snapshot=${office}&snapshotId=nov30` })).body.closed).toBe(1);
    expect((await api('GET', `/v1/agency/job-offers/${c.offerNumber}`, { token: agency.token })).status).toBe(410);
    expect((await loadOffers([c])).body.results[0]).toMatchObject({ action: 'reopened', version: 1 });
    expect((await api('GET', `/v1/agency/job-offers/${c.offerNumber}`, { token: agency.token })).status).toBe(200);
  });

  it('R-JOB-1 an offer whose workplace is in another prefecture is found there, and follows a move', async () => {
    const row = offerRow({
      notes: `${TAG} 越境`,
      workplace: { prefecture: '14', municipality: '14101', address: '横浜市鶴見区1-1' } as never,
    });
    await loadOffers([row]);
    expect(await numbersFound(agency.token, { prefecture: '14', q: `${TAG} 越境` })).toEqual([row.offerNumber]);
    expect(await numbersFound(agency.token, { prefecture: '13', q: `${TAG} 越境` })).toEqual([]);
    await loadOffers([{ ...row, workplace: { prefecture: '11', municipality: null, address: 'さいたま市1-1' } as never }]);
    expect(await numbersFound(agency.token, { prefecture: '14', q: `${TAG} 越境` })).toEqual([]);
    expect(await numbersFound(agency.token, { prefecture: '11', q: `${TAG} 越境` })).toEqual([row.offerNumber]);
    await api('DELETE', `/v1/admin/job-offers/${row.offerNumber}`, { token: await ministry() });
    expect(await numbersFound(agency.token, { prefecture: '11', q: `${TAG} 越境` })).toEqual([]);
  });
});

describe('R-JOB-1 agencies search offers', () => {
  it('R-JOB-1 filters by occupation, industry, municipality, employment type, wage and hours, and finds 1- and 2-character keywords', async () => {
    const care = offerRow({ notes: `${TAG} 検索`, job: { title: '介護職員', occupation: '050', description: '夜勤あり' } });
    const office = offerRow({
      notes: `${TAG} 検索`,
      job: { title: '一般事務', occupation: '025', description: '日勤のみ' },
      employer: { name: '株式会社あおぞら', industry: 'I', address: '東京都港区1-1', employees: 10 },
      employmentType: 'part_time',
      workplace: { prefecture: '13', municipality: '13103', address: '東京都港区1-1' } as never,
      wage: { ...care.wage, unit: 'hour', min: 1200, max: 1400, base: { min: 1200, max: 1400 } } as never,
      hours: { schedule: '09:00〜15:00', perWeek: 25, shift: false, overtime: 'なし' },
      qualifications: { required: [], experience: null },
    });
    await loadOffers([care, office]);
    const q = (more: Record<string, string>) => numbersFound(agency.token, { q: `${TAG} 検索`, ...more });
    expect(await q({ occupation: '050' })).toEqual([care.offerNumber]);
    expect(await q({ industry: 'I' })).toEqual([office.offerNumber]);
    expect(await q({ municipality: '13103' })).toEqual([office.offerNumber]);
    expect(await q({ employmentType: 'part_time' })).toEqual([office.offerNumber]);
    expect(await q({ wageUnit: 'month', wageMin: '250000' })).toEqual([care.offerNumber]);
    expect(await q({ hoursMax: '30' })).toEqual([office.offerNumber]);
    expect(await numbersFound(agency.token, { q: `${TAG} 検索 夜` })).toEqual([care.offerNumber]);
    expect(await numbersFound(agency.token, { q: `${TAG} 検索 事務` })).toEqual([office.offerNumber]);
    expect(await numbersFound(agency.token, { q: `${TAG} 検索 介護` })).toEqual([care.offerNumber]);
  });

  it('R-JOB-1 pages in a stable order with a cursor, at most 50 a page, summaries only', async () => {
    const rows = Array.from({ length: 5 }, () => offerRow({ notes: `${TAG} 頁` }));
    await loadOffers(rows);
    const first = await searchOffers(agency.token, { q: `${TAG} 頁`, limit: '2' });
    const second = await searchOffers(agency.token, { q: `${TAG} 頁`, limit: '2', cursor: first.body.nextCursor });
    const third = await searchOffers(agency.token, { q: `${TAG} 頁`, limit: '2', cursor: second.body.nextCursor });
    const all = [...first.body.items, ...second.body.items, ...third.body.items].map((i: { offerNumber: string }) => i.offerNumber);
    expect(new Set(all)).toEqual(new Set(rows.map((r) => r.offerNumber)));
    expect(third.body.nextCursor).toBeNull();
    expect(first.body.items[0].description).toBeUndefined();
    expect((await searchOffers(agency.token, { limit: '51' })).status).toBe(400);
    expect((await searchOffers(agency.token, { ageBand: '30-34' })).status).toBe(400);
  });
});

describe('R-JOB-1 offers close by themselves past their dates', () => {
  it('R-JOB-1 (scheduled work) open through the introduction deadline and the valid-until date, closed from 00:00 JST the day after', async () => {
    const byDeadline = offerRow({ notes: `${TAG} 期限`, validUntil: '2026-12-20', introductionDeadline: '2026-12-10' });
    const byValidity = offerRow({ notes: `${TAG} 期限`, validUntil: '2026-12-20', introductionDeadline: '2026-12-20' });
    await loadOffers([byDeadline, byValidity]);
    const status = (n: string) =>
      runInDurableObject(
        env.JOB_OFFER_SHARD.get(env.JOB_OFFER_SHARD.idFromName('13')),
        async (_o, state) =>
          state.storage.sql
            .exec<{ status: string; closed_reason: string | null }>('SELECT status, closed_reason FROM offers WHERE number = ?', n)
            .toArray()[0],
      );

    await setClock(jst('2026-12-10', '23:59'));
    let token = await signInAgency(agency);
    expect(await numbersFound(token, { q: `${TAG} 期限` })).toEqual(
      expect.arrayContaining([byDeadline.offerNumber, byValidity.offerNumber]),
    );
    await setClock(jst('2026-12-11', '00:00'));
    await closeLapsedOffers(env as unknown as Env, new Date(jst('2026-12-11', '00:00')));
    expect(await status(byDeadline.offerNumber)).toEqual({ status: 'closed', closed_reason: 'introduction_deadline_passed' });
    expect((await status(byValidity.offerNumber))!.status).toBe('open');
    await setClock(jst('2026-12-11', '09:00'));
    token = await signInAgency(agency);
    expect(await numbersFound(token, { q: `${TAG} 期限` })).toEqual([byValidity.offerNumber]);
    expect((await api('GET', `/v1/agency/job-offers/${byDeadline.offerNumber}`, { token })).body.closedReason).toBe(
      'introduction_deadline_passed',
    );

    await setClock(jst('2026-12-20', '23:59'));
    token = await signInAgency(agency);
    expect(await numbersFound(token, { q: `${TAG} 期限` })).toEqual([byValidity.offerNumber]);
    await setClock(jst('2026-12-21', '00:00'));
    await closeLapsedOffers(env as unknown as Env, new Date(jst('2026-12-21', '00:00')));
    expect(await status(byValidity.offerNumber)).toEqual({ status: 'closed', closed_reason: 'valid_until_passed' });
    await setClock(jst('2026-12-21', '09:00'));
    token = await signInAgency(agency);
    expect(await numbersFound(token, { q: `${TAG} 期限` })).toEqual([]);
    await setClock(jst('2026-11-27', '10:00'));
  });
});

describe('R-JOB-1 who may read offers', () => {
  it('R-JOB-1 R-ELIG-1 a school (Art. 33-2) reads offers but not the jobseeker feed', async () => {
    const school = await schoolAgency();
    const row = offerRow({ notes: `${TAG} 学校` });
    await loadOffers([row]);
    expect(await numbersFound(school.token, { q: `${TAG} 学校` })).toEqual([row.offerNumber]);
    expect((await api('GET', `/v1/agency/job-offers/${row.offerNumber}`, { token: school.token })).status).toBe(200);
    const feed = await api('GET', '/v1/agency/feed', { token: school.token });
    expect(feed.status).toBe(403);
    expect(feed.body.code).toBe('service_not_admitted');
  });

  it('R-JOB-1 an agency without the job-offer service, a suspended one, bureau staff and nobody get nothing', async () => {
    const seekerOnly = await admittedAgency({ services: ['jobseeker'] });
    expect((await searchOffers(seekerOnly.token, {})).body.code).toBe('service_not_admitted');
    const suspended = await admittedAgency();
    await api('POST', `/v1/admin/agencies/${suspended.id}/suspensions`, {
      token: await ministry(),
      body: { kind: 'until_corrected', reason: '確認のため' },
    });
    const res = await searchOffers(suspended.token, {});
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('agency_suspended');
    expect((await api('GET', '/v1/agency/job-offers/13010-00000001', { token: suspended.token })).body.code).toBe('agency_suspended');
    expect((await searchOffers(await ministry(), {})).body.code).toBe('wrong_role');
    expect((await api('GET', '/v1/agency/job-offers')).status).toBe(401);
  });
});
