import { beforeAll, describe, expect, it } from 'vitest';
import { exampleMandatoryInformationShown, exampleOfficer } from '../../shared/schemas/examples';
import { admittedAgency, api, jst, setClock } from './helpers';
import {
  agencyObject,
  eventsOf,
  firstContact,
  jobseeker,
  openConversation,
  reply,
  seekerWrites,
  sendKey,
  type Agency,
  type Seeker,
} from './messaging-fixtures';

let agency: Agency;

beforeAll(async () => {
  await setClock(jst('2026-11-27', '10:00'));
  agency = await admittedAgency();
});

const quotaUsed = async (a: { token: string }) => (await api('GET', '/v1/agency/quota', { token: a.token })).body.used as number;

describe('first contact and answers (R-MSG-1, R-MSG-2)', () => {
  it('R-MSG-1 attaches the accepted mandatory information to the first message, and the jobseeker sees it with the conversation', async () => {
    const seeker = await jobseeker();
    const sent = await firstContact(agency, seeker.profileId, 'はじめまして。介護職の求人をご紹介できます。');
    expect(sent.status).toBe(201);
    expect(sent.body.message).toMatchObject({
      from: 'agency',
      kind: 'first_contact',
      body: 'はじめまして。介護職の求人をご紹介できます。',
    });
    expect(sent.body.message.mandatoryInformation).toMatchObject({ version: 1, content: exampleMandatoryInformationShown });

    const inbox = await api('GET', '/v1/seeker/conversations', { token: seeker.token });
    expect(inbox.status).toBe(200);
    expect(inbox.body.items).toHaveLength(1);
    expect(inbox.body.items[0]).toMatchObject({
      id: sent.body.conversationId,
      agencyId: agency.id,
      state: 'awaiting_seeker',
      unread: 1,
      mandatoryInformationVersion: 1,
      mandatoryInformationVersionSeen: null,
      mandatoryInformation: { version: 1, content: exampleMandatoryInformationShown },
    });
    const thread = await api('GET', `/v1/seeker/conversations/${sent.body.conversationId}`, { token: seeker.token });
    expect(thread.body.messages[0].mandatoryInformation.content).toEqual(exampleMandatoryInformationShown);
    // The complaints officer is the privacy officer the agency registered, not a separately typed person.
    expect(thread.body.mandatoryInformation.content.complaintsOfficer).toEqual({
      name: exampleOfficer.name,
      contact: { kind: 'phone', value: exampleOfficer.phone },
    });
    expect(thread.body.conversation).toMatchObject({ unread: 0, mandatoryInformationVersionSeen: 1 });
  });

  it('R-MSG-1 gives the agency no way to supply or edit the attached information', async () => {
    const seeker = await jobseeker();
    const forged = { ...exampleMandatoryInformationShown, feesToJobseekers: { hasFees: false, text: '無料です（偽）' } };
    const res = await api('POST', '/v1/agency/conversations', {
      token: agency.token,
      body: {
        profileId: seeker.profileId,
        body: 'はじめまして。',
        idempotencyKey: sendKey(),
        mandatoryInformation: { version: 9, acceptedAt: new Date().toISOString(), content: forged },
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_request');
    expect((await api('GET', '/v1/seeker/conversations', { token: seeker.token })).body.items).toHaveLength(0);
  });

  it('R-MSG-2 allows one first message until the jobseeker writes, then answers; refused sends do not count', async () => {
    const seeker = await jobseeker();
    const first = await firstContact(agency, seeker.profileId);
    const id = first.body.conversationId;
    const used = await quotaUsed(agency);

    const again = await firstContact(agency, seeker.profileId, 'もう一度ご連絡します。');
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'first_message_already_sent', conversationId: id });
    expect(again.body.detail).toMatch(/返信/);
    const early = await reply(agency, id, '追加のご案内です。');
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('first_message_already_sent');
    expect(await quotaUsed(agency)).toBe(used);

    expect((await seekerWrites(seeker, id, '詳しく教えてください。')).status).toBe(201);
    const agencyInbox = await api('GET', '/v1/agency/conversations', { token: agency.token });
    expect(agencyInbox.body.items.find((c: { id: string }) => c.id === id)).toMatchObject({ state: 'open', unread: 1 });
    for (const text of ['ご質問ありがとうございます。', '勤務地は横浜市内です。']) expect((await reply(agency, id, text)).status).toBe(201);
    expect(await quotaUsed(agency)).toBe(used + 2);

    const thread = await api('GET', `/v1/agency/conversations/${id}`, { token: agency.token });
    expect(thread.status).toBe(200);
    expect(thread.body.messages.map((m: { from: string; kind: string }) => `${m.from}:${m.kind}`)).toEqual([
      'agency:first_contact',
      'seeker:reply',
      'agency:reply',
      'agency:reply',
    ]);
    expect(thread.body.conversation.unread).toBe(0);
    const second = await firstContact(agency, seeker.profileId);
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('conversation_exists');
  });

  it('shows both inboxes newest first with unread counts, and pages them', async () => {
    const a = await admittedAgency();
    const seekers = [await jobseeker(), await jobseeker(), await jobseeker()];
    const ids: string[] = [];
    for (const [i, s] of seekers.entries()) {
      await setClock(jst('2026-11-27', `10:0${i + 1}`));
      ids.push((await firstContact(a, s.profileId)).body.conversationId);
    }
    await setClock(jst('2026-11-27', '10:05'));
    await seekerWrites(seekers[0]!, ids[0]!);
    await setClock(jst('2026-11-27', '10:00'));
    const page1 = await api('GET', '/v1/agency/conversations?limit=2', { token: a.token });
    expect(page1.body.items.map((c: { id: string }) => c.id)).toEqual([ids[0], ids[2]]);
    expect(page1.body.items[0]).toMatchObject({ unread: 1, state: 'open', profileId: seekers[0]!.profileId, agencyId: a.id });
    expect(page1.body.items[1].unread).toBe(0);
    const page2 = await api('GET', `/v1/agency/conversations?limit=2&cursor=${page1.body.nextCursor}`, { token: a.token });
    expect(page2.body.items.map((c: { id: string }) => c.id)).toEqual([ids[1]]);
    expect(page2.body.nextCursor).toBeNull();
  });
});

describe('contact details and plain text (R-MSG-4, R-MSG-5, R-MSG-6)', () => {
  let seeker: Seeker;
  let conversationId: string;
  beforeAll(async () => {
    seeker = await jobseeker();
    conversationId = await openConversation(agency, seeker);
  });

  it.each([
    ['a phone number', '私の携帯は090-1234-5678です。', '電話番号'],
    ['a full-width phone number', '電話：０９０ー１２３４ー５６７８', '電話番号'],
    ['an email address', 'taro.yamada@example.com に送ってください', 'メールアドレス'],
    ['a postal code', '〒100-0001 に住んでいます', '郵便番号'],
    ['a street address', '千代田区丸の内1-2-3に住んでいます', '住所'],
    ['a messenger ID', 'LINE ID: taro_1234 で連絡ください', 'メッセンジャー'],
  ])('R-MSG-4 refuses a jobseeker message holding %s, says what and why in Japanese, and stores nothing', async (_kind, body, label) => {
    const before = (await api('GET', `/v1/seeker/conversations/${conversationId}`, { token: seeker.token })).body.messages.length;
    const res = await seekerWrites(seeker, conversationId, body);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe('contact_details_not_allowed');
    expect(res.body.detail).toContain(label);
    expect(res.body.detail).toMatch(/個人を特定できる情報/);
    expect(res.body.detail).toMatch(/保存されていません/);
    expect(res.body.findings[0]).toMatchObject({ start: expect.any(Number), end: expect.any(Number) });
    expect((await api('GET', `/v1/seeker/conversations/${conversationId}`, { token: seeker.token })).body.messages.length).toBe(before);
    const agencyView = await api('GET', `/v1/agency/conversations/${conversationId}`, { token: agency.token });
    expect(JSON.stringify(agencyView.body)).not.toContain(body);
  });

  it('R-MSG-4 lets an agency write only its registered contact methods, in any width or form', async () => {
    const allowed = [
      'お電話は03-1234-5678までお願いします。',
      'お電話は０３－１２３４－５６７８まで。',
      '詳しくは https://mirai.example.jp/contact をご覧ください。',
      '詳しくは mirai.example.jp/contact/form をご覧ください。',
    ];
    for (const body of allowed) {
      const res = await reply(agency, conversationId, body);
      expect(res.status, body).toBe(201);
      expect(res.body.message.body).toBe(body);
    }
    const used = await quotaUsed(agency);
    for (const [body, label] of [
      ['担当の携帯 090-9999-8888 へどうぞ', '電話番号'],
      ['tanto@gmail.com までご連絡を', 'メールアドレス'],
      ['https://other.example.com/jobs もご覧ください', 'URL'],
    ]) {
      const res = await reply(agency, conversationId, body!);
      expect(res.status, body).toBe(422);
      expect(res.body.code).toBe('contact_details_not_allowed');
      expect(res.body.detail).toContain(label!);
      expect(res.body.detail).toContain('登録済みの連絡方法');
    }
    expect(await quotaUsed(agency)).toBe(used);
  });

  it('R-MSG-5 warns about promotion and dispatch steering but still delivers', async () => {
    const res = await reply(agency, conversationId, '来週のセミナーにぜひご参加ください。');
    expect(res.status).toBe(201);
    expect(res.body.warnings.map((w: { kind: string }) => w.kind)).toContain('seminar_promotion');
    expect(res.body.warnings[0].message).toMatch(/8\(2\)②/);
    const plain = await reply(agency, conversationId, '面接の日程をご相談させてください。');
    expect(plain.body.warnings).toEqual([]);
  });

  it('R-MSG-6 stores markup as plain text and refuses bodies over 4,000 characters', async () => {
    const markup = '<b>太字</b><script>alert(1)</script><img src=x onerror=alert(2)>';
    const sent = await seekerWrites(seeker, conversationId, markup);
    expect(sent.status).toBe(201);
    const thread = await api('GET', `/v1/agency/conversations/${conversationId}`, { token: agency.token });
    expect(thread.headers.get('content-type')).toContain('application/json');
    expect(thread.body.messages.at(-1).body).toBe(markup);
    expect((await seekerWrites(seeker, conversationId, 'あ'.repeat(4001))).status).toBe(400);
    expect((await reply(agency, conversationId, 'あ'.repeat(4001))).status).toBe(400);
    expect((await seekerWrites(seeker, conversationId, 'あ'.repeat(4000))).status).toBe(201);
  });
});

describe('mandatory-information changes (R-MSG-3, R-CAP-3)', () => {
  it('R-MSG-3 sends every open conversation a notice with the new content and records the version each jobseeker has seen', async () => {
    const a = await admittedAgency();
    const waiting = await jobseeker();
    const talking = await jobseeker();
    const blocking = await jobseeker();
    const waitingId = (await firstContact(a, waiting.profileId)).body.conversationId;
    const talkingId = await openConversation(a, talking);
    await openConversation(a, blocking);
    expect((await api('PUT', `/v1/seeker/blocks/${a.id}`, { token: blocking.token })).status).toBe(200);
    await api('GET', `/v1/seeker/conversations/${talkingId}`, { token: talking.token });

    const changed = {
      ...exampleMandatoryInformationShown,
      feesToJobseekers: { hasFees: true, text: '就職決定時に賃金の10%（税別）をいただきます。' },
    };
    const usedBefore = await quotaUsed(a);
    const installed = await agencyObject(a.id).installMandatoryInformation(changed, Date.parse(jst('2026-11-27', '10:00')));
    expect(installed).toEqual({ ok: true, version: 2, notified: 2 });
    expect(await quotaUsed(a)).toBe(usedBefore);

    const inbox = (await api('GET', '/v1/seeker/conversations', { token: talking.token })).body.items[0];
    expect(inbox).toMatchObject({ mandatoryInformationVersion: 2, mandatoryInformationVersionSeen: 1, unread: 1 });
    expect(inbox.mandatoryInformation.content.feesToJobseekers.text).toContain('10%');
    const thread = await api('GET', `/v1/seeker/conversations/${talkingId}`, { token: talking.token });
    const notice = thread.body.messages.at(-1);
    expect(notice).toMatchObject({
      from: 'system',
      kind: 'notice',
      notice: 'mandatory_info_changed',
      mandatoryInformation: { version: 2, content: changed },
    });
    expect(notice.body).toContain('必須情報が変更されました');
    expect(notice.body).toContain('10%');
    expect(thread.body.conversation.mandatoryInformationVersionSeen).toBe(2);
    const agencyInbox = (await api('GET', '/v1/agency/conversations', { token: a.token })).body.items;
    expect(agencyInbox.find((c: { id: string }) => c.id === talkingId)).toMatchObject({
      mandatoryInformationVersion: 2,
      mandatoryInformationVersionSeen: 2,
    });
    expect(agencyInbox.find((c: { id: string }) => c.id === waitingId)).toMatchObject({
      mandatoryInformationVersion: 2,
      mandatoryInformationVersionSeen: null,
    });

    expect((await eventsOf(a, 'mandatory_info_changed')).map((e) => e.details.version)).toEqual([2]);
    expect((await api('GET', '/v1/agency/me', { token: a.token })).body.mandatoryInformation.version).toBe(2);
    const later = await jobseeker();
    const next = await firstContact(a, later.profileId);
    expect(next.body.message.mandatoryInformation).toMatchObject({ version: 2, content: changed });
  });

  it('R-CAP-3 delivers system notices to an agency at its cap without counting them', async () => {
    const a = await admittedAgency();
    const seeker = await jobseeker();
    const id = await openConversation(a, seeker);
    const stub = agencyObject(a.id);
    const now = Date.parse(jst('2026-11-27', '10:00'));
    // Fill the day's count through the object's own reservation path (the HTTP burst is in messaging-cap.test.ts).
    for (let i = (await stub.quota(now)).used; i < 1000; i++) {
      const r = await stub.reserveSend({ key: `fill-${i}-${a.id}`, kind: 'reply', conversationId: id, body: '予約' }, now);
      expect(r.ok).toBe(true);
    }
    expect((await reply(a, id)).body.code).toBe('cap_reached');
    const installed = await stub.installMandatoryInformation(
      { ...exampleMandatoryInformationShown, placementRecord: { fiscalYear: 2025, placements: 50, summary: '常用就職50件' } },
      now,
    );
    expect(installed.notified).toBe(1);
    const thread = await api('GET', `/v1/seeker/conversations/${id}`, { token: seeker.token });
    expect(thread.body.messages.at(-1).notice).toBe('mandatory_info_changed');
    expect(await quotaUsed(a)).toBe(1000);
  }, 20_000); // a thousand sequential reservations: seconds on a loaded machine
});

describe('who may read and write (R-SEC-2 ownership)', () => {
  it('refuses another agency and another jobseeker the conversation, and wrong roles', async () => {
    const owner = await jobseeker();
    const id = await openConversation(agency, owner);
    const other = await admittedAgency();
    const stranger = await jobseeker();

    expect((await api('GET', `/v1/agency/conversations/${id}`, { token: other.token })).status).toBe(404);
    const write = await reply(other, id, '横から失礼します。');
    expect(write.status).toBe(404);
    expect(write.body.code).toBe('conversation_not_found');
    expect((await api('GET', '/v1/agency/conversations', { token: other.token })).body.items).toEqual([]);

    expect((await api('GET', `/v1/seeker/conversations/${id}`, { token: stranger.token })).status).toBe(404);
    expect((await seekerWrites(stranger, id, 'こんにちは')).status).toBe(404);
    expect((await api('GET', '/v1/seeker/conversations', { token: stranger.token })).body.items).toEqual([]);

    expect((await api('GET', `/v1/seeker/conversations/${id}`, { token: agency.token })).status).toBe(403);
    expect((await api('GET', `/v1/agency/conversations/${id}`, { token: owner.token })).status).toBe(403);
    expect((await api('GET', `/v1/agency/conversations/${id}`)).status).toBe(401);
    expect((await api('GET', '/v1/agency/conversations/not-an-id', { token: agency.token })).status).toBe(400);
    const thread = await api('GET', `/v1/seeker/conversations/${id}`, { token: owner.token });
    expect(thread.body.messages.map((m: { body: string }) => m.body)).not.toContain('横から失礼します。');
  });

  it('gives an agency without the jobseeker service no conversations', async () => {
    const jobOfferOnly = await admittedAgency({ services: ['job_offer'], mandatoryInformation: undefined });
    const seeker = await jobseeker();
    const res = await firstContact(jobOfferOnly, seeker.profileId);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('service_not_admitted');
    expect((await api('GET', '/v1/agency/quota', { token: jobOfferOnly.token })).body.used).toBe(0);
  });

  it('lists every messaging route in the OpenAPI document', async () => {
    const paths = Object.keys((await api('GET', '/v1/openapi.json')).body.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/v1/agency/quota',
        '/v1/agency/conversations',
        '/v1/agency/conversations/{id}',
        '/v1/agency/conversations/{id}/messages',
        '/v1/seeker/conversations',
        '/v1/seeker/conversations/{id}',
        '/v1/seeker/conversations/{id}/messages',
        '/v1/seeker/blocks',
        '/v1/seeker/blocks/{agencyId}',
        '/v1/seeker/deletion-requests',
      ]),
    );
  });
});

describe('stopping use and the deletion record (R-RET-3, R-RET-4)', () => {
  it('R-RET-3 removes every conversation when the agency stops using the service and tells each jobseeker', async () => {
    const a = await admittedAgency();
    const s1 = await jobseeker();
    const s2 = await jobseeker();
    const id1 = await openConversation(a, s1);
    const id2 = (await firstContact(a, s2.profileId)).body.conversationId;
    const purged = await agencyObject(a.id).purgeJobseekerData('R-RET-3', Date.parse(jst('2026-11-27', '10:00')));
    expect(purged.deleted).toBe(4); // two acquisitions, two conversations

    expect((await api('GET', '/v1/agency/conversations', { token: a.token })).body.items).toEqual([]);
    const gone = await api('GET', `/v1/agency/conversations/${id1}`, { token: a.token });
    expect(gone.status).toBe(410);
    expect(gone.body.code).toBe('data_deleted');
    expect((await reply(a, id1)).status).toBe(410);
    for (const [seeker, id] of [
      [s1, id1],
      [s2, id2],
    ] as const) {
      const thread = await api('GET', `/v1/seeker/conversations/${id}`, { token: seeker.token });
      expect(thread.body.conversation.state).toBe('closed');
      expect(thread.body.messages.at(-1)).toMatchObject({ from: 'system', notice: 'conversation_closed' });
      expect((await seekerWrites(seeker, id)).status).toBe(410);
    }
    const log = await agencyObject(a.id).deletionLog();
    expect(
      log
        .filter((d) => d.rule === 'R-RET-3')
        .map((d) => d.recordKind)
        .sort(),
    ).toEqual(['acquired_profile', 'acquired_profile', 'conversation', 'conversation']);
  });

  it('R-RET-4 records each deletion (kind, rule, when) without the deleted content', async () => {
    const a = await admittedAgency();
    const seeker = await jobseeker();
    const secret = `秘密の相談内容${Math.random()}`;
    const id = await openConversation(a, seeker);
    await seekerWrites(seeker, id, secret);
    await api('POST', '/v1/seeker/deletion-requests', { token: seeker.token, body: { agencyId: a.id } });
    const [event] = await eventsOf(a, 'deletion_request');
    await api('POST', `/v1/agency/events/${event.id}/ack`, {
      token: a.token,
      body: { deletedAt: new Date().toISOString(), deletedRecords: 3 },
    });
    const log = await agencyObject(a.id).deletionLog();
    expect(log.map((d) => `${d.recordKind}:${d.rule}`).sort()).toEqual([
      'acquired_profile:R-DEL-1',
      'conversation:R-DEL-1',
      'extension_copy:R-DEL-1',
    ]);
    for (const d of log) expect(d.at).toBe('2026-11-27T01:00:00.000Z');
    expect(JSON.stringify(log)).not.toContain(secret);
    expect(JSON.stringify(log)).not.toContain('勤務時間');
  });
});
