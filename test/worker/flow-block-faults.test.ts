import { afterEach, describe, expect, it } from 'vitest';
import { armFault, disarmFaults } from '../../worker/lib/faults';
import { admittedAgency, api, jst, setClock } from './helpers';
import { eventsOf, jobseeker, openConversation, reply } from './messaging-fixtures';

afterEach(() => disarmFaults());

describe('the block flow converges when a step fails (R-BLOCK-1, R-BLOCK-2, R-FEED-4)', () => {
  it.each(['block.seeker', 'block.agency', 'block.shards'])(
    "R-BLOCK-2 a failure at %s: nothing is delivered after it, and the jobseeker's retry finishes the block once",
    async (step) => {
      await setClock(jst('2026-11-27', '10:00'));
      const agency = await admittedAgency();
      const TAG = `遮断${Math.floor(Math.random() * 1e9)}`;
      const seeker = await jobseeker(`${TAG} 事務職を希望します。`);
      const id = await openConversation(agency, seeker);
      armFault(step);
      const failed = await api('PUT', `/v1/seeker/blocks/${agency.id}`, { token: seeker.token });
      expect(failed.status).toBe(500);
      if (step !== 'block.seeker') {
        // R-BLOCK-1: the jobseeker's object took the block first, so nothing gets through meanwhile.
        const late = await reply(agency, id, 'まだ届きますか');
        expect(late.status).toBe(403);
        expect(late.body.code).toBe('blocked_by_recipient');
      }
      const retried = await api('PUT', `/v1/seeker/blocks/${agency.id}`, { token: seeker.token });
      expect(retried.status).toBe(200);
      expect(retried.body.agencyId).toBe(agency.id);
      // The agency lost access, was told once to delete, and no longer finds the profile (R-FEED-4).
      expect((await api('GET', `/v1/agency/feed/${seeker.profileId}`, { token: agency.token })).status).not.toBe(200);
      expect(await eventsOf(agency, 'block')).toHaveLength(1);
      const found = await api('GET', `/v1/agency/feed?q=${encodeURIComponent(TAG)}`, { token: agency.token });
      expect(found.body.items).toEqual([]);
      expect((await api('GET', '/v1/seeker/blocks', { token: seeker.token })).body.items).toHaveLength(1);
    },
  );
});
