import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  BlockListSchema,
  BlockSchema,
  DeletionRequestCreateSchema,
  DeletionRequestListSchema,
  DeletionRequestSchema,
  IdSchema,
} from '../../shared/schemas';
import type { AppEnv } from '../lib/context';
import { authedErrors, bearer, group, json } from '../lib/context';
import { ApiError } from '../lib/problem';
import { registryStub, seekerStub } from '../lib/stubs';
import { requireRole } from '../middleware/auth';
import { blockAgency, unblockAgency } from '../flows/block';
import { requestDeletion as requestDeletionFlow } from '../flows/deletion-request';

const seekerOnly = [requireRole('seeker')];

const AgencyParam = z.object({ agencyId: IdSchema });

const listBlocks = createRoute({
  method: 'get',
  path: '/v1/seeker/blocks',
  tags: ['messaging'],
  summary: 'ブロックしている事業者',
  security: bearer,
  middleware: seekerOnly,
  responses: { 200: json(BlockListSchema), ...authedErrors },
});

const putBlock = createRoute({
  method: 'put',
  path: '/v1/seeker/blocks/{agencyId}',
  tags: ['messaging'],
  summary: '事業者をブロックする（以後メッセージは届かず、検索にも表示されない。事業者には情報の削除を求める）',
  security: bearer,
  middleware: seekerOnly,
  request: { params: AgencyParam },
  responses: { 200: json(BlockSchema, 'ブロックした'), ...authedErrors },
});

const deleteBlock = createRoute({
  method: 'delete',
  path: '/v1/seeker/blocks/{agencyId}',
  tags: ['messaging'],
  summary: 'ブロックを解除する（事業者は以前の情報を取り戻さない）',
  security: bearer,
  middleware: seekerOnly,
  request: { params: AgencyParam },
  responses: { 204: { description: '解除した' }, ...authedErrors },
});

const requestDeletion = createRoute({
  method: 'post',
  path: '/v1/seeker/deletion-requests',
  tags: ['messaging'],
  summary: '事業者に情報の削除を依頼する（サーバー上の閲覧権限は即時に削除、拡張機能の写しの削除が確認されるとお知らせ）',
  security: bearer,
  middleware: seekerOnly,
  request: { body: { content: { 'application/json': { schema: DeletionRequestCreateSchema } }, required: true } },
  responses: { 201: json(DeletionRequestSchema, '依頼した'), 200: json(DeletionRequestSchema, '依頼済み（同じ依頼）'), ...authedErrors },
});

const listDeletionRequests = createRoute({
  method: 'get',
  path: '/v1/seeker/deletion-requests',
  tags: ['messaging'],
  summary: '削除依頼と、何がいつ削除されたか',
  security: bearer,
  middleware: seekerOnly,
  responses: { 200: json(DeletionRequestListSchema), ...authedErrors },
});

/** The name of an admitted agency, from the registry: a made-up ID never reaches an AgencyObject (R-SEC-8). */
async function agencyNamed(c: Context<AppEnv>, agencyId: string): Promise<string> {
  const name = await registryStub(c.env).agencyName(agencyId);
  if (name === null) throw new ApiError('agency_not_found', `事業者（${agencyId}）は登録されていません。`);
  return name;
}

/**
 * How a jobseeker ends an agency's access (R-BLOCK-1..3, R-DEL-1, R-DEL-2): blocks, and requests to
 * delete their data. Each names the agency, which the registry must know first (R-SEC-8).
 */
export const accessEndingRoutes = group()
  .openapi(listBlocks, async (c) => c.json({ items: await seekerStub(c.env, c.var.seeker.profileId).blocks() }, 200))
  .openapi(putBlock, async (c) => {
    const { agencyId } = c.req.valid('param');
    const now = c.var.now.getTime();
    const profileId = c.var.seeker.profileId;
    const name = await agencyNamed(c, agencyId);
    return c.json(await blockAgency(c.env, profileId, agencyId, name, now), 200);
  })
  .openapi(deleteBlock, async (c) => {
    const { agencyId } = c.req.valid('param');
    const now = c.var.now.getTime();
    const profileId = c.var.seeker.profileId;
    await agencyNamed(c, agencyId); // R-SEC-8: 404 for an agency that does not exist, before any object is addressed
    await unblockAgency(c.env, profileId, agencyId, now);
    return c.body(null, 204);
  })
  .openapi(requestDeletion, async (c) => {
    const { agencyId } = c.req.valid('json');
    const now = c.var.now.getTime();
    const profileId = c.var.seeker.profileId;
    const name = await agencyNamed(c, agencyId);
    const { request, created } = await requestDeletionFlow(c.env, profileId, agencyId, name, now);
    return created ? c.json(request, 201) : c.json(request, 200);
  })
  .openapi(listDeletionRequests, async (c) => c.json({ items: await seekerStub(c.env, c.var.seeker.profileId).deletionRequests() }, 200));
