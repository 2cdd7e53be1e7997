/**
 * The public ID of a jobseeker profile (R-FEED-1): random, unrelated to any Hello Work number.
 */
import { z } from 'zod';
import { isPrefectureCode, type PrefectureCode } from '../data/prefectures';

/** Crockford base32: digits and capitals without I, L, O and U. */
export const CROCKFORD_BASE32_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A profile ID: the two-digit home prefecture, a dash, and 10 random Crockford base32 characters
 * (50 bits). The prefecture lets the bureau route a profile without a look-up; it narrows nothing
 * an agency could not already see from the profile's areas.
 *
 * @example
 * ProfileIdSchema.parse('13-7K3QM2XPA9');
 * ProfileIdSchema.safeParse('48-7K3QM2XPA9').success; // false: no prefecture 48
 */
export const ProfileIdSchema = z
  .string()
  .regex(/^[0-9]{2}-[0-9A-HJKMNP-TV-Z]{10}$/, { message: '求職者IDの形式が正しくありません' })
  .refine((id) => isPrefectureCode(id.slice(0, 2)), { message: '求職者IDの都道府県コードが正しくありません' });
export type ProfileId = z.infer<typeof ProfileIdSchema>;

/**
 * The home prefecture a profile ID starts with.
 *
 * @example
 * profileHomePrefecture('13-7K3QM2XPA9'); // '13'
 */
export function profileHomePrefecture(id: ProfileId): PrefectureCode {
  return id.slice(0, 2) as PrefectureCode;
}

/**
 * A new random profile ID for a home prefecture, from the Web Crypto random source.
 *
 * @example
 * newProfileId('13'); // e.g. '13-7K3QM2XPA9'
 */
export function newProfileId(
  home: PrefectureCode,
  randomBytes: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n)),
): ProfileId {
  // 32 divides 256, so taking each byte modulo 32 keeps the characters uniform.
  const chars = Array.from(randomBytes(10), (byte) => CROCKFORD_BASE32_ALPHABET[byte % 32]).join('');
  return `${home}-${chars}`;
}
