import { currentTermsConfirmed } from '../middleware/terms';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  ConversationIdSchema,
  ConversationPageSchema,
  ConversationThreadSchema,
  DailyQuotaSchema,
  FirstContactRequestSchema,
  InboxQuerySchema,
  ReplyRequestSchema,
  PaidServiceConsentSchema,
  SeekerConversationPageSchema,
  SeekerMessageRequestSchema,
  SeekerSendResultSchema,
  SendResultSchema,
  type Profile,
  type SendResult,
} from '../../shared/schemas';
import { jstDate } from '../../shared/rules';
import type { AppEnv } from '../lib/context';
import { ProblemBody, authedErrors, bearer, group, json } from '../lib/context';
import { decodeCursor, encodeCursor, profileShards, shardOf } from '../lib/feed';
import { ApiError, refusalError, type Refusal } from '../lib/problem';
import { requireRole } from '../middleware/auth';
import type { SendRequest } from '../objects/agency';
import { sendMessage } from '../flows/send';
import { requireJobseekerService } from '../middleware/service-gates';
import { profileNotFound } from './agency';
import { agencyStub, seekerStub } from '../lib/stubs';

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
  422: problem(
    '連絡先を含む（contact_details_not_allowed）・新卒者への有料サービスの案内に届出と同意がない（paid_service_not_allowed）・冪等キーの再利用',
  ),
  429: problem('本日の送信上限（cap_reached: used, limit, resetsAt）またはアクセス過多。Retry-After'),
} as const;
const readErrors = { ...authedErrors, 410: problem('情報が削除された') } as const;

/** Whether a Durable Object's answer is a refusal (RPC results defeat plain `ok` narrowing). */
function refused<T extends { ok: boolean }>(r: T): r is Extract<T, { ok: false }> {
  return !r.ok;
}

/** A Durable Object's refusal as the problem it answers; Retry-After where it says when to retry. */
function fail(r: Refusal): never {
  throw refusalError(r);
}

function agencyById(c: Context<AppEnv>, agencyId: string) {
  return agencyStub(c.env, agencyId);
}

function seekerById(c: Context<AppEnv>, profileId: string) {
  return seekerStub(c.env, profileId);
}

const toCursor = (p: { at: number; id: string } | null) => (p ? encodeCursor({ updatedAt: p.at, id: p.id }) : null);
const fromCursor = (cursor: string | undefined) => {
  if (!cursor) return null;
  const p = decodeCursor(cursor);
  return { at: p.updatedAt, id: p.id };
};

/** One send of the signed-in agency (the send flow), or its refusal as a problem. */
async function send(c: Context<AppEnv>, req: SendRequest, recipient: { newGraduate?: boolean } = {}): Promise<SendResult> {
  const r = await sendMessage(c.env, c.var.agency.id, req, c.var.now.getTime(), recipient, c.var.seat.id);
  if (refused(r)) fail(r);
  // R-ORG-2: the sender sees their own seat on what they sent (a replay shows what was stored; the thread names its sender).
  return r.sent.replayed ? r.sent : { ...r.sent, message: { ...r.sent.message, sentBy: { id: c.var.seat.id, name: c.var.seat.name } } };
}

// ---- agency ------------------------------------------------------------------------------

const quota = createRoute({
  method: 'get',
  path: '/v1/agency/quota',
  tags: ['messaging'],
  summary: '本日の送信数・上限（1日1,000通）・リセット時刻（日本時間0時）',
  security: bearer,
  middleware: agencyOnly,
  responses: { 200: json(DailyQuotaSchema), ...authedErrors },
});

const firstContact = createRoute({
  method: 'post',
  path: '/v1/agency/conversations',
  tags: ['messaging'],
  summary: '求職者への最初のメッセージ。必須情報はシステムが添付（編集不可）。冪等キーで再送しても1通・1カウント',
  security: bearer,
  middleware: workingAgency,
  request: { body: { content: { 'application/json': { schema: FirstContactRequestSchema } }, required: true } },
  responses: { 201: json(SendResultSchema, '送信した（replayed: 同じキーの再送）'), ...sendErrors },
});

const agencyInbox = createRoute({
  method: 'get',
  path: '/v1/agency/conversations',
  tags: ['messaging'],
  summary: '受信箱（新しい順、未読数つき）',
  security: bearer,
  middleware: agencyOnly,
  request: { query: InboxQuerySchema },
  responses: { 200: json(ConversationPageSchema), ...authedErrors },
});

const agencyThread = createRoute({
  method: 'get',
  path: '/v1/agency/conversations/{id}',
  tags: ['messaging'],
  summary: '会話を1件開く（既読にする）',
  security: bearer,
  middleware: agencyOnly,
  request: { params: z.object({ id: ConversationIdSchema }) },
  responses: { 200: json(ConversationThreadSchema), ...readErrors },
});

const agencyReply = createRoute({
  method: 'post',
  path: '/v1/agency/conversations/{id}/messages',
  tags: ['messaging'],
  summary: '求職者への返信（求職者が書いた後のみ）。冪等キーつき',
  security: bearer,
  middleware: workingAgency,
  request: {
    params: z.object({ id: ConversationIdSchema }),
    body: { content: { 'application/json': { schema: ReplyRequestSchema } }, required: true },
  },
  responses: { 201: json(SendResultSchema, '送信した（replayed: 同じキーの再送）'), ...sendErrors },
});

// ---- jobseeker ---------------------------------------------------------------------------

const seekerInbox = createRoute({
  method: 'get',
  path: '/v1/seeker/conversations',
  tags: ['messaging'],
  summary: '受信箱（新しい順、未読数と各事業者の必須情報つき）',
  security: bearer,
  middleware: seekerOnly,
  request: { query: InboxQuerySchema },
  responses: { 200: json(SeekerConversationPageSchema), ...authedErrors },
});

const seekerThread = createRoute({
  method: 'get',
  path: '/v1/seeker/conversations/{id}',
  tags: ['messaging'],
  summary: '会話を1件開く（既読にし、確認した必須情報の版を記録する）',
  security: bearer,
  middleware: seekerOnly,
  request: { params: z.object({ id: ConversationIdSchema }) },
  responses: { 200: json(ConversationThreadSchema), ...authedErrors },
});

const seekerPost = createRoute({
  method: 'post',
  path: '/v1/seeker/conversations/{id}/messages',
  tags: ['messaging'],
  summary: '質問・返信を送る（連絡先などを含むと送れない）',
  security: bearer,
  middleware: seekerOnly,
  request: {
    params: z.object({ id: ConversationIdSchema }),
    body: { content: { 'application/json': { schema: SeekerMessageRequestSchema } }, required: true },
  },
  responses: { 201: json(SeekerSendResultSchema, '送信した'), ...sendErrors },
});

const paidServiceConsent = createRoute({
  method: 'put',
  path: '/v1/seeker/conversations/{id}/paid-service-consent',
  tags: ['messaging'],
  summary: 'この会話の事業者から、職業紹介以外の有料サービスの案内を受けることに同意する（新卒者向け、利用規約第7条第2項①ケ）',
  security: bearer,
  middleware: seekerOnly,
  request: { params: z.object({ id: ConversationIdSchema }) },
  responses: { 200: json(PaidServiceConsentSchema), ...readErrors },
});

const withdrawPaidServiceConsent = createRoute({
  method: 'delete',
  path: '/v1/seeker/conversations/{id}/paid-service-consent',
  tags: ['messaging'],
  summary: '有料サービスの案内への同意を取り消す',
  security: bearer,
  middleware: seekerOnly,
  request: { params: z.object({ id: ConversationIdSchema }) },
  responses: { 204: { description: '取り消した（同意がなくても同じ）' }, ...authedErrors },
});

/** Messaging between agencies and jobseekers (R-MSG-*, R-CAP-*); blocks and deletion requests are in access-ending.ts. */
export const messagingRoutes = group()
  .openapi(quota, async (c) => c.json(await agencyById(c, c.var.agency.id).quota(c.var.now.getTime()), 200))
  .openapi(firstContact, async (c) => {
    requireJobseekerService(c);
    const { profileId, body, idempotencyKey } = c.req.valid('json');
    const found = await shardOf(c.env, profileId.slice(0, 2)).profileFor(profileId, c.var.agency.id, jstDate(c.var.now));
    if (!found.ok && found.reason === 'excluded') {
      throw new ApiError(
        'blocked_by_recipient',
        '求職者がこの事業者からのメッセージの受け取りを停止（ブロック）しているため、送信できません。',
      );
    }
    if (!found.ok) return profileNotFound(c, profileId);
    const newGraduate = (JSON.parse(found.doc) as Profile).newGraduate === true;
    return c.json(await send(c, { key: idempotencyKey, kind: 'first_contact', profileId, body }, { newGraduate }), 201);
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
    // R-MSG-7: the agency sees whether the jobseeker consented to hear about paid services.
    const paidServiceConsentAt = await seekerById(c, opened.profileId).paidServiceConsent(id);
    // R-ORG-2: the organisation sees which of its staff sent each of its messages.
    const senders = await agencyById(c, c.var.agency.id).sendersOf(thread.messages.filter((m) => m.from === 'agency').map((m) => m.id));
    const messages = thread.messages.map((m) => (senders[m.id] ? { ...m, sentBy: senders[m.id] } : m));
    return c.json({ conversation, messages, mandatoryInformation, paidServiceConsentAt }, 200);
  })
  .openapi(paidServiceConsent, async (c) => {
    const r = await seekerById(c, c.var.seeker.profileId).consentToPaidServices(c.req.valid('param').id, c.var.now.getTime());
    if (refused(r)) fail(r);
    return c.json({ conversationId: r.conversationId, consentedAt: r.consentedAt }, 200);
  })
  .openapi(withdrawPaidServiceConsent, async (c) => {
    await seekerById(c, c.var.seeker.profileId).withdrawPaidServiceConsent(c.req.valid('param').id);
    return c.body(null, 204);
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
    const paidServiceConsentAt = await seekerById(c, c.var.seeker.profileId).paidServiceConsent(id);
    return c.json({ conversation, messages: thread.messages, mandatoryInformation, paidServiceConsentAt }, 200);
  })
  .openapi(seekerPost, async (c) => {
    const { id } = c.req.valid('param');
    const { body, idempotencyKey } = c.req.valid('json');
    const now = c.var.now.getTime();
    const profileId = c.var.seeker.profileId;
    const r = await seekerById(c, profileId).post(id, body, now, idempotencyKey);
    if (refused(r)) fail(r);
    if (!r.replayed) await agencyById(c, r.agencyId).noteSeekerMessage(id, profileId, now);
    return c.json({ conversationId: r.conversationId, message: r.message, replayed: r.replayed }, 201);
  });
