import { DurableObject } from 'cloudflare:workers';
import {
  ACCOUNT_POLICY, ADDRESS_POLICY, REGISTRATION_POLICY, THROTTLE_FORGET_MS, afterFailure, current, retryAfterSeconds,
  type ThrottlePolicy, type ThrottleState,
} from '../lib/throttle';

/** Which policy a throttle key follows: `account:<role>:<key>`, `address:<ip>`, `registration:<ip>`. */
function policyOf(name: string): ThrottlePolicy {
  if (name.startsWith('address:')) return ADDRESS_POLICY;
  if (name.startsWith('registration:')) return REGISTRATION_POLICY;
  return ACCOUNT_POLICY;
}

/** The answer of one throttle key: may it try, and if not, for how long not. */
export type ThrottleCheck = { retryAfter: number; failures: number; lockedUntil: number };

/**
 * One sign-in throttle key (R-SEC-5): an account, or a client address. Each key is its own small
 * object, so a flood at one account or from one address touches nobody else's work, and no
 * password is ever hashed here. A key that has never failed writes nothing; a failed one is
 * forgotten a day after its last failure (an alarm deletes it).
 */
export class SignInThrottle extends DurableObject<Env> {
  private cached: ThrottleState | null | undefined;

  private async state(now: number): Promise<ThrottleState> {
    if (this.cached === undefined) this.cached = (await this.ctx.storage.get<ThrottleState>('state')) ?? null;
    return current(this.cached, now);
  }

  private view(state: ThrottleState, now: number): ThrottleCheck {
    return { retryAfter: retryAfterSeconds(state, now), failures: state.failures, lockedUntil: state.lockedUntil };
  }

  /** The key's state: `retryAfter` > 0 while locked. Reads only. */
  async check(name: string, now: number): Promise<ThrottleCheck> {
    void name;
    return this.view(await this.state(now), now);
  }

  /**
   * Records one failure (or, for registrations, one attempt) and returns the new state, with
   * `lockStarted` when this failure began a lock after free attempts (for the audit log).
   */
  async fail(name: string, now: number): Promise<ThrottleCheck & { lockStarted: boolean }> {
    const before = await this.state(now);
    const after = afterFailure(before, now, policyOf(name));
    this.cached = after;
    await this.ctx.storage.put('state', after);
    await this.ctx.storage.setAlarm(Date.now() + THROTTLE_FORGET_MS + 60_000);
    return { ...this.view(after, now), lockStarted: after.lockedUntil > 0 && before.lockedUntil === 0 };
  }

  /** A successful sign-in clears an account's count. */
  async succeed(): Promise<void> {
    if (this.cached === null) return;
    this.cached = null;
    await this.ctx.storage.deleteAll();
  }

  /** A day after the last failure the key is forgotten. */
  override async alarm(): Promise<void> {
    this.cached = null;
    await this.ctx.storage.deleteAll();
  }
}
