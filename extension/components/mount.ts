import { ext } from '../utils/browser';
import { loadServerOffset, syncServerTime } from '../utils/server-time';
import { getWorkerUrl } from '../utils/settings';
import './styles.css';

/**
 * Prepares a page before it renders: the document language and title follow the browser's UI
 * language (Japanese first), and the page takes the worker's time (T-5): the last known offset
 * before the first render, then a fresh reading from the worker.
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
  void getWorkerUrl().then((url) => syncServerTime(url));
}
