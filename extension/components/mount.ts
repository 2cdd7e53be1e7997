import { ext } from '../utils/browser';
import './styles.css';

/**
 * Prepares a page before it renders: the document language and title follow the browser's UI
 * language (Japanese first).
 */
export function mountPage(): void {
  const lang = ext.i18n.getMessage('@@ui_locale').replace('_', '-') || 'ja';
  document.documentElement.lang = lang.startsWith('en') ? 'en' : 'ja';
  const title = ext.i18n.getMessage('extShortName');
  if (title) document.title = title;
}
