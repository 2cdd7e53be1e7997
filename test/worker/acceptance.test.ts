import { beforeAll, describe, expect, it } from 'vitest';
import { DeletionComplianceSchema } from '../../shared/schemas';
import { admittedAgency, api, bureau, jst, loadRows, profileRow, setClock, unique } from './helpers';

type Agency = { id: string; token: string };
let paid: Agency;
let free: Agency;

async function acquired(agency: Agency): Promise<string> {
  const id = (await loadRows([profileRow()])).body.results[0].id as string;
  expect((await api('GET', `/v1/agency/feed/${id}`, { token: agency.token })).status).toBe(200);
  return id;
}

function accept(agency: Agency, body: Record<string, unknown>) {
  return api('POST', '/v1/agency/acceptances', { token: agency.token, body });
}

async function acquisitionOf(agency: Agency, profileId: string) {
  return (
    (await api('GET', '/v1/agency/acquisitions', { token: agency.token })).body.items as Array<{
      profileId: string;
      acceptedOn: string | null;
      retentionDeadline: string;
    }>
  ).find((a) => a.profileId === profileId);
}

beforeAll(async () => {
  await setClock(jst('2026-11-27', '10:00'));
  paid = await admittedAgency();
  free = await admittedAgency({ licence: { kind: 'free', number: `13-ム-${unique('').slice(-8)}` } });
});

describe('R-APP-5 recording 求職受理 records the fee explanation', () => {
  it('R-APP-5 a paid agency cannot record an acceptance without saying it explained its fees or charges none', async () => {
    const id = await acquired(paid);
    const res = await accept(paid, { profileId: id, acceptedOn: '2026-11-27' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('fee_statement_required');
    expect(res.body.detail).toContain('手数料');
    // Nothing was recorded: no acceptance, no extended deadline.
    expect(await acquisitionOf(paid, id)).toMatchObject({ acceptedOn: null, retentionDeadline: '2027-01-31' });

    const after = await accept(paid, { profileId: id, acceptedOn: '2026-11-26', fees: { kind: 'explained', explainedOn: '2026-11-27' } });
    expect(after.status).toBe(422);
    const late = await accept(paid, { profileId: id, acceptedOn: '2026-11-27', fees: { kind: 'explained', explainedOn: '2026-11-28' } });
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('fees_explained_after_acceptance');
    expect(await acquisitionOf(paid, id)).toMatchObject({ acceptedOn: null });

    for (const fees of [{ kind: 'explained' }, { kind: 'maybe' }, { kind: 'none_charged', explainedOn: '2026-11-27' }]) {
      expect((await accept(paid, { profileId: id, acceptedOn: '2026-11-27', fees })).status, JSON.stringify(fees)).toBe(400);
    }
  });

  it('R-APP-5 records fees explained the day of (or before) the acceptance, or none charged', async () => {
    const explained = await acquired(paid);
    const same = await accept(paid, {
      profileId: explained,
      acceptedOn: '2026-11-27',
      fees: { kind: 'explained', explainedOn: '2026-11-27' },
    });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({
      extended: true,
      fees: { kind: 'explained', explainedOn: '2026-11-27' },
      acquisition: { acceptedOn: '2026-11-27', retentionDeadline: '2028-03-31' },
    });

    const none = await acquired(paid);
    const res = await accept(paid, { profileId: none, acceptedOn: '2026-11-27', fees: { kind: 'none_charged' } });
    expect(res.status).toBe(200);
    expect(res.body.fees).toEqual({ kind: 'none_charged' });
  });

  it('R-APP-5 a free placement agency charges nothing, so its silence records none charged', async () => {
    const id = await acquired(free);
    const res = await accept(free, { profileId: id, acceptedOn: '2026-11-27' });
    expect(res.status).toBe(200);
    expect(res.body.fees).toEqual({ kind: 'none_charged' });
  });
});

describe('R-APP-5 a refusal to accept is recorded with its reason and visible to the bureau', () => {
  it('R-APP-5 records the refusal and shows it per agency beside the deletion figures', async () => {
    const id = await acquired(paid);
    const reason = '申込みの内容が法令に違反するため（職業安定法第5条の5第1項ただし書）';
    const res = await api('POST', '/v1/agency/acceptance-refusals', {
      token: paid.token,
      body: { profileId: id, refusedOn: '2026-11-27', reason },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ profileId: id, refusedOn: '2026-11-27', reason });

    const officer = await bureau('13');
    const figures = DeletionComplianceSchema.parse((await api('GET', '/v1/admin/deletion-compliance', { token: officer })).body);
    const mine = figures.items.find((i) => i.agencyId === paid.id)!;
    expect(mine.acceptanceRefusals.count).toBe(1);
    expect(mine.acceptanceRefusals.latest[0]).toMatchObject({ profileId: id, refusedOn: '2026-11-27', reason });
    expect(figures.items.find((i) => i.agencyId === free.id)!.acceptanceRefusals).toEqual({ count: 0, latest: [] });
  });

  it('R-APP-5 refuses a refusal record for an accepted, unknown or never acquired profile, a future date or no reason', async () => {
    const acceptedId = await acquired(paid);
    await accept(paid, { profileId: acceptedId, acceptedOn: '2026-11-27', fees: { kind: 'none_charged' } });
    const refusal = (body: Record<string, unknown>) => api('POST', '/v1/agency/acceptance-refusals', { token: paid.token, body });
    expect((await refusal({ profileId: acceptedId, refusedOn: '2026-11-27', reason: '理由' })).body.code).toBe('already_accepted');
    const notMine = (await loadRows([profileRow()])).body.results[0].id;
    expect((await refusal({ profileId: notMine, refusedOn: '2026-11-27', reason: '理由' })).status).toBe(404);
    const id = await acquired(paid);
    expect((await refusal({ profileId: id, refusedOn: '2026-11-28', reason: '理由' })).status).toBe(422);
    expect((await refusal({ profileId: id, refusedOn: '2026-11-26', reason: '理由' })).status).toBe(422);
    expect((await refusal({ profileId: id, refusedOn: '2026-11-27', reason: '' })).status).toBe(400);
    expect((await refusal({ profileId: id, refusedOn: '2026-11-27' })).status).toBe(400);
  });
});
