/**
 * The sign-in throttle's policy (R-SEC-5), pure so it is the same in the object and in tests.
 * Failures are counted per account and per client address. A few are free; each one after that
 * locks the key for a delay that doubles, up to a cap. During a lock no password is checked at all,
 * so the right password does not get through. A success clears an account's count (not an
 * address's: one valid account must not launder guesses at others). A key that has not failed for
 * a day starts again from zero.
 */

/** What one key (an account or an address) remembers. */
export type ThrottleState = { failures: number; lastFailureAt: number; lockedUntil: number };

export type ThrottlePolicy = { free: number; baseMs: number; capMs: number };

/** Per account: 5 free failures, then 30 s, 1 min, 2 min … up to 1 hour. */
export const ACCOUNT_POLICY: ThrottlePolicy = { free: 5, baseMs: 30_000, capMs: 60 * 60_000 };
/** Per client address (offices share one): 20 free failures, then 1 min, 2 min … up to 1 hour. */
export const ADDRESS_POLICY: ThrottlePolicy = { free: 20, baseMs: 60_000, capMs: 60 * 60_000 };
/** Public registrations per address (R-SEC-5): 10 in a day, then one an hour, doubling; each counts like a failure. */
export const REGISTRATION_POLICY: ThrottlePolicy = { free: 9, baseMs: 60 * 60_000, capMs: 24 * 60 * 60_000 };
/** A key quiet this long starts from zero. */
export const THROTTLE_FORGET_MS = 24 * 60 * 60_000;

export const EMPTY_THROTTLE: ThrottleState = { failures: 0, lastFailureAt: 0, lockedUntil: 0 };

/** The state as it stands at `now` (forgotten after a quiet day). */
export function current(state: ThrottleState | null, now: number): ThrottleState {
  if (!state || now - state.lastFailureAt >= THROTTLE_FORGET_MS) return EMPTY_THROTTLE;
  return state;
}

/**
 * Seconds until the key may try again, or 0 when it may try now.
 *
 * @example retryAfterSeconds({ failures: 6, lastFailureAt: t, lockedUntil: t + 60_000 }, t) // 60
 */
export function retryAfterSeconds(state: ThrottleState, now: number): number {
  return state.lockedUntil > now ? Math.max(1, Math.ceil((state.lockedUntil - now) / 1000)) : 0;
}

/**
 * The state after one more failure at `now` (R-SEC-5: growing delays).
 *
 * @example afterFailure(EMPTY_THROTTLE, now, ACCOUNT_POLICY) // { failures: 1, …, lockedUntil: 0 }
 */
export function afterFailure(state: ThrottleState, now: number, policy: ThrottlePolicy): ThrottleState {
  const failures = state.failures + 1;
  const over = failures - policy.free;
  const lockedUntil = over > 0 ? now + Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(over - 1, 30)) : 0;
  return { failures, lastFailureAt: now, lockedUntil };
}

/**
 * The part of a client address that a throttle key counts (R-SEC-5): an IPv4 address whole, an
 * IPv6 address by its /64 prefix (one subscriber usually holds a whole /64, so counting single
 * IPv6 addresses would give an attacker 2^64 fresh keys). IPv4-mapped IPv6 counts as its IPv4
 * address; anything unparsable is kept whole.
 *
 * @example throttledAddress('2001:db8:1:2::a') // '2001:db8:1:2::/64'
 */
export function throttledAddress(ip: string): string {
  const text = ip.toLowerCase();
  if (!text.includes(':')) return text;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (mapped) return mapped[1]!;
  const halves = text.split('::');
  if (halves.length > 2 || text.includes('.')) return text;
  const left = halves[0] ? halves[0].split(':') : [];
  const right = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - left.length - right.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return text;
  const groups = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return text;
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
