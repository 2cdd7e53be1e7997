/**
 * Transparency (R-RET-*, R-DEL-*, R-BLOCK-2): the jobseeker's list of who holds their data, and the bureau's figures
 * of who deletes on time, driven through HTTP along one timeline with the worker's clock.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DataHoldersSchema, DeletionComplianceSchema } from '../../shared/schemas';
import { agencyIn, eventsOf, type Agency } from './bureau-helpers';
import { api, bureau, jst, loadRows, ministry, profileRow, setClock, signInAgency } from './helpers';
import { agencyObject, firstContact, jobseeker, reply, seekerWrites, type Seeker } from './messaging-fixtures';

const PASSPHRASE = 'はるのあさにさくさくらのはな';

let A: Agency; // opens S, writes to S (R-RET-1 expiry ends the conversation)
let B: Agency; // opens S and accepts the application (R-RET-2); opens T
let G: Agency; // prefecture 46: opens S, then is suspended (R-RET-3)
let C: Agency; // prefecture 47: opens U, blocked by U (R-BLOCK-2)
let D: Agency; // prefecture 47: opens U, asked by U to delete (R-DEL-1)
let E: Agency; // prefecture 47: opens four profiles that expire (R-RET-1)
let S: Seeker;
let T: Seeker;
let U: Seeker;
let conversationId: string;
let eProfiles: string[] = [];

/** Moves the clock and signs everyone in again (sessions end after 4 idle hours). */
async function moveTo(at: string): Promise<void> {
  await setClock(at);
  for (const a of [A, B, G, C, D, E]) a.token = await signInAgency(a);
  for (const s of [S, T, U]) {
    const res = await api('POST', '/v1/seeker/sessions', { body: { profileId: s.profileId, passphrase: PASSPHRASE } });
    expect(res.status).toBe(201);
    s.token = res.body.token;
  }
}

async function holders(seeker: Seeker) {
  const res = await api('GET', '/v1/seeker/data-holders', { token: seeker.token });
  expect(res.status).toBe(200);
  return DataHoldersSchema.parse(res.body);
}

async function holderOf(seeker: Seeker, agency: Agency) {
  return (await holders(seeker)).items.find((h) => h.agencyId === agency.id);
}

async function compliance(token: string, query = '') {
  const res = await api('GET', `/v1/admin/deletion-compliance${query}`, { token });
  expect(res.status).toBe(200);
  return DeletionComplianceSchema.parse(res.body);
}

function ack(agency: Agency, eventId: string) {
  return api('POST', `/v1/agency/events/${eventId}/ack`, {
    token: agency.token,
    body: { deletedAt: '2026-11-27T01:00:00.000Z', deletedRecords: 1 },
  });
}

const open = (agency: Agency, profileId: string) => api('GET', `/v1/agency/feed/${profileId}`, { token: agency.token });

beforeAll(async () => {
  await setClock(jst('2026-11-27', '10:00'));
  [A, B, G, C, D, E] = await Promise.all([agencyIn('13'), agencyIn('13'), agencyIn('46'), agencyIn('47'), agencyIn('47'), agencyIn('47')]);
  S = await jobseeker();
  T = await jobseeker();
  U = await jobseeker();
}, 60_000);

describe('GET /v1/seeker/data-holders and GET /v1/admin/deletion-compliance', () => {
  it('R-RET-1 R-RET-2 lists every agency that acquired the profile, with the acquisition date, 求職受理 and the deadline that applies', async () => {
    expect((await holders(S)).items).toEqual([]);
    expect((await open(A, S.profileId)).status).toBe(200);
    const first = await firstContact(A, S.profileId);
    expect(first.status).toBe(201);
    conversationId = first.body.conversationId;
    expect((await seekerWrites(S, conversationId)).status).toBe(201);
    expect((await open(B, S.profileId)).status).toBe(200);
    expect(
      (
        await api('POST', '/v1/agency/acceptances', {
          token: B.token,
          body: { profileId: S.profileId, acceptedOn: '2026-11-27', fees: { kind: 'none_charged' } },
        })
      ).status,
    ).toBe(200);
    expect((await open(B, T.profileId)).status).toBe(200);
    expect((await open(G, S.profileId)).status).toBe(200);

    const list = await holders(S);
    expect(list.profileId).toBe(S.profileId);
    expect(list.asOf).toBe('2026-11-27T01:00:00.000Z');
    expect(list.items.map((h) => h.agencyId).sort()).toEqual([A.id, B.id, G.id].sort());
    const held = { state: 'held', rule: null, deletedAt: null, extensionDeletedAt: null };
    expect(list.items.find((h) => h.agencyId === A.id)).toMatchObject({
      agencyStatus: 'active',
      firstAcquiredOn: '2026-11-27',
      acquiredOn: '2026-11-27',
      acceptedOn: null,
      retentionDeadline: '2027-01-31',
      copy: held,
      block: null,
      deletionRequest: null,
    });
    expect(list.items.find((h) => h.agencyId === B.id)).toMatchObject({
      acquiredOn: '2026-11-27',
      acceptedOn: '2026-11-27',
      retentionDeadline: '2028-03-31',
      copy: held,
    });
    expect(list.items.find((h) => h.agencyId === A.id)?.agencyName).toMatch(/^テスト人材/);
  });

  it('R-SEC-2 a jobseeker sees only their own holders, whatever the request names', async () => {
    const own = await holders(T);
    expect(own.profileId).toBe(T.profileId);
    expect(own.items.map((h) => h.agencyId)).toEqual([B.id]);
    expect(own.items[0]).toMatchObject({ acceptedOn: null, retentionDeadline: '2027-01-31' });
    const probing = await api('GET', `/v1/seeker/data-holders?profileId=${S.profileId}`, { token: T.token });
    expect(probing.body.profileId).toBe(T.profileId);
    expect(probing.body.items.map((h: { agencyId: string }) => h.agencyId)).toEqual([B.id]);
    expect((await api('GET', '/v1/seeker/data-holders', { token: A.token })).body.code).toBe('wrong_role');
    const anonymous = await api('GET', '/v1/seeker/data-holders');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
  });

  it('R-RET-3 shows the copy of an agency that stopped using the service as deleted, with the rule and the time', async () => {
    const suspended = await api('POST', `/v1/admin/agencies/${G.id}/suspensions`, {
      token: await ministry(),
      body: { kind: 'temporary', reason: '事実確認のため' },
    });
    expect(suspended.status).toBe(200);
    expect(await holderOf(S, G)).toMatchObject({
      agencyStatus: 'suspended',
      acquiredOn: '2026-11-27',
      copy: { state: 'deleted', rule: 'R-RET-3', deletedAt: '2026-11-27T01:00:00.000Z', extensionDeletedAt: null },
    });
  });

  it("R-BLOCK-2 R-DEL-1 show a block and a deletion request with when the agency's extension confirmed the deletion", async () => {
    expect((await open(C, U.profileId)).status).toBe(200);
    expect((await open(D, U.profileId)).status).toBe(200);
    expect((await api('PUT', `/v1/seeker/blocks/${C.id}`, { token: U.token })).status).toBe(200);
    expect((await api('POST', '/v1/seeker/deletion-requests', { token: U.token, body: { agencyId: D.id } })).status).toBe(201);

    expect(await holderOf(U, C)).toMatchObject({
      copy: { state: 'deleted', rule: 'R-BLOCK-2', deletedAt: '2026-11-27T01:00:00.000Z', extensionDeletedAt: null },
      block: { blockedAt: '2026-11-27T01:00:00.000Z', agencyDeletedAt: null },
      deletionRequest: null,
    });
    expect(await holderOf(U, D)).toMatchObject({
      copy: { state: 'deleted', rule: 'R-DEL-1', deletedAt: '2026-11-27T01:00:00.000Z', extensionDeletedAt: null },
      block: null,
      deletionRequest: {
        state: 'requested',
        requestedAt: '2026-11-27T01:00:00.000Z',
        serverDeletedAt: '2026-11-27T01:00:00.000Z',
        agencyDeletedAt: null,
      },
    });

    expect((await ack(C, (await eventsOf(C)).find((e) => e.type === 'block')!.id)).status).toBe(200);
    expect((await ack(D, (await eventsOf(D)).find((e) => e.type === 'deletion_request')!.id)).status).toBe(200);
    expect(await holderOf(U, C)).toMatchObject({
      copy: { extensionDeletedAt: '2026-11-27T01:00:00.000Z' },
      block: { agencyDeletedAt: '2026-11-27T01:00:00.000Z' },
    });
    expect(await holderOf(U, D)).toMatchObject({
      copy: { extensionDeletedAt: '2026-11-27T01:00:00.000Z' },
      deletionRequest: { state: 'deleted', agencyDeletedAt: '2026-11-27T01:00:00.000Z' },
    });

    // R-BLOCK-3: lifting the block removes the acquisition row, but the agency stays listed as having deleted it.
    expect((await api('DELETE', `/v1/seeker/blocks/${C.id}`, { token: U.token })).status).toBe(204);
    expect(await holderOf(U, C)).toMatchObject({
      firstAcquiredOn: '2026-11-27',
      acquiredOn: null,
      retentionDeadline: null,
      block: null,
      copy: { state: 'deleted', rule: 'R-BLOCK-2', deletedAt: '2026-11-27T01:00:00.000Z', extensionDeletedAt: '2026-11-27T01:00:00.000Z' },
    });

    // E acquires four profiles that nobody accepts (R-RET-1, for the compliance figures below).
    eProfiles = (await loadRows(Array.from({ length: 4 }, () => profileRow()))).body.results.map((r: { id: string }) => r.id);
    for (const id of eProfiles) expect((await open(E, id)).status).toBe(200);
  });

  it('R-RET-1 keeps listing the copy as held through the deadline day', async () => {
    await moveTo(jst('2027-01-31', '10:00'));
    expect(await holderOf(S, A)).toMatchObject({ retentionDeadline: '2027-01-31', copy: { state: 'held' } });
  });

  it('R-RET-1 lists the copy as deleted the day after the deadline, and the agency loses the conversation with that jobseeker too', async () => {
    await moveTo(jst('2027-02-01', '10:00')); // the clock move runs the retention sweep
    expect(await holderOf(S, A)).toMatchObject({
      acquiredOn: '2026-11-27',
      retentionDeadline: '2027-01-31',
      copy: { state: 'deleted', rule: 'R-RET-1', deletedAt: '2027-02-01T01:00:00.000Z', extensionDeletedAt: null },
    });
    expect(await holderOf(S, B)).toMatchObject({ retentionDeadline: '2028-03-31', copy: { state: 'held' } });
    expect(await holderOf(T, B)).toMatchObject({ copy: { state: 'deleted', rule: 'R-RET-1' } });

    // The agency's access to the conversation is gone, as after a deletion request.
    const expiry = (await eventsOf(A)).find((e) => e.type === 'retention_expired') as
      { profileId?: string; conversationId?: string } | undefined;
    expect(expiry).toMatchObject({ profileId: S.profileId, conversationId });
    expect((await api('GET', '/v1/agency/conversations', { token: A.token })).body.items).toEqual([]);
    const late = await reply(A, conversationId);
    expect(late.status).toBe(410);
    expect(late.body).toMatchObject({ code: 'data_deleted', rule: 'R-RET-1' });
    expect((await api('GET', `/v1/agency/conversations/${conversationId}`, { token: A.token })).status).toBe(410);
    const log = await agencyObject(A.id).deletionLog();
    expect(
      log
        .filter((d) => d.profileId === S.profileId)
        .map((d) => `${d.recordKind}:${d.rule}`)
        .sort(),
    ).toEqual(['acquired_profile:R-RET-1', 'conversation:R-RET-1']);

    // The jobseeker's side: the conversation is closed with a notice naming the deadline.
    const thread = (await api('GET', `/v1/seeker/conversations/${conversationId}`, { token: S.token })).body;
    expect(thread.conversation.state).toBe('closed');
    const notice = thread.messages.filter((m: { notice?: string }) => m.notice === 'conversation_closed');
    expect(notice).toHaveLength(1);
    expect(notice[0].body).toContain('2027-01-31');
    expect((await seekerWrites(S, conversationId)).body.code).toBe('conversation_closed');
    expect((await firstContact(A, S.profileId)).status).toBe(410);
  });

  it("R-RET-4 R-DEL-1 R-BLOCK-2 the extension's confirmations show up in the figures, with the right median and worst time", async () => {
    const expiries = (await eventsOf(E)).filter((e) => e.type === 'retention_expired');
    expect(expiries).toHaveLength(4);
    const aExpiry = (await eventsOf(A)).find((e) => e.type === 'retention_expired')!;
    await moveTo(jst('2027-02-01', '10:10'));
    expect((await ack(A, aExpiry.id)).status).toBe(200);
    expect((await ack(E, expiries[0]!.id)).status).toBe(200); // 600 s
    await moveTo(jst('2027-02-01', '10:30'));
    expect((await ack(E, expiries[1]!.id)).status).toBe(200); // 1,800 s
    await moveTo(jst('2027-02-01', '12:00'));
    expect((await ack(E, expiries[2]!.id)).status).toBe(200); // 7,200 s
    expect((await holderOf(S, A))?.copy.extensionDeletedAt).toBe('2027-02-01T01:10:00.000Z');

    const figures = await compliance(await bureau('47'));
    const e = figures.items.find((i) => i.agencyId === E.id);
    expect(e).toMatchObject({
      prefecture: '47',
      required: { block: 0, deletion_request: 0, retention_expired: 4, status_changed: 0, total: 4 },
      confirmed: 3,
      confirmedLate: 0,
      unconfirmed: 1,
      medianSecondsToConfirm: 1800,
      worstSecondsToConfirm: 7200,
      overdueCount: 0,
      overdue: [],
    });
    expect(figures.items.find((i) => i.agencyId === C.id)).toMatchObject({
      required: { block: 1, deletion_request: 0, retention_expired: 0, total: 1 },
      confirmed: 1,
      medianSecondsToConfirm: 0,
      worstSecondsToConfirm: 0,
      overdueCount: 0,
    });
    expect(figures.items.find((i) => i.agencyId === D.id)).toMatchObject({
      required: { deletion_request: 1, block: 0, total: 1 },
      confirmed: 1,
      overdueCount: 0,
    });
    expect(figures.overdueAfterHours).toBe(24);
    expect(figures.asOf).toBe('2027-02-01T03:00:00.000Z');
  });

  it('R-RET-4 an unconfirmed deletion turns overdue after 24 hours and not before', async () => {
    const unconfirmed = (await eventsOf(E)).filter((e) => e.type === 'retention_expired')[3]! as { id: string; profileId?: string };
    expect(eProfiles).toContain(unconfirmed.profileId);
    await moveTo(jst('2027-02-02', '10:00')); // exactly 24 hours
    const atBoundary = (await compliance(await ministry(), '?prefecture=47')).items.find((i) => i.agencyId === E.id);
    expect(atBoundary).toMatchObject({ unconfirmed: 1, overdueCount: 0, overdue: [] });

    await moveTo(jst('2027-02-02', '10:01'));
    const figures = await compliance(await bureau('47'));
    const e = figures.items.find((i) => i.agencyId === E.id)!;
    expect(e.overdueCount).toBe(1);
    expect(e.overdue).toEqual([
      {
        eventId: unconfirmed.id,
        kind: 'retention_expired',
        rule: 'R-RET-1',
        profileId: unconfirmed.profileId,
        createdAt: '2027-02-01T01:00:00.000Z',
        ageSeconds: 24 * 3600 + 60,
      },
    ]);
    expect(figures.items[0]!.overdueCount).toBeGreaterThanOrEqual(1); // those to act on come first
    expect(figures.totals.overdue).toBe(figures.items.reduce((n, i) => n + i.overdueCount, 0));

    // Confirming it late takes it off the list and counts it as late.
    expect((await ack(E, unconfirmed.id)).status).toBe(200);
    expect((await compliance(await bureau('47'))).items.find((i) => i.agencyId === E.id)).toMatchObject({
      confirmed: 4,
      confirmedLate: 1,
      overdueCount: 0,
      worstSecondsToConfirm: 24 * 3600 + 60,
      medianSecondsToConfirm: Math.round((1800 + 7200) / 2),
    });
  });

  it('R-SEC-2 an officer never sees agencies outside its prefecture; the ministry sees all', async () => {
    const officer = await bureau('47');
    const own = await compliance(officer);
    expect(own.prefecture).toBe('47');
    expect(own.items.length).toBeGreaterThanOrEqual(3);
    expect(own.items.every((i) => i.prefecture === '47')).toBe(true);
    expect(own.items.map((i) => i.agencyId)).toEqual(expect.arrayContaining([C.id, D.id, E.id]));
    expect(own.items.map((i) => i.agencyId)).not.toContain(G.id);
    expect((await compliance(officer, '?prefecture=47')).items.length).toBe(own.items.length);

    const other = await api('GET', '/v1/admin/deletion-compliance?prefecture=46', { token: officer });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('out_of_scope');
    expect(other.body.title).toBe('管轄外です');
    expect(other.body.items).toBeUndefined();

    const nationwide = await compliance(await ministry());
    expect(nationwide.prefecture).toBeNull();
    expect(nationwide.items.map((i) => i.agencyId)).toEqual(expect.arrayContaining([A.id, G.id, E.id]));
    const g = (await compliance(await ministry(), '?prefecture=46')).items;
    expect(g.every((i) => i.prefecture === '46')).toBe(true);
    expect(g.find((i) => i.agencyId === G.id)).toMatchObject({
      status: 'suspended',
      required: { status_changed: 1, total: 1 },
      confirmed: 0,
      overdueCount: 1,
      overdue: [{ kind: 'status_changed', rule: 'R-SAN-2', profileId: null, createdAt: '2026-11-27T01:00:00.000Z' }],
    });

    expect((await api('GET', '/v1/admin/deletion-compliance?prefecture=99', { token: officer })).status).toBe(400);
    expect((await api('GET', '/v1/admin/deletion-compliance', { token: S.token })).status).toBe(403);
    const paths = Object.keys((await api('GET', '/v1/openapi.json')).body.paths);
    expect(paths).toEqual(expect.arrayContaining(['/v1/seeker/data-holders', '/v1/admin/deletion-compliance']));
  });

  it('R-RET-2 lists an accepted application as held through 31 March of the next fiscal year, deleted on 1 April', async () => {
    await moveTo(jst('2028-03-31', '10:00'));
    expect(await holderOf(S, B)).toMatchObject({ acceptedOn: '2026-11-27', retentionDeadline: '2028-03-31', copy: { state: 'held' } });
    await moveTo(jst('2028-04-01', '10:00'));
    expect(await holderOf(S, B)).toMatchObject({ copy: { state: 'deleted', rule: 'R-RET-2', deletedAt: '2028-04-01T01:00:00.000Z' } });
    expect((await holders(S)).items.map((h) => `${h.agencyId}:${h.copy.state}`).sort()).toEqual(
      [`${A.id}:deleted`, `${B.id}:deleted`, `${G.id}:deleted`].sort(),
    );
  });
});
