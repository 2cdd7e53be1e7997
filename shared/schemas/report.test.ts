import { describe, expect, it } from 'vitest';
import { AnnualReportRequestSchema, AnnualReportSchema } from './report';

describe('AnnualReportSchema (R-REP-1)', () => {
  it('takes a full report of a paid agency using both services', () => {
    const report = {
      fiscalYear: 2025,
      jobOffer: { hires: 12, feeTotal: 3600000 },
      jobseeker: { newApplications: 8, jobseekerFees: { total: 0, count: 0 }, employerFees: { total: 900000, count: 2 } },
    };
    expect(AnnualReportSchema.parse(report)).toEqual(report);
  });

  it('R-REP-1 takes a report of zeros', () => {
    expect(AnnualReportRequestSchema.safeParse({ jobOffer: { hires: 0 }, jobseeker: { newApplications: 0 } }).success).toBe(true);
  });

  it('refuses negative or fractional figures, a total without cases, and an empty report', () => {
    for (const body of [
      { jobOffer: { hires: -1 } },
      { jobOffer: { hires: 1.5 } },
      { jobOffer: { hires: 1, feeTotal: -100 } },
      { jobseeker: { newApplications: 1, employerFees: { total: 500000, count: 0 } } },
      {},
    ]) {
      expect(AnnualReportRequestSchema.safeParse(body).success, JSON.stringify(body)).toBe(false);
    }
  });

  it('refuses unknown fields and a fiscal year in the body (it is in the path)', () => {
    expect(AnnualReportRequestSchema.safeParse({ jobOffer: { hires: 1, bonus: 1 } }).success).toBe(false);
    expect(AnnualReportRequestSchema.safeParse({ fiscalYear: 2025, jobOffer: { hires: 1 } }).success).toBe(false);
  });
});
