import { maintenanceUntil } from '../../shared/rules/deadlines';
import { termEnded } from '../../shared/rules/service-term';
import { jstDate } from '../../shared/rules/time';
import type { AgencyAccount } from '../../shared/schemas/agency-account';
import { t } from './i18n';
import { formatDate, formatJstDateTime } from './time';

/**
 * Why sending is not possible right now, or `null`: a maintenance window (R-OPS-1, with the
 * reopening time — nothing is queued), a stopped agency (R-SAN-2), the day's cap already reached
 * (R-CAP-1, with the reset time).
 *
 * @example
 * sendBlockedReason(me, quota, new Date());
 */
export function sendBlockedReason(
  agency: AgencyAccount | null | undefined,
  quota: { remaining: number; resetsAt: string } | null | undefined,
  now: Date,
): string | null {
  const reopensAt = maintenanceUntil(now);
  if (reopensAt) return t('sendBlockedMaintenance', formatJstDateTime(reopensAt));
  if (agency && agency.status !== 'active') return t('sendBlockedStopped');
  // R-TERM-1: the day after the term's last day the jobseeker service has stopped.
  if (agency?.term && termEnded(agency.term.endsOn, jstDate(now))) return t('refusalTermExpired', formatDate(agency.term.endsOn));
  if (quota && quota.remaining === 0 && new Date(quota.resetsAt).getTime() > now.getTime())
    return t('sendBlockedCap', formatJstDateTime(quota.resetsAt));
  return null;
}
