import { maintenanceUntil } from '../../shared/rules/deadlines';
import type { AgencyAccount } from '../../shared/schemas/agency-account';
import { t } from '../utils/i18n';
import { formatDate, formatJstDateTime } from '../utils/time';

/**
 * Banners for what stops work: a maintenance window now (R-OPS-1, with when service returns),
 * and the agency's suspension (停止中, with its reason and end — or, until corrected, where to answer
 * the correction request, R-COR-1), revocation or withdrawal (R-SAN-2).
 * While stopped the extension keeps no jobseeker data (R-RET-3), and the banner says so.
 *
 * @example
 * <StatusBanner agency={me} now={now} />
 */
export function StatusBanner({ agency, now }: { agency: AgencyAccount | null; now: Date }) {
  const reopensAt = maintenanceUntil(now);
  const banners = [];
  if (reopensAt) {
    banners.push(
      <div class="banner banner-maintenance" role="status" key="maintenance">
        <strong>{t('bannerMaintenanceTitle')}</strong> {t('bannerMaintenance', formatJstDateTime(reopensAt))}
      </div>,
    );
  }
  if (agency?.status === 'suspended') {
    const s = agency.suspension;
    banners.push(
      <div class="banner banner-suspended" role="alert" key="suspended">
        <strong>{t('bannerSuspendedTitle')}</strong>{' '}
        {s?.endsOn
          ? t('bannerSuspendedUntil', formatDate(s.endsOn))
          : s?.kind === 'until_corrected'
            ? t('bannerSuspendedUntilCorrected')
            : t('bannerSuspended')}
        {s?.reason && <span class="block">{t('bannerReason', s.reason)}</span>}
        <span class="block">{t('bannerDataDeleted')}</span>
      </div>,
    );
  } else if (agency?.status === 'revoked') {
    banners.push(
      <div class="banner banner-revoked" role="alert" key="revoked">
        <strong>{t('bannerRevokedTitle')}</strong> {agency.revokedOn ? t('bannerRevokedOn', formatDate(agency.revokedOn)) : ''}
        <span class="block">{t('bannerDataDeleted')}</span>
      </div>,
    );
  } else if (agency?.status === 'withdrawn') {
    banners.push(
      <div class="banner banner-withdrawn" role="alert" key="withdrawn">
        <strong>{t('bannerWithdrawnTitle')}</strong> {agency.withdrawnOn ? t('bannerWithdrawnOn', formatDate(agency.withdrawnOn)) : ''}
        <span class="block">{t('bannerDataDeleted')}</span>
      </div>,
    );
  }
  return banners.length ? <div class="banners">{banners}</div> : null;
}
