import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../lib/context';
import type { AgencyPrincipal, SeekerPrincipal, StaffPrincipal } from '../lib/records';
import { ApiError, refusalError, unwrap, type Refusal } from '../lib/problem';
import type { Role } from '../lib/sessions';
import { openToken } from '../lib/tokens';
import { agencyStub, registryStub, seekerStub } from '../lib/stubs';

function unauthenticated(): ApiError {
  return new ApiError(
    'unauthenticated',
    '有効なトークンを Authorization: Bearer で送ってください。',
    {},
    {},
    { 'WWW-Authenticate': 'Bearer' },
  );
}

function wrongRole(): ApiError {
  return new ApiError('wrong_role', 'このアカウントの種類では利用できない機能です。');
}

function rethrow(r: Refusal): never {
  throw refusalError(r);
}

/**
 * Authenticates the bearer token of one role: its MAC first, without touching storage (R-SEC-8),
 * then its session at the account's own object (R-SEC-2), which applies the rate limit (R-OPS-2). Sets `agency`, `seeker` or `staff`, and `sessionId`.
 *
 * @example app.use('/v1/agency/*', requireRole('agency'));
 */
export function requireRole(role: Role): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const parsed = await openToken(c.env, c.req.header('authorization'));
    if (!parsed) throw unauthenticated();
    if (parsed.role !== role) throw wrongRole();
    // R-SEC-6: a session opened while a password change is required may only change it or sign out.
    if (
      parsed.restricted &&
      !(c.req.path === '/v1/me/password' || (c.req.method === 'DELETE' && c.req.path.startsWith('/v1/me/sessions')))
    ) {
      throw new ApiError(
        'password_change_required',
        '不正利用の疑いが報告されたため、パスワードを変更するまで他の操作はできません。PUT /v1/me/password で変更してください。',
        {},
        { status: 403, title: 'パスワードの変更が必要です' },
      );
    }
    c.set('restricted', parsed.restricted);
    const now = c.var.now.getTime();
    const wall = Date.now();
    if (role === 'agency') {
      const r = (await agencyStub(c.env, parsed.accountId).authenticate(parsed.token, now, wall)) as AgencyPrincipal | Refusal;
      if (!r.ok) rethrow(r);
      c.set('agency', r.agency);
      c.set('seat', r.seat);
      c.set('sessionId', r.sessionId);
    } else if (role === 'seeker') {
      const r = (await seekerStub(c.env, parsed.accountId).authenticate(parsed.token, now, wall)) as SeekerPrincipal | Refusal;
      if (!r.ok) rethrow(r);
      c.set('seeker', r.seeker);
      c.set('sessionId', r.sessionId);
    } else {
      const r = (await registry(c.env).staffAuthenticate(parsed.token, now, wall)) as StaffPrincipal | Refusal;
      if (!r.ok) rethrow(r);
      c.set('staff', r.staff);
      c.set('sessionId', r.sessionId);
    }
    await next();
  };
}

/** The one Registry object. */
export function registry(env: Env) {
  return registryStub(env);
}

/** Any signed-in role, for `/v1/me/*`. */
export const requireAnyRole: MiddlewareHandler<AppEnv> = async (c, next) => {
  const parsed = await openToken(c.env, c.req.header('authorization'));
  if (!parsed) throw unauthenticated();
  return requireRole(parsed.role)(c, next);
};

export { unwrap };
