/**
 * The bureau's side of an agency's procedures (R-APP-*, R-MSG-7): decisions and their reasons, forms
 * received, change, renewal and withdrawal requests, and paid services for new graduates.
 */
import { z } from 'zod';
import { IdSchema, InstantSchema, IsoDateSchema, PrefectureCodeSchema, distinct, plainText } from './common';
import { CertificationSchema, ContactMethodsSchema, LicenceNumberSchema, OfficerSchema, ServicesSchema } from './agency';
import { MandatoryInformationInputSchema } from './agency-mandatory-information';
import { PlacementSchema } from './agency-registration';

// ---- The bureau's side: procedures, sanctions, directory pages (R-APP-4, R-ELIG-4, R-SAN-*, R-DIR-*) ----

/** A reason a staff member gives for a decision (R-SEC-4 keeps it in the audit log). */
export const StaffReasonSchema = z.string().trim().min(1).max(1000);

/**
 * The body of a staff decision whose reason is optional (accepting a registration or a procedure).
 *
 * @example
 * StaffDecisionSchema.parse({ reason: '申請書を受領し内容を確認しました' });
 */
export const StaffDecisionSchema = z.strictObject({ reason: StaffReasonSchema.optional() });
export type StaffDecision = z.infer<typeof StaffDecisionSchema>;

/**
 * `POST /v1/admin/registrations/{id}/accept`: the admission, with the term's last day and the
 * licence's expiry the bureau sets (R-TERM-1); without `termEndsOn` the default term applies.
 *
 * @example
 * AdmissionDecisionSchema.parse({ termEndsOn: '2029-11-30', licenceExpiresOn: '2028-03-31' });
 */
export const AdmissionDecisionSchema = StaffDecisionSchema.extend({
  termEndsOn: IsoDateSchema.optional(),
  licenceExpiresOn: IsoDateSchema.optional(),
});
export type AdmissionDecision = z.infer<typeof AdmissionDecisionSchema>;

/**
 * The body of a staff decision that must say why (rejections, sanctions, lifting a suspension).
 *
 * @example
 * StaffReasonedDecisionSchema.parse({ reason: '申請書の提出がありませんでした' });
 */
export const StaffReasonedDecisionSchema = z.strictObject({ reason: StaffReasonSchema });
export type StaffReasonedDecision = z.infer<typeof StaffReasonedDecisionSchema>;

/**
 * `POST /v1/admin/registrations/{id}/form-received`: the bureau records the day the signed
 * application form arrived, so a form sent in time is not lost to the bureau's own delay
 * (decision 2).
 *
 * @example
 * FormReceivedSchema.parse({ receivedOn: '2026-12-01' });
 */
export const FormReceivedSchema = z.strictObject({ receivedOn: IsoDateSchema, reason: StaffReasonSchema.optional() });
export type FormReceived = z.infer<typeof FormReceivedSchema>;

/** The three procedures an admitted agency files besides its application (R-APP-4, §10). */
export const ProcedureKindSchema = z.enum(['change', 'renewal', 'withdrawal']);
export type ProcedureKind = z.infer<typeof ProcedureKindSchema>;

/**
 * Where a procedure stands: waiting for the bureau, accepted, rejected, expired (the bureau did not
 * record the form as received by the submission deadline, so it lapsed on the 15th day: §10,
 * R-APP-4), or effective at once (a withdrawal).
 */
export const ProcedureStatusSchema = z.enum(['pending', 'accepted', 'rejected', 'expired', 'effective']);
export type ProcedureStatus = z.infer<typeof ProcedureStatusSchema>;

const changeFields = [
  'organisation',
  'licenceNumber',
  'liaisonOfficer',
  'privacyOfficer',
  'contactMethods',
  'mandatoryInformation',
  'placements',
  'handlesSubsidies',
  'certifications',
  'paidServicesForNewGraduates',
] as const;

/**
 * One paid service other than placement that the agency may offer new graduates (新規大学卒業者等)
 * through the service, as notified to the bureau in advance (R-MSG-7, §7(2)①ケ): its kind and price.
 *
 * @example
 * PaidServiceSchema.parse({ kind: '面接対策講座（全3回）', price: '1回 5,500円（税込）' });
 */
export const PaidServiceSchema = z.strictObject({ kind: plainText(1, 100), price: plainText(1, 200) });
export type PaidService = z.infer<typeof PaidServiceSchema>;

/**
 * `POST /v1/agency/change-requests` (変更申請): what changes. Nothing changes until the bureau
 * accepts it (R-APP-4); new mandatory information then becomes a new version and every open
 * conversation is told (R-MSG-3). The prefecture (and so the bureau in charge) and the licence kind
 * are not changed this way: that is a new application.
 *
 * @example
 * ChangeRequestSchema.parse({ mandatoryInformation, note: '手数料の記載を更新' });
 */
export const ChangeRequestSchema = z
  .strictObject({
    organisation: z.strictObject({ name: z.string().trim().min(1).max(200), address: z.string().trim().min(1).max(300) }).optional(),
    licenceNumber: LicenceNumberSchema.optional(),
    liaisonOfficer: OfficerSchema.optional(),
    privacyOfficer: OfficerSchema.optional(),
    contactMethods: ContactMethodsSchema.optional(),
    mandatoryInformation: MandatoryInformationInputSchema.optional(),
    placements: z.array(PlacementSchema).min(1).max(100).optional(),
    handlesSubsidies: z.boolean().optional(),
    certifications: z.array(CertificationSchema).max(2).refine(distinct, { message: '認定が重複しています' }).optional(),
    /** R-MSG-7: the notification of paid services for new graduates; accepted with the request, it replaces the earlier list ([] withdraws it). */
    paidServicesForNewGraduates: z.array(PaidServiceSchema).max(10).optional(),
    note: plainText(0, 1000).optional(),
  })
  .refine((r) => changeFields.some((f) => r[f] !== undefined), { message: '変更する項目を1つ以上入力してください' });
export type ChangeRequest = z.infer<typeof ChangeRequestSchema>;

/**
 * `POST /v1/agency/renewals` (更新申請): the services to keep and the placements of the last three
 * months, which must again meet R-ELIG-2 for the jobseeker service (R-ELIG-4). Content that changed
 * goes in `change`, filed with it as a change request on the same day (§2(2) 「変更申請を併せて」).
 *
 * @example
 * RenewalRequestSchema.parse({ services: ['job_offer', 'jobseeker'], placements: [{ placedOn: '2027-02-01', fixedTermMonths: null, seasonal: false }] });
 */
export const RenewalRequestSchema = z.strictObject({
  services: ServicesSchema,
  placements: z.array(PlacementSchema).max(100).default([]),
  note: plainText(0, 1000).optional(),
  /** Content that changed since the last procedure: filed together as a change request (§2(2), R-APP-4). */
  change: ChangeRequestSchema.optional(),
});
export type RenewalRequest = z.infer<typeof RenewalRequestSchema>;

/**
 * `POST /v1/admin/renewals/{id}/accept`: optionally the last day of the renewed term and the
 * licence's expiry (R-TERM-1); without them the term follows the old one by the default length.
 *
 * @example
 * RenewalAcceptSchema.parse({ termEndsOn: '2029-03-31' });
 */
export const RenewalAcceptSchema = z.strictObject({
  reason: StaffReasonSchema.optional(),
  termEndsOn: IsoDateSchema.optional(),
  licenceExpiresOn: IsoDateSchema.optional(),
});
export type RenewalAccept = z.infer<typeof RenewalAcceptSchema>;

/**
 * `POST /v1/agency/withdrawal` (退会申請): effective at once; all jobseeker data goes (R-RET-3)
 * and the account ID stays reserved for five years (R-APP-2).
 *
 * @example
 * WithdrawalRequestSchema.parse({ reason: '事業を廃止するため' });
 */
export const WithdrawalRequestSchema = z.strictObject({ reason: plainText(0, 1000).optional() });
export type WithdrawalRequest = z.infer<typeof WithdrawalRequestSchema>;

/**
 * A procedure as the agency and the bureau see it.
 *
 * @example
 * ProcedureSchema.parse({ id: 'P…', kind: 'change', agencyId: 'A…', agencyName: '…', prefecture: '13', status: 'pending', submittedOn: '2026-12-01', deadline: '2026-12-15', lapsesOn: '2026-12-16', formReceivedOn: null, filedWith: null, submittedAt: '…', decidedAt: null, decidedBy: null, reason: null, request: {} });
 */
export const ProcedureSchema = z.object({
  id: IdSchema,
  kind: ProcedureKindSchema,
  agencyId: IdSchema,
  agencyName: z.string(),
  prefecture: PrefectureCodeSchema,
  status: ProcedureStatusSchema,
  submittedOn: IsoDateSchema,
  /** The last day to submit the signed form (§10: 14 days from the day after, rolled back); null for a withdrawal. */
  deadline: IsoDateSchema.nullable(),
  /** The day it lapses unless the bureau recorded the form received by `deadline` (「14日を超える」); null for a withdrawal. */
  lapsesOn: IsoDateSchema.nullable(),
  /** The day the bureau recorded the signed form as received; received by `deadline`, it never lapses (R-APP-4). */
  formReceivedOn: IsoDateSchema.nullable(),
  /** The renewal a change was filed with, or the change filed with a renewal (§2(2)). */
  filedWith: IdSchema.nullable(),
  submittedAt: InstantSchema,
  decidedAt: InstantSchema.nullable(),
  decidedBy: z.string().nullable(),
  reason: z.string().nullable(),
  request: z.record(z.string(), z.unknown()),
});
export type Procedure = z.infer<typeof ProcedureSchema>;
