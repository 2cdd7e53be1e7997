import { faultPoint } from '../lib/faults';
import { agencyStub, registryStub } from '../lib/stubs';
import { removeLapsedProfiles } from './feed-load';
import { closeLapsedOffers } from './job-offer-load';

/** Agency objects swept at once. */
const SWEEP_BATCH = 50;
/** Agencies whose registration can still hold jobseeker data that the retention rules delete. */
const SWEPT_STATES = ['active', 'suspended', 'revoked', 'withdrawn'] as const;

/** One step of the scheduled work, run whether or not an earlier step failed. */
type Step = { name: string; run: () => Promise<unknown> };

/**
 * The scheduled work at one instant, from the cron trigger and from every clock move (T-5):
 *  1. the registry: registrations expiring (R-APP-1), fixed suspensions ending (R-SAN-2), the report
 *     reminder, suspension and revocation (R-REP-2, R-REP-3);
 *  2. the feed: profiles whose registration lapsed leave every shard (R-FEED-6), audited;
 *  3. every agency's retention sweep (R-RET-1, R-RET-2), in batches;
 *  4. with `offers`, the job offers whose dates passed close (R-JOB-1) — the cron does this, a clock
 *     move does not.
 *
 * Every step is idempotent and independent: one that fails (its object throws or is unreachable)
 * does not keep the others from running, and the next run does what it left, so deletions the
 * rules require are never held up by a failure elsewhere. After all steps ran, the first failure
 * is thrown, so the cron run and the clock move report it.
 *
 * @example await runScheduled(env, now, { offers: true });
 */
export async function runScheduled(env: Env, now: Date, opts: { offers?: boolean } = {}): Promise<void> {
  const at = now.getTime();
  const registry = registryStub(env);
  const steps: Step[] = [
    { name: 'scheduled.registry', run: () => registry.runScheduledWork(at) },
    {
      name: 'scheduled.feed-lapse',
      run: async () => {
        const lapsed = await removeLapsedProfiles(env, now);
        if (lapsed.length) await registry.audit(at, 'system', 'feed.lapse', 'feed', null, { removed: lapsed.length });
      },
    },
    { name: 'scheduled.sweeps', run: () => sweepAgencies(env, at) },
    ...(opts.offers ? [{ name: 'scheduled.offers', run: () => closeLapsedOffers(env, now) }] : []),
  ];
  const failures: unknown[] = [];
  for (const step of steps) {
    try {
      faultPoint(env, step.name);
      await step.run();
    } catch (err) {
      // No request content here: the step's name and the error's name are enough to find it.
      console.error('scheduled step failed', step.name, err instanceof Error ? err.name : typeof err);
      failures.push(err);
    }
  }
  if (failures.length) throw failures[0];
}

/** R-RET-1, R-RET-2: every agency deletes what its retention periods ended; one unreachable agency holds up no other. */
async function sweepAgencies(env: Env, at: number): Promise<void> {
  const ids = await registryStub(env).agencyIds([...SWEPT_STATES]);
  const failures: unknown[] = [];
  for (let i = 0; i < ids.length; i += SWEEP_BATCH) {
    const results = await Promise.allSettled(
      ids.slice(i, i + SWEEP_BATCH).map(async (id) => {
        faultPoint(env, `scheduled.sweep:${id}`);
        return agencyStub(env, id).sweep(at);
      }),
    );
    for (const r of results) if (r.status === 'rejected') failures.push(r.reason);
  }
  if (failures.length) throw failures[0];
}
