import { beforeAll, describe, expect, it } from 'vitest';
import { admittedAgency, api, jst, setClock } from './helpers';
import { eventsOf, firstContact, jobseeker, openConversation, reply, seekerWrites, type Agency, type Seeker } from './messaging-fixtures';

beforeAll(async () => {
  await setClock(jst('2026-11-27', '10:00'));
});

const search = (agency: { token: string }, q: string) => api('GET', `/v1/agency/feed?q=${encodeURIComponent(q)}`, { token: agency.token });
const ack = (agency: { token: string }, eventId: string) =>
  api('POST', `/v1/agency/events/${eventId}/ack`, {
    token: agency.token,
    body: { deletedAt: '2026-11-27T01:00:00.000Z', deletedRecords: 2 },
  });

describe('blocking (R-BLOCK-1..3, R-FEED-4)', () => {
  it('R-BLOCK-1 never delivers any of 200 sends racing a block after the block', async () => {
    const agency = await admittedAgency();
    const seeker = await jobseeker();
    const id = await openConversation(agency, seeker);
    const sends = Array.from({ length: 200 }, (_, i) => reply(agency, id, `ご案内 ${i}`));
    const blocked = api('PUT', `/v1/seeker/blocks/${agency.id}`, { token: seeker.token });
    const results = await Promise.all(sends);
    expect((await blocked).status).toBe(200);

    const delivered = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status !== 201);
    expect(delivered.length + refused.length).toBe(200);
    for (const r of refused) expect(r.body.code).toBe('blocked_by_recipient');
    for (const r of refused) expect(r.status).toBe(403);

    const thread = (await api('GET', `/v1/seeker/conversations/${id}`, { token: seeker.token })).body;
    const blockAt = thread.messages.findIndex((m: { notice?: string }) => m.notice === 'blocked');
    expect(blockAt).toBeGreaterThan(0);
    const agencyAfterBlock = thread.messages.slice(blockAt).filter((m: { from: string }) => m.from === 'agency');
    expect(agencyAfterBlock).toEqual([]);
    const replies = thread.messages
      .filter((m: { from: string; kind: string }) => m.from === 'agency' && m.kind === 'reply')
      .map((m: { id: string }) => m.id);
    expect(replies.sort()).toEqual(delivered.map((r) => r.body.message.id).sort());
    // Refused sends were not counted: one first contact plus what was delivered.
    expect((await api('GET', '/v1/agency/quota', { token: agency.token })).body.used).toBe(1 + delivered.length);
    const late = await reply(agency, id, 'まだ届きますか');
    expect(late.status).toBe(403);
    expect(late.body.code).toBe('blocked_by_recipient');
    expect(late.body.detail).toMatch(/ブロック/);
  }, 60_000);

  describe('after a block', () => {
    const TAG = `遮断${Math.floor(Math.random() * 1e6)}`;
    let agency: Agency;
    let seeker: Seeker;
    let id: string;
    beforeAll(async () => {
      agency = await admittedAgency();
      seeker = await jobseeker(`${TAG} 事務職を希望します。`);
      id = await openConversation(agency, seeker);
      expect((await search(agency, TAG)).body.items.map((p: { id: string }) => p.id)).toEqual([seeker.profileId]);
      const res = await api('PUT', `/v1/seeker/blocks/${agency.id}`, { token: seeker.token });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ agencyId: agency.id, blockedAt: '2026-11-27T01:00:00.000Z', agencyDeletedAt: null });
    });

    it('R-BLOCK-2 tells the agency to delete, and removes its access to the profile and the conversation', async () => {
      const [event] = await eventsOf(agency, 'block');
      expect(event).toMatchObject({
        type: 'block',
        rule: 'R-BLOCK-2',
        profileId: seeker.profileId,
        conversationId: id,
        details: { blockedAt: '2026-11-27T01:00:00.000Z' },
        ackedAt: null,
      });
      expect((await api('GET', '/v1/agency/conversations', { token: agency.token })).body.items).toEqual([]);
      const thread = await api('GET', `/v1/agency/conversations/${id}`, { token: agency.token });
      expect(thread.status).toBe(403);
      expect(thread.body.code).toBe('blocked_by_recipient');
      const acquisitions = (await api('GET', '/v1/agency/acquisitions', { token: agency.token })).body.items;
      expect(acquisitions.find((a: { profileId: string }) => a.profileId === seeker.profileId)).toMatchObject({
        state: 'deleted',
        deletedRule: 'R-BLOCK-2',
      });
      expect((await firstContact(agency, seeker.profileId)).body.code).toBe('blocked_by_recipient');
    });

    it("R-FEED-4 hides the jobseeker from the blocked agency's search and profile view only", async () => {
      expect((await search(agency, TAG)).body.items).toEqual([]);
      const opened = await api('GET', `/v1/agency/feed/${seeker.profileId}`, { token: agency.token });
      expect(opened.status).toBe(410); // its earlier acquisition was deleted by the block (R-BLOCK-2)
      expect(opened.body.profile).toBeUndefined();
      const other = await admittedAgency();
      expect((await search(other, TAG)).body.items.map((p: { id: string }) => p.id)).toEqual([seeker.profileId]);
    });

    it("R-BLOCK-2 tells the jobseeker when the agency's extension confirmed the deletion; a block is idempotent", async () => {
      const again = await api('PUT', `/v1/seeker/blocks/${agency.id}`, { token: seeker.token });
      expect(again.body.blockedAt).toBe('2026-11-27T01:00:00.000Z');
      const events = await eventsOf(agency, 'block');
      expect(events).toHaveLength(1);
      expect((await ack(agency, events[0].id)).status).toBe(200);
      await ack(agency, events[0].id);
      const blocks = (await api('GET', '/v1/seeker/blocks', { token: seeker.token })).body.items;
      expect(blocks).toEqual([
        {
          agencyId: agency.id,
          agencyName: expect.any(String),
          blockedAt: '2026-11-27T01:00:00.000Z',
          agencyDeletedAt: '2026-11-27T01:00:00.000Z',
        },
      ]);
      const thread = (await api('GET', `/v1/seeker/conversations/${id}`, { token: seeker.token })).body;
      expect(thread.conversation.state).toBe('blocked');
      expect(thread.messages.filter((m: { notice?: string }) => m.notice === 'deleted_after_block')).toHaveLength(1);
      expect((await seekerWrites(seeker, id)).body.code).toBe('conversation_blocked');
    });

    it('R-BLOCK-3 lifts the block: the agency finds and may contact the jobseeker anew but does not regain earlier data', async () => {
      expect((await api('DELETE', `/v1/seeker/blocks/${agency.id}`, { token: seeker.token })).status).toBe(204);
      expect((await api('GET', '/v1/seeker/blocks', { token: seeker.token })).body.items).toEqual([]);
      expect((await search(agency, TAG)).body.items.map((p: { id: string }) => p.id)).toEqual([seeker.profileId]);
      const old = await api('GET', `/v1/agency/conversations/${id}`, { token: agency.token });
      expect(old.status).toBe(410);
      expect(old.body).toMatchObject({ code: 'data_deleted', rule: 'R-BLOCK-3' });
      expect((await reply(agency, id)).status).toBe(410);

      const fresh = await firstContact(agency, seeker.profileId, 'あらためてご連絡いたします。');
      expect(fresh.status).toBe(201);
      expect(fresh.body.conversationId).not.toBe(id);
      const thread = await api('GET', `/v1/agency/conversations/${fresh.body.conversationId}`, { token: agency.token });
      expect(thread.body.messages.map((m: { body: string }) => m.body)).toEqual(['あらためてご連絡いたします。']);
      const inbox = (await api('GET', '/v1/agency/conversations', { token: agency.token })).body.items.map((c: { id: string }) => c.id);
      expect(inbox).toEqual([fresh.body.conversationId]);
      const seekerInbox = (await api('GET', '/v1/seeker/conversations', { token: seeker.token })).body.items;
      expect(seekerInbox.map((c: { id: string; state: string }) => `${c.id}:${c.state}`).sort()).toEqual(
        [`${fresh.body.conversationId}:awaiting_seeker`, `${id}:closed`].sort(),
      );
    });
  });

  it('R-BLOCK-1 blocks an agency that never wrote: its first contact is refused and nothing is held', async () => {
    const agency = await admittedAgency();
    const seeker = await jobseeker();
    expect((await api('PUT', `/v1/seeker/blocks/${agency.id}`, { token: seeker.token })).status).toBe(200);
    const res = await firstContact(agency, seeker.profileId);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('blocked_by_recipient');
    expect(await eventsOf(agency, 'block')).toEqual([]);
    expect((await api('PUT', '/v1/seeker/blocks/A0000000000', { token: seeker.token })).status).toBe(404);
  });
});

describe('deletion requests (R-DEL-1, R-DEL-2)', () => {
  let agency: Agency;
  let seeker: Seeker;
  let id: string;
  let requestId: string;
  beforeAll(async () => {
    agency = await admittedAgency();
    seeker = await jobseeker();
    id = await openConversation(agency, seeker);
  });

  it("R-DEL-1 deletes the agency's worker-side copy at once and tells its extension", async () => {
    const res = await api('POST', '/v1/seeker/deletion-requests', { token: seeker.token, body: { agencyId: agency.id } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      agencyId: agency.id,
      state: 'requested',
      agencyHeldData: true,
      requestedAt: '2026-11-27T01:00:00.000Z',
      serverDeletedAt: '2026-11-27T01:00:00.000Z',
      agencyDeletedAt: null,
      completedAt: null,
    });
    requestId = res.body.id;
    const again = await api('POST', '/v1/seeker/deletion-requests', { token: seeker.token, body: { agencyId: agency.id } });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(requestId);

    const [event, ...more] = await eventsOf(agency, 'deletion_request');
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      rule: 'R-DEL-1',
      profileId: seeker.profileId,
      conversationId: id,
      details: { requestId, requestedAt: '2026-11-27T01:00:00.000Z' },
    });
    expect((await api('GET', '/v1/agency/conversations', { token: agency.token })).body.items).toEqual([]);
    const thread = await api('GET', `/v1/agency/conversations/${id}`, { token: agency.token });
    expect(thread.status).toBe(410);
    expect(thread.body.code).toBe('data_deleted');
    const acquisitions = (await api('GET', '/v1/agency/acquisitions', { token: agency.token })).body.items;
    expect(acquisitions.find((a: { profileId: string }) => a.profileId === seeker.profileId)).toMatchObject({
      state: 'deleted',
      deletedRule: 'R-DEL-1',
    });
    expect((await api('GET', `/v1/agency/feed/${seeker.profileId}`, { token: agency.token })).status).toBe(410);
    expect((await firstContact(agency, seeker.profileId)).status).toBe(410);
    expect((await reply(agency, id)).status).toBe(410);

    const mine = (await api('GET', `/v1/seeker/conversations/${id}`, { token: seeker.token })).body;
    expect(mine.conversation.state).toBe('closed');
    // R-DEL-2: the request, then at once what was removed on the server and when.
    expect(mine.messages.slice(-2)).toMatchObject([
      { from: 'system', notice: 'deletion_requested' },
      { from: 'system', notice: 'deletion_server_removed' },
    ]);
    expect((await seekerWrites(seeker, id)).status).toBe(410);
  });

  it('R-DEL-2 tells the jobseeker what was deleted and when, once the extension confirms', async () => {
    const [event] = await eventsOf(agency, 'deletion_request');
    await setClock(jst('2026-11-27', '10:30'));
    expect((await ack(agency, event.id)).status).toBe(200);
    expect((await ack(agency, event.id)).body.ackedAt).toBe('2026-11-27T01:30:00.000Z');
    await setClock(jst('2026-11-27', '10:00'));

    const list = (await api('GET', '/v1/seeker/deletion-requests', { token: seeker.token })).body.items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: requestId,
      state: 'deleted',
      serverDeletedAt: '2026-11-27T01:00:00.000Z',
      agencyDeletedAt: '2026-11-27T01:30:00.000Z',
      completedAt: '2026-11-27T01:30:00.000Z',
    });
    expect(list[0].notice).toContain('2026年11月27日 10:00');
    expect(list[0].notice).toContain('2026年11月27日 10:30');
    const thread = (await api('GET', `/v1/seeker/conversations/${id}`, { token: seeker.token })).body;
    const notices = thread.messages.filter((m: { notice?: string }) => m.notice === 'deletion_completed');
    expect(notices).toHaveLength(1);
    expect(notices[0].body).toBe(list[0].notice);
  });

  it('R-DEL-2 answers at once when the agency held nothing, and refuses an unknown agency', async () => {
    const stranger = await admittedAgency();
    const res = await api('POST', '/v1/seeker/deletion-requests', { token: seeker.token, body: { agencyId: stranger.id } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ state: 'deleted', agencyHeldData: false, completedAt: '2026-11-27T01:00:00.000Z' });
    expect(res.body.notice).toMatch(/保有していませんでした/);
    expect(await eventsOf(stranger, 'deletion_request')).toEqual([]);
    const unknown = await api('POST', '/v1/seeker/deletion-requests', { token: seeker.token, body: { agencyId: 'A0000000000' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('agency_not_found');
    expect((await api('POST', '/v1/seeker/deletion-requests', { token: agency.token, body: { agencyId: agency.id } })).status).toBe(403);
  });
});
