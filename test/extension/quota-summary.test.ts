/**
 * R-CAP-1: the count a send answers with reaches every screen at once — the dashboard's and the
 * popup's stored quota and the toolbar summary the background published — so none shows an older
 * count until the background's next round.
 */
import { describe, expect, it } from 'vitest';
import { db, getMeta } from '../../extension/utils/db';
import { publishSummary, readSummary, storeQuota } from '../../extension/utils/summary';
import { ACCOUNT, OTHER_ACCOUNT } from './seed';

const quota = (used: number) => ({ day: '2026-11-27', used, limit: 1000, remaining: 1000 - used, resetsAt: '2026-11-27T15:00:00.000Z' });

describe('the quota after a send', () => {
  it('R-CAP-1 updates the stored quota and the published summary together', async () => {
    await publishSummary({
      account: ACCOUNT,
      updatedAt: '2026-11-27T01:00:00.000Z',
      unreadMessages: 0,
      unreadThreads: 0,
      newEvents: 0,
      quota: quota(0),
      status: 'active',
      lastProblem: null,
    });
    await storeQuota(ACCOUNT, quota(1));
    expect((await getMeta(db, ACCOUNT, 'quota'))?.used).toBe(1);
    expect(await readSummary(ACCOUNT)).toMatchObject({ quota: { used: 1, remaining: 999 }, updatedAt: '2026-11-27T01:00:00.000Z' });
  });

  it('R-CAP-1 leaves another account’s summary alone, and makes none when the background has published none', async () => {
    await publishSummary({
      account: OTHER_ACCOUNT,
      updatedAt: '2026-11-27T01:00:00.000Z',
      unreadMessages: 0,
      unreadThreads: 0,
      newEvents: 0,
      quota: quota(5),
      status: 'active',
      lastProblem: null,
    });
    await storeQuota(ACCOUNT, quota(1));
    expect(await readSummary(ACCOUNT)).toBeNull();
    expect((await readSummary(OTHER_ACCOUNT))?.quota?.used).toBe(5);
    expect((await getMeta(db, ACCOUNT, 'quota'))?.used).toBe(1);
  });
});
