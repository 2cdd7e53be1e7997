/**
 * Jobseeker profiles in the feed (R-FEED-1): only what cannot identify a person. Also the bureau's
 * bulk load rows and their per-row results (R-FEED-2). The agency's feed search (R-FEED-3) is in
 * feed-search.ts.
 */
import { z } from 'zod';
import {
  AgeBandSchema,
  EducationLevelSchema,
  EmploymentTypeSchema,
  IndustryCodeSchema,
  IsoDateSchema,
  MunicipalityCodeSchema,
  OccupationCodeSchema,
  PrefectureCodeSchema,
  TimeOfDaySchema,
  WageRangeSchema,
  distinct,
  plainText,
  EMPLOYMENT_TYPES,
} from './common';
import { ProfileIdSchema } from './profile-id';
import { ACTIVATION_CODE_PATTERN } from './session';

export { ProfileIdSchema, profileHomePrefecture, newProfileId, type ProfileId } from './profile-id';

/** The longest self-introduction, in characters. */
export const SELF_INTRODUCTION_MAX_LENGTH = 2000;

/**
 * A place the jobseeker wants to work: a prefecture, optionally narrowed to one municipality in it.
 *
 * @example
 * WorkAreaSchema.parse({ prefecture: '13', municipality: '13101' });
 * WorkAreaSchema.safeParse({ prefecture: '14', municipality: '13101' }).success; // false
 */
export const WorkAreaSchema = z
  .strictObject({
    prefecture: PrefectureCodeSchema,
    municipality: MunicipalityCodeSchema.optional(),
  })
  .refine((area) => area.municipality === undefined || area.municipality.startsWith(area.prefecture), {
    message: '市区町村がその都道府県のものではありません',
    path: ['municipality'],
  });
export type WorkArea = z.infer<typeof WorkAreaSchema>;

/**
 * Desired working hours: hours a week, a start and end time (an end before the start is a night
 * shift), whether shift work and overtime are acceptable.
 *
 * @example
 * WorkingHoursSchema.parse({ perWeek: 40, start: '09:00', end: '18:00', shift: false, overtimeOk: true });
 */
export const WorkingHoursSchema = z.strictObject({
  perWeek: z.number().min(1).max(80).optional(),
  start: TimeOfDaySchema.optional(),
  end: TimeOfDaySchema.optional(),
  shift: z.boolean(),
  overtimeOk: z.boolean(),
});
export type WorkingHours = z.infer<typeof WorkingHoursSchema>;

/**
 * Years of experience in one occupation.
 *
 * @example
 * ExperienceSchema.parse({ occupation: '050', years: 5 });
 */
export const ExperienceSchema = z.strictObject({
  occupation: OccupationCodeSchema,
  years: z.number().int().min(0).max(60),
});
export type Experience = z.infer<typeof ExperienceSchema>;

/** One licence or qualification as the jobseeker names it, e.g. 介護福祉士, 普通自動車第一種運転免許. */
export const QualificationSchema = z.string().trim().min(1).max(60);

/** The fields a profile holds apart from its ID and dates; shared by the profile and the load row. */
const profileContent = {
  occupations: z.array(OccupationCodeSchema).min(1).max(5).refine(distinct, { message: '職業が重複しています' }),
  industries: z.array(IndustryCodeSchema).max(5).refine(distinct, { message: '産業が重複しています' }),
  areas: z
    .array(WorkAreaSchema)
    .min(1)
    .max(10)
    .refine((areas) => distinct(areas.map((a) => `${a.prefecture}:${a.municipality ?? ''}`)), {
      message: '就業場所が重複しています',
    }),
  employmentTypes: z.array(EmploymentTypeSchema).min(1).max(EMPLOYMENT_TYPES.length).refine(distinct, {
    message: '雇用形態が重複しています',
  }),
  wage: WageRangeSchema,
  hours: WorkingHoursSchema,
  ageBand: AgeBandSchema,
  qualifications: z.array(QualificationSchema).max(20).refine(distinct, { message: '資格が重複しています' }),
  experience: z
    .array(ExperienceSchema)
    .max(10)
    .refine((items) => distinct(items.map((e) => e.occupation)), { message: '経験職種が重複しています' }),
  education: EducationLevelSchema,
  selfIntroduction: plainText(0, SELF_INTRODUCTION_MAX_LENGTH),
  /**
   * 新規大学卒業者等 — the bureau registered the jobseeker as a new graduate (R-MSG-7, §7(2)①ケ):
   * paid services other than placement need the bureau notified and the jobseeker's consent.
   */
  newGraduate: z.boolean().optional(),
};

/**
 * A profile as an agency sees it when it opens one (`GET /v1/agency/feed/{profileId}`).
 *
 * @example
 * ProfileSchema.parse({
 *   id: '13-7K3QM2XPA9', occupations: ['050'], industries: ['P'],
 *   areas: [{ prefecture: '13', municipality: '13101' }], employmentTypes: ['regular'],
 *   wage: { unit: 'month', min: 220000, max: 280000 },
 *   hours: { perWeek: 40, shift: true, overtimeOk: false }, ageBand: '30-34',
 *   qualifications: ['介護福祉士'], experience: [{ occupation: '050', years: 6 }],
 *   education: 'vocational', selfIntroduction: '特別養護老人ホームで6年勤務しました。',
 *   publishedOn: '2026-04-01', updatedOn: '2026-04-10',
 * });
 */
export const ProfileSchema = z
  .strictObject({
    id: ProfileIdSchema,
    ...profileContent,
    publishedOn: IsoDateSchema,
    updatedOn: IsoDateSchema,
  })
  .refine((p) => p.updatedOn >= p.publishedOn, { message: '更新日が掲載日より前です', path: ['updatedOn'] });
export type Profile = z.infer<typeof ProfileSchema>;

/**
 * A profile as the feed lists it. Opening the full profile is what counts as acquiring it
 * (R-RET-1), so the list carries only what is needed to choose which to open: no
 * self-introduction, qualifications or experience.
 *
 * @example
 * ProfileSummarySchema.parse({ id: '13-7K3QM2XPA9', occupations: ['050'], ... });
 */
export const ProfileSummarySchema = z.object({
  id: ProfileIdSchema,
  occupations: profileContent.occupations,
  industries: profileContent.industries,
  areas: profileContent.areas,
  employmentTypes: profileContent.employmentTypes,
  wage: WageRangeSchema,
  ageBand: AgeBandSchema,
  education: EducationLevelSchema,
  publishedOn: IsoDateSchema,
  updatedOn: IsoDateSchema,
});
export type ProfileSummary = z.infer<typeof ProfileSummarySchema>;

/**
 * The bureau's internal reference for the jobseeker (for example its own case number), so it can
 * match results and activation codes to people. Stored for the bureau only; never shown to an
 * agency and never part of the profile.
 *
 * @example
 * HwRefSchema.parse('13010-2026-000123');
 */
export const HwRefSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_.:/-]+$/, { message: '管理番号に使えない文字が含まれています' });
export type HwRef = z.infer<typeof HwRefSchema>;

/**
 * One NDJSON line of `PUT /v1/admin/feed/profiles`. Without `id` the row creates a profile (and the
 * result carries an activation code for the jobseeker); with `id` it replaces that profile's
 * content. `homePrefecture` defaults to the loading officer's prefecture and becomes the ID's first
 * two digits. `validUntil` is the last JST day the jobseeker's Hello Work registration is valid
 * (R-FEED-6): optional; a new profile without it gets the end of the month after next from the
 * load day, an update without it keeps its date, and the worker refuses a date already past or
 * beyond the end of the month after next. The other dates are set by the worker. Whether the free
 * text holds contact details is checked by the rules after this schema (R-FEED-2).
 *
 * @example
 * ProfileLoadRowSchema.parse({ hwRef: '13010-2026-000123', occupations: ['050'], ... });
 */
export const ProfileLoadRowSchema = z
  .strictObject({
    id: ProfileIdSchema.optional(),
    hwRef: HwRefSchema,
    homePrefecture: PrefectureCodeSchema.optional(),
    validUntil: IsoDateSchema.optional(),
    ...profileContent,
  })
  .refine((row) => row.id === undefined || row.homePrefecture === undefined || row.id.startsWith(row.homePrefecture), {
    message: '求職者IDの都道府県と homePrefecture が一致しません',
    path: ['homePrefecture'],
  });
export type ProfileLoadRow = z.infer<typeof ProfileLoadRowSchema>;
export type ProfileLoadRowInput = z.input<typeof ProfileLoadRowSchema>;

/**
 * Why a row, or one field of it, was refused: the field's dotted path (empty for the whole row),
 * a Japanese reason a bureau officer can act on, and a stable code (`invalid`, `unknown_field`,
 * `contact_details_not_allowed`, `not_found`, `out_of_scope`, `malformed_json`, …).
 *
 * @example
 * ProfileLoadErrorSchema.parse({ field: 'selfIntroduction', reason: '電話番号が含まれています', code: 'contact_details_not_allowed' });
 */
export const ProfileLoadErrorSchema = z.object({
  field: z.string(),
  reason: z.string().min(1),
  code: z.string().regex(/^[a-z][a-z0-9_]*$/),
});
export type ProfileLoadError = z.infer<typeof ProfileLoadErrorSchema>;

/**
 * The result for one line of a load (lines count from 1). A refused row changes nothing; the other
 * rows still load (R-FEED-2). `activationCode` is present only when a profile was created.
 *
 * @example
 * ProfileLoadResultSchema.parse({ line: 1, ok: true, id: '13-7K3QM2XPA9', action: 'created', activationCode: 'K7QM-2XPA-9RTD', hwRef: '13010-2026-000123' });
 * ProfileLoadResultSchema.parse({ line: 2, ok: false, errors: [{ field: 'selfIntroduction', reason: '電話番号が含まれています', code: 'contact_details_not_allowed' }] });
 */
export const ProfileLoadResultSchema = z.discriminatedUnion('ok', [
  z.object({
    line: z.number().int().min(1),
    ok: z.literal(true),
    id: ProfileIdSchema,
    action: z.enum(['created', 'updated']),
    activationCode: z.string().regex(ACTIVATION_CODE_PATTERN).optional(),
    hwRef: z.string().optional(),
    /** R-FEED-6: the last day the profile stays in the feed, as this load left it. */
    validUntil: IsoDateSchema.optional(),
  }),
  z.object({
    line: z.number().int().min(1),
    ok: z.literal(false),
    id: ProfileIdSchema.optional(),
    hwRef: z.string().optional(),
    errors: z.array(ProfileLoadErrorSchema).min(1),
  }),
]);
export type ProfileLoadResult = z.infer<typeof ProfileLoadResultSchema>;

/**
 * The answer to a load: counts and one result per non-empty line, in order.
 *
 * @example
 * ProfileLoadResponseSchema.parse({ loaded: 1, refused: 1, results: [okResult, refusedResult] });
 */
export const ProfileLoadResponseSchema = z.object({
  loaded: z.number().int().min(0),
  refused: z.number().int().min(0),
  results: z.array(ProfileLoadResultSchema),
});
export type ProfileLoadResponse = z.infer<typeof ProfileLoadResponseSchema>;
