/**
 * Contact details and personal identifiers in free text: the one detector of R-MSG-4 (§7(2)①ク,
 * messages in both directions, complaints passed on to agencies) and R-FEED-2 (§1(2), §7(2)①,
 * the bureau's feed load), called by the worker and by the extension's composer alike.
 *
 * It normalizes first (NFKC; kanji, enclosed and spelled-out numerals; spelled-out `@` and `.`),
 * then runs small scanners over the normalized text — numbers, email and URLs, messenger handles,
 * street addresses, names — each linear in the text. Every position reported points into the
 * ORIGINAL text (UTF-16 indices), ready to highlight in the compose box or a bulk-load report.
 *
 * The detectors favour precision on ordinary job text (wages, hours, dates, head counts,
 * ranges, qualification, company and place names) and recall on real contact details.
 */
import type { ContactMethod } from '../schemas/agency';
import { findAddresses } from './contact/address';
import { findHandles } from './contact/handles';
import { findContactRequests, findSelfNames } from './contact/identity';
import { CONTACT_KIND_LABELS, type Candidate, type ContactKind, type Finding } from './contact/kinds';
import { normalizeForDetection } from './contact/normalize';
import { findLooseNumbers, findNumbers } from './contact/numbers';
import { isRegisteredContact } from './contact/registered';
import { findEmails, findUrls } from './contact/web';

export { CONTACT_KIND_LABELS, type ContactKind, type Finding } from './contact/kinds';
export { normalizeForDetection, normalizeForMatching, type DetectionText, type NormalizedText } from './contact/normalize';
export { isRegisteredContact } from './contact/registered';

/**
 * Who wrote a text (R-MSG-4): a jobseeker's words (messages, the feed's free text, complaints)
 * may not name the jobseeker; an agency's may introduce its staff but may not ask for the
 * jobseeker's name or contact details.
 */
export type Author = 'jobseeker' | 'agency';

// On the same stretch, the more specific reading wins (a phone number can look like 1-2-3).
const PRIORITY: Readonly<Record<ContactKind, number>> = {
  email: 0,
  url: 1,
  messenger: 2,
  phone: 3,
  postal_code: 4,
  twelve_digit: 5,
  address: 6,
  name: 7,
  contact_request: 8,
};

/**
 * Finds phone numbers, email addresses, postal codes, street addresses (番地), 12-digit
 * numbers (マイナンバー and the like), URLs, messenger IDs and names in a text, however they are
 * disguised (R-MSG-4 §7(2)①ク, R-FEED-2 §1(2)). For a jobseeker's text (the default) a person
 * stating their name is a finding; for an agency's, a request for the jobseeker's name or
 * contact details is, and its staff introducing themselves is not.
 *
 * Findings are sorted by `start` and never overlap; `start`/`end` index the original text.
 * A prefecture or municipality alone (東京都, 横浜市) is not a finding, nor are wages,
 * hours, dates, counts or ranges.
 *
 * @example
 * findContactDetails('携帯は〇九〇ー一二三四ー五六七八です');
 * // [{ kind: 'phone', start: 3, end: 16, text: '〇九〇ー一二三四ー五六七八', label: '電話番号' }]
 * findContactDetails('年収400万円、週5日 9:00-18:00'); // []
 */
export function findContactDetails(text: string, author: Author = 'jobseeker'): Finding[] {
  const n = normalizeForDetection(text);
  const candidates: Candidate[] = [
    ...findEmails(n.text),
    ...findUrls(n.text),
    ...findHandles(n.text),
    ...findNumbers(n.text),
    ...findLooseNumbers(n.text),
    ...findAddresses(n.text),
    ...(author === 'agency' ? findContactRequests(n.text) : findSelfNames(n.text)),
  ];
  const mapped = candidates
    .filter((c) => c.end > c.start)
    .map((c) => ({ kind: c.kind, ...n.toOriginal(c.start, c.end) }))
    .sort((a, b) => b.end - b.start - (a.end - a.start) || PRIORITY[a.kind] - PRIORITY[b.kind] || a.start - b.start);

  const taken = new Uint8Array(text.length + 1);
  const chosen: Finding[] = [];
  for (const c of mapped) {
    let free = true;
    for (let k = c.start; k < c.end && free; k++) free = taken[k] === 0;
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    chosen.push({ kind: c.kind, start: c.start, end: c.end, text: text.slice(c.start, c.end), label: CONTACT_KIND_LABELS[c.kind] });
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/**
 * R-MSG-4 (§7(2)①ク): the contact details in a message body that its sender may not send — the
 * one check the worker runs on every message and the composer runs before sending. A jobseeker
 * (`registered` null) may send none; an agency only the contact methods it registered
 * ({@link isRegisteredContact}), and never a request for the jobseeker's name or contact details.
 *
 * @example
 * disallowedContactDetails('お電話は03-1234-5678へ', [{ kind: 'phone', value: '03-1234-5678' }]); // []
 * disallowedContactDetails('090-1111-2222', null)[0]?.kind; // 'phone'
 */
export function disallowedContactDetails(body: string, registered: readonly ContactMethod[] | null): Finding[] {
  if (!registered) return findContactDetails(body, 'jobseeker');
  return findContactDetails(body, 'agency').filter((f) => !isRegisteredContact(f, registered));
}

const QUOTE_LIMIT = 40;

/**
 * A polite Japanese sentence naming what {@link findContactDetails} found, for the refusal
 * of a message (R-MSG-4 §7(2)①ク) or a feed row (R-FEED-2). Returns `''` for no findings.
 *
 * @example
 * describeFindings(findContactDetails('090-1234-5678 / taro@example.com'));
 * // '「電話番号（090-1234-5678）」と「メールアドレス（taro@example.com）」が含まれています。'
 */
export function describeFindings(findings: Finding[]): string {
  if (findings.length === 0) return '';
  const items = findings.map((f) => {
    const quoted = f.text.length > QUOTE_LIMIT ? `${f.text.slice(0, QUOTE_LIMIT)}…` : f.text;
    return `「${f.label}（${quoted.replace(/\s+/gu, ' ')}）」`;
  });
  const last = items.pop() ?? '';
  const listed = items.length === 0 ? last : `${items.join('、')}と${last}`;
  return `${listed}が含まれています。`;
}
