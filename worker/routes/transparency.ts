import { createRoute } from '@hono/zod-openapi';
import {
  DataHoldersSchema, DeletionComplianceQuerySchema, DeletionComplianceSchema, type DataHolder, type DeletionRequest,
} from '../../shared/schemas';
import type { PrefectureCode } from '../../shared/data/prefectures';
import { authedErrors, bearer, group, json } from '../lib/context';
import { shardOf } from '../lib/feed';
import { ApiError } from '../lib/problem';
import { registry, requireRole } from '../middleware/auth';
import type { DeletionComplianceFigures, HolderView } from '../objects/agency';
import { scopeOf } from './admin';
import { agencyStub, seekerStub } from '../lib/stubs';

/** A deletion not confirmed by the agency's extension this long after it was required is overdue. */
export const DELETION_CONFIRM_HOURS = 24;
/** Agency objects asked at once by a fan-out. */
const FAN_OUT = 50;

/** Runs `work` over `items` in parallel batches of FAN_OUT, keeping the order. */
async function inBatches<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += FAN_OUT) out.push(...(await Promise.all(items.slice(i, i + FAN_OUT).map(work))));
  return out;
}

const dataHolders = createRoute({
  method: 'get', path: '/v1/seeker/data-holders', tags: ['transparency'],
  summary: 'あなたの情報を持っている（持っていた）事業者: 取得日、求職受理、保存期限、ブロック・削除依頼の状況、削除の有無と日時',
  security: bearer, middleware: [requireRole('seeker')], responses: { 200: json(DataHoldersSchema), ...authedErrors },
});

const deletionCompliance = createRoute({
  method: 'get', path: '/v1/admin/deletion-compliance', tags: ['transparency'],
  summary: '事業者ごとの削除の履行状況: 規約上必要な削除（種類別）、拡張機能の削除確認の件数と所要時間（中央値・最長）、24時間を過ぎて未確認のもの',
  security: bearer, middleware: [requireRole('staff')], request: { query: DeletionComplianceQuerySchema },
  responses: { 200: json(DeletionComplianceSchema), ...authedErrors },
});

/** The jobseeker's latest deletion request to each agency. */
function latestRequests(requests: DeletionRequest[]): Map<string, DeletionRequest> {
  const byAgency = new Map<string, DeletionRequest>();
  for (const r of requests) {
    const prior = byAgency.get(r.agencyId);
    if (!prior || r.requestedAt > prior.requestedAt) byAgency.set(r.agencyId, r);
  }
  return byAgency;
}

/**
 * Transparency (issue 9): who holds a jobseeker's data (R-RET-*, R-DEL-*, R-BLOCK-2) and who
 * deletes on time (R-BLOCK-2, R-DEL-*, R-RET-*, R-SEC-2 for the officer's scope).
 */
export const transparencyRoutes = group()
  .openapi(dataHolders, async (c) => {
    // Only the signed-in jobseeker's own profile: the ID comes from the token, never from the request.
    const profileId = c.var.seeker.profileId;
    const now = c.var.now.getTime();
    const seeker = seekerStub(c.env, profileId);
    const [acquirers, blocks, requests] = await Promise.all([
      shardOf(c.env, profileId.slice(0, 2)).acquirersOf(profileId), seeker.blocks(), seeker.deletionRequests(),
    ]);
    const views = await inBatches(acquirers, (a) => agencyStub(c.env, a.agencyId).holderView(profileId, now) as Promise<HolderView | null>);
    const requestOf = latestRequests(requests as DeletionRequest[]);
    const items: DataHolder[] = [];
    acquirers.forEach((a, i) => {
      const view = views[i];
      if (!view) return;
      const block = blocks.find((b) => b.agencyId === a.agencyId);
      const request = requestOf.get(a.agencyId);
      items.push({
        agencyId: view.agencyId, agencyName: view.agencyName, agencyStatus: view.agencyStatus, firstAcquiredOn: a.firstAcquiredOn,
        acquiredOn: view.acquisition?.acquiredOn ?? null, acceptedOn: view.acquisition?.acceptedOn ?? null,
        retentionDeadline: view.acquisition?.retentionDeadline ?? null, copy: view.copy,
        block: block ? { blockedAt: block.blockedAt, agencyDeletedAt: block.agencyDeletedAt } : null,
        deletionRequest: request
          ? { id: request.id, state: request.state, requestedAt: request.requestedAt, serverDeletedAt: request.serverDeletedAt, agencyDeletedAt: request.agencyDeletedAt, completedAt: request.completedAt }
          : null,
      });
    });
    return c.json({ profileId, asOf: c.var.now.toISOString(), items }, 200);
  })
  .openapi(deletionCompliance, async (c) => {
    const { prefecture: asked } = c.req.valid('query');
    const scope = scopeOf(c);
    if (scope && asked && asked !== scope) {
      throw new ApiError('out_of_scope', `管轄（都道府県コード ${scope}）以外の都道府県の事業者は表示できません。`);
    }
    const prefecture = (scope as PrefectureCode | null) ?? asked ?? null;
    const now = c.var.now.getTime();
    const agencies = await registry(c.env).agenciesInScope(prefecture);
    const figures = await inBatches(agencies, (a) =>
      agencyStub(c.env, a.id).deletionCompliance(now, DELETION_CONFIRM_HOURS * 3600_000) as Promise<DeletionComplianceFigures | null>);
    // Those an officer must act on first; otherwise the registry's order (prefecture, ID): the sort is stable.
    const items = figures.filter((f): f is DeletionComplianceFigures => f !== null).sort((x, y) => y.overdueCount - x.overdueCount);
    const totals = {
      agencies: items.length,
      required: items.reduce((n, f) => n + f.required.total, 0),
      confirmed: items.reduce((n, f) => n + f.confirmed, 0),
      overdue: items.reduce((n, f) => n + f.overdueCount, 0),
    };
    return c.json({ asOf: c.var.now.toISOString(), prefecture, overdueAfterHours: DELETION_CONFIRM_HOURS, totals, items }, 200);
  });
