/**
 * The annual usage report (利用状況報告, R-REP-1, §19(1)), due on 20 April for the fiscal year
 * just ended. A report of zeros is still a report.
 */
import { z } from 'zod';
import { FiscalYearSchema, IdSchema, InstantSchema, IsoDateSchema, PrefectureCodeSchema, YenSchema } from './common';

const CountSchema = z.number().int().min(0).max(10_000_000);

/**
 * A fee figure: the total in yen and the number of cases; no cases means no total.
 *
 * @example
 * FeeTallySchema.parse({ total: 1200000, count: 3 });
 */
export const FeeTallySchema = z.strictObject({ total: YenSchema, count: CountSchema }).refine((fee) => fee.count > 0 || fee.total === 0, {
  message: '件数が0件のときは合計額も0円です',
  path: ['total'],
});
export type FeeTally = z.infer<typeof FeeTallySchema>;

/**
 * The job-offer service's year: hires made from provided job offers and, for paid agencies, the
 * total of fees for them.
 *
 * @example
 * JobOfferUsageSchema.parse({ hires: 12, feeTotal: 3600000 });
 */
export const JobOfferUsageSchema = z.strictObject({
  hires: CountSchema,
  feeTotal: YenSchema.optional(),
});
export type JobOfferUsage = z.infer<typeof JobOfferUsageSchema>;

/**
 * The jobseeker service's year: new applications (新規求職申込み) gained through it and, for paid
 * agencies, the jobseeker fees and the employer fees for those jobseekers, each as total and count.
 *
 * @example
 * JobseekerUsageSchema.parse({ newApplications: 8, jobseekerFees: { total: 0, count: 0 }, employerFees: { total: 900000, count: 2 } });
 */
export const JobseekerUsageSchema = z.strictObject({
  newApplications: CountSchema,
  jobseekerFees: FeeTallySchema.optional(),
  employerFees: FeeTallySchema.optional(),
});
export type JobseekerUsage = z.infer<typeof JobseekerUsageSchema>;

const usage = {
  jobOffer: JobOfferUsageSchema.optional(),
  jobseeker: JobseekerUsageSchema.optional(),
};

const hasSomeService = (report: { jobOffer?: unknown; jobseeker?: unknown }) =>
  report.jobOffer !== undefined || report.jobseeker !== undefined;
const someServiceMessage = { message: '求人・求職のいずれかの利用状況を入力してください' };

/**
 * The body of `PUT /v1/agency/reports/{fiscalYear}`: one part per service the agency uses. Which
 * parts (and which fee figures) are required depends on the agency's services and licence, so the
 * worker checks that against its record.
 *
 * @example
 * AnnualReportRequestSchema.parse({ jobOffer: { hires: 0, feeTotal: 0 } });
 */
export const AnnualReportRequestSchema = z.strictObject(usage).refine(hasSomeService, someServiceMessage);
export type AnnualReportRequest = z.infer<typeof AnnualReportRequestSchema>;

/**
 * A fiscal year's report.
 *
 * @example
 * AnnualReportSchema.parse({ fiscalYear: 2025, jobOffer: { hires: 12, feeTotal: 3600000 }, jobseeker: { newApplications: 8 } });
 */
export const AnnualReportSchema = z.strictObject({ fiscalYear: FiscalYearSchema, ...usage }).refine(hasSomeService, someServiceMessage);
export type AnnualReport = z.infer<typeof AnnualReportSchema>;

/**
 * A filed report as the bureau lists it (`GET /v1/admin/reports?fiscalYear=`).
 *
 * @example
 * AnnualReportRecordSchema.parse({ agencyId: 'ag_01', agencyName: '株式会社みらい人材', submittedAt: '2026-04-15T01:00:00.000Z', report });
 */
export const AnnualReportRecordSchema = z.object({
  agencyId: IdSchema,
  agencyName: z.string(),
  submittedAt: InstantSchema,
  report: AnnualReportSchema,
  /** The last correction, when the report was filed again. */
  updatedAt: InstantSchema.optional(),
  /** Filed by the due day (20 April). */
  onTime: z.boolean().optional(),
});
export type AnnualReportRecord = z.infer<typeof AnnualReportRecordSchema>;

/**
 * The path parameter of `PUT /v1/agency/reports/{fiscalYear}`.
 *
 * @example
 * ReportYearParamSchema.parse({ fiscalYear: '2026' }); // { fiscalYear: 2026 }
 */
export const ReportYearParamSchema = z.strictObject({ fiscalYear: z.coerce.number().pipe(FiscalYearSchema) });

/**
 * The query of `GET /v1/admin/reports`.
 *
 * @example
 * ReportsQuerySchema.parse({ fiscalYear: '2026' });
 */
export const ReportsQuerySchema = z.strictObject({ fiscalYear: z.coerce.number().pipe(FiscalYearSchema) });

/**
 * An agency that owes a report and has not filed it, with what the scheduler did about it
 * (R-REP-2 reminder, R-REP-3 suspension and revocation).
 *
 * @example
 * MissingReportSchema.parse({ agencyId: 'A…', agencyName: '…', prefecture: '13', status: 'active', remindedAt: '…', requestedAt: null, suspendedOn: null, revokedOn: null });
 */
export const MissingReportSchema = z.object({
  agencyId: IdSchema,
  agencyName: z.string(),
  prefecture: PrefectureCodeSchema,
  status: z.enum(['active', 'suspended', 'revoked', 'withdrawn']),
  remindedAt: InstantSchema.nullable(),
  /** When the bureau's request to submit (提出依頼, R-REP-3) reached the agency; only then can it be suspended. */
  requestedAt: InstantSchema.nullable(),
  suspendedOn: IsoDateSchema.nullable(),
  revokedOn: IsoDateSchema.nullable(),
});
export type MissingReport = z.infer<typeof MissingReportSchema>;

/**
 * `GET /v1/admin/reports?fiscalYear=`: who reported and who did not, in the staff member's scope.
 *
 * @example
 * ReportsOverviewSchema.parse({ fiscalYear: 2026, dueOn: '2027-04-20', reminderOn: '2027-03-15', graceLastDay: '2027-05-20', reported: [], missing: [] });
 */
export const ReportsOverviewSchema = z.object({
  fiscalYear: FiscalYearSchema,
  reminderOn: IsoDateSchema,
  dueOn: IsoDateSchema,
  graceLastDay: IsoDateSchema,
  reported: z.array(AnnualReportRecordSchema.extend({ prefecture: PrefectureCodeSchema })),
  missing: z.array(MissingReportSchema),
});
export type ReportsOverview = z.infer<typeof ReportsOverviewSchema>;
