import { createExecutionContext, env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import { admittedAgency, api, jst, setClock, type Res } from './helpers';
import {
  agencyObject,
  firstContact,
  jobseeker,
  loadProfiles,
  openConversation,
  reply,
  sendKey,
  signIn,
  type Agency,
} from './messaging-fixtures';

beforeAll(async () => {
  await setClock(jst('2026-11-27', '10:00'));
});

/**
 * One request through the worker's own fetch handler (routing, middleware, validation, Durable
 * Objects), for the burst: the test pool's SELF.fetch queues concurrent requests in the runner,
 * so 1,500 at once through it take minutes without ever reaching the worker in parallel.
 */
async function direct(method: string, path: string, opts: { token: string; body: unknown }): Promise<Res> {
  const res = await worker.fetch(
    new Request(`http://madoguchi.test${path}`, {
      method,
      headers: { authorization: `Bearer ${opts.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(opts.body),
    }),
    env,
    createExecutionContext(),
  );
  return { status: res.status, body: await res.json(), headers: res.headers };
}

describe('the daily cap (R-CAP-1, R-CAP-2)', () => {
  it('R-CAP-2 holds the cap under 1,500 parallel sends (150 first contacts and 1,350 answers): exactly 1,000 delivered; R-CAP-1 refuses the rest with the count and the reset time, the next JST midnight', async () => {
    // One agency's busy day: answers in 20 conversations the jobseekers opened and first contacts
    // to 150 freshly loaded profiles, all sent at once.
    let agency: Agency = await admittedAgency();
    const talking = await Promise.all(Array.from({ length: 20 }, () => jobseeker()));
    const conversations = await Promise.all(talking.map((s) => openConversation(agency, s)));
    const fresh = await loadProfiles(150, '上限テスト');
    expect((await api('GET', '/v1/agency/quota', { token: agency.token })).body.used).toBe(20);
    // 980 sends left today; 1,500 race for them, first contacts and answers interleaved.
    const isFirst = (i: number) => i % 10 === 0;
    const results = await Promise.all(
      Array.from({ length: 1500 }, (_, i) =>
        isFirst(i)
          ? direct('POST', '/v1/agency/conversations', {
              token: agency.token,
              body: { profileId: fresh[i / 10]!.profileId, body: 'はじめまして。', idempotencyKey: sendKey('fc') },
            })
          : direct('POST', `/v1/agency/conversations/${conversations[i % 20]}/messages`, {
              token: agency.token,
              body: { body: `回答 ${i}`, idempotencyKey: sendKey('rp') },
            }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(980);
    expect(statuses.filter((s) => s === 429)).toHaveLength(520);
    const refusal = results.find((r) => r.status === 429)!;
    expect(refusal.body).toMatchObject({ code: 'cap_reached', used: 1000, limit: 1000, resetsAt: '2026-11-27T15:00:00.000Z' });
    expect(refusal.body.title).toMatch(/上限/);
    expect(refusal.body.detail).toContain('1,000通');
    expect(Number(refusal.headers.get('retry-after'))).toBe(14 * 3600);

    const quota = await api('GET', '/v1/agency/quota', { token: agency.token });
    expect(quota.body).toEqual({
      day: '2026-11-27',
      used: 1000,
      limit: 1000,
      remaining: 0,
      resetsAt: '2026-11-27T15:00:00.000Z',
      bySeat: [{ seat: { id: agency.id, name: expect.any(String) }, used: 1000 }],
    });
    // Delivered means delivered once: every accepted send is in a jobseeker's thread, nothing else is.
    const accepted = new Set(results.filter((r) => r.status === 201).map((r) => r.body.message.id as string));
    const inThreads: string[] = [];
    for (const s of talking) {
      const inbox = (await api('GET', '/v1/seeker/conversations', { token: s.token })).body.items;
      const thread = await api('GET', `/v1/seeker/conversations/${inbox[0].id}`, { token: s.token });
      inThreads.push(
        ...thread.body.messages
          .filter((m: { kind: string; from: string }) => m.kind === 'reply' && m.from === 'agency')
          .map((m: { id: string }) => m.id),
      );
    }
    const inbox = new Set<string>();
    let cursor: string | null = null;
    do {
      const page: Res = await api('GET', `/v1/agency/conversations?limit=100${cursor ? `&cursor=${cursor}` : ''}`, { token: agency.token });
      for (const c of page.body.items) inbox.add(c.id);
      cursor = page.body.nextCursor;
    } while (cursor);
    const firstContacts = results.filter((r, i) => isFirst(i) && r.status === 201);
    expect(inbox.size).toBe(20 + firstContacts.length);
    expect(inThreads.length + firstContacts.length).toBe(980);
    for (const id of inThreads) expect(accepted.has(id)).toBe(true);

    // Still refused one minute before midnight; the count starts again at 00:00 JST.
    const [spare] = await loadProfiles(1, '上限テスト');
    await setClock(jst('2026-11-27', '23:59'));
    agency = await signIn(agency);
    const late = await firstContact(agency, spare!.profileId);
    expect(late.status).toBe(429);
    expect(late.body.used).toBe(1000);
    const stub = agencyObject(agency.id);
    expect((await stub.quota(Date.parse(jst('2026-11-27', '23:59')) + 59_999)).used).toBe(1000);
    expect(await stub.quota(Date.parse(jst('2026-11-28', '00:00')))).toMatchObject({
      day: '2026-11-28',
      used: 0,
      resetsAt: '2026-11-28T15:00:00.000Z',
    });

    await setClock(jst('2026-11-28', '06:00'));
    agency = await signIn(agency);
    const nextDay = await firstContact(agency, spare!.profileId);
    expect(nextDay.status).toBe(201);
    expect(nextDay.body.quota).toMatchObject({ day: '2026-11-28', used: 1, remaining: 999 });
    await setClock(jst('2026-11-27', '10:00'));
  }, 120_000);

  it('R-CAP-2 delivers and counts a retried send once, even when the retries race', async () => {
    const agency = await admittedAgency();
    const seeker = await jobseeker();
    const key = sendKey('retry');
    const first = await firstContact(agency, seeker.profileId, 'はじめまして。', key);
    expect(first.status).toBe(201);
    expect(first.body.replayed).toBe(false);
    const retried = await firstContact(agency, seeker.profileId, 'はじめまして。', key);
    expect(retried.status).toBe(201);
    expect(retried.body).toMatchObject({
      replayed: true,
      conversationId: first.body.conversationId,
      message: { id: first.body.message.id },
    });
    expect((await api('GET', '/v1/agency/quota', { token: agency.token })).body.used).toBe(1);

    await api('POST', `/v1/seeker/conversations/${first.body.conversationId}/messages`, {
      token: seeker.token,
      body: { body: '質問です。' },
    });
    const raceKey = sendKey('race');
    const racing = await Promise.all(Array.from({ length: 10 }, () => reply(agency, first.body.conversationId, '回答です。', raceKey)));
    for (const r of racing) expect([201, 409]).toContain(r.status);
    for (const r of racing.filter((x) => x.status === 409)) expect(r.body.code).toBe('send_in_progress');
    expect(new Set(racing.filter((r) => r.status === 201).map((r) => r.body.message.id)).size).toBe(1);
    const thread = await api('GET', `/v1/seeker/conversations/${first.body.conversationId}`, { token: seeker.token });
    expect(thread.body.messages.filter((m: { body: string }) => m.body === '回答です。')).toHaveLength(1);
    expect((await api('GET', '/v1/agency/quota', { token: agency.token })).body.used).toBe(2);
    const after = await reply(agency, first.body.conversationId, '回答です。', raceKey);
    expect(after.body).toMatchObject({ replayed: true, message: { id: racing.find((r) => r.status === 201)!.body.message.id } });

    const reused = await reply(agency, first.body.conversationId, '別の内容です。', raceKey);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency_key_reused');
  });

  it('R-CAP-1 counts first contacts and answers together on one JST day', async () => {
    const agency = await admittedAgency();
    const seeker = await jobseeker();
    const id = await openConversation(agency, seeker);
    expect((await reply(agency, id)).body.quota).toMatchObject({ used: 2, remaining: 998, day: '2026-11-27' });
    const quota = await api('GET', '/v1/agency/quota', { token: agency.token });
    expect(quota.status).toBe(200);
    expect(quota.body.used).toBe(2);
  });
});
