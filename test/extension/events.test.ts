/**
 * The events poller: the cursor, paging, idempotent handling and acknowledgements, and what
 * happens when the worker cannot be reached. The worker is a fake `fetch`; the database is real.
 */
import { describe, expect, it } from 'vitest';
import { db, getMeta } from '../../extension/utils/db';
import { markEventsSeen, processAgencyEvents } from '../../extension/utils/events';
import { ApiProblem } from '../../extension/utils/problem';
import { AGENCY_TOKEN, FakeWorker, WORKER, problem } from './fake-worker';
import { ACCOUNT, NONE, held, seedJobseeker } from './seed';

const P1 = '13-7K3QM2XPA9';

function setup() {
  const w = new FakeWorker();
  return { w, ctx: { baseUrl: WORKER, token: AGENCY_TOKEN, fetch: w.fetch } };
}

describe('events poller', () => {
  it('R-DEL-2 acknowledges each event once: a second round sends nothing and deletes nothing more', async () => {
    const { w, ctx } = setup();
    await seedJobseeker(P1);
    w.addEvent({
      id: 'ev_1',
      type: 'deletion_request',
      rule: 'R-DEL-1',
      profileId: P1,
      details: { requestId: 'dr_1', requestedAt: '2026-11-27T02:00:00.000Z' },
    });

    const first = await processAgencyEvents({ ctx, account: ACCOUNT });
    const logAfterFirst = await db.deletions.count();
    const second = await processAgencyEvents({ ctx, account: ACCOUNT });

    expect(first).toMatchObject({ handled: 1, acked: 1, pendingAcks: 0 });
    expect(second).toMatchObject({ handled: 0, acked: 0, pendingAcks: 0, deletedRecords: 0 });
    expect(w.ackCalls).toHaveLength(1);
    expect(await db.deletions.count()).toBe(logAfterFirst);
    expect(await getMeta(db, ACCOUNT, 'eventsCursor')).toBe(1);
    // The second round asked only for events after the one it handled.
    expect(w.calls('/v1/agency/events?').map((r) => r.path)).toEqual([
      '/v1/agency/events?after=0&limit=100',
      '/v1/agency/events?after=1&limit=100',
    ]);
  });

  it('R-DEL-2 deletes at once even when the acknowledgement cannot be sent, and retries it with the same figures', async () => {
    const { w, ctx } = setup();
    await seedJobseeker(P1);
    w.addEvent({ id: 'ev_1', type: 'block', rule: 'R-BLOCK-2', profileId: P1, details: { blockedAt: '2026-11-27T02:00:00.000Z' } });
    w.overrides.set('POST /v1/agency/events/ev_1/ack', 'network');

    const offline = await processAgencyEvents({ ctx, account: ACCOUNT, now: () => new Date('2026-11-27T03:00:00.000Z') });
    expect(await held(ACCOUNT, P1)).toEqual(NONE);
    expect(offline).toMatchObject({ handled: 1, acked: 0, pendingAcks: 1 });
    expect((await db.events.get([ACCOUNT, 'ev_1']))?.ackedAt).toBeNull();

    w.overrides.delete('POST /v1/agency/events/ev_1/ack');
    const online = await processAgencyEvents({ ctx, account: ACCOUNT, now: () => new Date('2026-11-27T03:05:00.000Z') });
    expect(online).toMatchObject({ handled: 0, acked: 1, pendingAcks: 0 });
    expect(w.ackCalls).toEqual([{ id: 'ev_1', deletedAt: '2026-11-27T03:00:00.000Z', deletedRecords: 5 }]);
    expect((await db.events.get([ACCOUNT, 'ev_1']))?.ackedAt).toBe(w.acked.get('ev_1')?.ackedAt);
  });

  it('R-OPS-1 keeps an acknowledgement pending through maintenance (503) and sends it once service returns', async () => {
    const { w, ctx } = setup();
    w.addEvent({ id: 'ev_1', type: 'report_reminder', rule: 'R-REP-2', details: { fiscalYear: 2026, dueOn: '2027-04-20' } });
    w.overrides.set(
      'POST /v1/agency/events/ev_1/ack',
      problem(503, 'maintenance', { reopensAt: '2026-11-27T21:00:00.000Z' }, { 'Retry-After': '600' }),
    );
    expect(await processAgencyEvents({ ctx, account: ACCOUNT })).toMatchObject({ handled: 1, acked: 0, pendingAcks: 1 });
    w.overrides.clear();
    expect(await processAgencyEvents({ ctx, account: ACCOUNT })).toMatchObject({ acked: 1, pendingAcks: 0 });
  });

  it('R-BLOCK-2 deletes the local copy even when another browser of the agency already acknowledged the event', async () => {
    const { w, ctx } = setup();
    await seedJobseeker(P1);
    w.addEvent({
      id: 'ev_1',
      type: 'block',
      rule: 'R-BLOCK-2',
      profileId: P1,
      details: { blockedAt: '2026-11-27T02:00:00.000Z' },
      ackedAt: '2026-11-27T02:00:05.000Z',
    });
    await processAgencyEvents({ ctx, account: ACCOUNT });
    expect(await held(ACCOUNT, P1)).toEqual(NONE);
  });

  it('R-DEL-2 handles an event once when the background and an open dashboard poll at the same moment', async () => {
    const { w, ctx } = setup();
    await seedJobseeker(P1);
    w.addEvent({
      id: 'ev_1',
      type: 'deletion_request',
      rule: 'R-DEL-1',
      profileId: P1,
      details: { requestId: 'dr_1', requestedAt: '2026-11-27T02:00:00.000Z' },
    });
    const rounds = await Promise.all([processAgencyEvents({ ctx, account: ACCOUNT }), processAgencyEvents({ ctx, account: ACCOUNT })]);
    expect(rounds.reduce((n, r) => n + r.handled, 0)).toBe(1);
    expect((await db.events.get([ACCOUNT, 'ev_1']))?.deletedRecords).toBe(5);
    expect(new Set(w.ackCalls.map((a) => a.deletedRecords))).toEqual(new Set([5]));
    expect(w.acked.get('ev_1')?.deletedRecords).toBe(5);
    expect(await db.deletions.count()).toBe(4);
  });

  it('reads every page of events and handles them in seq order', async () => {
    const { w, ctx } = setup();
    const ids = ['13-0000000001', '13-0000000002', '13-0000000003', '13-0000000004', '13-0000000005'];
    for (const id of ids) await seedJobseeker(id);
    for (const [i, id] of ids.entries()) {
      w.addEvent({
        id: `ev_${i + 1}`,
        type: 'deletion_request',
        rule: 'R-DEL-1',
        profileId: id,
        details: { requestId: `dr_${i}`, requestedAt: '2026-11-27T02:00:00.000Z' },
      });
    }
    const round = await processAgencyEvents({ ctx, account: ACCOUNT, pageSize: 2 });
    expect(round.handled).toBe(5);
    expect(await held()).toEqual(NONE);
    expect(await getMeta(db, ACCOUNT, 'eventsCursor')).toBe(5);
    expect(w.ackCalls.map((a) => a.id)).toEqual(['ev_1', 'ev_2', 'ev_3', 'ev_4', 'ev_5']);
  });

  it('stops retrying an acknowledgement the worker no longer knows (404)', async () => {
    const { w, ctx } = setup();
    w.addEvent({ id: 'ev_1', type: 'mandatory_info_changed', rule: 'R-MSG-3', details: { version: 2 } });
    w.overrides.set('POST /v1/agency/events/ev_1/ack', problem(404, 'event_not_found'));
    expect(await processAgencyEvents({ ctx, account: ACCOUNT })).toMatchObject({ handled: 1, pendingAcks: 0 });
  });

  it('stops at a token the worker rejects (401) and records nothing', async () => {
    const { w, ctx } = setup();
    w.addEvent({ id: 'ev_1', type: 'report_reminder', rule: 'R-REP-2', details: { fiscalYear: 2026, dueOn: '2027-04-20' } });
    w.overrides.set('GET /v1/agency/events', problem(401, 'unauthenticated'));
    await expect(processAgencyEvents({ ctx, account: ACCOUNT })).rejects.toMatchObject({
      code: 'unauthenticated',
      status: 401,
    } satisfies Partial<ApiProblem>);
    expect(await db.events.count()).toBe(0);
  });

  it('counts events as new until the notices view marks them seen', async () => {
    const { w, ctx } = setup();
    w.addEvent({ id: 'ev_1', type: 'report_reminder', rule: 'R-REP-2', details: { fiscalYear: 2026, dueOn: '2027-04-20' } });
    await processAgencyEvents({ ctx, account: ACCOUNT });
    const unseen = () => db.events.filter((e) => e.seenAt === null).count();
    expect(await unseen()).toBe(1);
    await markEventsSeen(ACCOUNT, new Date('2026-11-27T04:00:00.000Z'));
    expect(await unseen()).toBe(0);
  });

  it('sends the bearer token on every call', async () => {
    const { w, ctx } = setup();
    w.addEvent({ id: 'ev_1', type: 'report_reminder', rule: 'R-REP-2', details: { fiscalYear: 2026, dueOn: '2027-04-20' } });
    await processAgencyEvents({ ctx, account: ACCOUNT });
    expect(w.requests.length).toBeGreaterThan(0);
    expect(w.requests.every((r) => r.authorization === `Bearer ${AGENCY_TOKEN}`)).toBe(true);
  });
});
