import { useEffect, useState } from 'preact/hooks';
import { ext } from '../utils/browser';
import { db, getMeta } from '../utils/db';
import { t } from '../utils/i18n';
import type { Session } from '../utils/session';
import { readSummary, type ToolbarSummary } from '../utils/summary';
import { formatJstDateTime } from '../utils/time';
import { useLiveQuery } from './live-query';
import { QuotaMeter } from './QuotaMeter';

/** Opens the dashboard in a tab (or focuses the popup's caller) and closes the popup. */
export async function openDashboardTab(): Promise<void> {
  await ext.tabs.create({ url: ext.runtime.getURL('/dashboard.html') });
  window.close();
}

/** Opens the side panel on Chrome (Firefox shows its sidebar from the toolbar instead). */
async function openSidePanel(): Promise<void> {
  const win = await ext.windows.getCurrent();
  if (win.id !== undefined) await ext.sidePanel.open({ windowId: win.id });
  window.close();
}

/**
 * The toolbar popup for an agency: today's quota, unread messages, events not yet seen (deletions
 * done, status changes, reminders), and buttons to the dashboard. Reads the summary the
 * background publishes, so the popup stays small and opens at once.
 *
 * @example
 * <AgencyPopup session={session} />
 */
export function AgencyPopup({ session }: { session: Session }) {
  const [summary, setSummary] = useState<ToolbarSummary | null>(null);
  useEffect(() => {
    void readSummary(session.account).then(setSummary);
    const listener = () => void readSummary(session.account).then(setSummary);
    ext.storage.session.onChanged.addListener(listener);
    return () => ext.storage.session.onChanged.removeListener(listener);
  }, [session.account]);
  // The quota as the dashboard stores it, so popup and dashboard never disagree (R-CAP-1).
  const storedQuota = useLiveQuery(() => getMeta(db, session.account, 'quota'), [session.account], undefined);
  const quota = storedQuota ?? summary?.quota ?? null;
  const hasSidePanel = typeof (ext as { sidePanel?: { open?: unknown } }).sidePanel?.open === 'function';
  return (
    <main class="agency-popup" aria-labelledby="popup-heading">
      <h1 id="popup-heading">{session.displayName}</h1>
      {summary?.status && summary.status !== 'active' && (
        <p class="banner banner-suspended" role="alert">
          {t('popupStopped')}
        </p>
      )}
      <QuotaMeter quota={quota} />
      <ul class="counts">
        <li>{t('popupUnread', summary?.unreadMessages ?? 0, summary?.unreadThreads ?? 0)}</li>
        <li>{t('popupNewEvents', summary?.newEvents ?? 0)}</li>
        {(summary?.newMatches ?? 0) > 0 && <li>{t('popupNewMatches', summary?.newMatches ?? 0)}</li>}
      </ul>
      {summary && <p class="hint">{t('popupUpdated', formatJstDateTime(summary.updatedAt))}</p>}
      {summary?.lastProblem === 'maintenance' && <p class="hint">{t('popupMaintenance')}</p>}
      <div class="actions">
        <button type="button" class="primary" onClick={() => void openDashboardTab()}>
          {t('popupOpenDashboard')}
        </button>{' '}
        {hasSidePanel && (
          <button type="button" onClick={() => void openSidePanel()}>
            {t('popupOpenSidePanel')}
          </button>
        )}
      </div>
    </main>
  );
}
