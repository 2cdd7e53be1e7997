/**
 * R-ORG-2: every send, opening, acceptance and acknowledgement records the seat that did it, and
 * the organisation sees who did what (the thread names the sender of each of its messages, the
 * events name who confirmed a deletion). The jobseeker never sees the organisation's staff.
 */
import { runInDurableObject } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { admittedAgency, api, jst, setClock, unique } from './helpers';
import { agencyObject, eventsOf, firstContact, jobseeker, reply, seekerWrites } from './messaging-fixtures';

const PASSWORD = 'seat-password-0001';

beforeAll(async () => {
  await setClock(jst('2026-12-03', '10:00'));
});

describe('R-ORG-2 who did what', () => {
  it('R-ORG-2 openings, sends, acceptances and acknowledgements record the seat; the thread and the events name it', async () => {
    const liaison = await admittedAgency();
    const email = `${unique('seat')}@agency.example.jp`;
    const added = await api('POST', '/v1/agency/seats', { token: liaison.token, body: { name: '佐藤 花子', email, password: PASSWORD } });
    const seat = {
      id: added.body.id as string,
      token: (await api('POST', '/v1/agency/sessions', { body: { email, password: PASSWORD } })).body.token as string,
    };
    const seeker = await jobseeker();

    // The seat opens the profile: counted as its opening today.
    expect((await api('GET', `/v1/agency/feed/${seeker.profileId}`, { token: seat.token })).status).toBe(200);
    const today = async () =>
      new Map(
        (
          (await api('GET', '/v1/agency/seats', { token: liaison.token })).body.items as Array<{
            id: string;
            today: { sends: number; openings: number };
          }>
        ).map((s) => [s.id, s.today]),
      );
    expect((await today()).get(seat.id)).toEqual({ sends: 0, openings: 1 });
    expect((await today()).get(liaison.id)).toEqual({ sends: 0, openings: 0 });

    // The seat writes first; the liaison officer answers after the jobseeker wrote.
    const first = await firstContact(seat, seeker.profileId);
    expect(first.status).toBe(201);
    expect(first.body.message.sentBy).toEqual({ id: seat.id, name: '佐藤 花子' });
    // The answer's quota names who sent today's messages, like GET /v1/agency/quota.
    expect(first.body.quota.bySeat).toEqual([{ seat: { id: seat.id, name: '佐藤 花子' }, used: 1 }]);
    const conversationId = first.body.conversationId as string;
    expect((await seekerWrites(seeker, conversationId)).status).toBe(201);
    const answer = await reply(liaison, conversationId);
    expect(answer.status).toBe(201);

    const thread = await api('GET', `/v1/agency/conversations/${conversationId}`, { token: liaison.token });
    const senders = (thread.body.messages as Array<{ from: string; sentBy?: { id: string } }>).map((m) => [m.from, m.sentBy?.id ?? null]);
    expect(senders).toEqual([
      ['agency', seat.id],
      ['seeker', null],
      ['agency', liaison.id],
    ]);
    expect((await today()).get(seat.id)).toEqual({ sends: 1, openings: 1 });
    expect((await today()).get(liaison.id)).toEqual({ sends: 1, openings: 0 });
    // The jobseeker's view of the same thread names the organisation only.
    const theirs = await api('GET', `/v1/seeker/conversations/${conversationId}`, { token: seeker.token });
    expect(theirs.status).toBe(200);
    expect(JSON.stringify(theirs.body)).not.toContain('sentBy');
    expect(JSON.stringify(theirs.body)).not.toContain('佐藤');

    // The seat records 求職受理.
    const accepted = await api('POST', '/v1/agency/acceptances', {
      token: seat.token,
      body: { profileId: seeker.profileId, acceptedOn: '2026-12-03', fees: { kind: 'explained', explainedOn: '2026-12-03' } },
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const recorded = await runInDurableObject(agencyObject(liaison.id), async (_o, state) =>
      state.storage.sql
        .exec<{ seat_id: string; action: string }>(
          "SELECT seat_id, action FROM seat_actions WHERE action IN ('opening', 'acceptance') ORDER BY seq",
        )
        .toArray(),
    );
    expect(recorded.map((r) => ({ ...r }))).toEqual([
      { seat_id: seat.id, action: 'opening' },
      { seat_id: seat.id, action: 'acceptance' },
    ]);

    // The jobseeker blocks the organisation; the seat's extension confirms the deletion, once.
    expect((await api('PUT', `/v1/seeker/blocks/${liaison.id}`, { token: seeker.token })).status).toBe(200);
    const [block] = await eventsOf(liaison, 'block');
    expect(block.ackedBy).toBeUndefined();
    const ack = (token: string) =>
      api('POST', `/v1/agency/events/${block.id}/ack`, { token, body: { deletedAt: '2026-12-03T01:05:00.000Z', deletedRecords: 2 } });
    expect((await ack(seat.token)).status).toBe(200);
    expect((await ack(liaison.token)).status).toBe(200);
    const [after] = await eventsOf(liaison, 'block');
    expect(after.ackedBy).toEqual({ id: seat.id, name: '佐藤 花子' });
  });
});
