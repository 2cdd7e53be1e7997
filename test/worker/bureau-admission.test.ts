import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exampleMandatoryInformation, exampleOfficer } from '../../shared/schemas/examples';
import { api, bureau, jst, ministry, setClock } from './helpers';
import {
  acquireProfile,
  adminAgency,
  agencyIn,
  bodyIn,
  directoryEntry,
  eligibleBody,
  eventsOf,
  licenceNumber,
  refresh,
  register,
  seekerIn,
} from './bureau-helpers';

const TODAY = '2026-11-27'; // a Friday
const regular = (placedOn: string, fixedTermMonths: number | null = null, seasonal = false) => ({ placedOn, fixedTermMonths, seasonal });

beforeEach(async () => {
  await setClock(jst(TODAY, '10:00'));
});

describe('R-ELIG-1 licence kinds and services', () => {
  it.each(['paid', 'free', 'special'] as const)('R-ELIG-1 admits a %s agency to both services', async (kind) => {
    const res = await register(await eligibleBody('13', { licence: { kind, number: licenceNumber() } }));
    expect(res.status).toBe(201);
  });

  it('R-ELIG-1 admits a university to the job-offer service only', async () => {
    const school = { kind: 'school' as const, number: licenceNumber(), schoolKind: 'university' as const };
    const jobOffer = await register(
      bodyIn('13', { licence: school, services: ['job_offer'], mandatoryInformation: undefined, placements: [] }),
    );
    expect(jobOffer.status).toBe(201);
    const jobseeker = await register(await eligibleBody('13', { licence: { ...school, number: licenceNumber() } }));
    expect(jobseeker.status).toBe(422);
    expect(jobseeker.body.code).toBe('licence_not_eligible');
    expect(jobseeker.body.detail).toContain('学校等');
  });

  it.each(['junior_high', 'high_school', 'secondary_education'] as const)(
    'R-ELIG-1 refuses a school of kind %s (中学校・高等学校を除く)',
    async (schoolKind) => {
      const res = await register(
        bodyIn('13', { licence: { kind: 'school', number: licenceNumber(), schoolKind }, services: ['job_offer'], placements: [] }),
      );
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('school_not_eligible');
    },
  );

  it('R-ELIG-1 asks a school which kind of school it is', async () => {
    const res = await register(bodyIn('13', { licence: { kind: 'school', number: licenceNumber() }, services: ['job_offer'] }));
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain('licence.schoolKind');
  });
});

describe('R-ELIG-2 a regular placement within the 3 months before the application', () => {
  it.each([
    ['on the application day', regular(TODAY), 201],
    ['on the first day of the window (same day 3 months before)', regular('2026-08-27'), 201],
    ['the day before the window', regular('2026-08-26'), 422],
    ['a fixed term of 4 months', regular('2026-11-01', 4), 201],
    ['a fixed term of 3 months', regular('2026-11-01', 3), 422],
    ['seasonal work', regular('2026-11-01', null, true), 422],
    ['dated after the application day', regular('2026-11-28'), 422],
  ])('R-ELIG-2 with a placement %s answers %i', async (_label, placement, status) => {
    const res = await register(bodyIn('13', { placements: [placement] }));
    expect(res.status).toBe(status);
    if (status === 422) {
      expect(res.body.code).toBe('no_qualifying_placement');
      expect(res.body.detail).toContain('常用');
    }
  });

  it('R-ELIG-2 asks for no placement for the job-offer service alone', async () => {
    expect((await register(bodyIn('13', { services: ['job_offer'], placements: [] }))).status).toBe(201);
  });
});

describe('R-ELIG-3 agencies under an order', () => {
  it.each([[{ suspensionOrder: true, improvementOrderUnremedied: false }], [{ suspensionOrder: false, improvementOrderUnremedied: true }]])(
    'R-ELIG-3 refuses an agency under a business-suspension or unremedied improvement order (%o)',
    async (onOrder) => {
      const res = await register(await eligibleBody('13', { onOrder }));
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('under_order');
      expect(res.body.detail).toMatch(/事業停止命令|業務改善命令/);
    },
  );

  it('R-ELIG-3 keeps a suspended agency from registering again under a new email', async () => {
    const body = await eligibleBody('13');
    const agency = await agencyIn('13', { licence: body.licence });
    await api('POST', `/v1/admin/agencies/${agency.id}/suspensions`, {
      token: await ministry(),
      body: { kind: 'until_corrected', reason: '是正要請中' },
    });
    const again = await register(await eligibleBody('13', { licence: body.licence }));
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('agency_suspended');
  });
});

describe('R-ROLE-1 liaison and personal-information officers', () => {
  it('R-ROLE-1 lets one full-time person hold both roles', async () => {
    const res = await register(await eligibleBody('13', { liaisonOfficer: exampleOfficer, privacyOfficer: exampleOfficer }));
    expect(res.status).toBe(201);
  });

  it('R-ROLE-1 refuses an officer who is not full-time, or a missing officer', async () => {
    const partTime = await register(await eligibleBody('13', { privacyOfficer: { ...exampleOfficer, fullTime: false as never } }));
    expect(partTime.status).toBe(400);
    expect(partTime.body.errors.map((e: { path: string }) => e.path)).toContain('privacyOfficer.fullTime');
    const { liaisonOfficer: _l, ...without } = await eligibleBody('13');
    const missing = await register(without as never);
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { path: string }) => e.path)).toContain('liaisonOfficer');
  });

  it('R-ROLE-1 shows both officers to the bureau', async () => {
    const agency = await agencyIn('13', { privacyOfficer: { ...exampleOfficer, name: '鈴木 個人' } });
    const detail = await adminAgency(agency.id);
    expect(detail.liaisonOfficer.name).toBe(exampleOfficer.name);
    expect(detail.privacyOfficer.name).toBe('鈴木 個人');
  });
});

describe('R-APP-1 a registration is completed within 14 days or deleted', () => {
  it('R-APP-1 answers the submission deadline (14 days counted from the day after) and the deletion date (2026-11-27 → 2026-12-11, 2026-12-12)', async () => {
    const res = await register(await eligibleBody());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'pending', completionDeadline: '2026-12-11', deletionDate: '2026-12-12' });
  });

  it('R-APP-1 rolls the submission deadline back over the year-end break but not the deletion date (2026-12-18 → 2026-12-28, 2027-01-02)', async () => {
    await setClock(jst('2026-12-18'));
    const res = await register(await eligibleBody());
    expect(res.body).toMatchObject({ completionDeadline: '2026-12-28', deletionDate: '2027-01-02' });
    const token = await ministry();
    const listed = (await api('GET', '/v1/admin/registrations?status=pending', { token })).body.items.find(
      (r: { id: string }) => r.id === res.body.id,
    );
    expect(listed).toMatchObject({ deadline: '2026-12-28', deletionDate: '2027-01-02' });
  });

  it('R-APP-1 keeps a registration registered 2026-12-18 through 2027-01-01 and deletes it on 2027-01-02', async () => {
    await setClock(jst('2026-12-18'));
    const id = (await register(await eligibleBody())).body.id;
    const ids = async () =>
      (await api('GET', '/v1/admin/registrations', { token: await ministry() })).body.items.map((r: { id: string }) => r.id);
    await setClock(jst('2026-12-29', '10:00'));
    expect(await ids()).toContain(id);
    // Past the submission deadline and with no form received, the bureau can no longer accept it.
    expect((await api('POST', `/v1/admin/registrations/${id}/accept`, { token: await ministry(), body: {} })).body.code).toBe(
      'registration_expired',
    );
    await setClock(jst('2027-01-01', '23:59'));
    expect(await ids()).toContain(id);
    await setClock(jst('2027-01-02', '00:00'));
    expect(await ids()).not.toContain(id);
  });

  it('R-APP-1 deletes by itself on the 15th day, and never a registration whose form arrived in time', async () => {
    const unanswered = (await register(await eligibleBody())).body.id;
    const formInTime = (await register(await eligibleBody())).body.id;
    const token = await ministry();
    expect(
      (await api('POST', `/v1/admin/registrations/${formInTime}/form-received`, { token, body: { receivedOn: '2026-12-10' } })).status,
    ).toBe(422); // not yet
    expect((await api('POST', `/v1/admin/registrations/${formInTime}/form-received`, { token, body: { receivedOn: TODAY } })).status).toBe(
      200,
    );

    await setClock(jst('2026-12-12', '00:00')); // the deletion date of 2026-11-27
    const after = (await api('GET', '/v1/admin/registrations', { token })).body.items.map((r: { id: string }) => r.id);
    expect(after).not.toContain(unanswered);
    expect(after).toContain(formInTime);
    const late = await api('POST', `/v1/admin/registrations/${unanswered}/accept`, { token, body: {} });
    expect(late.status).toBe(404);
    expect(late.body.code).toBe('registration_not_found');
    // A form received in time is still completed after the deadline, however slow the bureau (decision 2).
    await setClock(jst('2027-01-20'));
    expect((await api('POST', `/v1/admin/registrations/${formInTime}/accept`, { token: await ministry(), body: {} })).status).toBe(200);
  });

  it('R-APP-1 lets the bureau reject a registration with a reason, once', async () => {
    const id = (await register(await eligibleBody())).body.id;
    const token = await ministry();
    expect((await api('POST', `/v1/admin/registrations/${id}/reject`, { token, body: {} })).status).toBe(400);
    const rejected = await api('POST', `/v1/admin/registrations/${id}/reject`, { token, body: { reason: '申請書の記載に不備があります' } });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionReason: '申請書の記載に不備があります' });
    expect((await api('POST', `/v1/admin/registrations/${id}/accept`, { token, body: {} })).body.code).toBe('registration_decided');
  });
});

describe('R-APP-4 change requests take effect when the bureau accepts them', () => {
  const newInfo = { ...exampleMandatoryInformation, feesToJobseekers: { hasFees: true, text: '求職受付手数料 660円（税込）' } };

  it('R-APP-4 records a change request, changes nothing until accepted, then installs a new mandatory-information version', async () => {
    const agency = await agencyIn('13');
    const filed = await api('POST', '/v1/agency/change-requests', {
      token: agency.token,
      body: { mandatoryInformation: newInfo, organisation: { name: '新社名人材株式会社', address: '東京都港区1-1' }, note: '手数料の変更' },
    });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ kind: 'change', status: 'pending', deadline: '2026-12-11' });
    const before = await api('GET', '/v1/agency/me', { token: agency.token });
    expect(before.body.mandatoryInformation.version).toBe(1);
    expect(before.body.name).not.toBe('新社名人材株式会社');
    expect((await directoryEntry(agency.id))?.name).not.toBe('新社名人材株式会社');

    const accepted = await api('POST', `/v1/admin/change-requests/${filed.body.id}/accept`, {
      token: await ministry(),
      body: { reason: '変更届を確認' },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ mandatoryInformationVersion: 2, procedure: { status: 'accepted' } });
    const after = await api('GET', '/v1/agency/me', { token: agency.token });
    expect(after.body.mandatoryInformation).toMatchObject({ version: 2, content: { feesToJobseekers: { hasFees: true } } });
    expect(after.body.name).toBe('新社名人材株式会社');
    expect(await directoryEntry(agency.id)).toMatchObject({ name: '新社名人材株式会社', address: '東京都港区1-1' });
    expect((await eventsOf(agency)).some((e) => e.type === 'mandatory_info_changed' && e.details.version === 2)).toBe(true);
  });

  it('R-APP-4 an accepted change of mandatory information reaches every open conversation (R-MSG-3)', async () => {
    const agency = await agencyIn('13');
    const seeker = await seekerIn('13');
    const first = await api('POST', '/v1/agency/conversations', {
      token: agency.token,
      body: { profileId: seeker.profileId, body: 'はじめまして。求人をご紹介できます。', idempotencyKey: `k${Date.now()}` },
    });
    expect(first.status).toBe(201);
    const filed = await api('POST', '/v1/agency/change-requests', { token: agency.token, body: { mandatoryInformation: newInfo } });
    const accepted = await api('POST', `/v1/admin/change-requests/${filed.body.id}/accept`, { token: await ministry(), body: {} });
    expect(accepted.body).toMatchObject({ mandatoryInformationVersion: 2, notified: 1 });
  });

  it('R-MSG-3 an accepted change of privacy officer is a new mandatory-information version, with notices to open conversations (R-MSG-1)', async () => {
    const agency = await agencyIn('13');
    const seeker = await seekerIn('13');
    const first = await api('POST', '/v1/agency/conversations', {
      token: agency.token,
      body: { profileId: seeker.profileId, body: 'はじめまして。求人をご紹介できます。', idempotencyKey: `k${Date.now()}` },
    });
    expect(first.body.message.mandatoryInformation.content.complaintsOfficer).toEqual({
      name: exampleOfficer.name,
      contact: { kind: 'phone', value: exampleOfficer.phone },
    });
    const officer = { ...exampleOfficer, name: '鈴木 次郎', phone: '03-5555-0101' };
    const filed = await api('POST', '/v1/agency/change-requests', { token: agency.token, body: { privacyOfficer: officer } });
    expect(filed.status).toBe(201);
    const accepted = await api('POST', `/v1/admin/change-requests/${filed.body.id}/accept`, { token: await ministry(), body: {} });
    expect(accepted.body).toMatchObject({ mandatoryInformationVersion: 2, notified: 1 });
    const me = await api('GET', '/v1/agency/me', { token: agency.token });
    expect(me.body.mandatoryInformation).toMatchObject({
      version: 2,
      content: {
        complaintsOfficer: { name: '鈴木 次郎', contact: { kind: 'phone', value: '03-5555-0101' } },
        feesToJobseekers: exampleMandatoryInformation.feesToJobseekers,
      },
    });
    const thread = await api('GET', `/v1/seeker/conversations/${first.body.conversationId}`, { token: seeker.token });
    const notice = thread.body.messages.at(-1);
    expect(notice).toMatchObject({ from: 'system', notice: 'mandatory_info_changed', mandatoryInformation: { version: 2 } });
    expect(notice.body).toContain('鈴木 次郎');
  });

  it('R-MSG-1 refuses a separately typed complaints officer in mandatory information', async () => {
    const agency = await agencyIn('13');
    const typed = {
      ...exampleMandatoryInformation,
      complaintsOfficer: { name: '佐藤 一郎', contact: { kind: 'phone', value: '03-1234-5679' } },
    };
    expect((await api('POST', '/v1/agency/change-requests', { token: agency.token, body: { mandatoryInformation: typed } })).status).toBe(
      400,
    );
    expect((await register(await eligibleBody('13', { mandatoryInformation: typed as never }))).status).toBe(400);
  });

  it('R-APP-4 keeps applications, changes, renewals and withdrawals as separate records', async () => {
    const agency = await agencyIn('13');
    await api('POST', '/v1/agency/change-requests', {
      token: agency.token,
      body: { contactMethods: [{ kind: 'phone', value: '03-9999-0000' }] },
    });
    await api('POST', '/v1/agency/renewals', {
      token: agency.token,
      body: { services: ['job_offer', 'jobseeker'], placements: [regular(TODAY)] },
    });
    const second = await api('POST', '/v1/agency/change-requests', { token: agency.token, body: { handlesSubsidies: true } });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('procedure_pending');
    const mine = await api('GET', '/v1/agency/procedures', { token: agency.token });
    expect(mine.body.items.map((p: { kind: string }) => p.kind).sort()).toEqual(['change', 'renewal']);
    const listed = await api('GET', '/v1/admin/procedures?status=pending', { token: await ministry() });
    expect(listed.body.items.filter((p: { agencyId: string }) => p.agencyId === agency.id)).toHaveLength(2);
  });

  it('R-APP-4 refuses an empty change, and a rejected change changes nothing', async () => {
    const agency = await agencyIn('13');
    expect((await api('POST', '/v1/agency/change-requests', { token: agency.token, body: { note: 'なし' } })).status).toBe(400);
    const filed = await api('POST', '/v1/agency/change-requests', {
      token: agency.token,
      body: { contactMethods: [{ kind: 'phone', value: '03-9999-0001' }] },
    });
    const rejected = await api('POST', `/v1/admin/change-requests/${filed.body.id}/reject`, {
      token: await ministry(),
      body: { reason: '確認できません' },
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', reason: '確認できません' });
    const me = await api('GET', '/v1/agency/me', { token: agency.token });
    expect(me.body.contactMethods.map((m: { value: string }) => m.value)).not.toContain('03-9999-0001');
  });

  it('R-APP-4 a change whose form was not received lapses on the 15th day after filing, not before', async () => {
    const agency = await agencyIn('13');
    const filed = await api('POST', '/v1/agency/change-requests', { token: agency.token, body: { handlesSubsidies: true } });
    expect(filed.body).toMatchObject({ deadline: '2026-12-11', lapsesOn: '2026-12-12', formReceivedOn: null });
    await setClock(jst('2026-12-11', '23:59'));
    const mine = async () =>
      (await api('GET', '/v1/admin/procedures', { token: await ministry() })).body.items.find(
        (p: { id: string }) => p.id === filed.body.id,
      );
    expect(await mine()).toMatchObject({ id: filed.body.id, status: 'pending' });
    await setClock(jst('2026-12-12', '00:00'));
    expect(await mine()).toMatchObject({ id: filed.body.id, status: 'expired' });
    const late = await api('POST', `/v1/admin/change-requests/${filed.body.id}/accept`, { token: await ministry(), body: {} });
    expect(late.status).toBe(409);
  });

  it('R-APP-4 a change filed and received in time never lapses through the bureau’s delay', async () => {
    const agency = await agencyIn('13');
    const filed = await api('POST', '/v1/agency/change-requests', { token: agency.token, body: { handlesSubsidies: true } });
    const token = await ministry();
    const path = `/v1/admin/procedures/${filed.body.id}/form-received`;
    expect((await api('POST', path, { token, body: { receivedOn: '2026-11-26' } })).body.code).toBe('invalid_received_on'); // before filing
    expect((await api('POST', path, { token, body: { receivedOn: '2026-11-28' } })).body.code).toBe('invalid_received_on'); // in the future
    await setClock(jst('2026-12-11'));
    const received = await api('POST', path, { token: await ministry(), body: { receivedOn: '2026-12-11' } });
    expect(received.status).toBe(200);
    expect(received.body).toMatchObject({ status: 'pending', formReceivedOn: '2026-12-11' });
    await setClock(jst('2027-01-20')); // well past the 15th day
    const accepted = await api('POST', `/v1/admin/change-requests/${filed.body.id}/accept`, { token: await ministry(), body: {} });
    expect(accepted.status).toBe(200);
    expect(accepted.body.procedure).toMatchObject({ status: 'accepted', formReceivedOn: '2026-12-11' });
  });

  it('R-APP-4 a form received after the submission deadline does not save the procedure', async () => {
    const agency = await agencyIn('13');
    const filed = await api('POST', '/v1/agency/renewals', {
      token: agency.token,
      body: { services: ['job_offer', 'jobseeker'], placements: [regular(TODAY)] },
    });
    await setClock(jst('2026-12-12', '00:00'));
    const received = await api('POST', `/v1/admin/procedures/${filed.body.id}/form-received`, {
      token: await ministry(),
      body: { receivedOn: '2026-12-12' },
    });
    expect(received.body.code).toBe('procedure_decided'); // lapsed at 00:00 on the 15th day
  });

  it('R-APP-4 a renewal with changed content is filed together with a change request (§2(2))', async () => {
    const agency = await agencyIn('13');
    const filed = await api('POST', '/v1/agency/renewals', {
      token: agency.token,
      body: {
        services: ['job_offer', 'jobseeker'],
        placements: [regular(TODAY)],
        change: { contactMethods: [{ kind: 'phone', value: '03-9999-0002' }] },
      },
    });
    expect(filed.status).toBe(201);
    expect(filed.body.request.change).toBeUndefined();
    const items = (await api('GET', '/v1/agency/procedures', { token: agency.token })).body.items as Array<{
      id: string;
      kind: string;
      filedWith: string | null;
      submittedOn: string;
      deadline: string;
    }>;
    const change = items.find((p) => p.kind === 'change')!;
    expect(change).toMatchObject({ filedWith: filed.body.id, submittedOn: TODAY, deadline: '2026-12-11' });
    expect(filed.body.filedWith).toBe(change.id);
    // A second change while that one waits is refused; so is a renewal carrying one.
    expect((await api('POST', '/v1/agency/change-requests', { token: agency.token, body: { handlesSubsidies: true } })).body.code).toBe(
      'procedure_pending',
    );
    const accepted = await api('POST', `/v1/admin/change-requests/${change.id}/accept`, { token: await ministry(), body: {} });
    expect(accepted.status).toBe(200);
    const me = await api('GET', '/v1/agency/me', { token: agency.token });
    expect(me.body.contactMethods.map((m: { value: string }) => m.value)).toContain('03-9999-0002');
  });
});

describe('R-ELIG-4 renewals', () => {
  it('R-ELIG-4 refuses a jobseeker-service renewal without a regular placement in the last 3 months, and says to withdraw', async () => {
    const agency = await agencyIn('13');
    const res = await api('POST', '/v1/agency/renewals', {
      token: agency.token,
      body: { services: ['job_offer', 'jobseeker'], placements: [regular('2026-08-26')] },
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('renewal_not_eligible');
    expect(res.body.detail).toContain('退会申請');
  });

  it('R-ELIG-4 accepts a renewal that qualifies again, with the new term', async () => {
    const agency = await agencyIn('13');
    const filed = await api('POST', '/v1/agency/renewals', {
      token: agency.token,
      body: { services: ['job_offer', 'jobseeker'], placements: [regular('2026-08-27')] },
    });
    expect(filed.status).toBe(201);
    const accepted = await api('POST', `/v1/admin/renewals/${filed.body.id}/accept`, {
      token: await ministry(),
      body: { termEndsOn: '2029-11-30' },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.services).toEqual(['job_offer', 'jobseeker']);
    expect((await adminAgency(agency.id)).termEndsOn).toBe('2029-11-30');
  });

  it('R-ELIG-4 a renewal for the job-offer service alone ends the jobseeker service and deletes its data (R-RET-3)', async () => {
    const agency = await agencyIn('13');
    const profileId = await acquireProfile(agency);
    const filed = await api('POST', '/v1/agency/renewals', { token: agency.token, body: { services: ['job_offer'] } });
    const accepted = await api('POST', `/v1/admin/renewals/${filed.body.id}/accept`, { token: await ministry(), body: {} });
    expect(accepted.body).toMatchObject({ services: ['job_offer'], purged: 1 });
    const feed = await api('GET', '/v1/agency/feed', { token: agency.token });
    expect(feed.status).toBe(403);
    expect(feed.body.code).toBe('service_not_admitted');
    const acq = (await api('GET', '/v1/agency/acquisitions', { token: agency.token })).body.items.find(
      (a: { profileId: string }) => a.profileId === profileId,
    );
    expect(acq).toMatchObject({ state: 'deleted', deletedRule: 'R-RET-3' });
  });

  it('R-ELIG-4 does not add a service by renewal', async () => {
    const agency = await agencyIn('13', { services: ['job_offer'], mandatoryInformation: undefined });
    const res = await api('POST', '/v1/agency/renewals', {
      token: agency.token,
      body: { services: ['job_offer', 'jobseeker'], placements: [regular(TODAY)] },
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('service_not_held');
  });
});

describe('R-APP-2 withdrawal, and the account ID kept for 5 years', () => {
  it('R-APP-2 withdrawal takes effect at once: data deleted (R-RET-3), extension told, directory entry gone', async () => {
    const agency = await agencyIn('13');
    const profileId = await acquireProfile(agency);
    const res = await api('POST', '/v1/agency/withdrawal', { token: agency.token, body: { reason: '事業の廃止' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      procedure: { kind: 'withdrawal', status: 'effective' },
      result: { status: 'withdrawn', withdrawnOn: TODAY, purged: 1 },
      emailReservedUntil: '2031-11-27',
    });
    const acq = (await api('GET', '/v1/agency/acquisitions', { token: agency.token })).body.items.find(
      (a: { profileId: string }) => a.profileId === profileId,
    );
    expect(acq).toMatchObject({ state: 'deleted', deletedRule: 'R-RET-3' });
    expect((await eventsOf(agency)).find((e) => e.type === 'status_changed')).toMatchObject({
      rule: 'R-RET-3',
      details: { status: 'withdrawn' },
    });
    expect((await api('GET', '/v1/agency/feed', { token: agency.token })).body.code).toBe('agency_withdrawn');
    expect(await directoryEntry(agency.id)).toBeUndefined();
    expect((await api('POST', '/v1/agency/withdrawal', { token: agency.token, body: {} })).status).toBe(409);
  });

  it('R-APP-2 refuses the same email for 5 years after the account ended (through 2031-11-27), then allows it', async () => {
    const agency = await agencyIn('13');
    await api('POST', '/v1/agency/withdrawal', { token: agency.token, body: {} });
    const again = await register(await eligibleBody('13', { email: agency.email }));
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({ code: 'email_reserved', reservedUntil: '2031-11-27' });
    expect(again.body.detail).toContain('別のメールアドレス');
    expect((await register(await eligibleBody('13'))).status).toBe(201); // another address is fine
    await setClock(jst('2031-11-27'));
    expect((await register(await eligibleBody('13', { email: agency.email }))).body.code).toBe('email_reserved');
    await setClock(jst('2031-11-28'));
    const later = await register(await eligibleBody('13', { email: agency.email }));
    expect(later.status).toBe(201);
    expect((await api('POST', `/v1/admin/registrations/${later.body.id}/accept`, { token: await ministry(), body: {} })).status).toBe(200);
  });
});

describe('R-APP-3 no new application for 3 years after revocation', () => {
  it('R-APP-3 refuses the revoked organisation (by licence number, any email) through 2029-11-26 and admits it from 2029-11-27', async () => {
    const body = await eligibleBody('13');
    const agency = await agencyIn('13', { licence: body.licence });
    const revoked = await api('POST', `/v1/admin/agencies/${agency.id}/revocation`, {
      token: await ministry(),
      body: { reason: '虚偽の報告（§8(2)④b）' },
    });
    expect(revoked.status).toBe(200);
    const newEmail = await register(await eligibleBody('13', { licence: body.licence }));
    expect(newEmail.status).toBe(422);
    expect(newEmail.body).toMatchObject({ code: 'revoked_recently', allowedFrom: '2029-11-27' });
    const sameEmail = await register(await eligibleBody('13', { email: agency.email }));
    expect(sameEmail.body.code).toBe('revoked_recently');
    await setClock(jst('2029-11-26'));
    expect((await register(await eligibleBody('13', { licence: body.licence }))).body.code).toBe('revoked_recently');
    await setClock(jst('2029-11-27'));
    expect((await register(await eligibleBody('13', { licence: body.licence }))).status).toBe(201);
  });
});

describe('registrations are scoped to the bureau of the prefecture', () => {
  let osaka: string;
  beforeAll(async () => {
    osaka = await bureau('27');
  });

  it('R-APP-4 a bureau lists and decides only its prefecture’s registrations', async () => {
    const tokyo = (await register(await eligibleBody('13'))).body.id;
    const mine = (await register(await eligibleBody('27'))).body.id;
    const listed = (await api('GET', '/v1/admin/registrations', { token: osaka })).body.items.map((r: { id: string }) => r.id);
    expect(listed).toContain(mine);
    expect(listed).not.toContain(tokyo);
    expect((await api('POST', `/v1/admin/registrations/${tokyo}/accept`, { token: osaka, body: {} })).status).toBe(403);
    expect((await api('POST', `/v1/admin/registrations/${mine}/accept`, { token: osaka, body: {} })).status).toBe(200);
  });
});
