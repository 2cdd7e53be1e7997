import type { MiddlewareHandler } from 'hono';
import { jstDateTimeParts, maintenanceUntil } from '../../shared/rules';
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
    const jst = jstDateTimeParts(reopensAt);
    const label = `${jst.month}月${jst.day}日 ${String(jst.hour).padStart(2, '0')}:${String(jst.minute).padStart(2, '0')}`;
    throw new ApiError(
      'maintenance',
      `システムメンテナンスのため、${label}（日本時間）までご利用いただけません。`,
      { reopensAt: reopensAt.toISOString(), retryAfter: seconds },
      {},
      { 'Retry-After': String(seconds) },
    );
  }
  await next();
};
