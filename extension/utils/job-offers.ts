/**
 * The job-offer service from the extension (R-JOB-1 … R-JOB-7): the worker's routes, and the local
 * copies of opened offers and quotes, which follow the worker: a closed offer disappears from them
 * (R-JOB-3). Offers are never exported or kept beyond what the agency opened or quoted (R-JOB-7).
 */
import { z } from 'zod';
import {
  AdditionSchema,
  ChangeReportSchema,
  EmployerStatementSchema,
  JobOfferDetailSchema,
  JobOfferPageSchema,
  JobOfferStatusListSchema,
  JobOrderSchema,
  QuoteListSchema,
  QuoteSchema,
  type ChangeReportRequest,
  type EmployerConsent,
  type JobOrderRequest,
  type QuoteRequest,
} from '../../shared/schemas';
import { client, read, type ApiContext } from './api';
import { db as defaultDb, type MadoguchiDB } from './db';
import type { AccountKey } from './session';

const offers = (ctx: ApiContext) => client(ctx).v1.agency['job-offers'];

/** `GET /v1/agency/job-offers`: a page of offer summaries (R-JOB-1). */
export function searchOffers(ctx: ApiContext, query: Record<string, string | string[]>) {
  return read(JobOfferPageSchema, () => offers(ctx).$get({ query: query as never }));
}

/** `GET /v1/agency/job-offers/{id}`: the latest version with its hash (R-JOB-2). */
export function openOffer(ctx: ApiContext, id: string) {
  return read(JobOfferDetailSchema, () => offers(ctx)[':id'].$get({ param: { id } }));
}

/** `POST /v1/agency/job-offers/{id}/quotes`: a quote for one of the agency's jobseekers. */
export function makeQuote(ctx: ApiContext, id: string, body: QuoteRequest) {
  return read(QuoteSchema, () => offers(ctx)[':id'].quotes.$post({ param: { id }, json: body }));
}

/** `GET /v1/agency/quotes`: quotes with stale and closed ones marked, and the additions. */
export function listQuotes(ctx: ApiContext) {
  return read(QuoteListSchema, () => client(ctx).v1.agency.quotes.$get());
}

/** `POST /v1/agency/job-offers/{id}/additions`: an addition with the employer's consent (R-JOB-4). */
export function addAddition(ctx: ApiContext, id: string, text: string, consent: EmployerConsent) {
  return read(AdditionSchema, () => offers(ctx)[':id'].additions.$post({ param: { id }, json: { text, consent } }));
}

/** `POST /v1/agency/job-offers/{id}/change-reports` (R-JOB-5). */
export function reportChange(ctx: ApiContext, id: string, body: ChangeReportRequest) {
  return read(ChangeReportSchema, () => offers(ctx)[':id']['change-reports'].$post({ param: { id }, json: body }));
}

/** `POST /v1/agency/job-orders`: an accepted order and its statement (R-JOB-6). */
export function acceptOrder(ctx: ApiContext, body: JobOrderRequest) {
  return read(JobOrderSchema, () => client(ctx).v1.agency['job-orders'].$post({ json: body as never }));
}

/** `GET /v1/agency/job-orders`. */
export function listOrders(ctx: ApiContext) {
  return read(z.object({ items: z.array(JobOrderSchema) }), () => client(ctx).v1.agency['job-orders'].$get());
}

/** `GET /v1/agency/job-orders/{id}/statement`. */
export function getStatement(ctx: ApiContext, id: string) {
  return read(EmployerStatementSchema, () => client(ctx).v1.agency['job-orders'][':id'].statement.$get({ param: { id } }));
}

/** `GET /v1/agency/job-offers/status`: whether offers the extension holds are still open. */
export function offerStatuses(ctx: ApiContext, numbers: string[]) {
  return read(JobOfferStatusListSchema, () => offers(ctx).status.$get({ query: { number: numbers } }));
}

/**
 * R-JOB-3: brings the local copies in line with the worker: quotes are replaced by the worker's
 * list (closed ones without content), and every opened offer that closed is deleted.
 *
 * @example await syncOfferCopies(ctx, account);
 */
export async function syncOfferCopies(
  ctx: ApiContext,
  account: AccountKey,
  database: MadoguchiDB = defaultDb,
): Promise<{ removedOffers: number; closedQuotes: number }> {
  const list = await listQuotes(ctx);
  const held = (await database.jobOffers.where('account').equals(account).toArray()).map((o) => o.offerNumber);
  const closed = new Set(list.items.filter((q) => q.state === 'closed').map((q) => q.offerNumber));
  const unchecked = held.filter((n) => !closed.has(n) && !list.items.some((q) => q.offerNumber === n));
  for (let i = 0; i < unchecked.length; i += 100) {
    for (const s of (await offerStatuses(ctx, unchecked.slice(i, i + 100))).items) if (s.status !== 'open') closed.add(s.offerNumber);
  }
  const gone = held.filter((n) => closed.has(n));
  await database.transaction('rw', database.jobOffers, database.jobQuotes, async () => {
    await database.jobQuotes.where('account').equals(account).delete();
    await database.jobQuotes.bulkPut(
      list.items.map((quote) => ({
        account,
        id: quote.id,
        offerNumber: quote.offerNumber,
        quote,
        additions: list.additions.filter((a) => a.offerNumber === quote.offerNumber),
      })),
    );
    await database.jobOffers.bulkDelete(gone.map((n) => [account, n] as [AccountKey, string]));
  });
  return { removedOffers: gone.length, closedQuotes: list.items.filter((q) => q.state === 'closed').length };
}
