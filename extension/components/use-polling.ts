import { useEffect } from 'preact/hooks';
import { pollRound } from '../utils/poller';
import { loadServerOffset, serverNow } from '../utils/server-time';
import type { AccountKey } from '../utils/session';
import { sweepRetention } from '../utils/sweeper';

/** How often an open dashboard asks the worker for events, status, quota and inbox. */
export const DASHBOARD_POLL_MS = 60_000;

/**
 * Keeps an open dashboard current: the retention sweep first, by the last known worker time and
 * even offline (R-RET-*), then a round with the worker (its time, events, status, quota and inbox),
 * again every minute while the page is open.
 *
 * @example
 * useDashboardPolling(session.account);
 */
export function useDashboardPolling(account: AccountKey, intervalMs = DASHBOARD_POLL_MS): void {
  useEffect(() => {
    void loadServerOffset()
      .then(() => sweepRetention({ now: serverNow() }))
      .then(() => pollRound());
    const id = setInterval(() => void pollRound(), intervalMs);
    return () => clearInterval(id);
  }, [account, intervalMs]);
}
