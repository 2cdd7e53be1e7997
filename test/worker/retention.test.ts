import { beforeAll, describe, expect, it } from 'vitest';
import { admittedAgency, api, jst, loadRows, profileRow, setClock as moveClock, signInAgency } from './helpers';

type Agency = { token: string; email: string; password: string };
let current: Agency[] = [];

/** Moves the clock and signs the agencies of this file in again (their sessions would have ended). */
async function setClock(at: string) {
  await moveClock(at);
  for (const a of current) a.token = await signInAgency(a);
}

async function freshProfile(): Promise<string> {
  return (await loadRows([profileRow()])).body.results[0].id;
}

/** The agency's acquisition of a profile, as its extension reads it. */
async function held(agency: Agency, profileId: string) {
  return ((await api('GET', '/v1/agency/acquisitions', { token: agency.token })).body.items as Array<{ profileId: string }>).find(
    (a) => a.profileId === profileId,
  );
}

async function events(token: string) {
  return (await api('GET', '/v1/agency/events?after=0&limit=100', { token })).body.items as Array<{
    type: string;
    profileId?: string;
    rule: string;
    details: Record<string, unknown>;
  }>;
}

describe('R-RET-1 data not accepted is deleted after the month after next', () => {
  let agency: Agency;
  beforeAll(async () => {
    await moveClock(jst('2026-11-27', '10:00'));
    agency = await admittedAgency();
    current = [agency];
  });

  it('R-RET-1 keeps a profile opened on 2026-11-27 through 2027-01-31 and deletes it on 2027-02-01', async () => {
    await setClock(jst('2026-11-27', '10:00'));
    const id = await freshProfile();
    const opened = await api('GET', `/v1/agency/feed/${id}`, { token: agency.token });
    expect(opened.status).toBe(200);
    expect(opened.body.acquisition).toMatchObject({
      acquiredOn: '2026-11-27',
      retentionDeadline: '2027-01-31',
      acceptedOn: null,
      state: 'held',
    });

    await setClock(jst('2027-01-31', '10:00'));
    expect((await api('GET', `/v1/agency/feed/${id}`, { token: agency.token })).status).toBe(200);

    await setClock(jst('2027-02-01', '10:00'));
    const gone = await api('GET', `/v1/agency/feed/${id}`, { token: agency.token });
    expect(gone.status).toBe(410);
    expect(gone.body.code).toBe('data_deleted');
    expect(gone.body.detail).toContain('2027-01-31');
    const expiry = (await events(agency.token)).find((e) => e.type === 'retention_expired' && e.profileId === id);
    expect(expiry).toMatchObject({ rule: 'R-RET-1', details: { deadline: '2027-01-31', reason: 'not_accepted' } });
    // Opening again does not restart the window.
    expect((await api('GET', `/v1/agency/feed/${id}`, { token: agency.token })).status).toBe(410);
  });

  it('R-RET-1 deletes by the scheduled sweep too, without the agency asking, and records it (R-RET-4)', async () => {
    await setClock(jst('2026-12-01', '10:00'));
    const id = await freshProfile();
    await api('GET', `/v1/agency/feed/${id}`, { token: agency.token });
    await setClock(jst('2027-02-28', '10:00'));
    expect((await events(agency.token)).some((e) => e.profileId === id)).toBe(false);
    await setClock(jst('2027-03-01', '10:00')); // the clock move runs the sweep
    const acq = (await api('GET', '/v1/agency/acquisitions', { token: agency.token })).body.items.find(
      (a: { profileId: string }) => a.profileId === id,
    );
    expect(acq).toMatchObject({ state: 'deleted', deletedRule: 'R-RET-1', retentionDeadline: '2027-02-28' });
    expect((await events(agency.token)).find((e) => e.profileId === id)?.type).toBe('retention_expired');
  });

  it('R-RET-1 counts the month after next at month ends: acquired 2026-12-31 → 2027-02-28', async () => {
    await setClock(jst('2026-12-31', '10:00'));
    const id = await freshProfile();
    const opened = await api('GET', `/v1/agency/feed/${id}`, { token: agency.token });
    expect(opened.body.acquisition.retentionDeadline).toBe('2027-02-28');
  });
});

describe('R-RET-2 accepted applications are kept to the end of the next fiscal year', () => {
  let agency: Agency;
  beforeAll(async () => {
    await moveClock(jst('2026-11-01', '10:00'));
    agency = await admittedAgency();
    current = [agency];
  });

  it('R-RET-2 acquired 2026-11-01, accepted 2026-11-15: kept through 2028-03-31, deleted on 2028-04-01', async () => {
    await setClock(jst('2026-11-01', '10:00'));
    const id = await freshProfile();
    await api('GET', `/v1/agency/feed/${id}`, { token: agency.token });
    await setClock(jst('2026-11-16', '10:00'));
    const accepted = await api('POST', '/v1/agency/acceptances', {
      token: agency.token,
      body: { profileId: id, acceptedOn: '2026-11-15', fees: { kind: 'none_charged' } },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ extended: true, acquisition: { acceptedOn: '2026-11-15', retentionDeadline: '2028-03-31' } });
    await setClock(jst('2028-03-31', '10:00'));
    // The registration lapsed long ago (R-FEED-6), so the feed no longer serves the profile; the agency's copy is still held.
    expect(await held(agency, id)).toMatchObject({ state: 'held', retentionDeadline: '2028-03-31' });
    await setClock(jst('2028-04-01', '10:00'));
    const gone = await api('GET', `/v1/agency/feed/${id}`, { token: agency.token });
    expect(gone.status).toBe(410);
    expect(gone.body.rule).toBe('R-RET-2');
  });

  it('R-RET-2 an acceptance on the last day of the window extends; the day after it is too late', async () => {
    await setClock(jst('2026-11-27', '10:00'));
    const inTime = await freshProfile();
    const late = await freshProfile();
    await api('GET', `/v1/agency/feed/${inTime}`, { token: agency.token });
    await api('GET', `/v1/agency/feed/${late}`, { token: agency.token });
    await setClock(jst('2027-01-31', '10:00'));
    const ok = await api('POST', '/v1/agency/acceptances', {
      token: agency.token,
      body: { profileId: inTime, acceptedOn: '2027-01-31', fees: { kind: 'none_charged' } },
    });
    expect(ok.body.acquisition.retentionDeadline).toBe('2028-03-31');
    await setClock(jst('2027-02-01', '10:00'));
    const tooLate = await api('POST', '/v1/agency/acceptances', {
      token: agency.token,
      body: { profileId: late, acceptedOn: '2027-02-01', fees: { kind: 'none_charged' } },
    });
    expect(tooLate.status).toBe(410);
    expect(await held(agency, inTime)).toMatchObject({ state: 'held', retentionDeadline: '2028-03-31' });
  });

  it('R-RET-2 an acceptance dated in April starts a new fiscal year: acquired 2027-02-10, accepted 2027-04-01 → 2029-03-31', async () => {
    await setClock(jst('2027-02-10', '10:00'));
    const id = await freshProfile();
    await api('GET', `/v1/agency/feed/${id}`, { token: agency.token });
    await setClock(jst('2027-04-01', '10:00'));
    const res = await api('POST', '/v1/agency/acceptances', {
      token: agency.token,
      body: { profileId: id, acceptedOn: '2027-04-01', fees: { kind: 'none_charged' } },
    });
    expect(res.body.acquisition.retentionDeadline).toBe('2029-03-31');
  });

  it('R-RET-2 refuses acceptance dates in the future, before the acquisition, or for a profile never acquired', async () => {
    await setClock(jst('2026-11-27', '10:00'));
    const id = await freshProfile();
    await api('GET', `/v1/agency/feed/${id}`, { token: agency.token });
    const future = await api('POST', '/v1/agency/acceptances', {
      token: agency.token,
      body: { profileId: id, acceptedOn: '2026-11-28', fees: { kind: 'none_charged' } },
    });
    expect(future.status).toBe(422);
    const before = await api('POST', '/v1/agency/acceptances', {
      token: agency.token,
      body: { profileId: id, acceptedOn: '2026-11-26', fees: { kind: 'none_charged' } },
    });
    expect(before.status).toBe(422);
    const never = await api('POST', '/v1/agency/acceptances', {
      token: agency.token,
      body: { profileId: await freshProfile(), acceptedOn: '2026-11-27', fees: { kind: 'none_charged' } },
    });
    expect(never.status).toBe(404);
    const badDate = await api('POST', '/v1/agency/acceptances', {
      token: agency.token,
      body: { profileId: id, acceptedOn: '2026-02-30', fees: { kind: 'none_charged' } },
    });
    expect(badDate.status).toBe(400);
  });
});
