/**
 * The jobseeker's sign-in and activation forms, checked in the popup as the shared schemas
 * (`SeekerSignInSchema`, `ActivationSchema` in shared/schemas/session.ts) check them, with the
 * same Japanese messages, but without loading zod. test/extension/seeker-forms.test.ts proves
 * both agree on generated input.
 */
import { isPrefectureCode } from '../../shared/data/prefectures';
import type { Activation, SeekerSignIn } from '../../shared/schemas/session';

/** The parsed form, or the messages to show (in the order of the fields). */
export type FormResult<T> = { success: true; data: T } | { success: false; messages: string[] };

const PROFILE_ID = /^[0-9]{2}-[0-9A-HJKMNP-TV-Z]{10}$/;
const ACTIVATION_CODE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** R-FEED-1: a profile ID's format and home prefecture (both checked, as `ProfileIdSchema` does). */
function profileIdMessages(id: string): Array<string | null> {
  return [
    PROFILE_ID.test(id) ? null : '求職者IDの形式が正しくありません',
    isPrefectureCode(id.slice(0, 2)) ? null : '求職者IDの都道府県コードが正しくありません',
  ];
}

/** An activation code as typed: trimmed, uppercased, I and L read as 1 and O as 0. */
export function normalizeActivationCode(code: string): string {
  return code.trim().toUpperCase().replace(/[IL]/g, '1').replace(/O/g, '0');
}

/**
 * Checks the activation form (`POST /v1/seeker/activation`).
 *
 * @example
 * parseActivation({ profileId: '13-7K3QM2XPA9', code: 'k7qm-2xpa-9rtd', passphrase: 'さくらが咲く春の朝に吹く風' });
 */
export function parseActivation(input: { profileId: string; code: string; passphrase: string }): FormResult<Activation> {
  const code = normalizeActivationCode(input.code);
  const messages = [
    ...profileIdMessages(input.profileId),
    ACTIVATION_CODE.test(code) ? null : '有効化コードの形式が正しくありません',
    input.passphrase.length < 12
      ? 'パスフレーズは12文字以上にしてください'
      : input.passphrase.length > 128
        ? 'パスフレーズは128文字以内にしてください'
        : null,
  ].filter((m): m is string => m !== null);
  return messages.length
    ? { success: false, messages }
    : { success: true, data: { profileId: input.profileId, code, passphrase: input.passphrase } };
}

/**
 * Checks the sign-in form (`POST /v1/seeker/sessions`).
 *
 * @example
 * parseSeekerSignIn({ profileId: '13-7K3QM2XPA9', passphrase: 'さくらが咲く春の朝に吹く風' });
 */
export function parseSeekerSignIn(input: { profileId: string; passphrase: string }): FormResult<SeekerSignIn> {
  const messages = [
    ...profileIdMessages(input.profileId),
    input.passphrase.length < 1 || input.passphrase.length > 128 ? 'パスフレーズを入力してください' : null,
  ].filter((m): m is string => m !== null);
  return messages.length
    ? { success: false, messages }
    : { success: true, data: { profileId: input.profileId, passphrase: input.passphrase } };
}
