/**
 * The keyword index (R-FEED-3): a run found inside another run is indexed once, and no keyword the
 * full index finds is lost. FTS5's phrase and prefix matching is emulated on the token list.
 */
import { describe, expect, it } from 'vitest';
import { indexTokens, matchExpression, normalizeText } from '../../worker/lib/search-text';

/** Every token of the text, each run's pairs then its last character (the index before runs were deduplicated). */
function fullTokens(text: string): string[] {
  return (normalizeText(text).match(/[\p{L}\p{N}]+/gu) ?? []).flatMap((run) => {
    const c = [...run];
    return [...c.slice(0, -1).map((ch, i) => ch + c[i + 1]), c[c.length - 1]!];
  });
}

/** Whether FTS5 would find the keyword among the tokens: each part a phrase of consecutive tokens, or a one-character prefix. */
function finds(tokens: string[], keyword: string): boolean {
  const expr = matchExpression(keyword);
  if (!expr) return false;
  return expr.split(' AND ').every((part) => {
    const m = /^tokens : "(.*)"(\*?)$/.exec(part)!;
    const phrase = m[1]!.split(' ');
    if (m[2]) return tokens.some((t) => t.startsWith(phrase[0]!));
    return tokens.some((_, i) => phrase.every((p, j) => tokens[i + j] === p));
  });
}

const TEXTS = [
  '品質管理の補助をしていました。製造ラインでの組立・検査を担当しました。\n機械組立工\n機械組立工\n運輸業，郵便業',
  '介護福祉士として特養で夜勤をしていました。介護\n介護職員\n介護福祉士',
  'Excel と Word、ＥＸＣＥＬ 2019。事務 一般事務 営業事務',
];

describe('the keyword index (R-FEED-3)', () => {
  it('R-FEED-3 indexes a run found inside another once', () => {
    expect(indexTokens('介護福祉士 介護')).toBe('介護 護福 福祉 祉士 士');
    expect(indexTokens('機械組立工\n機械組立工').split(' ')).toHaveLength(5);
    expect(indexTokens(TEXTS[0]!).split(' ').length).toBeLessThan(fullTokens(TEXTS[0]!).length);
  });

  it.each(TEXTS.map((t, i) => [i, t]))('R-FEED-3 finds every keyword the full index finds (text %i)', (_, text) => {
    const full = fullTokens(text);
    const kept = indexTokens(text as string).split(' ');
    const norm = [...normalizeText(text as string)];
    let checked = 0;
    for (let start = 0; start < norm.length; start++)
      for (let len = 1; len <= 6 && start + len <= norm.length; len++) {
        const keyword = norm.slice(start, start + len).join('');
        if (!finds(full, keyword)) continue;
        checked++;
        expect(finds(kept, keyword), keyword).toBe(true);
      }
    expect(checked).toBeGreaterThan(50);
    expect(finds(kept, '夜勤 介護福祉士')).toBe(finds(full, '夜勤 介護福祉士'));
    expect(finds(kept, '勤介')).toBe(false);
  });
});
