/**
 * Valid sample values for tests and documentation: each parses with its schema. Not re-exported
 * from the index, so nothing ships them; import from `shared/schemas/examples` in tests.
 * Build variations with spreads (`{ ...exampleProfile, ageBand: '65-' }`).
 */
import type { Officer } from './agency';
import type { MandatoryInformation, MandatoryInformationInput } from './agency-mandatory-information';
import type { RegistrationRequestInput } from './agency-registration';
import type { Profile, ProfileLoadRowInput } from './profile';

/**
 * An officer who may hold both roles (R-ROLE-1).
 *
 * @example
 * OfficerSchema.parse(exampleOfficer);
 */
export const exampleOfficer = {
  name: '山田 花子',
  title: '職業紹介責任者',
  email: 'yamada@mirai.example.jp',
  phone: '03-1234-5678',
  fullTime: true,
} as const satisfies Officer;

/**
 * Mandatory information of a paid agency that charges jobseekers nothing, as the agency files it
 * (the complaints officer is its registered privacy officer, filled in by the system: R-MSG-1).
 *
 * @example
 * MandatoryInformationInputSchema.parse(exampleMandatoryInformation);
 */
export const exampleMandatoryInformation = {
  placementRecord: { fiscalYear: 2025, placements: 42, summary: '介護職を中心に常用就職42件' },
  jobsHandled: { occupations: ['050', '051'], industries: ['P'], prefectures: ['13', '14'] },
  feesToJobseekers: { hasFees: false, text: '求職者からは手数料をいただきません。' },
} as const satisfies MandatoryInformationInput;

/**
 * The same as admitted and shown: the privacy officer `exampleOfficer` as complaints officer.
 *
 * @example
 * MandatoryInformationSchema.parse(exampleMandatoryInformationShown);
 */
export const exampleMandatoryInformationShown: MandatoryInformation = {
  ...(structuredClone(exampleMandatoryInformation) as unknown as MandatoryInformationInput),
  complaintsOfficer: { name: exampleOfficer.name, contact: { kind: 'phone', value: exampleOfficer.phone } }, // complaintsOfficerFrom(exampleOfficer)
};

/**
 * A complete registration for both services with one recent regular placement.
 *
 * @example
 * RegistrationRequestSchema.parse(exampleRegistration);
 */
export const exampleRegistration = {
  email: 'info@mirai.example.jp',
  password: 'correct horse battery',
  organisation: { name: '株式会社みらい人材', address: '東京都千代田区霞が関1-2-2', prefecture: '13' },
  licence: { kind: 'paid', number: '13-ユ-123456' },
  services: ['job_offer', 'jobseeker'],
  liaisonOfficer: exampleOfficer,
  privacyOfficer: exampleOfficer,
  contactMethods: [
    { kind: 'phone', value: '03-1234-5678' },
    { kind: 'url', value: 'https://mirai.example.jp/contact' },
  ],
  mandatoryInformation: exampleMandatoryInformation,
  placements: [{ placedOn: '2026-03-10', fixedTermMonths: null, seasonal: false }],
  handlesSubsidies: false,
  certifications: ['privacy_mark'],
  onOrder: { suspensionOrder: false, improvementOrderUnremedied: false },
} as const satisfies RegistrationRequestInput;

/**
 * A care worker's profile in Tokyo.
 *
 * @example
 * ProfileSchema.parse(exampleProfile);
 */
export const exampleProfile = {
  id: '13-7K3QM2XPA9',
  occupations: ['050', '051'],
  industries: ['P'],
  areas: [{ prefecture: '13', municipality: '13101' }, { prefecture: '14' }],
  employmentTypes: ['regular', 'contract'],
  wage: { unit: 'month', min: 220000, max: 280000 },
  hours: { perWeek: 40, start: '09:00', end: '18:00', shift: true, overtimeOk: false },
  ageBand: '30-34',
  qualifications: ['介護福祉士', '普通自動車第一種運転免許'],
  experience: [{ occupation: '050', years: 6 }],
  education: 'vocational',
  selfIntroduction: '特別養護老人ホームで6年勤務しました。夜勤も対応できます。',
  publishedOn: '2026-04-01',
  updatedOn: '2026-04-10',
} as const satisfies Profile;

/**
 * The same content as a bulk-load row for a new profile.
 *
 * @example
 * ProfileLoadRowSchema.parse(exampleProfileLoadRow);
 */
export const exampleProfileLoadRow = {
  hwRef: '13010-2026-000123',
  occupations: exampleProfile.occupations,
  industries: exampleProfile.industries,
  areas: exampleProfile.areas,
  employmentTypes: exampleProfile.employmentTypes,
  wage: exampleProfile.wage,
  hours: exampleProfile.hours,
  ageBand: exampleProfile.ageBand,
  qualifications: exampleProfile.qualifications,
  experience: exampleProfile.experience,
  education: exampleProfile.education,
  selfIntroduction: exampleProfile.selfIntroduction,
} as const satisfies ProfileLoadRowInput;
