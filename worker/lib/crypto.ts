/** Cryptographic helpers on Web Crypto, the same in workerd and in tests. */

const encoder = new TextEncoder();

/** Workers cap PBKDF2 at 100,000 iterations; we use the cap (R-SEC-2). */
export const PBKDF2_ITERATIONS = 100_000;

/** Hex of bytes. */
export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Crockford base32 without I, L, O, U: readable on paper, unambiguous when typed. */
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * `n` random Crockford base32 characters (5 bits each).
 *
 * @example randomBase32(10) // '7K3M9X2QAB'
 */
export function randomBase32(n: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(n));
  let out = '';
  for (const b of bytes) out += CROCKFORD[b & 31];
  return out;
}

/**
 * A bearer secret of 160 random bits (R-SEC-2 asks for at least 128), URL-safe.
 *
 * @example randomSecret() // 'q3X…' (27 characters)
 */
export function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/**
 * SHA-256 of a string, hex. Tokens and one-time codes are stored only as this hash.
 *
 * @example await sha256Hex('abc') // 'ba7816bf…'
 */
export async function sha256Hex(text: string): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

/**
 * Constant-time comparison of two strings of hex or base64 (R-SEC-2).
 *
 * @example timingSafeEqualText('ab', 'ab') // true
 */
export function timingSafeEqualText(a: string, b: string): boolean {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  if (x.byteLength !== y.byteLength) return false;
  const subtle = crypto.subtle as SubtleCrypto & { timingSafeEqual?: (a: ArrayBufferView, b: ArrayBufferView) => boolean };
  if (typeof subtle.timingSafeEqual === 'function') return subtle.timingSafeEqual(x, y);
  let diff = 0;
  for (let i = 0; i < x.byteLength; i++) diff |= x[i]! ^ y[i]!;
  return diff === 0;
}

/**
 * A password hash: PBKDF2-SHA256, 100,000 iterations, 16-byte per-account salt, stored as
 * `pbkdf2-sha256$iterations$saltHex$hashHex`.
 *
 * @example const stored = await hashPassword('correct horse battery staple');
 */
export async function hashPassword(password: string, iterations = PBKDF2_ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await pbkdf2(password, salt, iterations);
  return `pbkdf2-sha256$${iterations}$${toHex(salt)}$${toHex(hash)}`;
}

/**
 * Checks a password against a stored hash in constant time.
 *
 * @example await verifyPassword('pw', stored) // true or false
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iter, saltHex, hashHex] = stored.split('$');
  if (scheme !== 'pbkdf2-sha256' || !iter || !saltHex || !hashHex) return false;
  const salt = new Uint8Array(saltHex.match(/../g)!.map((h) => parseInt(h, 16)));
  const hash = await pbkdf2(password, salt, Number(iter));
  return timingSafeEqualText(toHex(hash), hashHex);
}

/** A hash to spend the same time on when the account does not exist (no user enumeration by timing). */
export const DUMMY_PASSWORD_HASH = `pbkdf2-sha256$${PBKDF2_ITERATIONS}$00000000000000000000000000000000$${'0'.repeat(64)}`;

async function pbkdf2(password: string, salt: Uint8Array, iterations: number): Promise<ArrayBuffer> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, ['deriveBits']);
  return crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
}

/** The public part of a stored password hash: what the worker needs to hash a candidate (R-SEC-5). */
export type PasswordParams = { iterations: number; saltHex: string };

/**
 * The salt and iteration count of a stored hash, or null when it is not one of ours.
 *
 * @example passwordParams('pbkdf2-sha256$100000$ab…$cd…') // { iterations: 100000, saltHex: 'ab…' }
 */
export function passwordParams(stored: string | null): PasswordParams | null {
  const [scheme, iter, saltHex, hashHex] = (stored ?? '').split('$');
  if (scheme !== 'pbkdf2-sha256' || !iter || !saltHex || !hashHex || !/^[0-9a-f]{2,128}$/.test(saltHex)) return null;
  return { iterations: Number(iter), saltHex };
}

/**
 * Hashes a candidate password with given parameters, in the stored format, so the object that
 * keeps the real hash only compares two strings (R-SEC-5: no hashing inside shared objects).
 *
 * @example const candidate = await hashWithParams(password, params); // then timingSafeEqualText(candidate, stored)
 */
export async function hashWithParams(password: string, params: PasswordParams): Promise<string> {
  const salt = new Uint8Array(params.saltHex.match(/../g)!.map((h) => parseInt(h, 16)));
  const iterations = Math.min(Math.max(1, params.iterations), PBKDF2_ITERATIONS);
  return `pbkdf2-sha256$${iterations}$${params.saltHex}$${toHex(await pbkdf2(password, salt, iterations))}`;
}
