import { DurableObject } from 'cloudflare:workers';
import type { ClockSetting } from '../lib/clock';

export type { ClockSetting };

/**
 * The worker's controllable clock for non-production environments (T-5): one object holds the
 * setting so every isolate and every Durable Object sees the same "now". Production never reads it.
 */
export class Clock extends DurableObject<Env> {
  /** The current setting, or null when the clock follows real time. */
  async setting(): Promise<ClockSetting> {
    return (await this.ctx.storage.get<ClockSetting>('setting')) ?? null;
  }

  /** Moves the clock; `null` returns it to real time. */
  async set(setting: ClockSetting): Promise<ClockSetting> {
    if (setting) await this.ctx.storage.put('setting', setting);
    else await this.ctx.storage.delete('setting');
    return setting;
  }
}
