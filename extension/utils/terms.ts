/**
 * The terms of use as the agency's seat must confirm them (R-TOS-1, §20): what is in force, what
 * comes next, and the confirmation itself.
 */
import { TermsConsentRecordSchema, TermsStatusSchema, type TermsConsentRecord, type TermsStatus } from '../../shared/schemas/terms';
import { client, type ApiContext } from './api';
import { ApiProblem, invalidResponseProblem, networkProblem, problemFromResponse } from './problem';

type AnyResponse = Pick<Response, 'ok' | 'status' | 'headers' | 'json'>;

async function parsed<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false } }, request: () => Promise<AnyResponse>): Promise<T> {
  let res: AnyResponse;
  try {
    res = await request();
  } catch (error) {
    if (error instanceof ApiProblem) throw error;
    throw networkProblem();
  }
  if (!res.ok) throw await problemFromResponse(res);
  const body = schema.safeParse(await res.json().catch(() => null));
  if (!body.success) throw invalidResponseProblem(res.status);
  return body.data;
}

/** `GET /v1/agency/terms-consents`: what this seat must confirm, and what is coming. */
export function termsStatus(ctx: ApiContext): Promise<TermsStatus> {
  return parsed(TermsStatusSchema, () => client(ctx).v1.agency['terms-consents'].$get());
}

/** `POST /v1/agency/terms-consents`: this seat confirms a version. */
export function confirmTerms(ctx: ApiContext, version: number): Promise<TermsConsentRecord> {
  return parsed(TermsConsentRecordSchema, () => client(ctx).v1.agency['terms-consents'].$post({ json: { version } }));
}
