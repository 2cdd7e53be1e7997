/**
 * Bug A: a block after a deletion request. The conversation must become `blocked` (not stay
 * `closed`), the agency must get its `block` event, and the block must record when the agency's
 * extension confirmed, so the jobseeker's ブロック tab does not wait for ever.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { admittedAgency, api, jst, setClock } from './helpers';
import { eventsOf, jobseeker, openConversation, type Agency, type Seeker } from './messaging-fixtures';

const ack = (agency: { token: string }, eventId: string, deletedAt: string) =>
  api('POST', `/v1/agency/events/${eventId}/ack`, { token: agency.token, body: { deletedAt, deletedRecords: 0 } });

describe('bug A: blocking an agency after asking it to delete', () => {
  let agency: Agency;
  let seeker: Seeker;
  let id: string;
  beforeAll(async () => {
    await setClock(jst('2026-11-27', '10:00'));
    agency = await admittedAgency();
    seeker = await jobseeker();
    id = await openConversation(agency, seeker);
    expect((await api('POST', '/v1/seeker/deletion-requests', { token: seeker.token, body: { agencyId: agency.id } })).status).toBe(201);
    const [deletion] = await eventsOf(agency, 'deletion_request');
    expect((await ack(agency, deletion.id, '2026-11-27T01:05:00.000Z')).status).toBe(200);
    await setClock(jst('2026-11-27', '11:00'));
    expect((await api('PUT', `/v1/seeker/blocks/${agency.id}`, { token: seeker.token })).status).toBe(200);
  });

  it('R-BLOCK-1 marks the conversation closed by the deletion request as blocked, so the popup no longer offers to block', async () => {
    const mine = (await api('GET', `/v1/seeker/conversations/${id}`, { token: seeker.token })).body;
    expect(mine.conversation.state).toBe('blocked');
    expect(mine.messages.at(-1)).toMatchObject({ from: 'system', notice: 'blocked' });
    const inbox = (await api('GET', '/v1/seeker/conversations', { token: seeker.token })).body.items;
    expect(inbox.find((c: { id: string }) => c.id === id).state).toBe('blocked');
  });

  it('R-BLOCK-2 gives the agency its block event, and the block records when the extension confirmed', async () => {
    const [event, ...more] = await eventsOf(agency, 'block');
    expect(more).toEqual([]);
    expect(event).toMatchObject({ rule: 'R-BLOCK-2', profileId: seeker.profileId });
    let blocks = (await api('GET', '/v1/seeker/blocks', { token: seeker.token })).body.items;
    expect(blocks[0]).toMatchObject({ agencyId: agency.id, agencyDeletedAt: null });
    await setClock(jst('2026-11-27', '11:30'));
    expect((await ack(agency, event.id, '2026-11-27T02:30:00.000Z')).status).toBe(200);
    await setClock(jst('2026-11-27', '11:00'));
    blocks = (await api('GET', '/v1/seeker/blocks', { token: seeker.token })).body.items;
    expect(blocks[0]).toMatchObject({ agencyId: agency.id, agencyDeletedAt: '2026-11-27T02:30:00.000Z' });
  });

  it('R-BLOCK-2 a block of an agency that never held anything has nothing to wait for, and tells that agency nothing', async () => {
    const stranger = await admittedAgency();
    const res = await api('PUT', `/v1/seeker/blocks/${stranger.id}`, { token: seeker.token });
    expect(res.status).toBe(200);
    expect(res.body.agencyDeletedAt).toBe('2026-11-27T02:00:00.000Z');
    expect(await eventsOf(stranger, 'block')).toEqual([]);
  });
});
