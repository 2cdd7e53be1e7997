import { describe, expect, it } from 'vitest';
import { reportPartErrors, reportParts } from './reports';

describe('reportParts and reportPartErrors (R-REP-1)', () => {
  it('R-REP-1 asks for one part per service used, fees exactly from a paid agency', () => {
    expect(reportParts('paid', ['job_offer', 'jobseeker'])).toEqual({ jobOffer: true, jobseeker: true, fees: true });
    expect(reportParts('free', ['jobseeker'])).toEqual({ jobOffer: false, jobseeker: true, fees: false });
    expect(reportParts('school', ['job_offer'])).toEqual({ jobOffer: true, jobseeker: false, fees: false });
  });

  it('R-REP-1 accepts zeros as a report and names each missing or surplus part', () => {
    const paid = reportParts('paid', ['job_offer', 'jobseeker']);
    const zeros = { total: 0, count: 0 };
    expect(
      reportPartErrors(
        { jobOffer: { hires: 0, feeTotal: 0 }, jobseeker: { newApplications: 0, jobseekerFees: zeros, employerFees: zeros } },
        paid,
      ),
    ).toEqual([]);
    expect(reportPartErrors({ jobOffer: { hires: 0, feeTotal: 0 } }, paid).map((e) => e.path)).toEqual(['jobseeker']);
    expect(reportPartErrors({ jobOffer: { hires: 0 } }, reportParts('paid', ['job_offer'])).map((e) => e.path)).toEqual([
      'jobOffer.feeTotal',
    ]);
    expect(reportPartErrors({ jobOffer: { hires: 0, feeTotal: 0 } }, reportParts('free', ['job_offer'])).map((e) => e.path)).toEqual([
      'jobOffer.feeTotal',
    ]);
    expect(reportPartErrors({ jobseeker: { newApplications: 1 } }, reportParts('free', ['job_offer'])).map((e) => e.path)).toEqual([
      'jobOffer',
      'jobseeker',
    ]);
  });
});
