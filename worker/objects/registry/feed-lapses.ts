/**
 * R-FEED-6: the calendar of when loaded profiles lapse, per prefecture shard, so the scheduled
 * work visits only the shards that have something to remove instead of waking all 47 every day.
 * It holds dates and prefecture codes only, nothing about a jobseeker.
 */
import type { RegistryStore } from './store';

/** The table of this concept (a migration step of the registry). */
export const FEED_LAPSES_SCHEMA = `
  CREATE TABLE feed_lapses (valid_until TEXT NOT NULL, prefecture TEXT NOT NULL, PRIMARY KEY (valid_until, prefecture)) WITHOUT ROWID;
`;

/**
 * Notes that a shard holds rows valid until these dates (called with each load). Idempotent.
 *
 * @example noteFeedValidity(s, [{ validUntil: '2027-01-31', prefecture: '13' }]);
 */
export function noteFeedValidity(s: RegistryStore, entries: Array<{ validUntil: string; prefecture: string }>): void {
  s.tx(() => {
    for (const e of entries)
      s.sql.exec('INSERT OR IGNORE INTO feed_lapses (valid_until, prefecture) VALUES (?, ?)', e.validUntil, e.prefecture);
  });
}

/** The shards holding rows that lapsed before `today` (JST date). */
export function dueFeedLapses(s: RegistryStore, today: string): string[] {
  return s.sql
    .exec<{ prefecture: string }>('SELECT DISTINCT prefecture FROM feed_lapses WHERE valid_until < ? ORDER BY prefecture', today)
    .toArray()
    .map((r) => r.prefecture);
}

/** Forgets the lapses before `today` of the shards that removed all of theirs. */
export function clearFeedLapses(s: RegistryStore, today: string, prefectures: string[]): void {
  s.tx(() => {
    for (const p of prefectures) s.sql.exec('DELETE FROM feed_lapses WHERE valid_until < ? AND prefecture = ?', today, p);
  });
}
