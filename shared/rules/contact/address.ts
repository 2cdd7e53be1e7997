/**
 * Street addresses (番地) (R-MSG-4 §7(2)①ク, R-FEED-2). A prefecture or municipality alone is a
 * legitimate feed field; a block and house number is not. Every quantifier is bounded and each
 * pattern is anchored at the start of a numeral run, so the time stays linear.
 */
import type { Candidate } from './kinds';

const DASH = '[\\-‐‑‒–—―−ー─━⁃﹣]';
const NUMERAL = '(?:[0-9]{1,5}|[一二三四五六七八九十百〇]{1,6})';
const NUMERAL_START = '(?<![0-9一二三四五六七八九十百〇])';
// 丸の内一丁目2番3号, ２丁目５−１, 1丁目2-3
const CHOME = new RegExp(
  `${NUMERAL_START}${NUMERAL}丁目[ \\t]?${NUMERAL}(?:[ \\t]?番地?)?(?:[ \\t]?(?:の|${DASH})?[ \\t]?${NUMERAL}(?:[ \\t]?号)?)?(?:[ \\t]?${DASH}[ \\t]?[0-9]{1,5})?`,
  'gu',
);
// 123番地, 5番地の2, 2番3号, 101号室
const BANCHI = new RegExp(
  `${NUMERAL_START}${NUMERAL}番地(?:[ \\t]?の?[ \\t]?${NUMERAL}(?:[ \\t]?号)?)?|${NUMERAL_START}${NUMERAL}番[ \\t]?${NUMERAL}号|${NUMERAL_START}[0-9]{2,4}号室`,
  'gu',
);
// 丸の内1-2-3: three or four dash-joined groups right after a place name in kanji or kana.
// Katakana is left out: セクション1-2-3 or バージョン1-2-3 are far likelier than a katakana town.
const TOWN_DASH = new RegExp(`(?<=[\\p{Script=Han}\\p{Script=Hiragana}々ヶ])[ \\t]?[0-9]{1,4}(?:${DASH}[0-9]{1,4}){2,3}(?![0-9])`, 'gu');
// 道玄坂2の10の7: the same with の between the numbers.
const TOWN_NO = /(?<=[\p{Script=Han}々ヶ])[0-9]{1,4}の[0-9]{1,4}の[0-9]{1,4}(?![0-9])/gu;
const DIGIT_NO_DIGIT = /[0-9]の[0-9]/u;
const DIGIT_DASH = new RegExp(`[0-9]${DASH}[0-9]`, 'u');
// 千代田1-1: two groups only right after a town named with its ward, city or town (区市町村郡) nearby.
const TOWN_DASH_TWO = new RegExp(`(?<=[\\p{Script=Han}\\p{Script=Hiragana}々ヶ])[0-9]{1,4}${DASH}[0-9]{1,4}(?![0-9]|${DASH})`, 'gu');
const MUNICIPALITY_BEFORE = /[区市町村郡][^\s、。,]{1,8}$/u;
// Words before a dash-joined number that make it a date, a figure or a count, not a place.
const NOT_A_PLACE_BEFORE = /[年月日時分秒給収額数約計第全各例図表章条項号型版期回歳点円]/u;

/**
 * Street addresses in a normalized text: 〇丁目〇番〇号, 〇番地, a town name with 1-2-3, a room
 * number (R-MSG-4, R-FEED-2).
 *
 * @example findAddresses('千代田区丸の内1-2-3').map((c) => c.kind); // ['address']
 */
export function findAddresses(text: string): Candidate[] {
  const found: Candidate[] = [];
  // Each pattern needs a word or sign most texts lack: look for it before running the pattern.
  const patterns = [
    text.includes('丁目') ? CHOME : null,
    text.includes('番') || text.includes('号室') ? BANCHI : null,
    DIGIT_NO_DIGIT.test(text) ? TOWN_NO : null,
  ];
  for (const re of patterns) {
    if (!re) continue;
    for (const m of text.matchAll(re)) found.push({ kind: 'address', start: m.index, end: m.index + m[0].length });
  }
  if (!DIGIT_DASH.test(text)) return found;
  for (const m of text.matchAll(TOWN_DASH_TWO)) {
    if (NOT_A_PLACE_BEFORE.test(text.charAt(m.index - 1)) || !MUNICIPALITY_BEFORE.test(text.slice(Math.max(0, m.index - 10), m.index)))
      continue;
    if (
      /^[ \t]*[万円名人件時日年歳才点回%分月倍個本台枚冊階号〜~ヶカかケ]/u.test(
        text.slice(m.index + m[0].length, m.index + m[0].length + 3),
      )
    )
      continue;
    found.push({ kind: 'address', start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(TOWN_DASH)) {
    const lead = m[0].startsWith(' ') || m[0].startsWith('\t') ? 1 : 0;
    const start = m.index + lead;
    const value = m[0].slice(lead);
    if (NOT_A_PLACE_BEFORE.test(text.charAt(m.index - 1))) continue;
    if (/^(?:19|20)\d\d\D/u.test(value)) continue; // 2026-11-27
    found.push({ kind: 'address', start, end: start + value.length });
  }
  return found;
}
