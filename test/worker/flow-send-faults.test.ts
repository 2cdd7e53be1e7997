import { env, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { admittedAgency, api, jst, setClock } from './helpers';
import { agencyObject, firstContact, jobseeker, sendKey } from './messaging-fixtures';

/** The send flow stopped after some of its steps (the object failed or was unreachable): what a crash leaves. */
async function ageThePendingKey(agencyId: string, key: string) {
  // A pending key counts as lost after a minute of wall-clock time; move its reservation back instead of waiting.
  await runInDurableObject(env.AGENCY.get(env.AGENCY.idFromName(agencyId)), async (_obj, state) => {
    state.storage.sql.exec('UPDATE msg_sends SET reserved_wall = reserved_wall - 61000 WHERE key = ?', key);
  });
}

async function used(token: string): Promise<number> {
  return (await api('GET', '/v1/agency/quota', { token })).body.used as number;
}

describe('the send flow converges when a step fails (R-CAP-1, R-CAP-2, R-RET-1)', () => {
  it('R-CAP-2 a first contact lost after the reservation is delivered once by the retry, counted once', async () => {
    await setClock(jst('2026-11-27', '10:00'));
    const agency = await admittedAgency();
    const seeker = await jobseeker();
    const key = sendKey('fault-reserve');
    const body = 'はじめまして。介護職の求人をご紹介できます。';
    const now = Date.parse(jst('2026-11-27', '10:00'));
    // Step 1 only: reserved (counted), then the flow stopped.
    expect((await agencyObject(agency.id).reserveSend({ key, kind: 'first_contact', profileId: seeker.profileId, body }, now)).ok).toBe(
      true,
    );
    const early = await firstContact(agency, seeker.profileId, body, key);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('send_in_progress');
    await ageThePendingKey(agency.id, key);
    const retried = await firstContact(agency, seeker.profileId, body, key);
    expect(retried.status).toBe(201);
    expect(await used(agency.token)).toBe(1);
    const inbox = await api('GET', '/v1/seeker/conversations', { token: seeker.token });
    expect(inbox.body.items).toHaveLength(1);
  });

  it('R-CAP-2 R-RET-1 a first contact delivered but not completed is completed by the retry: counted once, in the inbox, acquired', async () => {
    await setClock(jst('2026-11-27', '10:00'));
    const agency = await admittedAgency();
    const seeker = await jobseeker();
    const key = sendKey('fault-deliver');
    const body = 'はじめまして。事務職の求人をご紹介できます。';
    const now = Date.parse(jst('2026-11-27', '10:00'));
    // Steps 1 and 2: reserved and delivered at the jobseeker's object, then the flow stopped before completing.
    const r = await agencyObject(agency.id).reserveSend({ key, kind: 'first_contact', profileId: seeker.profileId, body }, now);
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
      now,
    );
    expect(delivered.ok).toBe(true);
    await ageThePendingKey(agency.id, key);
    const retried = await firstContact(agency, seeker.profileId, body, key);
    expect(retried.status).toBe(201);
    expect(retried.body.replayed).toBe(true);
    // No count lost (it went out once) and none doubled.
    expect(await used(agency.token)).toBe(1);
    // The agency's side is complete: the conversation is in its inbox and the profile acquired.
    const inbox = await api('GET', '/v1/agency/conversations', { token: agency.token });
    expect(inbox.body.items.map((c: { id: string }) => c.id)).toEqual([retried.body.conversationId]);
    expect((await agencyObject(agency.id).acquisitionOf(seeker.profileId))?.state).toBe('held');
    // And a later retry is a plain replay.
    const again = await firstContact(agency, seeker.profileId, body, key);
    expect(again.status).toBe(201);
    expect(await used(agency.token)).toBe(1);
    const thread = await api('GET', `/v1/seeker/conversations/${retried.body.conversationId}`, { token: seeker.token });
    expect(thread.body.messages.filter((m: { from: string }) => m.from === 'agency')).toHaveLength(1);
  });
});
