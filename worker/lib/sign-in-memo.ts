/**
 * What this isolate last heard from the sign-in throttle's objects (R-SEC-5), so a flood costs about
 * what a health check costs: a key known to be locked until T is refused before any object is
 * addressed, and a key known to have failed recently is refused while the hashing budget is spent
 * (worker/lib/hash-gate.ts). The objects stay the authority: this memo only refuses earlier what
 * they refused a moment ago. A lock ends with time or with a new password (a bureau reset, R-SEC-6):
 * the isolate that changed the credential forgets the key, and any other isolate trusts a lock note
 * for LOCK_TRUST_MS of real time only, then asks the object again (one small call per key).
 *
 * Bounded (an LRU of MEMO_SIZE keys), per isolate, never persisted. Lock times are on the worker's
 * clock; an entry seen "in the future" (the clock was moved back, in development and tests) is
 * dropped.
 */

/** How many keys one isolate remembers; the least recently used goes first. */
export const MEMO_SIZE = 10_000;
/** How long (real time) a lock note is trusted without asking the key's object again. */
export const LOCK_TRUST_MS = 30_000;
/** How long (real time) a "has failed" note counts, for choosing the hashing lane. */
export const DIRTY_MEMORY_MS = 10 * 60_000;

type Entry = { failures: number; lockedUntil: number; seenAt: number; realAt: number };

const memo = new Map<string, Entry>();

/**
 * Notes a throttle key's answer (`now` on the worker's clock).
 *
 * @example remember('address:198.51.100.7', { failures: 21, lockedUntil: t + 60_000 }, t);
 */
export function remember(name: string, answer: { failures: number; lockedUntil: number }, now: number): void {
  memo.delete(name);
  memo.set(name, { failures: answer.failures, lockedUntil: answer.lockedUntil, seenAt: now, realAt: Date.now() });
  if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value!);
}

/** A success clears an account's count at its object; the memo follows. */
export function forget(name: string): void {
  memo.delete(name);
}

function entry(name: string, now: number): Entry | null {
  const e = memo.get(name);
  if (!e) return null;
  if (e.seenAt > now) {
    memo.delete(name);
    return null;
  }
  return e;
}

/**
 * Seconds the key is still known to be locked at `now`, or 0 (R-SEC-5: refuse without a round trip).
 *
 * A note older than LOCK_TRUST_MS (real time, `realNow`) answers 0: the object is asked again,
 * since a reset in another isolate may have ended the lock.
 *
 * @example lockedFor('account:staff:a@mhlw.example.jp', now) // 42
 */
export function lockedFor(name: string, now: number, realNow = Date.now()): number {
  const e = entry(name, now);
  if (!e || realNow - e.realAt >= LOCK_TRUST_MS) return 0;
  return e.lockedUntil > now ? Math.max(1, Math.ceil((e.lockedUntil - now) / 1000)) : 0;
}

/**
 * True when the key is known to have failed recently (its sign-ins go to the hashing gate's
 * second lane).
 *
 * @example knownFailing('address:198.51.100.7', now) // true after one wrong password from there
 */
export function knownFailing(name: string, now: number): boolean {
  const e = entry(name, now);
  return !!e && e.failures > 0 && Date.now() - e.realAt < DIRTY_MEMORY_MS;
}

/** How many keys are remembered (for tests of the bound). */
export function memoSize(): number {
  return memo.size;
}
