/**
 * Messenger and social-network handles (R-MSG-4 §7(2)①ク, R-FEED-2): an ID after a service's
 * name (「LINE ID: taro」「LINEはtaro_123です」「インスタ→@taro」), before it (「taro_123（LINE）」), or a
 * bare `@handle`. A scanner over the normalized text; every look-ahead is bounded.
 */
import { isAlnum, isHandleChar, isHandleStart, isLetter, isLocal, oneOf } from './chars';
import type { Candidate } from './kinds';
import { wordsAt } from './words';

// Lower case after normalization; longest first within a shared prefix is handled by trying all.
const SERVICES = [
  'line',
  'ライン',
  'らいん',
  'instagram',
  'insta',
  'インスタグラム',
  'インスタ',
  'いんすた',
  'twitter',
  'ツイッター',
  'ついったー',
  'x',
  'facebook',
  'fb',
  'フェイスブック',
  'フェースブック',
  'tiktok',
  'ティックトック',
  'ティクトク',
  'discord',
  'ディスコード',
  'telegram',
  'テレグラム',
  'whatsapp',
  'ワッツアップ',
  'skype',
  'スカイプ',
  'wechat',
  '微信',
  'ウィーチャット',
  'kakaotalk',
  'kakao',
  'カカオトーク',
  'カカオ',
  'threads',
  'スレッズ',
  'signal',
  'chatwork',
  'チャットワーク',
  'slack',
  'スラック',
  'snapchat',
  'スナップチャット',
  'mixi',
  'ミクシィ',
  'bluesky',
  'ブルースカイ',
  'mastodon',
  'ig',
  'gmail',
  'ジーメール',
  'yahooメール',
  'ヤフーメール',
  'icloud',
  'hotmail',
  'outlook',
  'viber',
  'linkedin',
  'リンクトイン',
  'メッセンジャー',
  'youtube',
  'ユーチューブ',
  'github',
  'sns',
  'ツイキャス',
  'pixiv',
].sort((a, b) => b.length - a.length);
// A name after a mail provider is the mailbox (Gmail: taro.yamada1990).
const MAIL_SERVICES = new Set(['gmail', 'ジーメール', 'yahooメール', 'ヤフーメール', 'icloud', 'hotmail', 'outlook']);
const ID_WORDS = [
  'アカウント名',
  'アカウント',
  'ユーザーネーム',
  'ユーザー名',
  'ユーザ名',
  'username',
  'user name',
  'ハンドルネーム',
  'ハンドル',
  'アイディー',
  'アイディ',
  'id',
  'ID',
].map((w) => w.toLowerCase());
const STRONG = ['は', ':', '=', '→', '⇒', '->', '＝', 'です', 'って'];
const WEAK = ['の', 'を', 'で', 'に', 'も', 'が', '、', ','];
const QUOTES = '「『"\'【<';
// Words that follow a service's name but are not accounts (LINEはiPhoneでも使えます).
const NOT_HANDLES = new Set<string>([
  'iphone',
  'android',
  'pc',
  'ok',
  'no',
  'yes',
  'app',
  'web',
  'works',
  'pay',
  'business',
  'official',
  'free',
  'line',
  'mobile',
  'sms',
  'email',
  'mail',
  'id',
  'qr',
  'out',
  'on',
  'off',
  'ng',
  'only',
  'and',
  'or',
  'the',
  'dm',
  'message',
  'call',
  'video',
  'chat',
  'group',
  'news',
  'music',
  'games',
  'live',
  'meeting',
  'room',
]);
for (const s of SERVICES) if (/^[a-z]+$/.test(s)) NOT_HANDLES.add(s);

const isAsciiLetter = isLetter;
const isSpace = (c: string | undefined) => c === ' ' || c === '\t';
const MAX_HANDLE = 64;

const matchers = new Map<readonly string[], (text: string, k: number) => string | undefined>();
function startsWithAny(text: string, k: number, words: readonly string[]): string | undefined {
  let at = matchers.get(words);
  if (!at) matchers.set(words, (at = wordsAt(words)));
  return at(text, k);
}

function serviceAt(text: string, k: number): string | undefined {
  const name = startsWithAny(text, k, SERVICES);
  if (!name) return undefined;
  if (/^[a-z]/.test(name)) {
    if (isAlnum(text[k - 1])) return undefined;
    const next = text[k + name.length];
    if (isAsciiLetter(next) && !text.startsWith('id', k + name.length)) return undefined;
    if (name === 'x' && /[0-9]/.test(next ?? '')) return undefined;
  }
  return name;
}

function handleAt(text: string, k: number): { handle: string; end: number } | null {
  if (!isHandleStart(text[k]) || (isHandleChar(text[k - 1]) && text[k - 1] !== '.')) return null;
  let end = k;
  while (end < text.length && end - k < MAX_HANDLE && isHandleChar(text[end])) end++;
  while (end > k && oneOf(text[end - 1], '.-#')) end--;
  if (text[end] === '@' || isHandleChar(text[end])) return null; // an email address, or longer than a handle
  return { handle: text.slice(k, end), end };
}

const idLike = (h: string) => /[0-9_.]/.test(h);
const plausible = (h: string) => h.length >= 3 && (/[a-z]/.test(h) || h.length >= 6) && !NOT_HANDLES.has(h);

function skipSpaces(text: string, k: number): number {
  let at = k;
  while (at < k + 3 && isSpace(text[at])) at++;
  return at;
}

/** The handle after a service's name that ends at `k`, with how the two are joined. */
function afterService(text: string, k: number): number | null {
  let at = k;
  // X（旧Twitter）@taro: a short bracketed note after the name.
  if (text[at] === '(') {
    const close = text.indexOf(')', at);
    if (close > at && close - at <= 15) at = close + 1;
  }
  at = skipSpaces(text, at);
  let strong = false;
  const particle = text[at] === 'の' ? 'の' : undefined;
  if (particle) at = skipSpaces(text, at + particle.length);
  const idWord = startsWithAny(text, at, ID_WORDS);
  if (idWord && !(idWord === 'id' && isAsciiLetter(text[at + 2]))) {
    strong = true;
    at = skipSpaces(text, at + idWord.length);
  }
  const joiner = startsWithAny(text, at, STRONG) ?? startsWithAny(text, at, WEAK);
  if (joiner) {
    strong ||= STRONG.includes(joiner);
    at = skipSpaces(text, at + joiner.length);
  }
  if (text[at] === '@' || QUOTES.includes(text[at] ?? '\u0000')) {
    strong = true;
    at = skipSpaces(text, at + 1);
  }
  const h = handleAt(text, at);
  if (!h || !plausible(h.handle)) return null;
  if (!strong && !idLike(h.handle)) return null;
  return h.end;
}

/** 「LINEやってます！id: taro99」: an explicit ID label a few characters after the name. */
function looseAfterService(text: string, k: number): number | null {
  for (let at = k; at < Math.min(text.length, k + 16); at++) {
    if (text[at] === '\n') return null;
    const idWord = startsWithAny(text, at, ID_WORDS);
    if (!idWord || (idWord === 'id' && (isAsciiLetter(text[at - 1]) || isAsciiLetter(text[at + 2])))) continue;
    let to = skipSpaces(text, at + idWord.length);
    if (!/[:=は]/.test(text[to] ?? '')) continue;
    to = skipSpaces(text, to + 1);
    if (text[to] === '@') to++;
    const h = handleAt(text, to);
    if (h && plausible(h.handle)) return h.end;
  }
  // 「LINE→ ID検索で taro_123」: an unmistakable ID (letters with digits or an underscore) shortly after.
  for (let at = k; at < Math.min(text.length, k + 20); at++) {
    if (text[at] === '\n' || text[at] === '。') return null;
    if (!isHandleStart(text[at]) || isHandleChar(text[at - 1])) continue;
    const h = handleAt(text, at);
    if (h && h.handle.length >= 4 && /[a-z]/.test(h.handle) && /[0-9_]/.test(h.handle) && plausible(h.handle)) return h.end;
    if (h) at = h.end;
  }
  return null;
}

const BEFORE_SERVICE = /^[ \t(「『]{0,3}(?:という|っていう|が|の|で|は)?[ \t]{0,2}$/u;

/**
 * Messenger and social-network IDs in a normalized text (R-MSG-4, R-FEED-2).
 *
 * @example findHandles('lineはtaro_123です').map((c) => c.kind); // ['messenger']
 */
export function findHandles(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '@') {
      // A bare @handle (not the @ of an email address).
      if (isLocal(text[i - 1])) continue;
      const h = handleAt(text, i + 1);
      if (h && plausible(h.handle) && /[a-z]/.test(h.handle)) {
        found.push({ kind: 'messenger', start: i, end: h.end });
        i = h.end - 1;
      }
      continue;
    }
    const service = serviceAt(text, i);
    if (service) {
      const from = i + service.length;
      const mail = MAIL_SERVICES.has(service);
      const end = afterService(text, from) ?? (mail ? null : looseAfterService(text, from));
      if (end !== null) {
        found.push({ kind: mail ? 'email' : 'messenger', start: i, end });
        i = end - 1;
      }
      continue;
    }
    // taro_123（LINE）: an ID-like word right before a service's name.
    if (isHandleStart(c) && !isHandleChar(text[i - 1])) {
      const h = handleAt(text, i);
      if (!h) continue;
      if (
        h.handle.length >= 4 &&
        /[a-z]/.test(h.handle) &&
        /[0-9_]/.test(h.handle) &&
        !h.handle.includes('.') &&
        !NOT_HANDLES.has(h.handle)
      ) {
        for (let s = h.end; s <= Math.min(text.length - 1, h.end + 8); s++) {
          const name = serviceAt(text, s);
          if (name && name !== 'x' && BEFORE_SERVICE.test(text.slice(h.end, s))) {
            found.push({ kind: 'messenger', start: i, end: s + name.length });
            break;
          }
        }
      }
      i = h.end - 1;
    }
  }
  return found;
}
