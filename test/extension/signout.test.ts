/**
 * Sign-out wipes the signed-out account's local data — and only that account's — before anything
 * else, even offline, and forgets the token.
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { db, setMeta } from '../../extension/utils/db';
import { accountKey, getSession, setSession, type Session } from '../../extension/utils/session';
import { signOut } from '../../extension/utils/signout';
import { publishSummary, readSummary } from '../../extension/utils/summary';
import { wipeAccountData } from '../../extension/utils/wipe';
import { AGENCY_ID, AGENCY_TOKEN, FakeWorker, WORKER, agencyAccount } from './fake-worker';
import { ACCOUNT, NONE, ONE, OTHER_ACCOUNT, held, seedJobseeker } from './seed';

const session: Session = {
  role: 'agency',
  accountId: AGENCY_ID,
  account: accountKey('agency', AGENCY_ID),
  token: AGENCY_TOKEN,
  expiresAt: '2099-01-01T00:00:00.000Z',
  displayName: '株式会社みらい人材',
};

async function seedAccount(account = ACCOUNT) {
  await seedJobseeker('13-7K3QM2XPA9', { account });
  await db.templates.add({ account, name: '定型文', body: 'はじめまして。', updatedAt: '2026-11-27T00:00:00.000Z' });
  await db.savedSearches.add({
    account,
    name: '東京の介護',
    query: { prefecture: '13', q: '介護' },
    createdAt: '2026-11-27T00:00:00.000Z',
  });
  await db.events.put({
    account,
    id: 'ev_1',
    seq: 1,
    type: 'report_reminder',
    rule: 'R-REP-2',
    createdAt: '2026-11-27T00:00:00.000Z',
    handledAt: '2026-11-27T00:00:00.000Z',
    ackedAt: null,
    deletedRecords: 0,
    seenAt: null,
  });
  await db.deletions.add({ account, at: '2026-11-27T00:00:00.000Z', recordKind: 'profile', count: 1, rule: 'R-RET-1', cause: 'sweep' });
  await setMeta(db, account, 'agency', agencyAccount());
  await setMeta(db, account, 'eventsCursor', 1);
}

async function rowsOf(account: string) {
  let n = 0;
  for (const table of db.tables) n += (await table.toArray()).filter((r: { account?: string }) => r.account === account).length;
  return n;
}

describe('sign-out', () => {
  it('wipes every local record of the account that signs out and keeps the other account’s', async () => {
    await seedAccount(ACCOUNT);
    await seedAccount(OTHER_ACCOUNT);
    const w = new FakeWorker();
    await setSession(session);
    await publishSummary({
      account: ACCOUNT,
      updatedAt: '2026-11-27T00:00:00.000Z',
      unreadMessages: 2,
      unreadThreads: 1,
      newEvents: 1,
      quota: null,
      status: 'active',
      lastProblem: null,
    });

    await signOut(session, { baseUrl: WORKER, fetch: w.fetch, wipe: wipeAccountData });

    expect(await rowsOf(ACCOUNT)).toBe(0);
    expect(await held(OTHER_ACCOUNT)).toEqual(ONE);
    expect(await rowsOf(OTHER_ACCOUNT)).toBe(11);
    expect(await getSession()).toBeNull();
    expect(await readSummary(ACCOUNT)).toBeNull();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    // This device's session ends at the worker too (not every device's).
    expect(w.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/me/sessions', 'DELETE /v1/me/sessions/S1']);
  });

  it('wipes local data even when the worker cannot be reached', async () => {
    await seedAccount(ACCOUNT);
    await setSession(session);
    const offline: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    await signOut(session, { baseUrl: WORKER, fetch: offline, wipe: wipeAccountData });
    expect(await held(ACCOUNT)).toEqual(NONE);
    expect(await rowsOf(ACCOUNT)).toBe(0);
    expect(await getSession()).toBeNull();
  });

  it('keeps the token in session storage only, never in local storage', async () => {
    await setSession(session);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(AGENCY_TOKEN);
    expect((await getSession())?.token).toBe(AGENCY_TOKEN);
  });

  it('treats an expired session as signed out', async () => {
    await setSession({ ...session, expiresAt: '2026-11-27T03:00:00.000Z' });
    expect(await getSession(undefined, new Date('2026-11-27T02:59:59.000Z'))).not.toBeNull();
    expect(await getSession(undefined, new Date('2026-11-27T03:00:00.000Z'))).toBeNull();
  });
});
