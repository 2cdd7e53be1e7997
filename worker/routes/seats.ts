import { createRoute, z } from '@hono/zod-openapi';
import { SeatCreateSchema, SeatIdSchema, SeatListSchema, SeatSchema } from '../../shared/schemas';
import { authedErrors, bearer, group, json } from '../lib/context';
import { unwrap } from '../lib/problem';
import { agencyStub } from '../lib/stubs';
import { addSeat, removeSeat } from '../flows/seats';
import { requireRole } from '../middleware/auth';

const agencyOnly = [requireRole('agency')];

const list = createRoute({
  method: 'get',
  path: '/v1/agency/seats',
  tags: ['agency'],
  summary: '職員アカウントの一覧（本日の送信数・閲覧数つき）',
  security: bearer,
  middleware: agencyOnly,
  responses: { 200: json(SeatListSchema), ...authedErrors },
});

const add = createRoute({
  method: 'post',
  path: '/v1/agency/seats',
  tags: ['agency'],
  summary: '職員アカウントを追加する（連絡責任者のみ）',
  security: bearer,
  middleware: agencyOnly,
  request: { body: { content: { 'application/json': { schema: SeatCreateSchema } }, required: true } },
  responses: { 201: json(SeatSchema, '追加した職員アカウント'), ...authedErrors, 409: authedErrors[400], 422: authedErrors[400] },
});

const remove = createRoute({
  method: 'delete',
  path: '/v1/agency/seats/{id}',
  tags: ['agency'],
  summary: '職員アカウントを削除する（連絡責任者のみ）。そのセッションは直ちに終了する',
  security: bearer,
  middleware: agencyOnly,
  request: { params: z.object({ id: SeatIdSchema }) },
  responses: { 204: { description: '削除した' }, ...authedErrors, 409: authedErrors[400] },
});

/** The organisation's staff seats (R-ORG-2): anyone may read them, only the liaison officer manages them. */
export const seatRoutes = group()
  .openapi(list, async (c) => {
    const items = await agencyStub(c.env, c.var.agency.id).seats(c.var.now.getTime());
    return c.json({ items, you: c.var.seat.id, canManage: c.var.seat.role === 'liaison' }, 200);
  })
  .openapi(add, async (c) => {
    const r = unwrap(await addSeat(c.env, c.var.agency.id, c.var.seat.id, c.req.valid('json'), c.var.now.getTime()));
    return c.json(r.seat, 201);
  })
  .openapi(remove, async (c) => {
    unwrap(await removeSeat(c.env, c.var.agency.id, c.var.seat.id, c.req.valid('param').id, c.var.now.getTime()));
    return c.body(null, 204);
  });
