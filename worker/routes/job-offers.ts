import { createRoute, z } from '@hono/zod-openapi';
import {
  AdditionRequestSchema,
  AdditionSchema,
  ChangeReportRequestSchema,
  ChangeReportSchema,
  EmployerStatementSchema,
  FiscalYearSchema,
  HireRequestSchema,
  HireTallySchema,
  JobOfferDetailSchema,
  JobOfferLoadQuerySchema,
  JobOfferLoadResponseSchema,
  JobOfferPageSchema,
  JobOfferQuerySchema,
  JobOfferStatusListSchema,
  JobOfferStatusQuerySchema,
  JobOrderRequestSchema,
  JobOrderSchema,
  OfferNumberSchema,
  QuoteListSchema,
  QuoteRequestSchema,
  QuoteSchema,
} from '../../shared/schemas';
import { authedErrors, bearer, group, json } from '../lib/context';
import { homeOf, jobDesk } from '../lib/job-offers';
import { ApiError } from '../lib/problem';
import { registry, requireRole } from '../middleware/auth';
import { requireJobOfferService } from '../middleware/service-gates';
import { scopeOf } from './admin';
import { closeJobOffer, loadJobOffers } from '../flows/job-offer-load';
import { offerStatuses, openOffer, searchOffers } from '../flows/job-offer-desk';
import { addAddition, listQuotes, makeQuote, reportChange } from '../flows/job-offer-quotes';
import { acceptOrder, recordHire } from '../flows/job-orders';

const agencyOnly = [requireRole('agency')];
const staffOnly = [requireRole('staff')];
const NumberParam = z.object({ id: OfferNumberSchema });
const OrderParam = z.object({ id: z.string().regex(/^O[0-9A-Z]{10}$/) });
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

const r = {
  load: createRoute({
    method: 'put',
    path: '/v1/admin/job-offers',
    tags: ['admin'],
    security: bearer,
    middleware: staffOnly,
    summary: '求人情報の一括読込（NDJSON、1行1件、最大5,000行）。snapshot を付けると、その安定所の求人のうち含まれないものを終了する',
    request: { query: JobOfferLoadQuerySchema, body: { content: { 'application/x-ndjson': { schema: z.string() } }, required: true } },
    responses: { 200: json(JobOfferLoadResponseSchema, '行ごとの結果'), ...authedErrors, 413: authedErrors[400], 415: authedErrors[400] },
  }),
  close: createRoute({
    method: 'delete',
    path: '/v1/admin/job-offers/{id}',
    tags: ['admin'],
    summary: '求人の終了',
    security: bearer,
    middleware: staffOnly,
    request: { params: NumberParam },
    responses: { 204: { description: '終了した' }, ...authedErrors },
  }),
  search: createRoute({
    method: 'get',
    path: '/v1/agency/job-offers',
    tags: ['job-offers'],
    security: bearer,
    middleware: agencyOnly,
    summary: '求人の検索（職業・産業・就業地・雇用形態・賃金・時間・キーワード）。一覧は概要のみ、1ページ最大50件',
    request: { query: JobOfferQuerySchema },
    responses: { 200: json(JobOfferPageSchema), ...authedErrors },
  }),
  status: createRoute({
    method: 'get',
    path: '/v1/agency/job-offers/status',
    tags: ['job-offers'],
    security: bearer,
    middleware: agencyOnly,
    summary: '手元に写しのある求人の状態（終了した求人は写しを消す）',
    request: { query: JobOfferStatusQuerySchema },
    responses: { 200: json(JobOfferStatusListSchema), ...authedErrors },
  }),
  open: createRoute({
    method: 'get',
    path: '/v1/agency/job-offers/{id}',
    tags: ['job-offers'],
    security: bearer,
    middleware: agencyOnly,
    summary: '求人を1件開く（最新版と内容確認コード）',
    request: { params: NumberParam },
    responses: { 200: json(JobOfferDetailSchema), ...authedErrors, 410: authedErrors[404] },
  }),
  quote: createRoute({
    method: 'post',
    path: '/v1/agency/job-offers/{id}/quotes',
    tags: ['job-offers'],
    security: bearer,
    middleware: agencyOnly,
    summary: '自社の求職者1人のための引用（最新版をそのまま、省略不可の項目をすべて含む）',
    request: { params: NumberParam, ...body(QuoteRequestSchema) },
    responses: { 201: json(QuoteSchema), ...authedErrors, 410: authedErrors[404] },
  }),
  quotes: createRoute({
    method: 'get',
    path: '/v1/agency/quotes',
    tags: ['job-offers'],
    security: bearer,
    middleware: agencyOnly,
    summary: '引用の一覧（変更された求人は何が変わったか、終了した求人は内容なし）と付加情報',
    responses: { 200: json(QuoteListSchema), ...authedErrors },
  }),
  addition: createRoute({
    method: 'post',
    path: '/v1/agency/job-offers/{id}/additions',
    tags: ['job-offers'],
    security: bearer,
    middleware: agencyOnly,
    summary: '求人事業主の同意を得た自社の付加情報',
    request: { params: NumberParam, ...body(AdditionRequestSchema) },
    responses: { 201: json(AdditionSchema), ...authedErrors, 410: authedErrors[404], 422: authedErrors[400] },
  }),
  changeReport: createRoute({
    method: 'post',
    path: '/v1/agency/job-offers/{id}/change-reports',
    tags: ['job-offers'],
    security: bearer,
    middleware: agencyOnly,
    summary: '求人の変更・取消しを知り、求人事業主に受理安定所への連絡を依頼したことの記録',
    request: { params: NumberParam, ...body(ChangeReportRequestSchema) },
    responses: { 201: json(ChangeReportSchema), ...authedErrors, 422: authedErrors[400] },
  }),
  changeReports: createRoute({
    method: 'get',
    path: '/v1/agency/change-reports',
    tags: ['job-offers'],
    security: bearer,
    middleware: agencyOnly,
    summary: '記録した変更・取消しの連絡依頼',
    responses: { 200: json(z.object({ items: z.array(ChangeReportSchema) })), ...authedErrors },
  }),
  order: createRoute({
    method: 'post',
    path: '/v1/agency/job-orders',
    tags: ['job-offers'],
    security: bearer,
    middleware: agencyOnly,
    summary: '求人事業主からの求人の受理を記録し、求人事業主に明示する書面を作る',
    request: body(JobOrderRequestSchema),
    responses: { 201: json(JobOrderSchema), ...authedErrors, 422: authedErrors[400] },
  }),
  orders: createRoute({
    method: 'get',
    path: '/v1/agency/job-orders',
    tags: ['job-offers'],
    security: bearer,
    middleware: agencyOnly,
    summary: '受理した求人の一覧',
    responses: { 200: json(z.object({ items: z.array(JobOrderSchema) })), ...authedErrors },
  }),
  statement: createRoute({
    method: 'get',
    path: '/v1/agency/job-orders/{id}/statement',
    tags: ['job-offers'],
    security: bearer,
    middleware: agencyOnly,
    summary: '求人事業主に明示する書面（メールで送れる文面と各項目）',
    request: { params: OrderParam },
    responses: { 200: json(EmployerStatementSchema), ...authedErrors },
  }),
  hire: createRoute({
    method: 'post',
    path: '/v1/agency/job-orders/{id}/hires',
    tags: ['job-offers'],
    security: bearer,
    middleware: agencyOnly,
    summary: '受理した求人での採用を記録する（利用状況報告に数える）',
    request: { params: OrderParam, ...body(HireRequestSchema) },
    responses: { 201: json(JobOrderSchema), ...authedErrors, 422: authedErrors[400] },
  }),
  usage: createRoute({
    method: 'get',
    path: '/v1/agency/job-offer-usage/{fiscalYear}',
    tags: ['job-offers'],
    security: bearer,
    middleware: agencyOnly,
    summary: '年度の採用数と手数料合計（利用状況報告の求人情報提供サービス欄）',
    request: { params: z.object({ fiscalYear: z.coerce.number().pipe(FiscalYearSchema) }) },
    responses: { 200: json(HireTallySchema), ...authedErrors },
  }),
};

/** The job-offer service (R-JOB-1 … R-JOB-7): the bureau's loads and closes, and the agency's work with offers. */
export const jobOfferRoutes = group()
  .openapi(r.load, async (c) => {
    if (!/^application\/(x-)?ndjson|^application\/jsonl|^text\/plain/i.test(c.req.header('content-type') ?? '')) {
      throw new ApiError(
        'unsupported_media_type',
        'Content-Type: application/x-ndjson で、1行に1件の JSON を送ってください。',
        {},
        { status: 415, title: '形式が違います' },
      );
    }
    const text = new TextDecoder().decode(await c.req.arrayBuffer());
    const result = await loadJobOffers(c.env, text, c.var.now, scopeOf(c), c.req.valid('query'));
    await registry(c.env).audit(c.var.now.getTime(), c.var.staff.id, 'job_offers.load', 'job_offers', null, {
      loaded: result.loaded,
      refused: result.refused,
      closed: result.closed,
      snapshot: c.req.valid('query').snapshot ?? null,
    });
    return c.json(result, 200);
  })
  .openapi(r.close, async (c) => {
    const { id } = c.req.valid('param');
    const scope = scopeOf(c);
    if (scope && homeOf(id) !== scope)
      throw new ApiError('out_of_scope', '管轄外の安定所が受理した求人は終了できません。', {}, { status: 403, title: '管轄外です' });
    const result = await closeJobOffer(c.env, id, c.var.now);
    if (result === 'not_found')
      throw new ApiError(
        'offer_not_found',
        `求人番号 ${id} の求人は読み込まれていません。`,
        {},
        { status: 404, title: '求人が見つかりません' },
      );
    if (result === 'closed') await registry(c.env).audit(c.var.now.getTime(), c.var.staff.id, 'job_offers.close', id, null);
    return c.body(null, 204);
  })
  .openapi(r.search, async (c) => {
    requireJobOfferService(c);
    return c.json(await searchOffers(c.env, c.req.valid('query'), c.var.now), 200);
  })
  .openapi(r.status, async (c) => {
    requireJobOfferService(c);
    return c.json({ items: await offerStatuses(c.env, c.req.valid('query').number, c.var.now) }, 200);
  })
  .openapi(r.open, async (c) => {
    requireJobOfferService(c);
    return c.json(await openOffer(c.env, c.req.valid('param').id, c.var.now), 200);
  })
  .openapi(r.quote, async (c) => {
    requireJobOfferService(c);
    return c.json(await makeQuote(c.env, c.var.agency.id, c.req.valid('param').id, c.req.valid('json'), c.var.now), 201);
  })
  .openapi(r.quotes, async (c) => {
    requireJobOfferService(c);
    return c.json(await listQuotes(c.env, c.var.agency.id, c.var.now), 200);
  })
  .openapi(r.addition, async (c) => {
    requireJobOfferService(c);
    return c.json(await addAddition(c.env, c.var.agency.id, c.req.valid('param').id, c.req.valid('json'), c.var.now), 201);
  })
  .openapi(r.changeReport, async (c) => {
    requireJobOfferService(c);
    return c.json(await reportChange(c.env, c.var.agency.id, c.req.valid('param').id, c.req.valid('json'), c.var.now), 201);
  })
  .openapi(r.changeReports, async (c) => {
    requireJobOfferService(c);
    return c.json({ items: await jobDesk(c.env, c.var.agency.id).changeReports() }, 200);
  })
  .openapi(r.order, async (c) => {
    requireJobOfferService(c);
    return c.json(await acceptOrder(c.env, c.var.agency, c.req.valid('json'), c.var.now), 201);
  })
  .openapi(r.orders, async (c) => {
    requireJobOfferService(c);
    return c.json({ items: await jobDesk(c.env, c.var.agency.id).orders() }, 200);
  })
  .openapi(r.statement, async (c) => {
    requireJobOfferService(c);
    const order = await jobDesk(c.env, c.var.agency.id).orderById(c.req.valid('param').id);
    if (!order)
      throw new ApiError('order_not_found', 'この受理記録はありません。', {}, { status: 404, title: '求人の受理記録が見つかりません' });
    return c.json(order.statement, 200);
  })
  .openapi(r.hire, async (c) => {
    requireJobOfferService(c);
    return c.json(await recordHire(c.env, c.var.agency, c.req.valid('param').id, c.req.valid('json'), c.var.now), 201);
  })
  .openapi(r.usage, async (c) => {
    requireJobOfferService(c);
    return c.json(await jobDesk(c.env, c.var.agency.id).tally(c.req.valid('param').fiscalYear), 200);
  });
