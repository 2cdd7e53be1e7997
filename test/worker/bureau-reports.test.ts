/**
 * The annual report across fiscal year 2026 (R-REP-1..3), on the worker's clock: filing rules,
 * the reminder on the third Monday of March, the bureau's request to submit on 21 April, the grace month, the automatic six-month suspension
 * and the revocation when the report is still missing after it. One timeline, so the steps run in
 * order; each step names its date.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { api, bureau, jst, ministry, setClock } from './helpers';
import { acquireProfile, adminAgency, agencyIn, directoryEntry, eventsOf, refresh, type Agency } from './bureau-helpers';

const zeros = {
  jobOffer: { hires: 0, feeTotal: 0 },
  jobseeker: { newApplications: 0, jobseekerFees: { total: 0, count: 0 }, employerFees: { total: 0, count: 0 } },
};

/** Calls an agency route at the worker's current time (signing in again: sessions idle out). */
async function as(agency: Agency, method: string, path: string, body?: unknown) {
  await refresh(agency);
  return api(method, path, { token: agency.token, body });
}

const status = async (agency: Agency) => (await as(agency, 'GET', '/v1/agency/me')).body;
const overview = async (fy: number, token?: string) =>
  (await api('GET', `/v1/admin/reports?fiscalYear=${fy}`, { token: token ?? (await ministry()) })).body;

describe('R-REP fiscal year 2026 on the calendar', () => {
  const a: Record<'P' | 'F' | 'N' | 'S' | 'E' | 'L' | 'G', Agency> = {} as never;
  let Q: Agency;

  beforeAll(async () => {
    await setClock(jst('2026-11-27', '10:00'));
    a.P = await agencyIn('13'); // paid, both services, files early
    a.F = await agencyIn('13', {
      licence: { kind: 'free', number: `13-ム-${Date.now() % 1e6}` },
      services: ['job_offer'],
      mandatoryInformation: undefined,
      placements: [],
    });
    a.N = await agencyIn('13'); // never files
    a.S = await agencyIn('13'); // files during its suspension
    a.E = await agencyIn('13'); // files on the due day
    a.L = await agencyIn('27'); // files the day after the due day
    a.G = await agencyIn('13'); // files on the last day of the grace month
  });

  it('R-REP-1 refuses a report before its period opens (the reminder day) and for a year before admission', async () => {
    const early = await as(a.P, 'PUT', '/v1/agency/reports/2026', zeros);
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: 'report_period_not_open', opensOn: '2027-03-15' });
    expect((await as(a.P, 'PUT', '/v1/agency/reports/2025', zeros)).body.code).toBe('report_year_before_admission');
  });

  it('R-REP-2 sends nothing on 2027-03-14, the day before the third Monday of March', async () => {
    await setClock(jst('2027-03-14'));
    await refresh(a.P);
    expect((await eventsOf(a.P)).filter((e) => e.type === 'report_reminder')).toHaveLength(0);
  });

  it('R-REP-2 reminds every agency on 2027-03-15 (third Monday of March), once, as an event', async () => {
    await setClock(jst('2027-03-15', '09:00'));
    await setClock(jst('2027-03-15', '10:00')); // a second run the same day sends nothing more
    for (const agency of Object.values(a)) {
      await refresh(agency);
      const reminders = (await eventsOf(agency)).filter((e) => e.type === 'report_reminder');
      expect(reminders).toHaveLength(1);
      expect(reminders[0]).toMatchObject({ rule: 'R-REP-2', details: { fiscalYear: 2026, dueOn: '2027-04-20' } });
    }
    const o = await overview(2026);
    expect(o).toMatchObject({ reminderOn: '2027-03-15', dueOn: '2027-04-20', graceLastDay: '2027-05-20', reported: [] });
    expect(o.missing.map((m: { agencyId: string }) => m.agencyId).sort()).toEqual(
      Object.values(a)
        .map((x) => x.id)
        .sort(),
    );
    expect(o.missing.every((m: { remindedAt: string | null }) => m.remindedAt !== null)).toBe(true);
  });

  it('R-REP-1 asks a paid agency for the fee figures of each service it uses; zeros are a report', async () => {
    const noFees = await as(a.P, 'PUT', '/v1/agency/reports/2026', { jobOffer: { hires: 3 }, jobseeker: { newApplications: 2 } });
    expect(noFees.status).toBe(422);
    expect(noFees.body.code).toBe('report_fields');
    expect(noFees.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'jobOffer.feeTotal',
      'jobseeker.employerFees',
      'jobseeker.jobseekerFees',
    ]);
    const onePart = await as(a.P, 'PUT', '/v1/agency/reports/2026', { jobOffer: { hires: 0, feeTotal: 0 } });
    expect(onePart.body.errors.map((e: { path: string }) => e.path)).toEqual(['jobseeker']);
    const filed = await as(a.P, 'PUT', '/v1/agency/reports/2026', zeros);
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ agencyId: a.P.id, onTime: true, report: { fiscalYear: 2026, ...zeros } });
    const corrected = await as(a.P, 'PUT', '/v1/agency/reports/2026', { ...zeros, jobOffer: { hires: 2, feeTotal: 700000 } });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({
      submittedAt: filed.body.submittedAt,
      updatedAt: expect.any(String),
      report: { jobOffer: { hires: 2 } },
    });
  });

  it('R-REP-1 a free job-offer-only agency reports hires without fees and nothing for the other service', async () => {
    expect((await as(a.F, 'PUT', '/v1/agency/reports/2026', { jobOffer: { hires: 1, feeTotal: 0 } })).body.errors[0].path).toBe(
      'jobOffer.feeTotal',
    );
    expect(
      (await as(a.F, 'PUT', '/v1/agency/reports/2026', { jobOffer: { hires: 1 }, jobseeker: { newApplications: 0 } })).body.errors[0].path,
    ).toBe('jobseeker');
    expect((await as(a.F, 'PUT', '/v1/agency/reports/2026', { jobOffer: { hires: 1 } })).status).toBe(201);
  });

  it('R-REP-1 refuses malformed reports with field problems', async () => {
    expect((await as(a.P, 'PUT', '/v1/agency/reports/2026', {})).status).toBe(400);
    expect(
      (
        await as(a.P, 'PUT', '/v1/agency/reports/2026', {
          ...zeros,
          jobseeker: { ...zeros.jobseeker, employerFees: { total: 5, count: 0 } },
        })
      ).status,
    ).toBe(400);
    expect((await as(a.P, 'PUT', '/v1/agency/reports/abc', zeros)).status).toBe(400);
    expect((await as(a.P, 'PUT', '/v1/agency/reports/2027', zeros)).body.code).toBe('report_period_not_open');
  });

  it('R-REP-1 a report on 20 April is on time; on 21 April it is late but still a report', async () => {
    await setClock(jst('2027-04-20', '23:59'));
    expect((await as(a.E, 'PUT', '/v1/agency/reports/2026', zeros)).body.onTime).toBe(true);
    expect((await eventsOf(await refresh(a.N))).some((e) => e.type === 'report_request')).toBe(false); // R-REP-3: not before 21 April
    await setClock(jst('2027-04-21'));
    const late = await as(a.L, 'PUT', '/v1/agency/reports/2026', zeros);
    expect(late.status).toBe(201);
    expect(late.body.onTime).toBe(false);
  });

  it('R-REP-3 on 2027-04-21 the bureau’s request to submit reaches every agency still missing its report, in the bureau’s name, once', async () => {
    await setClock(jst('2027-04-21', '11:00')); // a second run the same day sends nothing more
    for (const agency of [a.N, a.S, a.G, a.L]) {
      const requests = (await eventsOf(await refresh(agency))).filter((e) => e.type === 'report_request');
      expect(requests).toHaveLength(1);
      expect(requests[0]).toMatchObject({
        rule: 'R-REP-3',
        details: {
          fiscalYear: 2026,
          dueOn: '2027-04-20',
          graceLastDay: '2027-05-20',
          bureau: agency === a.L ? '大阪労働局' : '東京労働局',
        },
      });
    }
    for (const agency of [a.P, a.F, a.E])
      expect((await eventsOf(await refresh(agency))).some((e) => e.type === 'report_request')).toBe(false);
    const missing = (await overview(2026)).missing as Array<{ agencyId: string; requestedAt: string | null }>;
    expect(missing.find((m) => m.agencyId === a.N.id)?.requestedAt).toBe('2027-04-21T01:00:00.000Z'); // the first run that day, 10:00 JST
    const audit = (await api('GET', '/v1/admin/audit?action=report.request&limit=10', { token: await ministry() })).body.items;
    expect(audit[0]).toMatchObject({ actor: 'system', target: 'fiscal_year:2026' });
  });

  it('R-REP-1 staff see who reported and who did not, in their scope; an agency admitted after the year owes nothing', async () => {
    Q = await agencyIn('13');
    await acquireProfile(await refresh(a.N)); // data N holds when its suspension comes
    const o = await overview(2026);
    expect(o.reported.map((r: { agencyId: string }) => r.agencyId).sort()).toEqual([a.P.id, a.F.id, a.E.id, a.L.id].sort());
    expect(o.missing.map((m: { agencyId: string }) => m.agencyId).sort()).toEqual([a.N.id, a.S.id, a.G.id].sort());
    const osaka = await overview(2026, await bureau('27'));
    expect(osaka.reported.map((r: { agencyId: string }) => r.agencyId)).toEqual([a.L.id]);
    expect(osaka.missing).toEqual([]);
  });

  it('R-REP-3 on 2027-05-20, the last day of the grace month, nobody is suspended', async () => {
    await setClock(jst('2027-05-20', '10:00'));
    expect((await as(a.G, 'PUT', '/v1/agency/reports/2026', zeros)).status).toBe(201);
    await setClock(jst('2027-05-20', '23:59'));
    for (const agency of [a.N, a.S]) expect((await status(agency)).status).toBe('active');
  });

  it('R-REP-3 on 2027-05-21 the requested agencies still missing the report are suspended for 6 months, with all R-SAN-2 effects', async () => {
    await setClock(jst('2027-05-21', '10:00'));
    for (const agency of [a.N, a.S]) {
      const me = await status(agency);
      expect(me).toMatchObject({ status: 'suspended', suspension: { kind: 'fixed', startsOn: '2027-05-21', endsOn: '2027-11-20' } });
      expect(me.suspension.reason).toContain('利用状況の報告');
      expect(await directoryEntry(agency.id)).toMatchObject({ statusLabel: '停止中' });
    }
    for (const agency of [a.P, a.F, a.E, a.L, a.G, Q]) expect((await status(agency)).status).toBe('active');
    const acquisitions = (await as(a.N, 'GET', '/v1/agency/acquisitions')).body.items;
    expect(acquisitions.some((x: { deletedRule: string | null }) => x.deletedRule === 'R-RET-3')).toBe(true);
    const o = await overview(2026);
    expect(o.missing.find((m: { agencyId: string }) => m.agencyId === a.N.id)).toMatchObject({
      status: 'suspended',
      suspendedOn: '2027-05-21',
      revokedOn: null,
    });
    const audit = (await api('GET', '/v1/admin/audit?action=suspension.impose&limit=100', { token: await ministry() })).body.items;
    expect(
      audit.filter((e: { actor: string; target: string }) => e.actor === 'system' && [a.N.id, a.S.id].includes(e.target)),
    ).toHaveLength(2);
    // Running again the same day changes nothing.
    await setClock(jst('2027-05-21', '11:00'));
    expect((await adminAgency(a.N.id)).suspensions).toHaveLength(1);
  });

  it('R-REP-3 a suspended agency can still file; the six months still run', async () => {
    await setClock(jst('2027-06-01'));
    expect((await as(a.S, 'PUT', '/v1/agency/reports/2026', zeros)).status).toBe(201);
    expect((await status(a.S)).status).toBe('suspended');
  });

  it('R-REP-3 on 2027-11-20, the last day of the suspension, both are still suspended', async () => {
    await setClock(jst('2027-11-20', '23:00'));
    expect((await status(a.N)).status).toBe('suspended');
    expect((await status(a.S)).status).toBe('suspended');
  });

  it('R-REP-3 on 2027-11-21 the agency still without a report is revoked; the one that filed resumes (R-SAN-2)', async () => {
    await setClock(jst('2027-11-21', '10:00'));
    expect(await status(a.N)).toMatchObject({ status: 'revoked', revokedOn: '2027-11-21' });
    const revokedList = (await api('GET', '/v1/public/revoked-agencies?limit=100')).body.items;
    expect(revokedList.some((r: { revokedOn: string }) => r.revokedOn === '2027-11-21')).toBe(true);
    const violations = (await adminAgency(a.N.id)).violations;
    expect(violations).toHaveLength(2);
    expect(violations[0]).toMatchObject({
      category: 'missed_procedure',
      recordedBy: 'system',
      proposal: { kind: 'revocation', basis: '§8(2)④a' },
    });
    expect(await status(a.S)).toMatchObject({ status: 'active', suspension: null });
    expect(await directoryEntry(a.S.id)).toMatchObject({ statusLabel: '利用中' });
    expect((await overview(2026)).missing.find((m: { agencyId: string }) => m.agencyId === a.N.id)).toMatchObject({
      status: 'revoked',
      revokedOn: '2027-11-21',
    });
  });

  it('R-REP-3 the request, not the March reminder, is what counts (decision 9): fiscal year 2027', async () => {
    await setClock(jst('2028-03-31')); // the reminder of 2028-03-20 goes out late, to the agencies that exist now
    const M = await agencyIn('13'); // admitted in fiscal year 2027 but after that run: never reminded
    await setClock(jst('2028-04-21', '09:00'));
    expect((await eventsOf(await refresh(M))).map((e) => e.type)).toEqual(['report_request']);
    await setClock(jst('2028-05-19', '23:59')); // the grace month ends on Friday 2028-05-19
    expect((await status(M)).status).toBe('active');
    await setClock(jst('2028-05-22'));
    expect((await status(a.P)).status).toBe('suspended');
    expect((await status(M)).status).toBe('suspended');
    const missingM = (await overview(2027)).missing.find((m: { agencyId: string }) => m.agencyId === M.id);
    expect(missingM).toMatchObject({ remindedAt: null, requestedAt: '2028-04-21T00:00:00.000Z', suspendedOn: '2028-05-22' });
  });

  it('R-REP-3 an agency the request never reached is not suspended: fiscal year 2028, no run between 21 April and the grace month’s end', async () => {
    await setClock(jst('2028-06-01'));
    const R = await agencyIn('13'); // owes fiscal year 2028
    await setClock(jst('2029-06-01')); // the whole request window (2029-04-21 – 2029-05-21) passed without a run
    expect((await status(R)).status).toBe('active');
    expect((await eventsOf(await refresh(R))).some((e) => e.type === 'report_request')).toBe(false);
    expect((await overview(2028)).missing.find((m: { agencyId: string }) => m.agencyId === R.id)).toMatchObject({
      requestedAt: null,
      suspendedOn: null,
    });
  });
});
