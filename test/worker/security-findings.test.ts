/**
 * The smaller findings of the security review, each proved from the attacker's side: staff
 * sign-ins and reads of personal-data lists are audited (R-SEC-4), complaints forwarded to an
 * agency carry no contact details (R-CMP-1, R-MSG-4), and the jobseeker's object refuses agency
 * readers of a blocked conversation even when the agency's object never heard of the block
 * (R-BLOCK-1).
 */
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { admittedAgency, api, bureau, jst, ministry, setClock } from './helpers';
import { agencyIn, seekerIn } from './bureau-helpers';
import { jobseeker, openConversation } from './messaging-fixtures';

const bindings = env as unknown as Env;
const TODAY = '2027-08-02';

describe('smaller findings of the security review', () => {
  beforeAll(async () => setClock(jst(TODAY, '10:00')));

  it('R-SEC-4 reads of lists that hold personal data are audited, with who read what', async () => {
    const officer = await bureau('13');
    for (const path of ['/v1/admin/registrations', '/v1/admin/complaints', '/v1/admin/compromise-reports']) {
      expect((await api('GET', path, { token: officer })).status).toBe(200);
    }
    const agency = await agencyIn('13');
    expect((await api('GET', `/v1/admin/agencies/${agency.id}`, { token: officer })).status).toBe(200);
    // The agency's complaint log holds what jobseekers wrote about it.
    expect((await api('GET', `/v1/admin/agencies/${agency.id}/complaints`, { token: officer })).status).toBe(200);
    const audit = (await api('GET', '/v1/admin/audit?action=personal_data.read&limit=50', { token: await ministry() })).body
      .items as Array<{ target: string; actor: string }>;
    const targets = audit.map((e) => e.target);
    for (const t of [
      '/v1/admin/registrations',
      '/v1/admin/complaints',
      '/v1/admin/compromise-reports',
      `/v1/admin/agencies/${agency.id}`,
      `/v1/admin/agencies/${agency.id}/complaints`,
    ])
      expect(targets).toContain(t);
  }, 30_000);

  it('R-CMP-1 a complaint whose text holds contact details is not forwarded as it is; a clean summary is', async () => {
    const agency = await agencyIn('13');
    const seeker = await seekerIn('13');
    const filed = (
      await api('POST', '/v1/seeker/complaints', {
        token: seeker.token,
        body: { agencyId: agency.id, content: '連絡は yamada.hanako@example.jp か 090-1234-5678 へお願いします。' },
      })
    ).body;
    const officer = await bureau('13');
    const raw = await api('POST', `/v1/admin/complaints/${filed.id}/forward`, { token: officer, body: {} });
    expect(raw.status).toBe(422);
    expect(raw.body.code).toBe('contact_details_not_allowed');
    const leaky = await api('POST', `/v1/admin/complaints/${filed.id}/forward`, {
      token: officer,
      body: { summary: '折り返しは 03-9876-5432 まで' },
    });
    expect(leaky.status).toBe(422);
    const clean = await api('POST', `/v1/admin/complaints/${filed.id}/forward`, {
      token: officer,
      body: { summary: '連絡方法についての申出' },
    });
    expect(clean.status).toBe(200);
    expect(clean.body.agencyComplaint.content).not.toMatch(/090|yamada/);
  }, 30_000);

  it('R-BLOCK-1 the jobseeker’s object refuses the agency a blocked conversation even if the agency’s object missed the block', async () => {
    const agency = await admittedAgency();
    const seeker = await jobseeker();
    const id = await openConversation(agency, seeker);
    // An open conversation: the agency reads it.
    expect((await api('GET', `/v1/agency/conversations/${id}`, { token: agency.token })).status).toBe(200);
    // The block reached the jobseeker's object, but the calls to the agency's object and the shards failed.
    const now = Date.parse((await api('GET', '/v1/health')).body.now);
    await bindings.SEEKER.get(bindings.SEEKER.idFromName(seeker.profileId)).block(agency.id, 'テスト人材', now);
    const read = await api('GET', `/v1/agency/conversations/${id}`, { token: agency.token });
    expect(read.status).toBe(404);
    expect(JSON.stringify(read.body)).not.toContain('はじめまして');
  }, 30_000);

  it('R-BLOCK-1 the jobseeker’s object refuses the agency a closed conversation even if the agency’s object still lists it', async () => {
    const agency = await admittedAgency();
    const seeker = await jobseeker();
    const id = await openConversation(agency, seeker);
    expect((await api('GET', `/v1/agency/conversations/${id}`, { token: agency.token })).status).toBe(200);
    // The conversation ended at the jobseeker's object (R-RET-3 closing), but the agency's index was not told.
    const now = Date.parse((await api('GET', '/v1/health')).body.now);
    await bindings.SEEKER.get(bindings.SEEKER.idFromName(seeker.profileId)).closeConversations(agency.id, 'R-RET-3', now);
    const read = await api('GET', `/v1/agency/conversations/${id}`, { token: agency.token });
    expect(read.status).toBe(404);
    expect(JSON.stringify(read.body)).not.toContain('はじめまして');
  }, 30_000);
});
