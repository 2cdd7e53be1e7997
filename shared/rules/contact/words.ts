/**
 * A small word matcher for the detector's scanners (R-MSG-4, R-FEED-2): the words are grouped by
 * their first character, so a position that starts none of them costs one map look-up.
 */

/**
 * Builds a function that returns the longest of `words` starting at position `k` of a text.
 *
 * @example
 * const at = wordsAt(['line', 'ライン']);
 * at('my line id', 3); // 'line'
 */
export function wordsAt(words: readonly string[]): (text: string, k: number) => string | undefined {
  const byFirst = new Map<string, string[]>();
  for (const w of [...words].sort((a, b) => b.length - a.length)) {
    const list = byFirst.get(w.charAt(0)) ?? [];
    list.push(w);
    byFirst.set(w.charAt(0), list);
  }
  return (text, k) => {
    const list = byFirst.get(text.charAt(k));
    return list?.find((w) => text.startsWith(w, k));
  };
}
