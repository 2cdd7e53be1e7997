/**
 * The terms of use as the agency's seat must confirm them (R-TOS-1, §20): what is in force, what
 * comes next, and the confirmation itself.
 */
import { TermsConsentRecordSchema, TermsStatusSchema, type TermsConsentRecord, type TermsStatus } from '../../shared/schemas/terms';
import { client, read, type ApiContext } from './api';

/** `GET /v1/agency/terms-consents`: what this seat must confirm, and what is coming. */
export function termsStatus(ctx: ApiContext): Promise<TermsStatus> {
  return read(TermsStatusSchema, () => client(ctx).v1.agency['terms-consents'].$get());
}

/** `POST /v1/agency/terms-consents`: this seat confirms a version. */
export function confirmTerms(ctx: ApiContext, version: number): Promise<TermsConsentRecord> {
  return read(TermsConsentRecordSchema, () => client(ctx).v1.agency['terms-consents'].$post({ json: { version } }));
}
