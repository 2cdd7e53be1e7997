import { describe, expect, it } from 'vitest';
import { AgencyEventSchema, AgencyEventsQuerySchema, EventAckSchema } from './event';

const block = {
  id: 'ev_01',
  seq: 7,
  type: 'block',
  rule: 'R-BLOCK-2',
  profileId: '13-7K3QM2XPA9',
  conversationId: 'cv_01',
  createdAt: '2026-04-01T03:00:00.000Z',
  ackedAt: null,
  details: { blockedAt: '2026-04-01T03:00:00.000Z' },
};

describe('AgencyEventSchema', () => {
  it('R-BLOCK-2 names the profile whose data must go', () => {
    expect(AgencyEventSchema.parse(block)).toMatchObject({ type: 'block', profileId: '13-7K3QM2XPA9' });
    const { profileId: _p, ...withoutProfile } = block;
    expect(AgencyEventSchema.safeParse(withoutProfile).success).toBe(false);
  });

  it('checks details against the type', () => {
    expect(
      AgencyEventSchema.safeParse({
        ...block,
        type: 'report_reminder',
        rule: 'R-REP-2',
        details: { fiscalYear: 2025, dueOn: '2026-04-20' },
      }).success,
    ).toBe(true);
    expect(
      AgencyEventSchema.safeParse({ ...block, type: 'report_reminder', details: { blockedAt: '2026-04-01T03:00:00.000Z' } }).success,
    ).toBe(false);
    expect(
      AgencyEventSchema.safeParse({
        ...block,
        type: 'retention_expired',
        rule: 'R-RET-1',
        details: { deadline: '2026-06-30', reason: 'not_accepted' },
      }).success,
    ).toBe(true);
    expect(
      AgencyEventSchema.safeParse({
        ...block,
        type: 'status_changed',
        rule: 'R-SAN-2',
        details: { status: 'suspended', suspension: { reason: '報告なし', startsOn: '2026-05-22', endsOn: '2026-11-21', kind: 'fixed' } },
      }).success,
    ).toBe(true);
  });

  it('refuses an unknown type, a bad rule ID and a zero seq', () => {
    expect(AgencyEventSchema.safeParse({ ...block, type: 'hello' }).success).toBe(false);
    expect(AgencyEventSchema.safeParse({ ...block, rule: 'BLOCK-2' }).success).toBe(false);
    expect(AgencyEventSchema.safeParse({ ...block, seq: 0 }).success).toBe(false);
  });
});

describe('event paging and acknowledgement (R-DEL-2, R-RET-4)', () => {
  it('pages by seq', () => {
    expect(AgencyEventsQuerySchema.parse({ after: '6' })).toEqual({ after: 6, limit: 20 });
    expect(AgencyEventsQuerySchema.parse({})).toEqual({ after: 0, limit: 20 });
    expect(AgencyEventsQuerySchema.safeParse({ after: '-1' }).success).toBe(false);
  });

  it('takes when the copy was deleted and how many records, nothing of the content', () => {
    expect(EventAckSchema.parse({ deletedAt: '2026-04-01T03:00:02.000Z' })).toEqual({
      deletedAt: '2026-04-01T03:00:02.000Z',
      deletedRecords: 0,
    });
    expect(EventAckSchema.safeParse({ deletedAt: '2026-04-01T03:00:02.000Z', deletedContent: '…' }).success).toBe(false);
    expect(EventAckSchema.safeParse({ deletedAt: 'yesterday' }).success).toBe(false);
  });
});
