/**
 * The jobseeker service's term (R-TERM-1): recorded at admission and renewal, shown to the agency,
 * the directory and the bureau; the reminder 30 days before; the service stopping the day after
 * the term (R-RET-3); the §8(2)④a proposal one month later (T-2, T-3). Scheduled work runs when
 * the test moves the worker's clock; each date is tested on both sides of its boundary.
 */
import { describe, expect, it } from 'vitest';
import { api, jst, ministry, setClock } from './helpers';
import { acquireProfile, adminAgency, directoryEntry, eligibleBody, eventsOf, refresh, register, type Agency } from './bureau-helpers';

/** Registers and admits an agency today (worker time) with the term the bureau sets. */
async function admitted(decision: Record<string, string> = {}): Promise<Agency> {
  const body = await eligibleBody('13');
  const reg = await register(body);
  expect(reg.status).toBe(201);
  const accepted = await api('POST', `/v1/admin/registrations/${reg.body.id}/accept`, { token: await ministry(), body: decision });
  expect(accepted.status).toBe(200);
  const agency = { id: accepted.body.agencyId as string, token: '', email: body.email, password: body.password as string };
  return refresh(agency);
}

/** At `date` 10:00 JST (scheduled work has run), signed in again. */
async function on(date: string, agency: Agency): Promise<Agency> {
  await setClock(jst(date, '10:00'));
  return refresh(agency);
}

const me = async (agency: Agency) => (await api('GET', '/v1/agency/me', { token: agency.token })).body;
const feed = (agency: Agency) => api('GET', '/v1/agency/feed?limit=1', { token: agency.token });
const termEvents = async (agency: Agency, type: string) => (await eventsOf(agency)).filter((e) => e.type === type);

describe('R-TERM-1 the service term', () => {
  it('R-TERM-1 admission records the default term and the licence expiry; the agency, the directory and the bureau see them', async () => {
    await setClock(jst('2026-12-01', '10:00'));
    const agency = await admitted({ licenceExpiresOn: '2028-03-31' });
    // 36 months counted from the day after the admission (T-2).
    expect((await me(agency)).term).toEqual({ startsOn: '2026-12-01', endsOn: '2029-12-01', licenceExpiresOn: '2028-03-31' });
    expect(await directoryEntry(agency.id)).toMatchObject({ termEndsOn: '2029-12-01' });
    expect(await adminAgency(agency.id)).toMatchObject({ termEndsOn: '2029-12-01', licenceExpiresOn: '2028-03-31' });
  });

  it('R-TERM-1 the bureau sets the term; a last day not after the admission day is refused', async () => {
    await setClock(jst('2026-12-01', '10:00'));
    const body = await eligibleBody('13');
    const reg = await register(body);
    const refused = await api('POST', `/v1/admin/registrations/${reg.body.id}/accept`, {
      token: await ministry(),
      body: { termEndsOn: '2026-12-01' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('term_invalid');
    const ok = await api('POST', `/v1/admin/registrations/${reg.body.id}/accept`, {
      token: await ministry(),
      body: { termEndsOn: '2026-12-02' },
    });
    expect(ok.status).toBe(200);
  });

  it('R-TERM-1 reminds the agency 30 days before the term and the licence end, once each', async () => {
    await setClock(jst('2027-01-15', '10:00'));
    let agency = await admitted({ termEndsOn: '2027-03-31', licenceExpiresOn: '2027-04-10' });
    agency = await on('2027-02-28', agency); // 31 days before: not yet
    expect(await termEvents(agency, 'term_reminder')).toEqual([]);
    agency = await on('2027-03-01', agency); // 30 days before the term's last day
    expect((await termEvents(agency, 'term_reminder')).map((e) => e.details)).toEqual([{ kind: 'term', endsOn: '2027-03-31' }]);
    agency = await on('2027-03-11', agency); // 30 days before the licence's expiry; the term is not reminded again
    expect((await termEvents(agency, 'term_reminder')).map((e) => e.details)).toEqual([
      { kind: 'term', endsOn: '2027-03-31' },
      { kind: 'licence', endsOn: '2027-04-10' },
    ]);
    expect((await termEvents(agency, 'term_reminder'))[0]!.rule).toBe('R-TERM-1');
  });

  it('R-TERM-1 R-RET-3 the day after the term without an accepted renewal the jobseeker service stops and its data goes', async () => {
    await setClock(jst('2027-03-29', '10:00'));
    let agency = await admitted({ termEndsOn: '2027-03-31' });
    agency = await on('2027-03-31', agency); // the last day: still in service
    const profileId = await acquireProfile(agency);
    expect((await feed(agency)).status).toBe(200);
    agency = await on('2027-04-01', agency);
    const stopped = await feed(agency);
    expect(stopped.status).toBe(403);
    expect(stopped.body).toMatchObject({ code: 'term_expired', title: '利用期限が過ぎています' });
    expect(stopped.body.detail).toContain('2027-03-31');
    const opened = await api('GET', `/v1/agency/feed/${profileId}`, { token: agency.token });
    expect(opened.body.code).toBe('term_expired');
    // R-RET-3: what it received is deleted, and the extension is told to delete its copies.
    const acquisitions = (await api('GET', '/v1/agency/acquisitions', { token: agency.token })).body.items;
    expect(acquisitions).toEqual([expect.objectContaining({ profileId, state: 'deleted', deletedRule: 'R-RET-3' })]);
    expect((await termEvents(agency, 'term_ended')).map((e) => e.details)).toEqual([{ endsOn: '2027-03-31', purged: 1 }]);
    // Its account remains: the agency still reads its status and term.
    expect((await me(agency)).term.endsOn).toBe('2027-03-31');
  });

  it('R-TERM-1 a renewal accepted before the end keeps the service, with the term that follows', async () => {
    await setClock(jst('2027-03-20', '10:00'));
    let agency = await admitted({ termEndsOn: '2027-03-31' });
    const filed = await api('POST', '/v1/agency/renewals', {
      token: agency.token,
      body: { services: ['job_offer', 'jobseeker'], placements: [{ placedOn: '2027-03-01', fixedTermMonths: null, seasonal: false }] },
    });
    expect(filed.status).toBe(201);
    const accepted = await api('POST', `/v1/admin/renewals/${filed.body.id}/accept`, { token: await ministry(), body: {} });
    expect(accepted.status).toBe(200);
    expect((await me(agency)).term).toEqual({ startsOn: '2027-04-01', endsOn: '2030-03-31', licenceExpiresOn: null });
    agency = await on('2027-04-01', agency);
    expect((await feed(agency)).status).toBe(200);
    expect(await termEvents(agency, 'term_ended')).toEqual([]);
    expect((await adminAgency(agency.id)).termEndsOn).toBe('2030-03-31');
  });

  it('R-TERM-1 T-2 T-3 one month after the term with no renewal, the six-month suspension of §8(2)④a is proposed', async () => {
    await setClock(jst('2027-03-20', '10:00'));
    let agency = await admitted({ termEndsOn: '2027-04-04' });
    // One month counted from 5 April ends on 4 May (Greenery Day); 1–3 May are a weekend and a holiday: the last day is 30 April.
    agency = await on('2027-04-30', agency);
    expect((await adminAgency(agency.id)).violations).toEqual([]);
    agency = await on('2027-05-01', agency);
    const { violations } = await adminAgency(agency.id);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({
      category: 'missed_procedure',
      recordedBy: 'system',
      proposal: { kind: 'suspension', term: { months: 6 }, basis: '§8(2)④a' },
    });
    expect(violations[0].note).toContain('2027-04-30');
    // Proposed, not imposed: the bureau decides.
    expect((await me(agency)).status).toBe('active');
    // Once only.
    await on('2027-05-02', agency);
    expect((await adminAgency(agency.id)).violations).toHaveLength(1);
  });

  it('R-TERM-1 an expired licence with no procedure is proposed too; a filed procedure holds the proposal back', async () => {
    await setClock(jst('2027-03-20', '10:00'));
    let lapsed = await admitted({ licenceExpiresOn: '2027-03-31' });
    let filing = await admitted({ licenceExpiresOn: '2027-03-31' });
    const change = await api('POST', '/v1/agency/change-requests', { token: filing.token, body: { licenceNumber: '13-ユ-999999' } });
    expect(change.status).toBe(201);
    // The signed form reached the bureau in time (R-APP-4): the change stays filed however long the bureau takes.
    expect(
      (
        await api('POST', `/v1/admin/procedures/${change.body.id}/form-received`, {
          token: await ministry(),
          body: { receivedOn: '2027-03-20' },
        })
      ).status,
    ).toBe(200);
    lapsed = await on('2027-04-30', lapsed);
    expect((await adminAgency(lapsed.id)).violations).toEqual([]);
    await on('2027-05-01', lapsed);
    expect((await adminAgency(lapsed.id)).violations).toEqual([
      expect.objectContaining({ category: 'missed_procedure', proposal: expect.objectContaining({ basis: '§8(2)④a' }) }),
    ]);
    expect((await adminAgency(filing.id)).violations).toEqual([]);
    filing = await refresh(filing);
    // The licence does not stop the jobseeker service by itself; only the term does.
    expect((await feed(filing)).status).toBe(200);
  });
});
