import { searchFeed, type ApiContext } from './api';
import { db as defaultDb, type MadoguchiDB, type SavedSearchRecord } from './db';
import type { AccountKey } from './session';

/** How many of the newest matches a check reads (the feed is sorted newest update first). */
export const SAVED_SEARCH_WINDOW = 100;
/** How many seen IDs a saved search keeps. */
const SEEN_CAP = 1000;

/**
 * Records what the agency has now seen of a saved search: its new count goes to 0.
 *
 * @example
 * await markSavedSearchSeen(id, page.items.map((p) => p.id), now);
 */
export async function markSavedSearchSeen(id: number, profileIds: string[], now: Date, database: MadoguchiDB = defaultDb): Promise<void> {
  await database.transaction('rw', database.savedSearches, async () => {
    const record = await database.savedSearches.get(id);
    if (!record) return;
    const seen = [...new Set([...profileIds, ...(record.seenIds ?? [])])].slice(0, SEEN_CAP);
    await database.savedSearches.update(id, { seenIds: seen, newCount: 0, checkedAt: now.toISOString() });
  });
}

/**
 * Re-runs every saved search of the account (the newest matches only, R-FEED-3) and counts the
 * profiles not seen yet. The first check of a search only records what is there. Returns the
 * total of new matches. A refusal stops the round (the caller decides what it means).
 *
 * @example
 * await refreshSavedSearches({ ctx, account, now: serverNow() });
 */
export async function refreshSavedSearches(options: {
  ctx: ApiContext;
  account: AccountKey;
  now: Date;
  db?: MadoguchiDB;
}): Promise<number> {
  const database = options.db ?? defaultDb;
  const searches: SavedSearchRecord[] = await database.savedSearches.where('account').equals(options.account).toArray();
  let total = 0;
  for (const search of searches) {
    if (search.id === undefined) continue;
    const page = await searchFeed(options.ctx, { ...search.query, limit: String(SAVED_SEARCH_WINDOW) });
    const ids = page.items.map((p) => p.id);
    if (!search.seenIds) {
      await database.savedSearches.update(search.id, {
        seenIds: ids.slice(0, SEEN_CAP),
        newCount: 0,
        checkedAt: options.now.toISOString(),
      });
      continue;
    }
    const seen = new Set(search.seenIds);
    const fresh = ids.filter((id) => !seen.has(id)).length;
    total += fresh;
    await database.savedSearches.update(search.id, { newCount: fresh, checkedAt: options.now.toISOString() });
  }
  return total;
}

/**
 * New matches over all saved searches of the account, for the dashboard and the toolbar badge.
 *
 * @example
 * await newMatchCount(account);
 */
export async function newMatchCount(account: AccountKey, database: MadoguchiDB = defaultDb): Promise<number> {
  return (await database.savedSearches.where('account').equals(account).toArray()).reduce((n, s) => n + (s.newCount ?? 0), 0);
}
