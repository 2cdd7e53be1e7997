/**
 * The text the contact-detail detector reads (R-MSG-4 §7(2)①ク, R-FEED-2): NFKC, then the
 * disguises people use undone — kanji, enclosed and spelled-out numerals become digits, and a
 * spelled-out `@` or `.` between address parts becomes the sign. Each pass keeps a map back to
 * the original UTF-16 positions, so a finding points at what the person typed.
 */

/**
 * A text in the form used for matching, with a way back to the original positions
 * (R-MSG-4, R-MSG-5, R-FEED-2).
 *
 * @example
 * const n: NormalizedText = normalizeForMatching('ＴＥＬ');
 * n.text; // 'TEL'
 */
export type NormalizedText = {
  /** The normalized text. */
  text: string;
  /** The original UTF-16 range `[start, end)` that the normalized range `[start, end)` came from. */
  toOriginal(start: number, end: number): { start: number; end: number };
};

/**
 * The detector's reading of a text (R-MSG-4, R-FEED-2): `text` is lower-case ASCII, `cased`
 * the same characters with their case kept (a top-level domain in capitals, ASP.NET, is a
 * product name, not an address).
 */
export type DetectionText = NormalizedText & { cased: string };

/** One normalized character and the original range it came from. */
type Piece = { ch: string; start: number; end: number };

// Marks that belong to the character before them (isCombining), so NFKC sees them together (ｶﾞ → ガ).
// NFKC turns ① into 1 and ⑴ into (1); list markers would then glue onto real numbers, so they
// become digits only among other digits (see numeralsInContext).
const ENCLOSED_NUMBER = /[\u2460-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]/;

const nfkcCache = new Map<string, string>();

function isCombining(code: number): boolean {
  return (
    (code >= 0x300 && code <= 0x36f) ||
    code === 0x3099 ||
    code === 0x309a ||
    code === 0xff9e ||
    code === 0xff9f ||
    (code >= 0xfe00 && code <= 0xfe0f)
  );
}

function nfkcPieces(original: string): Piece[] {
  const pieces: Piece[] = [];
  let i = 0;
  while (i < original.length) {
    const code = original.charCodeAt(i);
    // ASCII, kana and common kanji are their own NFKC form: the common case, kept cheap.
    const plain =
      code < 0x80 ||
      (code >= 0x3041 && code <= 0x3096) ||
      (code >= 0x30a1 && code <= 0x30fa) ||
      code === 0x30fc ||
      (code >= 0x4e00 && code <= 0x9fff);
    if (plain && !isCombining(original.charCodeAt(i + 1))) {
      pieces.push({ ch: original.charAt(i), start: i, end: i + 1 });
      i++;
      continue;
    }
    const codePoint = original.codePointAt(i) ?? 0;
    let j = i + (codePoint > 0xffff ? 2 : 1);
    while (j < original.length && isCombining(original.charCodeAt(j))) j++;
    const chunk = original.slice(i, j);
    let normalized = nfkcCache.get(chunk);
    if (normalized === undefined) {
      normalized = ENCLOSED_NUMBER.test(chunk) ? chunk : chunk.normalize('NFKC');
      if (nfkcCache.size < 5000) nfkcCache.set(chunk, normalized);
    }
    for (const ch of normalized) pieces.push({ ch, start: i, end: j });
    i = j;
  }
  return pieces;
}

function toNormalized(original: string, pieces: Piece[]): NormalizedText {
  let text = '';
  // A piece may hold two UTF-16 units (an emoji); index by unit.
  const starts: number[] = [];
  const ends: number[] = [];
  for (const p of pieces) {
    text += p.ch;
    starts.push(p.start);
    ends.push(p.end);
    if (p.ch.length === 2) {
      starts.push(p.start);
      ends.push(p.end);
    }
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
  return toNormalized(original, nfkcPieces(original));
}

// ---------------------------------------------------------------------------------------
// Numerals
// ---------------------------------------------------------------------------------------

const KANJI_DIGIT_LIST: Readonly<Record<string, string>> = {
  〇: '0',
  零: '0',
  一: '1',
  壱: '1',
  壹: '1',
  二: '2',
  弐: '2',
  貳: '2',
  三: '3',
  参: '3',
  參: '3',
  四: '4',
  肆: '4',
  五: '5',
  伍: '5',
  六: '6',
  陸: '6',
  七: '7',
  漆: '7',
  八: '8',
  捌: '8',
  九: '9',
  玖: '9',
};

const KANJI_DIGITS = new Map(Object.entries(KANJI_DIGIT_LIST));
// [first code point, last] of each enclosed 1–9 series (①, ⑴, ⒈, ⓵, ❶, ➀, ➊).
const ENCLOSED_SERIES: ReadonlyArray<readonly [number, number]> = [
  [0x2460, 0x2468],
  [0x2474, 0x247c],
  [0x2488, 0x2490],
  [0x24f5, 0x24fd],
  [0x2776, 0x277e],
  [0x2780, 0x2788],
  [0x278a, 0x2792],
];

function enclosedDigit(c: number): string | null {
  if (c === 0x24ea || c === 0x24ff || c === 0x1f10b || c === 0x1f10c) return '0';
  if (c < 0x2460 || c > 0x2792) return null;
  for (const [from, to] of ENCLOSED_SERIES) if (c >= from && c <= to) return String(c - from + 1);
  return null;
}

function numeralOf(ch: string): string | null {
  const c = ch.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39) return ch;
  if (c < 0x2460) return null;
  return KANJI_DIGITS.get(ch) ?? enclosedDigit(ch.codePointAt(0) ?? 0);
}
/** Characters that may sit between two numerals of one number (090-1234, 一・二). */
const BETWEEN_NUMERALS = /^[\s\-‐‑‒–—―−ー─━⁃﹣/_,、.。・()[\]*|]$/u;

/**
 * Kanji and enclosed numerals become digits only next to another numeral (directly or across one
 * separator): 〇九〇ー一二三四 is a phone number, 一般 and 第一種 stay words, ① before a sentence
 * stays a list marker.
 */
function numeralsInContext(pieces: Piece[]): Piece[] {
  let any = false;
  for (const p of pieces) if (p.ch.charCodeAt(0) >= 0x2460 && numeralOf(p.ch) !== null) any = true;
  if (!any) return pieces;
  const isNumeral = (k: number) => k >= 0 && k < pieces.length && numeralOf(pieces[k]!.ch) !== null;
  const isBetween = (k: number) => k >= 0 && k < pieces.length && BETWEEN_NUMERALS.test(pieces[k]!.ch);
  return pieces.map((p, k) => {
    const digit = numeralOf(p.ch);
    if (digit === null || digit === p.ch) return p;
    const near = isNumeral(k - 1) || isNumeral(k + 1) || (isBetween(k - 1) && isNumeral(k - 2)) || (isBetween(k + 1) && isNumeral(k + 2));
    return near ? { ...p, ch: digit } : p;
  });
}

// Digits written as words, read only in a run of at least seven (a phone number read aloud):
// ぜろきゅうぜろ いちにさんよん …, zero nine zero one two …
const DIGIT_WORDS: ReadonlyArray<[string, string]> = [
  ['きゅう', '9'],
  ['キュウ', '9'],
  ['きゅー', '9'],
  ['キュー', '9'],
  ['ごー', '5'],
  ['ゴー', '5'],
  ['にー', '2'],
  ['ニー', '2'],
  ['ぜろ', '0'],
  ['ゼロ', '0'],
  ['れい', '0'],
  ['レイ', '0'],
  ['まる', '0'],
  ['マル', '0'],
  ['いち', '1'],
  ['イチ', '1'],
  ['さん', '3'],
  ['サン', '3'],
  ['よん', '4'],
  ['ヨン', '4'],
  ['ろく', '6'],
  ['ロク', '6'],
  ['なな', '7'],
  ['ナナ', '7'],
  ['しち', '7'],
  ['シチ', '7'],
  ['はち', '8'],
  ['ハチ', '8'],
  ['に', '2'],
  ['ニ', '2'],
  ['し', '4'],
  ['シ', '4'],
  ['ご', '5'],
  ['ゴ', '5'],
  ['く', '9'],
  ['ク', '9'],
  ['zero', '0'],
  ['one', '1'],
  ['two', '2'],
  ['three', '3'],
  ['four', '4'],
  ['five', '5'],
  ['six', '6'],
  ['seven', '7'],
  ['eight', '8'],
  ['nine', '9'],
  ['oh', '0'],
];
const MIN_WORD_RUN = 7;

const DIGIT_WORD_STARTS = new Set(DIGIT_WORDS.map(([w]) => w.charAt(0)));
const DIGIT_WORD_LETTERS = new Set([...DIGIT_WORDS.flatMap(([w]) => [...w]), ' ', '\t', '-', ',', '、', '・', 'ー', 'の']);
const isLatin = (c: string | undefined) => c !== undefined && c >= 'a' && c <= 'z';

function wordAt(chs: string[], k: number): [string, string] | undefined {
  if (!DIGIT_WORD_STARTS.has(chs[k] ?? '')) return undefined;
  for (const entry of DIGIT_WORDS) {
    const w = entry[0];
    let m = 0;
    while (m < w.length && chs[k + m] === w.charAt(m)) m++;
    if (m < w.length) continue;
    // An English digit word stands alone (one, not phone or done).
    if (isLatin(w.charAt(0)) && (isLatin(chs[k - 1]) || isLatin(chs[k + w.length]))) continue;
    return entry;
  }
  return undefined;
}

const RUN_GAP = /^[\s\-,、・ーの]$/u;
const PARTICLE = /^[にしごく]$/u;
const WORD_CHAR = /^[\p{Script=Hiragana}\p{Script=Han}]$/u;

type WordRun = Array<{ from: number; to: number; digit: string }>;

function digitWords(pieces: Piece[]): Piece[] {
  const chs = pieces.map((p) => (p.ch.length === 1 && p.ch >= 'A' && p.ch <= 'Z' ? p.ch.toLowerCase() : p.ch));
  // Seven digit words need a long stretch of the letters they are made of; most texts have none.
  let stretch = 0;
  let longest = 0;
  for (const c of chs) {
    stretch = DIGIT_WORD_LETTERS.has(c) ? stretch + 1 : 0;
    if (stretch > longest) longest = stretch;
  }
  if (longest < MIN_WORD_RUN) return pieces;
  const runs: WordRun[] = [];
  let k = 0;
  while (k < chs.length) {
    // A run of digit words with short separators between them, read once from its first word.
    const run: WordRun = [];
    let at = k;
    for (;;) {
      const w = wordAt(chs, at);
      if (!w) break;
      run.push({ from: at, to: at + w[0].length, digit: w[1] });
      at += w[0].length;
      let gap = 0;
      while (gap < 2 && RUN_GAP.test(chs[at + gap] ?? '')) gap++;
      if (!wordAt(chs, at + gap)) break;
      at += gap;
    }
    // A one-kana particle right before a word is the particle (…はちに電話), not a digit.
    while (run.length > 0 && PARTICLE.test(chs[run[run.length - 1]!.from]!) && WORD_CHAR.test(chs[run[run.length - 1]!.to] ?? ''))
      run.pop();
    if (run.length >= MIN_WORD_RUN) runs.push(run);
    // Skip the whole run: a later start inside it would only find a shorter one.
    k = run.length > 0 ? run[run.length - 1]!.to : k + 1;
  }
  if (runs.length === 0) return pieces;
  const out: Piece[] = [];
  let prev = 0;
  for (const run of runs) {
    for (const r of run) {
      for (let m = prev; m < r.from; m++) out.push(pieces[m]!);
      out.push({ ch: r.digit, start: pieces[r.from]!.start, end: pieces[r.to - 1]!.end });
      prev = r.to;
    }
  }
  for (let m = prev; m < pieces.length; m++) out.push(pieces[m]!);
  return out;
}

export { spelledSigns } from './spelled';
import { spelledSigns } from './spelled';

/**
 * Reads a text the way the detector does (R-MSG-4, R-FEED-2): NFKC; kanji (〇一二…九, 零壱弐参),
 * enclosed (①②) and spelled-out (ぜろきゅうぜろ…) numerals among other numerals become digits;
 * 「あっと」「アット」「(at)」 and 「どっと」「ドット」「dot」 between address parts become `@` and `.`;
 * ASCII is lower-cased in `text` and kept in `cased`.
 *
 * @example
 * normalizeForDetection('〇九〇ー一二三四').text; // '090ー1234'
 * normalizeForDetection('taro あっと example どっと com').text; // 'taro@example.com'
 */
export function normalizeForDetection(original: string): DetectionText {
  const pieces = spelledSigns(digitWords(numeralsInContext(nfkcPieces(original))));
  const normalized = toNormalized(original, pieces);
  const lower = normalized.text.toLowerCase();
  // Lower case that changes a length (İ) would shift positions: then only ASCII is lowered.
  const text = lower.length === normalized.text.length ? lower : normalized.text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return { ...normalized, cased: normalized.text, text };
}

export type { Piece };
