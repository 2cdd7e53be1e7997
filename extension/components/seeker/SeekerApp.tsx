import { Announcements } from '../Announcements';
import { useState } from 'preact/hooks';
import type { ApiContext } from '../../utils/api';
import { t, type MessageKey } from '../../utils/i18n';
import type { Session } from '../../utils/session';
import { signOutSeeker } from '../../utils/seeker-session';
import { Blocks } from './Blocks';
import { Complaint } from './Complaint';
import { DataHolders } from './DataHolders';
import { Deletions } from './Deletions';
import { Leave } from './Leave';
import { SeekerInbox } from './SeekerInbox';
import { SeekerThread } from './SeekerThread';

type SeekerView =
  | { name: 'inbox' }
  | { name: 'thread'; id: string }
  | { name: 'blocks' }
  | { name: 'deletions' }
  | { name: 'holders' }
  | { name: 'complaint' }
  | { name: 'leave' };

const TABS: Array<{ name: Exclude<SeekerView['name'], 'thread'>; label: MessageKey }> = [
  { name: 'inbox', label: 'seekerNavInbox' },
  { name: 'holders', label: 'seekerNavHolders' },
  { name: 'deletions', label: 'seekerNavDeletions' },
  { name: 'blocks', label: 'seekerNavBlocks' },
  { name: 'complaint', label: 'seekerNavComplaint' },
  { name: 'leave', label: 'seekerNavLeave' },
];

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
        <h1 class="app-name">{t('extShortName')}</h1>
        <p class="who">{t('seekerSignedInAs', session.displayName)}</p>
        <button type="button" onClick={() => void signOutSeeker(session, { baseUrl: ctx.baseUrl })}>
          {t('signOut')}
        </button>
      </header>
      <Announcements baseUrl={ctx.baseUrl} fetcher={ctx.fetch} />
      <nav aria-label={t('navLabel')}>
        <ul class="tabs">
          {TABS.map((tab) => (
            <li key={tab.name}>
              <button
                type="button"
                aria-current={view.name === tab.name || (tab.name === 'inbox' && view.name === 'thread') ? 'page' : undefined}
                onClick={() => setView({ name: tab.name } as SeekerView)}
              >
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
