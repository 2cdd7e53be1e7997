/**
 * Placement agencies: licences, services, officers, contact methods, status and suspensions, and the
 * agency's own account (§2, §5, §12, §15(1)). Mandatory information, registration, the directory,
 * procedures and sanctions have files of their own beside this one.
 */
import { z } from 'zod';
import { EmailSchema, IsoDateSchema, PhoneNumberSchema, distinct } from './common';

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
export const ServicesSchema = z.array(ServiceSchema).min(1).max(SERVICES.length).refine(distinct, { message: 'サービスが重複しています' });

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
export const PersonNameSchema = z
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
