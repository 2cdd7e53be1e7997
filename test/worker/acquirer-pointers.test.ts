/**
 * R-RET-1: a first contact's pointer "this agency acquired that profile" reaches the profile's home
 * shard after the send answered, gathered with other sends' (one call per shard). The data-holders
 * view never misses the agency meanwhile, and a pointer still queued when the agency's use stops
 * (R-RET-3) changes nothing about the purge: the acquisition goes, and the pointer still arrives.
 */
import { env, runInDurableObject } from 'cloudflare:test';
import { afterEach, describe, expect, it } from 'vitest';
import { DataHoldersSchema } from '../../shared/schemas';
import { armFault, disarmFaults } from '../../worker/lib/faults';
import { admittedAgency, api, jst, ministry, setClock } from './helpers';
import { agencyObject, firstContact, jobseeker, type Seeker } from './messaging-fixtures';

afterEach(() => disarmFaults());

const shardOf = (profileId: string) => env.FEED_SHARD.get(env.FEED_SHARD.idFromName(profileId.slice(0, 2)));

async function holders(seeker: Seeker) {
  const res = await api('GET', '/v1/seeker/data-holders', { token: seeker.token });
  expect(res.status).toBe(200);
  return DataHoldersSchema.parse(res.body).items;
}

/** The pointers the agency still has to push. */
async function queued(agencyId: string): Promise<string[]> {
  return runInDurableObject(agencyObject(agencyId), async (_obj, state) =>
    state.storage.sql
      .exec<{ profile_id: string }>('SELECT profile_id FROM acquirer_pending')
      .toArray()
      .map((r) => r.profile_id),
  );
}

describe("R-RET-1 a first contact's acquirer pointer", () => {
  it('R-RET-1 reaches the home shard after the answer, and the data-holders view lists the agency before and after', async () => {
    await setClock(jst('2026-11-27', '10:00'));
    const agency = await admittedAgency();
    const seeker = await jobseeker();
    expect((await firstContact(agency, seeker.profileId)).status).toBe(201);
    const listed = {
      agencyId: agency.id,
      firstAcquiredOn: '2026-11-27',
      acquiredOn: '2026-11-27',
      retentionDeadline: '2027-01-31',
      copy: expect.objectContaining({ state: 'held' }),
    };
    // Whether or not the pointer arrived yet, the agency is listed once.
    expect(await holders(seeker)).toEqual([expect.objectContaining(listed)]);
    await agencyObject(agency.id).sweep(Date.parse(jst('2026-11-27', '10:00')));
    expect(await queued(agency.id)).toEqual([]);
    expect(await shardOf(seeker.profileId).acquirersOf(seeker.profileId)).toEqual([{ agencyId: agency.id, firstAcquiredOn: '2026-11-27' }]);
    expect(await holders(seeker)).toEqual([expect.objectContaining(listed)]);
  });

  it('R-RET-1 R-RET-3 still queued when the agency is suspended: the acquisition is purged and listed as deleted, and the pointer still arrives', async () => {
    await setClock(jst('2026-11-27', '10:00'));
    const agency = await admittedAgency();
    const seeker = await jobseeker();
    armFault(`acquirer-pointers:${seeker.profileId.slice(0, 2)}`);
    expect((await firstContact(agency, seeker.profileId)).status).toBe(201);
    expect(await queued(agency.id)).toEqual([seeker.profileId]);
    expect(await shardOf(seeker.profileId).acquirersOf(seeker.profileId)).toEqual([]);

    const suspended = await api('POST', `/v1/admin/agencies/${agency.id}/suspensions`, {
      token: await ministry(),
      body: { kind: 'temporary', reason: '事実確認のため' },
    });
    expect(suspended.status).toBe(200);
    const deleted = { state: 'deleted', rule: 'R-RET-3', deletedAt: '2026-11-27T01:00:00.000Z' };
    expect((await agencyObject(agency.id).acquisitionOf(seeker.profileId))?.state).toBe('deleted');
    expect(await holders(seeker)).toEqual([
      expect.objectContaining({
        agencyId: agency.id,
        agencyStatus: 'suspended',
        firstAcquiredOn: '2026-11-27',
        copy: expect.objectContaining(deleted),
      }),
    ]);

    // The queue is pushed by the next sweep; the listing is the same, once.
    await agencyObject(agency.id).sweep(Date.parse(jst('2026-11-27', '10:05')));
    expect(await queued(agency.id)).toEqual([]);
    expect(await shardOf(seeker.profileId).acquirersOf(seeker.profileId)).toEqual([{ agencyId: agency.id, firstAcquiredOn: '2026-11-27' }]);
    expect(await holders(seeker)).toEqual([expect.objectContaining({ agencyId: agency.id, copy: expect.objectContaining(deleted) })]);
  });
});
