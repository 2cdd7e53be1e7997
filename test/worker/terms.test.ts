import { describe, expect, it } from 'vitest';
import { admittedAgency, api, bureau, jst, ministry, setClock, signInAgency } from './helpers';

/** The terms change here in 2035, after every other test's dates. */
const PUBLISHED = '2035-03-30';
const EFFECTIVE = '2035-04-01';

describe('R-TOS-1 terms versions', () => {
  it('R-TOS-1 version 1 is the shipped terms, in force and readable without an account', async () => {
    await setClock(jst('2026-11-27'));
    const res = await api('GET', '/v1/public/terms');
    expect(res.status).toBe(200);
    expect(res.body.current).toMatchObject({ version: 1, effectiveOn: '2026-04-01' });
    expect(res.body.current.text).toContain('ハローワーク求人・求職情報提供サービス利用規約');
    expect(res.body.upcoming).toBeNull();
  });

  it('R-TOS-1 a new version takes effect on its day; each seat confirms what changed before it searches or writes again; the bureau sees who has not', async () => {
    await setClock(jst(PUBLISHED, '10:00'));
    const before = await admittedAgency({
      organisation: { name: '株式会社規約確認', address: '東京都港区芝公園一丁目', prefecture: '13' },
    });
    const other = await admittedAgency({
      organisation: { name: '株式会社大阪規約', address: '大阪府大阪市北区梅田一丁目', prefecture: '27' },
    });
    // R-ORG-2: a staff seat of the same organisation, who confirms for themself.
    const staff = { email: `terms-seat-${before.id.toLowerCase()}@agency.example.jp`, password: 'seat-password-0001' };
    const seat = await api('POST', '/v1/agency/seats', { token: before.token, body: { name: '規約 花子', ...staff } });
    expect(seat.status).toBe(201);
    const summary = '第7条(2)を改め、求職者への最初の連絡の書き方を明確にしました。';

    // Only the ministry publishes, and only for a later day.
    expect(
      (await api('PUT', '/v1/admin/terms', { token: await bureau('13'), body: { effectiveOn: EFFECTIVE, summary, text: '新しい本文' } }))
        .status,
    ).toBe(403);
    const today = await api('PUT', '/v1/admin/terms', {
      token: await ministry(),
      body: { effectiveOn: PUBLISHED, summary, text: '新しい本文' },
    });
    expect(today.status).toBe(422);
    expect(today.body.code).toBe('terms_effective_date_not_future');
    const published = await api('PUT', '/v1/admin/terms', {
      token: await ministry(),
      body: { effectiveOn: EFFECTIVE, summary, text: '新しい本文（第2版）' },
    });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ version: 2, effectiveOn: EFFECTIVE, summary });
    expect(
      (await api('PUT', '/v1/admin/terms', { token: await ministry(), body: { effectiveOn: '2035-05-01', summary: '次', text: '次' } }))
        .body.code,
    ).toBe('terms_version_pending');
    expect((await api('GET', '/v1/public/terms')).body).toMatchObject({
      current: { version: 1 },
      upcoming: { version: 2, effectiveOn: EFFECTIVE },
    });

    // The day before it takes effect, nothing changes; the seat sees what is coming.
    await setClock(jst('2035-03-31', '21:00'));
    const early = await signInAgency(before);
    expect((await api('GET', '/v1/agency/feed?prefecture=13', { token: early })).status).toBe(200);
    expect((await api('GET', '/v1/agency/terms-consents', { token: early })).body).toMatchObject({
      inForce: { version: 1 },
      mustConfirm: null,
      upcoming: { version: 2, summary },
    });

    // On the day, the seat must confirm first; its status and quota stay readable.
    await setClock(jst(EFFECTIVE, '09:00'));
    const token = await signInAgency(before);
    const refused = await api('GET', '/v1/agency/feed?prefecture=13', { token });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'terms_not_confirmed', version: 2, effectiveOn: EFFECTIVE, summary });
    expect(
      (
        await api('POST', '/v1/agency/conversations', {
          token,
          body: { profileId: '13-AAAAAAAAAA', body: 'はじめまして。', idempotencyKey: 'terms-k1' },
        })
      ).body.code,
    ).toBe('terms_not_confirmed');
    expect((await api('GET', '/v1/agency/quota', { token })).status).toBe(200);
    expect((await api('GET', '/v1/agency/me', { token })).status).toBe(200);
    expect((await api('GET', '/v1/agency/terms-consents', { token })).body).toMatchObject({
      inForce: { version: 2 },
      mustConfirm: { version: 2, summary },
      confirmedVersion: null,
    });
    expect((await api('GET', '/v1/public/terms')).body.current).toMatchObject({ version: 2, text: '新しい本文（第2版）' });

    const overview = (await api('GET', '/v1/admin/terms-consents', { token: await ministry() })).body;
    expect(overview.version).toBe(2);
    expect(overview.notConfirmed.map((a: { agencyId: string }) => a.agencyId)).toEqual(expect.arrayContaining([before.id, other.id]));

    expect((await api('POST', '/v1/agency/terms-consents', { token, body: { version: 1 } })).body.code).toBe('terms_version_not_current');
    const confirmed = await api('POST', '/v1/agency/terms-consents', { token, body: { version: 2 } });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body).toMatchObject({ agencyId: before.id, version: 2, confirmedAt: new Date(jst(EFFECTIVE, '09:00')).toISOString() });
    expect((await api('GET', '/v1/agency/feed?prefecture=13', { token })).status).toBe(200);
    expect((await api('GET', '/v1/agency/terms-consents', { token })).body).toMatchObject({ mustConfirm: null, confirmedVersion: 2 });

    // R-TOS-1 R-ORG-2: consent is per seat. The liaison officer's confirmation does not confirm for the staff seat.
    const staffToken = await signInAgency(staff);
    expect((await api('GET', '/v1/agency/feed?prefecture=13', { token: staffToken })).body.code).toBe('terms_not_confirmed');
    expect((await api('GET', '/v1/agency/terms-consents', { token: staffToken })).body).toMatchObject({
      mustConfirm: { version: 2 },
      confirmedVersion: null,
    });
    const byStaff = await api('POST', '/v1/agency/terms-consents', { token: staffToken, body: { version: 2 } });
    expect(byStaff.body).toMatchObject({ agencyId: before.id, confirmedBy: seat.body.id, version: 2 });
    expect((await api('GET', '/v1/agency/feed?prefecture=13', { token: staffToken })).status).toBe(200);

    // The Tokyo bureau sees its own prefecture: the Tokyo agency confirmed; the Osaka one is not its to list.
    const tokyo = (await api('GET', '/v1/admin/terms-consents', { token: await bureau('13') })).body;
    expect(tokyo.confirmed.map((a: { agencyId: string }) => a.agencyId)).toContain(before.id);
    // One line per organisation, with its first confirmation (the liaison officer's here).
    expect(tokyo.confirmed.filter((a: { agencyId: string }) => a.agencyId === before.id)).toEqual([
      expect.objectContaining({ confirmedBy: before.id }),
    ]);
    expect([...tokyo.confirmed, ...tokyo.notConfirmed].map((a: { agencyId: string }) => a.agencyId)).not.toContain(other.id);
    const all = (await api('GET', '/v1/admin/terms-consents', { token: await ministry() })).body;
    expect(all.notConfirmed.map((a: { agencyId: string }) => a.agencyId)).toContain(other.id);

    // An agency admitted under version 2 agreed to it by applying.
    const after = await admittedAgency();
    expect((await api('GET', '/v1/agency/feed?prefecture=13', { token: after.token })).status).toBe(200);
  });
});
