/**
 * The mandatory information an agency shows jobseekers with its first contact (R-MSG-1, R-APP-4,
 * §7(2)①カ), and its accepted versions.
 */
import { z } from 'zod';
import {
  FiscalYearSchema,
  IndustryCodeSchema,
  InstantSchema,
  OccupationCodeSchema,
  PrefectureCodeSchema,
  distinct,
  plainText,
} from './common';
import { ContactMethodSchema, PersonNameSchema, type Officer } from './agency';

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
