/**
 * The checks of one line of the bureau's profile load (R-FEED-2, R-FEED-6) that need nothing but
 * the line and today: each answers the line's errors, with the field and a reason in Japanese.
 */
import { findContactDetails, registrationValidUntil } from '../../shared/rules';
import type { ProfileLoadRow } from '../../shared/schemas';

/** One refused field of a line, as the load's per-line result shows it. */
export type LoadError = { field: string; reason: string; code: string };

/**
 * R-FEED-2: the free-text fields that must not hold contact details or identifiers.
 *
 * @example contactErrors(row) // [{ field: 'selfIntroduction', code: 'contact_details', reason: '12文字目から電話番号と思われる…' }]
 */
export function contactErrors(row: ProfileLoadRow): LoadError[] {
  const fields: Array<[string, string]> = [
    ['selfIntroduction', row.selfIntroduction],
    ...row.qualifications.map((q, i): [string, string] => [`qualifications.${i}`, q]),
  ];
  const errors: LoadError[] = [];
  for (const [field, text] of fields) {
    for (const f of findContactDetails(text)) {
      errors.push({
        field,
        code: 'contact_details',
        reason: `${f.start + 1}文字目から${f.label}と思われる記載があります。個人を特定できる情報は掲載できません。`,
      });
    }
  }
  return errors;
}

/**
 * R-FEED-6: a registration runs at most to the end of the month after next from the day it was
 * made or extended, so the bureau's date lies between today and that day.
 *
 * @example validUntilErrors('2026-11-26', '2026-11-27') // [{ field: 'validUntil', code: 'registration_lapsed', … }]
 */
export function validUntilErrors(validUntil: string | undefined, today: string): LoadError[] {
  if (validUntil === undefined) return [];
  if (validUntil < today)
    return [
      {
        field: 'validUntil',
        code: 'registration_lapsed',
        reason: `有効期限（${validUntil}）はすでに過ぎています。有効期限が切れた求職者は掲載できません。`,
      },
    ];
  const latest = registrationValidUntil(today);
  if (validUntil > latest)
    return [{ field: 'validUntil', code: 'valid_until_too_late', reason: `有効期限は翌々月末（${latest}）までです。` }];
  return [];
}
