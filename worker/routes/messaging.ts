import { currentTermsConfirmed } from '../middleware/terms';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  BlockListSchema, BlockSchema, ConversationIdSchema, ConversationPageSchema, ConversationThreadSchema, DailyQuotaSchema, DeletionRequestCreateSchema,
  DeletionRequestListSchema, DeletionRequestSchema, FirstContactRequestSchema, IdSchema, InboxQuerySchema, ReplyRequestSchema,
  SeekerConversationPageSchema, SeekerMessageRequestSchema, SeekerSendResultSchema, SendResultSchema, type SendResult,
} from '../../shared/schemas';
import type { AppEnv } from '../lib/context';
import { ProblemBody, authedErrors, bearer, group, json } from '../lib/context';
import { decodeCursor, encodeCursor, profileShards, shardOf } from '../lib/feed';
import { ApiError, type Refusal } from '../lib/problem';
import { requireRole } from '../middleware/auth';
import type { SendRequest } from '../objects/agency';
import { requireJobseekerService } from './agency';

const agencyOnly = [requireRole('agency')];
/** Routes that work with jobseekers' data: the terms in force must be confirmed first (R-TOS-1). */
const workingAgency = [requireRole('agency'), currentTermsConfirmed];
const seekerOnly = [requireRole('seeker')];

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ProblemBody } } });
/** The refusals a send may get besides the common ones (R-MSG-2, R-MSG-4, R-BLOCK-1, R-CAP-1, R-DEL-1). */
const sendErrors = {
  ...authedErrors,
  409: problem('最初のメッセージ送信済み（first_message_already_sent）・会話あり・同じキーを処理中'),
  410: problem('情報が削除された・会話が終了した'),
  422: problem('連絡先を含む（contact_details_not_allowed）・冪等キーの再利用'),
  429: problem('本日の送信上限（cap_reached: used, limit, resetsAt）またはアクセス過多。Retry-After'),
} as const;
const readErrors = { ...authedErrors, 410: problem('情報が削除された') } as const;

/** Whether a Durable Object's answer is a refusal (RPC results defeat plain `ok` narrowing). */
function refused<T extends { ok: boolean }>(r: T): r is Extract<T, { ok: false }> {
  return !r.ok;
}

/** A Durable Object's refusal as the problem it answers; Retry-After where it says when to retry. */
function fail(r: Refusal): never {
  const headers: Record<string, string> = {};
  if (typeof r.extras?.retryAfter === 'number') headers['Retry-After'] = String(r.extras.retryAfter);
  throw new ApiError(r.status, r.code, r.title, r.detail, r.extras ?? {}, headers);
}

function agencyById(c: Context<AppEnv>, agencyId: string) {
  return c.env.AGENCY.get(c.env.AGENCY.idFromName(agencyId));
}

function seekerById(c: Context<AppEnv>, profileId: string) {
  return c.env.SEEKER.get(c.env.SEEKER.idFromName(profileId));
}

const toCursor = (p: { at: number; id: string } | null) => (p ? encodeCursor({ updatedAt: p.at, id: p.id }) : null);
const fromCursor = (cursor: string | undefined) => {
  if (!cursor) return null;
  const p = decodeCursor(cursor);
  return { at: p.updatedAt, id: p.id };
};

/**
 * One send of the signed-in agency (R-CAP-1, R-CAP-2, R-BLOCK-1): count it at the agency (or get
 * the stored result of a retried key), deliver it at the jobseeker's object — the only one that
 * decides — and confirm, or un-count it when the jobseeker's object refused.
 */
async function send(c: Context<AppEnv>, req: SendRequest): Promise<SendResult> {
  const now = c.var.now.getTime();
  const agency = agencyById(c, c.var.agency.id);
  const r = await agency.reserveSend(req, now);
  if (refused(r)) fail(r);
  if (r.state === 'replay') return { conversationId: r.conversationId, message: r.message, quota: r.quota, warnings: r.warnings, replayed: true };
  const delivered = await seekerById(c, r.profileId).deliver({
    kind: req.kind, profileId: r.profileId, agencyId: r.agencyId, agencyName: r.agencyName, key: req.key, body: req.body,
    ...(r.conversationId ? { conversationId: r.conversationId } : {}),
    ...(r.mandatoryInformation ? { mandatoryInformation: r.mandatoryInformation } : {}),
  }, now);
  if (refused(delivered)) {
    await agency.releaseSend(req.key);
    fail(delivered);
  }
  if (delivered.replayed) {
    // The jobseeker's object already holds this key's message (the agency had forgotten the key):
    // nothing new went out, so it is not counted again (R-CAP-2).
    await agency.releaseSend(req.key);
    return { conversationId: delivered.conversationId, message: delivered.message, quota: await agency.quota(now), warnings: r.warnings, replayed: true };
  }
  const done = await agency.completeSend(req.key, { conversationId: delivered.conversationId, profileId: r.profileId, message: delivered.message }, now, c.var.seat.id);
  return { conversationId: delivered.conversationId, message: delivered.message, quota: done.quota, warnings: r.warnings, replayed: delivered.replayed };
}

// ---- agency ------------------------------------------------------------------------------

const quota = createRoute({
  method: 'get', path: '/v1/agency/quota', tags: ['messaging'], summary: '本日の送信数・上限（1日1,000通）・リセット時刻（日本時間0時）',
  security: bearer, middleware: agencyOnly, responses: { 200: json(DailyQuotaSchema), ...authedErrors },
});

const firstContact = createRoute({
  method: 'post', path: '/v1/agency/conversations', tags: ['messaging'],
  summary: '求職者への最初のメッセージ。必須情報はシステムが添付（編集不可）。冪等キーで再送しても1通・1カウント',
  security: bearer, middleware: workingAgency,
  request: { body: { content: { 'application/json': { schema: FirstContactRequestSchema } }, required: true } },
  responses: { 201: json(SendResultSchema, '送信した（replayed: 同じキーの再送）'), ...sendErrors },
});

const agencyInbox = createRoute({
  method: 'get', path: '/v1/agency/conversations', tags: ['messaging'], summary: '受信箱（新しい順、未読数つき）',
  security: bearer, middleware: agencyOnly, request: { query: InboxQuerySchema }, responses: { 200: json(ConversationPageSchema), ...authedErrors },
});

const agencyThread = createRoute({
  method: 'get', path: '/v1/agency/conversations/{id}', tags: ['messaging'], summary: '会話を1件開く（既読にする）',
  security: bearer, middleware: agencyOnly, request: { params: z.object({ id: ConversationIdSchema }) },
  responses: { 200: json(ConversationThreadSchema), ...readErrors },
});

const agencyReply = createRoute({
  method: 'post', path: '/v1/agency/conversations/{id}/messages', tags: ['messaging'], summary: '求職者への返信（求職者が書いた後のみ）。冪等キーつき',
  security: bearer, middleware: workingAgency,
  request: { params: z.object({ id: ConversationIdSchema }), body: { content: { 'application/json': { schema: ReplyRequestSchema } }, required: true } },
  responses: { 201: json(SendResultSchema, '送信した（replayed: 同じキーの再送）'), ...sendErrors },
});

// ---- jobseeker ---------------------------------------------------------------------------

const seekerInbox = createRoute({
  method: 'get', path: '/v1/seeker/conversations', tags: ['messaging'], summary: '受信箱（新しい順、未読数と各事業者の必須情報つき）',
  security: bearer, middleware: seekerOnly, request: { query: InboxQuerySchema }, responses: { 200: json(SeekerConversationPageSchema), ...authedErrors },
});

const seekerThread = createRoute({
  method: 'get', path: '/v1/seeker/conversations/{id}', tags: ['messaging'], summary: '会話を1件開く（既読にし、確認した必須情報の版を記録する）',
  security: bearer, middleware: seekerOnly, request: { params: z.object({ id: ConversationIdSchema }) },
  responses: { 200: json(ConversationThreadSchema), ...authedErrors },
});

const seekerPost = createRoute({
  method: 'post', path: '/v1/seeker/conversations/{id}/messages', tags: ['messaging'], summary: '質問・返信を送る（連絡先などを含むと送れない）',
  security: bearer, middleware: seekerOnly,
  request: { params: z.object({ id: ConversationIdSchema }), body: { content: { 'application/json': { schema: SeekerMessageRequestSchema } }, required: true } },
  responses: { 201: json(SeekerSendResultSchema, '送信した'), ...sendErrors },
});

const AgencyParam = z.object({ agencyId: IdSchema });

const listBlocks = createRoute({
  method: 'get', path: '/v1/seeker/blocks', tags: ['messaging'], summary: 'ブロックしている事業者',
  security: bearer, middleware: seekerOnly, responses: { 200: json(BlockListSchema), ...authedErrors },
});

const putBlock = createRoute({
  method: 'put', path: '/v1/seeker/blocks/{agencyId}', tags: ['messaging'],
  summary: '事業者をブロックする（以後メッセージは届かず、検索にも表示されない。事業者には情報の削除を求める）',
  security: bearer, middleware: seekerOnly, request: { params: AgencyParam }, responses: { 200: json(BlockSchema, 'ブロックした'), ...authedErrors },
});

const deleteBlock = createRoute({
  method: 'delete', path: '/v1/seeker/blocks/{agencyId}', tags: ['messaging'], summary: 'ブロックを解除する（事業者は以前の情報を取り戻さない）',
  security: bearer, middleware: seekerOnly, request: { params: AgencyParam }, responses: { 204: { description: '解除した' }, ...authedErrors },
});

const requestDeletion = createRoute({
  method: 'post', path: '/v1/seeker/deletion-requests', tags: ['messaging'],
  summary: '事業者に情報の削除を依頼する（サーバー上の閲覧権限は即時に削除、拡張機能の写しの削除が確認されるとお知らせ）',
  security: bearer, middleware: seekerOnly,
  request: { body: { content: { 'application/json': { schema: DeletionRequestCreateSchema } }, required: true } },
  responses: { 201: json(DeletionRequestSchema, '依頼した'), 200: json(DeletionRequestSchema, '依頼済み（同じ依頼）'), ...authedErrors },
});

const listDeletionRequests = createRoute({
  method: 'get', path: '/v1/seeker/deletion-requests', tags: ['messaging'], summary: '削除依頼と、何がいつ削除されたか',
  security: bearer, middleware: seekerOnly, responses: { 200: json(DeletionRequestListSchema), ...authedErrors },
});

async function agencyNamed(c: Context<AppEnv>, agencyId: string): Promise<string> {
  const record = await agencyById(c, agencyId).get();
  if (!record) throw new ApiError(404, 'agency_not_found', '事業者が見つかりません', `事業者（${agencyId}）は登録されていません。`);
  return record.name;
}

/** Messaging between agencies and jobseekers (R-MSG-*, R-CAP-*, R-BLOCK-*, R-DEL-*). */
export const messagingRoutes = group()
  .openapi(quota, async (c) => c.json(await agencyById(c, c.var.agency.id).quota(c.var.now.getTime()), 200))
  .openapi(firstContact, async (c) => {
    requireJobseekerService(c);
    const { profileId, body, idempotencyKey } = c.req.valid('json');
    const found = await shardOf(c.env, profileId.slice(0, 2)).profileFor(profileId, c.var.agency.id);
    if (!found.ok && found.reason === 'excluded') {
      throw new ApiError(403, 'blocked_by_recipient', 'この求職者には送信できません', '求職者がこの事業者からのメッセージの受け取りを停止（ブロック）しているため、送信できません。');
    }
    if (!found.ok) throw new ApiError(404, 'profile_not_found', '求職者情報が見つかりません', 'この求職者情報は掲載されていないか、取り下げられました。');
    return c.json(await send(c, { key: idempotencyKey, kind: 'first_contact', profileId, body }), 201);
  })
  .openapi(agencyInbox, async (c) => {
    requireJobseekerService(c);
    const { cursor, limit } = c.req.valid('query');
    const page = await agencyById(c, c.var.agency.id).inbox(fromCursor(cursor), limit, c.var.now.getTime());
    return c.json({ items: page.items, nextCursor: toCursor(page.next) }, 200);
  })
  .openapi(agencyThread, async (c) => {
    requireJobseekerService(c);
    const { id } = c.req.valid('param');
    const now = c.var.now.getTime();
    const opened = await agencyById(c, c.var.agency.id).openConversation(id, now);
    if (refused(opened)) fail(opened);
    const thread = await seekerById(c, opened.profileId).thread(id, { role: 'agency', agencyId: c.var.agency.id }, now);
    if (refused(thread)) fail(thread);
    const { mandatoryInformation, ...conversation } = thread.conversation;
    return c.json({ conversation, messages: thread.messages, mandatoryInformation }, 200);
  })
  .openapi(agencyReply, async (c) => {
    requireJobseekerService(c);
    const { id } = c.req.valid('param');
    const { body, idempotencyKey } = c.req.valid('json');
    return c.json(await send(c, { key: idempotencyKey, kind: 'reply', conversationId: id, body }), 201);
  })
  .openapi(seekerInbox, async (c) => {
    const { cursor, limit } = c.req.valid('query');
    const page = await seekerById(c, c.var.seeker.profileId).inbox(fromCursor(cursor), limit);
    return c.json({ items: page.items, nextCursor: toCursor(page.next) }, 200);
  })
  .openapi(seekerThread, async (c) => {
    const { id } = c.req.valid('param');
    const thread = await seekerById(c, c.var.seeker.profileId).thread(id, { role: 'seeker' }, c.var.now.getTime());
    if (refused(thread)) fail(thread);
    if (thread.seenChanged && thread.seenVersion !== null) await agencyById(c, thread.agencyId).noteSeen(id, thread.seenVersion);
    const { mandatoryInformation, ...conversation } = thread.conversation;
    return c.json({ conversation, messages: thread.messages, mandatoryInformation }, 200);
  })
  .openapi(seekerPost, async (c) => {
    const { id } = c.req.valid('param');
    const { body } = c.req.valid('json');
    const now = c.var.now.getTime();
    const profileId = c.var.seeker.profileId;
    const r = await seekerById(c, profileId).post(id, body, now);
    if (refused(r)) fail(r);
    await agencyById(c, r.agencyId).noteSeekerMessage(id, profileId, now);
    return c.json({ conversationId: r.conversationId, message: r.message }, 201);
  })
  .openapi(listBlocks, async (c) => c.json({ items: await seekerById(c, c.var.seeker.profileId).blocks() }, 200))
  .openapi(putBlock, async (c) => {
    const { agencyId } = c.req.valid('param');
    const now = c.var.now.getTime();
    const profileId = c.var.seeker.profileId;
    const name = await agencyNamed(c, agencyId);
    // The jobseeker's object first: from here on nothing from the agency is delivered (R-BLOCK-1).
    const b = await seekerById(c, profileId).block(agencyId, name, now);
    await agencyById(c, agencyId).blocked(profileId, b.conversationIds, Date.parse(b.block.blockedAt), now);
    for (const shard of await profileShards(c.env, profileId)) await shard.setExclusion(profileId, agencyId, 'block');
    return c.json(b.block, 200);
  })
  .openapi(deleteBlock, async (c) => {
    const { agencyId } = c.req.valid('param');
    const now = c.var.now.getTime();
    const profileId = c.var.seeker.profileId;
    await seekerById(c, profileId).unblock(agencyId, now);
    await agencyById(c, agencyId).unblocked(profileId, now);
    for (const shard of await profileShards(c.env, profileId)) await shard.setExclusion(profileId, agencyId, null);
    return c.body(null, 204);
  })
  .openapi(requestDeletion, async (c) => {
    const { agencyId } = c.req.valid('json');
    const now = c.var.now.getTime();
    const profileId = c.var.seeker.profileId;
    const name = await agencyNamed(c, agencyId);
    const seeker = seekerById(c, profileId);
    const r = await seeker.requestDeletion(agencyId, name, now);
    const d = await agencyById(c, agencyId).deletionRequested(profileId, r.request.id, r.conversationIds, Date.parse(r.request.requestedAt), now);
    const recorded = await seeker.deletionRecorded(r.request.id, d.held, d.serverDeletedAt, now);
    const request = recorded.request ?? r.request;
    return r.created ? c.json(request, 201) : c.json(request, 200);
  })
  .openapi(listDeletionRequests, async (c) => c.json({ items: await seekerById(c, c.var.seeker.profileId).deletionRequests() }, 200));
