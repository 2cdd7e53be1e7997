import './lib/zod-locale';
import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from 'hono/body-limit';
import type { Context } from 'hono';
import { group, type AppEnv } from './lib/context';
import { readNow } from './lib/clock';
import { ApiError, problemResponse } from './lib/problem';
import { maintenanceWindow } from './middleware/service';
import { claimedRole } from './lib/tokens';
import { auditPersonalDataReads } from './middleware/audit-reads';
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
import { adminRegistrationRoutes } from './routes/admin-registrations';
import { adminComplaintRoutes } from './routes/admin-complaints';
import { messagingRoutes } from './routes/messaging';
import { accessEndingRoutes } from './routes/access-ending';
import { procedureRoutes } from './routes/procedures';
import { transparencyRoutes } from './routes/transparency';
import { credentialRoutes } from './routes/credentials';
import { feedUsageRoutes } from './routes/feed-usage';
import { jobOfferRoutes } from './routes/job-offers';
import { codeRoutes } from './routes/codes';
import { docsRoutes } from './routes/docs';
import { describeParameters } from './lib/openapi-descriptions';

/** Bodies larger than this are refused with 413, except the bureau's NDJSON loads. */
export const JSON_BODY_LIMIT = 64 * 1024;
export const NDJSON_BODY_LIMIT = 16 * 1024 * 1024;

function tooLarge(c: Context): Response {
  return problemResponse(c, new ApiError('payload_too_large', 'リクエスト本文の上限を超えています。内容を分けて送ってください。'));
}

const base = group();
base
  .use('*', async (c, next) => {
    c.set('now', await readNow(c.env));
    await next();
  })
  .use('/v1/admin/feed/profiles', bodyLimit({ maxSize: NDJSON_BODY_LIMIT, onError: tooLarge }))
  .use('/v1/admin/job-offers', bodyLimit({ maxSize: NDJSON_BODY_LIMIT, onError: tooLarge }))
  .use('*', async (c, next) => {
    if (c.req.path === '/v1/admin/feed/profiles' || c.req.path === '/v1/admin/job-offers') return next();
    return bodyLimit({ maxSize: JSON_BODY_LIMIT, onError: tooLarge })(c, next);
  })
  // R-OPS-1: the service windows close agency and jobseeker routes, and their own account routes.
  .use('/v1/agency/*', maintenanceWindow)
  .use('/v1/seeker/*', maintenanceWindow)
  // R-OPS-3: announced maintenance and restrictions, when they start.
  .use('/v1/agency/*', announcedClosures('agency'))
  .use('/v1/seeker/*', announcedClosures('seeker'))
  .use('/v1/admin/*', auditPersonalDataReads)
  .use('/v1/me/*', async (c, next) => (claimedRole(c.req.header('authorization')) === 'staff' ? next() : maintenanceWindow(c, next)));

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
  .route('/', adminRegistrationRoutes)
  .route('/', adminComplaintRoutes)
  .route('/', messagingRoutes)
  .route('/', accessEndingRoutes)
  .route('/', procedureRoutes)
  .route('/', transparencyRoutes)
  .route('/', announcementRoutes)
  .route('/', credentialRoutes)
  .route('/', feedUsageRoutes)
  .route('/', termsRoutes)
  .route('/', correspondenceRoutes)
  .route('/', jobOfferRoutes)
  .route('/', codeRoutes)
  .route('/', docsRoutes);

app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer' });
const openApiConfig = {
  openapi: '3.1.0',
  info: {
    title: 'Madoguchi API',
    version: '1.0.0',
    description:
      'ハローワーク求職情報提供サービス（民間職業紹介事業者向け）の API。対話型リファレンスは /v1/docs。エラーは RFC 9457 problem details（code は安定、title と detail は日本語）。',
  },
};
let openApiDocument: unknown = null;
app.get('/v1/openapi.json', (c) => {
  openApiDocument ??= describeParameters(app.getOpenAPI31Document(openApiConfig));
  return c.json(openApiDocument as object, 200);
});

app.notFound((c) =>
  problemResponse(c, new ApiError('not_found', `${c.req.method} ${c.req.path} という操作はありません。URL をご確認ください。`)),
);

/** Seconds a client waits before trying again after a transient failure of the platform. */
const TRANSIENT_RETRY_AFTER = 5;

/**
 * An error of the Durable Objects' platform that asks to be tried later, not a bug of ours: the
 * runtime marks an overloaded object's error `overloaded`, and a transient failure outside our code
 * `retryable` without `remote` (Cloudflare's "Error handling" for Durable Objects). Decision 115.
 */
function transientObjectError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const e = err as Error & { overloaded?: unknown; retryable?: unknown; remote?: unknown };
  return e.overloaded === true || (e.retryable === true && e.remote !== true);
}

app.onError((err, c) => {
  if (err instanceof ApiError) return problemResponse(c, err);
  if (err instanceof HTTPException) {
    if (err.status === 400) return problemResponse(c, new ApiError('malformed_json', '本文を正しい JSON で送ってください。'));
    if (err.status === 413) return tooLarge(c);
    return problemResponse(
      c,
      new ApiError(
        `http_${err.status}` as const,
        err.message || 'リクエストの内容をご確認ください。',
        {},
        { status: err.status as 400, title: 'リクエストを処理できません' },
      ),
    );
  }
  // The platform, not a bug: an overloaded object, or a transient failure before our code ran.
  if (transientObjectError(err)) {
    console.warn('transient', c.req.method, c.req.path, (err as Error).name);
    return problemResponse(
      c,
      new ApiError(
        'temporarily_unavailable',
        `ただいま処理が集中しているため、完了できませんでした。約${TRANSIENT_RETRY_AFTER}秒後にもう一度お試しください。`,
        { retryAfter: TRANSIENT_RETRY_AFTER },
        {},
        { 'Retry-After': String(TRANSIENT_RETRY_AFTER) },
      ),
    );
  }
  // A bug: log without request content (it may hold passwords or personal data).
  console.error(
    'unhandled',
    c.req.method,
    c.req.path,
    err instanceof Error ? err.name : typeof err,
    err instanceof Error ? err.stack?.split('\n').slice(0, 4).join(' | ') : '',
  );
  return problemResponse(c, new ApiError('internal_error', '時間をおいて再度お試しください。続く場合は管轄の労働局へご連絡ください。'));
});

export type AppType = typeof app;
