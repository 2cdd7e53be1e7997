/**
 * One background round: sweep first, then (outside maintenance) the worker; the toolbar summary
 * and badge come out of it. The worker is a fake `fetch`.
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { db, getMeta } from '../../extension/utils/db';
import { POLL_ALARM, SWEEP_ALARM, pollRound, scheduleAlarms, sweepRound } from '../../extension/utils/poller';
import { accountKey, getSession, setSession } from '../../extension/utils/session';
import { readSummary } from '../../extension/utils/summary';
import { AGENCY_ID, AGENCY_TOKEN, FakeWorker, WORKER, problem } from './fake-worker';
import { ACCOUNT, NONE, ONE, held, jst, seedJobseeker } from './seed';

const P1 = '13-7K3QM2XPA9';

async function signIn() {
  await fakeBrowser.storage.local.set({ workerUrl: WORKER });
  await setSession({
    role: 'agency',
    accountId: AGENCY_ID,
    account: accountKey('agency', AGENCY_ID),
    token: AGENCY_TOKEN,
    expiresAt: '2099-01-01T00:00:00.000Z',
    displayName: '株式会社みらい人材',
  });
}

describe('background round', () => {
  it('R-OPS-1 sends nothing to the worker during a maintenance window, and still sweeps local data', async () => {
    const w = new FakeWorker();
    await signIn();
    await seedJobseeker(P1, { acquiredOn: '2026-08-01' }); // kept through 2026-10-31
    const outcome = await pollRound({ now: jst('2026-11-28', '03:00'), fetch: w.fetch });
    expect(outcome).toBe('maintenance');
    expect(w.requests).toHaveLength(0);
    expect(await held()).toEqual(NONE);
    expect((await readSummary(ACCOUNT))?.lastProblem).toBe('maintenance');
  });

  it('R-OPS-1 treats the month-end evening as maintenance (21:30–06:00 JST on the last day)', async () => {
    const w = new FakeWorker();
    await signIn();
    expect(await pollRound({ now: jst('2026-11-30', '21:29'), fetch: w.fetch })).toBe('ok');
    const before = w.requests.length;
    expect(await pollRound({ now: jst('2026-11-30', '21:30'), fetch: w.fetch })).toBe('maintenance');
    expect(w.requests.length).toBe(before);
  });

  it('handles events, stores status, quota and inbox, and publishes the summary and badge', async () => {
    const w = new FakeWorker();
    await signIn();
    const conversationId = await seedJobseeker(P1);
    w.conversations = [
      {
        id: conversationId,
        agencyId: AGENCY_ID,
        agencyName: '株式会社みらい人材',
        profileId: P1,
        state: 'open',
        mandatoryInformationVersion: 1,
        mandatoryInformationVersionSeen: 1,
        unread: 3,
        lastMessageAt: '2026-11-27T02:30:00.000Z',
      },
    ];
    w.addEvent({ id: 'ev_1', type: 'report_reminder', rule: 'R-REP-2', details: { fiscalYear: 2026, dueOn: '2027-04-20' } });

    expect(await pollRound({ now: jst('2026-11-27', '12:00'), fetch: w.fetch })).toBe('ok');

    expect((await getMeta(db, ACCOUNT, 'quota'))?.used).toBe(12);
    expect((await getMeta(db, ACCOUNT, 'agency'))?.status).toBe('active');
    expect((await db.conversations.get([ACCOUNT, conversationId]))?.unread).toBe(3);
    expect(await readSummary(ACCOUNT)).toMatchObject({
      unreadMessages: 3,
      unreadThreads: 1,
      newEvents: 1,
      lastProblem: null,
      quota: { used: 12 },
    });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('4');
  });

  it('does not cache an inbox line whose acquisition (so whose deadline) is unknown', async () => {
    const w = new FakeWorker();
    await signIn();
    w.conversations = [
      {
        id: 'cv_x',
        agencyId: AGENCY_ID,
        agencyName: '株式会社みらい人材',
        profileId: '27-ABCDEFGHJK',
        state: 'open',
        mandatoryInformationVersion: 1,
        mandatoryInformationVersionSeen: 1,
        unread: 1,
        lastMessageAt: '2026-11-27T02:30:00.000Z',
      },
    ];
    await pollRound({ now: jst('2026-11-27'), fetch: w.fetch });
    expect(await db.conversations.count()).toBe(0);
  });

  it('R-RET-1 reads the worker’s acquisitions when the inbox names a profile acquired elsewhere, then keeps the thread', async () => {
    const w = new FakeWorker();
    await signIn();
    w.acquisitions = [
      {
        profileId: '27-ABCDEFGHJK',
        acquiredOn: '2026-11-26',
        acceptedOn: null,
        retentionDeadline: '2027-01-31',
        state: 'held',
        deletedAt: null,
        deletedRule: null,
      },
    ];
    w.conversations = [
      {
        id: 'cv_y',
        agencyId: AGENCY_ID,
        agencyName: '株式会社みらい人材',
        profileId: '27-ABCDEFGHJK',
        state: 'open',
        mandatoryInformationVersion: 1,
        mandatoryInformationVersionSeen: 1,
        unread: 2,
        lastMessageAt: '2026-11-27T02:30:00.000Z',
      },
    ];
    await pollRound({ now: jst('2026-11-27'), fetch: w.fetch });
    expect((await db.conversations.get([ACCOUNT, 'cv_y']))?.unread).toBe(2);
    expect((await db.acquisitions.get([ACCOUNT, '27-ABCDEFGHJK']))?.retentionDeadline).toBe('2027-01-31');
  });

  it('forgets a token the worker no longer accepts, keeping local data for the sweeper', async () => {
    const w = new FakeWorker();
    await signIn();
    await seedJobseeker(P1);
    w.overrides.set('GET /v1/agency/events', problem(401, 'unauthenticated'));
    expect(await pollRound({ now: jst('2026-11-27'), fetch: w.fetch })).toBe('problem');
    expect(await getSession()).toBeNull();
    expect(await held()).toEqual(ONE);
  });

  it('R-RET-3 empties local data when the worker reports the agency suspended', async () => {
    const w = new FakeWorker();
    await signIn();
    await seedJobseeker(P1);
    w.agency = {
      ...w.agency,
      status: 'suspended',
      suspension: { reason: '違反', startsOn: '2026-11-27', endsOn: '2027-05-26', kind: 'fixed' },
    };
    await pollRound({ now: jst('2026-11-27'), fetch: w.fetch });
    expect(await held()).toEqual(NONE);
    expect((await readSummary(ACCOUNT))?.status).toBe('suspended');
    expect(w.calls('/v1/agency/quota')).toHaveLength(0);
  });

  it('R-RET-1 and R-RET-2 follow the worker’s acquisitions hourly: its deadline and its deletions', async () => {
    const w = new FakeWorker();
    await signIn();
    await seedJobseeker(P1, { acquiredOn: '2026-11-27' });
    await seedJobseeker('14-8M4RN3YQB0', { acquiredOn: '2026-11-27' });
    w.acquisitions = [
      {
        profileId: P1,
        acquiredOn: '2026-11-27',
        acceptedOn: '2026-11-27',
        retentionDeadline: '2028-03-31',
        state: 'held',
        deletedAt: null,
        deletedRule: null,
      },
      {
        profileId: '14-8M4RN3YQB0',
        acquiredOn: '2026-11-27',
        acceptedOn: null,
        retentionDeadline: '2027-01-31',
        state: 'deleted',
        deletedAt: '2026-11-27T02:00:00.000Z',
        deletedRule: 'R-DEL-1',
      },
    ];
    await sweepRound({ now: jst('2026-11-27'), fetch: w.fetch });
    expect((await db.acquisitions.get([ACCOUNT, P1]))?.retentionDeadline).toBe('2028-03-31');
    expect(await held(ACCOUNT, '14-8M4RN3YQB0')).toEqual(NONE);
    expect((await db.deletions.toArray()).every((d) => d.rule === 'R-DEL-1' && d.cause === 'worker_record')).toBe(true);
  });

  it('creates the poll and sweep alarms once', async () => {
    await scheduleAlarms();
    await scheduleAlarms();
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms.map((a) => a.name).sort()).toEqual([SWEEP_ALARM, POLL_ALARM].sort());
  });

  it('signed out: sweeps, clears the badge, calls nobody', async () => {
    const w = new FakeWorker();
    await seedJobseeker(P1, { acquiredOn: '2026-01-01' });
    expect(await pollRound({ now: jst('2026-11-27'), fetch: w.fetch })).toBe('signed_out');
    expect(w.requests).toHaveLength(0);
    expect(await held()).toEqual(NONE);
  });
});
