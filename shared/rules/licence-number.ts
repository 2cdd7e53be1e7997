/**
 * R-ORG-1, R-APP-3: one organisation holds one account, and a licence or notification number is
 * how an organisation is recognised across email addresses. People type the same number in many
 * ways (`13-ユ-012345`, `１３－ユ－０１２３４５`, `13ﾕ12345`, `第13-ゆ-012345号`), so numbers are
 * compared by a key, never as typed.
 */

/** Dashes, minus signs and the long-vowel marks people type for a hyphen; whitespace of any width. */
const SEPARATORS = /[\s\u002D\u2010-\u2015\u2212\u30FC\uFF0D\uFF70_・･.．/／]/g;
/** The kana that mark the licence kind: ユ (有料, paid) and ム (無料, free), also as hiragana, or as romaji between digits. */
const KIND_MARKS: Array<[RegExp, string]> = [
  [/ゆ|(?<=\d)YU(?=\d)/g, 'ユ'],
  [/む|(?<=\d)MU(?=\d)/g, 'ム'],
];
/** A label before the number or the counter word around it: 許可番号：, 届出番号, 第…号, No. */
const LABELS = /^(?:(?:許可|届出|届け出)?番号[:：]?|NO\.?|第)|号$/g;

/**
 * The key a licence or notification number is compared by (R-ORG-1, R-APP-3): NFKC (full-width
 * letters and digits, half-width kana), upper case, the kind mark as katakana ユ/ム, no separators,
 * no label, and no leading zeros in a run of digits (`01-ユ-000123` and `1-ユ-123` are one number).
 * Two spellings of one number give one key; different numbers never do.
 *
 * @example licenceKey('１３－ﾕ－０１２３４５') === licenceKey('13-ユ-12345') // true: '13ユ12345'
 */
export function licenceKey(number: string): string {
  let key = number.normalize('NFKC').toUpperCase().replace(SEPARATORS, '');
  for (let i = 0; i < 2; i++) key = key.replace(LABELS, '');
  for (const [mark, kana] of KIND_MARKS) key = key.replace(mark, kana);
  return key.replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, ''));
}
