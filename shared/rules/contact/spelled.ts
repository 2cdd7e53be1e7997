/**
 * Spelled-out `@` and `.` (R-MSG-4 §7(2)①ク, R-FEED-2): 「taro あっと example どっと com」,
 * `taro (at) example [dot] co [dot] jp`, `example。com` read as the address they spell.
 */
import { isAlnum, isLetter } from './chars';
import type { Piece } from './normalize';

/**
 * Top-level domains a bare domain must end in (example.jp, not ASP.NET or Node.js) (R-MSG-4).
 *
 * @example TOP_LEVEL_DOMAINS.has('jp'); // true
 */
export const TOP_LEVEL_DOMAINS: ReadonlySet<string> = new Set(
  (
    'com net org info biz jp io co me app dev ai xyz site online tokyo osaka nagoya yokohama kyoto page link ly gl to cc tv ' +
    'us uk asia shop store tech blog work jobs cloud club life live pro edu gov mobi website space fun ink inc fm ee gg ' +
    'kr cn tw hk sg de fr it es nl ch au ca nz in ru br mx vn th ph id my social email contact ' +
    'careers career com2 top vip wiki news today world one biz jpn'
  ).split(' '),
);

/** Mail providers people name after a spelled `@` without a domain ending (taro あっと gmail). */
export const MAIL_PROVIDERS: ReadonlySet<string> = new Set([
  'gmail',
  'yahoo',
  'icloud',
  'hotmail',
  'outlook',
  'docomo',
  'ezweb',
  'softbank',
  'au',
  'me',
  'live',
  'msn',
  'aol',
  'protonmail',
  'proton',
]);

const OPEN = '([{<「『【〔';
const CLOSE = ')]}>」』】〕';

// Longest first, so アットマーク wins over アット.
const AT_WORDS = ['あっとまーく', 'アットマーク', 'atmark', 'あっと', 'アット', 'at', '@', '★', '☆'];
const DOT_WORDS: ReadonlyArray<[string, string]> = [
  ['どっとこむ', '.com'],
  ['ドットコム', '.com'],
  ['ドットジェイピー', '.jp'],
  ['ドットジェーピー', '.jp'],
  ['どっとじぇいぴー', '.jp'],
  ['ドットネット', '.net'],
  ['どっとねっと', '.net'],
  ['ドットシーオー', '.co'],
  ['ドットオルグ', '.org'],
  ['どっと', '.'],
  ['ドット', '.'],
  ['.', '.'],
  ['dot', '.'],
  ['ぴりおど', '.'],
  ['ピリオド', '.'],
  ['period', '.'],
];
// Punctuation that stands for a dot only right before a common top-level domain (example。com).
const COMMON_ENDINGS: ReadonlySet<string> = new Set(['com', 'net', 'org', 'jp', 'info', 'biz', 'io', 'co', 'tokyo']);
const DOT_MARKS = '。・、,';

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';
const lower = (c: string) => (c.length === 1 && c >= 'A' && c <= 'Z' ? c.toLowerCase() : c);

type Match = { end: number; replacement: string; english: boolean };

const AT_PAIRS: ReadonlyArray<[string, string]> = AT_WORDS.map((w): [string, string] => [w, '@']);
const STARTS = new Set([...AT_WORDS, ...DOT_WORDS.map(([w]) => w)].map((w) => w.charAt(0)));

function byFirst(words: ReadonlyArray<[string, string]>): Map<string, Array<[string, string]>> {
  const map = new Map<string, Array<[string, string]>>();
  for (const entry of words) map.set(entry[0].charAt(0), [...(map.get(entry[0].charAt(0)) ?? []), entry]);
  return map;
}
const DOT_BY_FIRST = byFirst(DOT_WORDS);
const AT_BY_FIRST = byFirst(AT_PAIRS);

function wordMatch(chs: string[], k: number, words: Map<string, Array<[string, string]>>): Match | null {
  const bracket = OPEN.includes(chs[k] ?? '\u0000');
  let at = bracket ? k + 1 : k;
  while (bracket && isSpace(chs[at])) at++;
  const candidates = words.get(chs[at] ?? '');
  if (!candidates) return null;
  for (const [word, replacement] of candidates) {
    let m = 0;
    while (m < word.length && chs[at + m] === word.charAt(m)) m++;
    if (m < word.length) continue;
    let end = at + word.length;
    if (bracket) {
      while (isSpace(chs[end])) end++;
      if (!CLOSE.includes(chs[end] ?? '\u0000')) continue;
      end++;
    }
    return { end, replacement, english: !bracket && /^[a-z]/.test(word) };
  }
  return null;
}

/** The label that starts at `k` (after up to two spaces), or ''. */
function labelAt(chs: string[], k: number): { label: string; end: number } {
  let at = k;
  while (at < k + 2 && isSpace(chs[at])) at++;
  let label = '';
  let end = at;
  while (end < chs.length && label.length < 64 && (isAlnum(chs[end]) || chs[end] === '-')) label += chs[end++];
  return { label, end };
}

/** The last label of the domain whose first label ends at `k` (example.co.jp → jp). */
function lastLabel(chs: string[], k: number): string {
  let at = k;
  let last = '';
  for (let n = 0; n < 10 && chs[at] === '.'; n++) {
    const next = labelAt(chs, at + 1);
    if (next.end !== at + 1 + next.label.length || next.label.length === 0) break;
    last = next.label;
    at = next.end;
  }
  return last;
}

function replaceSigns(pieces: Piece[], chs: string[], kind: 'dot' | 'at'): Piece[] {
  const out: Piece[] = [];
  let changed = false;
  const words = kind === 'dot' ? DOT_BY_FIRST : AT_BY_FIRST;
  let k = 0;
  while (k < pieces.length) {
    const match = wordMatch(chs, k, words);
    let done = false;
    if (match) {
      // Left: an address part right before (up to two spaces between).
      let back = out.length - 1;
      while (back >= out.length - 2 && back >= 0 && isSpace(out[back]!.ch)) back--;
      const left = out[back]?.ch.toLowerCase();
      const leftOk = kind === 'dot' ? isAlnum(left) : isAlnum(left) || left === '_' || left === '.' || left === '-';
      // English words stand alone (taro at example, not cat or data).
      const wordOk = !match.english || (!isLetter(chs[k - 1]) && !isLetter(chs[match.end]));
      const right = labelAt(chs, match.end);
      let rightOk = right.label.length > 0;
      if (kind === 'at' && rightOk) {
        // After a spelled @ comes a domain ending in a known top-level domain, or a mail provider's name.
        rightOk = MAIL_PROVIDERS.has(right.label) || TOP_LEVEL_DOMAINS.has(lastLabel(chs, right.end));
      }
      if (kind === 'dot' && match.replacement !== '.') rightOk = true; // ドットコム carries its own ending
      if (leftOk && wordOk && rightOk) {
        const spacesBefore = out.length - 1 - back;
        const from = spacesBefore > 0 ? out[back + 1]!.start : pieces[k]!.start;
        out.length = back + 1;
        let end = match.end;
        if (match.replacement.length === 1) while (end < match.end + 2 && isSpace(chs[end])) end++;
        const to = pieces[end - 1]!.end;
        for (const ch of match.replacement) out.push({ ch, start: from, end: to });
        k = end;
        done = changed = true;
      }
    } else if (kind === 'dot' && DOT_MARKS.includes(chs[k] ?? '\u0000') && isAlnum(out[out.length - 1]?.ch.toLowerCase())) {
      const right = labelAt(chs, k + 1);
      if (right.end === k + 1 + right.label.length && COMMON_ENDINGS.has(right.label) && !isAlnum(chs[right.end])) {
        out.push({ ch: '.', start: pieces[k]!.start, end: pieces[k]!.end });
        k++;
        done = changed = true;
      }
    }
    if (!done) out.push(pieces[k++]!);
  }
  return changed ? out : pieces;
}

/** Whether a sign could be replaced at `k`, `distance` characters after an ASCII letter or digit. */
function mayReplace(chs: string[], k: number, c: string, alnum: boolean, distance: number): boolean {
  const next = chs[k + 1];
  // example。com: punctuation only before a letter.
  if (DOT_MARKS.includes(c)) return isLetter(next);
  // A plain . or @ only needs work with spaces around it (taro @ example . com).
  if (c === '.' || c === '@') return isSpace(chs[k - 1]) || isSpace(next);
  // (at), [dot]: a bracket before the start of a word.
  if (OPEN.includes(c)) return STARTS.has(next ?? '') || (isSpace(next) && STARTS.has(chs[k + 2] ?? ''));
  if (!STARTS.has(c)) return false;
  // An English word (at, dot) needs a space before it; a Japanese word (あっと) or ★ does not.
  return !alnum || distance >= 2;
}

/**
 * Replaces spelled-out dots, then spelled-out `@`, between address parts (R-MSG-4, R-FEED-2).
 * Each replacement maps back to the whole spelled range, spaces around it included.
 *
 * @example
 * spelledSigns(pieces('taro あっと example どっと com')).map((p) => p.ch).join(''); // 'taro@example.com'
 */
export function spelledSigns(pieces: Piece[]): Piece[] {
  // A sign only counts a few characters after an ASCII letter or digit; most texts have no such place.
  const chs = pieces.map((p) => lower(p.ch));
  let lastAlnum = -10;
  let candidate = false;
  for (let k = 0; k < chs.length && !candidate; k++) {
    const c = chs[k]!;
    const alnum = isAlnum(c);
    if (k - lastAlnum <= 3) candidate = mayReplace(chs, k, c, alnum, k - lastAlnum);
    if (alnum) lastAlnum = k;
  }
  if (!candidate) return pieces;
  const dotted = replaceSigns(pieces, chs, 'dot');
  return replaceSigns(dotted, dotted === pieces ? chs : dotted.map((p) => lower(p.ch)), 'at');
}
