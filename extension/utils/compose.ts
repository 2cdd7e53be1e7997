import { disallowedContactDetails, type Finding } from '../../shared/rules/contact-details';
import type { ContactMethod } from '../../shared/schemas/agency';

/**
 * Contact details in an agency's message other than the contact methods it registered, and any
 * request for the jobseeker's name or contact details (R-MSG-4): checked before sending with the
 * worker's own function, so the composer and the worker give the same answer.
 *
 * @example
 * agencyContactFindings('お電話は03-1234-5678まで', [{ kind: 'phone', value: '03-1234-5678' }]); // []
 * agencyContactFindings('携帯 090-1111-2222', [{ kind: 'phone', value: '03-1234-5678' }]).length; // 1
 */
export function agencyContactFindings(text: string, registered: readonly ContactMethod[] | undefined): Finding[] {
  return disallowedContactDetails(text, registered ?? []);
}

/**
 * Contact details and names in a jobseeker's message (R-MSG-4): any is refused, so it is caught
 * before sending, with the worker's own function.
 *
 * @example
 * seekerContactFindings('090-1234-5678に電話ください').length; // 1
 */
export function seekerContactFindings(text: string): Finding[] {
  return disallowedContactDetails(text, null);
}

/**
 * A fresh idempotency key for one send (R-CAP-2): the same key is reused when that send is
 * retried, so it is delivered and counted once.
 *
 * @example
 * newIdempotencyKey('fc'); // 'fc-3f1c…'
 */
export function newIdempotencyKey(prefix: 'fc' | 'rp'): string {
  return `${prefix}-${crypto.randomUUID()}`;
}
