import { createRoute, z } from '@hono/zod-openapi';
import { jstDate } from '../../shared/rules';
import {
  AgencyDirectoryPageSchema,
  DirectoryQuerySchema,
  RegistrationReceiptSchema,
  RegistrationRequestSchema,
  RevokedAgencyPageSchema,
  RevokedDirectoryQuerySchema,
} from '../../shared/schemas';
import { authedErrors, group, json } from '../lib/context';
import { hashPassword } from '../lib/crypto';
import { registrationHash } from '../flows/hash-slot';
import { unwrap } from '../lib/problem';
import { registry } from '../middleware/auth';

const health = createRoute({
  method: 'get',
  path: '/v1/health',
  tags: ['public'],
  summary: '稼働確認',
  responses: { 200: json(z.object({ ok: z.literal(true), now: z.string() })) },
});

const register = createRoute({
  method: 'post',
  path: '/v1/public/registrations',
  tags: ['public'],
  summary: '事業者の利用申請（登録）。申請書の提出期限と、受領が記録されない場合の削除日を返す',
  request: { body: { content: { 'application/json': { schema: RegistrationRequestSchema } }, required: true } },
  responses: {
    201: json(RegistrationReceiptSchema, '受け付けた登録、提出期限と削除日'),
    400: authedErrors[400],
    409: authedErrors[400],
    422: authedErrors[400],
    429: authedErrors[429],
  },
});

/** How long browsers and shared caches may keep a directory page: short, so 停止中 shows soon (R-SAN-2). */
const DIRECTORY_CACHE = 'public, max-age=60, s-maxage=60';

const directory = createRoute({
  method: 'get',
  path: '/v1/public/agencies',
  tags: ['public'],
  summary:
    '求人・求職対象団体一覧（名称、所在地、許可・届出番号、助成金の取扱い、第三者認証、停止中の表示）。都道府県・サービス・文字で絞り込み',
  request: { query: DirectoryQuerySchema },
  responses: { 200: json(AgencyDirectoryPageSchema), 400: authedErrors[400] },
});

const revokedDirectory = createRoute({
  method: 'get',
  path: '/v1/public/revoked-agencies',
  tags: ['public'],
  summary: '利用解除となった団体の一覧（利用解除日から3年間）',
  request: { query: RevokedDirectoryQuerySchema },
  responses: { 200: json(RevokedAgencyPageSchema), 400: authedErrors[400] },
});

/** Routes anyone may call. */
export const publicRoutes = group()
  .openapi(health, (c) => c.json({ ok: true as const, now: c.var.now.toISOString() }, 200))
  .openapi(register, async (c) => {
    const { password, ...input } = c.req.valid('json');
    // R-SEC-5: throttled per address before any hashing, and hashed through the isolate's budget.
    const hash = await registrationHash(c, () => hashPassword(password));
    const r = unwrap(await registry(c.env).register(input, hash, c.var.now.getTime()));
    return c.json(
      {
        id: r.registration.id,
        email: r.registration.email,
        registeredAt: c.var.now.toISOString(),
        completionDeadline: r.registration.deadline,
        deletionDate: r.registration.deletionDate,
        status: r.registration.status,
      },
      201,
    );
  })
  .openapi(directory, async (c) => {
    const page = await registry(c.env).directory(c.req.valid('query'));
    c.header('Cache-Control', DIRECTORY_CACHE);
    return c.json(page, 200);
  })
  .openapi(revokedDirectory, async (c) => {
    const page = await registry(c.env).revokedDirectory(c.req.valid('query'), jstDate(c.var.now));
    c.header('Cache-Control', DIRECTORY_CACHE);
    return c.json(page, 200);
  });
