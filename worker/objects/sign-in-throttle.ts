import { DurableObject } from 'cloudflare:workers';
import { timingSafeEqualText } from '../lib/crypto';
import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  REGISTRATION_POLICY,
  THROTTLE_FORGET_MS,
  afterFailure,
  current,
  retryAfterSeconds,
  type ThrottlePolicy,
  type ThrottleState,
} from '../lib/throttle';

/** Which policy a throttle key follows: `account:<role>:<key>`, `address:<ip>`, `registration:<ip>`. */
function policyOf(name: string): ThrottlePolicy {
  if (name.startsWith('address:')) return ADDRESS_POLICY;
  if (name.startsWith('registration:')) return REGISTRATION_POLICY;
  return ACCOUNT_POLICY;
}

/** The answer of one throttle key: may it try, and if not, for how long not. */
export type ThrottleCheck = { retryAfter: number; failures: number; lockedUntil: number; mustChange: boolean };

/**
 * One sign-in throttle key (R-SEC-5): an account, or a client address. Each key is its own small
 * object, so a flood at one account or from one address touches nobody else's work, and no
 * password is ever hashed here. A key that has never failed writes nothing; a failed one is
 * forgotten a day after its last failure (an alarm deletes it). An account's key also keeps its
 * credential flags (R-SEC-6): a password change required after a compromise report, and a
 * bureau-issued reset code.
 */
export class SignInThrottle extends DurableObject<Env> {
  private cached: ThrottleState | null | undefined;

  private async state(now: number): Promise<ThrottleState> {
    if (this.cached === undefined) this.cached = (await this.ctx.storage.get<ThrottleState>('state')) ?? null;
    return current(this.cached, now);
  }

  private flags: { mustChange: boolean; reset: { hash: string; expiresAt: number } | null } | undefined;

  private async account(): Promise<{ mustChange: boolean; reset: { hash: string; expiresAt: number } | null }> {
    if (this.flags === undefined)
      this.flags = (await this.ctx.storage.get<typeof this.flags>('account')) ?? { mustChange: false, reset: null };
    return this.flags!;
  }

  private async saveAccount(flags: { mustChange: boolean; reset: { hash: string; expiresAt: number } | null }): Promise<void> {
    this.flags = flags;
    if (!flags.mustChange && !flags.reset) await this.ctx.storage.delete('account');
    else await this.ctx.storage.put('account', flags);
  }

  private view(state: ThrottleState, now: number): ThrottleCheck {
    return {
      retryAfter: retryAfterSeconds(state, now),
      failures: state.failures,
      lockedUntil: state.lockedUntil,
      mustChange: this.flags?.mustChange ?? false,
    };
  }

  /** The key's state: `retryAfter` > 0 while locked. Reads only. */
  async check(name: string, now: number): Promise<ThrottleCheck> {
    void name;
    await this.account();
    return this.view(await this.state(now), now);
  }

  /** R-SEC-6: after a compromise report the password must be changed at the next sign-in. */
  async setMustChange(value: boolean): Promise<void> {
    await this.saveAccount({ ...(await this.account()), mustChange: value });
  }

  /** R-SEC-6: a bureau-issued one-time reset code (its hash) for an agency seat; replaces any earlier one. */
  async setResetCode(hash: string, expiresAt: number): Promise<void> {
    await this.saveAccount({ ...(await this.account()), reset: { hash, expiresAt } });
  }

  /** Whether `hash` is the live reset code, without using it up (the worker hashes the new password in between). */
  async checkResetCode(hash: string, now: number): Promise<'ok' | 'invalid' | 'expired'> {
    const flags = await this.account();
    if (!flags.reset || !timingSafeEqualText(flags.reset.hash, hash)) return 'invalid';
    return flags.reset.expiresAt <= now ? 'expired' : 'ok';
  }

  /** Uses up the reset code when `hash` matches and it has not expired. */
  async useResetCode(hash: string, now: number): Promise<'ok' | 'invalid' | 'expired'> {
    const result = await this.checkResetCode(hash, now);
    if (result !== 'ok') return result;
    await this.saveAccount({ mustChange: false, reset: null });
    return 'ok';
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
    await this.ctx.storage.delete('state');
  }

  /** A day after the last failure the count is forgotten (the account's flags stay). */
  override async alarm(): Promise<void> {
    this.cached = null;
    await this.ctx.storage.delete('state');
  }
}
