/**
 * The deletion-request flow and its notices (R-DEL-1, R-DEL-2): the jobseeker is told at once that
 * the agency's server-side access was removed, again when the agency's extension confirms, and
 * after 24 hours without confirmation that it has not. Every notice goes through the agency's
 * outbox; the faults are real ones: the jobseeker's object loses its notice table for a moment, or
 * the flow stops after one of its steps, and the jobseeker retries the same request.
 */
import { env, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { admittedAgency, api, jst, ministry, setClock } from './helpers';
import { agencyObject, eventsOf, jobseeker, openConversation, signIn, type Agency, type Seeker } from './messaging-fixtures';

const seekerObject = (profileId: string) => env.SEEKER.get(env.SEEKER.idFromName(profileId));
/** A real failure in the jobseeker's object: recording a notice aborts (a trigger) until it is dropped; reading still works. */
const noticesAway = (profileId: string, away: boolean) =>
  runInDurableObject(seekerObject(profileId), async (_obj, state) => {
    state.storage.sql.exec(
      away
        ? "CREATE TRIGGER notices_fail BEFORE INSERT ON deletion_notices BEGIN SELECT RAISE(ABORT, 'injected failure'); END"
        : 'DROP TRIGGER notices_fail',
    );
  });

const ask = (seeker: Seeker, agency: Agency) =>
  api('POST', '/v1/seeker/deletion-requests', { token: seeker.token, body: { agencyId: agency.id } });
const requests = async (seeker: Seeker) => {
  // Sessions end when the clock moves a day: sign in again (the fixture's passphrase).
  const signedIn = await api('POST', '/v1/seeker/sessions', {
    body: { profileId: seeker.profileId, passphrase: 'はるのあさにさくさくらのはな' },
  });
  if (signedIn.status === 201) seeker.token = signedIn.body.token;
  const res = await api('GET', '/v1/seeker/deletion-requests', { token: seeker.token });
  if (res.status !== 200) throw new Error(`deletion requests: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.items as any[];
};
const kinds = (request: { notices?: Array<{ kind: string }> }) => (request.notices ?? []).map((n) => n.kind);
const ackAll = async (agency: Agency) => {
  for (const e of await eventsOf(agency, 'deletion_request')) {
    expect(
      (
        await api('POST', `/v1/agency/events/${e.id}/ack`, {
          token: agency.token,
          body: { deletedAt: new Date().toISOString(), deletedRecords: 2 },
        })
      ).status,
    ).toBe(200);
  }
};

async function pair(): Promise<{ agency: Agency; seeker: Seeker; conversationId: string }> {
  const agency = await admittedAgency();
  const seeker = await jobseeker();
  const conversationId = await openConversation(agency, seeker);
  return { agency, seeker, conversationId };
}

beforeEach(async () => {
  await setClock(jst('2026-11-27', '10:00'));
});

describe('R-DEL-2 the three notices of a deletion request', () => {
  it('R-DEL-2 tells the jobseeker at once that server-side access was removed, then when the extension confirms', async () => {
    const { agency, seeker, conversationId } = await pair();
    const asked = await ask(seeker, agency);
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ state: 'requested', serverDeletedAt: '2026-11-27T01:00:00.000Z' });
    expect(kinds(asked.body)).toEqual(['server_access_removed']);
    expect(asked.body.notices[0].text).toContain('サーバー上の閲覧権限');
    expect(asked.body.notices[0].text).toContain('2026年11月27日');

    await ackAll(agency);
    const [done] = await requests(seeker);
    expect(done).toMatchObject({ state: 'deleted' });
    expect(kinds(done)).toEqual(['server_access_removed', 'agency_confirmed']);
    // The closed conversation shows both, after the request itself.
    const thread = (await api('GET', `/v1/seeker/conversations/${conversationId}`, { token: seeker.token })).body;
    expect(thread.messages.filter((m: { from: string }) => m.from === 'system').map((m: { notice: string }) => m.notice)).toEqual([
      'deletion_requested',
      'deletion_server_removed',
      'deletion_completed',
    ]);
    expect(await agencyObject(agency.id).pendingNotices()).toEqual([]);
  });

  it('R-DEL-2 after 24 hours without confirmation the jobseeker is told, once, and the compliance view lists the agency', async () => {
    const { agency, seeker } = await pair();
    expect((await ask(seeker, agency)).status).toBe(201);
    await setClock(jst('2026-11-28', '10:00')); // exactly 24 hours: not yet
    expect(kinds((await requests(seeker))[0])).toEqual(['server_access_removed']);
    await setClock(jst('2026-11-28', '10:01'));
    const [late] = await requests(seeker);
    expect(kinds(late)).toEqual(['server_access_removed', 'not_confirmed']);
    expect(late.notices[1].text).toContain('24時間');
    const compliance = (await api('GET', '/v1/admin/deletion-compliance', { token: await ministry() })).body;
    const row = compliance.items.find((i: { agencyId: string }) => i.agencyId === agency.id);
    expect(row.overdue).toEqual([expect.objectContaining({ kind: 'deletion_request', rule: 'R-DEL-1', profileId: seeker.profileId })]);
    await setClock(jst('2026-11-28', '11:00')); // the sweep runs again: told once only
    expect(kinds((await requests(seeker))[0])).toEqual(['server_access_removed', 'not_confirmed']);
    // The confirmation, late, still arrives.
    await ackAll(await signIn(agency));
    const [done] = await requests(seeker);
    expect(done.state).toBe('deleted');
    expect(kinds(done)).toEqual(['server_access_removed', 'not_confirmed', 'agency_confirmed']);
  });

  it('R-DEL-2 a notice whose first delivery fails, then arrives', async () => {
    const { agency, seeker } = await pair();
    await noticesAway(seeker.profileId, true);
    const asked = await ask(seeker, agency);
    // The request stands and the agency's access is gone at once, whatever the notice does.
    expect(asked.status).toBe(201);
    expect(asked.body.notices).toEqual([]);
    expect((await api('GET', `/v1/agency/feed/${seeker.profileId}`, { token: agency.token })).status).toBe(410);
    const waiting = await agencyObject(agency.id).pendingNotices();
    expect(waiting).toEqual([
      expect.objectContaining({ profileId: seeker.profileId, attempts: 1, notice: expect.objectContaining({ kind: 'deletion_server' }) }),
    ]);
    // Still failing: the alarm keeps it and backs off.
    expect(await runDurableObjectAlarm(agencyObject(agency.id))).toBe(true);
    expect((await agencyObject(agency.id).pendingNotices())[0]!.attempts).toBe(2);

    await noticesAway(seeker.profileId, false);
    expect(await runDurableObjectAlarm(agencyObject(agency.id))).toBe(true);
    expect(await agencyObject(agency.id).pendingNotices()).toEqual([]);
    const [arrived] = await requests(seeker);
    expect(kinds(arrived)).toEqual(['server_access_removed']);
    // It carries the time the access was removed, not the time it finally arrived.
    expect(arrived.notices[0].at).toBe('2026-11-27T01:00:00.000Z');

    // The confirmation fails the same way, and arrives the same way.
    await noticesAway(seeker.profileId, true);
    await ackAll(agency);
    expect(await agencyObject(agency.id).pendingNotices()).toEqual([
      expect.objectContaining({ notice: expect.objectContaining({ kind: 'deletion_confirmed' }) }),
    ]);
    await noticesAway(seeker.profileId, false);
    expect(await runDurableObjectAlarm(agencyObject(agency.id))).toBe(true);
    const [done] = await requests(seeker);
    expect(done.state).toBe('deleted');
    expect(kinds(done)).toEqual(['server_access_removed', 'agency_confirmed']);
    expect(await runDurableObjectAlarm(agencyObject(agency.id))).toBe(false);
  });
});

describe('the deletion-request flow converges when a step fails (R-DEL-1, R-DEL-2)', () => {
  it("R-DEL-1 the flow stopped after the jobseeker's object: the retry removes the access and tells the jobseeker once", async () => {
    const { agency, seeker } = await pair();
    const now = Date.parse(jst('2026-11-27', '10:00'));
    // Step 1 only: the jobseeker's object recorded the request, the agency's object was never reached.
    const first = await seekerObject(seeker.profileId).requestDeletion(agency.id, 'テスト', now);
    expect((await api('GET', `/v1/agency/feed/${seeker.profileId}`, { token: agency.token })).status).toBe(200);
    const retried = await ask(seeker, agency);
    expect(retried.status).toBe(200); // the same request, not a new one
    expect(retried.body.id).toBe(first.request.id);
    expect(kinds(retried.body)).toEqual(['server_access_removed']);
    expect((await api('GET', `/v1/agency/feed/${seeker.profileId}`, { token: agency.token })).status).toBe(410);
    expect(await eventsOf(agency, 'deletion_request')).toHaveLength(1);
  });

  it("R-DEL-2 the flow stopped after the agency's object with the notice undelivered: the retry delivers it, once", async () => {
    const { agency, seeker } = await pair();
    const now = Date.parse(jst('2026-11-27', '10:00'));
    // Steps 1 and 2, the notice failing on the way (the jobseeker's object was down).
    const first = await seekerObject(seeker.profileId).requestDeletion(agency.id, 'テスト', now);
    await noticesAway(seeker.profileId, true);
    await agencyObject(agency.id).deletionRequested(seeker.profileId, first.request.id, first.conversationIds, now, now);
    expect(await agencyObject(agency.id).pendingNotices()).toHaveLength(1);
    await noticesAway(seeker.profileId, false);
    const retried = await ask(seeker, agency);
    expect(retried.status).toBe(200);
    expect(kinds(retried.body)).toEqual(['server_access_removed']);
    expect(await agencyObject(agency.id).pendingNotices()).toEqual([]);
    // A further retry changes nothing: one event, one notice.
    expect(kinds((await ask(seeker, agency)).body)).toEqual(['server_access_removed']);
    expect(await eventsOf(agency, 'deletion_request')).toHaveLength(1);
    await ackAll(agency);
    expect(kinds((await requests(seeker))[0])).toEqual(['server_access_removed', 'agency_confirmed']);
  });

  it("R-DEL-1 the agency's object fails mid-way: nothing half-done there, and the retry finishes the request", async () => {
    const { agency, seeker } = await pair();
    const agencyFails = (on: boolean) =>
      runInDurableObject(agencyObject(agency.id), async (_obj, state) => {
        state.storage.sql.exec(
          on
            ? "CREATE TRIGGER events_fail BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'injected failure'); END"
            : 'DROP TRIGGER events_fail',
        );
      });
    await agencyFails(true);
    const failed = await ask(seeker, agency);
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(failed.body.code).toBe('internal_error');
    // The agency's step rolled back as a whole: access kept, nothing queued.
    expect((await api('GET', `/v1/agency/feed/${seeker.profileId}`, { token: agency.token })).status).toBe(200);
    expect(await agencyObject(agency.id).pendingNotices()).toEqual([]);
    await agencyFails(false);
    const retried = await ask(seeker, agency);
    expect(retried.status).toBe(200);
    expect(kinds(retried.body)).toEqual(['server_access_removed']);
    expect((await api('GET', `/v1/agency/feed/${seeker.profileId}`, { token: agency.token })).status).toBe(410);
    await ackAll(agency);
    expect(kinds((await requests(seeker))[0])).toEqual(['server_access_removed', 'agency_confirmed']);
  });
});
