/**
 * Signing in, activation, tokens and sessions (R-SEC-1, R-SEC-2).
 */
import { z } from 'zod';
import { EmailSchema, IdSchema, InstantSchema, PasswordSchema } from './common';
import { ProfileIdSchema } from './profile-id';

/**
 * Who a token acts for: agency staff, a jobseeker, or bureau staff (the ministry or a prefectural
 * labour bureau).
 *
 * @example
 * RoleSchema.parse('bureau');
 */
export const RoleSchema = z.enum(['agency', 'seeker', 'ministry', 'bureau']);
export type Role = z.infer<typeof RoleSchema>;

/**
 * A jobseeker's passphrase, set at activation: 12 to 128 characters.
 *
 * @example
 * PassphraseSchema.parse('さくらが咲く春の朝に吹く風');
 */
export const PassphraseSchema = z
  .string()
  .min(12, { message: 'パスフレーズは12文字以上にしてください' })
  .max(128, { message: 'パスフレーズは128文字以内にしてください' });
export type Passphrase = z.infer<typeof PassphraseSchema>;

const CROCKFORD = '[0-9A-HJKMNP-TV-Z]';

/** The normalised form of an activation code, `XXXX-XXXX-XXXX` in Crockford base32. */
export const ACTIVATION_CODE_PATTERN = new RegExp(`^${CROCKFORD}{4}-${CROCKFORD}{4}-${CROCKFORD}{4}$`);

/**
 * The one-time code Hello Work hands a jobseeker for the first sign-in: three groups of four
 * Crockford base32 characters. Input is trimmed and uppercased, and the look-alike letters I, L
 * and O are read as 1, 1 and 0, so a code copied from paper still matches.
 *
 * @example
 * ActivationCodeSchema.parse(' k7qm-2xpa-9rtd '); // 'K7QM-2XPA-9RTD'
 */
export const ActivationCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .transform((code) => code.replace(/[IL]/g, '1').replace(/O/g, '0'))
  .pipe(z.string().regex(ACTIVATION_CODE_PATTERN, { message: '有効化コードの形式が正しくありません' }));
export type ActivationCode = z.infer<typeof ActivationCodeSchema>;

/**
 * `POST /v1/agency/sessions`: the account ID (an email address) and password.
 *
 * @example
 * AgencySignInSchema.parse({ email: 'info@mirai.example.jp', password: 'correct horse battery' });
 */
export const AgencySignInSchema = z.strictObject({
  email: EmailSchema,
  password: z.string().min(1).max(128),
});
export type AgencySignIn = z.infer<typeof AgencySignInSchema>;

/**
 * `POST /v1/seeker/sessions`: the public profile ID and the passphrase set at activation.
 *
 * @example
 * SeekerSignInSchema.parse({ profileId: '13-7K3QM2XPA9', passphrase: 'さくらが咲く春の朝に吹く風' });
 */
export const SeekerSignInSchema = z.strictObject({
  profileId: ProfileIdSchema,
  passphrase: z.string().min(1).max(128),
});
export type SeekerSignIn = z.infer<typeof SeekerSignInSchema>;

/**
 * `POST /v1/admin/sessions`: staff sign in with email and password; the very first ministry
 * account signs in with the bootstrap secret set by `wrangler secret put`.
 *
 * @example
 * AdminSignInSchema.parse({ email: 'kanri@mhlw.example.go.jp', password: 'correct horse battery' });
 * AdminSignInSchema.parse({ bootstrapToken: 'a-long-secret-from-wrangler-secret-put' });
 */
export const AdminSignInSchema = z.union([
  z.strictObject({ email: EmailSchema, password: z.string().min(1).max(128) }),
  z.strictObject({ bootstrapToken: z.string().min(32).max(256) }),
]);
export type AdminSignIn = z.infer<typeof AdminSignInSchema>;

/**
 * `POST /v1/seeker/activation`: the profile ID and code on the slip from Hello Work, and the
 * passphrase the jobseeker chooses. The ID tells the worker where the profile (and the code's hash)
 * lives, so no global index of codes is needed.
 *
 * @example
 * ActivationSchema.parse({ profileId: '13-7K3QM2XPA9', code: 'K7QM-2XPA-9RTD', passphrase: 'さくらが咲く春の朝に吹く風' });
 */
export const ActivationSchema = z.strictObject({
  profileId: ProfileIdSchema,
  code: ActivationCodeSchema,
  passphrase: PassphraseSchema,
});
export type Activation = z.infer<typeof ActivationSchema>;

/**
 * A jobseeker's account as their own object keeps it from activation on (R-SEC-2): the profile ID
 * it was activated for, when, and whether the profile is still in the feed (R-FEED-2: leaving the
 * feed keeps the account, so conversations stay readable).
 *
 * @example
 * SeekerAccountSchema.parse({ profileId: '13-7K3QM2XPA9', activatedAt: '2026-04-01T01:00:00.000Z', inFeed: true });
 */
export const SeekerAccountSchema = z.object({
  profileId: ProfileIdSchema,
  activatedAt: InstantSchema,
  inFeed: z.boolean(),
});
export type SeekerAccount = z.infer<typeof SeekerAccountSchema>;

/**
 * A bearer token and when it stops working.
 *
 * @example
 * TokenResponseSchema.parse({ token: 'mdg_…', expiresAt: '2026-04-02T01:00:00.000Z', role: 'agency' });
 */
export const TokenResponseSchema = z.object({
  token: z.string().min(32),
  expiresAt: InstantSchema,
  role: RoleSchema,
  /** R-SEC-6: after a compromise report, this session may only change the password (PUT /v1/me/password). */
  passwordChangeRequired: z.boolean().optional(),
});
export type TokenResponse = z.infer<typeof TokenResponseSchema>;

/**
 * What activation returns: a token, and the profile ID the jobseeker signs in with from then on.
 *
 * @example
 * ActivationResultSchema.parse({ token: 'mdg_…', expiresAt: '…', role: 'seeker', profileId: '13-7K3QM2XPA9' });
 */
export const ActivationResultSchema = TokenResponseSchema.extend({
  role: z.literal('seeker'),
  profileId: ProfileIdSchema,
});
export type ActivationResult = z.infer<typeof ActivationResultSchema>;

/**
 * One session of the signed-in user, as `GET /v1/me/sessions` lists them (R-SEC-1).
 *
 * @example
 * SessionInfoSchema.parse({ id: 'ses_01', createdAt: '…', lastSeenAt: '…', expiresAt: '…', current: true });
 */
export const SessionInfoSchema = z.object({
  id: IdSchema,
  createdAt: InstantSchema,
  lastSeenAt: InstantSchema,
  expiresAt: InstantSchema,
  current: z.boolean(),
  userAgent: z.string().max(500).optional(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

/**
 * `POST /v1/me/compromise-reports`: a suspected compromise of the account, reported to the bureau
 * (§9). Reporting also ends every other session.
 *
 * @example
 * CompromiseReportSchema.parse({ note: '心当たりのないログイン通知がありました' });
 */
export const CompromiseReportSchema = z.strictObject({
  noticedAt: z.iso.datetime().optional(),
  note: z.string().max(2000).default(''),
});
export type CompromiseReport = z.infer<typeof CompromiseReportSchema>;

/**
 * `PUT /v1/me/password` (R-SEC-6): the current password (a jobseeker's passphrase) and the new one.
 *
 * @example PasswordChangeSchema.parse({ currentPassword: 'old password 01', newPassword: 'new password 0001' });
 */
export const PasswordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword: PasswordSchema,
});
export type PasswordChange = z.infer<typeof PasswordChangeSchema>;

/** What a password change answers: the same session's token, now unrestricted, and how many other sessions ended. */
export const PasswordChangeResultSchema = z.object({ token: z.string().min(32), sessionsEnded: z.number().int() });
export type PasswordChangeResult = z.infer<typeof PasswordChangeResultSchema>;

/**
 * `POST /v1/agency/password-resets` (R-SEC-6): the seat's email, the one-time code the bureau
 * issued, and the new password.
 *
 * @example PasswordResetSchema.parse({ email: 'info@mirai.example.jp', code: 'K7M2-XQ9A-3BCD-EF01', newPassword: 'new password 0001' });
 */
export const PasswordResetSchema = z.strictObject({
  email: EmailSchema,
  code: z.string().min(8).max(40),
  newPassword: PasswordSchema,
});
export type PasswordReset = z.infer<typeof PasswordResetSchema>;

/** A one-time code for a person, shown once to the staff member who issued it (R-SEC-6). */
export const OneTimeCodeSchema = z.object({ code: z.string(), expiresAt: InstantSchema });
export type OneTimeCode = z.infer<typeof OneTimeCodeSchema>;
