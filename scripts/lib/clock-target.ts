/**
 * Where `npm run clock -- <target>` moves the worker's clock (T-5, outside production only).
 */
import { maintenanceUntil } from '../../shared/rules';

/** What the clock route is asked: an instant (ISO with offset), or `null` for the real clock. */
export type ClockTarget = { at: string | null; note: string; unchanged?: true };

/**
 * Resolves a target against the worker's current time:
 * - `now`: back to the real clock;
 * - `next-service-hours`: when the worker's time is inside a maintenance window (R-OPS-1), the
 *   moment service reopens; otherwise nothing changes (the clock never moves backwards);
 * - an ISO date-time (`2026-12-01T10:00`, read as Japan time when it has no offset).
 * Returns a reason in Japanese when the target cannot be read.
 *
 * @example
 * resolveClockTarget('next-service-hours', new Date('2026-11-30T14:07:00Z')); // { at: '2026-11-30T21:00:00.000Z', … }
 */
export function resolveClockTarget(target: string, workerNow: Date): ClockTarget | { error: string } {
  const value = target.trim();
  if (value === 'now') return { at: null, note: '実際の時刻に戻します / back to the real clock' };
  if (value === 'next-service-hours') {
    const reopensAt = maintenanceUntil(workerNow);
    if (!reopensAt) return { at: workerNow.toISOString(), note: 'すでに受付時間内です（時計はそのまま） / already inside service hours; clock unchanged', unchanged: true };
    return { at: reopensAt.toISOString(), note: 'メンテナンス明けに進めます / to the end of the maintenance window' };
  }
  const withZone = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(value)
    ? `${value.length === 10 ? `${value}T10:00:00` : value}+09:00`
    : value;
  const ms = Date.parse(withZone);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || !Number.isFinite(ms)) {
    return { error: `「${target}」は日時として読めません。例: 2026-12-01T10:00（日本時間）、now、next-service-hours` };
  }
  return { at: new Date(ms).toISOString(), note: '指定の日時に動かします / to the given time' };
}
