import { describe, expect, it } from 'vitest';
import { exampleMandatoryInformation, exampleMandatoryInformationShown } from './examples';
import {
  ConversationSchema,
  FirstContactRequestSchema,
  MESSAGE_MAX_LENGTH,
  MessageSchema,
  ReplyRequestSchema,
  SeekerMessageRequestSchema,
} from './message';
import { DailyQuotaSchema } from './quota';

const firstContact = {
  profileId: '13-7K3QM2XPA9',
  body: 'はじめまして。介護職の求人をご紹介できます。',
  idempotencyKey: 'fc-2026-04-01-0001',
};

describe('message bodies (R-MSG-6)', () => {
  it('takes up to 4,000 characters of plain text and refuses more', () => {
    expect(MESSAGE_MAX_LENGTH).toBe(4000);
    expect(SeekerMessageRequestSchema.safeParse({ body: 'あ'.repeat(4000) }).success).toBe(true);
    expect(SeekerMessageRequestSchema.safeParse({ body: 'あ'.repeat(4001) }).success).toBe(false);
  });

  it('refuses empty or blank bodies and control characters', () => {
    expect(SeekerMessageRequestSchema.safeParse({ body: '' }).success).toBe(false);
    expect(SeekerMessageRequestSchema.safeParse({ body: ' \n\t ' }).success).toBe(false);
    expect(SeekerMessageRequestSchema.safeParse({ body: 'a\u0007b' }).success).toBe(false);
    expect(SeekerMessageRequestSchema.safeParse({ body: 42 }).success).toBe(false);
  });
});

describe('FirstContactRequestSchema (R-MSG-1, R-CAP-2)', () => {
  it('takes a profile, a body and an idempotency key', () => {
    expect(FirstContactRequestSchema.parse(firstContact)).toEqual(firstContact);
  });

  it('R-MSG-1 refuses agency-supplied mandatory information and other unknown fields', () => {
    expect(FirstContactRequestSchema.safeParse({ ...firstContact, mandatoryInformation: exampleMandatoryInformation }).success).toBe(false);
    expect(ReplyRequestSchema.safeParse({ body: 'はい', idempotencyKey: 'rp-000001', from: 'system' }).success).toBe(false);
    expect(SeekerMessageRequestSchema.safeParse({ body: 'はい', kind: 'notice' }).success).toBe(false);
  });

  it('R-CAP-2 requires an idempotency key of 8 to 100 safe characters', () => {
    const { idempotencyKey: _k, ...withoutKey } = firstContact;
    expect(FirstContactRequestSchema.safeParse(withoutKey).success).toBe(false);
    for (const idempotencyKey of ['short', 'k'.repeat(101), 'has space here', 'émoji-key-1']) {
      expect(FirstContactRequestSchema.safeParse({ ...firstContact, idempotencyKey }).success, idempotencyKey).toBe(false);
    }
    expect(ReplyRequestSchema.safeParse({ body: 'はい', idempotencyKey: 'k'.repeat(100) }).success).toBe(true);
  });

  it('refuses a malformed profile ID', () => {
    expect(FirstContactRequestSchema.safeParse({ ...firstContact, profileId: '13-short' }).success).toBe(false);
  });
});

describe('conversations and messages', () => {
  it('R-MSG-3 records the version seen beside the current one', () => {
    const conversation = {
      id: 'cv_01',
      agencyId: 'ag_01',
      agencyName: '株式会社みらい人材',
      profileId: '13-7K3QM2XPA9',
      state: 'open',
      mandatoryInformationVersion: 3,
      mandatoryInformationVersionSeen: 2,
      unread: 1,
      lastMessageAt: '2026-04-01T03:00:00.000Z',
    };
    expect(ConversationSchema.parse(conversation).mandatoryInformationVersionSeen).toBe(2);
    expect(ConversationSchema.safeParse({ ...conversation, state: 'archived' }).success).toBe(false);
  });

  it('R-MSG-1 carries the mandatory information on a first contact', () => {
    const message = {
      id: 'msg_01',
      conversationId: 'cv_01',
      from: 'agency',
      kind: 'first_contact',
      body: 'はじめまして。',
      sentAt: '2026-04-01T03:00:00.000Z',
      mandatoryInformation: { version: 1, acceptedAt: '2026-03-20T00:00:00.000Z', content: exampleMandatoryInformationShown },
    };
    expect(MessageSchema.parse(message).mandatoryInformation?.version).toBe(1);
    expect(MessageSchema.safeParse({ ...message, from: 'bureau' }).success).toBe(false);
  });
});

describe('DailyQuotaSchema (R-CAP-1)', () => {
  it('states used, limit, remaining and reset time consistently', () => {
    const quota = { day: '2026-04-01', used: 1000, limit: 1000, remaining: 0, resetsAt: '2026-04-01T15:00:00.000Z' };
    expect(DailyQuotaSchema.safeParse(quota).success).toBe(true);
    expect(DailyQuotaSchema.safeParse({ ...quota, remaining: 5 }).success).toBe(false);
  });
});
