import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it } from 'vitest';
import { runScheduled } from '../../worker/flows/scheduled';
import { armFault, disarmFaults } from '../../worker/lib/faults';
import { shardStub } from '../../worker/lib/stubs';
import { admittedAgency, api, jst, loadRows, ministry, profileRow, setClock, signInAgency } from './helpers';
import { agencyObject } from './messaging-fixtures';

const workerEnv = env as unknown as Env;

afterEach(() => disarmFaults());

/** Moves the clock with a fault armed: the clock is set, the scheduled work it runs fails part-way. */
async function moveClockFailing(at: string): Promise<void> {
  const res = await api('PUT', '/v1/admin/clock', { token: await ministry(), body: { at, frozen: true } });
  expect(res.status).toBe(500);
}

/** An agency that opened a profile on 2026-12-01 (R-RET-1: kept through 2027-02-28), and a profile whose registration runs to 2027-01-31. */
async function scene() {
  await setClock(jst('2026-12-01', '10:00'));
  const agency = await admittedAgency();
  const loaded = await loadRows([profileRow(), profileRow({ validUntil: '2027-01-31' })]);
  const [opened, lapsing] = loaded.body.results.map((r: { id: string }) => r.id) as [string, string];
  expect((await api('GET', `/v1/agency/feed/${opened}`, { token: agency.token })).status).toBe(200);
  return { agency, opened, lapsing };
}

async function expiryEvents(agency: { email: string; password: string }, profileId: string) {
  const token = await signInAgency(agency);
  const items = (await api('GET', '/v1/agency/events?after=0&limit=100', { token })).body.items as Array<{
    type: string;
    profileId?: string;
  }>;
  return items.filter((e) => e.type === 'retention_expired' && e.profileId === profileId);
}

describe('the scheduled work converges when a step fails (R-RET-1, R-FEED-6)', () => {
  it.each(['scheduled.registry', 'scheduled.feed-lapse'])('R-RET-1 a failure at %s holds up no retention sweep', async (step) => {
    const { agency, opened } = await scene();
    armFault(step);
    await moveClockFailing(jst('2027-03-01', '10:00'));
    expect((await agencyObject(agency.id).acquisitionOf(opened))?.state).toBe('deleted');
    await runScheduled(workerEnv, new Date(jst('2027-03-01', '10:05')));
    expect(await expiryEvents(agency, opened)).toHaveLength(1);
  });

  it('R-RET-1 an agency unreachable during the sweep deletes at the next run, once; the others are swept meanwhile', async () => {
    const { agency, opened } = await scene();
    const other = await admittedAgency();
    expect((await api('GET', `/v1/agency/feed/${opened}`, { token: other.token })).status).toBe(200);
    armFault(`scheduled.sweep:${agency.id}`);
    await moveClockFailing(jst('2027-03-01', '10:00'));
    expect((await agencyObject(agency.id).acquisitionOf(opened))?.state).toBe('held');
    expect((await agencyObject(other.id).acquisitionOf(opened))?.state).toBe('deleted');
    // The next run (the cron's next tick) finishes it, and nothing is deleted or recorded twice.
    await runScheduled(workerEnv, new Date(jst('2027-03-01', '10:05')));
    await runScheduled(workerEnv, new Date(jst('2027-03-01', '10:10')));
    expect((await agencyObject(agency.id).acquisitionOf(opened))?.state).toBe('deleted');
    expect(await expiryEvents(agency, opened)).toHaveLength(1);
    expect(await expiryEvents(other, opened)).toHaveLength(1);
  });

  it('R-FEED-6 a failed lapse step: the next run removes the lapsed profile from its shard', async () => {
    const { lapsing } = await scene();
    armFault('scheduled.feed-lapse');
    await moveClockFailing(jst('2027-02-01', '10:00'));
    expect(await shardStub(workerEnv, '13').home(lapsing)).not.toBeNull();
    await runScheduled(workerEnv, new Date(jst('2027-02-01', '10:05')));
    expect(await shardStub(workerEnv, '13').home(lapsing)).toBeNull();
  });

  it('R-JOB-1 the cron run also closes lapsed offers; a failure there keeps no other step from running', async () => {
    const { agency, opened } = await scene();
    await setClock(jst('2027-02-28', '10:00'));
    armFault('scheduled.offers');
    await expect(runScheduled(workerEnv, new Date(jst('2027-03-01', '10:00')), { offers: true })).rejects.toThrow(
      'injected fault at scheduled.offers',
    );
    expect((await agencyObject(agency.id).acquisitionOf(opened))?.state).toBe('deleted');
    await expect(runScheduled(workerEnv, new Date(jst('2027-03-01', '10:05')), { offers: true })).resolves.toBeUndefined();
  });
});
