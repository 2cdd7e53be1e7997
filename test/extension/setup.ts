/**
 * Every extension test runs over fake-indexeddb (the real Dexie schema, no mocks of our database
 * code) and WXT's fake browser, reset before each test. The fake browser has no `i18n`, so
 * `getMessage` is given the Japanese `messages.json` with Chrome's placeholder rules: the UI under
 * test speaks Japanese, as it does by default.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { db } from '../../extension/utils/db';
import { resetServerClock } from '../../extension/utils/server-time';
import jaMessages from '../../extension/public/_locales/ja/messages.json';

type ChromeMessage = { message: string; placeholders?: Record<string, { content: string }> };
const ja = jaMessages as Record<string, ChromeMessage>;

/** Chrome's `i18n.getMessage` over one locale's messages: `$NAME$` → placeholder content → `$n`. */
export function getMessage(name: string, substitutions?: string | string[]): string {
  if (name === '@@ui_locale') return 'ja';
  const entry = ja[name];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const fill = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, key: string) => {
    const content = entry.placeholders?.[key.toLowerCase()]?.content;
    return content === undefined ? whole : fill(content);
  });
}

beforeEach(async () => {
  fakeBrowser.reset();
  resetServerClock();
  (fakeBrowser.i18n as unknown as { getMessage: typeof getMessage }).getMessage = getMessage;
  await Promise.all(db.tables.map((table) => table.clear()));
});

afterEach(() => {
  document.body.innerHTML = '';
});
