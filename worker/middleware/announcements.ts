import type { MiddlewareHandler } from 'hono';
import { announcementInForce, formatJstDateTime } from '../../shared/rules';
import { announcements } from '../lib/bulletin';
import type { AppEnv } from '../lib/context';
import { ApiError } from '../lib/problem';
import { openToken } from '../lib/tokens';

/**
 * R-OPS-3 (§11, §16): an announced maintenance or restriction closes the routes it names when it
 * starts and opens them when it ends. Maintenance answers 503, a restriction 429; both with
 * Retry-After and the instant service reopens. The agency is read from its token only to decide
 * whether an agency-specific announcement applies; the token is checked later as usual.
 */
export function announcedClosures(role: 'agency' | 'seeker'): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const list = await announcements(c.env, c.var.now.getTime());
    if (list.length === 0) return next();
    const token = await openToken(c.env, c.req.header('authorization')); // R-SEC-8: a sealed token, MAC checked
    const agencyId = role === 'agency' && token?.role === 'agency' ? token.accountId : null;
    const closing = announcementInForce(list, c.var.now, { role, agencyId, path: c.req.path });
    if (!closing) return next();
    const reopensAt = new Date(closing.endsAt);
    const seconds = Math.max(1, Math.ceil((reopensAt.getTime() - c.var.now.getTime()) / 1000));
    const until = `${formatJstDateTime(reopensAt)}（日本時間）`;
    const extras = { reopensAt: closing.endsAt, retryAfter: seconds, announcementId: closing.id, reason: closing.reason };
    const headers = { 'Retry-After': String(seconds) };
    if (closing.kind === 'restriction') {
      throw new ApiError(
        'access_restricted',
        `${closing.title}: ${closing.reason} ${until}まで、この機能はご利用いただけません（利用規約§11）。`,
        extras,
        {},
        headers,
      );
    }
    const label = closing.kind === 'emergency_maintenance' ? '緊急メンテナンス' : 'メンテナンス';
    const end = closing.kind === 'emergency_maintenance' ? `${until}ごろの再開を見込んでいます` : `${until}に再開します`;
    throw new ApiError(
      'maintenance',
      `${closing.title}: ${closing.reason} ${end}（利用規約§16）。`,
      extras,
      { title: `ただいま${label}中です` },
      headers,
    );
  };
}
