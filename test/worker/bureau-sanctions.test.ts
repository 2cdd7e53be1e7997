import { beforeEach, describe, expect, it } from 'vitest';
import { api, jst, ministry, setClock } from './helpers';
import { acquireProfile, adminAgency, agencyIn, directoryEntry, eventsOf, refresh, seekerIn } from './bureau-helpers';

const send = (token: string, path: string, body: Record<string, unknown>) =>
  api('POST', path, { token, body: { ...body, idempotencyKey: `k${Math.random().toString(36).slice(2)}` } });

const TODAY = '2026-11-27';

beforeEach(async () => {
  await setClock(jst(TODAY, '10:00'));
});

async function violation(agencyId: string, body: Record<string, unknown>) {
  return api('POST', `/v1/admin/agencies/${agencyId}/violations`, { token: await ministry(), body: { note: '苦情により判明', ...body } });
}

describe('R-SAN-1 a recorded violation answers the sanction §8 sets', () => {
  it.each([
    ['misuse', { kind: 'suspension', term: { months: 6 }, basis: '§8(2)①' }],
    ['promotion', { kind: 'suspension', term: { months: 6 }, basis: '§8(2)②' }],
    ['excessive_sales', { kind: 'suspension', term: 'until_corrected', basis: '§8(2)③' }],
    ['missed_procedure', { kind: 'suspension', term: { months: 6 }, basis: '§8(2)④a' }],
    ['serious_procedure', { kind: 'revocation', basis: '§8(2)④b' }],
    ['other', { kind: 'suspension', term: 'until_corrected', basis: '§8(2)⑤a' }],
    ['serious_other', { kind: 'revocation', basis: '§8(2)⑤b' }],
    ['legal_order', { kind: 'suspension', term: 'until_corrected', basis: '§8(1)' }],
    ['fact_check', { kind: 'suspension', term: 'temporary', basis: '§8(3)' }],
  ])('R-SAN-1 %s → proposes %o, and imposes nothing by itself', async (category, proposal) => {
    const agency = await agencyIn('13');
    const res = await violation(agency.id, { category });
    expect(res.status).toBe(201);
    expect(res.body.violation).toMatchObject({ agencyId: agency.id, category, recordedOn: TODAY, proposal });
    expect(res.body.violation.proposal.reason).toMatch(/停止|利用解除/);
    expect((await api('GET', '/v1/agency/me', { token: agency.token })).body.status).toBe('active');
  });

  it('R-SAN-1 §8(2)④a not improved within the six months → revocation', async () => {
    const agency = await agencyIn('13');
    const res = await violation(agency.id, { category: 'missed_procedure', notImprovedWithinSuspension: true });
    expect(res.body.violation.proposal).toMatchObject({ kind: 'revocation', basis: '§8(2)④a' });
  });

  it('R-SAN-1 misuse again after use resumed → revocation; before resumption it is not a repeat', async () => {
    const agency = await agencyIn('13');
    const token = await ministry();
    const first = (await violation(agency.id, { category: 'misuse' })).body.violation;
    await api('POST', `/v1/admin/agencies/${agency.id}/suspensions`, {
      token,
      body: { kind: 'fixed', reason: first.proposal.reason, violationId: first.id },
    });
    await setClock(jst('2027-02-01'));
    expect((await violation(agency.id, { category: 'misuse' })).body.violation.proposal.kind).toBe('suspension'); // still suspended
    await setClock(jst('2027-05-28')); // imposed at 10:00 on 2026-11-27, the six months count from 11-28 and end on 2027-05-27 (T-2)
    expect((await adminAgency(agency.id)).violations.find((v: { id: string }) => v.id === first.id).resumedOn).toBe('2027-05-28');
    const repeat = await violation(agency.id, { category: 'misuse' });
    expect(repeat.body.violation.proposal).toMatchObject({ kind: 'revocation', basis: '§8(2)①' });
  });

  it('R-SAN-1 excessive sales again after the bureau lifted the suspension → revocation', async () => {
    const agency = await agencyIn('13');
    const token = await ministry();
    await violation(agency.id, { category: 'excessive_sales' });
    await api('POST', `/v1/admin/agencies/${agency.id}/suspensions`, { token, body: { kind: 'until_corrected', reason: '是正まで停止' } });
    await api('DELETE', `/v1/admin/agencies/${agency.id}/suspensions/current`, { token, body: { reason: '是正を確認' } });
    await setClock(jst('2026-12-01'));
    expect((await violation(agency.id, { category: 'excessive_sales' })).body.violation.proposal.kind).toBe('revocation');
  });
});

describe('R-SAN-2 a suspension is effective at once', () => {
  it('R-SAN-2 stops the feed, deletes the jobseeker data (R-RET-3), tells the extension and marks the directory', async () => {
    const agency = await agencyIn('13');
    const profileId = await acquireProfile(agency);
    const res = await api('POST', `/v1/admin/agencies/${agency.id}/suspensions`, {
      token: await ministry(),
      body: { kind: 'fixed', reason: '一方的な宣伝行為（§8(2)②）' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'suspended',
      suspension: { kind: 'fixed', startsOn: TODAY, endsOn: '2027-05-27' },
      purged: 1,
      sessionsEnded: 0,
    });

    const feed = await api('GET', '/v1/agency/feed', { token: agency.token });
    expect(feed.status).toBe(403);
    expect(feed.body.code).toBe('agency_suspended');
    expect(feed.body.detail).toContain('2027-05-27');
    expect((await api('GET', `/v1/agency/feed/${profileId}`, { token: agency.token })).status).toBe(403);
    const me = await api('GET', '/v1/agency/me', { token: agency.token });
    expect(me.body).toMatchObject({ status: 'suspended', suspension: { endsOn: '2027-05-27', reason: '一方的な宣伝行為（§8(2)②）' } });
    const acq = (await api('GET', '/v1/agency/acquisitions', { token: agency.token })).body.items.find(
      (a: { profileId: string }) => a.profileId === profileId,
    );
    expect(acq).toMatchObject({ state: 'deleted', deletedRule: 'R-RET-3' });
    expect((await eventsOf(agency)).find((e) => e.type === 'status_changed')).toMatchObject({
      rule: 'R-SAN-2',
      details: { status: 'suspended', suspension: { kind: 'fixed' } },
    });
    expect(await directoryEntry(agency.id)).toMatchObject({ suspended: true, statusLabel: '停止中' });
  });

  it('R-SAN-2 refuses first contacts and answers of a suspended agency, and allows them again when lifted', async () => {
    const agency = await agencyIn('13');
    const seeker = await seekerIn('13');
    const first = await send(agency.token, '/v1/agency/conversations', {
      profileId: seeker.profileId,
      body: 'はじめまして。求人をご紹介できます。',
    });
    expect(first.status).toBe(201);
    const conversationId = first.body.conversationId;
    expect(
      (
        await api('POST', `/v1/seeker/conversations/${conversationId}/messages`, {
          token: seeker.token,
          body: { body: '詳しく教えてください。' },
        })
      ).status,
    ).toBe(201);
    const other = await seekerIn('13');
    const token = await ministry();
    await api('POST', `/v1/admin/agencies/${agency.id}/suspensions`, { token, body: { kind: 'until_corrected', reason: '是正まで停止' } });
    const blockedFirst = await send(agency.token, '/v1/agency/conversations', { profileId: other.profileId, body: 'はじめまして。' });
    expect(blockedFirst.status).toBe(403);
    expect(blockedFirst.body.code).toBe('agency_suspended');
    const blockedAnswer = await send(agency.token, `/v1/agency/conversations/${conversationId}/messages`, {
      body: 'ご質問ありがとうございます。',
    });
    expect(blockedAnswer.status).toBe(403);
    await api('DELETE', `/v1/admin/agencies/${agency.id}/suspensions/current`, { token, body: { reason: '是正を確認' } });
    expect((await send(agency.token, '/v1/agency/conversations', { profileId: other.profileId, body: 'はじめまして。' })).status).toBe(201);
  });

  it('R-SAN-2 T-2 a fixed suspension ends by itself the day after its last day, not before', async () => {
    const agency = await agencyIn('13');
    await api('POST', `/v1/admin/agencies/${agency.id}/suspensions`, {
      token: await ministry(),
      body: { kind: 'fixed', months: 3, reason: '3か月の停止' },
    });
    await setClock(jst('2027-02-27', '23:59')); // imposed at 10:00 on 2026-11-27: 3 months counted from 11-28 end on 2027-02-27
    expect((await api('GET', '/v1/agency/me', { token: (await refresh(agency)).token })).body.status).toBe('suspended');
    await setClock(jst('2027-02-28', '10:00'));
    await refresh(agency);
    expect((await api('GET', '/v1/agency/me', { token: agency.token })).body).toMatchObject({ status: 'active', suspension: null });
    expect((await api('GET', '/v1/agency/feed', { token: agency.token })).status).toBe(200);
    expect(await directoryEntry(agency.id)).toMatchObject({ suspended: false });
    expect((await eventsOf(agency)).filter((e) => e.type === 'status_changed').map((e) => e.details.status)).toEqual([
      'suspended',
      'active',
    ]);
    expect((await adminAgency(agency.id)).suspensions[0]).toMatchObject({ endedOn: '2027-02-28', endedBy: 'system', endReason: 'expired' });
  });

  it('R-SAN-2 T-2 one month imposed on 2026-12-02 at 10:00 JST runs through 2027-01-02, as the agency, the bureau and the directory see it', async () => {
    await setClock(jst('2026-12-02', '10:00'));
    const agency = await agencyIn('13');
    const res = await api('POST', `/v1/admin/agencies/${agency.id}/suspensions`, {
      token: await ministry(),
      body: { kind: 'fixed', months: 1, reason: '1か月の停止' },
    });
    expect(res.body.suspension).toMatchObject({ startsOn: '2026-12-02', endsOn: '2027-01-02' });
    expect((await api('GET', '/v1/agency/me', { token: agency.token })).body.suspension).toMatchObject({ endsOn: '2027-01-02' });
    expect(await directoryEntry(agency.id)).toMatchObject({ suspended: true });
    await setClock(jst('2027-01-02', '23:59'));
    expect((await api('GET', '/v1/agency/me', { token: (await refresh(agency)).token })).body.status).toBe('suspended');
    await setClock(jst('2027-01-03', '10:00'));
    expect((await api('GET', '/v1/agency/me', { token: (await refresh(agency)).token })).body.status).toBe('active');
  });

  it.each(['until_corrected', 'temporary'] as const)('R-SAN-2 a suspension %s lasts until staff lift it', async (kind) => {
    const agency = await agencyIn('13');
    const token = await ministry();
    const res = await api('POST', `/v1/admin/agencies/${agency.id}/suspensions`, { token, body: { kind, reason: '停止' } });
    expect(res.body.suspension).toMatchObject({ kind, endsOn: null });
    await setClock(jst('2027-12-01'));
    expect((await api('GET', '/v1/agency/me', { token: (await refresh(agency)).token })).body.status).toBe('suspended');
    const lifted = await api('DELETE', `/v1/admin/agencies/${agency.id}/suspensions/current`, {
      token: await ministry(),
      body: { reason: '是正を確認しました' },
    });
    expect(lifted.status).toBe(200);
    expect(lifted.body.status).toBe('active');
    const feed = await api('GET', '/v1/agency/feed', { token: agency.token });
    expect(feed.status, JSON.stringify(feed.body)).toBe(200);
  });

  it('R-SAN-2 refuses to suspend twice, to lift what is not suspended, and requires a reason', async () => {
    const agency = await agencyIn('13');
    const token = await ministry();
    expect((await api('POST', `/v1/admin/agencies/${agency.id}/suspensions`, { token, body: { kind: 'fixed' } })).status).toBe(400);
    expect(
      (await api('POST', `/v1/admin/agencies/${agency.id}/suspensions`, { token, body: { kind: 'temporary', months: 6, reason: 'x' } }))
        .status,
    ).toBe(400);
    expect((await api('DELETE', `/v1/admin/agencies/${agency.id}/suspensions/current`, { token, body: { reason: 'x' } })).body.code).toBe(
      'not_suspended',
    );
    expect(
      (
        await api('POST', `/v1/admin/agencies/${agency.id}/suspensions`, {
          token,
          body: { kind: 'fixed', reason: 'x', violationId: 'V0000000000' },
        })
      ).body.code,
    ).toBe('violation_not_found');
    await api('POST', `/v1/admin/agencies/${agency.id}/suspensions`, { token, body: { kind: 'temporary', reason: '事実確認' } });
    expect(
      (await api('POST', `/v1/admin/agencies/${agency.id}/suspensions`, { token, body: { kind: 'temporary', reason: '事実確認' } })).body
        .code,
    ).toBe('already_suspended');
    expect(
      (await api('POST', '/v1/admin/agencies/A0000000000/suspensions', { token, body: { kind: 'temporary', reason: 'x' } })).status,
    ).toBe(404);
  });

  it('R-SAN-2 revocation ends every session at once, deletes the data, and leaves only status and events readable', async () => {
    const agency = await agencyIn('13');
    const profileId = await acquireProfile(agency);
    const other = (await api('POST', '/v1/agency/sessions', { body: { email: agency.email, password: agency.password } })).body.token;
    const res = await api('POST', `/v1/admin/agencies/${agency.id}/revocation`, {
      token: await ministry(),
      body: { reason: '悪質な違反（§8(2)⑤b）' },
    });
    expect(res.body).toMatchObject({ status: 'revoked', revokedOn: TODAY, purged: 1, sessionsEnded: 2 });
    // The ended sessions no longer work; they are told why, so the extension deletes its copy (R-RET-3).
    for (const token of [agency.token, other]) {
      const ended = await api('GET', '/v1/agency/me', { token });
      expect(ended.status).toBe(403);
      expect(ended.body.code).toBe('agency_revoked');
    }
    await refresh(agency); // signing in still works, to read the status and delete the extension's copy
    expect((await api('GET', '/v1/agency/me', { token: agency.token })).body).toMatchObject({ status: 'revoked', revokedOn: TODAY });
    const feed = await api('GET', `/v1/agency/feed/${profileId}`, { token: agency.token });
    expect(feed.status).toBe(403);
    expect(feed.body.code).toBe('agency_revoked');
    expect((await eventsOf(agency)).find((e) => e.type === 'status_changed')?.details.status).toBe('revoked');
    expect((await api('POST', '/v1/agency/change-requests', { token: agency.token, body: { handlesSubsidies: true } })).body.code).toBe(
      'agency_revoked',
    );
    expect(
      (await api('POST', `/v1/admin/agencies/${agency.id}/revocation`, { token: await ministry(), body: { reason: '再度' } })).status,
    ).toBe(409);
  });

  it('R-SAN-2 a suspended agency can still revoke on a repeat: staff move from suspension to revocation', async () => {
    const agency = await agencyIn('13');
    const token = await ministry();
    await api('POST', `/v1/admin/agencies/${agency.id}/suspensions`, { token, body: { kind: 'temporary', reason: '事実確認' } });
    const res = await api('POST', `/v1/admin/agencies/${agency.id}/revocation`, { token, body: { reason: '事実確認の結果、悪質と判断' } });
    expect(res.body.status).toBe('revoked');
    const detail = await adminAgency(agency.id);
    expect(detail.suspensions[0]).toMatchObject({ endReason: 'revoked', endedOn: TODAY });
    expect(await directoryEntry(agency.id)).toBeUndefined();
  });
});
