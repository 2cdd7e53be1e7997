import { DurableObject } from 'cloudflare:workers';
import type {
  Addition,
  ChangeReport,
  ChangeReportRequest,
  EmployerConsent,
  EmployerStatement,
  HireRequest,
  JobOrder,
  JobOrderRequest,
} from '../../../shared/schemas/job-desk';
import type { JobOffer, OfferCloseReason } from '../../../shared/schemas/job-offer';
import { migrate } from '../../lib/migrations';
import { refuse, type Refusal } from '../../lib/problem';
import { addHire, addOrder, hireTally, listOrders, orderById } from './orders';
import { createQuote, forgetClosed, listQuotes, presentationOf, type StoredQuote } from './quotes';
import { addAddition, addChangeReport, listAdditions, listChangeReports } from './records';
import { DESK_SCHEMA_V1, type DeskSql } from './sql';

export type { StoredQuote } from './quotes';

/** Quotes listed at most (newest first). */
export const QUOTE_LIST_LIMIT = 500;

/**
 * One agency's side of the job-offer service (§1(1), a service apart from the jobseeker feed):
 * quotes for its own jobseekers, additions with the employer's consent, change reports, accepted
 * orders with their statements, and hires (R-JOB-2 … R-JOB-6, R-REP-1). Keyed by agency ID; the
 * agency's own object is not touched (docs/decisions.md).
 */
export class JobDesk extends DurableObject<Env> {
  private readonly db: DeskSql;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    const sql = ctx.storage.sql;
    this.db = { all: <T>(query: string, ...params: unknown[]) => sql.exec(query, ...params).toArray() as T[] };
    ctx.blockConcurrencyWhile(async () => migrate(sql, [(s) => s.exec(DESK_SCHEMA_V1)]));
  }

  /** R-JOB-2: a quote of the given version for one jobseeker. */
  async quote(
    q: { offer: JobOffer; version: number; hash: string; jobseekerRef: string; introductionProcedure: string },
    now: number,
  ): Promise<StoredQuote> {
    return createQuote(this.db, q, now);
  }

  /** The quotes with how each offer is to be presented now (§7(1)②カ). */
  async quotes(): Promise<{ quotes: StoredQuote[]; presentation: Record<string, 'hello_work' | 'agency'>; additions: Addition[] }> {
    const quotes = listQuotes(this.db, QUOTE_LIST_LIMIT);
    const numbers = [...new Set(quotes.map((q) => q.offerNumber))];
    return {
      quotes,
      presentation: Object.fromEntries(numbers.map((n) => [n, presentationOf(this.db, n)])),
      additions: listAdditions(this.db, numbers),
    };
  }

  /** R-JOB-3: drops the content of quotes whose offer closed. */
  async forgetClosed(closed: Array<{ number: string; reason: OfferCloseReason }>, now: number): Promise<{ forgotten: number }> {
    return { forgotten: this.ctx.storage.transactionSync(() => forgetClosed(this.db, closed, now)) };
  }

  /** R-JOB-4: an addition, only with the employer's consent (checked by the caller's schema). */
  async addition(offerNumber: string, text: string, consent: EmployerConsent, now: number): Promise<Addition> {
    return addAddition(this.db, offerNumber, text, consent, now);
  }

  /** R-JOB-5: records the agency asked the employer to tell the receiving office. */
  async changeReport(offer: JobOffer, req: ChangeReportRequest & { employerAskedOn: string }, now: number): Promise<ChangeReport> {
    return addChangeReport(this.db, offer, req, now);
  }

  async changeReports(): Promise<ChangeReport[]> {
    return listChangeReports(this.db);
  }

  /** R-JOB-6: records an accepted order with its statement. */
  async order(order: JobOrderRequest, statement: EmployerStatement, now: number): Promise<JobOrder> {
    return addOrder(this.db, order, statement, now);
  }

  async orders(): Promise<JobOrder[]> {
    return listOrders(this.db);
  }

  async orderById(id: string): Promise<JobOrder | null> {
    return orderById(this.db, id);
  }

  /** R-REP-1: a hire through an order. */
  async hire(orderId: string, hire: HireRequest, now: number): Promise<{ ok: true; order: JobOrder } | Refusal> {
    if (!orderById(this.db, orderId))
      return refuse('order_not_found', `受理記録（${orderId}）はありません。`, undefined, {
        status: 404,
        title: '求人の受理記録が見つかりません',
      });
    addHire(this.db, orderId, hire, now);
    return { ok: true, order: orderById(this.db, orderId)! };
  }

  /** R-REP-1: hires and fees in a fiscal year. */
  async tally(fy: number): Promise<{ fiscalYear: number; hires: number; feeTotal: number }> {
    return hireTally(this.db, fy);
  }
}
