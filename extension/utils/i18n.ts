import { ext } from './browser';
import type { MESSAGES } from '../locales/messages';

/** The name of a UI string in `_locales/<lang>/messages.json` (generated from `locales/messages.ts`). */
export type MessageKey = keyof typeof MESSAGES;

/**
 * A UI string in the browser's language (Japanese first, `default_locale: 'ja'`), with
 * substitutions in the order their `{names}` first appear in the Japanese text.
 *
 * @example
 * t('quotaUsed', 120, 1000); // '本日の送信 120 / 1000 通'
 */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  const text = ext.i18n.getMessage(key, substitutions.map(String));
  return text === '' ? key : text;
}
