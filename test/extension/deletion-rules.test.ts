/**
 * The extension deletes what the rules require, on time, without the user: the local sweeper by
 * each acquisition's deadline (even offline), and the events poller for blocks, deletion requests,
 * expiries and status changes. Real Dexie over fake-indexeddb; the worker is a fake `fetch`.
 */
import { describe, expect, it } from 'vitest';
import { db, setMeta } from '../../extension/utils/db';
import { processAgencyEvents } from '../../extension/utils/events';
import { ApiProblem } from '../../extension/utils/problem';
import { applyProblem } from '../../extension/utils/status';
import { sweepRetention } from '../../extension/utils/sweeper';
import { AGENCY_TOKEN, FakeWorker, WORKER, agencyAccount } from './fake-worker';
import { ACCOUNT, NONE, ONE, OTHER_ACCOUNT, held, jst, seedJobseeker } from './seed';

const P1 = '13-7K3QM2XPA9';
const P2 = '14-8M4RN3YQB0';

function worker() {
  const w = new FakeWorker();
  return { w, ctx: { baseUrl: WORKER, token: AGENCY_TOKEN, fetch: w.fetch } };
}

async function logRules() {
  return (await db.deletions.toArray()).map((d) => `${d.rule}:${d.recordKind}:${d.count}`).sort();
}

describe('local retention sweep', () => {
  // Acquired on, last day it may be kept (the end of the month after next).
  const window: Array<[string, string]> = [
    ['2026-11-27', '2027-01-31'],
    ['2026-12-31', '2027-02-28'],
    ['2027-12-01', '2028-02-29'],
    ['2026-01-01', '2026-03-31'],
  ];

  it.each(window)(
    'R-RET-1 keeps data acquired %s without 求職受理 through %s (JST) and deletes it at 00:00 the next day',
    async (acquiredOn, lastDay) => {
      await seedJobseeker(P1, { acquiredOn });
      await sweepRetention({ now: jst(lastDay, '23:59') });
      expect(await held()).toEqual(ONE);

      const nextDay = new Date(jst(lastDay, '00:00').getTime() + 86_400_000);
      const result = await sweepRetention({ now: nextDay });
      expect(result.expiredProfiles).toBe(1);
      expect(await held()).toEqual(NONE);
      expect(await logRules()).toEqual(['R-RET-1:acquisition:1', 'R-RET-1:conversation:1', 'R-RET-1:message:2', 'R-RET-1:profile:1']);
    },
  );

  it('R-RET-1 needs no connection: the sweep runs with no worker at all and leaves profiles still in time', async () => {
    await seedJobseeker(P1, { acquiredOn: '2026-11-27' });
    await seedJobseeker(P2, { acquiredOn: '2026-12-01' });
    await sweepRetention({ now: jst('2027-02-01', '00:00') });
    expect(await held(ACCOUNT, P1)).toEqual(NONE);
    expect(await held(ACCOUNT, P2)).toEqual(ONE);
  });

  it('R-RET-1 applies when 求職受理 came after the window: the late acceptance extends nothing', async () => {
    await seedJobseeker(P1, { acquiredOn: '2026-11-27', acceptedOn: '2027-02-01' });
    await sweepRetention({ now: jst('2027-02-01', '00:00') });
    expect(await held()).toEqual(NONE);
    expect(new Set((await db.deletions.toArray()).map((d) => d.rule))).toEqual(new Set(['R-RET-1']));
  });

  // Acquired, accepted, last day kept (one year from 1 April of the next fiscal year).
  const accepted: Array<[string, string, string]> = [
    ['2026-11-10', '2026-11-15', '2028-03-31'],
    ['2027-02-10', '2027-04-01', '2029-03-31'],
    ['2027-02-10', '2027-03-31', '2028-03-31'],
  ];

  it.each(accepted)(
    'R-RET-2 keeps data acquired %s and accepted %s through %s, then deletes it',
    async (acquiredOn, acceptedOn, lastDay) => {
      await seedJobseeker(P1, { acquiredOn, acceptedOn });
      // Well past the R-RET-1 window, still kept.
      await sweepRetention({ now: jst(lastDay, '23:59') });
      expect(await held()).toEqual(ONE);
      await sweepRetention({ now: new Date(jst(lastDay, '00:00').getTime() + 86_400_000) });
      expect(await held()).toEqual(NONE);
      expect(new Set((await db.deletions.toArray()).map((d) => d.rule))).toEqual(new Set(['R-RET-2']));
    },
  );

  it('R-RET-1 deletes jobseeker data that has no acquisition record, so no deadline can be shown', async () => {
    await seedJobseeker(P1);
    await db.acquisitions.clear();
    const result = await sweepRetention({ now: jst('2026-11-28') });
    expect(result.orphanRecords).toBe(4);
    expect(await held()).toEqual(NONE);
  });
});

describe('events from the worker', () => {
  it('R-BLOCK-2 deletes the blocking jobseeker’s profile, conversation and messages at once, keeps the others, and acknowledges', async () => {
    const { w, ctx } = worker();
    const conversationId = await seedJobseeker(P1);
    await seedJobseeker(P2);
    w.addEvent({
      id: 'ev_block',
      type: 'block',
      rule: 'R-BLOCK-2',
      profileId: P1,
      conversationId,
      details: { blockedAt: '2026-11-27T02:59:00.000Z' },
    });

    const round = await processAgencyEvents({ ctx, account: ACCOUNT, now: () => new Date('2026-11-27T03:00:01.000Z') });

    expect(await held(ACCOUNT, P1)).toEqual(NONE);
    expect(await held(ACCOUNT, P2)).toEqual(ONE);
    expect(round).toMatchObject({ handled: 1, acked: 1, pendingAcks: 0, deletedRecords: 5 });
    expect(w.ackCalls).toEqual([{ id: 'ev_block', deletedAt: '2026-11-27T03:00:01.000Z', deletedRecords: 5 }]);
    expect(await logRules()).toEqual(['R-BLOCK-2:acquisition:1', 'R-BLOCK-2:conversation:1', 'R-BLOCK-2:message:2', 'R-BLOCK-2:profile:1']);
  });

  it('R-BLOCK-2 also deletes at once when a send is refused with blocked_by_recipient, before the event arrives', async () => {
    await seedJobseeker(P1);
    const refusal = new ApiProblem(403, 'blocked_by_recipient', null);
    expect(await applyProblem(refusal, { account: ACCOUNT, profileId: P1, now: jst('2026-11-27') })).toBe(5);
    expect(await held(ACCOUNT, P1)).toEqual(NONE);
    expect((await db.deletions.toArray()).every((d) => d.rule === 'R-BLOCK-2')).toBe(true);
  });

  it('R-DEL-1 deletes on a deletion request and confirms when and how much, so the jobseeker can be told (R-DEL-2)', async () => {
    const { w, ctx } = worker();
    await seedJobseeker(P1, { messages: 3 });
    w.addEvent({
      id: 'ev_del',
      type: 'deletion_request',
      rule: 'R-DEL-1',
      profileId: P1,
      details: { requestId: 'dr_1', requestedAt: '2026-11-27T02:00:00.000Z' },
    });

    await processAgencyEvents({ ctx, account: ACCOUNT, now: () => new Date('2026-11-27T03:00:02.000Z') });

    expect(await held(ACCOUNT, P1)).toEqual(NONE);
    expect(w.acked.get('ev_del')).toMatchObject({ deletedAt: '2026-11-27T03:00:02.000Z', deletedRecords: 6 });
    expect(new Set((await db.deletions.toArray()).map((d) => d.rule))).toEqual(new Set(['R-DEL-1']));
  });

  it('R-RET-1 deletes on the worker’s retention-expiry event even before the local deadline (the worker’s clock wins when earlier)', async () => {
    const { w, ctx } = worker();
    await seedJobseeker(P1, { acquiredOn: '2026-11-27' });
    w.addEvent({
      id: 'ev_ret',
      type: 'retention_expired',
      rule: 'R-RET-1',
      profileId: P1,
      details: { deadline: '2027-01-31', reason: 'not_accepted' },
    });
    await processAgencyEvents({ ctx, account: ACCOUNT });
    expect(await held(ACCOUNT, P1)).toEqual(NONE);
    expect(w.acked.has('ev_ret')).toBe(true);
  });

  it('R-RET-3 deletes all jobseeker data of the account when it is suspended, and only that account’s', async () => {
    const { w, ctx } = worker();
    await setMeta(db, ACCOUNT, 'agency', agencyAccount());
    await seedJobseeker(P1);
    await seedJobseeker(P2);
    await seedJobseeker(P1, { account: OTHER_ACCOUNT });
    await db.templates.add({ account: ACCOUNT, name: '定型文', body: 'はじめまして。', updatedAt: '2026-11-27T00:00:00.000Z' });
    w.addEvent({
      id: 'ev_status',
      type: 'status_changed',
      rule: 'R-SAN-2',
      details: {
        status: 'suspended',
        suspension: { reason: '利用状況の報告がありません', startsOn: '2026-11-27', endsOn: '2027-05-26', kind: 'fixed' },
      },
    });

    await processAgencyEvents({ ctx, account: ACCOUNT });

    expect(await held(ACCOUNT)).toEqual(NONE);
    expect(await held(OTHER_ACCOUNT)).toEqual(ONE);
    expect(await db.templates.count()).toBe(1); // the agency's own text is not jobseeker data
    const status = (await db.meta.get([ACCOUNT, 'agency']))?.value as { status: string };
    expect(status.status).toBe('suspended');
    expect(new Set((await db.deletions.toArray()).map((d) => d.rule))).toEqual(new Set(['R-RET-3']));
    expect(w.acked.get('ev_status')?.deletedRecords).toBe(10);
  });

  it('R-RET-3 holds offline: the sweep empties an account whose last known status is revoked', async () => {
    await setMeta(db, ACCOUNT, 'agency', agencyAccount({ status: 'revoked', revokedOn: '2026-11-20' }));
    await seedJobseeker(P1);
    const result = await sweepRetention({ now: jst('2026-11-27') });
    expect(result.stoppedAccounts).toBe(1);
    expect(await held()).toEqual(NONE);
  });

  it('R-RET-3 applies when any route answers agency_withdrawn', async () => {
    await setMeta(db, ACCOUNT, 'agency', agencyAccount());
    await seedJobseeker(P1);
    await applyProblem(new ApiProblem(403, 'agency_withdrawn', null), { account: ACCOUNT, now: jst('2026-11-27') });
    expect(await held()).toEqual(NONE);
    expect(((await db.meta.get([ACCOUNT, 'agency']))?.value as { status: string }).status).toBe('withdrawn');
  });
});

describe('the deletion log', () => {
  it('R-RET-4 records kind, count, rule and time of every deletion, and nothing of the deleted content', async () => {
    const { w, ctx } = worker();
    const conversationId = await seedJobseeker(P1);
    await seedJobseeker(P2, { acquiredOn: '2026-09-01' });
    w.addEvent({
      id: 'ev_b',
      type: 'block',
      rule: 'R-BLOCK-2',
      profileId: P1,
      conversationId,
      details: { blockedAt: '2026-11-27T02:00:00.000Z' },
    });
    await processAgencyEvents({ ctx, account: ACCOUNT, now: () => new Date('2026-11-27T03:00:00.000Z') });
    await sweepRetention({ now: jst('2026-12-01') });

    const log = await db.deletions.toArray();
    expect(log.length).toBe(8);
    for (const line of log) {
      expect(Object.keys(line).sort()).toEqual(['account', 'at', 'cause', 'count', 'recordKind', 'rule', 'seq']);
      expect(line.count).toBeGreaterThan(0);
    }
    expect(log.filter((l) => l.rule === 'R-BLOCK-2').map((l) => l.cause)).toEqual(['event', 'event', 'event', 'event']);
    expect(log.filter((l) => l.rule === 'R-RET-1').map((l) => l.cause)).toEqual(['sweep', 'sweep', 'sweep', 'sweep']);
    const everything = JSON.stringify([log, await db.events.toArray()]);
    for (const secret of [P1, P2, conversationId, '夜勤', '介護職の求人', '特別養護老人ホーム']) expect(everything).not.toContain(secret);
  });

  it('R-RET-4 logs nothing when there was nothing to delete (a repeated deletion is not a second deletion)', async () => {
    await seedJobseeker(P1, { acquiredOn: '2026-09-01' });
    await sweepRetention({ now: jst('2026-12-01') });
    const first = await db.deletions.count();
    await sweepRetention({ now: jst('2026-12-02') });
    expect(await db.deletions.count()).toBe(first);
  });
});
