import { Announcements } from '../Announcements';
import { useState } from 'preact/hooks';
import type { Block, DeletionRequest, SeekerConversation } from '../../../shared/schemas/message';
import {
  complainToBureau,
  leaveFeed,
  listBlocks,
  listDeletionRequests,
  listSeekerConversations,
  unblockAgency,
  type ApiContext,
} from '../../utils/api';
import { t, type MessageKey } from '../../utils/i18n';
import { ApiProblem } from '../../utils/problem';
import type { Session } from '../../utils/session';
import { signOut } from '../../utils/signout';
import { formatJstDateTime } from '../../utils/time';
import { ConfirmAction } from '../ConfirmAction';
import { ProblemAlert } from '../ProblemAlert';
import { DataHolders } from './DataHolders';
import { BlockAgency, SeekerThread } from './SeekerThread';
import { useLoad } from './use-load';

type SeekerView = { name: 'inbox' } | { name: 'thread'; id: string } | { name: 'blocks' } | { name: 'deletions' } | { name: 'holders' } | { name: 'complaint' } | { name: 'leave' };

const TABS: Array<{ name: Exclude<SeekerView['name'], 'thread'>; label: MessageKey }> = [
  { name: 'inbox', label: 'seekerNavInbox' },
  { name: 'holders', label: 'seekerNavHolders' },
  { name: 'deletions', label: 'seekerNavDeletions' },
  { name: 'blocks', label: 'seekerNavBlocks' },
  { name: 'complaint', label: 'seekerNavComplaint' },
  { name: 'leave', label: 'seekerNavLeave' },
];

function SeekerInbox({ ctx, onOpen }: { ctx: ApiContext; onOpen: (id: string) => void }) {
  const { data, problem, reload } = useLoad(() => listSeekerConversations(ctx), []);
  const [notice, setNotice] = useState('');
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
            <button type="button" class="inbox-line" onClick={() => onOpen(c.id)} aria-label={c.unread > 0 ? t('seekerInboxLineUnread', c.agencyName, c.unread) : t('seekerInboxLine', c.agencyName)}>
              <strong>{c.agencyName}</strong> {c.unread > 0 && <span class="badge">{t('seekerUnreadMark', c.unread)}</span>}{' '}
              <span class="muted">{formatJstDateTime(c.lastMessageAt)}</span>
            </button>
            {c.state === 'blocked' ? (
              <span class="muted">{t('seekerBlockedMark')}</span>
            ) : (
              <BlockAgency
                ctx={ctx}
                agencyId={c.agencyId}
                agencyName={c.agencyName}
                onDone={() => {
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

function Blocks({ ctx }: { ctx: ApiContext }) {
  const { data, problem, reload } = useLoad(() => listBlocks(ctx), []);
  const items: Block[] = data?.items ?? [];
  return (
    <section aria-labelledby="blocks-heading">
      <h2 id="blocks-heading">{t('seekerBlocksTitle')}</h2>
      <p class="hint">{t('seekerBlocksHint')}</p>
      {problem && <ProblemAlert problem={problem} reader="seeker" />}
      {data && items.length === 0 && <p>{t('seekerBlocksEmpty')}</p>}
      <ul>
        {items.map((b) => (
          <li key={b.agencyId}>
            <p>
              <strong>{b.agencyName}</strong> {t('seekerBlockedOn', formatJstDateTime(b.blockedAt))}
            </p>
            <p>{b.agencyDeletedAt ? t('seekerBlockAgencyDeleted', formatJstDateTime(b.agencyDeletedAt)) : t('seekerBlockAgencyPending')}</p>
            <ConfirmAction
              label={t('seekerUnblock')}
              title={t('seekerUnblockConfirmTitle', b.agencyName)}
              explanation={[t('seekerUnblockExplain')]}
              confirmLabel={t('seekerUnblockConfirm')}
              doneText={t('seekerUnblockDone')}
              onConfirm={async () => {
                await unblockAgency(ctx, b.agencyId);
                await reload();
              }}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

function Deletions({ ctx }: { ctx: ApiContext }) {
  const { data, problem } = useLoad(() => listDeletionRequests(ctx), []);
  const items: DeletionRequest[] = data?.items ?? [];
  return (
    <section aria-labelledby="deletions-heading">
      <h2 id="deletions-heading">{t('seekerDeletionsTitle')}</h2>
      {problem && <ProblemAlert problem={problem} reader="seeker" />}
      {data && items.length === 0 && <p>{t('seekerDeletionsEmpty')}</p>}
      <ul>
        {items.map((r) => (
          <li key={r.id}>
            <p>
              <strong>{r.agencyName}</strong> {t('seekerDeletionRequestedOn', formatJstDateTime(r.requestedAt))}
            </p>
            {!r.agencyHeldData && <p>{t('seekerDeletionNothingHeld')}</p>}
            {r.serverDeletedAt && <p>{t('seekerDeletionServerOn', formatJstDateTime(r.serverDeletedAt))}</p>}
            <p>{r.completedAt ? t('seekerDeletionCompletedOn', formatJstDateTime(r.completedAt)) : t('seekerDeletionPending')}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Complaint({ ctx }: { ctx: ApiContext }) {
  const { data } = useLoad(() => listSeekerConversations(ctx), []);
  const agencies = new Map((data?.items ?? []).map((c) => [c.agencyId, c.agencyName]));
  const [agencyId, setAgencyId] = useState('');
  const [content, setContent] = useState('');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [done, setDone] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!agencyId || !content.trim()) return;
    setProblem(null);
    try {
      await complainToBureau(ctx, agencyId, content);
      setDone(true);
      setContent('');
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error);
    }
  };
  return (
    <section aria-labelledby="complaint-heading">
      <h2 id="complaint-heading">{t('seekerComplaintTitle')}</h2>
      <p class="hint">{t('seekerComplaintHint')}</p>
      <form class="stack" onSubmit={(e) => void submit(e)}>
        <label for="complaint-agency">{t('seekerComplaintAgency')}</label>
        <select id="complaint-agency" required value={agencyId} onChange={(e) => setAgencyId((e.target as HTMLSelectElement).value)}>
          <option value="">{t('seekerComplaintChoose')}</option>
          {[...agencies].map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
        <label for="complaint-text">{t('seekerComplaintContent')}</label>
        <textarea id="complaint-text" rows={5} required maxLength={4000} value={content} onInput={(e) => setContent((e.target as HTMLTextAreaElement).value)} />
        {problem && <ProblemAlert problem={problem} reader="seeker" />}
        <button type="submit" class="primary">
          {t('seekerComplaintSubmit')}
        </button>
        <p role="status">{done ? t('seekerComplaintDone') : ''}</p>
      </form>
    </section>
  );
}

function Leave({ ctx }: { ctx: ApiContext }) {
  return (
    <section aria-labelledby="leave-heading">
      <h2 id="leave-heading">{t('seekerLeaveTitle')}</h2>
      <p>{t('seekerLeaveExplain1')}</p>
      <p>{t('seekerLeaveExplain2')}</p>
      <ConfirmAction
        label={t('seekerLeave')}
        title={t('seekerLeaveConfirmTitle')}
        explanation={[t('seekerLeaveExplain1'), t('seekerLeaveExplain2')]}
        confirmLabel={t('seekerLeaveConfirm')}
        doneText={t('seekerLeaveDone')}
        danger
        onConfirm={() => leaveFeed(ctx)}
      />
    </section>
  );
}

/**
 * The jobseeker's popup: inbox with unread marks, threads with the agency's mandatory information,
 * who holds their data and until when, deletion requests and their outcome, blocks, a complaint to
 * the bureau, and leaving the feed. Nothing of it is stored in the browser: it is read from the
 * worker each time.
 *
 * @example
 * <SeekerApp session={session} ctx={ctx} />
 */
export function SeekerApp({ session, ctx }: { session: Session; ctx: ApiContext }) {
  const [view, setView] = useState<SeekerView>({ name: 'inbox' });
  let main;
  switch (view.name) {
    case 'inbox':
      main = <SeekerInbox ctx={ctx} onOpen={(id) => setView({ name: 'thread', id })} />;
      break;
    case 'thread':
      main = <SeekerThread ctx={ctx} conversationId={view.id} onBack={() => setView({ name: 'inbox' })} />;
      break;
    case 'blocks':
      main = <Blocks ctx={ctx} />;
      break;
    case 'deletions':
      main = <Deletions ctx={ctx} />;
      break;
    case 'holders':
      main = <DataHolders ctx={ctx} />;
      break;
    case 'complaint':
      main = <Complaint ctx={ctx} />;
      break;
    case 'leave':
      main = <Leave ctx={ctx} />;
      break;
  }
  return (
    <div class="seeker-app">
      <header class="topbar">
        <p class="who">{t('seekerSignedInAs', session.displayName)}</p>
        <button type="button" onClick={() => void signOut(session, { baseUrl: ctx.baseUrl })}>
          {t('signOut')}
        </button>
      </header>
      <Announcements baseUrl={ctx.baseUrl} />
      <nav aria-label={t('navLabel')}>
        <ul class="tabs">
          {TABS.map((tab) => (
            <li key={tab.name}>
              <button type="button" aria-current={view.name === tab.name || (tab.name === 'inbox' && view.name === 'thread') ? 'page' : undefined} onClick={() => setView({ name: tab.name } as SeekerView)}>
                {t(tab.label)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main">{main}</main>
    </div>
  );
}
