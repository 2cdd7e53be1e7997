import { app } from './app';
import { readNow } from './lib/clock';
import { runScheduled } from './routes/admin';

export { FeedShard } from './objects/feed-shard';
export { AgencyObject } from './objects/agency';
export { SeekerObject } from './objects/seeker';
export { Registry } from './objects/registry';
export { Clock } from './objects/clock';
export { Bulletin } from './objects/bulletin';
export { Correspondence } from './objects/correspondence';
export type { AppType } from './app';

export default {
  fetch: app.fetch,
  /** Cron Triggers: registration expiry, suspensions ending, report reminders and sanctions, retention sweeps, at the worker's "now" (T-5). */
  async scheduled(_controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void> {
    ctx.waitUntil(readNow(env).then((now) => runScheduled(env, now)));
  },
} satisfies ExportedHandler<Env>;
