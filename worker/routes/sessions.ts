import { createRoute, z } from '@hono/zod-openapi';
import {
  ActivationResultSchema,
  AdminSignInSchema,
  AgencySignInSchema,
  SeekerSignInSchema,
  SessionInfoSchema,
  TokenResponseSchema,
} from '../../shared/schemas';
import { ActivationSchema } from '../../shared/schemas';
import { profileHomePrefecture, type ProfileId } from '../../shared/schemas/profile-id';
import { authedErrors, bearer, group, json } from '../lib/context';
import { ApiError, unwrap } from '../lib/problem';
import type { SessionRow } from '../lib/sessions';
import { registry, requireAnyRole } from '../middleware/auth';
import { sealToken } from '../lib/tokens';
import { activateSeeker } from '../flows/activation';
import { accountKey, clientAddress, throttleGuard, throttledSignIn } from '../flows/sign-in';
import { agencyStub, seekerStub, shardStub } from '../lib/stubs';

/** The answer to a sign-in: the object's token sealed with the worker's MAC (R-SEC-8). */
const tokenOut = async (
  env: Env,
  token: string,
  expiresAt: number,
  role: 'agency' | 'seeker' | 'ministry' | 'bureau',
  mustChange = false,
) => ({
  token: await sealToken(env, token, mustChange),
  expiresAt: new Date(expiresAt).toISOString(),
  role,
  ...(mustChange ? { passwordChangeRequired: true } : {}),
});

const userAgent = (ua: string | undefined) => (ua ? ua.slice(0, 200) : null);

const agencySignIn = createRoute({
  method: 'post',
  path: '/v1/agency/sessions',
  tags: ['sessions'],
  summary: '事業者のサインイン（アカウントID＝メールアドレス）',
  request: { body: { content: { 'application/json': { schema: AgencySignInSchema } }, required: true } },
  responses: {
    201: json(TokenResponseSchema, 'トークン'),
    400: authedErrors[400],
    401: authedErrors[401],
    429: authedErrors[429],
    503: authedErrors[503],
  },
});

const seekerSignIn = createRoute({
  method: 'post',
  path: '/v1/seeker/sessions',
  tags: ['sessions'],
  summary: '求職者のサインイン（求職者ID とパスフレーズ）',
  request: { body: { content: { 'application/json': { schema: SeekerSignInSchema } }, required: true } },
  responses: {
    201: json(TokenResponseSchema, 'トークン'),
    400: authedErrors[400],
    401: authedErrors[401],
    429: authedErrors[429],
    503: authedErrors[503],
  },
});

const seekerActivation = createRoute({
  method: 'post',
  path: '/v1/seeker/activation',
  tags: ['sessions'],
  summary: 'ハローワークで受け取った有効化コードで初回サインインし、パスフレーズを設定する',
  request: { body: { content: { 'application/json': { schema: ActivationSchema } }, required: true } },
  responses: {
    201: json(ActivationResultSchema, 'トークン'),
    400: authedErrors[400],
    401: authedErrors[401],
    409: authedErrors[400],
    429: authedErrors[429],
    503: authedErrors[503],
  },
});

const adminSignIn = createRoute({
  method: 'post',
  path: '/v1/admin/sessions',
  tags: ['sessions'],
  summary: '職員のサインイン',
  request: { body: { content: { 'application/json': { schema: AdminSignInSchema } }, required: true } },
  responses: { 201: json(TokenResponseSchema, 'トークン'), 400: authedErrors[400], 401: authedErrors[401], 429: authedErrors[429] },
});

const SessionListSchema = z.object({ items: z.array(SessionInfoSchema) });
const listSessions = createRoute({
  method: 'get',
  path: '/v1/me/sessions',
  tags: ['sessions'],
  summary: '自分のセッション一覧',
  security: bearer,
  middleware: [requireAnyRole],
  responses: { 200: json(SessionListSchema), ...authedErrors },
});
const endSession = createRoute({
  method: 'delete',
  path: '/v1/me/sessions/{id}',
  tags: ['sessions'],
  summary: 'セッションを終了する',
  security: bearer,
  middleware: [requireAnyRole],
  request: { params: z.object({ id: z.string().min(1).max(40) }) },
  responses: { 204: { description: '終了した' }, ...authedErrors },
});
const endAllSessions = createRoute({
  method: 'delete',
  path: '/v1/me/sessions',
  tags: ['sessions'],
  summary: 'すべてのセッションを終了する（全端末からサインアウト）',
  security: bearer,
  middleware: [requireAnyRole],
  responses: { 204: { description: '終了した' }, ...authedErrors },
});

function sessionInfo(rows: SessionRow[], currentId: string) {
  return rows.map((r) => ({
    id: r.id,
    createdAt: new Date(r.created_at).toISOString(),
    lastSeenAt: new Date(r.last_seen_at).toISOString(),
    expiresAt: new Date(r.expires_at).toISOString(),
    current: r.id === currentId,
    ...(r.label ? { userAgent: r.label } : {}),
  }));
}

const homeShard = (env: Env, profileId: string) => shardStub(env, profileHomePrefecture(profileId as ProfileId));

/** Who is asking: how to list and end their own sessions (an agency's are its seat's, R-ORG-2). */
function accountOf(c: {
  var: { agency?: { id: string }; seat?: { id: string }; seeker?: { profileId: string }; staff?: { id: string } };
  env: Env;
}): {
  list: (now: number) => Promise<SessionRow[]>;
  end: (id: string | null) => Promise<number>;
} {
  if (c.var.agency) {
    const stub = agencyStub(c.env, c.var.agency.id);
    const seat = c.var.seat!.id;
    return { list: (now) => stub.listSessions(seat, now), end: (id) => stub.endSessions(seat, id) };
  }
  if (c.var.seeker) {
    const stub = seekerStub(c.env, c.var.seeker.profileId);
    return { list: (now) => stub.listSessions(now), end: (id) => stub.endSessions(id) };
  }
  const staffId = c.var.staff!.id;
  return { list: (now) => registry(c.env).staffSessions(staffId, now), end: (id) => registry(c.env).endStaffSessions(staffId, id) };
}

/** Sign-in, activation and the user's own sessions (R-SEC-1, R-SEC-2). */
export const sessionRoutes = group()
  .openapi(agencySignIn, async (c) => {
    const { email, password } = c.req.valid('json');
    const key = email.trim().toLowerCase();
    const label = userAgent(c.req.header('user-agent'));
    const r = await throttledSignIn(
      c,
      {
        role: 'agency',
        key,
        wrong: 'アカウントID（メールアドレス）またはパスワードが正しくありません。',
        lookup: async () => {
          const agencyId = await registry(c.env).agencyIdByEmail(key);
          // R-ORG-2: the email names the seat as well as its organisation.
          const params = agencyId ? await agencyStub(c.env, agencyId).passwordParams({ email: key }) : null;
          return agencyId && params ? { accountId: agencyId, params } : null;
        },
        complete: (agencyId, candidate) => agencyStub(c.env, agencyId).signInWithHash(key, candidate, c.var.now.getTime(), label),
      },
      password,
    );
    return c.json(await tokenOut(c.env, r.token, r.expiresAt, 'agency', r.mustChange), 201);
  })
  .openapi(seekerSignIn, async (c) => {
    const { profileId, passphrase } = c.req.valid('json');
    const label = userAgent(c.req.header('user-agent'));
    const seeker = () => seekerStub(c.env, profileId);
    const r = await throttledSignIn(
      c,
      {
        role: 'seeker',
        key: profileId,
        wrong: '求職者IDまたはパスフレーズが正しくありません。',
        lookup: async () => {
          // R-SEC-8: the home shard says whether the account exists; a made-up ID never reaches a SeekerObject.
          if (!(await homeShard(c.env, profileId).hasSeekerAccount(profileId))) return null;
          const params = await seeker().passwordParams();
          return params ? { accountId: profileId, params } : null;
        },
        complete: (_id, candidate) => seeker().signInWithHash(candidate, c.var.now.getTime(), label),
      },
      passphrase,
    );
    return c.json(await tokenOut(c.env, r.token, r.expiresAt, 'seeker', r.mustChange), 201);
  })
  .openapi(seekerActivation, async (c) => {
    const { profileId, code, passphrase } = c.req.valid('json');
    const now = c.var.now.getTime();
    const g = await throttleGuard(c, accountKey('seeker', profileId)); // R-SEC-5: codes cannot be guessed either
    const r = unwrap(await activateSeeker(c.env, { profileId, code, passphrase }, now, g.fail, g.lane));
    await g.cleared(); // R-SEC-5: a new passphrase starts from a clean count, in this isolate's memo too
    return c.json({ ...(await tokenOut(c.env, r.token, r.expiresAt, 'seeker')), role: 'seeker' as const, profileId }, 201);
  })
  .openapi(adminSignIn, async (c) => {
    const body = c.req.valid('json');
    const now = c.var.now.getTime();
    if ('bootstrapToken' in body) {
      throw new ApiError('use_staff_creation', '初期トークンは POST /v1/admin/staff で最初の厚生労働省アカウントを作るときだけ使います。');
    }
    const reg = registry(c.env);
    const label = userAgent(c.req.header('user-agent'));
    const r = await throttledSignIn(
      c,
      {
        role: 'staff',
        key: body.email.trim().toLowerCase(),
        wrong: 'メールアドレスまたはパスワードが正しくありません。',
        lookup: () => reg.staffPasswordParams(body.email),
        complete: (staffId, candidate) => reg.staffSignInWithHash(staffId, candidate, now, label),
      },
      body.password,
    );
    const staff = unwrap(await reg.staffAuthenticate(r.token, now, Date.now())).staff;
    // R-SEC-4: staff sign-ins are audited.
    await reg.audit(now, staff.id, 'staff.sign_in', staff.id, null, {
      role: staff.role,
      ...(clientAddress(c) ? { address: clientAddress(c) } : {}),
    });
    return c.json(await tokenOut(c.env, r.token, r.expiresAt, staff.role, r.mustChange), 201);
  })
  .openapi(listSessions, async (c) => {
    const who = accountOf(c);
    const now = c.var.now.getTime();
    const rows = await who.list(now);
    return c.json({ items: sessionInfo(rows, c.var.sessionId) }, 200);
  })
  .openapi(endSession, async (c) => {
    const who = accountOf(c);
    const { id } = c.req.valid('param');
    const n = await who.end(id);
    if (!n) throw new ApiError('session_not_found', 'すでに終了したか、存在しないセッションです。');
    return c.body(null, 204);
  })
  .openapi(endAllSessions, async (c) => {
    const who = accountOf(c);
    await who.end(null);
    return c.body(null, 204);
  });
