/**
 * R-RET-3, R-SAN-2: no acquisition survives a purge. A suspension can land between a route's
 * status check (made when the token was checked) and the agency object's `acquire()`, or between
 * the steps of a send, or while the purge itself is still telling the jobseekers' objects. Each
 * interleaving is driven step by step through the real objects, as the send flow's fault tests do.
 */
import { env, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { admittedAgency, api, bureau, jst, setClock } from './helpers';
import { agencyObject, jobseeker, openConversation, sendKey } from './messaging-fixtures';

const TODAY = '2027-03-01';
const NOW = Date.parse(jst(TODAY, '10:00'));

async function suspend(agencyId: string): Promise<void> {
  const res = await api('POST', `/v1/admin/agencies/${agencyId}/suspensions`, {
    token: await bureau('13'),
    body: { kind: 'temporary', reason: '事実確認のため' },
  });
  if (res.status !== 200) throw new Error(`suspension failed: ${res.status} ${JSON.stringify(res.body)}`);
}

async function heldProfiles(agencyId: string): Promise<string[]> {
  return (await agencyObject(agencyId).acquisitions()).filter((a) => a.state === 'held').map((a) => a.profileId);
}

describe('no acquisition survives a purge (R-RET-3, R-SAN-2)', () => {
  it('R-RET-3 a profile opening whose status check passed before the suspension is refused at acquire()', async () => {
    await setClock(jst(TODAY, '10:00'));
    const agency = await admittedAgency();
    const seeker = await jobseeker();
    // The route checked the agency's standing (active) and read the profile from its shard; then the suspension landed.
    await suspend(agency.id);
    const acquired = await agencyObject(agency.id).acquire(seeker.profileId, NOW);
    expect(acquired.ok).toBe(false);
    expect((acquired as { code?: string }).code).toBe('agency_suspended');
    expect(await heldProfiles(agency.id)).toEqual([]);
    // Through HTTP the suspended agency is refused too, and still holds nothing.
    const opened = await api('GET', `/v1/agency/feed/${seeker.profileId}`, { token: agency.token });
    expect(opened.status).toBe(403);
    expect(await heldProfiles(agency.id)).toEqual([]);
  });

  it('R-RET-3 a first contact delivered before the suspension and completed after it leaves no acquisition and no open conversation', async () => {
    await setClock(jst(TODAY, '10:00'));
    const agency = await admittedAgency();
    const seeker = await jobseeker();
    const key = sendKey('race-send');
    const body = 'はじめまして。介護職の求人をご紹介できます。';
    // Steps 1 and 2 of the send flow: reserved (the agency was active) and delivered.
    const r = await agencyObject(agency.id).reserveSend({ key, kind: 'first_contact', profileId: seeker.profileId, body }, NOW);
    if (!r.ok || r.state !== 'reserved') throw new Error('reservation failed');
    const delivered = await env.SEEKER.get(env.SEEKER.idFromName(seeker.profileId)).deliver(
      {
        kind: 'first_contact',
        profileId: seeker.profileId,
        agencyId: r.agencyId,
        agencyName: r.agencyName,
        key,
        body,
        mandatoryInformation: r.mandatoryInformation!,
      },
      NOW,
    );
    if (!delivered.ok) throw new Error('delivery failed');
    // The suspension lands and purges; then step 3 completes the send.
    await suspend(agency.id);
    await agencyObject(agency.id).completeSend(
      key,
      { conversationId: delivered.conversationId, profileId: seeker.profileId, message: delivered.message },
      NOW,
    );
    expect(await heldProfiles(agency.id)).toEqual([]);
    // The jobseeker's conversation ended with the agency's use of the service, as the purge ends the others.
    const thread = await api('GET', `/v1/seeker/conversations/${delivered.conversationId}`, { token: seeker.token });
    expect(thread.status).toBe(200);
    expect(thread.body.conversation?.state ?? thread.body.state).toBe('closed');
  });

  it('R-RET-3 an acquire() that arrives while the purge is still telling the jobseekers is refused', async () => {
    await setClock(jst(TODAY, '10:00'));
    const agency = await admittedAgency();
    // Live conversations make the purge wait on the jobseekers' objects after its deletion.
    for (let i = 0; i < 3; i++) await openConversation(agency, await jobseeker());
    const another = await jobseeker();
    const stub = agencyObject(agency.id);
    const purging = stub.setStatus(
      'suspended',
      { kind: 'temporary', reason: '事実確認のため', startsOn: TODAY, endsOn: null } as never,
      NOW,
    );
    const acquiring = stub.acquire(another.profileId, NOW);
    const [purged, acquired] = await Promise.all([purging, acquiring]);
    expect(purged.ok).toBe(true);
    expect(acquired.ok).toBe(false);
    expect(await heldProfiles(agency.id)).toEqual([]);
  });

  it('R-RET-3 a suspension that lands while completeSend() waits on the acquisition leaves no live conversation', async () => {
    await setClock(jst(TODAY, '10:00'));
    const agency = await admittedAgency();
    const seeker = await jobseeker();
    const key = sendKey('race-complete');
    const body = 'はじめまして。事務職の求人をご紹介できます。';
    const stub = agencyObject(agency.id);
    const r = await stub.reserveSend({ key, kind: 'first_contact', profileId: seeker.profileId, body }, NOW);
    if (!r.ok || r.state !== 'reserved') throw new Error('reservation failed');
    const delivered = await env.SEEKER.get(env.SEEKER.idFromName(seeker.profileId)).deliver(
      {
        kind: 'first_contact',
        profileId: seeker.profileId,
        agencyId: r.agencyId,
        agencyName: r.agencyName,
        key,
        body,
        mandatoryInformation: r.mandatoryInformation!,
      },
      NOW,
    );
    if (!delivered.ok) throw new Error('delivery failed');
    // completeSend() and the suspension race: whichever runs first, no acquisition and no live conversation remain.
    const completing = stub.completeSend(
      key,
      { conversationId: delivered.conversationId, profileId: seeker.profileId, message: delivered.message },
      NOW,
    );
    const purging = stub.setStatus(
      'suspended',
      { kind: 'temporary', reason: '事実確認のため', startsOn: TODAY, endsOn: null } as never,
      NOW,
    );
    await Promise.all([completing, purging]);
    expect(await heldProfiles(agency.id)).toEqual([]);
    await runInDurableObject(stub, async (_obj, state) => {
      const live = state.storage.sql.exec("SELECT id FROM msg_conversations WHERE state != 'revoked'").toArray();
      expect(live).toEqual([]);
    });
    const thread = await api('GET', `/v1/seeker/conversations/${delivered.conversationId}`, { token: seeker.token });
    expect(thread.body.conversation?.state ?? thread.body.state).toBe('closed');
  });
});
