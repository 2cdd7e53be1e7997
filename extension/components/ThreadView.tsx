import { useEffect, useState } from 'preact/hooks';
import type { AgencyAccount } from '../../shared/schemas/agency-account';
import type { ConversationThread, Message } from '../../shared/schemas/message';
import { getAgencyConversation, sendAgencyReply, type ApiContext } from '../utils/api';
import { storeThread } from '../utils/conversations';
import { db } from '../utils/db';
import { storeQuota } from '../utils/summary';
import { t } from '../utils/i18n';
import { ApiProblem } from '../utils/problem';
import type { AccountKey } from '../utils/session';
import { formatJstDateTime } from '../utils/time';
import { Composer } from './Composer';
import { STATE_LABELS } from './Inbox';
import { useLiveQuery } from './live-query';
import { MandatoryInfoCard } from './MandatoryInfoCard';
import { MessageText } from './MessageText';
import { ProblemAlert } from './ProblemAlert';

const SENDER_KEYS = { agency: 'senderAgency', seeker: 'senderSeeker', system: 'senderSystem' } as const;

/**
 * A list of messages, oldest first, each as plain text (R-MSG-6) with who sent it (in the agency's
 * own view, which of its staff, R-ORG-2) and when; the
 * mandatory information a first contact or change notice carried is shown as a card (R-MSG-1,
 * R-MSG-3), its heading one level under the thread's `h2` (no skipped level).
 *
 * @example
 * <MessageList messages={thread.messages} agencyName={name} />
 */
export function MessageList({ messages, agencyName, headingLevel = 3 }: { messages: Message[]; agencyName: string; headingLevel?: 3 | 4 }) {
  return (
    <ol class="messages" aria-label={t('threadMessages')}>
      {messages.map((m) => (
        <li key={m.id} class={`message message-${m.from}`}>
          <p class="message-meta">
            <span>
              {m.from !== 'agency' ? t(SENDER_KEYS[m.from]) : m.sentBy ? t('senderAgencySeat', agencyName, m.sentBy.name) : agencyName}
            </span>{' '}
            <time dateTime={m.sentAt}>{formatJstDateTime(m.sentAt)}</time>
          </p>
          <MessageText body={m.body} />
          {m.mandatoryInformation && (
            <MandatoryInfoCard info={m.mandatoryInformation.content} headingLevel={headingLevel} version={m.mandatoryInformation.version} />
          )}
        </li>
      ))}
    </ol>
  );
}

/**
 * One conversation for the agency, read from the local copy so a deletion (block, request,
 * expiry) removes it from the screen at once, with an answer box while the jobseeker has written
 * (R-MSG-2).
 *
 * @example
 * <ThreadView ctx={ctx} account={account} agency={me} conversationId={id} … />
 */
export function ThreadView({
  ctx,
  account,
  agency,
  conversationId,
  onProblem,
  sendBlocked,
}: {
  ctx: ApiContext;
  account: AccountKey;
  agency: AgencyAccount | null;
  conversationId: string;
  onProblem: (p: ApiProblem, profileId?: string) => void;
  sendBlocked: string | null;
}) {
  const local = useLiveQuery(() => db.conversations.get([account, conversationId]), [account, conversationId], undefined);
  const localMessages = useLiveQuery(
    () => db.messages.where('[account+conversationId]').equals([account, conversationId]).sortBy('sentAt'),
    [account, conversationId],
    [],
  );
  const [fetched, setFetched] = useState<ConversationThread | null>(null);
  const [kept, setKept] = useState(true);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const load = async () => {
    try {
      const thread = await getAgencyConversation(ctx, conversationId);
      setFetched(thread);
      setKept(await storeThread(thread, { account }));
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error);
      onProblem(error, local?.profileId);
    }
  };
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [conversationId]);

  const conversation = kept ? local : fetched?.conversation;
  const messages = kept ? localMessages : (fetched?.messages ?? []);
  if (!conversation) {
    return (
      <section aria-labelledby="thread-heading">
        <h2 id="thread-heading">{t('threadTitle')}</h2>
        {problem ? <ProblemAlert problem={problem} /> : <p role="status">{fetched ? t('threadDeleted') : t('loading')}</p>}
      </section>
    );
  }
  return (
    <section aria-labelledby="thread-heading">
      <h2 id="thread-heading">{t('threadWith', conversation.profileId)}</h2>
      <p class="muted">{t(STATE_LABELS[conversation.state])}</p>
      {problem && <ProblemAlert problem={problem} />}
      <MessageList messages={messages} agencyName={agency?.name ?? t('senderAgency')} />
      {conversation.state === 'open' && (
        <Composer
          reader="agency"
          id="reply"
          label={t('replyBody')}
          submitLabel={t('replySend')}
          registered={agency?.contactMethods ?? []}
          disabledReason={sendBlocked}
          onSend={async (body, idempotencyKey) => {
            try {
              const result = await sendAgencyReply(ctx, conversationId, { body, idempotencyKey });
              await storeQuota(account, result.quota);
            } catch (error) {
              if (error instanceof ApiProblem) onProblem(error, conversation.profileId);
              throw error;
            }
            await load();
          }}
        />
      )}
      {conversation.state === 'awaiting_seeker' && <p class="hint">{t('threadAwaitingSeeker')}</p>}
      {conversation.state === 'blocked' && <p class="hint">{t('threadBlocked')}</p>}
      {conversation.state === 'closed' && <p class="hint">{t('threadClosed')}</p>}
    </section>
  );
}
