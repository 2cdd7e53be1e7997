/**
 * Contact details and personal identifiers in free text.
 *
 * The terms keep names, contact details and other identifying information out of the
 * service (§7(2)①ク, R-MSG-4), and the jobseeker feed may hold only what cannot identify a
 * person (§1(2), §7(2)①, R-FEED-2). Both checks call {@link findContactDetails}.
 *
 * Matching runs on an NFKC form of the text, so full-width digits, `＠` and ideographic
 * spaces read like their ASCII forms, but every position reported points into the
 * ORIGINAL text (UTF-16 indices), ready to highlight in the compose box or a bulk-load
 * report.
 *
 * The detectors favour precision on ordinary job text (wages, hours, dates, head counts,
 * ranges) and recall on real contact details.
 */

/**
 * What kind of contact detail or identifier a {@link Finding} is (R-MSG-4 §7(2)①ク, R-FEED-2).
 *
 * @example
 * const kind: ContactKind = 'twelve_digit'; // マイナンバー and other 12-digit numbers
 */
export type ContactKind = 'phone' | 'email' | 'postal_code' | 'address' | 'twelve_digit' | 'url' | 'messenger';

/**
 * One contact detail found in a text (R-MSG-4, R-FEED-2); `start`/`end` are UTF-16
 * indices into the original text, so `text === original.slice(start, end)`.
 *
 * @example
 * const finding: Finding = { kind: 'postal_code', start: 0, end: 9, text: '〒100-0001', label: '郵便番号' };
 */
export type Finding = {
  kind: ContactKind;
  start: number;
  end: number;
  /** The original text between `start` and `end`. */
  text: string;
  /** The kind's name in Japanese, for messages a person reads. */
  label: string;
};

/**
 * The Japanese name of each {@link ContactKind}, as shown to jobseekers, agencies and
 * bureau staff (R-MSG-4, R-FEED-2).
 *
 * @example
 * CONTACT_KIND_LABELS.twelve_digit; // '12桁の番号（個人番号など）'
 */
export const CONTACT_KIND_LABELS: Readonly<Record<ContactKind, string>> = {
  phone: '電話番号',
  email: 'メールアドレス',
  postal_code: '郵便番号',
  address: '住所（番地）',
  twelve_digit: '12桁の番号（個人番号など）',
  url: 'URL',
  messenger: 'メッセンジャーID',
};

/**
 * A text in the NFKC form used for matching, with a way back to the original positions
 * (R-MSG-4, R-MSG-5, R-FEED-2).
 *
 * @example
 * const n: NormalizedText = normalizeForMatching('ＴＥＬ');
 * n.text; // 'TEL'
 */
export type NormalizedText = {
  /** The NFKC form of the original (enclosed numbers such as ① kept as they are). */
  text: string;
  /** The original UTF-16 range `[start, end)` that the normalized range `[start, end)` came from. */
  toOriginal(start: number, end: number): { start: number; end: number };
};

// Marks that belong to the character before them, so NFKC sees them together (ｶﾞ → ガ).
const COMBINING_MARK = /[\u0300-\u036f\u3099\u309a\uff9e\uff9f\ufe00-\ufe0f]/;
// NFKC turns ① into 1 and ⑴ into (1); list markers would then glue onto real numbers.
const ENCLOSED_NUMBER = /[\u2460-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]/;

/**
 * Normalizes a text with NFKC for matching and keeps a map back to the original
 * positions (R-MSG-4, R-MSG-5, R-FEED-2). Each character (with its combining marks) is
 * normalized on its own, so every normalized index points at exactly one original range.
 *
 * @example
 * const n = normalizeForMatching('電話：０９０');
 * n.text; // '電話:090'
 * n.toOriginal(3, 6); // { start: 3, end: 6 }
 */
export function normalizeForMatching(original: string): NormalizedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < original.length) {
    const codePoint = original.codePointAt(i) ?? 0;
    let j = i + (codePoint > 0xffff ? 2 : 1);
    while (j < original.length && COMBINING_MARK.test(original.charAt(j))) j++;
    const chunk = original.slice(i, j);
    const normalized = ENCLOSED_NUMBER.test(chunk) ? chunk : chunk.normalize('NFKC');
    for (let k = 0; k < normalized.length; k++) {
      starts.push(i);
      ends.push(j);
    }
    text += normalized;
    i = j;
  }
  return {
    text,
    toOriginal(start, end) {
      if (end <= start) {
        const at = starts[start] ?? original.length;
        return { start: at, end: at };
      }
      return { start: starts[start] ?? original.length, end: ends[end - 1] ?? original.length };
    },
  };
}

/** A match in normalized coordinates, before positions are mapped back. */
type Candidate = { kind: ContactKind; start: number; end: number };

// Every dash a person may type between digit groups, after NFKC (－ and ｰ are already - and ー).
const DASH = '[\\-‐‑‒–—―−ー─━⁃]';
const DASH_ONLY = new RegExp(`^[ \\t]*${DASH}[ \\t]*$`, 'u');

// ---------------------------------------------------------------------------------------
// Digit groups: phone numbers, postal codes, 12-digit numbers
// ---------------------------------------------------------------------------------------

// Digit groups joined by spaces, dashes, dots or parentheses: 090-1234-5678, 03(1234)5678,
// 1234 5678 9012. Commas and colons end a chain, so 1,200 and 9:00-18:00 never join up.
const DIGIT_CHAIN = new RegExp(`\\d+(?:(?:[ \\t.()]|${DASH}){1,3}\\d+)*`, 'gu');
const PHONE_KEYWORD_BEFORE = /(?:TEL|電話|携帯|ケータイ|☎|📞|PHONE|FAX|ファックス|ファクス|連絡先)[^\d\n]{0,6}$/iu;
const POSTAL_MARK_BEFORE = /(?:〒|〠|郵便番号)[ \t:]*$/u;
const PERSONAL_NUMBER_BEFORE = /(?:マイナンバー|個人番号)[^\d\n]{0,6}$/u;
const PLUS_BEFORE = /\+[ \t]*\(?[ \t]*$/u;
// A number followed by a unit or a range sign is an amount or a range, not a code.
const UNIT_AFTER = /^[ \t]*(?:[万億円名人件時日年歳才社点回%分月倍個本台枚冊株店坪位期割秒週ヶか箇~〜]|km|kg|cm|mm)/iu;
const MONEY_BEFORE = /[¥$][ \t]*$/u;

const MAX_GROUPS = 5;

type DigitGroup = { start: number; end: number; digits: string };

function digitGroups(text: string, chainStart: number, chain: string): DigitGroup[] {
  const groups: DigitGroup[] = [];
  for (const m of chain.matchAll(/\d+/g)) {
    const start = chainStart + (m.index ?? 0);
    groups.push({ start, end: start + m[0].length, digits: m[0] });
  }
  return groups;
}

function classifyDigits(text: string, groups: DigitGroup[], first: number, last: number, chainPlus: boolean): ContactKind | null {
  const picked = groups.slice(first, last + 1);
  const head = picked[0];
  const tail = picked[picked.length - 1];
  if (!head || !tail) return null;
  const digits = picked.map((g) => g.digits).join('');
  const lengths = picked.map((g) => g.digits.length);
  const before = text.slice(Math.max(0, head.start - 16), head.start);
  const after = text.slice(tail.end, tail.end + 4);
  const separators = picked.slice(1).map((g, k) => text.slice(picked[k]?.end ?? g.start, g.start));

  if (first === 0 && chainPlus) {
    if (digits.startsWith('81')) {
      const national = digits.slice(2).replace(/^0/, '');
      if (national.length === 9 || national.length === 10) return 'phone';
    } else if (digits.length >= 8 && digits.length <= 15) {
      return 'phone';
    }
  }

  const postalShape = (lengths.length === 2 && lengths[0] === 3 && lengths[1] === 4) || (lengths.length === 1 && digits.length === 7);
  if (postalShape && POSTAL_MARK_BEFORE.test(before)) return 'postal_code';

  if (PHONE_KEYWORD_BEFORE.test(before) && digits.length >= 8 && digits.length <= 11 && lengths.length <= 4) return 'phone';
  if (/^0[1-9]/.test(digits) && (digits.length === 10 || digits.length === 11)) {
    const plausibleGroups =
      lengths.length === 1 ||
      (lengths.length <= 3 && (lengths[0] ?? 0) <= 5 && (lengths[lengths.length - 1] ?? 0) >= 3);
    if (plausibleGroups) return 'phone';
  }

  const isAmount = UNIT_AFTER.test(after) || MONEY_BEFORE.test(before);
  if (digits.length === 12 && !isAmount) {
    if (PERSONAL_NUMBER_BEFORE.test(before) || lengths.every((n) => n === 4) || lengths.length === 1) return 'twelve_digit';
  }

  if (
    lengths.length === 2 &&
    lengths[0] === 3 &&
    lengths[1] === 4 &&
    separators.every((s) => DASH_ONLY.test(s)) &&
    !isAmount &&
    !/[~〜]\s*$/u.test(before)
  ) {
    return 'postal_code';
  }
  return null;
}

function countChar(s: string, c: string): number {
  return s.split(c).length - 1;
}

function findDigitDetails(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(DIGIT_CHAIN)) {
    const chainStart = m.index ?? 0;
    const groups = digitGroups(text, chainStart, m[0]);
    const plus = PLUS_BEFORE.exec(text.slice(Math.max(0, chainStart - 4), chainStart));
    let first = 0;
    while (first < groups.length) {
      let taken = false;
      // No detail spans more than five groups (+81 (0)90 1234 5678), so long runs stay linear.
      for (let last = Math.min(groups.length - 1, first + MAX_GROUPS - 1); last >= first; last--) {
        const kind = classifyDigits(text, groups, first, last, plus !== null);
        if (!kind) continue;
        let start = groups[first]?.start ?? chainStart;
        let end = groups[last]?.end ?? chainStart;
        if (first === 0 && plus && kind === 'phone') start = chainStart - plus[0].length;
        if (kind === 'postal_code') {
          const mark = /[〒〠][ \t]*$/u.exec(text.slice(Math.max(0, start - 3), start));
          if (mark) start -= mark[0].length;
        }
        // Keep a parenthesised area code whole: (03)1234-5678 and 03(1234)5678.
        const span = text.slice(start, end);
        if (countChar(span, ')') > countChar(span, '(') && text.charAt(start - 1) === '(') start -= 1;
        if (countChar(span, '(') > countChar(span, ')') && text.charAt(end) === ')') end += 1;
        found.push({ kind, start, end });
        first = last + 1;
        taken = true;
        break;
      }
      if (!taken) first++;
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------
// Email addresses, URLs, messenger IDs
// ---------------------------------------------------------------------------------------

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?';
// " dot ", [dot], (ドット) as well as "."; the last label must look like a top-level domain.
const DOT = '(?:[ \\t]*(?:\\[[ \\t]*(?:dot|ドット)[ \\t]*\\]|\\([ \\t]*(?:dot|ドット)[ \\t]*\\)|ドット)[ \\t]*|[ \\t]+dot[ \\t]+|\\.)';
const EMAIL = new RegExp(
  '(?<![A-Za-z0-9._%+\\-])[A-Za-z0-9._%+\\-]*[A-Za-z0-9_%+\\-]' +
    '(?:@|★|☆' +
    '|[ \\t]*(?:\\[[ \\t]*(?:at|アット)[ \\t]*\\]|\\([ \\t]*(?:at|アット)[ \\t]*\\)|<[ \\t]*at[ \\t]*>|\\{[ \\t]*at[ \\t]*\\}|アットマーク|あっとまーく)[ \\t]*' +
    '|[ \\t]+at[ \\t]+)' +
    `(?:${LABEL}${DOT})+[A-Za-z]{2,24}(?![A-Za-z0-9\\-])`,
  'giu',
);

const URL_CHARS = "[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'*+,;=%]";
const URL_WITH_SCHEME = new RegExp(`(?:https?|ftp)://${URL_CHARS}+`, 'giu');
const URL_WWW = new RegExp(`(?<![A-Za-z0-9.\\-@])www\\.${LABEL}(?:\\.${LABEL})+(?:[/?#]${URL_CHARS}*)?`, 'giu');
// Bare domains only with a lower-case top-level domain we know, so ASP.NET or Node.js stay text.
const TOP_LEVEL_DOMAINS =
  'com|net|org|info|biz|jp|io|co|me|app|dev|ai|xyz|site|online|tokyo|osaka|nagoya|yokohama|kyoto|page|link|ly|gl|to|cc|tv|us|uk|asia|shop|store|tech|blog|work|jobs|cloud|club|life|live|pro|edu|gov|mobi|website|space|fun|ink|inc|me|fm';
const URL_BARE = new RegExp(
  `(?<![A-Za-z0-9.@\\-_/])(?:${LABEL}\\.)+(?:${TOP_LEVEL_DOMAINS})(?![A-Za-z0-9\\-])(?:[/?#]${URL_CHARS}*)?`,
  'gu',
);

const MESSENGER_SERVICE =
  'LINE|ライン|らいん|Instagram|インスタグラム|インスタ|insta|Twitter|ツイッター|X|Discord|ディスコード|Skype|スカイプ|WeChat|微信|ウィーチャット|カカオトーク|カカオ|KakaoTalk|Kakao|Telegram|テレグラム|Facebook|フェイスブック|TikTok|ティックトック|Threads|WhatsApp|Signal|Chatwork|チャットワーク|Slack';
const ID_WORD = 'ID|アイディー|アイディ|アカウント名|アカウント|ユーザー名|ユーザ名|ユーザーネーム|user ?name|ハンドルネーム|ハンドル';
const HANDLE = '[A-Za-z0-9_][A-Za-z0-9._#\\-]{1,63}';
// LINE ID: taro, LINEID taro, ライン ID は taro, X（旧Twitter）@taro, Instagram: @taro.
const MESSENGER_TIGHT = new RegExp(
  `(?<![A-Za-z])(?:${MESSENGER_SERVICE})(?=ID|[^A-Za-z]|$)(?:[ \\t]*\\([^()\\n]{0,15}\\))?[ \\t]*(?:の[ \\t]*)?` +
    `(?:(?:${ID_WORD})[ \\t]*(?:は|:|=|→)?[ \\t]*@?|[:=→][ \\t]*@?|@)[ \\t]*(${HANDLE})`,
  'giu',
);
// "LINEやってます、id: taro" — a looser gap, but only with an explicit "id:" and never after a bare X.
const MESSENGER_LOOSE = new RegExp(
  `(?<![A-Za-z])(?:${MESSENGER_SERVICE.replace('|X|', '|')})(?=ID|[^A-Za-z]|$)[^\\n@]{0,12}?(?<![A-Za-z])ID[ \\t]*[:=は][ \\t]*@?(${HANDLE})`,
  'giu',
);

function trimUrlTail(s: string): string {
  return s.replace(/[.,;:!?'\]]+$/u, '');
}

function findPatternDetails(text: string): Candidate[] {
  const found: Candidate[] = [];
  const add = (kind: ContactKind, start: number, matched: string) => found.push({ kind, start, end: start + matched.length });
  for (const m of text.matchAll(EMAIL)) add('email', m.index ?? 0, m[0]);
  for (const re of [URL_WITH_SCHEME, URL_WWW, URL_BARE]) {
    for (const m of text.matchAll(re)) add('url', m.index ?? 0, trimUrlTail(m[0]));
  }
  for (const re of [MESSENGER_TIGHT, MESSENGER_LOOSE]) {
    for (const m of text.matchAll(re)) {
      const handle = trimUrlTail(m[1] ?? '');
      // "X: 10" is a count, not an account; real IDs carry a letter or are long.
      if (handle.length < 3 || (!/[A-Za-z]/.test(handle) && handle.length < 6)) continue;
      const start = m.index ?? 0;
      add('messenger', start, m[0].slice(0, m[0].length - (m[1] ?? '').length) + handle);
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------
// Street addresses (番地). A prefecture or municipality alone is a legitimate feed field.
// ---------------------------------------------------------------------------------------

// Bounded and anchored at the start of a run, so a long run of numerals stays linear.
const NUMERAL = '(?:[0-9]{1,5}|[一二三四五六七八九十百〇]{1,6})';
const NUMERAL_START = '(?<![0-9一二三四五六七八九十百〇])';
// 丸の内一丁目2番3号, ２丁目５−１, 1丁目2-3
const CHOME = new RegExp(
  `${NUMERAL_START}${NUMERAL}丁目[ \\t]?${NUMERAL}(?:[ \\t]?番地?)?(?:[ \\t]?(?:の|${DASH})?[ \\t]?${NUMERAL}(?:[ \\t]?号)?)?(?:[ \\t]?${DASH}[ \\t]?[0-9]+)?`,
  'gu',
);
// 123番地, 5番地の2, 2番3号
const BANCHI = new RegExp(`${NUMERAL_START}${NUMERAL}番地(?:[ \\t]?の?[ \\t]?${NUMERAL}(?:[ \\t]?号)?)?|${NUMERAL_START}${NUMERAL}番[ \\t]?${NUMERAL}号`, 'gu');
// 丸の内1-2-3: three or four dash-joined groups right after a place name in kanji or kana.
// Katakana is left out: セクション1-2-3 or バージョン1-2-3 are far likelier than a katakana town.
const TOWN_DASH = new RegExp(
  `(?<=[\\p{Script=Han}\\p{Script=Hiragana}々ヶ])[ \\t]?\\d{1,4}(?:${DASH}\\d{1,4}){2,3}(?![\\d])`,
  'gu',
);
// Words before a dash-joined number that make it a date, a figure or a count, not a place.
const NOT_A_PLACE_BEFORE = /[年月日時分秒給収額数約計第全各例図表章条項号型版期回歳点円]$/u;

function findAddresses(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const re of [CHOME, BANCHI]) {
    for (const m of text.matchAll(re)) found.push({ kind: 'address', start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  for (const m of text.matchAll(TOWN_DASH)) {
    const lead = /^[ \t]*/.exec(m[0])?.[0].length ?? 0;
    const start = (m.index ?? 0) + lead;
    const value = m[0].slice(lead);
    if (NOT_A_PLACE_BEFORE.test(text.slice(0, m.index ?? 0))) continue;
    if (/^(?:19|20)\d\d\D/u.test(value)) continue; // 2026-11-27
    found.push({ kind: 'address', start, end: start + value.length });
  }
  return found;
}

// ---------------------------------------------------------------------------------------

// On the same stretch, the more specific reading wins (a phone number can look like 1-2-3).
const PRIORITY: Readonly<Record<ContactKind, number>> = {
  email: 0,
  url: 1,
  messenger: 2,
  phone: 3,
  postal_code: 4,
  twelve_digit: 5,
  address: 6,
};

/**
 * Finds phone numbers, email addresses, postal codes, street addresses (番地), 12-digit
 * numbers (マイナンバー and the like), URLs and messenger IDs in a text, in half- or
 * full-width form (R-MSG-4 §7(2)①ク, R-FEED-2 §1(2)).
 *
 * Findings are sorted by `start` and never overlap; `start`/`end` index the original text.
 * A prefecture or municipality alone (東京都, 横浜市) is not a finding, nor are wages,
 * hours, dates, counts or ranges.
 *
 * @example
 * findContactDetails('携帯は０９０ー１２３４ー５６７８です');
 * // [{ kind: 'phone', start: 3, end: 16, text: '０９０ー１２３４ー５６７８', label: '電話番号' }]
 * findContactDetails('年収400万円、週5日 9:00-18:00'); // []
 */
export function findContactDetails(text: string): Finding[] {
  const normalized = normalizeForMatching(text);
  const candidates = [
    ...findPatternDetails(normalized.text),
    ...findDigitDetails(normalized.text),
    ...findAddresses(normalized.text),
  ]
    .filter((c) => c.end > c.start)
    .map((c) => ({ kind: c.kind, ...normalized.toOriginal(c.start, c.end) }))
    .sort((a, b) => b.end - b.start - (a.end - a.start) || PRIORITY[a.kind] - PRIORITY[b.kind] || a.start - b.start);

  const chosen: Finding[] = [];
  for (const c of candidates) {
    if (chosen.some((f) => c.start < f.end && f.start < c.end)) continue;
    chosen.push({ kind: c.kind, start: c.start, end: c.end, text: text.slice(c.start, c.end), label: CONTACT_KIND_LABELS[c.kind] });
  }
  return chosen.sort((a, b) => a.start - b.start);
}

const QUOTE_LIMIT = 40;

/**
 * A polite Japanese sentence naming what {@link findContactDetails} found, for the refusal
 * of a message (R-MSG-4 §7(2)①ク) or a feed row (R-FEED-2). Returns `''` for no findings.
 *
 * @example
 * describeFindings(findContactDetails('090-1234-5678 / taro@example.com'));
 * // '「電話番号（090-1234-5678）」と「メールアドレス（taro@example.com）」が含まれています。'
 */
export function describeFindings(findings: Finding[]): string {
  if (findings.length === 0) return '';
  const items = findings.map((f) => {
    const quoted = f.text.length > QUOTE_LIMIT ? `${f.text.slice(0, QUOTE_LIMIT)}…` : f.text;
    return `「${f.label}（${quoted.replace(/\s+/gu, ' ')}）」`;
  });
  const last = items.pop() ?? '';
  const listed = items.length === 0 ? last : `${items.join('、')}と${last}`;
  return `${listed}が含まれています。`;
}
