/**
 * An agency's registered contact methods in its own messages (R-MSG-4 §7(2)①ク): a finding that
 * is one of them is allowed. Both sides are read with the detector's normalization, so the
 * worker and the composer agree however either was written (+81 (0)3…, https://www., 〒100−8916,
 * a page under a registered site).
 */
import type { ContactMethod } from '../../schemas/agency';
import type { Finding } from './kinds';
import { normalizeForDetection } from './normalize';

const KANJI: Readonly<Record<string, number>> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** A run of kanji numerals as a number: 二十三 → 23, 一〇〇 → 100. */
function kanjiRun(run: string): string {
  if (!/[十百]/.test(run)) return [...run].map((c) => String(KANJI[c] ?? '')).join('');
  let total = 0;
  let digit = 0;
  for (const c of run) {
    if (c === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (c === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = KANJI[c] ?? 0;
  }
  return String(total + digit);
}

/** The digit groups of a text, kanji numerals read as numbers: 霞が関一丁目2番2号 → 1, 2, 2. */
export function digitGroups(text: string): string[] {
  const n = normalizeForDetection(text).text;
  return [...n.matchAll(/[0-9]+|[〇零一二三四五六七八九十百]+/gu)].map((m) => (/[0-9]/.test(m[0]) ? m[0] : kanjiRun(m[0])));
}

function phoneDigits(text: string): string {
  const n = normalizeForDetection(text).text.trim();
  const digits = n.replace(/\D/g, '');
  if (/^\+?[\s(]*81/.test(n) && digits.startsWith('81')) return `0${digits.slice(2).replace(/^0/, '')}`;
  if (digits.startsWith('0081')) return `0${digits.slice(4).replace(/^0/, '')}`;
  return digits;
}

const compact = (text: string) => normalizeForDetection(text).text.replace(/\s+/g, '');
const site = (text: string) =>
  compact(text)
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/?#]+$/, '');

/** The finding's digit groups appear, in order and side by side, in the registered address. */
function partOfAddress(found: string[], registered: string[]): boolean {
  if (found.length === 0) return false;
  const joined = found.join('');
  for (let s = 0; s < registered.length; s++) {
    let acc = '';
    for (let e = s; e < registered.length && acc.length < joined.length; e++) {
      acc += registered[e];
      if (acc === joined) return true;
    }
  }
  return false;
}

/**
 * Whether a finding in an agency's message is one of the contact methods it registered
 * (R-MSG-4): the same phone number (+81 read as 0), the same email address, the registered URL
 * or a page under it (scheme and `www.` do not matter), or part of the registered postal address
 * (its postal code, its 番地). Messenger IDs, 12-digit numbers, names and requests never are.
 *
 * @example
 * isRegisteredContact({ kind: 'url', start: 0, end: 21, text: 'mirai.example.jp/jobs', label: 'URL' },
 *   [{ kind: 'url', value: 'https://mirai.example.jp' }]); // true
 */
export function isRegisteredContact(finding: Finding, registered: readonly ContactMethod[]): boolean {
  switch (finding.kind) {
    case 'phone': {
      const f = phoneDigits(finding.text);
      return registered.some((m) => m.kind === 'phone' && phoneDigits(m.value) === f);
    }
    case 'email': {
      const f = compact(finding.text);
      return registered.some((m) => m.kind === 'email' && compact(m.value) === f);
    }
    case 'url': {
      const f = site(finding.text);
      return registered.some((m) => {
        if (m.kind !== 'url') return false;
        const u = site(m.value);
        return f === u || f.startsWith(`${u}/`) || f.startsWith(`${u}?`) || f.startsWith(`${u}#`);
      });
    }
    case 'postal_code':
    case 'address': {
      const f = digitGroups(finding.text);
      return registered.some((m) => m.kind === 'postal' && partOfAddress(f, digitGroups(m.value)));
    }
    default:
      return false;
  }
}
