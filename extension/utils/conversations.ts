import type { Conversation, ConversationThread } from '../../shared/schemas/message';
import { db as defaultDb, type MadoguchiDB } from './db';
import type { AccountKey } from './session';

type Options = { account: AccountKey; db?: MadoguchiDB };

/**
 * Caches inbox lines, but only for profiles whose acquisition (and so whose deadline) is known
 * locally: the sweeper must be able to delete everything it keeps on time. Returns how many were
 * kept.
 *
 * @example
 * await storeInbox((await listAgencyConversations(ctx)).items, { account });
 */
export async function storeInbox(items: Conversation[], options: Options): Promise<number> {
  const database = options.db ?? defaultDb;
  return database.transaction('rw', database.acquisitions, database.conversations, async () => {
    let kept = 0;
    for (const c of items) {
      if (!(await database.acquisitions.get([options.account, c.profileId]))) continue;
      await database.conversations.put({ ...c, account: options.account });
      kept++;
    }
    return kept;
  });
}

/**
 * Caches one thread (the conversation marked read, and its messages), under the same condition
 * as {@link storeInbox}. Returns whether it was kept.
 *
 * @example
 * await storeThread(await getAgencyConversation(ctx, id), { account });
 */
export async function storeThread(thread: ConversationThread, options: Options): Promise<boolean> {
  const database = options.db ?? defaultDb;
  const { account } = options;
  const { conversation, messages } = thread;
  return database.transaction('rw', database.acquisitions, database.conversations, database.messages, async () => {
    if (!(await database.acquisitions.get([account, conversation.profileId]))) return false;
    await database.conversations.put({ ...conversation, unread: 0, account });
    await database.messages.bulkPut(messages.map((m) => ({ ...m, account, profileId: conversation.profileId })));
    return true;
  });
}
