import { retentionWindowEnd } from '../../shared/rules/deadlines';
import { jstDate } from '../../shared/rules/time';
import { db as defaultDb, type MadoguchiDB } from './db';
import { deleteJobseekerData, totalDeleted } from './deletion';
import type { AccountKey } from './session';

/** Statuses in which an agency no longer uses the service, so it keeps no jobseeker data (R-RET-3). */
export const STOPPED_STATUSES: readonly string[] = ['suspended', 'revoked', 'withdrawn'];

/** What a sweep deleted: profiles whose deadline passed, and accounts emptied because they stopped. */
export type SweepResult = { expiredProfiles: number; orphanRecords: number; stoppedAccounts: number; deletedRecords: number };

/**
 * The local retention sweep, run daily by the background (hourly in fact, and whenever a page
 * opens) with or without a connection to the worker:
 * - R-RET-1 / R-RET-2: every acquisition whose `retentionDeadline` is before today's JST date goes,
 *   with its profile, conversations and messages (R-RET-2 when 求職受理 was recorded, else R-RET-1);
 * - jobseeker data with no acquisition record (so no provable deadline) goes under R-RET-1;
 * - R-RET-3: an account whose last known status is suspended, revoked or withdrawn loses all of it.
 * Each deletion is logged without content (R-RET-4). Idempotent.
 *
 * @example
 * await sweepRetention({ now: new Date() });
 */
export async function sweepRetention(options: { now: Date; db?: MadoguchiDB }): Promise<SweepResult> {
  const database = options.db ?? defaultDb;
  const { now } = options;
  const today = jstDate(now);
  const result: SweepResult = { expiredProfiles: 0, orphanRecords: 0, stoppedAccounts: 0, deletedRecords: 0 };

  const expired = await database.acquisitions.where('retentionDeadline').below(today).toArray();
  for (const a of expired) {
    // R-RET-2 only for an acceptance inside the window; a later one extended nothing (R-RET-1).
    const accepted = a.acceptedOn !== null && a.acceptedOn <= retentionWindowEnd(a.acquiredOn);
    const counts = await deleteJobseekerData(
      { profileId: a.profileId },
      { account: a.account, rule: accepted ? 'R-RET-2' : 'R-RET-1', cause: 'sweep', now, db: database },
    );
    result.expiredProfiles++;
    result.deletedRecords += totalDeleted(counts);
  }

  const held = new Set((await database.acquisitions.toArray()).map((a) => `${a.account}\u0000${a.profileId}`));
  const orphans = new Map<string, { account: AccountKey; profileId: string }>();
  const consider = (account: AccountKey, profileId: string) => {
    const key = `${account}\u0000${profileId}`;
    if (!held.has(key)) orphans.set(key, { account, profileId });
  };
  await database.profiles.each((p) => consider(p.account, p.profileId));
  await database.conversations.each((c) => consider(c.account, c.profileId));
  await database.messages.each((m) => consider(m.account, m.profileId));
  for (const { account, profileId } of orphans.values()) {
    const counts = await deleteJobseekerData({ profileId }, { account, rule: 'R-RET-1', cause: 'sweep', now, db: database });
    result.orphanRecords += totalDeleted(counts);
    result.deletedRecords += totalDeleted(counts);
  }

  const stopped = (await database.meta.where('account').startsWith('agency:').toArray()).filter(
    (m) => m.key === 'agency' && STOPPED_STATUSES.includes(m.value.status),
  );
  for (const m of stopped) {
    const counts = await deleteJobseekerData({ all: true }, { account: m.account, rule: 'R-RET-3', cause: 'sweep', now, db: database });
    if (totalDeleted(counts) > 0) result.stoppedAccounts++;
    result.deletedRecords += totalDeleted(counts);
  }
  return result;
}
