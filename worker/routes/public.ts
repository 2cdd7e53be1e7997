import { createRoute, z } from '@hono/zod-openapi';
import { RegistrationReceiptSchema, RegistrationRequestSchema } from '../../shared/schemas';
import { authedErrors, group, json } from '../lib/context';
import { hashPassword } from '../lib/crypto';
import { unwrap } from '../lib/problem';
import { registry } from '../middleware/auth';

const health = createRoute({
  method: 'get', path: '/v1/health', tags: ['public'], summary: '稼働確認',
  responses: { 200: json(z.object({ ok: z.literal(true), now: z.string() })) },
});

const register = createRoute({
  method: 'post', path: '/v1/public/registrations', tags: ['public'], summary: '事業者の利用申請（登録）。完了期限を返す',
  request: { body: { content: { 'application/json': { schema: RegistrationRequestSchema } }, required: true } },
  responses: { 201: json(RegistrationReceiptSchema, '受け付けた登録と完了期限'), 400: authedErrors[400], 409: authedErrors[400], 422: authedErrors[400] },
});

/** Routes anyone may call. */
export const publicRoutes = group()
  .openapi(health, (c) => c.json({ ok: true as const, now: c.var.now.toISOString() }, 200))
  .openapi(register, async (c) => {
    const { password, ...input } = c.req.valid('json');
    const r = unwrap(await registry(c.env).register(input, await hashPassword(password), c.var.now.getTime()));
    return c.json({
      id: r.registration.id, email: r.registration.email, registeredAt: c.var.now.toISOString(),
      completionDeadline: r.registration.deadline, status: r.registration.status,
    }, 201);
  });
