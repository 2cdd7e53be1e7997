import { db as defaultDb, MadoguchiDB } from './db';
import type { AccountKey } from './session';

/**
 * Deletes every local record of one account — jobseeker data, templates, saved searches, events,
 * the deletion log, cursors — in one transaction. Other accounts' data stays.
 *
 * @example
 * await wipeAccountData('agency:A7K3M9X2QAB');
 */
export async function wipeAccountData(account: AccountKey, database: MadoguchiDB = defaultDb): Promise<number> {
  const names = MadoguchiDB.ACCOUNT_TABLES;
  return database.transaction('rw', [...names], async () => {
    let removed = 0;
    for (const name of names) removed += await database.table(name).where('account').equals(account).delete();
    return removed;
  });
}
