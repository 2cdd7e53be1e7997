import { ext } from '../utils/browser';
import { loadServerOffset, syncServerTime } from '../utils/server-time';
import { getWorkerUrl } from '../utils/settings';
import './styles.css';

/**
 * Prepares a page before it renders: the document language and title follow the browser's UI
 * language (Japanese first), and the page takes the worker's time (T-5): a fresh reading from the
 * worker before the first render (the last known offset when the worker does not answer in time).
 *
 * @example
 * void mountPage().then(() => render(<Popup />, document.getElementById('app')!));
 */
export async function mountPage(): Promise<void> {
  const lang = ext.i18n.getMessage('@@ui_locale').replace('_', '-') || 'ja';
  document.documentElement.lang = lang.startsWith('en') ? 'en' : 'ja';
  const title = ext.i18n.getMessage('extShortName');
  if (title) document.title = title;
  await loadServerOffset().catch(() => 0);
  // The worker's time before the first render (session expiry, maintenance); offline, at most 1.5 s.
  const synced = getWorkerUrl().then((url) => syncServerTime(url));
  await Promise.race([synced, new Promise((resolve) => setTimeout(resolve, 1500))]);
}
