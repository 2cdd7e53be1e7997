import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { disallowedContactDetails, findContactDetails } from '../../shared/rules/contact-details';
import type { ContactMethod } from '../../shared/schemas/agency';
import { ADVERSARIAL_FAMILIES, pumped } from '../bench/detector';

const REGISTERED: readonly ContactMethod[] = [
  { kind: 'phone', value: '03-1234-5678' },
  { kind: 'url', value: 'https://mirai.example.jp' },
];

// Fragments the detector's scanners react to: a pump of a few of them, repeated to 4,000
// characters, is the shape that makes a backtracking pattern explode.
const FRAGMENTS = [
  'LINE',
  'ID',
  'line',
  'インスタ',
  'X',
  '@',
  '＠',
  'あっと',
  'at',
  ' at ',
  'どっと',
  'dot',
  '.',
  '。',
  '・',
  ',',
  '、',
  '-',
  'ー',
  '−',
  '/',
  '_',
  '(',
  ')',
  '[',
  ']',
  ' ',
  '\t',
  '　',
  '\n',
  ':',
  '：',
  '0',
  '1',
  '9',
  '090',
  '〇',
  '一',
  '九',
  '①',
  'ぜろ',
  'いち',
  'に',
  'a',
  'taro',
  'example',
  'com',
  'jp',
  'www',
  'http://',
  'https://',
  '〒',
  '丁目',
  '番地',
  '号',
  'の',
  '町',
  'は',
  'です',
  'と申します',
  '名前',
  '氏名',
  'お名前',
  '電話番号',
  '教えて',
  'ください',
  'はじめまして',
  '田中',
  '+',
  '+81',
  '円',
  '万',
  '年',
  '時',
  '〜',
  '~',
];
const fragment = fc.constantFrom(...FRAGMENTS);
const piece = fc.array(fragment, { minLength: 0, maxLength: 6 }).map((a) => a.join(''));
const pump = fc.array(fragment, { minLength: 1, maxLength: 5 }).map((a) => a.join(''));

// A catastrophic pattern takes seconds here (the old messenger pattern took ~10 s on "LINE ID"
// and spaces); a linear scan takes milliseconds. The bound leaves room for a busy machine.
const LIMIT_MS = 250;

/**
 * CPU milliseconds (user + system) of one check as a jobseeker's and as an agency's text: unlike the
 * wall clock, it does not count time the machine spent on other work. `process.cpuUsage()` is the
 * whole process, though, and other test files run in its other threads (the bundle-size test builds
 * the extension there), so the best of three runs is taken: a slow detector is slow every time.
 */
function timed(text: string): number {
  let best = Infinity;
  for (let run = 0; run < 3 && best >= LIMIT_MS; run++) {
    const before = process.cpuUsage();
    findContactDetails(text);
    disallowedContactDetails(text, REGISTERED);
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

describe('the detector runs in linear time (R-MSG-4, R-FEED-2)', () => {
  beforeAll(() => {
    // Compile the scanners first: the first call of a cold function is not what the bound is about.
    for (const [, prefix, unit, suffix] of ADVERSARIAL_FAMILIES) timed(pumped(prefix, unit, suffix, 4000));
  }, 60_000);

  it('R-MSG-4 R-FEED-2 checks any generated adversarial 4,000-character message quickly, with well-formed findings', () => {
    fc.assert(
      fc.property(piece, pump, piece, (prefix, unit, suffix) => {
        const text = pumped(prefix, unit, suffix, 4000);
        expect(timed(text)).toBeLessThan(LIMIT_MS);
        const findings = findContactDetails(text);
        for (const [i, f] of findings.entries()) {
          expect(text.slice(f.start, f.end)).toBe(f.text);
          expect(f.end).toBeGreaterThan(f.start);
          if (findings[i + 1]) expect(f.end).toBeLessThanOrEqual(findings[i + 1]!.start);
        }
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it('R-MSG-4 R-FEED-2 checks arbitrary Unicode text without failing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        for (const f of findContactDetails(text)) expect(text.slice(f.start, f.end)).toBe(f.text);
        disallowedContactDetails(text, REGISTERED);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it.each(ADVERSARIAL_FAMILIES.map((f) => [f[0], f] as const))(
    'R-MSG-4 R-FEED-2 time grows linearly on %s',
    (_name, [, prefix, unit, suffix]) => {
      const short = pumped(prefix, unit, suffix, 2000);
      const long = pumped(prefix, unit, suffix, 32000);
      let small = Number.POSITIVE_INFINITY;
      let large = Number.POSITIVE_INFINITY;
      // Interleaved, and the fastest of each: the machine may be busy with other work.
      for (let r = 0; r < 5; r++) {
        small = Math.min(small, timed(short));
        large = Math.min(large, timed(long));
      }
      // Sixteen times the text: linear is about 16× (a little more as the heap grows), quadratic 256×.
      expect(large).toBeLessThan(Math.max(small, 0.5) * 100 + 50);
    },
    30_000,
  );
});
