import { createRoute, z } from '@hono/zod-openapi';
import { ProfileIdSchema, ProfileLoadResponseSchema, StaffCreateSchema, StaffSchema } from '../../shared/schemas';
import { authedErrors, bearer, group, json } from '../lib/context';
import { clockIsControllable, setClock } from '../lib/clock';
import { hashPassword, timingSafeEqualText } from '../lib/crypto';
import { loadProfiles, withdrawProfile } from '../lib/feed-load';
import { ApiError, unwrap } from '../lib/problem';
import { parseToken } from '../lib/sessions';
import { registry, requireRole } from '../middleware/auth';
import type { Context } from 'hono';
import type { AppEnv } from '../lib/context';

const staffOnly = [requireRole('staff')];

function ministryOnly(c: Context<AppEnv>): void {
  if (c.var.staff.role !== 'ministry') throw new ApiError(403, 'ministry_only', '厚生労働省の職員のみの操作です', 'この操作は厚生労働省のアカウントで行ってください。');
}

/** The bureau's prefecture scope (R-SEC-2): null for the ministry (nationwide). */
export function scopeOf(c: Context<AppEnv>): string | null {
  return c.var.staff.role === 'ministry' ? null : c.var.staff.prefecture;
}

const createStaff = createRoute({
  method: 'post', path: '/v1/admin/staff', tags: ['admin'], summary: '職員アカウントの作成（厚生労働省）。最初の1件は初期トークン（BOOTSTRAP_STAFF_TOKEN）で作る',
  security: bearer,
  request: { body: { content: { 'application/json': { schema: StaffCreateSchema } }, required: true } },
  responses: { 201: json(StaffSchema, '作成した職員'), ...authedErrors, 409: authedErrors[400] },
});

const ClockBody = z.strictObject({ at: z.iso.datetime({ offset: true }).nullable(), frozen: z.boolean().default(false) });
const moveClock = createRoute({
  method: 'put', path: '/v1/admin/clock', tags: ['admin'], summary: '（本番以外）ワーカーの時計を動かす。期限処理もその場で実行する',
  security: bearer, middleware: staffOnly,
  request: { body: { content: { 'application/json': { schema: ClockBody } }, required: true } },
  responses: { 200: json(z.object({ now: z.string(), frozen: z.boolean() })), ...authedErrors },
});

const loadFeed = createRoute({
  method: 'put', path: '/v1/admin/feed/profiles', tags: ['admin'],
  summary: '求職者情報の一括読込（NDJSON、1行1件、最大5,000行）。行ごとの結果と、新規の求職者には有効化コードを返す',
  security: bearer, middleware: staffOnly,
  request: { body: { content: { 'application/x-ndjson': { schema: z.string() } }, required: true } },
  responses: { 200: json(ProfileLoadResponseSchema, '行ごとの結果'), ...authedErrors, 413: authedErrors[400] },
});

const withdrawFeed = createRoute({
  method: 'delete', path: '/v1/admin/feed/profiles/{id}', tags: ['admin'], summary: '求職者情報の取下げ',
  security: bearer, middleware: staffOnly,
  request: { params: z.object({ id: ProfileIdSchema }) },
  responses: { 204: { description: '取り下げた' }, ...authedErrors },
});

const RegistrationSummarySchema = z.object({
  id: z.string(), email: z.string(), organisationName: z.string(), prefecture: z.string(), registeredOn: z.string(), deadline: z.string(),
  status: z.enum(['pending', 'accepted', 'rejected', 'expired']), agencyId: z.string().nullable(),
});
const listRegistrations = createRoute({
  method: 'get', path: '/v1/admin/registrations', tags: ['admin'], summary: '管轄の登録一覧',
  security: bearer, middleware: staffOnly,
  request: { query: z.strictObject({ status: z.enum(['pending', 'accepted', 'rejected', 'expired']).optional() }) },
  responses: { 200: json(z.object({ items: z.array(RegistrationSummarySchema) })), ...authedErrors },
});
const DecisionBody = z.strictObject({ reason: z.string().trim().max(1000).optional() });
const acceptRegistration = createRoute({
  method: 'post', path: '/v1/admin/registrations/{id}/accept', tags: ['admin'], summary: '登録を受理し、事業者を利用可能にする',
  security: bearer, middleware: staffOnly,
  request: { params: z.object({ id: z.string().regex(/^R[0-9A-Z]{10}$/) }), body: { content: { 'application/json': { schema: DecisionBody } }, required: false } },
  responses: { 200: json(z.object({ agencyId: z.string() })), ...authedErrors, 409: authedErrors[400] },
});

/**
 * Runs the scheduled work at a given instant: retention sweeps of every agency and expiry of
 * registrations. Idempotent; called by the cron trigger and whenever the clock is moved.
 */
export async function runScheduled(env: Env, now: Date): Promise<void> {
  const reg = registry(env);
  await reg.expireRegistrations(now.getTime());
  const ids = await reg.agencyIds(['active', 'suspended', 'revoked', 'withdrawn']);
  for (let i = 0; i < ids.length; i += 50) {
    await Promise.all(ids.slice(i, i + 50).map((id) => env.AGENCY.get(env.AGENCY.idFromName(id)).sweep(now.getTime())));
  }
}

const routes = group()
  .openapi(createStaff, async (c) => {
    const body = c.req.valid('json');
    const header = c.req.header('authorization') ?? '';
    const now = c.var.now.getTime();
    const bootstrap = /^Bearer\s+(.+)$/.exec(header)?.[1] ?? '';
    let createdBy: string;
    if (!parseToken(header) && c.env.BOOTSTRAP_STAFF_TOKEN && timingSafeEqualText(bootstrap, c.env.BOOTSTRAP_STAFF_TOKEN)) {
      if (body.role !== 'ministry') throw new ApiError(400, 'bootstrap_ministry_only', '最初のアカウントは厚生労働省です', '初期トークンで作れるのは厚生労働省（ministry）のアカウントだけです。');
      createdBy = 'bootstrap';
    } else {
      await requireRole('staff')(c, async () => {});
      ministryOnly(c);
      createdBy = c.var.staff.id;
    }
    const r = unwrap(await registry(c.env).createStaff(
      { email: body.email, name: body.name, role: body.role, prefecture: body.role === 'bureau' ? body.prefecture ?? null : null },
      await hashPassword(body.password), createdBy, now));
    return c.json(r.staff, 201);
  })
  .openapi(loadFeed, async (c) => {
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/(x-)?ndjson|^application\/jsonl|^text\/plain/i.test(type)) {
      throw new ApiError(415, 'unsupported_media_type', '形式が違います', 'Content-Type: application/x-ndjson で、1行に1件の JSON を送ってください。');
    }
    const text = await c.req.text();
    const result = await loadProfiles(c.env, text, c.var.now, scopeOf(c));
    await registry(c.env).audit(c.var.now.getTime(), c.var.staff.id, 'feed.load', 'feed', null, { loaded: result.loaded, refused: result.refused });
    return c.json(result, 200);
  })
  .openapi(withdrawFeed, async (c) => {
    const { id } = c.req.valid('param');
    const scope = scopeOf(c);
    if (scope && id.slice(0, 2) !== scope) throw new ApiError(403, 'out_of_scope', '管轄外です', '管轄外の都道府県の求職者は取り下げられません。');
    if (!(await withdrawProfile(c.env, id))) throw new ApiError(404, 'profile_not_found', '求職者が見つかりません', `求職者（${id}）は掲載されていません。`);
    await registry(c.env).audit(c.var.now.getTime(), c.var.staff.id, 'feed.withdraw', id, null);
    return c.body(null, 204);
  })
  .openapi(listRegistrations, async (c) => {
    const { status } = c.req.valid('query');
    return c.json({ items: await registry(c.env).registrations(scopeOf(c), status ?? null) }, 200);
  })
  .openapi(acceptRegistration, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json') ?? {};
    const r = unwrap(await registry(c.env).acceptRegistration(id, c.var.staff, body.reason ?? null, c.var.now.getTime()));
    return c.json({ agencyId: r.agencyId }, 200);
  });

/** The clock route exists only outside production (T-5). */
export const adminRoutes = routes.openapi(moveClock, async (c) => {
  if (!clockIsControllable(c.env)) throw new ApiError(404, 'not_found', 'お探しのページは見つかりません', 'この操作はありません。');
  const { at, frozen } = c.req.valid('json');
  const setting = await setClock(c.env, at === null ? null : { at: Date.parse(at), frozen });
  const now = setting ? new Date(setting.at) : new Date();
  await runScheduled(c.env, now);
  await registry(c.env).audit(now.getTime(), c.var.staff.id, 'clock.set', 'clock', null, { at, frozen });
  return c.json({ now: now.toISOString(), frozen: setting?.frozen ?? false }, 200);
});
