import { jstDate, jstDateTimeParts } from '../../shared/rules/time';
import { t } from './i18n';
import { serverNow } from './server-time';

/**
 * Today's date in Japan (T-1) by the worker's clock, as `YYYY-MM-DD`.
 *
 * @example
 * todayJst(new Date('2026-03-31T15:00:00Z')); // '2026-04-01'
 */
export function todayJst(now: Date = serverNow()): string {
  return jstDate(now);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * An instant as a Japan-time date and clock time for people, through i18n
 * (`2026年4月2日 00:00` in Japanese, `2026/4/2 00:00 JST` in English).
 *
 * @example
 * formatJstDateTime('2026-04-01T15:00:00.000Z'); // '2026年4月2日 00:00'
 */
export function formatJstDateTime(at: string | Date): string {
  const p = jstDateTimeParts(at);
  return t('dateTimeJst', p.year, p.month, p.day, pad(p.hour), pad(p.minute));
}

/**
 * A `YYYY-MM-DD` JST calendar day for people, through i18n (`2026年4月2日`).
 *
 * @example
 * formatDate('2028-03-31'); // '2028年3月31日'
 */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return t('dateJst', y ?? 0, m ?? 0, d ?? 0);
}
