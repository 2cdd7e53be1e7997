// The worker's OpenAPI extension patches zod before any shared schema is built (routes call .openapi on them).
import '@hono/zod-openapi';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AGENCY_OFFER_LABEL,
  ADDITIONS_HEADING,
  HELLO_WORK_LABEL,
  missingNonOmittable,
  renderAdditions,
  verifyQuote,
} from '../../shared/rules/job-offers';
import { admittedAgency, api, jst, ministry, setClock, signInAgency } from './helpers';
import { loadOffers, offerRow, schoolAgency } from './job-offer-fixtures';

let agency: { id: string; token: string; email: string; password: string };

beforeAll(async () => {
  await setClock(jst('2026-11-27', '10:00'));
  agency = await admittedAgency();
});

async function loaded(overrides = {}) {
  const row = offerRow(overrides);
  const res = await loadOffers([row]);
  if (!res.body.results?.[0]?.ok) throw new Error(JSON.stringify(res.body));
  return row;
}

const quote = (number: string, token = agency.token, body: unknown = { jobseekerRef: 'K-0001' }) =>
  api('POST', `/v1/agency/job-offers/${number}/quotes`, { token, body });
const quotes = async (token = agency.token) => (await api('GET', '/v1/agency/quotes', { token })).body;
const consent = { by: '人事部 田中様', on: '2026-11-26', method: 'email' };
const order = (number: string, extra: Record<string, unknown> = {}) => ({
  offerNumber: number,
  employer: { name: '社会福祉法人さくら会' },
  acceptedOn: '2026-11-27',
  jobsHandled: { occupations: ['050'], prefectures: ['13'], text: '介護職員' },
  subsidies: { handles: false, kinds: [] },
  ...extra,
});

describe('R-JOB-2 quotes', () => {
  it('R-JOB-2 a quote is the exact latest content, its text matches its hash, with the Hello Work mark and every non-omittable item', async () => {
    const row = await loaded();
    const res = await quote(row.offerNumber, agency.token, {
      jobseekerRef: 'K-0001',
      introductionProcedure: '担当の佐藤までお申し出ください。',
    });
    expect(res.status).toBe(201);
    const opened = (await api('GET', `/v1/agency/job-offers/${row.offerNumber}`, { token: agency.token })).body;
    expect(res.body).toMatchObject({ version: 1, hash: opened.hash, presentedAs: 'hello_work', state: 'current', jobseekerRef: 'K-0001' });
    expect(res.body.offer).toEqual(opened.offer);
    expect(await verifyQuote({ text: res.body.text, offer: res.body.offer, hash: res.body.hash })).toBe(true);
    expect(res.body.text).toContain(HELLO_WORK_LABEL);
    expect(res.body.text).toContain('担当の佐藤までお申し出ください。');
    expect(missingNonOmittable(res.body.text)).toEqual([]);
  });

  it('R-JOB-2 R-JOB-7 a quote is for one named jobseeker of the agency', async () => {
    const row = await loaded();
    expect((await quote(row.offerNumber, agency.token, {})).status).toBe(400);
    expect((await quote(row.offerNumber, agency.token, { jobseekerRef: 'K-1', bulk: true })).status).toBe(400);
  });
});

describe('R-JOB-3 always the latest', () => {
  it('R-JOB-3 a changed offer marks older quotes stale with what changed; a new quote is current', async () => {
    const row = await loaded();
    const old = (await quote(row.offerNumber)).body;
    await loadOffers([{ ...row, wage: { ...row.wage, min: 240000 } as never, hours: { ...row.hours, overtime: 'あり　月平均10時間' } }]);
    const fresh = (await quote(row.offerNumber)).body;
    expect(fresh).toMatchObject({ version: 2, state: 'current' });
    const items = (await quotes()).items;
    expect(items.find((q: { id: string }) => q.id === old.id)).toMatchObject({
      state: 'stale',
      changed: ['就業時間', '賃金'],
      latestVersion: 2,
      version: 1,
    });
    expect(items.find((q: { id: string }) => q.id === fresh.id)).toMatchObject({ state: 'current', changed: [] });
  });

  it("R-JOB-3 a closed offer's quotes lose their content and it cannot be quoted again", async () => {
    const row = await loaded();
    const q = (await quote(row.offerNumber)).body;
    await api('DELETE', `/v1/admin/job-offers/${row.offerNumber}`, { token: await ministry() });
    const listed = (await quotes()).items.find((i: { id: string }) => i.id === q.id);
    expect(listed).toMatchObject({ state: 'closed', closedReason: 'closed_by_bureau', text: null, offer: null });
    expect((await quotes()).items.find((i: { id: string }) => i.id === q.id).text).toBeNull();
    const again = await quote(row.offerNumber);
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('offer_closed');
    const status = await api('GET', `/v1/agency/job-offers/status?number=${row.offerNumber}&number=13010-00000000`, {
      token: agency.token,
    });
    expect(status.body.items).toEqual([
      { offerNumber: row.offerNumber, status: 'closed', version: 1, hash: q.hash, closedReason: 'closed_by_bureau' },
      { offerNumber: '13010-00000000', status: 'unknown', version: null, hash: null, closedReason: null },
    ]);
  });
});

describe('R-JOB-4 additions', () => {
  it("R-JOB-4 an addition is refused without the employer's consent, or with an incomplete or future one", async () => {
    const row = await loaded();
    const none = await api('POST', `/v1/agency/job-offers/${row.offerNumber}/additions`, {
      token: agency.token,
      body: { text: '職場見学を当社が手配します。' },
    });
    expect(none.status).toBe(422);
    expect(none.body.code).toBe('employer_consent_required');
    const partial = await api('POST', `/v1/agency/job-offers/${row.offerNumber}/additions`, {
      token: agency.token,
      body: { text: 'x', consent: { by: '田中様' } },
    });
    expect(partial.body.code).toBe('employer_consent_required');
    const future = await api('POST', `/v1/agency/job-offers/${row.offerNumber}/additions`, {
      token: agency.token,
      body: { text: 'x', consent: { ...consent, on: '2026-11-28' } },
    });
    expect(future.body.code).toBe('consent_in_future');
    expect((await quotes()).additions.filter((a: { offerNumber: string }) => a.offerNumber === row.offerNumber)).toEqual([]);
  });

  it('R-JOB-4 an addition with consent is kept apart from the quote and shown after it under its heading', async () => {
    const row = await loaded();
    const q = (await quote(row.offerNumber)).body;
    const res = await api('POST', `/v1/agency/job-offers/${row.offerNumber}/additions`, {
      token: agency.token,
      body: { text: '職場見学を当社が手配します。', consent },
    });
    expect(res.status).toBe(201);
    expect(res.body.consent).toEqual(consent);
    const list = await quotes();
    const mine = list.additions.filter((a: { offerNumber: string }) => a.offerNumber === row.offerNumber);
    expect(mine).toHaveLength(1);
    expect(list.items.find((i: { id: string }) => i.id === q.id).text).not.toContain('職場見学');
    expect(await verifyQuote({ text: q.text, offer: q.offer, hash: q.hash })).toBe(true);
    expect(renderAdditions(mine)).toContain(ADDITIONS_HEADING);
  });
});

describe('R-JOB-5 changes and cancellations', () => {
  it('R-JOB-5 asks the agency to have the employer tell the receiving office, then records that it did', async () => {
    const row = await loaded();
    const body = { kind: 'change', learned: '賃金が上がると聞いた', learnedOn: '2026-11-26' };
    const asked = await api('POST', `/v1/agency/job-offers/${row.offerNumber}/change-reports`, { token: agency.token, body });
    expect(asked.status).toBe(422);
    expect(asked.body.code).toBe('employer_not_asked');
    expect(asked.body.detail).toContain('ハローワーク13010');
    expect(asked.body.receivingOffice.code).toBe('13010');
    const done = await api('POST', `/v1/agency/job-offers/${row.offerNumber}/change-reports`, {
      token: agency.token,
      body: { ...body, employerAskedOn: '2026-11-27' },
    });
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ employerAskedOn: '2026-11-27', receivingOffice: { name: 'ハローワーク13010' } });
    expect((await api('GET', '/v1/agency/change-reports', { token: agency.token })).body.items.map((r: { id: string }) => r.id)).toContain(
      done.body.id,
    );
  });
});

describe('R-JOB-6 orders and the statement', () => {
  it("R-JOB-6 a paid agency's order needs its fees; the statement has every part, and the offer becomes the agency's own", async () => {
    const row = await loaded();
    const before = (await quote(row.offerNumber)).body;
    expect((await api('POST', '/v1/agency/job-orders', { token: agency.token, body: order(row.offerNumber) })).body.code).toBe(
      'fees_required',
    );
    const res = await api('POST', '/v1/agency/job-orders', {
      token: agency.token,
      body: order(row.offerNumber, { fees: { text: '理論年収の20%' }, subsidies: { handles: true, kinds: ['トライアル雇用助成金'] } }),
    });
    expect(res.status).toBe(201);
    expect(res.body.statement.parts.map((p: { key: string }) => p.key)).toEqual([
      'jobs',
      'fees',
      'complaints',
      'employer_information',
      'jobseeker_information',
      'subsidies',
    ]);
    expect(res.body.statement.text).toContain('理論年収の20%');
    expect(res.body.statement.text).toContain('トライアル雇用助成金');
    const statement = await api('GET', `/v1/agency/job-orders/${res.body.id}/statement`, { token: agency.token });
    expect(statement.body).toEqual(res.body.statement);
    const after = (await quote(row.offerNumber)).body;
    expect(after.presentedAs).toBe('agency');
    expect(after.text).toContain(AGENCY_OFFER_LABEL);
    expect(after.text).not.toContain(HELLO_WORK_LABEL);
    expect((await quotes()).items.find((q: { id: string }) => q.id === before.id)).toMatchObject({
      state: 'stale',
      changed: ['表示（当社が受理した求人への切替）'],
    });
  });

  it('R-JOB-6 a free agency (a school) states no fees, and names its complaints handling when it registered no officer', async () => {
    const school = await schoolAgency();
    const row = await loaded();
    expect(
      (await api('POST', '/v1/agency/job-orders', { token: school.token, body: order(row.offerNumber, { fees: { text: '10%' } }) })).body
        .code,
    ).toBe('fees_not_allowed');
    expect((await api('POST', '/v1/agency/job-orders', { token: school.token, body: order(row.offerNumber) })).body.code).toBe(
      'complaints_officer_required',
    );
    const res = await api('POST', '/v1/agency/job-orders', {
      token: school.token,
      body: order(row.offerNumber, {
        complaints: { officer: 'キャリアセンター 鈴木', contact: '03-0000-0000', procedure: '窓口で受け付けます。' },
      }),
    });
    expect(res.status).toBe(201);
    const fees = res.body.statement.parts.find((p: { key: string }) => p.key === 'fees');
    expect(fees.body).toContain('手数料をいただきません');
    expect(res.body.statement.parts.find((p: { key: string }) => p.key === 'subsidies').body).toBe(
      '当社は雇用関係助成金を取り扱いません。',
    );
  });

  it("R-JOB-6 R-REP-1 hires through the service count in the year's report", async () => {
    const row = await loaded();
    const o = (await api('POST', '/v1/agency/job-orders', { token: agency.token, body: order(row.offerNumber, { fees: { text: '20%' } }) }))
      .body;
    expect(
      (await api('POST', `/v1/agency/job-orders/${o.id}/hires`, { token: agency.token, body: { hiredOn: '2026-11-27', fee: 600000 } }))
        .status,
    ).toBe(201);
    expect((await api('GET', '/v1/agency/job-offer-usage/2026', { token: agency.token })).body).toEqual({
      fiscalYear: 2026,
      hires: 1,
      feeTotal: 600000,
    });
    await setClock(jst('2027-04-01', '10:00'));
    const token = await signInAgency(agency);
    const zeros = {
      jobOffer: { hires: 0, feeTotal: 0 },
      jobseeker: { newApplications: 0, jobseekerFees: { total: 0, count: 0 }, employerFees: { total: 0, count: 0 } },
    };
    const low = await api('PUT', '/v1/agency/reports/2026', { token, body: zeros });
    expect(low.status).toBe(422);
    expect(low.body.code).toBe('report_below_recorded_hires');
    const ok = await api('PUT', '/v1/agency/reports/2026', { token, body: { ...zeros, jobOffer: { hires: 1, feeTotal: 600000 } } });
    expect(ok.status).toBe(201);
    await setClock(jst('2026-11-27', '10:00'));
    agency.token = await signInAgency(agency);
  });
});

describe("R-JOB-7 offers go only to the agency's own jobseekers", () => {
  it('R-JOB-7 no public or jobseeker route serves offers, and the API documents none', async () => {
    const row = await loaded();
    expect((await api('GET', `/v1/public/job-offers/${row.offerNumber}`)).status).toBe(404);
    expect((await api('GET', `/v1/agency/job-offers/${row.offerNumber}`)).status).toBe(401);
    expect((await api('GET', `/v1/agency/job-offers/${row.offerNumber}`, { token: await ministry() })).body.code).toBe('wrong_role');
    const doc = (await api('GET', '/v1/openapi.json')).body;
    const offerPaths = Object.keys(doc.paths).filter((p) => /job-off|quote|job-order/.test(p));
    expect(offerPaths.length).toBeGreaterThan(5);
    for (const p of offerPaths) expect(p).toMatch(/^\/v1\/(agency|admin)\//);
    expect(Object.keys(doc.paths).filter((p) => /export|bulk/.test(p))).toEqual([]);
  });
});
