import { app } from './app';
import { readNow } from './lib/clock';
import { runScheduled } from './flows/scheduled';

export { FeedShard } from './objects/feed-shard';
export { AgencyObject } from './objects/agency';
export { SeekerObject } from './objects/seeker';
export { Registry } from './objects/registry';
export { Clock } from './objects/clock';
export { Bulletin } from './objects/bulletin';
export { Correspondence } from './objects/correspondence';
export { SignInThrottle } from './objects/sign-in-throttle';
export { FeedMeter } from './objects/feed-meter';
export { JobOfferShard } from './objects/job-offer-shard';
export { JobDesk } from './objects/job-desk';
export type { AppType } from './app';

export default {
  fetch: app.fetch,
  /** Cron Triggers: registration expiry, suspensions ending, report reminders and sanctions, retention sweeps, at the worker's "now" (T-5). */
  async scheduled(_controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void> {
    // R-JOB-1: offers past their dates close here too; searches and quotes already treat them as closed.
    ctx.waitUntil(readNow(env).then((now) => runScheduled(env, now, { offers: true })));
  },
} satisfies ExportedHandler<Env>;
