import type { AgencyStatus } from '../../shared/schemas/agency';
import type { DailyQuota } from '../../shared/schemas/quota';
import { ext, type StorageArea } from './browser';
import { db as defaultDb, setMeta, type MadoguchiDB } from './db';
import type { AccountKey } from './session';

/**
 * What the toolbar popup and badge show without opening the database: the background writes it
 * after each round, in `storage.session` (gone when the browser closes, wiped on sign-out).
 */
export type ToolbarSummary = {
  account: AccountKey;
  updatedAt: string;
  unreadMessages: number;
  unreadThreads: number;
  /** Agency: events not yet seen in the dashboard (deletions done, status changes, reminders). */
  newEvents: number;
  /** Agency: profiles new to its saved searches since it last ran them (R-FEED-3). */
  newMatches?: number;
  quota: DailyQuota | null;
  status: AgencyStatus | null;
  /** When the worker could not be reached or refused, the problem code (for a hint in the popup). */
  lastProblem: string | null;
};

const KEY = 'summary';

/** Publishes the summary and sets the toolbar badge to the count of things to look at. */
export async function publishSummary(
  summary: ToolbarSummary,
  area: StorageArea = ext.storage.session,
  action: Pick<typeof ext.action, 'setBadgeText'> = ext.action,
): Promise<void> {
  await area.set({ [KEY]: summary });
  const count = summary.unreadMessages + summary.newEvents + (summary.newMatches ?? 0);
  await action.setBadgeText({ text: count > 0 ? (count > 99 ? '99+' : String(count)) : '' });
}

/**
 * The last published summary for `account`, or `null`.
 *
 * @example
 * const summary = await readSummary(session.account);
 */
export async function readSummary(account: AccountKey, area: StorageArea = ext.storage.session): Promise<ToolbarSummary | null> {
  const value = (await area.get(KEY))[KEY] as ToolbarSummary | undefined;
  return value && value.account === account ? value : null;
}

/** Removes the summary and the badge (sign-out). */
export async function clearSummary(
  area: StorageArea = ext.storage.session,
  action: Pick<typeof ext.action, 'setBadgeText'> = ext.action,
): Promise<void> {
  await area.remove(KEY);
  await action.setBadgeText({ text: '' });
}

/**
 * Keeps the quota a send (or a refusal) answered with (R-CAP-1) where the dashboard and the popup
 * read it, and in the toolbar summary the background published, so no screen shows an older count
 * until the background's next round.
 *
 * @example
 * await storeQuota(account, result.quota);
 */
export async function storeQuota(
  account: AccountKey,
  quota: DailyQuota,
  database: MadoguchiDB = defaultDb,
  area: StorageArea = ext.storage.session,
): Promise<void> {
  await setMeta(database, account, 'quota', quota);
  const current = await readSummary(account, area);
  if (current) await area.set({ [KEY]: { ...current, quota } });
}
