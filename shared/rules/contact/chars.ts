/**
 * Character classes the detector's scanners test at every position (R-MSG-4, R-FEED-2), as
 * code-unit comparisons rather than regular expressions, since they run once per character.
 */

const code = (c: string | undefined) => (c === undefined || c.length === 0 ? -1 : c.charCodeAt(0));

/** a–z or 0–9 (the text is lower-cased). */
export function isAlnum(c: string | undefined): boolean {
  const x = code(c);
  return (x >= 0x61 && x <= 0x7a) || (x >= 0x30 && x <= 0x39);
}

/** a–z. */
export function isLetter(c: string | undefined): boolean {
  const x = code(c);
  return x >= 0x61 && x <= 0x7a;
}

/** Whether `c` is one of the characters of `set` (a short string). */
export function oneOf(c: string | undefined, set: string): boolean {
  return c !== undefined && c.length === 1 && set.includes(c);
}

/** A character of an email's local part. */
export const isLocal = (c: string | undefined) => isAlnum(c) || oneOf(c, '._%+-');
/** A character a URL may hold after its host. */
export const isUrlChar = (c: string | undefined) => isAlnum(c) || oneOf(c, "-._~:/?#[]@!$&'*+,;=%");
/** A character of a messenger handle. */
export const isHandleChar = (c: string | undefined) => isAlnum(c) || oneOf(c, '_.-#');
/** The first character of a messenger handle. */
export const isHandleStart = (c: string | undefined) => isAlnum(c) || c === '_';
