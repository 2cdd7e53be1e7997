import { describe, expect, it } from 'vitest';
import { JobOrderRequestSchema } from '../schemas/job-desk';
import { employerStatement, statementProblem, type StatementAgency } from './employer-statement';

const order = JobOrderRequestSchema.parse({
  offerNumber: '13010-12345678',
  employer: { name: '社会福祉法人さくら会', contactName: '人事部 田中' },
  acceptedOn: '2026-11-20',
  jobsHandled: { occupations: ['050'], prefectures: ['13'], text: '介護職員' },
  subsidies: { handles: true, kinds: ['特定求職者雇用開発助成金'] },
});
const officer = { name: '佐藤 一郎', contact: '03-1234-5679' };
const paid: StatementAgency = { name: '株式会社みらい人材', licence: { kind: 'paid', number: '13-ユ-123456' }, complaintsOfficer: officer };
const free: StatementAgency = {
  name: 'みらい大学 キャリアセンター',
  licence: { kind: 'school', number: '13-学-000001' },
  complaintsOfficer: officer,
};

describe('R-JOB-6 the written statement for the employer', () => {
  it('R-JOB-6 a paid agency states jobs, fees, complaints, both kinds of information handling and subsidies', () => {
    const withFees = { ...order, fees: { text: '採用者の理論年収の20%（税別）。入社後3か月以内の退職は返金規定あり。' } };
    expect(statementProblem(withFees, paid)).toBeNull();
    const s = employerStatement(withFees, paid);
    expect(s.parts.map((p) => p.key)).toEqual(['jobs', 'fees', 'complaints', 'employer_information', 'jobseeker_information', 'subsidies']);
    expect(s.parts[0]!.body).toContain('施設介護の職業');
    expect(s.parts[1]!.body).toContain('理論年収の20%');
    expect(s.parts[2]!.body).toContain('佐藤 一郎');
    expect(s.parts[5]!.body).toContain('特定求職者雇用開発助成金');
    expect(s.text).toContain('13010-12345678');
    for (const p of s.parts) expect(s.text).toContain(p.heading);
  });

  it('R-JOB-6 a paid agency cannot produce it without its fees; a free agency cannot state any', () => {
    expect(statementProblem(order, paid)).toBe('fees_required');
    expect(statementProblem({ ...order, fees: { text: '10%' } }, free)).toBe('fees_not_allowed');
  });

  it('R-JOB-6 a free agency (a school) states that it charges no fees, with the same five parts and subsidies', () => {
    const s = employerStatement({ ...order, subsidies: { handles: false, kinds: [] } }, free);
    expect(s.parts.map((p) => p.key)).toEqual(['jobs', 'fees', 'complaints', 'employer_information', 'jobseeker_information', 'subsidies']);
    expect(s.parts[1]!.body).toContain('手数料をいただきません');
    expect(s.parts[5]!.body).toBe('当社は雇用関係助成金を取り扱いません。');
  });

  it('R-JOB-6 an agency with no registered complaints officer must name one in the order', () => {
    expect(statementProblem(order, { ...free, complaintsOfficer: null })).toBe('complaints_officer_required');
    const named = {
      ...order,
      complaints: { officer: '進路指導課 鈴木', contact: 'career@univ.example.ac.jp', procedure: '窓口で受け付けます。' },
    };
    expect(statementProblem(named, { ...free, complaintsOfficer: null })).toBeNull();
    expect(employerStatement(named, free).parts[2]!.body).toContain('進路指導課 鈴木');
  });

  it('R-JOB-6 subsidies must be named when handled', () => {
    expect(JobOrderRequestSchema.safeParse({ ...order, subsidies: { handles: true, kinds: [] } }).success).toBe(false);
  });
});
