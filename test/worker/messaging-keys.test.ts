import { describe, expect, it } from 'vitest';
import { admittedAgency, api, jst, setClock } from './helpers';
import { jobseeker, openConversation, reply, sendKey, signIn } from './messaging-fixtures';

describe('R-CAP-2 an idempotency key names one send', () => {
  it('R-CAP-2 a key the agency has forgotten is neither delivered nor counted again, and a reused key with other content is refused', async () => {
    await setClock(jst('2026-11-24', '10:00'));
    const agency = await admittedAgency();
    const seeker = await jobseeker();
    const conversationId = await openConversation(agency, seeker);
    const key = sendKey('old');
    expect((await reply(agency, conversationId, '面接日程のご案内です。', key)).status).toBe(201);

    // Eight days later the agency's object no longer keeps the key; the jobseeker's object does.
    await setClock(jst('2026-12-02', '10:00'));
    const again = await signIn(agency);
    const before = (await api('GET', '/v1/agency/quota', { token: again.token })).body.used as number;
    const retried = await reply(again, conversationId, '面接日程のご案内です。', key);
    expect(retried.status).toBe(201);
    expect(retried.body.replayed).toBe(true);
    expect((await api('GET', '/v1/agency/quota', { token: again.token })).body.used).toBe(before);

    const reused = await reply(again, conversationId, '別の内容です。', key);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency_key_reused');
    expect((await api('GET', '/v1/agency/quota', { token: again.token })).body.used).toBe(before);
    const thread = await api('GET', `/v1/agency/conversations/${conversationId}`, { token: again.token });
    expect(JSON.stringify(thread.body)).not.toContain('別の内容です');
  });
});

describe("R-MSG-2 the jobseeker's reply takes an idempotency key too", () => {
  it('R-MSG-2 a retried reply with the same key is stored once and counted unread once; the key with other content is refused', async () => {
    await setClock(jst('2026-11-24', '11:00'));
    const agency = await admittedAgency();
    const seeker = await jobseeker();
    const conversationId = await openConversation(agency, seeker);
    const key = sendKey('seeker');
    const path = `/v1/seeker/conversations/${conversationId}/messages`;
    const unread = async () =>
      (await api('GET', '/v1/agency/conversations', { token: agency.token })).body.items.find(
        (c: { id: string }) => c.id === conversationId,
      ).unread as number;
    const before = await unread();
    const first = await api('POST', path, { token: seeker.token, body: { body: '勤務地について教えてください。', idempotencyKey: key } });
    expect(first.status).toBe(201);
    expect(first.body.replayed).toBe(false);
    const again = await api('POST', path, { token: seeker.token, body: { body: '勤務地について教えてください。', idempotencyKey: key } });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ replayed: true, message: { id: first.body.message.id } });
    const thread = await api('GET', `/v1/seeker/conversations/${conversationId}`, { token: seeker.token });
    expect(thread.body.messages.filter((m: { body: string }) => m.body === '勤務地について教えてください。')).toHaveLength(1);
    expect(await unread()).toBe(before + 1);

    const reused = await api('POST', path, { token: seeker.token, body: { body: '別の質問です。', idempotencyKey: key } });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency_key_reused');
    // Without a key, as before, each send is a new message.
    expect((await api('POST', path, { token: seeker.token, body: { body: '通勤手当はありますか。' } })).status).toBe(201);
  });
});
