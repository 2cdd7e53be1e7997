import { useState } from 'preact/hooks';
import type { ConversationState } from '../../shared/schemas/message';
import { listAgencyConversations, type ApiContext } from '../utils/api';
import { storeInbox } from '../utils/conversations';
import { db } from '../utils/db';
import { t, type MessageKey } from '../utils/i18n';
import { ApiProblem } from '../utils/problem';
import type { AccountKey } from '../utils/session';
import { formatJstDateTime } from '../utils/time';
import { useLiveQuery } from './live-query';
import { ProblemAlert } from './ProblemAlert';

/** The Japanese label of a conversation's state. */
export const STATE_LABELS: Record<ConversationState, MessageKey> = {
  awaiting_seeker: 'stateAwaitingSeeker',
  open: 'stateOpen',
  blocked: 'stateBlocked',
  closed: 'stateClosed',
};

/**
 * The agency's inbox: one line per conversation, newest first, with unread counts, read from the
 * local database (the background refreshes it every minute; the button does it now).
 *
 * @example
 * <Inbox ctx={ctx} account={account} onOpen={(id) => go({ name: 'thread', id })} />
 */
export function Inbox({ ctx, account, onOpen, onProblem }: { ctx: ApiContext; account: AccountKey; onOpen: (id: string) => void; onProblem: (p: ApiProblem) => void }) {
  const threads = useLiveQuery(
    () => db.conversations.where('[account+lastMessageAt]').between([account, ''], [account, '\uffff']).reverse().toArray(),
    [account],
    [],
  );
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await storeInbox((await listAgencyConversations(ctx)).items, { account });
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error);
      onProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="inbox-heading">
      <h2 id="inbox-heading">{t('inboxTitle')}</h2>
      <button type="button" onClick={() => void refresh()} disabled={busy}>
        {t('inboxRefresh')}
      </button>
      {problem && <ProblemAlert problem={problem} />}
      {threads.length === 0 ? (
        <p>{t('inboxEmpty')}</p>
      ) : (
        <ul class="inbox">
          {threads.map((c) => (
            <li key={c.id} class={c.unread > 0 ? 'unread' : ''}>
              <button type="button" class="inbox-line" onClick={() => onOpen(c.id)} aria-label={t('inboxLineLabel', c.profileId, c.unread)}>
                <span>{c.profileId}</span> <span class="muted">{t(STATE_LABELS[c.state])}</span>{' '}
                {c.unread > 0 && <span class="badge">{t('inboxUnread', c.unread)}</span>} <span class="muted">{formatJstDateTime(c.lastMessageAt)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
