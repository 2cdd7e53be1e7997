import { describe, expect, it } from 'vitest';
import { AgencyComplaintCreateSchema, AgencyComplaintUpdateSchema, SeekerComplaintSchema } from './complaint';

describe('agency complaint log (R-CMP-1)', () => {
  it('records date received, content and handling so far', () => {
    const parsed = AgencyComplaintCreateSchema.parse({ receivedOn: '2026-04-02', from: 'jobseeker', content: '連絡が多すぎるとの苦情' });
    expect(parsed.handling).toEqual([]);
    expect(
      AgencyComplaintCreateSchema.safeParse({
        receivedOn: '2026-04-02',
        from: 'employer',
        content: '…',
        handling: [{ on: '2026-04-02', note: '電話で謝罪' }],
      }).success,
    ).toBe(true);
  });

  it('refuses handling dated before receipt, an impossible date and an empty complaint', () => {
    expect(
      AgencyComplaintCreateSchema.safeParse({
        receivedOn: '2026-04-02',
        from: 'jobseeker',
        content: '…',
        handling: [{ on: '2026-04-01', note: '対応' }],
      }).success,
    ).toBe(false);
    expect(AgencyComplaintCreateSchema.safeParse({ receivedOn: '2026-02-30', from: 'jobseeker', content: '…' }).success).toBe(false);
    expect(AgencyComplaintCreateSchema.safeParse({ receivedOn: '2026-04-02', from: 'jobseeker', content: '' }).success).toBe(false);
  });

  it('only appends handling; the recorded content cannot be patched', () => {
    expect(AgencyComplaintUpdateSchema.safeParse({ handling: { on: '2026-04-05', note: '再発防止策を周知' } }).success).toBe(true);
    expect(AgencyComplaintUpdateSchema.safeParse({ content: '書き換え' }).success).toBe(false);
  });
});

describe('SeekerComplaintSchema (R-CMP-1)', () => {
  it('names the agency and the complaint, nothing more', () => {
    expect(SeekerComplaintSchema.safeParse({ agencyId: 'ag_01', content: 'セミナーへの参加を何度も勧められました。' }).success).toBe(true);
    expect(SeekerComplaintSchema.safeParse({ agencyId: 'ag_01', content: '…', name: '山田' }).success).toBe(false);
    expect(SeekerComplaintSchema.safeParse({ agencyId: 'ag 01', content: '…' }).success).toBe(false);
    expect(SeekerComplaintSchema.safeParse({ agencyId: 'ag_01', content: 'あ'.repeat(4001) }).success).toBe(false);
  });
});
