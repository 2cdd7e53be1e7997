/**
 * Writes `public/_locales/{ja,en}/messages.json` from `messages.ts`:
 * `npx tsx extension/locales/generate.ts`. `{name}` becomes the placeholder `$NAME$` whose content
 * is the position (`$1`, `$2`, …) of its first appearance in the Japanese text, so both languages
 * take the substitutions in the same order.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MESSAGES } from './messages';

export type Locale = 'ja' | 'en';
type ChromeMessage = { message: string; description?: string; placeholders?: Record<string, { content: string }> };

const TOKEN = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** The substitution names of a text, in order of first appearance. */
export function placeholderNames(text: string): string[] {
  return [...new Set([...text.matchAll(TOKEN)].map((m) => m[1]!))];
}

/**
 * The `messages.json` object for one locale.
 *
 * @example
 * buildMessages('ja').quotaUsed; // { message: '$USED$ / $LIMIT$ 通', placeholders: { used: { content: '$1' }, limit: { content: '$2' } } }
 */
export function buildMessages(locale: Locale): Record<string, ChromeMessage> {
  const out: Record<string, ChromeMessage> = {};
  for (const [key, entry] of Object.entries(MESSAGES) as Array<[string, { ja: string; en: string; description?: string }]>) {
    const order = placeholderNames(entry.ja);
    const text = entry[locale];
    for (const name of placeholderNames(text)) {
      if (!order.includes(name)) throw new Error(`${key}: {${name}} in ${locale} is not in the Japanese text`);
    }
    if (text.includes('$')) throw new Error(`${key}: "$" must not appear in message text`);
    const message = text.replace(TOKEN, (_, name: string) => `$${name.toUpperCase()}$`);
    const used = placeholderNames(text);
    out[key] = {
      message,
      ...(entry.description ? { description: entry.description } : {}),
      ...(used.length
        ? { placeholders: Object.fromEntries(used.map((name) => [name.toLowerCase(), { content: `$${order.indexOf(name) + 1}` }])) }
        : {}),
    };
  }
  return out;
}

/** The file text for one locale (stable key order, two-space indent, trailing newline). */
export function messagesFile(locale: Locale): string {
  return `${JSON.stringify(buildMessages(locale), null, 2)}\n`;
}

const here = dirname(fileURLToPath(import.meta.url));
/** Where the files go. */
export const localePath = (locale: Locale) => join(here, '..', 'public', '_locales', locale, 'messages.json');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const locale of ['ja', 'en'] as const) writeFileSync(localePath(locale), messagesFile(locale));
  console.log('wrote _locales/ja and _locales/en');
}
