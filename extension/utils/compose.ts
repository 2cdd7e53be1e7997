import { findContactDetails, type Finding } from '../../shared/rules/contact-details';
import type { ContactMethod } from '../../shared/schemas/agency';

const nfkc = (s: string) => s.normalize('NFKC');
const digits = (s: string) => {
  const d = nfkc(s).replace(/\D/g, '');
  return d.startsWith('81') && d.length >= 11 ? `0${d.slice(2)}` : d;
};
const compact = (s: string) => nfkc(s).replace(/\s+/g, '').toLowerCase();

function isRegistered(finding: Finding, registered: readonly ContactMethod[]): boolean {
  return registered.some((method) => {
    switch (method.kind) {
      case 'phone':
        return finding.kind === 'phone' && digits(finding.text) === digits(method.value);
      case 'email':
        return finding.kind === 'email' && compact(finding.text) === compact(method.value);
      case 'url': {
        const wanted = compact(method.value).replace(/\/+$/, '');
        const found = compact(finding.text).replace(/[/.,、。)）]+$/, '');
        return finding.kind === 'url' && (found === wanted || found.startsWith(`${wanted}/`));
      }
      case 'postal':
        return (finding.kind === 'address' || finding.kind === 'postal_code') && compact(method.value).includes(compact(finding.text));
    }
  });
}

/**
 * Contact details in an agency's message other than the contact methods it registered
 * (R-MSG-4): checked before sending so the sender can fix them; the worker still decides.
 *
 * @example
 * agencyContactFindings('お電話は03-1234-5678まで', [{ kind: 'phone', value: '03-1234-5678' }]); // []
 * agencyContactFindings('携帯 090-1111-2222', [{ kind: 'phone', value: '03-1234-5678' }]).length; // 1
 */
export function agencyContactFindings(text: string, registered: readonly ContactMethod[]): Finding[] {
  return findContactDetails(text).filter((f) => !isRegistered(f, registered));
}

/**
 * Contact details in a jobseeker's message (R-MSG-4): any is refused, so it is caught before
 * sending.
 *
 * @example
 * seekerContactFindings('090-1234-5678に電話ください').length; // 1
 */
export function seekerContactFindings(text: string): Finding[] {
  return findContactDetails(text);
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
