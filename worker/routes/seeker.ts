import { createRoute } from '@hono/zod-openapi';
import { authedErrors, bearer, group } from '../lib/context';
import { withdrawProfile } from '../flows/feed-load';
import { requireRole } from '../middleware/auth';
import { seekerStub } from '../lib/stubs';

const leaveFeed = createRoute({
  method: 'delete',
  path: '/v1/seeker/profile',
  tags: ['seeker'],
  summary: '求職者情報の掲載をやめる（メッセージは引き続き読める）',
  security: bearer,
  middleware: [requireRole('seeker')],
  responses: { 204: { description: '掲載をやめた' }, ...authedErrors },
});

/** The jobseeker's own routes. */
export const seekerRoutes = group().openapi(leaveFeed, async (c) => {
  await withdrawProfile(c.env, c.var.seeker.profileId);
  await seekerStub(c.env, c.var.seeker.profileId).leaveFeed();
  return c.body(null, 204);
});
