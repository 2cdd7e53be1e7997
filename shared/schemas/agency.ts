/**
 * Placement agencies: licences, officers, contact methods, mandatory information, status, the public
 * directory, and the registration body (§2, §5, §7(2)①カ, §12, §15(1)).
 */
import { z } from 'zod';
import {
  CursorSchema,
  EmailSchema,
  FiscalYearSchema,
  IdSchema,
  IndustryCodeSchema,
  InstantSchema,
  IsoDateSchema,
  OccupationCodeSchema,
  PageLimitSchema,
  PasswordSchema,
  PhoneNumberSchema,
  PrefectureCodeSchema,
  distinct,
  pageOf,
  plainText,
} from './common';

/** Licence kinds in the order of the Employment Security Act's articles. */
export const LICENCE_KINDS = ['paid', 'free', 'school', 'special'] as const;

/** Japanese labels for {@link LICENCE_KINDS}. */
export const LICENCE_KIND_LABELS = {
  paid: '有料職業紹介事業（職業安定法第30条）',
  free: '無料職業紹介事業（職業安定法第33条）',
  school: '学校等の無料職業紹介（職業安定法第33条の2）',
  special: '特別の法人の無料職業紹介（職業安定法第33条の3）',
} as const satisfies Record<(typeof LICENCE_KINDS)[number], string>;

/**
 * The legal basis of an agency's placement business (R-ELIG-1): paid (Art. 30), free (Art. 33),
 * schools (Art. 33-2), special corporations (Art. 33-3).
 *
 * @example
 * LicenceKindSchema.parse('paid');
 */
export const LicenceKindSchema = z.enum(LICENCE_KINDS);
export type LicenceKind = z.infer<typeof LicenceKindSchema>;

/** The two services an agency may use. */
export const SERVICES = ['job_offer', 'jobseeker'] as const;

/** Japanese labels for {@link SERVICES}. */
export const SERVICE_LABELS = {
  job_offer: '求人情報提供サービス',
  jobseeker: '求職情報提供サービス',
} as const satisfies Record<(typeof SERVICES)[number], string>;

/**
 * A service: the job-offer feed (求人情報提供) or the jobseeker feed (求職情報提供).
 *
 * @example
 * ServiceSchema.parse('jobseeker');
 */
export const ServiceSchema = z.enum(SERVICES);
export type Service = z.infer<typeof ServiceSchema>;

/** The list of services an agency uses: one or both, no repeats. */
export const ServicesSchema = z
  .array(ServiceSchema)
  .min(1)
  .max(SERVICES.length)
  .refine(distinct, { message: 'サービスが重複しています' });

/**
 * Third-party certifications shown in the directory (R-DIR-1): プライバシーマーク and
 * 職業紹介優良事業者.
 *
 * @example
 * CertificationSchema.parse('yuryo');
 */
export const CertificationSchema = z.enum(['privacy_mark', 'yuryo']);
export type Certification = z.infer<typeof CertificationSchema>;

/**
 * A licence or notification number as issued (for example `13-ユ-123456`), 1 to 40 characters.
 * Formats differ by kind, so only its shape as a single line is checked.
 *
 * @example
 * LicenceNumberSchema.parse('13-ユ-123456');
 */
export const LicenceNumberSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[^\r\n\t]+$/, { message: '許可番号は1行で入力してください' });

/**
 * The kind of school running an Art. 33-2 placement business. §2(1)③ admits schools except
 * junior-high and high schools, so those kinds (and the schools that contain one: 中等教育学校,
 * 義務教育学校) are refused when registering (decision 8).
 */
export const SCHOOL_KINDS = [
  'university',
  'junior_college',
  'college_of_technology',
  'specialised_training_college',
  'junior_high',
  'high_school',
  'secondary_education',
  'compulsory_education',
] as const;

/** Japanese labels for {@link SCHOOL_KINDS}. */
export const SCHOOL_KIND_LABELS = {
  university: '大学・大学院',
  junior_college: '短期大学',
  college_of_technology: '高等専門学校',
  specialised_training_college: '専修学校',
  junior_high: '中学校',
  high_school: '高等学校',
  secondary_education: '中等教育学校',
  compulsory_education: '義務教育学校',
} as const satisfies Record<(typeof SCHOOL_KINDS)[number], string>;

/**
 * A school kind (only with the licence kind `school`).
 *
 * @example
 * SchoolKindSchema.parse('university');
 */
export const SchoolKindSchema = z.enum(SCHOOL_KINDS);
export type SchoolKind = z.infer<typeof SchoolKindSchema>;

/** A licence: its kind and number, and for schools the kind of school. */
export const LicenceSchema = z
  .strictObject({
    kind: LicenceKindSchema,
    number: LicenceNumberSchema,
    schoolKind: SchoolKindSchema.optional(),
  })
  .refine((l) => l.kind !== 'school' || l.schoolKind !== undefined, {
    message: '学校等の場合は学校の種類を選んでください',
    path: ['schoolKind'],
  })
  .refine((l) => l.kind === 'school' || l.schoolKind === undefined, {
    message: '学校の種類は学校等の場合だけ指定します',
    path: ['schoolKind'],
  });
export type Licence = z.infer<typeof LicenceSchema>;

/** A person's name as written, 1 to 100 characters on one line. */
const PersonNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^\r\n\t]+$/, { message: '氏名は1行で入力してください' });

/**
 * An officer the agency names (R-ROLE-1): the liaison officer (連絡責任者) or the personal-information
 * and complaints officer (個人情報管理等責任者). Both must be full-time staff (§12), so `fullTime`
 * can only be `true`; one person may hold both roles.
 *
 * @example
 * OfficerSchema.parse({ name: '山田 花子', title: '職業紹介責任者', email: 'yamada@example.jp', phone: '03-1234-5678', fullTime: true });
 */
export const OfficerSchema = z.strictObject({
  name: PersonNameSchema,
  title: z.string().trim().min(1).max(100),
  email: EmailSchema,
  phone: PhoneNumberSchema,
  fullTime: z.literal(true, { message: '責任者は常勤の社員から指定してください' }),
});
export type Officer = z.infer<typeof OfficerSchema>;

/**
 * A contact method the agency registers. Agency messages may contain these and no other contact
 * details (R-MSG-4).
 *
 * @example
 * ContactMethodSchema.parse({ kind: 'url', value: 'https://agency.example.jp/contact' });
 */
export const ContactMethodSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('email'), value: EmailSchema }),
  z.strictObject({ kind: z.literal('phone'), value: PhoneNumberSchema }),
  z.strictObject({ kind: z.literal('url'), value: z.url({ protocol: /^https?$/ }).max(2000) }),
  z.strictObject({ kind: z.literal('postal'), value: z.string().trim().min(1).max(200) }),
]);
export type ContactMethod = z.infer<typeof ContactMethodSchema>;

/** One to ten contact methods, no two alike. */
export const ContactMethodsSchema = z
  .array(ContactMethodSchema)
  .min(1)
  .max(10)
  .refine((methods) => distinct(methods.map((m) => `${m.kind}:${m.value}`)), {
    message: '連絡方法が重複しています',
  });

/**
 * 必須情報 — what the system attaches to an agency's first message (R-MSG-1, §7(2)①カ, §15(1)):
 * the placement record, the jobs handled (occupations, industries, regions), the fees charged to
 * jobseekers, and the personal-information and complaints officer with a contact. That officer is
 * always the privacy officer the agency registered (§12(2), §15(1)): the system fills it in
 * (`complaintsOfficerFrom`); the agency sends `MandatoryInformationInputSchema`, without it.
 *
 * @example
 * MandatoryInformationSchema.parse({
 *   placementRecord: { fiscalYear: 2025, placements: 42, summary: '介護職を中心に常用就職42件' },
 *   jobsHandled: { occupations: ['050', '051'], industries: ['P'], prefectures: ['13', '14'] },
 *   feesToJobseekers: { hasFees: false, text: '求職者からは手数料をいただきません。' },
 *   complaintsOfficer: { name: '佐藤 一郎', contact: { kind: 'phone', value: '03-1234-5678' } },
 * });
 */
export const MandatoryInformationSchema = z.strictObject({
  placementRecord: z.strictObject({
    fiscalYear: FiscalYearSchema,
    placements: z.number().int().min(0).max(10_000_000),
    summary: plainText(0, 1000),
  }),
  jobsHandled: z.strictObject({
    occupations: z.array(OccupationCodeSchema).min(1).max(99).refine(distinct, { message: '職業が重複しています' }),
    industries: z.array(IndustryCodeSchema).max(20).refine(distinct, { message: '産業が重複しています' }),
    prefectures: z.array(PrefectureCodeSchema).min(1).max(47).refine(distinct, { message: '都道府県が重複しています' }),
  }),
  feesToJobseekers: z
    .strictObject({
      hasFees: z.boolean(),
      text: plainText(0, 1000),
    })
    .refine((fees) => !fees.hasFees || fees.text.trim().length > 0, {
      message: '手数料を徴収する場合はその内容を記載してください',
      path: ['text'],
    }),
  complaintsOfficer: z.strictObject({
    name: PersonNameSchema,
    contact: ContactMethodSchema,
  }),
});
export type MandatoryInformation = z.infer<typeof MandatoryInformationSchema>;

/**
 * Mandatory information as an agency files it (registration, change request): everything but the
 * complaints officer, who is the registered privacy officer (R-MSG-1); a separately typed one is
 * refused as an unknown field.
 *
 * @example
 * MandatoryInformationInputSchema.parse({ placementRecord, jobsHandled, feesToJobseekers });
 */
export const MandatoryInformationInputSchema = MandatoryInformationSchema.omit({ complaintsOfficer: true });
export type MandatoryInformationInput = z.infer<typeof MandatoryInformationInputSchema>;

/**
 * The complaints officer shown in the mandatory information: the registered privacy officer, with
 * their phone number (R-MSG-1, §12(2)).
 *
 * @example
 * complaintsOfficerFrom({ name: '山田 花子', title: '職業紹介責任者', email: 'yamada@mirai.example.jp', phone: '03-1234-5678', fullTime: true });
 * // { name: '山田 花子', contact: { kind: 'phone', value: '03-1234-5678' } }
 */
export function complaintsOfficerFrom(officer: Officer): MandatoryInformation['complaintsOfficer'] {
  return { name: officer.name, contact: { kind: 'phone', value: officer.phone } };
}

/**
 * One accepted version of the mandatory information. A change takes effect when the bureau accepts
 * it (R-APP-4), and conversations record the version the jobseeker has seen (R-MSG-3).
 *
 * @example
 * MandatoryInformationVersionSchema.parse({ version: 2, acceptedAt: '2026-05-01T01:00:00.000Z', content });
 */
export const MandatoryInformationVersionSchema = z.object({
  version: z.number().int().min(1),
  acceptedAt: InstantSchema,
  content: MandatoryInformationSchema,
});
export type MandatoryInformationVersion = z.infer<typeof MandatoryInformationVersionSchema>;

/**
 * A placement the agency made, as evidence for R-ELIG-2: `fixedTermMonths` is `null` for no fixed
 * term; 常用 means no fixed term or one of 4 months or more, and not seasonal.
 *
 * @example
 * PlacementSchema.parse({ placedOn: '2026-03-10', fixedTermMonths: null, seasonal: false });
 */
export const PlacementSchema = z.strictObject({
  placedOn: IsoDateSchema,
  fixedTermMonths: z.number().int().min(1).max(120).nullable(),
  seasonal: z.boolean(),
});
export type Placement = z.infer<typeof PlacementSchema>;

/**
 * Where an agency stands: using the services, suspended (停止中), revoked (利用解除), or withdrawn.
 *
 * @example
 * AgencyStatusSchema.parse('suspended');
 */
export const AgencyStatusSchema = z.enum(['active', 'suspended', 'revoked', 'withdrawn']);
export type AgencyStatus = z.infer<typeof AgencyStatusSchema>;

/**
 * How a suspension ends (R-SAN-1): on a fixed date (6 months for most violations and for a
 * missing report), when the agency corrects the matter, or when the bureau has checked the facts
 * (temporary, §8(3)).
 */
export const SuspensionKindSchema = z.enum(['fixed', 'until_corrected', 'temporary']);
export type SuspensionKind = z.infer<typeof SuspensionKindSchema>;

/**
 * A suspension. `endsOn` is the last day suspended; it is required for a fixed suspension (which
 * then ends by itself, R-SAN-2) and `null` while an open-ended one lasts.
 *
 * @example
 * SuspensionSchema.parse({ reason: '利用状況の報告がありません', startsOn: '2026-05-22', endsOn: '2026-11-21', kind: 'fixed' });
 */
export const SuspensionSchema = z
  .object({
    reason: z.string().min(1).max(1000),
    startsOn: IsoDateSchema,
    endsOn: IsoDateSchema.nullable(),
    kind: SuspensionKindSchema,
  })
  .refine((s) => s.kind !== 'fixed' || s.endsOn !== null, {
    message: '期間を定めた停止には終了日が必要です',
    path: ['endsOn'],
  })
  .refine((s) => s.endsOn === null || s.endsOn >= s.startsOn, {
    message: '終了日が開始日より前です',
    path: ['endsOn'],
  });
export type Suspension = z.infer<typeof SuspensionSchema>;

/**
 * An agency as the public directory shows it (R-DIR-1), readable without an account.
 * `suspended` drives the 停止中 mark.
 *
 * @example
 * AgencyPublicRecordSchema.parse({
 *   id: 'ag_01', name: '株式会社みらい人材', address: '東京都千代田区霞が関1-2-2', prefecture: '13',
 *   licenceNumber: '13-ユ-123456', licenceKind: 'paid', services: ['job_offer', 'jobseeker'],
 *   handlesSubsidies: true, certifications: ['privacy_mark'], suspended: false,
 * });
 */
export const AgencyPublicRecordSchema = z.object({
  id: IdSchema,
  name: z.string(),
  address: z.string(),
  prefecture: PrefectureCodeSchema,
  licenceNumber: z.string(),
  licenceKind: LicenceKindSchema,
  services: z.array(ServiceSchema),
  handlesSubsidies: z.boolean(),
  certifications: z.array(CertificationSchema),
  suspended: z.boolean(),
  /** 停止中 while suspended (R-DIR-1), else 利用中; the worker always sends it. */
  statusLabel: z.enum(['利用中', '停止中']).optional(),
  /** R-TERM-1: the last day of the jobseeker service's term, when recorded. */
  termEndsOn: IsoDateSchema.nullable().optional(),
});
export type AgencyPublicRecord = z.infer<typeof AgencyPublicRecordSchema>;

/**
 * A revoked agency on the second public list, kept for 3 years from `revokedOn` (R-DIR-2).
 *
 * @example
 * RevokedAgencyRecordSchema.parse({ name: '…', address: '…', prefecture: '27', licenceNumber: '27-ユ-000001', revokedOn: '2026-06-01' });
 */
export const RevokedAgencyRecordSchema = z.object({
  name: z.string(),
  address: z.string(),
  prefecture: PrefectureCodeSchema,
  licenceNumber: z.string(),
  revokedOn: IsoDateSchema,
});
export type RevokedAgencyRecord = z.infer<typeof RevokedAgencyRecordSchema>;

/**
 * The directory's query string: by prefecture, service and text (name or address), paged.
 *
 * @example
 * DirectoryQuerySchema.parse({ prefecture: '13', service: 'jobseeker', q: '介護' });
 */
export const DirectoryQuerySchema = z.strictObject({
  prefecture: PrefectureCodeSchema.optional(),
  service: ServiceSchema.optional(),
  q: z.string().trim().max(100).optional(),
  cursor: CursorSchema.optional(),
  limit: PageLimitSchema,
});
export type DirectoryQuery = z.infer<typeof DirectoryQuerySchema>;

/** The organisation applying: its name, address and the prefecture whose bureau has jurisdiction. */
export const OrganisationSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  address: z.string().trim().min(1).max(300),
  prefecture: PrefectureCodeSchema,
});
export type Organisation = z.infer<typeof OrganisationSchema>;

/**
 * The body of `POST /v1/public/registrations`. The schema checks shape and consistency; whether
 * the agency is eligible (R-ELIG-*, R-APP-2, R-APP-3) is decided by the rules, which answer with
 * a reason. Mandatory information is required when the jobseeker service is requested.
 *
 * @example
 * RegistrationRequestSchema.parse({
 *   email: 'info@mirai.example.jp', password: 'correct horse battery',
 *   organisation: { name: '株式会社みらい人材', address: '東京都千代田区霞が関1-2-2', prefecture: '13' },
 *   licence: { kind: 'paid', number: '13-ユ-123456' },
 *   services: ['job_offer', 'jobseeker'],
 *   liaisonOfficer: officer, privacyOfficer: officer,
 *   contactMethods: [{ kind: 'phone', value: '03-1234-5678' }],
 *   mandatoryInformation, placements: [{ placedOn: '2026-03-10', fixedTermMonths: null, seasonal: false }],
 *   handlesSubsidies: false, certifications: [],
 *   onOrder: { suspensionOrder: false, improvementOrderUnremedied: false },
 * });
 */
export const RegistrationRequestSchema = z
  .strictObject({
    email: EmailSchema,
    password: PasswordSchema,
    organisation: OrganisationSchema,
    licence: LicenceSchema,
    services: ServicesSchema,
    liaisonOfficer: OfficerSchema,
    privacyOfficer: OfficerSchema,
    contactMethods: ContactMethodsSchema,
    mandatoryInformation: MandatoryInformationInputSchema.optional(),
    placements: z.array(PlacementSchema).max(100).default([]),
    handlesSubsidies: z.boolean(),
    certifications: z.array(CertificationSchema).max(2).refine(distinct, { message: '認定が重複しています' }).default([]),
    onOrder: z.strictObject({
      /** Under a business-suspension order (事業停止命令) — R-ELIG-3. */
      suspensionOrder: z.boolean(),
      /** Under an improvement order (改善命令) not yet remedied — R-ELIG-3. */
      improvementOrderUnremedied: z.boolean(),
    }),
  })
  .refine((r) => !r.services.includes('jobseeker') || r.mandatoryInformation !== undefined, {
    message: '求職情報提供サービスを利用する場合は必須情報を入力してください',
    path: ['mandatoryInformation'],
  });
export type RegistrationRequest = z.infer<typeof RegistrationRequestSchema>;
export type RegistrationRequestInput = z.input<typeof RegistrationRequestSchema>;

/**
 * What a registration returns (R-APP-1): the last day to submit the signed application form
 * (`completionDeadline`, rolled back to a working day) and the day the registration is deleted if
 * the bureau has not recorded the form as received (`deletionDate`, 「14日を超える」, not rolled back).
 *
 * @example
 * RegistrationReceiptSchema.parse({ id: 'reg_01', email: 'info@mirai.example.jp', registeredAt: '2026-04-01T01:00:00.000Z', completionDeadline: '2026-04-15', deletionDate: '2026-04-16', status: 'pending' });
 */
export const RegistrationReceiptSchema = z.object({
  id: IdSchema,
  email: EmailSchema,
  registeredAt: InstantSchema,
  completionDeadline: IsoDateSchema,
  deletionDate: IsoDateSchema,
  status: z.enum(['pending', 'accepted', 'rejected', 'expired']),
});
export type RegistrationReceipt = z.infer<typeof RegistrationReceiptSchema>;

/**
 * The jobseeker service's term and the licence's expiry, recorded at admission and renewal
 * (R-TERM-1): use stops the day after `endsOn` without an accepted renewal. `licenceExpiresOn` is
 * null when the bureau recorded none (schools and special corporations hold a notification, not
 * a licence with an expiry).
 *
 * @example
 * ServiceTermSchema.parse({ startsOn: '2026-12-01', endsOn: '2029-12-01', licenceExpiresOn: '2028-03-31' });
 */
export const ServiceTermSchema = z.object({ startsOn: IsoDateSchema, endsOn: IsoDateSchema, licenceExpiresOn: IsoDateSchema.nullable() });
export type ServiceTerm = z.infer<typeof ServiceTermSchema>;

/**
 * An agency's own account as `GET /v1/agency/me` returns it: status (with the suspension's reason
 * and end while suspended, R-SAN-2), licence, services, term of use, registered contact methods,
 * and the current mandatory information with its version.
 *
 * @example
 * AgencyAccountSchema.parse({ id: 'ag_01', name: '株式会社みらい人材', status: 'active', suspension: null, ... });
 */
export const AgencyAccountSchema = z.object({
  id: IdSchema,
  name: z.string(),
  email: EmailSchema,
  prefecture: PrefectureCodeSchema,
  status: AgencyStatusSchema,
  suspension: SuspensionSchema.nullable(),
  revokedOn: IsoDateSchema.nullable(),
  withdrawnOn: IsoDateSchema.nullable(),
  licence: LicenceSchema,
  services: z.array(ServiceSchema),
  term: ServiceTermSchema.nullable(),
  contactMethods: z.array(ContactMethodSchema),
  mandatoryInformation: MandatoryInformationVersionSchema.nullable(),
});
export type AgencyAccount = z.infer<typeof AgencyAccountSchema>;

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
export const AdmissionDecisionSchema = StaffDecisionSchema.extend({ termEndsOn: IsoDateSchema.optional(), licenceExpiresOn: IsoDateSchema.optional() });
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
  'organisation', 'licenceNumber', 'liaisonOfficer', 'privacyOfficer', 'contactMethods', 'mandatoryInformation',
  'placements', 'handlesSubsidies', 'certifications', 'paidServicesForNewGraduates',
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
export const RenewalAcceptSchema = z.strictObject({ reason: StaffReasonSchema.optional(), termEndsOn: IsoDateSchema.optional(), licenceExpiresOn: IsoDateSchema.optional() });
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

/** The categories of violation bureau staff record, each tied to the clause of §8 that sets its sanction. */
export const ViolationCategorySchema = z.enum([
  'misuse', 'promotion', 'excessive_sales', 'missed_procedure', 'serious_procedure', 'other', 'serious_other', 'legal_order', 'fact_check',
]);

/**
 * `POST /v1/admin/agencies/{id}/violations`: a violation with its category and what happened.
 * `notImprovedWithinSuspension` marks a §8(2)④a matter still not remedied after six months.
 *
 * @example
 * ViolationRequestSchema.parse({ category: 'promotion', note: 'セミナーの宣伝のみを送信' });
 */
export const ViolationRequestSchema = z.strictObject({
  category: ViolationCategorySchema,
  note: plainText(1, 2000),
  notImprovedWithinSuspension: z.boolean().optional(),
});
export type ViolationRequest = z.infer<typeof ViolationRequestSchema>;

/**
 * The sanction §8 prescribes, as `proposeSanction` answers it (R-SAN-1). Staff decide.
 *
 * @example
 * SanctionProposalSchema.parse({ kind: 'suspension', term: { months: 6 }, basis: '§8(2)②', reason: '…' });
 */
export const SanctionProposalSchema = z.union([
  z.object({
    kind: z.literal('suspension'),
    term: z.union([z.object({ months: z.literal(6) }), z.literal('until_corrected'), z.literal('temporary')]),
    basis: z.string(),
    reason: z.string(),
  }),
  z.object({ kind: z.literal('revocation'), basis: z.string(), reason: z.string() }),
]);
export type SanctionProposal = z.infer<typeof SanctionProposalSchema>;

/**
 * A recorded violation and the sanction proposed for it.
 *
 * @example
 * ViolationRecordSchema.parse({ id: 'V…', agencyId: 'A…', category: 'misuse', note: '…', recordedOn: '2026-12-01', recordedAt: '…', recordedBy: 'S…', resumedOn: null, proposal });
 */
export const ViolationRecordSchema = z.object({
  id: IdSchema,
  agencyId: IdSchema,
  category: ViolationCategorySchema,
  note: z.string(),
  recordedOn: IsoDateSchema,
  recordedAt: InstantSchema,
  recordedBy: z.string(),
  /** The day the agency's use resumed after the sanction that followed, if it has. */
  resumedOn: IsoDateSchema.nullable(),
  proposal: SanctionProposalSchema,
});
export type ViolationRecord = z.infer<typeof ViolationRecordSchema>;

/**
 * `POST /v1/admin/agencies/{id}/suspensions`: a fixed suspension of `months` months (6 unless
 * said otherwise), one until the matter is corrected, or a temporary one while facts are checked
 * (§8(3)). Effective at once (R-SAN-2).
 *
 * @example
 * SuspensionRequestSchema.parse({ kind: 'fixed', reason: '一方的な宣伝行為（§8(2)②）', violationId: 'V…' });
 */
export const SuspensionRequestSchema = z
  .strictObject({
    kind: SuspensionKindSchema,
    months: z.number().int().min(1).max(12).optional(),
    reason: StaffReasonSchema,
    violationId: IdSchema.optional(),
  })
  .refine((s) => s.kind === 'fixed' || s.months === undefined, { message: '期間（月数）は期間を定めた停止にだけ指定します', path: ['months'] });
export type SuspensionRequest = z.infer<typeof SuspensionRequestSchema>;

/**
 * `POST /v1/admin/agencies/{id}/revocation` (利用解除): effective at once; sessions end, data goes,
 * the agency is listed as revoked for three years and may not apply again in them (R-APP-3, R-DIR-2).
 *
 * @example
 * RevocationRequestSchema.parse({ reason: '虚偽の報告（§8(2)④b）' });
 */
export const RevocationRequestSchema = z.strictObject({ reason: StaffReasonSchema, violationId: IdSchema.optional() });
export type RevocationRequest = z.infer<typeof RevocationRequestSchema>;

/**
 * The agency's standing after a sanction or procedure took effect.
 *
 * @example
 * StatusChangeResultSchema.parse({ agencyId: 'A…', status: 'suspended', suspension, revokedOn: null, withdrawnOn: null, purged: 3, sessionsEnded: 0 });
 */
export const StatusChangeResultSchema = z.object({
  agencyId: IdSchema,
  status: AgencyStatusSchema,
  suspension: SuspensionSchema.nullable(),
  revokedOn: IsoDateSchema.nullable(),
  withdrawnOn: IsoDateSchema.nullable(),
  /** How many records of jobseeker data were deleted worker-side (R-RET-3). */
  purged: z.number().int().min(0),
  sessionsEnded: z.number().int().min(0),
});
export type StatusChangeResult = z.infer<typeof StatusChangeResultSchema>;

/**
 * A suspension as the bureau's history keeps it: who imposed it, and how and when it ended.
 *
 * @example
 * SuspensionHistorySchema.parse({ id: 'U…', kind: 'fixed', reason: '…', startsOn: '2027-05-21', endsOn: '2027-11-20', violationId: null, imposedBy: 'system', imposedAt: '…', endedOn: null, endedBy: null, endReason: null });
 */
export const SuspensionHistorySchema = z.object({
  id: IdSchema,
  kind: SuspensionKindSchema,
  reason: z.string(),
  startsOn: IsoDateSchema,
  endsOn: IsoDateSchema.nullable(),
  violationId: IdSchema.nullable(),
  imposedBy: z.string(),
  imposedAt: InstantSchema,
  endedOn: IsoDateSchema.nullable(),
  endedBy: z.string().nullable(),
  endReason: z.enum(['expired', 'lifted', 'revoked', 'withdrawn']).nullable(),
});
export type SuspensionHistory = z.infer<typeof SuspensionHistorySchema>;

/**
 * `GET /v1/admin/agencies/{id}`: the agency's record with what the bureau needs beside it.
 */
export const AdminAgencyDetailSchema = z.object({
  agency: AgencyAccountSchema.omit({ term: true }).extend({ admittedOn: IsoDateSchema }),
  address: z.string(),
  liaisonOfficer: OfficerSchema.nullable(),
  privacyOfficer: OfficerSchema.nullable(),
  handlesSubsidies: z.boolean(),
  certifications: z.array(CertificationSchema),
  termEndsOn: IsoDateSchema.nullable(),
  /** R-TERM-1: the licence's expiry as the bureau recorded it (null: none recorded). */
  licenceExpiresOn: IsoDateSchema.nullable().optional(),
  violations: z.array(ViolationRecordSchema),
  suspensions: z.array(SuspensionHistorySchema),
  procedures: z.array(ProcedureSchema),
  reportsFiled: z.array(FiscalYearSchema),
  /** R-SEC-5: failed sign-ins counted against the account, and the lock in force (null when none). */
  signIn: z.object({ failures: z.number().int(), lockedUntil: z.iso.datetime().nullable() }).optional(),
});
export type AdminAgencyDetail = z.infer<typeof AdminAgencyDetailSchema>;

/** A page of the public directory (R-DIR-1). */
export const AgencyDirectoryPageSchema = pageOf(AgencyPublicRecordSchema);
export type AgencyDirectoryPage = z.infer<typeof AgencyDirectoryPageSchema>;

/**
 * The query string of the revoked list (R-DIR-2): by prefecture and text, paged.
 *
 * @example
 * RevokedDirectoryQuerySchema.parse({ prefecture: '27' });
 */
export const RevokedDirectoryQuerySchema = z.strictObject({
  prefecture: PrefectureCodeSchema.optional(),
  q: z.string().trim().max(100).optional(),
  cursor: CursorSchema.optional(),
  limit: PageLimitSchema,
});
export type RevokedDirectoryQuery = z.infer<typeof RevokedDirectoryQuerySchema>;

/** A page of the revoked list (R-DIR-2). */
export const RevokedAgencyPageSchema = pageOf(RevokedAgencyRecordSchema);
export type RevokedAgencyPage = z.infer<typeof RevokedAgencyPageSchema>;
