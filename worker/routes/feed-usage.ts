import { createRoute, z } from '@hono/zod-openapi';
import { authedErrors, bearer, group, json } from '../lib/context';
import { feedBounds, feedDay } from '../lib/feed-bounds';
import { feedMeter } from '../flows/feed-bounds';
import { requireRole } from '../middleware/auth';
import { registry } from '../middleware/auth';

const UsageEntrySchema = z.object({
  agencyId: z.string(),
  prefecture: z.string(),
  kind: z.enum(['search', 'opening']),
  count: z.number().int(),
  limit: z.number().int(),
  state: z.enum(['near', 'reached']),
  at: z.string(),
});
const FeedUsageSchema = z.object({
  day: z.string(),
  resetAt: z.string(),
  bounds: z.object({ search: z.number().int(), opening: z.number().int() }),
  items: z.array(UsageEntrySchema),
});

const feedUsage = createRoute({
  method: 'get',
  path: '/v1/admin/feed-usage',
  tags: ['admin'],
  security: bearer,
  middleware: [requireRole('staff')],
  summary: '求職者情報の1日の利用上限（検索・閲覧）に近い、または達した事業者（管轄分）',
  request: { query: z.strictObject({ day: z.iso.date().optional() }) },
  responses: { 200: json(FeedUsageSchema), ...authedErrors },
});

/** R-SEC-9: the bureau sees who is near (80 %) or at a feed bound on a JST day; reading it is audited (R-SEC-4). */
export const feedUsageRoutes = group().openapi(feedUsage, async (c) => {
  const today = feedDay(c.var.now);
  const day = c.req.valid('query').day ?? today.day;
  const scope = c.var.staff.role === 'ministry' ? null : c.var.staff.prefecture;
  const items = (await feedMeter(c.env, `usage:${day}`).entries()).filter((e) => scope === null || e.prefecture === scope);
  await registry(c.env).audit(c.var.now.getTime(), c.var.staff.id, 'feed_usage.read', 'feed-usage', null, { day, items: items.length });
  const resetAt =
    day === today.day ? today.resetAt.toISOString() : feedDay(new Date(Date.parse(`${day}T00:00:00+09:00`))).resetAt.toISOString();
  return c.json({ day, resetAt, bounds: feedBounds(c.env), items }, 200);
});
