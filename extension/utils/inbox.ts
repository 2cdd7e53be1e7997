import type { ConversationState } from '../../shared/schemas/message';
import { db as defaultDb, type MadoguchiDB } from './db';
import type { AccountKey } from './session';

/** What the agency's inbox can be narrowed to. */
export type InboxFilter = 'all' | 'awaiting_seeker' | 'open' | 'ended';

/** One inbox line: the conversation, what the agency knows of the profile, and the last message. */
export type InboxLine = {
  id: string;
  profileId: string;
  state: ConversationState;
  unread: number;
  lastMessageAt: string;
  occupations: string[];
  prefectures: string[];
  ageBand: string | null;
  lastMessage: { from: string; body: string } | null;
  /** True when the conversation has a message newer than any held here (fetched when it is opened). */
  newerUnseen: boolean;
};

const MATCHES: Record<InboxFilter, (state: ConversationState) => boolean> = {
  all: () => true,
  awaiting_seeker: (s) => s === 'awaiting_seeker',
  open: (s) => s === 'open',
  ended: (s) => s === 'blocked' || s === 'closed',
};

/**
 * The agency's inbox from local data: unread conversations first, then newest; each with the
 * profile summary it opened (occupations, areas) and the last message it holds — or, when the
 * worker reports a newer one not yet fetched, a note that one waits (never a stale preview).
 *
 * @example
 * await inboxLines('agency:A7K3M9X2QAB', 'open');
 */
export async function inboxLines(
  account: AccountKey,
  filter: InboxFilter = 'all',
  database: MadoguchiDB = defaultDb,
): Promise<InboxLine[]> {
  const conversations = (await database.conversations.where('account').equals(account).toArray()).filter((c) => MATCHES[filter](c.state));
  const lines = await Promise.all(
    conversations.map(async (c): Promise<InboxLine> => {
      const stored = await database.profiles.get([account, c.profileId]);
      const messages = await database.messages.where('[account+conversationId]').equals([account, c.id]).toArray();
      const last = messages.sort((a, b) => (a.sentAt < b.sentAt ? -1 : a.sentAt > b.sentAt ? 1 : 0)).at(-1);
      return {
        id: c.id,
        profileId: c.profileId,
        state: c.state,
        unread: c.unread,
        lastMessageAt: c.lastMessageAt,
        occupations: stored?.profile.occupations ?? [],
        prefectures: [...new Set((stored?.profile.areas ?? []).map((a) => a.prefecture))],
        ageBand: stored?.profile.ageBand ?? null,
        // A preview older than the conversation's last message would show the wrong one: say a newer one waits instead.
        lastMessage: last && last.sentAt >= c.lastMessageAt ? { from: last.from, body: last.body } : null,
        newerUnseen: !last || last.sentAt < c.lastMessageAt,
      };
    }),
  );
  return lines.sort(
    (a, b) => (b.unread > 0 ? 1 : 0) - (a.unread > 0 ? 1 : 0) || b.lastMessageAt.localeCompare(a.lastMessageAt) || a.id.localeCompare(b.id),
  );
}
