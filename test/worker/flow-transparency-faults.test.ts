import { afterEach, describe, expect, it } from 'vitest';
import { armFault, disarmFaults } from '../../worker/lib/faults';
import { admittedAgency, api, jst, ministry, setClock } from './helpers';
import { jobseeker } from './messaging-fixtures';

afterEach(() => disarmFaults());

/** A jobseeker whose profile two agencies opened (both acquired it, R-RET-1). */
async function scene() {
  await setClock(jst('2026-11-27', '10:00'));
  const seeker = await jobseeker();
  const agencies = [await admittedAgency(), await admittedAgency()];
  for (const a of agencies) expect((await api('GET', `/v1/agency/feed/${seeker.profileId}`, { token: a.token })).status).toBe(200);
  return { seeker, agencies };
}

const holderIds = (body: { items: Array<{ agencyId: string }> }) => body.items.map((i) => i.agencyId).sort();

describe('the transparency reads fail whole and answer in full on retry (R-RET-1, R-DEL-1, R-BLOCK-2)', () => {
  it.each(['data-holders.read', 'data-holders.agency'])(
    'R-RET-1 a failure at %s: no list that leaves an agency out; the retry lists every holder',
    async (step) => {
      const { seeker, agencies } = await scene();
      armFault(step === 'data-holders.agency' ? `data-holders.agency:${agencies[1]!.id}` : step);
      const failed = await api('GET', '/v1/seeker/data-holders', { token: seeker.token });
      expect(failed.status).toBe(500);
      expect(failed.body.items).toBeUndefined();
      const retried = await api('GET', '/v1/seeker/data-holders', { token: seeker.token });
      expect(retried.status).toBe(200);
      expect(holderIds(retried.body)).toEqual(agencies.map((a) => a.id).sort());
    },
  );

  it.each(['deletion-compliance.registry', 'deletion-compliance.agency'])(
    'R-DEL-1 a failure at %s: no partial figures; the retry counts every agency',
    async (step) => {
      const { agencies } = await scene();
      const token = await ministry();
      const before = await api('GET', '/v1/admin/deletion-compliance', { token });
      expect(before.status).toBe(200);
      armFault(step === 'deletion-compliance.agency' ? `deletion-compliance.agency:${agencies[0]!.id}` : step);
      const failed = await api('GET', '/v1/admin/deletion-compliance', { token });
      expect(failed.status).toBe(500);
      expect(failed.body.totals).toBeUndefined();
      const retried = await api('GET', '/v1/admin/deletion-compliance', { token });
      expect(retried.status).toBe(200);
      expect(retried.body.totals).toEqual(before.body.totals);
      expect(retried.body.items.map((i: { agencyId: string }) => i.agencyId)).toEqual(expect.arrayContaining(agencies.map((a) => a.id)));
    },
  );
});
