import { useState } from 'preact/hooks';
import type { DailyQuota } from '../../shared/schemas/quota';
import type { ConversationState } from '../../shared/schemas/message';
import { listAgencyConversations, type ApiContext } from '../utils/api';
import { storeInbox } from '../utils/conversations';
import { inboxLines, type InboxFilter } from '../utils/inbox';
import { occupationLabel, prefectureLabel } from '../utils/labels';
import { t, type MessageKey } from '../utils/i18n';
import { ApiProblem } from '../utils/problem';
import type { AccountKey } from '../utils/session';
import { formatJstDateTime } from '../utils/time';
import { useLiveQuery } from './live-query';
import { ProblemAlert } from './ProblemAlert';
import { QuotaMeter } from './QuotaMeter';

/** The Japanese label of a conversation's state. */
export const STATE_LABELS: Record<ConversationState, MessageKey> = {
  awaiting_seeker: 'stateAwaitingSeeker',
  open: 'stateOpen',
  blocked: 'stateBlocked',
  closed: 'stateClosed',
};

const FILTERS: Array<{ value: InboxFilter; label: MessageKey }> = [
  { value: 'all', label: 'inboxFilterAll' },
  { value: 'awaiting_seeker', label: 'stateAwaitingSeeker' },
  { value: 'open', label: 'inboxFilterAnswered' },
  { value: 'ended', label: 'inboxFilterEnded' },
];

/**
 * The agency's inbox to work from: unread first, each line with the profile's occupation and area,
 * the last message, its state; a filter by state and today's quota (R-CAP-1). Read from the local
 * database (the background refreshes it every minute; the button does it now).
 *
 * @example
 * <Inbox ctx={ctx} account={account} quota={quota} onOpen={(id) => go({ name: 'thread', id })} />
 */
export function Inbox({
  ctx,
  account,
  quota,
  onOpen,
  onProblem,
}: {
  ctx: ApiContext;
  account: AccountKey;
  quota?: DailyQuota | null;
  onOpen: (id: string) => void;
  onProblem: (p: ApiProblem) => void;
}) {
  const [filter, setFilter] = useState<InboxFilter>('all');
  const threads = useLiveQuery(() => inboxLines(account, filter), [account, filter], []);
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
      {quota !== undefined && <QuotaMeter quota={quota ?? null} id="inbox-quota" />}
      <fieldset class="inbox-filters">
        <legend class="hint">{t('inboxFilterLegend')}</legend>
        {FILTERS.map((f) => (
          <label key={f.value} class="check">
            <input type="radio" name="inbox-filter" value={f.value} checked={filter === f.value} onChange={() => setFilter(f.value)} />{' '}
            {t(f.label)}
          </label>
        ))}
      </fieldset>
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
                <p class="inbox-summary">
                  {c.unread > 0 && <span class="badge">{t('inboxUnread', c.unread)}</span>}{' '}
                  <strong>{c.occupations.length ? c.occupations.map(occupationLabel).join('・') : c.profileId}</strong>{' '}
                  {c.prefectures.length > 0 && <span>{c.prefectures.map(prefectureLabel).join('、')}</span>}{' '}
                  <span class="state-tag">{t(STATE_LABELS[c.state])}</span> <span class="muted">{formatJstDateTime(c.lastMessageAt)}</span>
                </p>
                {c.lastMessage && (
                  <p class="inbox-preview">
                    {c.lastMessage.from === 'agency'
                      ? t('inboxFromUs')
                      : c.lastMessage.from === 'seeker'
                        ? t('inboxFromSeeker')
                        : t('inboxFromSystem')}
                    {c.lastMessage.body}
                  </p>
                )}
                {!c.lastMessage && c.newerUnseen && <p class="inbox-preview">{t('inboxNewerMessage')}</p>}
                <span class="muted">{c.profileId}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
