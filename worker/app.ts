import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from 'hono/body-limit';
import type { Context } from 'hono';
import { group, type AppEnv } from './lib/context';
import { readNow } from './lib/clock';
import { ApiError, problemResponse } from './lib/problem';
import { maintenanceWindow } from './middleware/service';
import { announcedClosures } from './middleware/announcements';
import { announcementRoutes } from './routes/announcements';
import { termsRoutes } from './routes/terms';
import { correspondenceRoutes } from './routes/correspondence';
import { publicRoutes } from './routes/public';
import { sessionRoutes } from './routes/sessions';
import { agencyRoutes } from './routes/agency';
import { seatRoutes } from './routes/seats';
import { seekerRoutes } from './routes/seeker';
import { adminRoutes } from './routes/admin';
import { messagingRoutes } from './routes/messaging';
import { procedureRoutes } from './routes/procedures';
import { transparencyRoutes } from './routes/transparency';

/** Bodies larger than this are refused with 413, except the bureau's NDJSON loads. */
export const JSON_BODY_LIMIT = 64 * 1024;
export const NDJSON_BODY_LIMIT = 16 * 1024 * 1024;

function tooLarge(c: Context): Response {
  return problemResponse(c, new ApiError(413, 'payload_too_large', '送信データが大きすぎます', 'リクエスト本文の上限を超えています。内容を分けて送ってください。'));
}

const base = group();
base
  .use('*', async (c, next) => {
    c.set('now', await readNow(c.env));
    await next();
  })
  .use('/v1/admin/feed/profiles', bodyLimit({ maxSize: NDJSON_BODY_LIMIT, onError: tooLarge }))
  .use('*', async (c, next) => {
    if (c.req.path === '/v1/admin/feed/profiles') return next();
    return bodyLimit({ maxSize: JSON_BODY_LIMIT, onError: tooLarge })(c, next);
  })
  // R-OPS-1: the service windows close agency and jobseeker routes, and their own account routes.
  .use('/v1/agency/*', maintenanceWindow)
  .use('/v1/seeker/*', maintenanceWindow)
  // R-OPS-3: announced maintenance and restrictions, when they start.
  .use('/v1/agency/*', announcedClosures('agency'))
  .use('/v1/seeker/*', announcedClosures('seeker'))
  .use('/v1/me/*', async (c, next) => (/^Bearer\s+b\./.test(c.req.header('authorization') ?? '') ? next() : maintenanceWindow(c, next)));

/**
 * The whole API: route groups chained so `typeof app` types the extension's client (`hc<AppType>`).
 */
export const app = base
  .route('/', publicRoutes)
  .route('/', sessionRoutes)
  .route('/', agencyRoutes)
  .route('/', seatRoutes)
  .route('/', seekerRoutes)
  .route('/', adminRoutes)
  .route('/', messagingRoutes)
  .route('/', procedureRoutes)
  .route('/', transparencyRoutes)
  .route('/', announcementRoutes)
  .route('/', termsRoutes)
  .route('/', correspondenceRoutes);

app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer' });
app.doc31('/v1/openapi.json', {
  openapi: '3.1.0',
  info: {
    title: 'Madoguchi API',
    version: '1.0.0',
    description: 'ハローワーク求職情報提供サービス（民間職業紹介事業者向け）の API。エラーは RFC 9457 problem details（code は安定）。',
  },
});

app.notFound((c) => problemResponse(c, new ApiError(404, 'not_found', 'お探しのページは見つかりません', `${c.req.method} ${c.req.path} という操作はありません。URL をご確認ください。`)));

app.onError((err, c) => {
  if (err instanceof ApiError) return problemResponse(c, err);
  if (err instanceof HTTPException) {
    if (err.status === 400) return problemResponse(c, new ApiError(400, 'malformed_json', 'JSON の形式が正しくありません', '本文を正しい JSON で送ってください。'));
    if (err.status === 413) return tooLarge(c);
    return problemResponse(c, new ApiError(err.status as 400, `http_${err.status}`, 'リクエストを処理できません', err.message || 'リクエストの内容をご確認ください。'));
  }
  // A bug: log without request content (it may hold passwords or personal data).
  console.error('unhandled', c.req.method, c.req.path, err instanceof Error ? err.name : typeof err, err instanceof Error ? err.stack?.split('\n').slice(0, 4).join(' | ') : '');
  return problemResponse(c, new ApiError(500, 'internal_error', 'システムエラーが発生しました', '時間をおいて再度お試しください。続く場合は管轄の労働局へご連絡ください。'));
});

export type AppType = typeof app;
