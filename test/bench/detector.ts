/**
 * The contact-detail detector's speed (R-MSG-4, R-FEED-2): the worst time per adversarial
 * 4,000-character message (target < 5 ms) beside the time per ordinary message. Runs on its own
 * (`npx tsx test/bench/detector.ts`) or as part of `npm run bench`.
 */
import { findContactDetails } from '../../shared/rules/contact-details';

const LENGTH = 4000;
const fill = (unit: string, prefix = '', suffix = '') => (prefix + unit.repeat(Math.ceil(LENGTH / unit.length))).slice(0, LENGTH - suffix.length) + suffix;

/** Inputs built to make a backtracking pattern or a quadratic scan slow, each 4,000 characters. */
export const ADVERSARIAL: ReadonlyArray<[string, string]> = [
  ['LINE ID + spaces', fill(' ', 'LINE ID')],
  ['LINE ID + tabs and ideographic spaces', fill('\t　', 'LINE ID')],
  ['service names', fill('LINE ')],
  ['service name, particle, no handle', fill('LINEの')],
  ['@ only', fill('@')],
  ['a@ repeated', fill('a@')],
  ['letters then @', fill('a', '', '@')],
  ['labels a.', fill('a.')],
  ['labels then @', fill('a.', '', '@x')],
  ['http:// + letters', fill('a', 'http://')],
  ['www. repeated', fill('www.')],
  ['spelled at', fill('taro あっと ')],
  ['spelled dot', fill('a どっと ')],
  ['English at/dot', fill('a at b dot ')],
  ['digits', fill('0')],
  ['digit, space', fill('0 ')],
  ['digit, dash', fill('0-')],
  ['digit groups 090-', fill('090-')],
  ['digit, comma', fill('1,')],
  ['digit, colon', fill('1:')],
  ['kanji numerals', fill('〇一二三四五六七八九')],
  ['enclosed numerals', fill('①②③')],
  ['kana digit words', fill('ぜろ')],
  ['kana digit words, spaced', fill('いち に ')],
  ['丁目 chains', fill('1丁目')],
  ['番地 chains', fill('1番地の')],
  ['town 1-', fill('町1-')],
  ['と申します', fill('と申します')],
  ['名前は', fill('名前は')],
  ['お名前 (requests)', fill('お名前')],
  ['はじめまして', fill('はじめまして、')],
  ['handles @a', fill('@a ')],
  ['handle words', fill('taro_1 ')],
  ['brackets (at)', fill('(at')],
  ['+ signs', fill('+(')],
  ['〒 marks', fill('〒1')],
];

/** Ordinary messages and self-introductions. */
export const ORDINARY: readonly string[] = [
  'はじめまして。株式会社みらい人材の山田です。介護職の求人をご紹介できます。月給25万円〜30万円、賞与年2回、勤務時間は8:30〜17:30です。',
  '介護福祉士（2019年取得）、普通自動車第一種運転免許。特別養護老人ホームで経験5年。希望は東京都世田谷区または横浜市、月給25万円以上。',
  'ご質問ありがとうございます。面接日は11月27日（金）14:00〜でいかがでしょうか。ご不明点は03-1234-5678までお電話ください。',
  '平日10:00-19:00の勤務が可能です。TOEIC 800点、JLPT N1。Excel・Word可。2026-11-27以降に入社可能です。',
];

/** CPU milliseconds of this process (user + system): other load on a shared machine does not count. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Mean CPU time of one check of `text`, as a jobseeker's and as an agency's message. */
function timeOf(text: string, runs: number): number {
  const t = cpuMs();
  for (let r = 0; r < runs; r++) {
    findContactDetails(text);
    findContactDetails(text, 'agency');
  }
  return (cpuMs() - t) / (2 * runs);
}

/** Prints the worst adversarial time and the ordinary time per message. */
export function benchDetector(): { worstMs: number; ordinaryMs: number } {
  for (const [, text] of ADVERSARIAL) timeOf(text, 3); // warm up
  let worst: [string, number] = ['', 0];
  const rows: Array<[string, number]> = [];
  for (const [name, text] of ADVERSARIAL) {
    const ms = timeOf(text, 5);
    rows.push([name, ms]);
    if (ms > worst[1]) worst = [name, ms];
  }
  const ordinaryRuns = 2000;
  const t = cpuMs();
  for (let r = 0; r < ordinaryRuns; r++) findContactDetails(ORDINARY[r % ORDINARY.length]!);
  const ordinaryMs = (cpuMs() - t) / ordinaryRuns;
  console.log('\ncontact-detail detector (R-MSG-4, R-FEED-2): CPU time per message, mean of 10 checks per input');
  for (const [name, ms] of rows.sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${name.padEnd(40)} ${ms.toFixed(3).padStart(8)} ms`);
  console.log(`worst adversarial 4,000-char message: ${worst[1].toFixed(3)} ms (${worst[0]}; target < 5 ms)`);
  console.log(`ordinary message (~${Math.round(ORDINARY.reduce((n, s) => n + s.length, 0) / ORDINARY.length)} chars): ${(ordinaryMs * 1000).toFixed(1)} µs`);
  return { worstMs: worst[1], ordinaryMs };
}

if (import.meta.url === `file://${process.argv[1]}`) benchDetector();
