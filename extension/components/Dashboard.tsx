import { serverNow } from '../utils/server-time';
import { useState } from 'preact/hooks';
import { getAgencyAccount, getQuota, type ApiContext } from '../utils/api';
import { ext } from '../utils/browser';
import { db, getMeta, setMeta } from '../utils/db';
import { t, type MessageKey } from '../utils/i18n';
import { sendBlockedReason } from '../utils/send-blocked';
import { ApiProblem } from '../utils/problem';
import { clearSession, setSession, type Session } from '../utils/session';
import { signOut } from '../utils/signout';
import { applyProblem } from '../utils/status';
import { storeQuota } from '../utils/summary';
import { wipeAccountData } from '../utils/wipe';
import { AcquiredList } from './AcquiredList';
import { AgencySignIn } from './AgencySignIn';
import { AnnualReportForm } from './AnnualReportForm';
import { ComplaintLog } from './ComplaintLog';
import { FeedSearch } from './FeedSearch';
import { useApiContext, useNow, useSession } from './hooks';
import { useDashboardPolling } from './use-polling';
import { newMatchCount } from '../utils/saved-searches';
import { Inbox } from './Inbox';
import { useLiveQuery } from './live-query';
import { MandatoryInfoPanel } from './MandatoryInfoPanel';
import { Notices } from './Notices';
import { OffersTab } from './offers/OffersTab';
import { ProfileView } from './ProfileView';
import { QuotaMeter } from './QuotaMeter';
import { ReportRequestBanner } from './ReportRequestBanner';
import { SeatManager } from './SeatManager';
import { TermBanner } from './TermBanner';
import { StatusBanner } from './StatusBanner';
import { Announcements } from './Announcements';
import { TermsNotice } from './TermsNotice';
import { BureauInbox } from './BureauInbox';
import { ChangePassword } from './ChangePassword';
import { ThreadView } from './ThreadView';

/** Where the dashboard is. */
export type View =
  | { name: 'search' }
  | { name: 'profile'; profileId: string }
  | { name: 'inbox' }
  | { name: 'thread'; id: string }
  | { name: 'acquired' }
  | { name: 'notices' }
  | { name: 'complaints' }
  | { name: 'report' }
  | { name: 'mandatory' }
  | { name: 'bureau' }
  | { name: 'offers' }
  | { name: 'seats' }
  | { name: 'password' };

const TABS: Array<{ name: View['name']; label: MessageKey }> = [
  { name: 'search', label: 'navSearch' },
  { name: 'offers', label: 'navOffers' },
  { name: 'inbox', label: 'navInbox' },
  { name: 'acquired', label: 'navAcquired' },
  { name: 'notices', label: 'navNotices' },
  { name: 'complaints', label: 'navComplaints' },
  { name: 'report', label: 'navReport' },
  { name: 'mandatory', label: 'navMandatory' },
  { name: 'bureau', label: 'navBureau' },
  { name: 'seats', label: 'navSeats' },
];

/** The signed-in agency's workspace. */
function AgencyWorkspace({ session, ctx, layout }: { session: Session; ctx: ApiContext; layout: 'tab' | 'panel' }) {
  const { account } = session;
  const [view, setView] = useState<View>({ name: 'search' });
  const agency = useLiveQuery(() => getMeta(db, account, 'agency'), [account], undefined);
  const quota = useLiveQuery(() => getMeta(db, account, 'quota'), [account], undefined);
  const newEvents = useLiveQuery(
    () =>
      db.events
        .where('account')
        .equals(account)
        .filter((e) => e.seenAt === null)
        .count(),
    [account],
    0,
  );
  const newMatches = useLiveQuery(() => newMatchCount(account), [account], 0);
  const unread = useLiveQuery(
    async () => (await db.conversations.where('account').equals(account).toArray()).reduce((n, c) => n + c.unread, 0),
    [account],
    0,
  );
  const now = useNow();
  useDashboardPolling(account);

  const onProblem = (problem: ApiProblem, profileId?: string) => {
    void applyProblem(problem, { account, now: serverNow(), ...(profileId ? { profileId } : {}) });
    if (problem.code === 'unauthenticated') void clearSession();
    if (problem.code === 'cap_reached')
      void getQuota(ctx)
        .then((q) => storeQuota(account, q))
        .catch(() => undefined);
    if (problem.code.startsWith('agency_') || problem.code === 'term_expired')
      void getAgencyAccount(ctx)
        .then((a) => setMeta(db, account, 'agency', a))
        .catch(() => undefined);
  };
  const sendBlocked = sendBlockedReason(agency, quota, now);
  const stopped = agency ? agency.status !== 'active' : false;

  let main;
  switch (view.name) {
    case 'search':
      main = stopped ? (
        <p>{t('stoppedNoFeed')}</p>
      ) : (
        <FeedSearch
          ctx={ctx}
          account={account}
          onOpen={(profileId) => setView({ name: 'profile', profileId })}
          onProblem={(p) => onProblem(p)}
        />
      );
      break;
    case 'profile':
      main = (
        <ProfileView
          ctx={ctx}
          account={account}
          agency={agency ?? null}
          profileId={view.profileId}
          onProblem={onProblem}
          onThread={(id) => setView({ name: 'thread', id })}
          sendBlocked={sendBlocked}
        />
      );
      break;
    case 'inbox':
      main = (
        <Inbox
          ctx={ctx}
          account={account}
          quota={quota ?? null}
          onOpen={(id) => setView({ name: 'thread', id })}
          onProblem={(p) => onProblem(p)}
        />
      );
      break;
    case 'thread':
      main = (
        <ThreadView
          ctx={ctx}
          account={account}
          agency={agency ?? null}
          conversationId={view.id}
          onProblem={onProblem}
          sendBlocked={sendBlocked}
        />
      );
      break;
    case 'acquired':
      main = <AcquiredList account={account} onOpen={(profileId) => setView({ name: 'profile', profileId })} />;
      break;
    case 'notices':
      main = <Notices account={account} />;
      break;
    case 'complaints':
      main = <ComplaintLog ctx={ctx} />;
      break;
    case 'report':
      main = agency ? <AnnualReportForm ctx={ctx} agency={agency} /> : <p role="status">{t('loading')}</p>;
      break;
    case 'bureau':
      main = <BureauInbox ctx={ctx} now={now} />;
      break;
    case 'seats':
      main = <SeatManager ctx={ctx} />;
      break;
    case 'mandatory':
      main = agency ? <MandatoryInfoPanel ctx={ctx} agency={agency} /> : <p role="status">{t('loading')}</p>;
      break;
    case 'offers':
      main = <OffersTab ctx={ctx} account={account} agency={agency ?? null} onProblem={(p) => onProblem(p)} />;
      break;
    case 'password':
      // R-SEC-6: other sessions end; this one goes on with the token the worker hands back.
      main = <ChangePassword ctx={ctx} onDone={(token) => setSession({ ...session, token })} />;
      break;
  }

  return (
    <div class={`dashboard dashboard-${layout}`}>
      <header class="masthead">
        <h1 class="app-title">{t('dashboardTitle')}</h1>
        <div class="topbar">
          <p class="who">
            <strong>{agency?.name ?? session.displayName}</strong>
          </p>
          <QuotaMeter quota={quota ?? null} />
          <div class="actions">
            {layout === 'panel' && (
              <button type="button" onClick={() => void ext.tabs.create({ url: ext.runtime.getURL('/dashboard.html') })}>
                {t('openFullTab')}
              </button>
            )}{' '}
            <button
              type="button"
              aria-current={view.name === 'password' ? 'page' : undefined}
              onClick={() => setView({ name: 'password' })}
            >
              {t('passwordChangeTitle')}
            </button>{' '}
            <button type="button" onClick={() => void signOut(session, { baseUrl: ctx.baseUrl, wipe: wipeAccountData })}>
              {t('signOut')}
            </button>
          </div>
        </div>
      </header>
      <StatusBanner agency={agency ?? null} now={now} />
      <ReportRequestBanner account={account} now={now} />
      <TermBanner agency={agency ?? null} now={now} />
      <Announcements baseUrl={ctx.baseUrl} fetcher={ctx.fetch} />
      <TermsNotice ctx={ctx} />
      <nav aria-label={t('navLabel')}>
        <ul class="tabs">
          {TABS.map((tab) => {
            const current =
              view.name === tab.name ||
              (tab.name === 'search' && view.name === 'profile') ||
              (tab.name === 'inbox' && view.name === 'thread');
            const count = tab.name === 'inbox' ? unread : tab.name === 'notices' ? newEvents : tab.name === 'search' ? newMatches : 0;
            return (
              <li key={tab.name}>
                <button type="button" aria-current={current ? 'page' : undefined} onClick={() => setView({ name: tab.name } as View)}>
                  {t(tab.label)}
                  {count > 0 && (
                    <span class="badge" aria-label={t('navNewCount', count)}>
                      {count}
                    </span>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
      </nav>
      <main id="main">{main}</main>
    </div>
  );
}

/**
 * The agency's dashboard, as a full tab or in the side panel: sign-in, then the workspace. A
 * jobseeker signed in here is sent to the toolbar popup.
 *
 * @example
 * render(<Dashboard layout="tab" />, document.getElementById('app')!);
 */
export function Dashboard({ layout }: { layout: 'tab' | 'panel' }) {
  const session = useSession();
  const ctx = useApiContext(session);
  if (session === undefined || !ctx) return <p role="status">{t('loading')}</p>;
  return (
    <>
      <a class="skip" href="#main">
        {t('skipToMain')}
      </a>
      {/* Every piece of the page sits in a landmark: the title in the banner (the workspace's
          banner holds it with the account bar). */}
      {session?.role !== 'agency' && (
        <header class="masthead">
          <h1 class="app-title">{t('dashboardTitle')}</h1>
        </header>
      )}
      {!session ? (
        <main id="main">
          <AgencySignIn ctx={ctx} />
        </main>
      ) : session.role !== 'agency' ? (
        <main id="main">
          <p>{t('dashboardSeekerUsesPopup')}</p>
        </main>
      ) : (
        <AgencyWorkspace session={session} ctx={ctx} layout={layout} />
      )}
    </>
  );
}
