/**
 * The role and prefecture matrix (R-SEC-2): every admin route against anonymous, a jobseeker, an
 * agency, bureau staff of another prefecture, and the ministry. The resources live in Osaka (27);
 * the "other prefecture" is Tokyo (13).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { api, bureau, jst, ministry, profileRow, setClock, unique } from './helpers';
import { agencyIn, eligibleBody, register, seekerIn, type Agency } from './bureau-helpers';

const TODAY = '2026-11-27';

type Request = { method: string; path: string; body?: unknown; raw?: string; type?: string };
type Case = {
  route: string;
  /** resource: other prefecture gets 403; list: 200 without the Osaka item; ministry: ministry only; staff: any staff. */
  kind: 'resource' | 'list' | 'ministry' | 'staff';
  ok: number;
  prepare: () => Promise<Request & { id?: string }>;
  listed?: (body: any, id: string) => boolean;
};

let tokens: { seeker: string; agency: string; other: string; own: string };

async function osakaAgency(): Promise<Agency> {
  return agencyIn('27');
}

async function osakaRegistration(): Promise<string> {
  return (await register(await eligibleBody('27'))).body.id;
}

async function changeRequest(agency: Agency): Promise<string> {
  return (await api('POST', '/v1/agency/change-requests', { token: agency.token, body: { handlesSubsidies: true } })).body.id;
}

async function renewal(agency: Agency): Promise<string> {
  return (await api('POST', '/v1/agency/renewals', { token: agency.token, body: { services: ['job_offer'] } })).body.id;
}

async function seekerComplaint(agency: Agency): Promise<string> {
  const seeker = await seekerIn('13');
  return (await api('POST', '/v1/seeker/complaints', { token: seeker.token, body: { agencyId: agency.id, content: '苦情です' } })).body.id;
}

const ids = (items: Array<{ id?: string; agencyId?: string }>) => items.map((i) => i.id ?? i.agencyId);

const cases: Case[] = [
  {
    route: 'POST /v1/admin/staff',
    kind: 'ministry',
    ok: 201,
    prepare: async () => ({
      method: 'POST',
      path: '/v1/admin/staff',
      body: { email: `${unique('s')}@mhlw.example.jp`, password: 'staff-password-0001', name: '職員', role: 'bureau', prefecture: '27' },
    }),
  },
  {
    route: 'GET /v1/admin/registrations',
    kind: 'list',
    ok: 200,
    prepare: async () => ({ method: 'GET', path: '/v1/admin/registrations', id: await osakaRegistration() }),
    listed: (b, id) => ids(b.items).includes(id),
  },
  {
    route: 'POST /v1/admin/registrations/{id}/accept',
    kind: 'resource',
    ok: 200,
    prepare: async () => ({ method: 'POST', path: `/v1/admin/registrations/${await osakaRegistration()}/accept`, body: {} }),
  },
  {
    route: 'POST /v1/admin/registrations/{id}/reject',
    kind: 'resource',
    ok: 200,
    prepare: async () => ({
      method: 'POST',
      path: `/v1/admin/registrations/${await osakaRegistration()}/reject`,
      body: { reason: '不備' },
    }),
  },
  {
    route: 'POST /v1/admin/registrations/{id}/form-received',
    kind: 'resource',
    ok: 200,
    prepare: async () => ({
      method: 'POST',
      path: `/v1/admin/registrations/${await osakaRegistration()}/form-received`,
      body: { receivedOn: TODAY },
    }),
  },
  {
    route: 'GET /v1/admin/procedures',
    kind: 'list',
    ok: 200,
    prepare: async () => ({ method: 'GET', path: '/v1/admin/procedures', id: await changeRequest(await osakaAgency()) }),
    listed: (b, id) => ids(b.items).includes(id),
  },
  {
    route: 'POST /v1/admin/change-requests/{id}/accept',
    kind: 'resource',
    ok: 200,
    prepare: async () => ({
      method: 'POST',
      path: `/v1/admin/change-requests/${await changeRequest(await osakaAgency())}/accept`,
      body: {},
    }),
  },
  {
    route: 'POST /v1/admin/change-requests/{id}/reject',
    kind: 'resource',
    ok: 200,
    prepare: async () => ({
      method: 'POST',
      path: `/v1/admin/change-requests/${await changeRequest(await osakaAgency())}/reject`,
      body: { reason: '不備' },
    }),
  },
  {
    route: 'POST /v1/admin/renewals/{id}/accept',
    kind: 'resource',
    ok: 200,
    prepare: async () => ({ method: 'POST', path: `/v1/admin/renewals/${await renewal(await osakaAgency())}/accept`, body: {} }),
  },
  {
    route: 'POST /v1/admin/renewals/{id}/reject',
    kind: 'resource',
    ok: 200,
    prepare: async () => ({
      method: 'POST',
      path: `/v1/admin/renewals/${await renewal(await osakaAgency())}/reject`,
      body: { reason: '不備' },
    }),
  },
  {
    route: 'GET /v1/admin/agencies/{id}',
    kind: 'resource',
    ok: 200,
    prepare: async () => ({ method: 'GET', path: `/v1/admin/agencies/${(await osakaAgency()).id}` }),
  },
  {
    route: 'POST /v1/admin/agencies/{id}/violations',
    kind: 'resource',
    ok: 201,
    prepare: async () => ({
      method: 'POST',
      path: `/v1/admin/agencies/${(await osakaAgency()).id}/violations`,
      body: { category: 'other', note: '違反' },
    }),
  },
  {
    route: 'POST /v1/admin/agencies/{id}/suspensions',
    kind: 'resource',
    ok: 200,
    prepare: async () => ({
      method: 'POST',
      path: `/v1/admin/agencies/${(await osakaAgency()).id}/suspensions`,
      body: { kind: 'temporary', reason: '確認' },
    }),
  },
  {
    route: 'DELETE /v1/admin/agencies/{id}/suspensions/current',
    kind: 'resource',
    ok: 200,
    prepare: async () => {
      const agency = await osakaAgency();
      await api('POST', `/v1/admin/agencies/${agency.id}/suspensions`, {
        token: await ministry(),
        body: { kind: 'temporary', reason: '確認' },
      });
      return { method: 'DELETE', path: `/v1/admin/agencies/${agency.id}/suspensions/current`, body: { reason: '確認済み' } };
    },
  },
  {
    route: 'POST /v1/admin/agencies/{id}/revocation',
    kind: 'resource',
    ok: 200,
    prepare: async () => ({ method: 'POST', path: `/v1/admin/agencies/${(await osakaAgency()).id}/revocation`, body: { reason: '悪質' } }),
  },
  {
    route: 'GET /v1/admin/agencies/{id}/complaints',
    kind: 'resource',
    ok: 200,
    prepare: async () => ({ method: 'GET', path: `/v1/admin/agencies/${(await osakaAgency()).id}/complaints` }),
  },
  {
    route: 'GET /v1/admin/complaints',
    kind: 'list',
    ok: 200,
    prepare: async () => ({ method: 'GET', path: '/v1/admin/complaints', id: await seekerComplaint(await osakaAgency()) }),
    listed: (b, id) => ids(b.items).includes(id),
  },
  {
    route: 'POST /v1/admin/complaints/{id}/forward',
    kind: 'resource',
    ok: 200,
    prepare: async () => ({ method: 'POST', path: `/v1/admin/complaints/${await seekerComplaint(await osakaAgency())}/forward`, body: {} }),
  },
  {
    route: 'GET /v1/admin/reports',
    kind: 'list',
    ok: 200,
    prepare: async () => ({ method: 'GET', path: '/v1/admin/reports?fiscalYear=2026', id: (await osakaAgency()).id }),
    listed: (b, id) => ids([...b.reported, ...b.missing]).includes(id),
  },
  { route: 'GET /v1/admin/audit', kind: 'ministry', ok: 200, prepare: async () => ({ method: 'GET', path: '/v1/admin/audit' }) },
  {
    route: 'GET /v1/admin/compromise-reports',
    kind: 'list',
    ok: 200,
    prepare: async () => {
      const agency = await osakaAgency();
      const id = (await api('POST', '/v1/me/compromise-reports', { token: agency.token, body: { note: '不審なサインイン' } })).body.id;
      return { method: 'GET', path: '/v1/admin/compromise-reports', id };
    },
    listed: (b, id) => ids(b.items).includes(id),
  },
  {
    route: 'PUT /v1/admin/feed/profiles',
    kind: 'list',
    ok: 200,
    prepare: async () => ({
      method: 'PUT',
      path: '/v1/admin/feed/profiles',
      raw: JSON.stringify(profileRow({ areas: [{ prefecture: '27' }] })),
      type: 'application/x-ndjson',
    }),
    listed: (b) => b.loaded === 1,
  },
  {
    route: 'DELETE /v1/admin/feed/profiles/{id}',
    kind: 'resource',
    ok: 204,
    prepare: async () => {
      const res = await api('PUT', '/v1/admin/feed/profiles', {
        token: await ministry(),
        raw: JSON.stringify(profileRow({ areas: [{ prefecture: '27' }] })),
        type: 'application/x-ndjson',
      });
      return { method: 'DELETE', path: `/v1/admin/feed/profiles/${res.body.results[0].id}` };
    },
  },
  {
    route: 'POST /v1/admin/agencies/{id}/sign-in-resets',
    kind: 'resource',
    ok: 201,
    prepare: async () => ({ method: 'POST', path: `/v1/admin/agencies/${(await osakaAgency()).id}/sign-in-resets` }),
  },
  {
    route: 'POST /v1/admin/feed/profiles/{id}/activation-code',
    kind: 'resource',
    ok: 201,
    prepare: async () => {
      const res = await api('PUT', '/v1/admin/feed/profiles', {
        token: await ministry(),
        raw: JSON.stringify(profileRow({ areas: [{ prefecture: '27' }] })),
        type: 'application/x-ndjson',
      });
      return { method: 'POST', path: `/v1/admin/feed/profiles/${res.body.results[0].id}/activation-code` };
    },
  },
  {
    route: 'DELETE /v1/admin/staff/{id}',
    kind: 'ministry',
    ok: 204,
    prepare: async () => {
      const res = await api('POST', '/v1/admin/staff', {
        token: await ministry(),
        body: { email: `${unique('s')}@mhlw.example.jp`, password: 'staff-password-0001', name: '職員', role: 'bureau', prefecture: '27' },
      });
      return { method: 'DELETE', path: `/v1/admin/staff/${res.body.id}` };
    },
  },
  {
    route: 'PUT /v1/admin/clock',
    kind: 'ministry',
    ok: 200,
    prepare: async () => ({ method: 'PUT', path: '/v1/admin/clock', body: { at: jst(TODAY, '10:00'), frozen: true } }),
  },
];

beforeAll(async () => {
  await setClock(jst(TODAY, '10:00'));
  tokens = {
    seeker: (await seekerIn('13')).token,
    agency: (await agencyIn('13')).token,
    other: await bureau('13'),
    own: await bureau('27'),
  };
});

describe('R-SEC-2 the role and prefecture matrix of the admin routes', () => {
  it.each(cases.map((c) => [c.route, c] as const))(
    'R-SEC-2 %s: anonymous 401, jobseeker 403, agency 403, other prefecture refused, ministry allowed',
    async (_route, c) => {
      const req = await c.prepare();
      const call = (token?: string) => api(req.method, req.path, { token, body: req.body, raw: req.raw, type: req.type });

      const anonymous = await call();
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.code).toBe('unauthenticated');
      for (const token of [tokens.seeker, tokens.agency]) {
        const res = await call(token);
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('wrong_role');
      }

      const other = await call(tokens.other);
      if (c.kind === 'resource') {
        expect(other.status).toBe(403);
        expect(other.body.code).toBe('out_of_scope');
      } else if (c.kind === 'ministry') {
        expect(other.status).toBe(403);
        expect(other.body.code).toBe('ministry_only');
      } else if (c.kind === 'list') {
        expect(other.status).toBe(200);
        expect(c.listed!(other.body, req.id ?? '')).toBe(false);
      } else {
        expect(other.status).toBe(c.ok);
      }

      const ministryRes = await call(await ministry());
      expect(ministryRes.status, JSON.stringify(ministryRes.body)).toBe(c.ok);
      if (c.kind === 'list') expect(c.listed!(ministryRes.body, req.id ?? '')).toBe(true);
    },
  );

  it('R-SEC-2 the bureau of the agency’s own prefecture is allowed what the other prefecture is refused', async () => {
    const agency = await osakaAgency();
    expect((await api('GET', `/v1/admin/agencies/${agency.id}`, { token: tokens.own })).status).toBe(200);
    expect(
      (await api('POST', `/v1/admin/agencies/${agency.id}/violations`, { token: tokens.own, body: { category: 'other', note: '違反' } }))
        .status,
    ).toBe(201);
    expect(
      (await api('POST', `/v1/admin/agencies/${agency.id}/suspensions`, { token: tokens.own, body: { kind: 'temporary', reason: '確認' } }))
        .status,
    ).toBe(200);
    const registrations = (await api('GET', '/v1/admin/registrations', { token: tokens.own })).body.items;
    expect(registrations.every((r: { prefecture: string }) => r.prefecture === '27')).toBe(true);
    const id = await osakaRegistration();
    expect((await api('POST', `/v1/admin/registrations/${id}/accept`, { token: tokens.own, body: {} })).status).toBe(200);
  });

  it('R-SEC-2 every admin route of the API is in the OpenAPI document', async () => {
    const doc = (await api('GET', '/v1/openapi.json')).body;
    const paths = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(paths).toEqual(
      expect.arrayContaining([
        ...cases.map((c) => c.route),
        'GET /v1/public/agencies',
        'GET /v1/public/revoked-agencies',
        'POST /v1/public/registrations',
        'POST /v1/agency/change-requests',
        'POST /v1/agency/renewals',
        'POST /v1/agency/withdrawal',
        'PUT /v1/agency/reports/{fiscalYear}',
        'GET /v1/agency/complaints',
        'POST /v1/agency/complaints',
        'PATCH /v1/agency/complaints/{id}',
        'POST /v1/seeker/complaints',
        'POST /v1/me/compromise-reports',
      ]),
    );
  });
});
