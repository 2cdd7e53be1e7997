/**
 * Japanese keyword search on SQLite FTS5 without a Japanese tokenizer.
 *
 * FTS5's default tokenizer reads a run of Japanese as one token, and `trigram` cannot find words of
 * one or two characters (`介護`, `営業`, `事務`, `夜`). So every run of letters and digits is indexed
 * as its overlapping pairs of characters, followed by its last character alone: every character of
 * the text then begins some token. A keyword of two or more characters is a phrase of its pairs, which
 * finds exactly the documents holding that string (within a run); a keyword of one character is a
 * prefix query for tokens beginning with it.
 */

const RUN = /[\p{L}\p{N}]+/gu;

/** NFKC (full-width to half-width, compatibility forms), lower case. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function runs(text: string): string[][] {
  return (normalizeText(text).match(RUN) ?? []).map((r) => [...r]);
}

/**
 * The indexed tokens of a text: each run's overlapping pairs, then its last character, space
 * separated. A run found inside another (the same occupation in two lines, a word repeated) adds
 * nothing a search could find, so it is indexed once: fewer tokens make the feed load faster.
 *
 * @example indexTokens('介護福祉士 夜') // '介護 護福 福祉 祉士 士 夜'
 * @example indexTokens('介護福祉士 介護') // '介護 護福 福祉 祉士 士'
 */
export function indexTokens(text: string): string {
  const kept: string[] = [];
  const all = (normalizeText(text).match(RUN) ?? []).sort((a, b) => b.length - a.length);
  for (const run of all) if (!kept.some((k) => k.includes(run))) kept.push(run);
  const tokens: string[] = [];
  for (const run of kept) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
    tokens.push(chars[chars.length - 1]!);
  }
  return tokens.join(' ');
}

/**
 * An FTS5 MATCH expression for keywords: every whitespace-separated keyword must match (AND).
 * Only letters and digits reach the expression, each token quoted, so no input can inject FTS5
 * syntax. Returns null when the keywords hold nothing searchable.
 *
 * @example matchExpression('介護 夜勤') // 'tokens : "介護" AND tokens : "夜勤"'
 * @example matchExpression('夜') // 'tokens : "夜"*'
 */
export function matchExpression(keywords: string): string | null {
  const parts: string[] = [];
  for (const word of keywords.split(/[\s\u3000]+/)) {
    for (const chars of runs(word)) {
      if (chars.length === 1) parts.push(`tokens : "${chars[0]}"*`);
      else {
        const pairs: string[] = [];
        for (let i = 0; i + 1 < chars.length; i++) pairs.push(chars[i]! + chars[i + 1]!);
        parts.push(`tokens : "${pairs.join(' ')}"`);
      }
    }
  }
  return parts.length ? parts.join(' AND ') : null;
}
