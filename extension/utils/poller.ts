import { maintenanceUntil } from '../../shared/rules/deadlines';
import { getAgencyAccount, getQuota, listAcquisitions, listAgencyConversations, listSeekerConversations, type ApiContext } from './api';
import { syncAcquisitions } from './acquisitions';
import { ext, type StorageArea } from './browser';
import { storeInbox } from './conversations';
import { db as defaultDb, getMeta, setMeta, type MadoguchiDB } from './db';
import { processAgencyEvents } from './events';
import { ApiProblem } from './problem';
import { clearSession, getSession, type Session } from './session';
import { getWorkerUrl } from './settings';
import { applyProblem } from './status';
import { clearSummary, publishSummary, type ToolbarSummary } from './summary';
import { loadServerOffset, serverNow, syncServerTime } from './server-time';
import { sweepRetention } from './sweeper';
import { newMatchCount, refreshSavedSearches } from './saved-searches';

/** The alarm that polls the worker's events (and refreshes quota, inbox and badge). */
export const POLL_ALARM = 'madoguchi-poll';
export const POLL_PERIOD_MINUTES = 1;
/** The alarm that sweeps local data by its deadlines (works offline) and re-reads acquisitions. */
export const SWEEP_ALARM = 'madoguchi-retention-sweep';
export const SWEEP_PERIOD_MINUTES = 60;

/** Browser pieces a round uses; tests hand in the fake browser's and a fake worker's. */
export type RoundDeps = {
  now?: Date;
  db?: MadoguchiDB;
  fetch?: typeof fetch;
  sessionArea?: StorageArea;
  localArea?: StorageArea;
};

/** How a round ended. */
export type RoundOutcome = 'signed_out' | 'maintenance' | 'ok' | 'problem';

/**
 * Creates the two alarms if they are missing (alarms survive service-worker restarts).
 *
 * @example
 * await scheduleAlarms();
 */
export async function scheduleAlarms(alarms: Pick<typeof ext.alarms, 'get' | 'create'> = ext.alarms): Promise<void> {
  if (!(await alarms.get(POLL_ALARM))) await alarms.create(POLL_ALARM, { periodInMinutes: POLL_PERIOD_MINUTES, delayInMinutes: 0.1 });
  if (!(await alarms.get(SWEEP_ALARM))) await alarms.create(SWEEP_ALARM, { periodInMinutes: SWEEP_PERIOD_MINUTES, delayInMinutes: 0.1 });
}

async function agencySummary(session: Session, database: MadoguchiDB, lastProblem: string | null, now: Date): Promise<ToolbarSummary> {
  const conversations = await database.conversations.where('account').equals(session.account).toArray();
  const newEvents = await database.events
    .where('account')
    .equals(session.account)
    .filter((e) => e.seenAt === null)
    .count();
  const agency = await getMeta(database, session.account, 'agency');
  return {
    account: session.account,
    updatedAt: now.toISOString(),
    unreadMessages: conversations.reduce((n, c) => n + c.unread, 0),
    unreadThreads: conversations.filter((c) => c.unread > 0).length,
    newEvents,
    newMatches: await newMatchCount(session.account, database),
    quota: (await getMeta(database, session.account, 'quota')) ?? null,
    status: agency?.status ?? null,
    lastProblem,
  };
}

async function agencyRound(session: Session, ctx: ApiContext, database: MadoguchiDB, now: Date): Promise<string | null> {
  try {
    await processAgencyEvents({ ctx, account: session.account, db: database });
    const me = await getAgencyAccount(ctx);
    await setMeta(database, session.account, 'agency', me);
    if (me.status !== 'active') {
      await sweepRetention({ now, db: database });
      return null;
    }
    await setMeta(database, session.account, 'quota', await getQuota(ctx));
    const inbox = (await listAgencyConversations(ctx)).items;
    // A conversation started elsewhere (another device, the API) names a profile this extension has
    // not recorded yet: read the worker's acquisitions first so the thread is kept, not skipped.
    const known = await Promise.all(inbox.map((c) => database.acquisitions.get([session.account, c.profileId])));
    if (known.some((k) => !k)) await syncAcquisitions((await listAcquisitions(ctx)).items, { account: session.account, now, db: database });
    await storeInbox(inbox, { account: session.account, db: database });
    return null;
  } catch (error) {
    if (!(error instanceof ApiProblem)) throw error;
    await applyProblem(error, { account: session.account, now, db: database });
    return error.code;
  }
}

/**
 * The worker's "now" (T-5): reads its time first (`/v1/health` is open in every window), so the
 * maintenance check, the quota and the deadlines of this round agree with the worker and the pages.
 * Offline, the last known offset stays.
 */
async function workerNow(deps: RoundDeps): Promise<Date> {
  const localArea = deps.localArea ?? ext.storage.local;
  await loadServerOffset(localArea);
  await syncServerTime(await getWorkerUrl(localArea), { area: localArea, ...(deps.fetch ? { fetch: deps.fetch } : {}) });
  return serverNow();
}

/**
 * One background round: sweep local data by its deadlines first (no network needed); then, when
 * signed in and outside the maintenance windows (R-OPS-1: nothing is sent or queued then), act on
 * the worker's events, refresh status, quota and inbox (agency) or unread counts (jobseeker), and
 * publish the toolbar summary and badge. A token the worker no longer accepts is forgotten.
 *
 * @example
 * ext.alarms.onAlarm.addListener(() => pollRound());
 */
export async function pollRound(deps: RoundDeps = {}): Promise<RoundOutcome> {
  const now = deps.now ?? (await workerNow(deps));
  const database = deps.db ?? defaultDb;
  const sessionArea = deps.sessionArea ?? ext.storage.session;
  await sweepRetention({ now, db: database });
  const session = await getSession(sessionArea, now);
  if (!session) {
    await clearSummary(sessionArea);
    return 'signed_out';
  }
  const baseUrl = await getWorkerUrl(deps.localArea ?? ext.storage.local);
  const ctx: ApiContext = { baseUrl, token: session.token, ...(deps.fetch ? { fetch: deps.fetch } : {}) };

  if (maintenanceUntil(now)) {
    if (session.role === 'agency') await publishSummary(await agencySummary(session, database, 'maintenance', now), sessionArea);
    return 'maintenance';
  }

  if (session.role === 'agency') {
    const problem = await agencyRound(session, ctx, database, now);
    if (problem === 'unauthenticated') await clearSession(sessionArea);
    await publishSummary(await agencySummary(session, database, problem, now), sessionArea);
    return problem ? 'problem' : 'ok';
  }

  try {
    const { items } = await listSeekerConversations(ctx);
    await publishSummary(
      {
        account: session.account,
        updatedAt: now.toISOString(),
        newEvents: 0,
        quota: null,
        status: null,
        lastProblem: null,
        unreadMessages: items.reduce((n, c) => n + c.unread, 0),
        unreadThreads: items.filter((c) => c.unread > 0).length,
      },
      sessionArea,
    );
    return 'ok';
  } catch (error) {
    if (!(error instanceof ApiProblem)) throw error;
    if (error.code === 'unauthenticated') await clearSession(sessionArea);
    return 'problem';
  }
}

/**
 * The hourly round: the sweep, and for a signed-in agency the worker's list of acquisitions, so
 * local deadlines match the worker's and anything it already deleted goes here too, then the
 * saved searches' new matches and the badge.
 *
 * @example
 * await sweepRound();
 */
export async function sweepRound(deps: RoundDeps = {}): Promise<void> {
  const now = deps.now ?? (await workerNow(deps));
  const database = deps.db ?? defaultDb;
  await sweepRetention({ now, db: database });
  const session = await getSession(deps.sessionArea ?? ext.storage.session, now);
  if (!session || session.role !== 'agency' || maintenanceUntil(now)) return;
  const ctx: ApiContext = {
    baseUrl: await getWorkerUrl(deps.localArea ?? ext.storage.local),
    token: session.token,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  };
  try {
    await syncAcquisitions((await listAcquisitions(ctx)).items, { account: session.account, now, db: database });
    await sweepRetention({ now, db: database });
    // Saved searches: count new matches for the dashboard and the badge (R-FEED-3).
    await refreshSavedSearches({ ctx, account: session.account, now, db: database });
    await publishSummary(await agencySummary(session, database, null, now), deps.sessionArea ?? ext.storage.session);
  } catch (error) {
    if (!(error instanceof ApiProblem)) throw error;
    await applyProblem(error, { account: session.account, now, db: database });
  }
}
