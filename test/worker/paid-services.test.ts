import { beforeAll, describe, expect, it } from 'vitest';
import { admittedAgency, api, jst, loadRows, ministry, profileRow, setClock } from './helpers';
import { firstContact, reply, seekerWrites, type Agency, type Seeker } from './messaging-fixtures';

const OFFER = '有料の面接対策講座（全3回）をご案内できます。受講料は1回5,500円です。';
const PLAIN = 'はじめまして。事務職の求人をご紹介できます。';

async function seeker(overrides: Parameters<typeof profileRow>[0] = {}): Promise<Seeker> {
  const row = (await loadRows([profileRow(overrides)])).body.results[0];
  const res = await api('POST', '/v1/seeker/activation', {
    body: { profileId: row.id, code: row.activationCode, passphrase: 'はるのあさにさくさくらのはな' },
  });
  expect(res.status).toBe(201);
  return { profileId: row.id, token: res.body.token };
}

async function used(agency: Agency): Promise<number> {
  return (await api('GET', '/v1/agency/quota', { token: agency.token })).body.used;
}

let agency: Agency;
beforeAll(async () => {
  await setClock(jst('2026-11-27', '10:00'));
  agency = await admittedAgency();
});

describe('R-MSG-7 paid services to new graduates need the notification and the consent', () => {
  it('R-MSG-7 refuses the offer before the notification and consent, and delivers it after both', async () => {
    const graduate = await seeker({ newGraduate: true, education: 'university' });
    const before = await used(agency);

    // A first contact cannot carry consent yet: refused, nothing stored, not counted.
    const first = await firstContact(agency, graduate.profileId, OFFER);
    expect(first.status).toBe(422);
    expect(first.body).toMatchObject({ code: 'paid_service_not_allowed', missing: ['notification', 'consent'] });
    expect(first.body.detail).toContain('第7条第2項①ケ');
    expect(await used(agency)).toBe(before);
    expect((await api('GET', '/v1/seeker/conversations', { token: graduate.token })).body.items).toEqual([]);

    const opened = await firstContact(agency, graduate.profileId, PLAIN);
    expect(opened.status).toBe(201);
    const conversationId = opened.body.conversationId as string;
    expect((await seekerWrites(graduate, conversationId)).status).toBe(201);
    expect((await reply(agency, conversationId, OFFER)).body.missing).toEqual(['notification', 'consent']);

    // The notification is a change request: filed, it changes nothing until the bureau accepts it.
    const filed = await api('POST', '/v1/agency/change-requests', {
      token: agency.token,
      body: { paidServicesForNewGraduates: [{ kind: '面接対策講座（全3回）', price: '1回 5,500円（税込）' }] },
    });
    expect(filed.status).toBe(201);
    expect((await reply(agency, conversationId, OFFER)).body.missing).toEqual(['notification', 'consent']);
    const accepted = await api('POST', `/v1/admin/change-requests/${filed.body.id}/accept`, { token: await ministry(), body: {} });
    expect(accepted.status).toBe(200);
    const noConsent = await reply(agency, conversationId, OFFER);
    expect(noConsent.status).toBe(422);
    expect(noConsent.body.missing).toEqual(['consent']);

    // The jobseeker consents in the conversation (the popup's button); the offer is delivered.
    const consent = await api('PUT', `/v1/seeker/conversations/${conversationId}/paid-service-consent`, { token: graduate.token });
    expect(consent.status).toBe(200);
    expect(consent.body.consentedAt).toBe('2026-11-27T01:00:00.000Z');
    const thread = await api('GET', `/v1/seeker/conversations/${conversationId}`, { token: graduate.token });
    expect(thread.body.paidServiceConsentAt).toBe('2026-11-27T01:00:00.000Z');
    const agencyView = await api('GET', `/v1/agency/conversations/${conversationId}`, { token: agency.token });
    expect(agencyView.body.paidServiceConsentAt).toBe('2026-11-27T01:00:00.000Z');
    const delivered = await reply(agency, conversationId, OFFER);
    expect(delivered.status).toBe(201);
    expect(delivered.body.warnings.map((w: { kind: string }) => w.kind)).toContain('paid_side_service');

    // Withdrawn consent refuses the next offer again; a plain answer still goes.
    expect((await api('DELETE', `/v1/seeker/conversations/${conversationId}/paid-service-consent`, { token: graduate.token })).status).toBe(
      204,
    );
    await seekerWrites(graduate, conversationId);
    expect((await reply(agency, conversationId, OFFER)).body.missing).toEqual(['consent']);
    expect((await reply(agency, conversationId, 'ご質問ありがとうございます。')).status).toBe(201);
  });

  it('R-MSG-7 a jobseeker who is not a new graduate gets the offer with the R-MSG-5 warning only', async () => {
    const other = await seeker();
    const res = await firstContact(agency, other.profileId, OFFER);
    expect(res.status).toBe(201);
    expect(res.body.warnings.map((w: { kind: string }) => w.kind)).toContain('paid_side_service');
  });

  it("R-MSG-7 consent is only the jobseeker's, in their own live conversation", async () => {
    const graduate = await seeker({ newGraduate: true });
    const opened = await firstContact(agency, graduate.profileId, PLAIN);
    expect(
      (await api('PUT', `/v1/seeker/conversations/${opened.body.conversationId}/paid-service-consent`, { token: agency.token })).status,
    ).toBe(403);
    expect((await api('PUT', `/v1/seeker/conversations/C${'A'.repeat(16)}/paid-service-consent`, { token: graduate.token })).status).toBe(
      404,
    );
    const paths = Object.keys((await api('GET', '/v1/openapi.json')).body.paths);
    expect(paths).toContain('/v1/seeker/conversations/{id}/paid-service-consent');
  });
});
