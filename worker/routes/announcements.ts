import { createRoute, z } from '@hono/zod-openapi';
import { announcementsAt } from '../../shared/rules';
import { AnnouncementInputSchema, AnnouncementListSchema, AnnouncementSchema, IdSchema } from '../../shared/schemas';
import { announcements, forgetAnnouncements } from '../lib/bulletin';
import { authedErrors, bearer, group, json } from '../lib/context';
import { ApiError, unwrap } from '../lib/problem';
import { bulletinStub, registryStub } from '../lib/stubs';
import { requireRole } from '../middleware/auth';

const staffOnly = [requireRole('staff')];

const create = createRoute({
  method: 'post',
  path: '/v1/admin/announcements',
  tags: ['admin'],
  summary: '計画メンテナンス・アクセス制限の予告、緊急メンテナンスの開始（厚生労働省）',
  description:
    '計画メンテナンスとアクセス制限は開始日時を未来にして事前に告知します（利用規約§11「通知した上で」）。緊急メンテナンス（emergency_maintenance）は直ちに始まり、endsAt は終了見込みです（§16）。開始すると対象の経路は 503（メンテナンス）又は 429（制限）で再開日時を返します。',
  security: bearer,
  middleware: staffOnly,
  request: { body: { content: { 'application/json': { schema: AnnouncementInputSchema } }, required: true } },
  responses: { 201: json(AnnouncementSchema, '登録したお知らせ'), ...authedErrors, 422: authedErrors[400] },
});

const cancel = createRoute({
  method: 'delete',
  path: '/v1/admin/announcements/{id}',
  tags: ['admin'],
  summary: 'お知らせの取消（実施中のものはその場で終了）（厚生労働省）',
  security: bearer,
  middleware: staffOnly,
  request: { params: z.object({ id: IdSchema.describe('お知らせの ID') }) },
  responses: { 200: json(AnnouncementSchema, '取り消したお知らせ'), ...authedErrors, 409: authedErrors[400] },
});

const publicList = createRoute({
  method: 'get',
  path: '/v1/public/announcements',
  tags: ['public'],
  summary: '実施中と予定のメンテナンス・アクセス制限（アカウント不要）',
  description:
    '全事業者・求職者向けのお知らせを、実施中（current）と予定（upcoming）に分けて開始の早い順に返します。特定の事業者だけに向けた制限は、その事業者のイベントで知らされ、ここには出ません。',
  responses: { 200: json(AnnouncementListSchema, 'お知らせ') },
});

function ministryOnly(role: string): void {
  if (role !== 'ministry') throw new ApiError('ministry_only', 'この操作は厚生労働省のアカウントで行ってください。');
}

/** R-OPS-3: the ministry announces; everyone reads what is current and upcoming. */
export const announcementRoutes = group()
  .openapi(create, async (c) => {
    ministryOnly(c.var.staff.role);
    const now = c.var.now.getTime();
    const r = unwrap(await bulletinStub(c.env).create(c.req.valid('json'), c.var.staff.id, now));
    forgetAnnouncements();
    await registryStub(c.env).audit(now, c.var.staff.id, 'announcement.create', r.announcement.id, r.announcement.reason, {
      kind: r.announcement.kind,
      startsAt: r.announcement.startsAt,
      endsAt: r.announcement.endsAt,
    });
    return c.json(r.announcement, 201);
  })
  .openapi(cancel, async (c) => {
    ministryOnly(c.var.staff.role);
    const now = c.var.now.getTime();
    const r = unwrap(await bulletinStub(c.env).cancel(c.req.valid('param').id, now));
    forgetAnnouncements();
    await registryStub(c.env).audit(now, c.var.staff.id, 'announcement.cancel', r.announcement.id, null, {});
    return c.json(r.announcement, 200);
  })
  .openapi(publicList, async (c) => {
    const list = announcementsAt(await announcements(c.env, c.var.now.getTime()), c.var.now);
    c.header('Cache-Control', 'public, max-age=30');
    return c.json(list, 200);
  });
