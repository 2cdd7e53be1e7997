import { useState } from 'preact/hooks';
import type { SeekerConversation } from '../../../shared/schemas/message';
import type { ApiContext } from '../../utils/api';
import { listSeekerConversations } from '../../utils/seeker-api';
import { t } from '../../utils/i18n';
import { formatJstDateTime } from '../../utils/time';
import { ProblemAlert } from '../ProblemAlert';
import { BlockAgency } from './SeekerThread';
import { useLoad } from './use-load';

/**
 * The jobseeker's inbox: each agency's conversation with its unread mark, and a block button
 * (R-BLOCK-1). A row turns to ブロック中 as soon as the block is answered, whatever the next reading
 * of the list says, and the confirmation is said once.
 *
 * @example
 * <SeekerInbox ctx={ctx} onOpen={(id) => setView({ name: 'thread', id })} />
 */
export function SeekerInbox({ ctx, onOpen }: { ctx: ApiContext; onOpen: (id: string) => void }) {
  const { data, problem, reload } = useLoad(() => listSeekerConversations(ctx), []);
  const [notice, setNotice] = useState('');
  const [blockedNow, setBlockedNow] = useState<ReadonlySet<string>>(new Set());
  const items: SeekerConversation[] = data?.items ?? [];
  return (
    <section aria-labelledby="seeker-inbox-heading">
      <h2 id="seeker-inbox-heading">{t('seekerInboxTitle')}</h2>
      <p role="status" class="done">
        {notice}
      </p>
      {problem && <ProblemAlert problem={problem} reader="seeker" />}
      {data && items.length === 0 && <p>{t('seekerInboxEmpty')}</p>}
      <ul class="inbox">
        {items.map((c) => (
          <li key={c.id} class={c.unread > 0 ? 'unread' : ''}>
            <button
              type="button"
              class="inbox-line"
              onClick={() => onOpen(c.id)}
              aria-label={c.unread > 0 ? t('seekerInboxLineUnread', c.agencyName, c.unread) : t('seekerInboxLine', c.agencyName)}
            >
              <strong>{c.agencyName}</strong> {c.unread > 0 && <span class="badge">{t('seekerUnreadMark', c.unread)}</span>}{' '}
              <span class="muted">{formatJstDateTime(c.lastMessageAt)}</span>
            </button>
            {c.state === 'blocked' || blockedNow.has(c.agencyId) ? (
              <span class="muted">{t('seekerBlockedMark')}</span>
            ) : (
              <BlockAgency
                ctx={ctx}
                agencyId={c.agencyId}
                agencyName={c.agencyName}
                onDone={() => {
                  setBlockedNow((prev) => new Set(prev).add(c.agencyId));
                  setNotice(t('seekerBlockDone', c.agencyName));
                  void reload();
                }}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
