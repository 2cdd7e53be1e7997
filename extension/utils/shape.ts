/**
 * Plain response checks for the screens that must stay small (the jobseeker's popup: 50 KB gzip
 * with everything it loads). A shape is a predicate; objects are loose (members not named are
 * kept as sent), as the shared zod schemas' types describe the answers (`z.infer` in shared/schemas).
 * The whole of this is under 1 KB, where even `zod/mini` brings zod's core into the popup.
 *
 * @example
 * const BlockShape = obj({ agencyId: str, blockedAt: str, agencyDeletedAt: nullable(str) });
 * BlockShape({ agencyId: 'ag_1', blockedAt: '…', agencyDeletedAt: null }); // true
 */

/** A check of one value. */
export type Shape = (value: unknown) => boolean;

/** A string (`min`: the shortest length). */
export const str: Shape = (v) => typeof v === 'string';
/** A string at least `min` characters long. */
export const minStr =
  (min: number): Shape =>
  (v) =>
    typeof v === 'string' && v.length >= min;
/** A finite number. */
export const num: Shape = (v) => typeof v === 'number' && Number.isFinite(v);
/** `true` or `false`. */
export const bool: Shape = (v) => typeof v === 'boolean';
/** One of the given strings. */
export const oneOf =
  (...values: string[]): Shape =>
  (v) =>
    typeof v === 'string' && values.includes(v);
/** `null` or the shape. */
export const nullable =
  (shape: Shape): Shape =>
  (v) =>
    v === null || shape(v);
/** Absent (`undefined`) or the shape. */
export const optional =
  (shape: Shape): Shape =>
  (v) =>
    v === undefined || shape(v);
/** An array whose every item has the shape. */
export const arr =
  (shape: Shape): Shape =>
  (v) =>
    Array.isArray(v) && v.every(shape);
/** An object (not an array) with at least these members; others are allowed. */
export const obj =
  (members: Record<string, Shape>): Shape =>
  (v) =>
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.entries(members).every(([k, shape]) => shape((v as Record<string, unknown>)[k]));
