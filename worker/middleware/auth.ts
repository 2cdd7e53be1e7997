import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../lib/context';
import type { AgencyPrincipal, SeekerPrincipal, StaffPrincipal } from '../lib/records';
import { ApiError, unwrap, type Refusal } from '../lib/problem';
import { parseToken, type Role } from '../lib/sessions';

function unauthenticated(): ApiError {
  return new ApiError(401, 'unauthenticated', 'サインインが必要です', '有効なトークンを Authorization: Bearer で送ってください。', {}, { 'WWW-Authenticate': 'Bearer' });
}

function wrongRole(): ApiError {
  return new ApiError(403, 'wrong_role', 'この操作はできません', 'このアカウントの種類では利用できない機能です。');
}

function rethrow(r: Refusal): never {
  const headers: Record<string, string> = {};
  if (typeof r.extras?.retryAfter === 'number') headers['Retry-After'] = String(r.extras.retryAfter);
  if (r.status === 401) headers['WWW-Authenticate'] = 'Bearer';
  throw new ApiError(r.status, r.code, r.title, r.detail, r.extras ?? {}, headers);
}

/**
 * Authenticates the bearer token of one role at the account's own object (R-SEC-2) and applies
 * its rate limit (R-OPS-2). Sets `agency`, `seeker` or `staff`, and `sessionId`.
 *
 * @example app.use('/v1/agency/*', requireRole('agency'));
 */
export function requireRole(role: Role): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const parsed = parseToken(c.req.header('authorization'));
    if (!parsed) throw unauthenticated();
    if (parsed.role !== role) throw wrongRole();
    const now = c.var.now.getTime();
    const wall = Date.now();
    if (role === 'agency') {
      const r = (await c.env.AGENCY.get(c.env.AGENCY.idFromName(parsed.accountId)).authenticate(parsed.token, now, wall)) as AgencyPrincipal | Refusal;
      if (!r.ok) rethrow(r);
      c.set('agency', r.agency);
      c.set('seat', r.seat);
      c.set('sessionId', r.sessionId);
    } else if (role === 'seeker') {
      const r = (await c.env.SEEKER.get(c.env.SEEKER.idFromName(parsed.accountId)).authenticate(parsed.token, now, wall)) as SeekerPrincipal | Refusal;
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
  return env.REGISTRY.get(env.REGISTRY.idFromName('registry'));
}

/** Any signed-in role, for `/v1/me/*`. */
export const requireAnyRole: MiddlewareHandler<AppEnv> = async (c, next) => {
  const parsed = parseToken(c.req.header('authorization'));
  if (!parsed) throw unauthenticated();
  return requireRole(parsed.role)(c, next);
};

export { unwrap };
