import { createRoute, z } from '@hono/zod-openapi';
import {
  AdminAgencyDetailSchema,
  AuditPageSchema,
  AuditQuerySchema,
  ProfileIdSchema,
  ProfileLoadResponseSchema,
  ReportsOverviewSchema,
  ReportsQuerySchema,
  RevocationRequestSchema,
  StaffCreateSchema,
  StaffReasonedDecisionSchema,
  StaffSchema,
  StatusChangeResultSchema,
  SuspensionRequestSchema,
  ViolationRecordSchema,
  ViolationRequestSchema,
} from '../../shared/schemas';
import { authedErrors, bearer, group, json } from '../lib/context';
import { clockIsControllable, setClock } from '../lib/clock';
import { hashPassword, timingSafeEqualText } from '../lib/crypto';
import { hashInSlot } from '../flows/hash-slot';
import { loadProfiles, withdrawProfile } from '../flows/feed-load';
import { runScheduled } from '../flows/scheduled';
import { ApiError, unwrap } from '../lib/problem';
import { parseToken } from '../lib/sessions';
import { registry, requireRole } from '../middleware/auth';
import { seatSignInStates, signInLockOf } from '../flows/sign-in';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../lib/context';

const staffOnly = [requireRole('staff')];

function ministryOnly(c: Context<AppEnv>): void {
  if (c.var.staff.role !== 'ministry') throw new ApiError('ministry_only', 'この操作は厚生労働省のアカウントで行ってください。');
}

/** The bureau's prefecture scope (R-SEC-2): null for the ministry (nationwide). */
export function scopeOf(c: Context<AppEnv>): string | null {
  return c.var.staff.role === 'ministry' ? null : c.var.staff.prefecture;
}

const createStaff = createRoute({
  method: 'post',
  path: '/v1/admin/staff',
  tags: ['admin'],
  summary: '職員アカウントの作成（厚生労働省）。最初の1件は初期トークン（BOOTSTRAP_STAFF_TOKEN）で作る',
  security: bearer,
  request: { body: { content: { 'application/json': { schema: StaffCreateSchema } }, required: true } },
  responses: { 201: json(StaffSchema, '作成した職員'), ...authedErrors, 409: authedErrors[400] },
});

/** R-SEC-7: outside development and test the clock route does not exist, before any sign-in check. */
const clockExists: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!clockIsControllable(c.env))
    throw new ApiError(
      'not_found',
      `${c.req.method} ${c.req.path} という操作はありません。URL をご確認ください。`,
      {},
      { status: 404, title: 'お探しのページは見つかりません' },
    );
  await next();
};

const ClockBody = z.strictObject({ at: z.iso.datetime({ offset: true }).nullable(), frozen: z.boolean().default(false) });
const moveClock = createRoute({
  method: 'put',
  path: '/v1/admin/clock',
  tags: ['admin'],
  summary: '（開発・試験環境のみ、厚生労働省）ワーカーの時計を動かす。期限処理もその場で実行する',
  security: bearer,
  middleware: [clockExists, requireRole('staff')],
  request: { body: { content: { 'application/json': { schema: ClockBody } }, required: true } },
  responses: { 200: json(z.object({ now: z.string(), frozen: z.boolean() })), ...authedErrors },
});

const loadFeed = createRoute({
  method: 'put',
  path: '/v1/admin/feed/profiles',
  tags: ['admin'],
  summary: '求職者情報の一括読込（NDJSON、1行1件、最大5,000行）。行ごとの結果と、新規の求職者には有効化コードを返す',
  security: bearer,
  middleware: staffOnly,
  request: { body: { content: { 'application/x-ndjson': { schema: z.string() } }, required: true } },
  responses: { 200: json(ProfileLoadResponseSchema, '行ごとの結果'), ...authedErrors, 413: authedErrors[400] },
});

const withdrawFeed = createRoute({
  method: 'delete',
  path: '/v1/admin/feed/profiles/{id}',
  tags: ['admin'],
  summary: '求職者情報の取下げ',
  security: bearer,
  middleware: staffOnly,
  request: { params: z.object({ id: ProfileIdSchema }) },
  responses: { 204: { description: '取り下げた' }, ...authedErrors },
});

const AgencyIdParam = z.object({ id: z.string().regex(/^A[0-9A-Z]{10}$/) });
const agencyDetail = createRoute({
  method: 'get',
  path: '/v1/admin/agencies/{id}',
  tags: ['admin'],
  summary: '事業者の記録（状態、責任者、違反・停止の履歴、手続、報告）',
  security: bearer,
  middleware: staffOnly,
  request: { params: AgencyIdParam },
  responses: { 200: json(AdminAgencyDetailSchema), ...authedErrors },
});
const recordViolation = createRoute({
  method: 'post',
  path: '/v1/admin/agencies/{id}/violations',
  tags: ['admin'],
  summary: '違反を記録し、規約が定める措置の案を返す（措置は職員が決める）',
  security: bearer,
  middleware: staffOnly,
  request: { params: AgencyIdParam, body: { content: { 'application/json': { schema: ViolationRequestSchema } }, required: true } },
  responses: { 201: json(z.object({ violation: ViolationRecordSchema }), '記録した違反と措置の案'), ...authedErrors },
});
const suspend = createRoute({
  method: 'post',
  path: '/v1/admin/agencies/{id}/suspensions',
  tags: ['admin'],
  summary: '利用停止（期間を定める・是正まで・事実確認までの一時停止）。即時に効力が生じ、求職者情報は削除される',
  security: bearer,
  middleware: staffOnly,
  request: { params: AgencyIdParam, body: { content: { 'application/json': { schema: SuspensionRequestSchema } }, required: true } },
  responses: { 200: json(StatusChangeResultSchema), ...authedErrors, 409: authedErrors[400], 422: authedErrors[400] },
});
const liftSuspension = createRoute({
  method: 'delete',
  path: '/v1/admin/agencies/{id}/suspensions/current',
  tags: ['admin'],
  summary: '利用停止を解除する（是正・事実確認の完了など）',
  security: bearer,
  middleware: staffOnly,
  request: { params: AgencyIdParam, body: { content: { 'application/json': { schema: StaffReasonedDecisionSchema } }, required: true } },
  responses: { 200: json(StatusChangeResultSchema), ...authedErrors, 409: authedErrors[400] },
});
const revoke = createRoute({
  method: 'post',
  path: '/v1/admin/agencies/{id}/revocation',
  tags: ['admin'],
  summary: '利用解除。即時にセッションが終了し求職者情報は削除され、3年間は再申請できない',
  security: bearer,
  middleware: staffOnly,
  request: { params: AgencyIdParam, body: { content: { 'application/json': { schema: RevocationRequestSchema } }, required: true } },
  responses: { 200: json(StatusChangeResultSchema), ...authedErrors, 409: authedErrors[400] },
});

const listReports = createRoute({
  method: 'get',
  path: '/v1/admin/reports',
  tags: ['admin'],
  summary: '年度の利用状況報告: 報告した事業者と、まだの事業者',
  security: bearer,
  middleware: staffOnly,
  request: { query: ReportsQuerySchema },
  responses: { 200: json(ReportsOverviewSchema), ...authedErrors },
});
const auditLog = createRoute({
  method: 'get',
  path: '/v1/admin/audit',
  tags: ['admin'],
  summary: '監査ログ（厚生労働省のみ。追記のみで、編集・削除の手段はない）',
  security: bearer,
  middleware: staffOnly,
  request: { query: AuditQuerySchema },
  responses: { 200: json(AuditPageSchema), ...authedErrors },
});

const routes = group()
  .openapi(createStaff, async (c) => {
    const body = c.req.valid('json');
    const header = c.req.header('authorization') ?? '';
    const now = c.var.now.getTime();
    const bootstrap = /^Bearer\s+(.+)$/.exec(header)?.[1] ?? '';
    let createdBy: string;
    if (!parseToken(header) && c.env.BOOTSTRAP_STAFF_TOKEN && timingSafeEqualText(bootstrap, c.env.BOOTSTRAP_STAFF_TOKEN)) {
      if (body.role !== 'ministry')
        throw new ApiError('bootstrap_ministry_only', '初期トークンで作れるのは厚生労働省（ministry）のアカウントだけです。');
      createdBy = 'bootstrap';
    } else {
      await requireRole('staff')(c, async () => {});
      ministryOnly(c);
      createdBy = c.var.staff.id;
    }
    const hash = await hashInSlot('clean', () => hashPassword(body.password)); // R-SEC-5: the isolate's hashing budget
    const r = unwrap(
      await registry(c.env).createStaff(
        { email: body.email, name: body.name, role: body.role, prefecture: body.role === 'bureau' ? (body.prefecture ?? null) : null },
        hash,
        createdBy,
        now,
      ),
    );
    return c.json(r.staff, 201);
  })
  .openapi(loadFeed, async (c) => {
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/(x-)?ndjson|^application\/jsonl|^text\/plain/i.test(type)) {
      throw new ApiError('unsupported_media_type', 'Content-Type: application/x-ndjson で、1行に1件の JSON を送ってください。');
    }
    // NDJSON is UTF-8 text; decoding the bytes ourselves keeps workerd from warning about a non-text type.
    const text = new TextDecoder().decode(await c.req.arrayBuffer());
    const result = await loadProfiles(c.env, text, c.var.now, scopeOf(c));
    await registry(c.env).audit(c.var.now.getTime(), c.var.staff.id, 'feed.load', 'feed', null, {
      loaded: result.loaded,
      refused: result.refused,
    });
    return c.json(result, 200);
  })
  .openapi(withdrawFeed, async (c) => {
    const { id } = c.req.valid('param');
    const scope = scopeOf(c);
    if (scope && id.slice(0, 2) !== scope) throw new ApiError('out_of_scope', '管轄外の都道府県の求職者は取り下げられません。');
    if (!(await withdrawProfile(c.env, id)))
      throw new ApiError('profile_not_found', `求職者（${id}）は掲載されていません。`, {}, { title: '求職者が見つかりません' });
    await registry(c.env).audit(c.var.now.getTime(), c.var.staff.id, 'feed.withdraw', id, null);
    return c.body(null, 204);
  })
  .openapi(agencyDetail, async (c) => {
    const r = unwrap(await registry(c.env).agencyDetail(c.req.valid('param').id, c.var.staff));
    const a = r.record;
    return c.json(
      {
        agency: {
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
          contactMethods: a.contactMethods,
          mandatoryInformation: a.mandatoryInformation,
          admittedOn: a.admittedOn,
        },
        address: r.address,
        liaisonOfficer: r.liaisonOfficer,
        privacyOfficer: r.privacyOfficer,
        handlesSubsidies: r.handlesSubsidies,
        certifications: r.certifications,
        termEndsOn: r.termEndsOn,
        licenceExpiresOn: r.licenceExpiresOn,
        violations: r.violations,
        suspensions: r.suspensions,
        procedures: r.procedures,
        reportsFiled: r.reportsFiled,
        signIn: (await signInLockOf(c, 'agency', a.email.trim().toLowerCase())) ?? { failures: 0, lockedUntil: null },
        seats: await seatSignInStates(c, a.id),
      },
      200,
    );
  })
  .openapi(recordViolation, async (c) => {
    const r = unwrap(await registry(c.env).recordViolation(c.req.valid('param').id, c.req.valid('json'), c.var.staff, c.var.now.getTime()));
    return c.json({ violation: r.violation }, 201);
  })
  .openapi(suspend, async (c) => {
    const r = unwrap(await registry(c.env).suspend(c.req.valid('param').id, c.req.valid('json'), c.var.staff, c.var.now.getTime()));
    return c.json(r.change, 200);
  })
  .openapi(liftSuspension, async (c) => {
    const r = unwrap(
      await registry(c.env).liftSuspension(c.req.valid('param').id, c.var.staff, c.req.valid('json').reason, c.var.now.getTime()),
    );
    return c.json(r.change, 200);
  })
  .openapi(revoke, async (c) => {
    const r = unwrap(await registry(c.env).revoke(c.req.valid('param').id, c.req.valid('json'), c.var.staff, c.var.now.getTime()));
    return c.json(r.change, 200);
  })
  .openapi(listReports, async (c) => c.json(await registry(c.env).reportsOverview(c.var.staff, c.req.valid('query').fiscalYear), 200))
  .openapi(auditLog, async (c) => {
    ministryOnly(c);
    const q = c.req.valid('query');
    const items = await registry(c.env).auditLog(q.before ?? null, q.limit, q.action ?? null);
    return c.json({ items, nextBefore: items.length === q.limit ? items.at(-1)!.seq : null }, 200);
  });

/** The clock route exists only in development and test, and only the ministry moves it (T-5, R-SEC-7). */
export const adminRoutes = routes.openapi(moveClock, async (c) => {
  ministryOnly(c);
  const { at, frozen } = c.req.valid('json');
  const setting = await setClock(c.env, at === null ? null : { at: Date.parse(at), frozen });
  const now = setting ? new Date(setting.at) : new Date();
  await runScheduled(c.env, now);
  await registry(c.env).audit(now.getTime(), c.var.staff.id, 'clock.set', 'clock', null, { at, frozen });
  return c.json({ now: now.toISOString(), frozen: setting?.frozen ?? false }, 200);
});
