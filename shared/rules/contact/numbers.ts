/**
 * Numbers that are contact details or identifiers (R-MSG-4 §7(2)①ク, R-FEED-2): phone numbers,
 * postal codes and 12-digit numbers (マイナンバー), with any of the separators people put between
 * digit groups. A scanner reads each run of digit groups once; wages, hours, dates, counts and
 * ranges are told apart by their shape and the words around them.
 */
import type { Candidate, ContactKind } from './kinds';

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
// Between digit groups: spaces, dashes, slashes, underscores, commas, dots, brackets and the like.
// Not ~ or 〜 (ranges), not %, ¥ or $ (amounts); ':' only when it is not a time (see joins).
const SEPARATOR = /^[\s\-‐‑‒–—―−ー─━⁃﹣/_,、.。・()[\]{}*|\\=+#"'`^<>「」『』【】〔〕;!?]$/u;
const DASH = /^[\-‐‑‒–—―−ー─━⁃﹣]$/u;
const MAX_SEPARATOR = 6;
// No detail spans more digit groups than this (0 9 0 1 2 3 4 5 6 7 8 has eleven).
const MAX_GROUPS = 12;

type Group = { start: number; end: number; digits: string };

const PHONE_KEYWORD_BEFORE =
  /(?:tel|電話|でんわ|携帯|ケータイ|けいたい|☎|📞|☏|phone|mobile|fax|ファックス|ファクス|連絡先|sms|ショートメール)[^\d\n]{0,6}$/u;
const POSTAL_MARK_BEFORE = /(?:〒|〠|郵便番号|郵便|zip|postal code)[^\d\n]{0,3}$/u;
const PERSONAL_NUMBER_BEFORE = /(?:マイナンバー|個人番号|my ?number)[^\d\n]{0,6}$/u;
const PLUS_BEFORE = /\+[ \t]*\(?[ \t]*$/u;
// A number followed by a unit or a range sign is an amount or a range, not a code.
const UNIT_AFTER =
  /^[ \t]*(?:[万億円名人件時日年歳才社点回%分月倍個本台枚冊株店坪位期割秒週度号階~〜]|[ヶかカ箇ケ][月所国条]|km|kg|cm|mm|yen)/u;
const MONEY_BEFORE = /[¥$][ \t]*$/u;
const RANGE_BEFORE = /[~〜][ \t]*$/u;
const DATE_START = /^(?:19|20)\d\d$/;

/** The separator between two groups may join them: a time's colon (9:00, 18:30) may not. */
function joins(text: string, sepStart: number, sepEnd: number, before: Group, nextLength: number): boolean {
  const sep = text.slice(sepStart, sepEnd);
  if (sep.includes(':')) return sep === ':' && !(before.digits.length <= 2 && nextLength === 2);
  if ((sep.match(/\n/g)?.length ?? 0) > 1) return false;
  return true;
}

function classify(text: string, groups: Group[], first: number, last: number, plus: boolean): ContactKind | null {
  const picked = groups.slice(first, last + 1);
  const head = picked[0]!;
  const tail = picked[picked.length - 1]!;
  const digits = picked.map((g) => g.digits).join('');
  const lengths = picked.map((g) => g.digits.length);
  const before = text.slice(Math.max(0, head.start - 16), head.start);
  const after = text.slice(tail.end, tail.end + 4);
  const separators = picked.slice(1).map((g, k) => text.slice(picked[k]!.end, g.start));
  const isAmount = UNIT_AFTER.test(after) || MONEY_BEFORE.test(before);
  // 1,200,000 or 4.5: thousands grouping and decimals are figures.
  const figure = separators.length > 0 && separators.every((s) => s === ',' || s === '.') && lengths.slice(1).every((n) => n === 3);
  const perDigit = lengths.every((n) => n === 1);

  if (first === 0 && plus) {
    if (digits.startsWith('81')) {
      const national = digits.slice(2).replace(/^0/, '');
      if (national.length === 9 || national.length === 10) return 'phone';
    } else if (digits.length >= 8 && digits.length <= 15) {
      return 'phone';
    }
  }

  if (digits.length === 7 && POSTAL_MARK_BEFORE.test(before) && (lengths.length === 1 || lengths[0] === 3 || perDigit))
    return 'postal_code';
  if (isAmount || figure) return null;

  if (PHONE_KEYWORD_BEFORE.test(before) && digits.length >= 8 && digits.length <= 11 && !DATE_START.test(head.digits)) return 'phone';
  if (/^0[1-9]/.test(digits) && (digits.length === 10 || digits.length === 11)) {
    const mobile = /^0[5789]0/.test(digits) && digits.length === 11;
    const plausible =
      mobile || perDigit || lengths.length === 1 || (lengths.length <= 4 && lengths[0]! <= 5 && lengths[lengths.length - 1]! >= 3);
    if (plausible) return 'phone';
  }

  if (digits.length === 12) {
    if (PERSONAL_NUMBER_BEFORE.test(before) || lengths.every((n) => n === 4) || lengths.length === 1 || perDigit) return 'twelve_digit';
  }

  if (
    lengths.length === 2 &&
    lengths[0] === 3 &&
    lengths[1] === 4 &&
    DASH.test(separators[0]!.trim() || '_') &&
    !RANGE_BEFORE.test(before)
  ) {
    return 'postal_code';
  }
  return null;
}

function readChain(text: string, from: number): { groups: Group[]; end: number } {
  const groups: Group[] = [];
  let j = from;
  for (;;) {
    const start = j;
    while (isDigit(text[j])) j++;
    groups.push({ start, end: j, digits: text.slice(start, j) });
    let k = j;
    while (k - j < MAX_SEPARATOR && k < text.length && (SEPARATOR.test(text[k]!) || text[k] === ':')) k++;
    if (k === j || !isDigit(text[k])) break;
    let next = k;
    while (isDigit(text[next])) next++;
    if (!joins(text, j, k, groups[groups.length - 1]!, next - k)) break;
    j = k;
  }
  return { groups, end: j };
}

/**
 * Phone numbers, postal codes and 12-digit numbers in a normalized text (R-MSG-4, R-FEED-2).
 * Each digit run is read once and at most {@link MAX_GROUPS} groups are combined, so the time
 * is linear in the text.
 *
 * @example
 * findNumbers('携帯 090/1234/5678').map((c) => c.kind); // ['phone']
 */
export function findNumbers(text: string): Candidate[] {
  const found: Candidate[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text[i]) || isDigit(text[i - 1])) {
      i++;
      continue;
    }
    const { groups, end } = readChain(text, i);
    const plus = PLUS_BEFORE.exec(text.slice(Math.max(0, i - 4), i));
    // Digits before each group, so a window's length is known without joining it.
    const before: number[] = [0];
    for (const g of groups) before.push(before[before.length - 1]! + g.digits.length);
    let first = 0;
    while (first < groups.length) {
      let taken = false;
      for (let last = Math.min(groups.length - 1, first + MAX_GROUPS - 1); last >= first; last--) {
        const count = before[last + 1]! - before[first]!;
        // Every kind has 7 to 15 digits (a postal code 7, a phone 8–15, a personal number 12).
        if (count < 7 || count > 15) continue;
        const kind = classify(text, groups, first, last, first === 0 && plus !== null);
        if (!kind) continue;
        let start = groups[first]!.start;
        let stop = groups[last]!.end;
        if (first === 0 && plus && kind === 'phone') start = i - plus[0].length;
        if (kind === 'postal_code') {
          const mark = /[〒〠][ \t]*$/u.exec(text.slice(Math.max(0, start - 3), start));
          if (mark) start -= mark[0].length;
        }
        // Keep a parenthesised area code whole: (03)1234-5678 and 03(1234)5678.
        const span = text.slice(start, stop);
        const opens = span.split('(').length;
        const closes = span.split(')').length;
        if (closes > opens && text.charAt(start - 1) === '(') start -= 1;
        if (opens > closes && text.charAt(stop) === ')') stop += 1;
        found.push({ kind, start, end: stop });
        first = last + 1;
        taken = true;
        break;
      }
      if (!taken) first++;
    }
    i = end;
  }
  return found;
}

/**
 * Phone numbers with words between the groups (090の1234の5678): a mobile or landline number's
 * three groups with at most two characters of anything between them (R-MSG-4, R-FEED-2).
 *
 * @example findLooseNumbers('090と1234と5678').length; // 1
 */
export function findLooseNumbers(text: string): Candidate[] {
  const found: Candidate[] = [];
  const runs: Group[] = [];
  for (let i = 0; i < text.length;) {
    if (!isDigit(text[i])) {
      i++;
      continue;
    }
    const start = i;
    while (isDigit(text[i])) i++;
    runs.push({ start, end: i, digits: text.slice(start, i) });
  }
  for (let k = 0; k + 2 < runs.length; k++) {
    const [a, b, c] = [runs[k]!, runs[k + 1]!, runs[k + 2]!];
    if (b.start - a.end > 2 || c.start - b.end > 2) continue;
    if (/\n/.test(text.slice(a.end, c.start))) continue;
    const digits = a.digits + b.digits + c.digits;
    const shaped =
      (/^0[5789]0$/.test(a.digits) && b.digits.length === 4 && c.digits.length === 4) ||
      (/^0[1-9]\d{0,3}$/.test(a.digits) && digits.length === 10 && c.digits.length === 4);
    if (!shaped || UNIT_AFTER.test(text.slice(c.end, c.end + 4))) continue;
    found.push({ kind: 'phone', start: a.start, end: c.end });
    k += 2;
  }
  return found;
}
