import type { MiddlewareHandler } from 'hono';
import { maintenanceUntil } from '../../shared/rules';
import type { AppEnv } from '../lib/context';
import { ApiError } from '../lib/problem';

/**
 * R-OPS-1 (§16): agency and jobseeker routes answer 503 during the maintenance windows, with
 * Retry-After and the instant service reopens.
 */
export const maintenanceWindow: MiddlewareHandler<AppEnv> = async (c, next) => {
  const reopensAt = maintenanceUntil(c.var.now);
  if (reopensAt) {
    const seconds = Math.max(1, Math.ceil((reopensAt.getTime() - c.var.now.getTime()) / 1000));
    const jst = new Date(reopensAt.getTime() + 9 * 3600 * 1000);
    const label = `${jst.getUTCMonth() + 1}月${jst.getUTCDate()}日 ${String(jst.getUTCHours()).padStart(2, '0')}:${String(jst.getUTCMinutes()).padStart(2, '0')}`;
    throw new ApiError(503, 'maintenance', 'ただいまメンテナンス中です',
      `システムメンテナンスのため、${label}（日本時間）までご利用いただけません。`,
      { reopensAt: reopensAt.toISOString(), retryAfter: seconds }, { 'Retry-After': String(seconds) });
  }
  await next();
};
