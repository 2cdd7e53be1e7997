import { retentionDeadline } from '../../shared/rules/deadlines';
import type { Acquisition, AcceptanceResult, OpenedProfile } from './api-schemas';
import { db as defaultDb, type AcquisitionRecord, type MadoguchiDB } from './db';
import { deleteJobseekerData } from './deletion';
import type { AccountKey } from './session';

/**
 * The last day the extension keeps data acquired on `acquiredOn` (R-RET-1, R-RET-2): the rule's
 * own deadline, or the worker's if that is earlier — the extension never keeps data longer than
 * either says.
 *
 * @example
 * localRetentionDeadline('2026-11-27', null);              // '2027-01-31'
 * localRetentionDeadline('2026-11-27', '2026-11-30');      // '2028-03-31'
 * localRetentionDeadline('2026-11-27', null, '2027-01-15'); // '2027-01-15'
 */
export function localRetentionDeadline(acquiredOn: string, acceptedOn: string | null, workerDeadline?: string): string {
  const own = retentionDeadline(acquiredOn, acceptedOn ?? undefined);
  return workerDeadline && workerDeadline < own ? workerDeadline : own;
}

function toRecord(account: AccountKey, a: Acquisition): AcquisitionRecord {
  return {
    account,
    profileId: a.profileId,
    acquiredOn: a.acquiredOn,
    acceptedOn: a.acceptedOn,
    retentionDeadline: localRetentionDeadline(a.acquiredOn, a.acceptedOn, a.retentionDeadline),
    source: 'worker',
  };
}

type Options = { account: AccountKey; now: Date; db?: MadoguchiDB };

/**
 * Keeps a profile the agency just opened, with its acquisition and deadline, in one transaction.
 *
 * @example
 * await storeOpenedProfile(await openProfile(ctx, id), { account, now: new Date() });
 */
export async function storeOpenedProfile(opened: OpenedProfile, options: Options): Promise<AcquisitionRecord> {
  const database = options.db ?? defaultDb;
  const record = toRecord(options.account, opened.acquisition);
  await database.transaction('rw', database.acquisitions, database.profiles, async () => {
    await database.acquisitions.put(record);
    await database.profiles.put({
      account: options.account,
      profileId: opened.profile.id,
      profile: opened.profile,
      fetchedAt: options.now.toISOString(),
    });
  });
  return record;
}

/**
 * Records 求職受理 locally after the worker accepted it (R-RET-2): the deadline moves to the end of
 * the next fiscal year when the acceptance fell inside the window.
 *
 * @example
 * await storeAcceptance(await recordAcceptance(ctx, id, '2026-11-30'), { account, now });
 */
export async function storeAcceptance(result: AcceptanceResult, options: Options): Promise<AcquisitionRecord> {
  const database = options.db ?? defaultDb;
  const record = toRecord(options.account, result.acquisition);
  await database.acquisitions.put(record);
  return record;
}

/**
 * Brings local acquisitions in line with the worker's record: held ones get the worker's dates;
 * ones the worker already deleted are deleted here under the rule the worker recorded.
 *
 * @example
 * await syncAcquisitions((await listAcquisitions(ctx)).items, { account, now });
 */
export async function syncAcquisitions(items: Acquisition[], options: Options): Promise<{ updated: number; deleted: number }> {
  const database = options.db ?? defaultDb;
  let updated = 0;
  let deleted = 0;
  for (const a of items) {
    if (a.state === 'deleted') {
      const gone = await deleteJobseekerData(
        { profileId: a.profileId },
        { account: options.account, rule: a.deletedRule ?? 'R-RET-1', cause: 'worker_record', now: options.now, db: database },
      );
      if (gone.acquisition + gone.profile + gone.conversation + gone.message > 0) deleted++;
    } else {
      await database.acquisitions.put(toRecord(options.account, a));
      updated++;
    }
  }
  return { updated, deleted };
}
