/**
 * Japanese keyword search on SQLite FTS5 without a Japanese tokenizer.
 *
 * FTS5's default tokenizer reads a run of Japanese as one token, and `trigram` cannot find words of
 * one or two characters (`介護`, `営業`, `事務`, `夜`). So text is indexed twice, as the single
 * characters and as the overlapping pairs of characters of every run of letters and digits; a
 * keyword of one character matches the first column, a longer one is a phrase of its pairs in the
 * second column, which finds exactly the documents holding that string (within a run).
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
 * The two indexed columns of a text: unigrams and bigrams, space separated.
 *
 * @example indexColumns('介護福祉士') // { uni: '介 護 福 祉 士', bi: '介護 護福 福祉 祉士' }
 */
export function indexColumns(text: string): { uni: string; bi: string } {
  const uni: string[] = [];
  const bi: string[] = [];
  for (const chars of runs(text)) {
    for (let i = 0; i < chars.length; i++) {
      uni.push(chars[i]!);
      if (i + 1 < chars.length) bi.push(chars[i]! + chars[i + 1]!);
    }
  }
  return { uni: uni.join(' '), bi: bi.join(' ') };
}

/**
 * An FTS5 MATCH expression for keywords: every whitespace-separated keyword must match (AND).
 * Only letters and digits reach the expression, each token quoted, so no input can inject FTS5
 * syntax. Returns null when the keywords hold nothing searchable.
 *
 * @example matchExpression('介護 夜勤') // 'bi : "介護" AND bi : "夜勤"'
 * @example matchExpression('夜') // 'uni : "夜"'
 */
export function matchExpression(keywords: string): string | null {
  const parts: string[] = [];
  for (const word of keywords.split(/[\s\u3000]+/)) {
    for (const chars of runs(word)) {
      if (chars.length === 1) parts.push(`uni : "${chars[0]}"`);
      else {
        const pairs: string[] = [];
        for (let i = 0; i + 1 < chars.length; i++) pairs.push(chars[i]! + chars[i + 1]!);
        parts.push(`bi : "${pairs.join(' ')}"`);
      }
    }
  }
  return parts.length ? parts.join(' AND ') : null;
}
