import { describe, expect, it } from 'vitest';
import { proposeSanction, type Sanction, type SuspensionTerm, type ViolationCategory, type ViolationHistoryEntry } from './sanctions';

const recordedOn = '2028-01-10';

function expectSuspension(sanction: Sanction, term: SuspensionTerm, basis: string): void {
  expect(sanction).toMatchObject({ kind: 'suspension', term, basis });
  if (sanction.kind !== 'suspension') return;
  expect(sanction.reason).toContain('停止');
  expect(sanction.reason).not.toContain('利用解除');
  if (term === 'until_corrected') expect(sanction.reason).toContain('是正が確認されるまでの間');
  if (term === 'temporary') expect(sanction.reason).toContain('一時的');
  if (typeof term === 'object') expect(sanction.reason).toContain('6か月');
}

function expectRevocation(sanction: Sanction, basis: string): void {
  expect(sanction).toMatchObject({ kind: 'revocation', basis });
  expect(sanction.reason).toContain('利用解除');
}

describe('proposeSanction', () => {
  it.each<[ViolationCategory, SuspensionTerm, string]>([
    ['misuse', { months: 6 }, '§8(2)①'],
    ['promotion', { months: 6 }, '§8(2)②'],
    ['excessive_sales', 'until_corrected', '§8(2)③'],
    ['missed_procedure', { months: 6 }, '§8(2)④a'],
    ['other', 'until_corrected', '§8(2)⑤a'],
    ['legal_order', 'until_corrected', '§8(1)'],
    ['fact_check', 'temporary', '§8(3)'],
  ])('R-SAN-1 a first %s is a suspension (%j) under %s', (category, term, basis) => {
    expectSuspension(proposeSanction({ category, recordedOn }, []), term, basis);
  });

  it.each<[ViolationCategory, string]>([
    ['serious_procedure', '§8(2)④b'],
    ['serious_other', '§8(2)⑤b'],
  ])('R-SAN-1 a first %s is revocation under %s', (category, basis) => {
    expectRevocation(proposeSanction({ category, recordedOn }, []), basis);
  });

  it.each<[ViolationCategory, string]>([
    ['misuse', '§8(2)①'],
    ['excessive_sales', '§8(2)③'],
    ['missed_procedure', '§8(2)④a'],
  ])('R-SAN-1 %s again after use resumed is revocation under %s', (category, basis) => {
    const history: ViolationHistoryEntry[] = [{ category, recordedOn: '2027-01-10', resumedOn: '2027-07-10' }];
    expectRevocation(proposeSanction({ category, recordedOn }, history), basis);
  });

  it.each<[ViolationCategory, SuspensionTerm, string]>([
    ['misuse', { months: 6 }, '§8(2)①'],
    ['excessive_sales', 'until_corrected', '§8(2)③'],
    ['missed_procedure', { months: 6 }, '§8(2)④a'],
  ])('R-SAN-1 %s recorded while the earlier one has not led to resumption stays a suspension', (category, term, basis) => {
    const history: ViolationHistoryEntry[] = [{ category, recordedOn: '2027-12-01', resumedOn: null }];
    expectSuspension(proposeSanction({ category, recordedOn }, history), term, basis);
  });

  it.each<[string, string, Sanction['kind']]>([
    ['2028-01-09', 'the day before', 'revocation'],
    ['2028-01-10', 'the same day', 'revocation'],
    ['2028-01-11', 'the day after', 'suspension'],
  ])('R-SAN-1 misuse recorded 2028-01-10 with use resumed %s (%s) → %s', (resumedOn, _label, kind) => {
    const history: ViolationHistoryEntry[] = [{ category: 'misuse', recordedOn: '2027-06-01', resumedOn }];
    expect(proposeSanction({ category: 'misuse', recordedOn }, history).kind).toBe(kind);
  });

  it('R-SAN-1 a repeat counts only within the same clause', () => {
    const history: ViolationHistoryEntry[] = [
      { category: 'promotion', recordedOn: '2027-01-10', resumedOn: '2027-07-10' },
      { category: 'other', recordedOn: '2027-08-01', resumedOn: '2027-09-01' },
    ];
    expectSuspension(proposeSanction({ category: 'misuse', recordedOn }, history), { months: 6 }, '§8(2)①');
    expectSuspension(proposeSanction({ category: 'missed_procedure', recordedOn }, history), { months: 6 }, '§8(2)④a');
    expectSuspension(proposeSanction({ category: 'excessive_sales', recordedOn }, history), 'until_corrected', '§8(2)③');
  });

  it('R-SAN-1 promotion again after use resumed is again six months: §8(2)② sets no revocation', () => {
    const history: ViolationHistoryEntry[] = [{ category: 'promotion', recordedOn: '2027-01-10', resumedOn: '2027-07-10' }];
    expectSuspension(proposeSanction({ category: 'promotion', recordedOn }, history), { months: 6 }, '§8(2)②');
  });

  it.each([
    [true, 'revocation'],
    [false, 'suspension'],
  ] as const)('R-SAN-1 missed procedure with notImprovedWithinSuspension=%s → %s', (notImproved, kind) => {
    const sanction = proposeSanction({ category: 'missed_procedure', recordedOn, notImprovedWithinSuspension: notImproved }, []);
    expect(sanction.kind).toBe(kind);
    expect(sanction.basis).toBe('§8(2)④a');
    if (notImproved) expect(sanction.reason).toContain('改善されない');
  });

  it('R-SAN-1 notImprovedWithinSuspension turns only §8(2)④a into revocation', () => {
    expectSuspension(proposeSanction({ category: 'misuse', recordedOn, notImprovedWithinSuspension: true }, []), { months: 6 }, '§8(2)①');
  });

  it('R-SAN-1 gives the reason in Japanese', () => {
    const { reason } = proposeSanction({ category: 'excessive_sales', recordedOn }, []);
    expect(reason).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(reason).toContain('過剰な営業活動');
  });
});
