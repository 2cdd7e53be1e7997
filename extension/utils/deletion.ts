import { db as defaultDb, type DeletedRecordKind, type DeletionRecord, type MadoguchiDB } from './db';
import type { AccountKey } from './session';

/**
 * Which jobseeker data to delete: everything about one profile (and, if named, a conversation the
 * worker tied to it), or every piece of jobseeker data the account holds (R-RET-3).
 */
export type DeletionScope = { profileId: string; conversationId?: string } | { all: true };

/** How many local records of each kind a deletion removed. */
export type DeletionCounts = Record<DeletedRecordKind, number>;

/** The total of a {@link DeletionCounts}. */
export function totalDeleted(counts: DeletionCounts): number {
  return counts.acquisition + counts.profile + counts.conversation + counts.message;
}

/**
 * Deletes an account's jobseeker data in one transaction and records, in the same transaction,
 * what kind of record went, how many, under which rule and when (R-RET-4) — never the content.
 * Idempotent: deleting what is already gone removes nothing and logs nothing.
 *
 * @example
 * await deleteJobseekerData({ profileId: '13-7K3QM2XPA9' }, { account, rule: 'R-BLOCK-2', cause: 'event', now });
 */
export async function deleteJobseekerData(
  scope: DeletionScope,
  options: { account: AccountKey; rule: string; cause: DeletionRecord['cause']; now: Date; db?: MadoguchiDB },
): Promise<DeletionCounts> {
  const database = options.db ?? defaultDb;
  const { account } = options;
  return database.transaction(
    'rw',
    database.acquisitions,
    database.profiles,
    database.conversations,
    database.messages,
    database.deletions,
    async () => {
      const counts: DeletionCounts = { acquisition: 0, profile: 0, conversation: 0, message: 0 };
      if ('all' in scope) {
        counts.acquisition = await database.acquisitions.where('account').equals(account).delete();
        counts.profile = await database.profiles.where('account').equals(account).delete();
        counts.conversation = await database.conversations.where('account').equals(account).delete();
        counts.message = await database.messages.where('account').equals(account).delete();
      } else {
        const { profileId, conversationId } = scope;
        const conversationIds = new Set(
          (await database.conversations.where('[account+profileId]').equals([account, profileId]).primaryKeys()).map(
            (key) => (key as [string, string])[1],
          ),
        );
        if (conversationId) conversationIds.add(conversationId);
        for (const id of conversationIds) {
          counts.message += await database.messages.where('[account+conversationId]').equals([account, id]).delete();
        }
        counts.message += await database.messages.where('[account+profileId]').equals([account, profileId]).delete();
        counts.conversation = await database.conversations.where('[account+profileId]').equals([account, profileId]).delete();
        if (conversationId)
          counts.conversation += await database.conversations.where('[account+id]').equals([account, conversationId]).delete();
        counts.profile = await database.profiles.where('[account+profileId]').equals([account, profileId]).delete();
        counts.acquisition = await database.acquisitions.where('[account+profileId]').equals([account, profileId]).delete();
      }
      const at = options.now.toISOString();
      const lines = (Object.keys(counts) as DeletedRecordKind[])
        .filter((kind) => counts[kind] > 0)
        .map((recordKind): DeletionRecord => ({
          account,
          at,
          recordKind,
          count: counts[recordKind],
          rule: options.rule,
          cause: options.cause,
        }));
      if (lines.length) await database.deletions.bulkAdd(lines);
      return counts;
    },
  );
}
