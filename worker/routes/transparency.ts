import { createRoute } from '@hono/zod-openapi';
import { DataHoldersSchema, DeletionComplianceQuerySchema, DeletionComplianceSchema } from '../../shared/schemas';
import type { PrefectureCode } from '../../shared/data/prefectures';
import { authedErrors, bearer, group, json } from '../lib/context';
import { ApiError } from '../lib/problem';
import { dataHolders as dataHoldersOf, deletionCompliance as complianceOf } from '../flows/transparency';
import { requireRole } from '../middleware/auth';
import { scopeOf } from './admin';

const dataHolders = createRoute({
  method: 'get',
  path: '/v1/seeker/data-holders',
  tags: ['transparency'],
  summary: 'あなたの情報を持っている（持っていた）事業者: 取得日、求職受理、保存期限、ブロック・削除依頼の状況、削除の有無と日時',
  security: bearer,
  middleware: [requireRole('seeker')],
  responses: { 200: json(DataHoldersSchema), ...authedErrors },
});

const deletionCompliance = createRoute({
  method: 'get',
  path: '/v1/admin/deletion-compliance',
  tags: ['transparency'],
  summary:
    '事業者ごとの削除の履行状況: 規約上必要な削除（種類別）、拡張機能の削除確認の件数と所要時間（中央値・最長）、24時間を過ぎて未確認のもの',
  security: bearer,
  middleware: [requireRole('staff')],
  request: { query: DeletionComplianceQuerySchema },
  responses: { 200: json(DeletionComplianceSchema), ...authedErrors },
});

/**
 * Transparency: who holds a jobseeker's data (R-RET-*, R-DEL-*, R-BLOCK-2) and who deletes on
 * time (R-BLOCK-2, R-DEL-*, R-RET-*, R-SEC-2 for the officer's scope); the work is in flows/transparency.ts.
 */
export const transparencyRoutes = group()
  // Only the signed-in jobseeker's own profile: the ID comes from the token, never from the request.
  .openapi(dataHolders, async (c) => c.json(await dataHoldersOf(c.env, c.var.seeker.profileId, c.var.now.getTime()), 200))
  .openapi(deletionCompliance, async (c) => {
    const { prefecture: asked } = c.req.valid('query');
    const scope = scopeOf(c);
    if (scope && asked && asked !== scope) {
      throw new ApiError('out_of_scope', `管轄（都道府県コード ${scope}）以外の都道府県の事業者は表示できません。`);
    }
    const prefecture = (scope as PrefectureCode | null) ?? asked ?? null;
    return c.json(await complianceOf(c.env, prefecture, c.var.now.getTime()), 200);
  });
