/**
 * Every password hash outside sign-in goes through the same per-isolate budget as sign-in
 * (R-SEC-5: no flood, for any role, slows anyone else's work): registration, a password change,
 * a bureau reset, a jobseeker's activation, a new seat or staff account. The hash runs in the
 * worker, never inside a Durable Object shared by other users' work, and the caller checks its
 * throttle keys before asking for a slot, so a throttled address or a locked account costs no hash.
 * A refusal (429 `sign_in_busy`) comes before any write.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../lib/context';
import { ApiError } from '../lib/problem';
import { hashBudgetSpent, refuseEarly, takeHashSlot, type Lane } from '../lib/hash-gate';
import { knownFailing } from '../lib/sign-in-memo';
import { throttledAddress } from '../lib/throttle';
import { clientAddress, throttle } from './sign-in';

/**
 * Runs `work` (one request's hashing) in the isolate's hashing slot, or throws 429 `sign_in_busy`
 * (worded for the action, not for sign-in) with Retry-After when the budget is spent (R-SEC-5).
 * Nothing is written before the slot is taken.
 *
 * @example const hash = await hashInSlot('clean', () => hashPassword(password));
 */
export async function hashInSlot<T>(lane: Lane, work: () => Promise<T>): Promise<T> {
  if (hashBudgetSpent(lane)) throw passwordWorkBusy(refuseEarly(lane));
  const slot = await takeHashSlot(lane);
  if ('retryAfter' in slot) throw passwordWorkBusy(slot.retryAfter);
  try {
    return await work();
  } finally {
    slot.release();
  }
}

/**
 * R-SEC-5: public registrations are throttled per client address (10 a day, then one an hour,
 * doubling). The address's bound is checked before the hashing slot is asked for, and the attempt
 * is counted inside the slot, before the hash: a refusal for a spent budget counts nothing, and a
 * throttled address costs no hash. A second registration from an address (or one from an address
 * with failed sign-ins) waits in the failing lane.
 *
 * @example const hash = await registrationHash(c, password); // throws 429 when over a bound
 */
export async function registrationHash(c: Context<AppEnv>, hash: () => Promise<string>): Promise<string> {
  const address = clientAddress(c);
  const now = c.var.now.getTime();
  const name = address ? `registration:${throttledAddress(address)}` : null;
  const key = name ? throttle(c.env, name) : null;
  const before = name && key ? await key.check(name, now) : { retryAfter: 0, failures: 0 };
  if (before.retryAfter > 0) throw registrationsLocked(before.retryAfter);
  const dirty = before.failures > 0 || (address !== null && knownFailing(`address:${throttledAddress(address)}`, now));
  return hashInSlot(dirty ? 'failing' : 'clean', async () => {
    if (name && key) {
      const counted = await key.fail(name, now);
      if (counted.retryAfter > 0 && counted.failures > before.failures + 1) throw registrationsLocked(counted.retryAfter);
    }
    return hash();
  });
}

/**
 * The busy answer outside sign-in (a registration, a password change, an activation, a new account):
 * the same stable code as sign-in's, worded for someone who is not signing in.
 */
function passwordWorkBusy(retryAfter: number): ApiError {
  return new ApiError(
    'sign_in_busy',
    `ただいま処理が集中しているため、受け付けられませんでした。内容は保存されていません。約${retryAfter}秒後にもう一度お試しください。`,
    { retryAfter },
    { status: 429, title: 'ただいま混み合っています' },
    { 'Retry-After': String(retryAfter) },
  );
}

function registrationsLocked(retryAfter: number) {
  return new ApiError(
    'registration_throttled',
    `この接続元からの申請が多すぎます。約${Math.ceil(retryAfter / 60)}分後にもう一度お試しください。`,
    { retryAfter },
    { status: 429, title: '申請が集中しています' },
    { 'Retry-After': String(retryAfter) },
  );
}
