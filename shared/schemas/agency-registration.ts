/**
 * An agency's registration (R-APP-*, R-ELIG-*): the organisation, its placements as evidence, the
 * body of `POST /v1/public/registrations` and its receipt.
 */
import { z } from 'zod';
import { EmailSchema, IdSchema, InstantSchema, IsoDateSchema, PasswordSchema, PrefectureCodeSchema, distinct } from './common';
import { CertificationSchema, ContactMethodsSchema, LicenceSchema, OfficerSchema, ServicesSchema } from './agency';
import { MandatoryInformationInputSchema } from './agency-mandatory-information';

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
