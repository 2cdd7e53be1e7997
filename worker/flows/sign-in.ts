/**
 * Throttled sign-in for every role (R-SEC-5). The stateless worker does the slow work: it asks the
 * account's object only for the salt, hashes the candidate itself, and the object compares two
 * strings. Failures are counted per account and per client address in small objects of their own
 * (SignInThrottle), so a flood of sign-ins, for any role, holds up nobody else's work.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../lib/context';
import { PBKDF2_ITERATIONS, hashWithParams, sha256Hex, type PasswordParams } from '../lib/crypto';
import { ApiError, refusalError, type Refusal } from '../lib/problem';
import { throttledAddress } from '../lib/throttle';
import type { Role } from '../lib/sessions';
import { macOf } from '../lib/tokens';
import type { ThrottleCheck } from '../objects/sign-in-throttle';
import { agencyStub, registryStub, throttleStub } from '../lib/stubs';
import { hashBudgetSpent, refuseEarly, takeHashSlot, type Lane } from '../lib/hash-gate';
import { forget, knownFailing, lockedFor, remember } from '../lib/sign-in-memo';

/** How one role finds an account's salt and completes the sign-in at its object. */
export type SignInTarget = {
  role: Role;
  /** The account as the user names it (an email in lower case, a jobseeker ID). */
  key: string;
  /** The account's ID and hash parameters, or null when there is no such account. */
  lookup: () => Promise<{ accountId: string; params: PasswordParams } | null>;
  /** Compares the candidate hash at the account's object and opens a session. */
  complete: (accountId: string, candidate: string) => Promise<{ ok: true; token: string; expiresAt: number } | Refusal>;
  /** The refusal's detail, the same for a wrong account and a wrong password. */
  wrong: string;
};

/** A throttle key's object. */
export function throttle(env: Env, name: string) {
  return throttleStub(env, name);
}

/** The client's address as Cloudflare reports it; null where no edge set it (local runs). */
export function clientAddress(c: Context<AppEnv>): string | null {
  const ip = c.req.header('cf-connecting-ip')?.trim();
  return ip && ip.length <= 64 ? ip.toLowerCase() : null;
}

/** The name of an account's throttle key (the same whether or not the account exists). */
export function accountKey(role: Role, key: string): string {
  return `account:${role}:${key}`;
}

/** R-SEC-5: 429 with Retry-After; says nothing about whether the account exists. */
export function lockedOut(retryAfter: number): ApiError {
  const minutes = Math.ceil(retryAfter / 60);
  return new ApiError(
    'sign_in_locked',
    `サインインの失敗が続いたため、約${retryAfter < 60 ? `${retryAfter}秒` : `${minutes}分`}後まで受け付けません。パスワードがわからない場合は、管理者または管轄の労働局にご相談ください。`,
    { retryAfter },
    { status: 429, title: 'サインインを一時的に制限しています' },
    { 'Retry-After': String(retryAfter) },
  );
}

/** R-SEC-5: the isolate's hashing budget is spent; nothing was checked or counted. */
export function signInBusy(retryAfter: number): ApiError {
  return new ApiError(
    'sign_in_busy',
    `サインインが集中しているため、いまは確認できません。約${retryAfter}秒後にもう一度お試しください。`,
    { retryAfter },
    { status: 429, title: 'サインインが混み合っています' },
    { 'Retry-After': String(retryAfter) },
  );
}

/** Decoy hash parameters for an unknown account: stable per name, so a second look reveals nothing (R-SEC-5). */
async function decoyParams(env: Env, role: Role, key: string): Promise<PasswordParams> {
  return { iterations: PBKDF2_ITERATIONS, saltHex: (await sha256Hex(await macOf(env, `decoy-salt:${role}:${key}`))).slice(0, 32) };
}

/**
 * Signs in through the throttle (R-SEC-5). Refuses with 429 while the account or the address is
 * locked, without checking the password; otherwise hashes in the worker, completes at the object,
 * and counts a failure on both keys. Unknown accounts take the same path and the same time.
 *
 * @example const r = await throttledSignIn(c, { role: 'agency', key: email, lookup, complete, wrong }, password);
 */
export async function throttledSignIn(
  c: Context<AppEnv>,
  target: SignInTarget,
  secret: string,
): Promise<{ token: string; expiresAt: number; accountId: string; mustChange: boolean }> {
  const now = c.var.now.getTime();
  const address = clientAddress(c);
  const names = [accountKey(target.role, target.key), ...(address ? [`address:${throttledAddress(address)}`] : [])];
  // R-SEC-5: a key this isolate knows to be locked, or a spent hashing budget, is refused before
  // any object is addressed; the objects stay the authority for everything else.
  const known = Math.max(...names.map((n) => lockedFor(n, now)));
  if (known > 0) throw lockedOut(known);
  const guess: Lane = names.some((n) => knownFailing(n, now)) ? 'failing' : 'clean';
  if (hashBudgetSpent(guess)) throw signInBusy(refuseEarly(guess));

  const keys = names.map((n) => throttle(c.env, n));
  const checks = await Promise.all(keys.map((k, i) => k.check(names[i]!, now) as Promise<ThrottleCheck>));
  checks.forEach((x, i) => remember(names[i]!, x, now));
  const wait = Math.max(...checks.map((x) => x.retryAfter));
  if (wait > 0) throw lockedOut(wait);

  const slot = await takeHashSlot(checks.some((x) => x.failures > 0) ? 'failing' : 'clean');
  if ('retryAfter' in slot) throw signInBusy(slot.retryAfter);
  let found: Awaited<ReturnType<SignInTarget['lookup']>>;
  let candidate: string;
  try {
    found = await target.lookup();
    candidate = await hashWithParams(secret, found?.params ?? (await decoyParams(c.env, target.role, target.key)));
  } finally {
    slot.release();
  }
  const r = found ? await target.complete(found.accountId, candidate) : null;
  if (r?.ok) {
    await keys[0]!.succeed();
    forget(names[0]!);
    return { token: r.token, expiresAt: r.expiresAt, accountId: found!.accountId, mustChange: checks[0]!.mustChange };
  }
  if (r && r.code !== 'invalid_credentials') throw refusalError(r);

  const after = await Promise.all(keys.map((k, i) => k.fail(names[i]!, now)));
  after.forEach((x, i) => remember(names[i]!, x, now));
  const account = after[0]!;
  if (account.lockStarted && found) {
    await registryOf(c.env).audit(now, 'sign-in-throttle', 'sign_in.locked', found.accountId, null, {
      role: target.role,
      failures: account.failures,
      lockedUntil: new Date(account.lockedUntil).toISOString(),
    });
  }
  if (after[1]?.lockStarted) {
    await registryOf(c.env).audit(now, 'sign-in-throttle', 'sign_in.address_locked', names[1]!, null, {
      failures: after[1].failures,
      lockedUntil: new Date(after[1].lockedUntil).toISOString(),
    });
  }
  const lockWait = Math.max(...after.map((x) => x.retryAfter));
  if (lockWait > 0) throw lockedOut(lockWait);
  throw new ApiError('invalid_credentials', target.wrong, {}, { status: 401, title: 'サインインできませんでした' });
}

/**
 * Refuses while an account key or the caller's address is locked (R-SEC-5), for checks other than
 * sign-in (password change, reset codes, activation codes); `fail()` counts a failure on both.
 *
 * @example const g = await throttleGuard(c, accountKey('seeker', id)); if (!ok) await g.fail();
 */
export async function throttleGuard(c: Context<AppEnv>, name: string) {
  const now = c.var.now.getTime();
  const address = clientAddress(c);
  const names = [name, ...(address ? [`address:${throttledAddress(address)}`] : [])];
  const known = Math.max(...names.map((n) => lockedFor(n, now)));
  if (known > 0) throw lockedOut(known);
  const checks = await Promise.all(names.map((n) => throttle(c.env, n).check(n, now)));
  checks.forEach((x, i) => remember(names[i]!, x, now));
  const wait = Math.max(...checks.map((x) => x.retryAfter));
  if (wait > 0) throw lockedOut(wait);
  return {
    /** The hashing lane for what follows (R-SEC-5): failing when either key has failed recently. */
    lane: (checks.some((x) => x.failures > 0) ? 'failing' : 'clean') as Lane,
    /** The credential changed: the account's count and any lock end, and this isolate's memo forgets them. */
    cleared: async () => {
      await throttle(c.env, name).succeed();
      forget(name);
    },
    fail: async () => {
      const after = await Promise.all(names.map((n) => throttle(c.env, n).fail(n, now)));
      after.forEach((x, i) => remember(names[i]!, x, now));
      const w = Math.max(...after.map((x) => x.retryAfter));
      if (w > 0) throw lockedOut(w);
    },
  };
}

/**
 * The lock state of an account's throttle key, for the bureau's account view (R-SEC-5).
 *
 * @example await signInLockOf(c, 'agency', email) // { failures: 7, lockedUntil: '…' } or null
 */
export async function signInLockOf(
  c: Context<AppEnv>,
  role: Role,
  key: string,
): Promise<{ failures: number; lockedUntil: string | null } | null> {
  const name = accountKey(role, key);
  const s = await throttle(c.env, name).check(name, c.var.now.getTime());
  if (s.failures === 0) return null;
  return { failures: s.failures, lockedUntil: s.retryAfter > 0 ? new Date(s.lockedUntil).toISOString() : null };
}

/**
 * R-SEC-5, R-ORG-2: every live seat of an organisation with its sign-in state now, for the
 * bureau's account view (the lock is per seat: each signs in with its own email).
 *
 * @example await seatSignInStates(c, 'A7K3M9X2QAB') // [{ id, name, email, role, signIn: { failures: 0, lockedUntil: null } }]
 */
export async function seatSignInStates(c: Context<AppEnv>, agencyId: string) {
  const live = (await agencyStub(c.env, agencyId).seats(c.var.now.getTime())).filter((s) => s.removedAt === null);
  return Promise.all(
    live.map(async (s) => ({
      id: s.id,
      name: s.name,
      email: s.email,
      role: s.role,
      signIn: (await signInLockOf(c, 'agency', s.email.trim().toLowerCase())) ?? { failures: 0, lockedUntil: null },
    })),
  );
}

function registryOf(env: Env) {
  return registryStub(env);
}
