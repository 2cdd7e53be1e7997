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
