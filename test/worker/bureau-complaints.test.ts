import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api, bureau, jst, ministry, setClock } from './helpers';
import { agencyIn, register, eligibleBody, seekerIn, type Agency } from './bureau-helpers';

const TODAY = '2026-11-27';

beforeEach(async () => {
  await setClock(jst(TODAY, '10:00'));
});

describe('R-CMP-1 the agency’s complaint log', () => {
  let agency: Agency;
  beforeAll(async () => {
    await setClock(jst(TODAY, '10:00'));
    agency = await agencyIn('13');
  });

  it('R-CMP-1 records the day received, the content and the handling, and appends handling steps', async () => {
    const created = await api('POST', '/v1/agency/complaints', {
      token: agency.token,
      body: {
        receivedOn: '2026-11-26',
        from: 'jobseeker',
        content: '案内のメールが多すぎるとの苦情',
        handling: [{ on: '2026-11-26', note: '電話で事情を伺いました。' }],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      receivedOn: '2026-11-26',
      from: 'jobseeker',
      content: '案内のメールが多すぎるとの苦情',
      handling: [{ on: '2026-11-26' }],
    });
    const step = await api('PATCH', `/v1/agency/complaints/${created.body.id}`, {
      token: agency.token,
      body: { handling: { on: TODAY, note: '送信頻度を見直しました。' } },
    });
    expect(step.status).toBe(200);
    expect(step.body.handling.map((h: { note: string }) => h.note)).toEqual(['電話で事情を伺いました。', '送信頻度を見直しました。']);
    const log = await api('GET', '/v1/agency/complaints', { token: agency.token });
    expect(log.body.items[0]).toMatchObject({ id: created.body.id, handling: [{}, {}] });
  });

  it('R-CMP-1 refuses dates in the future, handling before receipt, and unknown entries', async () => {
    expect(
      (
        await api('POST', '/v1/agency/complaints', {
          token: agency.token,
          body: { receivedOn: '2026-11-28', from: 'employer', content: 'x' },
        })
      ).body.code,
    ).toBe('received_in_future');
    const created = (
      await api('POST', '/v1/agency/complaints', {
        token: agency.token,
        body: { receivedOn: TODAY, from: 'employer', content: '求人者からの苦情' },
      })
    ).body;
    expect(
      (
        await api('PATCH', `/v1/agency/complaints/${created.id}`, {
          token: agency.token,
          body: { handling: { on: '2026-11-26', note: 'x' } },
        })
      ).body.code,
    ).toBe('handled_before_received');
    expect(
      (
        await api('PATCH', `/v1/agency/complaints/${created.id}`, {
          token: agency.token,
          body: { handling: { on: '2026-11-28', note: 'x' } },
        })
      ).body.code,
    ).toBe('handled_in_future');
    expect(
      (await api('PATCH', '/v1/agency/complaints/C0000000000', { token: agency.token, body: { handling: { on: TODAY, note: 'x' } } }))
        .status,
    ).toBe(404);
    expect((await api('PATCH', `/v1/agency/complaints/${created.id}`, { token: agency.token, body: { content: '書き換え' } })).status).toBe(
      400,
    );
  });

  it('R-CMP-1 hands the log to the bureau of its prefecture on request, and the request is audited', async () => {
    const res = await api('GET', `/v1/admin/agencies/${agency.id}/complaints`, { token: await bureau('13') });
    expect(res.status).toBe(200);
    expect(res.body.log.length).toBeGreaterThanOrEqual(2);
    expect((await api('GET', `/v1/admin/agencies/${agency.id}/complaints`, { token: await bureau('27') })).status).toBe(403);
    const audit = (await api('GET', '/v1/admin/audit?action=complaints.read', { token: await ministry() })).body.items;
    expect(audit[0]).toMatchObject({ target: agency.id, action: 'complaints.read' });
  });
});

describe('R-CMP-1 a jobseeker complains to the bureau, which can pass it on', () => {
  let osakaAgency: Agency;
  let seeker: { profileId: string; token: string };
  let osaka: string;
  let tokyo: string;
  beforeAll(async () => {
    await setClock(jst(TODAY, '10:00'));
    osakaAgency = await agencyIn('27');
    seeker = await seekerIn('13');
    osaka = await bureau('27');
    tokyo = await bureau('13');
  });

  it('R-CMP-1 the complaint reaches the bureau of the agency’s prefecture, and only it (and the ministry)', async () => {
    const res = await api('POST', '/v1/seeker/complaints', {
      token: seeker.token,
      body: { agencyId: osakaAgency.id, content: 'セミナーへの参加を何度も勧められました。' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ agencyId: osakaAgency.id, profileId: seeker.profileId, forwardedAt: null, prefecture: '27' });
    const ids = async (token: string) => (await api('GET', '/v1/admin/complaints', { token })).body.items.map((c: { id: string }) => c.id);
    expect(await ids(osaka)).toContain(res.body.id);
    expect(await ids(await ministry())).toContain(res.body.id);
    expect(await ids(tokyo)).not.toContain(res.body.id);
  });

  it('R-CMP-1 refuses a complaint about an unknown agency, and an empty one', async () => {
    expect(
      (await api('POST', '/v1/seeker/complaints', { token: seeker.token, body: { agencyId: 'A0000000000', content: '苦情' } })).status,
    ).toBe(404);
    expect(
      (await api('POST', '/v1/seeker/complaints', { token: seeker.token, body: { agencyId: osakaAgency.id, content: '   ' } })).status,
    ).toBe(400);
  });

  it('R-CMP-1 the bureau passes it on: it lands in the agency’s log, without the jobseeker’s ID unless shared; once only', async () => {
    const filed = (
      await api('POST', '/v1/seeker/complaints', {
        token: seeker.token,
        body: { agencyId: osakaAgency.id, content: '在職中の会社に電話されました。' },
      })
    ).body;
    expect((await api('POST', `/v1/admin/complaints/${filed.id}/forward`, { token: tokyo, body: {} })).status).toBe(403);
    const fwd = await api('POST', `/v1/admin/complaints/${filed.id}/forward`, { token: osaka, body: { reason: '事実確認のため' } });
    expect(fwd.status).toBe(200);
    expect(fwd.body.complaint.forwardedAt).toEqual(expect.any(String));
    expect(fwd.body.agencyComplaint).toMatchObject({ from: 'bureau', receivedOn: TODAY, bureauComplaintId: filed.id });
    const log = (await api('GET', '/v1/agency/complaints', { token: osakaAgency.token })).body.items;
    const entry = log.find((e: { bureauComplaintId?: string }) => e.bureauComplaintId === filed.id);
    expect(entry.content).toContain('在職中の会社に電話されました。');
    expect(entry.content).not.toContain(seeker.profileId);
    expect((await api('POST', `/v1/admin/complaints/${filed.id}/forward`, { token: osaka, body: {} })).body.code).toBe('already_forwarded');
    const unforwarded = (await api('GET', '/v1/admin/complaints?forwarded=false', { token: osaka })).body.items.map(
      (c: { id: string }) => c.id,
    );
    expect(unforwarded).not.toContain(filed.id);
  });

  it('R-CMP-1 the bureau may pass on a summary and share the jobseeker’s ID when needed', async () => {
    const filed = (
      await api('POST', '/v1/seeker/complaints', {
        token: seeker.token,
        body: { agencyId: osakaAgency.id, content: '山田です。090-1234-5678 に何度も電話がありました。' },
      })
    ).body;
    const fwd = await api('POST', `/v1/admin/complaints/${filed.id}/forward`, {
      token: osaka,
      body: { summary: '電話連絡が多いとの申出', shareProfileId: true },
    });
    expect(fwd.body.agencyComplaint.content).toContain('電話連絡が多いとの申出');
    expect(fwd.body.agencyComplaint.content).not.toContain('090-1234-5678');
    expect(fwd.body.agencyComplaint.content).toContain(seeker.profileId);
  });
});

describe('R-SEC-1 reporting a suspected compromise', () => {
  it('R-SEC-1 an agency user reports: other sessions end, the report reaches staff of its prefecture', async () => {
    const agency = await agencyIn('27');
    const other = (await api('POST', '/v1/agency/sessions', { body: { email: agency.email, password: agency.password } })).body.token;
    const res = await api('POST', '/v1/me/compromise-reports', {
      token: agency.token,
      body: { note: '見覚えのないサインインの通知がありました', noticedAt: '2026-11-27T00:30:00.000Z' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      role: 'agency',
      accountId: agency.id,
      prefecture: '27',
      sessionsEnded: 1,
      noticedAt: '2026-11-27T00:30:00.000Z',
    });
    expect((await api('GET', '/v1/agency/me', { token: other })).status).toBe(401);
    expect((await api('GET', '/v1/agency/me', { token: agency.token })).status).toBe(200);
    const seen = async (token: string) =>
      (await api('GET', '/v1/admin/compromise-reports', { token })).body.items.map((r: { id: string }) => r.id);
    expect(await seen(await bureau('27'))).toContain(res.body.id);
    expect(await seen(await ministry())).toContain(res.body.id);
    expect(await seen(await bureau('13'))).not.toContain(res.body.id);
  });

  it('R-SEC-1 a jobseeker and a staff member can report too', async () => {
    const seeker = await seekerIn('14');
    const bySeeker = await api('POST', '/v1/me/compromise-reports', {
      token: seeker.token,
      body: { note: 'パスフレーズを他人に見られたかもしれません' },
    });
    expect(bySeeker.body).toMatchObject({ role: 'seeker', prefecture: '14' });
    const staff = await bureau('14');
    const byStaff = await api('POST', '/v1/me/compromise-reports', { token: staff, body: {} });
    expect(byStaff.status).toBe(201);
    expect(byStaff.body.role).toBe('staff');
    expect((await api('POST', '/v1/me/compromise-reports', { body: { note: 'x' } })).status).toBe(401);
  });
});

describe('R-SEC-4 the append-only audit log', () => {
  it('R-SEC-4 keeps who, what, on what, when and why for every staff action, readable by the ministry only', async () => {
    const staff = await bureau('13');
    const reg = (await register(await eligibleBody('13'))).body.id;
    await api('POST', `/v1/admin/registrations/${reg}/accept`, { token: staff, body: { reason: '申請書を受領し確認' } });
    const agencyId = (await api('GET', '/v1/admin/registrations', { token: staff })).body.items.find(
      (r: { id: string }) => r.id === reg,
    ).agencyId;
    await api('POST', `/v1/admin/agencies/${agencyId}/suspensions`, {
      token: staff,
      body: { kind: 'temporary', reason: '苦情の事実確認のため' },
    });

    const log = await api('GET', '/v1/admin/audit?limit=100', { token: await ministry() });
    expect(log.status).toBe(200);
    const accept = log.body.items.find((e: { action: string; target: string }) => e.action === 'registration.accept' && e.target === reg);
    expect(accept).toMatchObject({ reason: '申請書を受領し確認', at: '2026-11-27T01:00:00.000Z', details: { agencyId } });
    const suspension = log.body.items.find(
      (e: { action: string; target: string }) => e.action === 'suspension.impose' && e.target === agencyId,
    );
    expect(suspension).toMatchObject({ actor: accept.actor, reason: '苦情の事実確認のため', details: { kind: 'temporary' } });
    expect(accept.actor).toMatch(/^S/);

    const denied = await api('GET', '/v1/admin/audit', { token: staff });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('ministry_only');
  });

  it('R-SEC-4 offers no way to change or delete an entry, and earlier entries stay as they were', async () => {
    const token = await ministry();
    const before = (await api('GET', '/v1/admin/audit?limit=100', { token })).body.items;
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
      expect((await api(method, '/v1/admin/audit', { token, body: {} })).status).toBe(404);
      expect((await api(method, `/v1/admin/audit/${before[0].seq}`, { token, body: {} })).status).toBe(404);
    }
    await api('POST', '/v1/admin/staff', {
      token,
      body: {
        email: `audit${Date.now()}@mhlw.example.jp`,
        password: 'staff-password-0001',
        name: '監査 太郎',
        role: 'bureau',
        prefecture: '01',
      },
    });
    const after = (await api('GET', '/v1/admin/audit?limit=100', { token })).body.items;
    expect(after[0].seq).toBeGreaterThan(before[0].seq);
    expect(after[0]).toMatchObject({ action: 'staff.create' });
    for (const entry of before.slice(0, 50)) expect(after.find((e: { seq: number }) => e.seq === entry.seq)).toEqual(entry);
  });

  it('R-SEC-4 pages backwards with before=', async () => {
    const token = await ministry();
    const first = (await api('GET', '/v1/admin/audit?limit=2', { token })).body;
    expect(first.items).toHaveLength(2);
    const next = (await api('GET', `/v1/admin/audit?limit=2&before=${first.nextBefore}`, { token })).body;
    expect(next.items[0].seq).toBeLessThan(first.items[1].seq);
  });
});
