/**
 * The kinds of contact detail and identifying information the detector reports (R-MSG-4
 * §7(2)①ク, R-FEED-2 §1(2)), with their Japanese names.
 */

/**
 * What kind of contact detail or identifier a {@link Finding} is (R-MSG-4 §7(2)①ク, R-FEED-2).
 * `name` is a person stating their own name; `contact_request` an agency asking for the
 * jobseeker's name or contact details.
 *
 * @example
 * const kind: ContactKind = 'twelve_digit'; // マイナンバー and other 12-digit numbers
 */
export type ContactKind = 'phone' | 'email' | 'postal_code' | 'address' | 'twelve_digit' | 'url' | 'messenger' | 'name' | 'contact_request';

/**
 * One contact detail found in a text (R-MSG-4, R-FEED-2); `start`/`end` are UTF-16
 * indices into the original text, so `text === original.slice(start, end)`.
 *
 * @example
 * const finding: Finding = { kind: 'postal_code', start: 0, end: 9, text: '〒100-0001', label: '郵便番号' };
 */
export type Finding = {
  kind: ContactKind;
  start: number;
  end: number;
  /** The original text between `start` and `end`. */
  text: string;
  /** The kind's name in Japanese, for messages a person reads. */
  label: string;
};

/**
 * The Japanese name of each {@link ContactKind}, as shown to jobseekers, agencies and
 * bureau staff (R-MSG-4, R-FEED-2).
 *
 * @example
 * CONTACT_KIND_LABELS.twelve_digit; // '12桁の番号（個人番号など）'
 */
export const CONTACT_KIND_LABELS: Readonly<Record<ContactKind, string>> = {
  phone: '電話番号',
  email: 'メールアドレス',
  postal_code: '郵便番号',
  address: '住所（番地）',
  twelve_digit: '12桁の番号（個人番号など）',
  url: 'URL',
  messenger: 'メッセンジャーID',
  name: '氏名',
  contact_request: 'お名前・連絡先のおたずね',
};

/** A match in normalized coordinates, before positions are mapped back. */
export type Candidate = { kind: ContactKind; start: number; end: number };
