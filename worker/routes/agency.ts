import { currentTermsConfirmed } from '../middleware/terms';
import { requireJobseekerService } from '../middleware/service-gates';
import { createRoute, z } from '@hono/zod-openapi';
import { meterFeedRead, meteredFeedRead } from '../flows/feed-bounds';
import type { Context, MiddlewareHandler } from 'hono';
import { AGE_FILTER_REASON, ageFilterIn, jstDate } from '../../shared/rules';
import {
  AcceptanceRefusalRequestSchema,
  AcceptanceRefusalSchema,
  AcceptanceRequestSchema,
  AcceptanceResultSchema,
  AcquisitionListSchema,
  AgencyAccountSchema,
  OpenedProfileSchema,
  AgencyEventPageSchema,
  AgencyEventsQuerySchema,
  EventAckResultSchema,
  EventAckSchema,
  FeedPageSchema,
  FeedQuerySchema,
  ProfileIdSchema,
  type AgencyEvent,
  type Profile,
} from '../../shared/schemas';
import type { AppEnv } from '../lib/context';
import { authedErrors, bearer, group, json } from '../lib/context';
import { searchFeed } from '../flows/feed-search';
import { shardOf } from '../lib/feed';
import { ApiError, unwrap } from '../lib/problem';
import { requireRole } from '../middleware/auth';
import type { AgencyEventRow } from '../objects/agency';
import { agencyStub as agencyById } from '../lib/stubs';

const agencyOnly = [requireRole('agency')];
/** Routes that work with jobseekers' data: the terms in force must be confirmed first (R-TOS-1). */
const workingAgency = [requireRole('agency'), currentTermsConfirmed];

function agencyStub(c: Context<AppEnv>) {
  return agencyById(c.env, c.var.agency.id);
}

/**
 * A profile no longer in the feed (withdrawn, left, lapsed per R-FEED-6): an agency whose copy was
 * deleted is told so (410, with why, expiring it on this read as R-RET-1/2 ask); others get 404.
 */
export async function profileNotFound(c: Context<AppEnv>, profileId: string): Promise<never> {
  const stub = agencyStub(c);
  if (await stub.acquisitionOf(profileId)) unwrap(await stub.acquire(profileId, c.var.now.getTime()));
  throw new ApiError(
    'profile_not_found',
    'この求職者情報は掲載されていないか、取り下げられました。',
    {},
    { status: 404, title: '求職者情報が見つかりません' },
  );
}

const me = createRoute({
  method: 'get',
  path: '/v1/agency/me',
  tags: ['agency'],
  summary: '自社の状態（利用中・停止中・利用解除・退会）、サービス、必須情報とその版',
  security: bearer,
  middleware: agencyOnly,
  responses: { 200: json(AgencyAccountSchema), ...authedErrors },
});

/**
 * R-FEED-3: an age filter or sort is refused with its reason (労働施策総合推進法第9条) before the
 * query is validated, so the agency is told why rather than "unknown parameter".
 */
const refuseAgeFilter: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = ageFilterIn(new URL(c.req.url).searchParams.entries());
  if (key)
    throw new ApiError(
      'age_filter_not_allowed',
      AGE_FILTER_REASON,
      { parameter: key.slice(0, 40) },
      { status: 400, title: '年齢では絞り込めません' },
    );
  await next();
};

const FeedQueryDoc = FeedQuerySchema;
const feed = createRoute({
  method: 'get',
  path: '/v1/agency/feed',
  tags: ['agency'],
  summary:
    '求職者情報の検索（職業・産業・就業地・雇用形態・賃金・時間・資格・経験・学歴・キーワード）。カーソルで次のページ。該当件数 total（1,000件まで正確、超えると totalExact: false）。年齢では絞り込めない（労働施策総合推進法第9条）',
  security: bearer,
  middleware: [...workingAgency, refuseAgeFilter] as const,
  request: { query: FeedQueryDoc },
  responses: { 200: json(FeedPageSchema), ...authedErrors },
});

const openProfile = createRoute({
  method: 'get',
  path: '/v1/agency/feed/{profileId}',
  tags: ['agency'],
  summary: '求職者情報を1件開く（取得として記録し、保存期限を返す）',
  security: bearer,
  middleware: workingAgency,
  request: { params: z.object({ profileId: ProfileIdSchema }) },
  responses: { 200: json(OpenedProfileSchema), ...authedErrors, 410: authedErrors[404] },
});

const acceptance = createRoute({
  method: 'post',
  path: '/v1/agency/acceptances',
  tags: ['agency'],
  summary:
    '求職受理を記録する（保存期限が翌年度末まで延びる）。受理前に手数料を説明したこと、または手数料を徴収しないことも記録する（有料職業紹介事業者は必須）',
  security: bearer,
  middleware: agencyOnly,
  request: { body: { content: { 'application/json': { schema: AcceptanceRequestSchema } }, required: true } },
  responses: { 200: json(AcceptanceResultSchema), ...authedErrors, 410: authedErrors[404], 422: authedErrors[400] },
});

const acceptanceRefusal = createRoute({
  method: 'post',
  path: '/v1/agency/acceptance-refusals',
  tags: ['agency'],
  summary: '求職申込みを受理しなかったことを理由とともに記録する（申込みはすべて受理が原則。労働局が確認する）',
  security: bearer,
  middleware: agencyOnly,
  request: { body: { content: { 'application/json': { schema: AcceptanceRefusalRequestSchema } }, required: true } },
  responses: {
    201: json(AcceptanceRefusalSchema),
    ...authedErrors,
    409: authedErrors[400],
    410: authedErrors[404],
    422: authedErrors[400],
  },
});

const acquisitions = createRoute({
  method: 'get',
  path: '/v1/agency/acquisitions',
  tags: ['agency'],
  summary: '取得した求職者情報と保存期限の一覧',
  security: bearer,
  middleware: agencyOnly,
  responses: { 200: json(AcquisitionListSchema), ...authedErrors },
});

const events = createRoute({
  method: 'get',
  path: '/v1/agency/events',
  tags: ['agency'],
  summary: '拡張機能が対応すべきお知らせ（ブロック、削除依頼、保存期限切れ、状態変更、リマインダー）',
  security: bearer,
  middleware: agencyOnly,
  request: { query: AgencyEventsQuerySchema },
  responses: { 200: json(AgencyEventPageSchema), ...authedErrors },
});

const ack = createRoute({
  method: 'post',
  path: '/v1/agency/events/{id}/ack',
  tags: ['agency'],
  summary: '拡張機能が手元の写しを削除したことを確認する（冪等）',
  security: bearer,
  middleware: agencyOnly,
  request: {
    params: z.object({ id: z.string().min(1).max(64) }),
    body: { content: { 'application/json': { schema: EventAckSchema } }, required: true },
  },
  responses: { 200: json(EventAckResultSchema), ...authedErrors },
});

/** The agency's own routes (R-FEED-3, R-FEED-4, R-RET-1, R-RET-2). */
export const agencyRoutes = group()
  .openapi(me, async (c) => {
    const a = c.var.agency;
    return c.json(
      {
        id: a.id,
        name: a.name,
        email: a.email,
        prefecture: a.prefecture,
        status: a.status,
        suspension: a.suspension,
        revokedOn: a.revokedOn,
        withdrawnOn: a.withdrawnOn,
        licence: a.licence,
        services: a.services,
        term: a.term ?? null,
        contactMethods: a.contactMethods,
        mandatoryInformation: a.mandatoryInformation,
      },
      200,
    );
  })
  .openapi(feed, async (c) => {
    requireJobseekerService(c);
    const page = await meteredFeedRead(c, 'search', () => searchFeed(c.env, c.var.agency.id, c.req.valid('query'), jstDate(c.var.now)));
    return c.json(page, 200);
  })
  .openapi(openProfile, async (c) => {
    requireJobseekerService(c);
    await meterFeedRead(c, 'opening'); // R-SEC-9
    const { profileId } = c.req.valid('param');
    const stub = agencyStub(c);
    const found = await shardOf(c.env, profileId.slice(0, 2)).profileFor(profileId, c.var.agency.id, jstDate(c.var.now));
    if (!found.ok) return profileNotFound(c, profileId);
    // `acquire` refuses with 410 when this agency's copy was deleted, so the profile is never served then.
    const { acquisition } = unwrap(await stub.acquire(profileId, c.var.now.getTime(), c.var.seat.id));
    return c.json({ profile: JSON.parse(found.doc) as Profile, acquisition }, 200);
  })
  .openapi(acceptance, async (c) => {
    const { profileId, acceptedOn, fees } = c.req.valid('json');
    const r = unwrap(await agencyStub(c).accept(profileId, acceptedOn, fees, c.var.now.getTime(), c.var.seat.id));
    return c.json({ acquisition: r.acquisition, extended: r.extended, fees: r.fees }, 200);
  })
  .openapi(acceptanceRefusal, async (c) => {
    const { profileId, refusedOn, reason } = c.req.valid('json');
    const r = unwrap(await agencyStub(c).refuseApplication(profileId, refusedOn, reason, c.var.now.getTime(), c.var.seat.id));
    return c.json(r.refusal, 201);
  })
  .openapi(acquisitions, async (c) => c.json({ items: await agencyStub(c).acquisitions() }, 200))
  .openapi(events, async (c) => {
    const q = c.req.valid('query');
    const page = (await agencyStub(c).events(q.after, q.limit)) as { items: AgencyEventRow[]; nextCursor: number };
    const items = page.items.map(({ conversationId, profileId, ...e }) => ({
      ...e,
      ...(profileId ? { profileId } : {}),
      ...(conversationId ? { conversationId } : {}),
    })) as AgencyEvent[];
    return c.json({ items, lastSeq: page.nextCursor }, 200);
  })
  .openapi(ack, async (c) => {
    const { id } = c.req.valid('param');
    const r = unwrap(await agencyStub(c).ack(id, c.var.now.getTime(), c.var.seat.id));
    return c.json({ id, ackedAt: r.ackedAt }, 200);
  });
