/**
 * T-5: the worker's time is the only time. The browser's clock stands at 23:07 JST on the last day
 * of a month (inside the R-OPS-1 month-end window); the worker's demo clock stands at 10:00 the next
 * morning. Maintenance, quota, date limits and the background round follow the worker.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { maintenanceUntil } from '../../shared/rules/deadlines';
import { sendBlockedReason } from '../../extension/utils/send-blocked';
import { db, getMeta } from '../../extension/utils/db';
import { pollRound } from '../../extension/utils/poller';
import { loadServerOffset, resetServerClock, serverNow, syncServerTime } from '../../extension/utils/server-time';
import { accountKey, getSession, setSession } from '../../extension/utils/session';
import { readSummary } from '../../extension/utils/summary';
import { todayJst } from '../../extension/utils/time';
import { AGENCY_ID, AGENCY_TOKEN, FakeWorker, WORKER } from './fake-worker';
import { ACCOUNT } from './seed';

const BROWSER_NOW = new Date('2026-11-30T14:07:00.000Z'); // 23:07 JST, 30 November
const WORKER_NOW = new Date('2026-12-01T01:00:00.000Z'); // 10:00 JST, 1 December

function workerAt(at: Date): FakeWorker {
  const w = new FakeWorker();
  w.now = () => at;
  w.quota = { day: '2026-12-01', used: 1, limit: 1000, remaining: 999, resetsAt: '2026-12-01T15:00:00.000Z' };
  return w;
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(BROWSER_NOW);
  resetServerClock();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("the worker's time in the extension", () => {
  it("T-5 keeps the worker's clock as an offset that every page and the background share", async () => {
    const w = workerAt(WORKER_NOW);
    expect(maintenanceUntil(serverNow())).not.toBeNull();
    expect(await syncServerTime(WORKER, { fetch: w.fetch })).toBe(WORKER_NOW.getTime() - BROWSER_NOW.getTime());
    expect(serverNow().toISOString()).toBe(WORKER_NOW.toISOString());
    expect(todayJst()).toBe('2026-12-01');
    // A page opened next (or the background) starts from the stored offset.
    resetServerClock();
    expect(serverNow().toISOString()).toBe(BROWSER_NOW.toISOString());
    await loadServerOffset();
    expect(serverNow().toISOString()).toBe(WORKER_NOW.toISOString());
  });

  it('T-5 a page that measured its own offset keeps it, whatever another context stored', async () => {
    await syncServerTime(WORKER, { fetch: workerAt(WORKER_NOW).fetch });
    await fakeBrowser.storage.local.set({ serverClock: { offsetMs: 0, syncedAt: BROWSER_NOW.toISOString() } });
    await loadServerOffset();
    expect(serverNow().toISOString()).toBe(WORKER_NOW.toISOString());
  });

  it('T-5 keeps the last offset when the worker cannot be reached', async () => {
    const w = workerAt(WORKER_NOW);
    await syncServerTime(WORKER, { fetch: w.fetch });
    w.overrides.set('GET /v1/health', 'network');
    expect(await syncServerTime(WORKER, { fetch: w.fetch })).toBeNull();
    expect(serverNow().toISOString()).toBe(WORKER_NOW.toISOString());
  });

  it("R-OPS-1 sending is open when the worker's clock is in service hours, whatever the browser's clock says", async () => {
    await syncServerTime(WORKER, { fetch: workerAt(WORKER_NOW).fetch });
    expect(sendBlockedReason(null, null, serverNow())).toBeNull();
    // …and closed when the worker's clock is in a window although the browser's is not.
    vi.setSystemTime(new Date('2026-12-01T03:00:00.000Z')); // 12:00 JST in the browser
    await syncServerTime(WORKER, { fetch: workerAt(new Date('2026-11-30T12:45:00.000Z')).fetch }); // 21:45 JST, month end
    expect(sendBlockedReason(null, null, serverNow())).toContain('メンテナンス');
  });

  it('R-OPS-1 R-CAP-1 the background round follows the worker: no false maintenance, the same quota as the dashboard', async () => {
    const w = workerAt(WORKER_NOW);
    await fakeBrowser.storage.local.set({ workerUrl: WORKER });
    await setSession({
      role: 'agency',
      accountId: AGENCY_ID,
      account: accountKey('agency', AGENCY_ID),
      token: AGENCY_TOKEN,
      expiresAt: '2026-12-01T09:00:00.000Z',
      displayName: '株式会社みらい人材',
    });
    expect(await pollRound({ fetch: w.fetch })).toBe('ok');
    expect(w.requests.map((r) => r.path)).toContain('/v1/agency/quota');
    expect((await getMeta(db, ACCOUNT, 'quota'))?.used).toBe(1);
    expect(await readSummary(ACCOUNT)).toMatchObject({ lastProblem: null, quota: { used: 1 }, updatedAt: WORKER_NOW.toISOString() });
  });

  it("T-5 a session ends by the worker's clock, not the browser's", async () => {
    await setSession({
      role: 'agency',
      accountId: AGENCY_ID,
      account: accountKey('agency', AGENCY_ID),
      token: AGENCY_TOKEN,
      expiresAt: '2026-11-30T20:00:00.000Z',
      displayName: 'x',
    });
    expect(await getSession()).not.toBeNull();
    await syncServerTime(WORKER, { fetch: workerAt(WORKER_NOW).fetch });
    expect(await getSession()).toBeNull();
  });
});
