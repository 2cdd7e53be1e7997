import { DurableObject } from 'cloudflare:workers';
import { NEAR_SHARE, type FeedReadKind } from '../lib/feed-bounds';
import { feedMeterStub } from '../lib/stubs';

/** One organisation's use of one bound on one day, as the bureau sees it (R-SEC-9). */
export type FeedUsageEntry = {
  agencyId: string;
  prefecture: string;
  kind: FeedReadKind;
  count: number;
  limit: number;
  state: 'near' | 'reached';
  at: string;
};

/**
 * Feed reading per organisation and JST day (R-SEC-9). Each agency has its own meter object
 * (named by its ID, reached only after its token verified), so counting holds up nobody else. A
 * meter that crosses 80 % or 100 % of a bound tells the day's usage object (named `usage:<day>`),
 * which the bureau reads; that happens at most twice per bound and day.
 */
export class FeedMeter extends DurableObject<Env> {
  /**
   * Takes one read of `kind` if the day's bound allows it.
   *
   * @example const r = await meter.take('search', '2027-01-04', 5000, { agencyId, prefecture, now });
   */
  async take(
    kind: FeedReadKind,
    day: string,
    limit: number,
    who: { agencyId: string; prefecture: string; now: number },
  ): Promise<{ ok: boolean; count: number; limit: number }> {
    const key = `${day}:${kind}`;
    const count = (await this.ctx.storage.get<number>(key)) ?? 0;
    if (count >= limit) return { ok: false, count, limit };
    const next = count + 1;
    const old = await this.ctx.storage.list({ end: `${day}:` });
    if (old.size) await this.ctx.storage.delete([...old.keys()]); // earlier days
    await this.ctx.storage.put(key, next);
    const state =
      next >= limit ? 'reached' : next >= Math.ceil(limit * NEAR_SHARE) && count < Math.ceil(limit * NEAR_SHARE) ? 'near' : null;
    if (state) await this.tellUsage(day, { kind, count: next, limit, state }, who);
    return { ok: true, count: next, limit };
  }

  /** Tells the day's usage object where this organisation stands on one bound. */
  private async tellUsage(
    day: string,
    entry: Pick<FeedUsageEntry, 'kind' | 'count' | 'limit' | 'state'>,
    who: { agencyId: string; prefecture: string; now: number },
  ): Promise<void> {
    const at = new Date(who.now).toISOString();
    await feedMeterStub(this.env, `usage:${day}`).record({ agencyId: who.agencyId, prefecture: who.prefecture, ...entry, at });
  }

  /**
   * Gives back one read of `kind` taken on `day` that served nothing (R-SEC-9). Nothing happens
   * when that day's count is gone (a new day began) or already zero. A read given back below the
   * 80 % or 100 % mark corrects what the bureau's usage view says of the organisation.
   *
   * @example await meter.giveBack('search', '2027-01-04', 5000, { agencyId, prefecture, now });
   */
  async giveBack(
    kind: FeedReadKind,
    day: string,
    limit: number,
    who: { agencyId: string; prefecture: string; now: number },
  ): Promise<void> {
    const key = `${day}:${kind}`;
    const count = await this.ctx.storage.get<number>(key);
    if (count === undefined || count <= 0) return;
    const next = count - 1;
    await this.ctx.storage.put(key, next);
    const near = Math.ceil(limit * NEAR_SHARE);
    if (count < near) return; // never recorded
    if (next < near) await feedMeterStub(this.env, `usage:${day}`).forget(who.agencyId, kind);
    else await this.tellUsage(day, { kind, count: next, limit, state: next >= limit ? 'reached' : 'near' }, who);
  }

  /** The day's usage object: forgets an organisation that fell back under the 80 % mark. */
  async forget(agencyId: string, kind: FeedReadKind): Promise<void> {
    await this.ctx.storage.delete(`${agencyId}:${kind}`);
  }

  /** The day's usage object: records that an organisation is near or at a bound. */
  async record(entry: FeedUsageEntry): Promise<void> {
    await this.ctx.storage.put(`${entry.agencyId}:${entry.kind}`, entry);
  }

  /** The day's usage object: who is near or at a bound, most used first. */
  async entries(): Promise<FeedUsageEntry[]> {
    const all = [...(await this.ctx.storage.list<FeedUsageEntry>()).values()];
    return all.sort((a, b) => b.count / b.limit - a.count / a.limit);
  }
}
