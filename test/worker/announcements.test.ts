import { afterEach, describe, expect, it } from 'vitest';
import { admittedAgency, api, bureau, jst, ministry, setClock } from './helpers';
import { seekerIn } from './bureau-helpers';

/** Announcements here stand in 2035, away from every other test's dates, and are cancelled after each test. */
const DAY = '2035-06-12';
const created: string[] = [];

async function announce(body: Record<string, unknown>, token?: string) {
  const res = await api('POST', '/v1/admin/announcements', { token: token ?? (await ministry()), body });
  if (res.status === 201) created.push(res.body.id as string);
  return res;
}

afterEach(async () => {
  const token = await ministry();
  while (created.length) await api('DELETE', `/v1/admin/announcements/${created.pop()}`, { token });
});

const everyone = { roles: ['agency', 'seeker'] };

describe('R-OPS-3 announced maintenance and restrictions', () => {
  it('R-OPS-3 a planned maintenance is listed ahead, starts on time and ends on time, for agencies and jobseekers', async () => {
    await setClock(jst(DAY, '12:00'));
    const agency = await admittedAgency();
    const seeker = await seekerIn('13');
    const res = await announce({
      kind: 'maintenance',
      title: 'システム更新',
      reason: 'サーバーの更新作業のため',
      audience: everyone,
      startsAt: jst(DAY, '13:00'),
      endsAt: jst(DAY, '15:00'),
    });
    expect(res.status).toBe(201);
    const listed = (await api('GET', '/v1/public/announcements')).body;
    expect(listed.upcoming.map((a: { id: string }) => a.id)).toContain(res.body.id);
    expect(listed.current.map((a: { id: string }) => a.id)).not.toContain(res.body.id);

    await setClock(jst(DAY, '12:59'));
    expect((await api('GET', '/v1/agency/quota', { token: agency.token })).status).toBe(200);
    await setClock(jst(DAY, '13:00'));
    const closed = await api('GET', '/v1/agency/quota', { token: agency.token });
    expect(closed.status).toBe(503);
    expect(closed.body).toMatchObject({
      code: 'maintenance',
      reopensAt: new Date(jst(DAY, '15:00')).toISOString(),
      reason: 'サーバーの更新作業のため',
    });
    expect(closed.body.detail).toContain('15:00');
    expect(closed.headers.get('retry-after')).toBe(String(2 * 3600));
    expect((await api('GET', '/v1/seeker/conversations', { token: seeker.token })).status).toBe(503);
    expect((await api('GET', '/v1/public/announcements')).body.current.map((a: { id: string }) => a.id)).toContain(res.body.id);
    // Bureau work and the public directory go on.
    expect((await api('GET', '/v1/public/agencies')).status).toBe(200);
    await setClock(jst(DAY, '14:59'));
    expect((await api('GET', '/v1/agency/quota', { token: agency.token })).status).toBe(503);
    await setClock(jst(DAY, '15:00'));
    expect((await api('GET', '/v1/agency/quota', { token: agency.token })).status).toBe(200);
    expect((await api('GET', '/v1/seeker/conversations', { token: seeker.token })).status).toBe(200);
    const after = (await api('GET', '/v1/public/announcements')).body;
    expect([...after.current, ...after.upcoming].map((a: { id: string }) => a.id)).not.toContain(res.body.id);
  });

  it('R-OPS-3 an access restriction on one agency and one route answers 429 with the reopening time; others are untouched and it is not public', async () => {
    await setClock(jst(DAY, '09:00'));
    const restricted = await admittedAgency();
    const other = await admittedAgency();
    const res = await announce({
      kind: 'restriction',
      title: 'アクセス制限',
      reason: '短時間に大量の検索が行われたため',
      audience: { roles: ['agency'], agencyIds: [restricted.id], routes: ['/v1/agency/feed'] },
      startsAt: jst(DAY, '10:00'),
      endsAt: jst(DAY, '18:00'),
    });
    expect(res.status).toBe(201);
    await setClock(jst(DAY, '10:00'));
    const refused = await api('GET', '/v1/agency/feed?prefecture=13', { token: restricted.token });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'access_restricted', reopensAt: new Date(jst(DAY, '18:00')).toISOString() });
    expect(refused.headers.get('retry-after')).toBe(String(8 * 3600));
    expect((await api('GET', '/v1/agency/quota', { token: restricted.token })).status).toBe(200);
    expect((await api('GET', '/v1/agency/feed?prefecture=13', { token: other.token })).status).toBe(200);
    const listed = (await api('GET', '/v1/public/announcements')).body;
    expect([...listed.current, ...listed.upcoming].map((a: { id: string }) => a.id)).not.toContain(res.body.id);
  });

  it('R-OPS-3 emergency maintenance starts at once with its reason and expected end; cancelling it reopens at once', async () => {
    await setClock(jst(DAY, '11:00'));
    const agency = await admittedAgency();
    const res = await announce({
      kind: 'emergency_maintenance',
      title: '緊急メンテナンス',
      reason: '障害の復旧作業のため',
      audience: everyone,
      endsAt: jst(DAY, '12:30'),
    });
    expect(res.status).toBe(201);
    expect(res.body.startsAt).toBe(new Date(jst(DAY, '11:00')).toISOString());
    const closed = await api('GET', '/v1/agency/quota', { token: agency.token });
    expect(closed.status).toBe(503);
    expect(closed.body.detail).toContain('ごろの再開を見込んでいます');
    const cancelled = await api('DELETE', `/v1/admin/announcements/${res.body.id}`, { token: await ministry() });
    expect(cancelled.status).toBe(200);
    created.pop();
    expect((await api('GET', '/v1/agency/quota', { token: agency.token })).status).toBe(200);
    const audit = (await api('GET', '/v1/admin/audit?action=announcement.create&limit=20', { token: await ministry() })).body.items;
    expect(audit.some((e: { target: string }) => e.target === res.body.id)).toBe(true);
  });

  it('R-OPS-3 a planned one must be announced before it starts; only the ministry announces; bad input is a 4xx', async () => {
    await setClock(jst(DAY, '10:00'));
    const late = await announce({
      kind: 'maintenance',
      title: '更新',
      reason: '更新',
      audience: everyone,
      startsAt: jst(DAY, '10:00'),
      endsAt: jst(DAY, '11:00'),
    });
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('announcement_not_in_advance');
    const backwards = await announce({
      kind: 'restriction',
      title: '制限',
      reason: '制限',
      audience: everyone,
      startsAt: jst(DAY, '12:00'),
      endsAt: jst(DAY, '11:00'),
    });
    expect(backwards.status).toBe(422);
    expect(
      (await announce({ kind: 'maintenance', title: '更新', reason: '更新', audience: everyone, endsAt: jst(DAY, '11:00') })).status,
    ).toBe(400);
    expect(
      (
        await announce({
          kind: 'maintenance',
          title: '更新',
          reason: '更新',
          audience: { roles: [] },
          startsAt: jst(DAY, '12:00'),
          endsAt: jst(DAY, '13:00'),
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await announce({
          kind: 'maintenance',
          title: '更新',
          reason: '更新',
          audience: { roles: ['agency'], routes: ['/v1/admin'] },
          startsAt: jst(DAY, '12:00'),
          endsAt: jst(DAY, '13:00'),
        })
      ).status,
    ).toBe(400);
    const byBureau = await announce(
      { kind: 'maintenance', title: '更新', reason: '更新', audience: everyone, startsAt: jst(DAY, '12:00'), endsAt: jst(DAY, '13:00') },
      await bureau('13'),
    );
    expect(byBureau.status).toBe(403);
    expect((await api('POST', '/v1/admin/announcements', { body: {} })).status).toBe(401);
  });
});
