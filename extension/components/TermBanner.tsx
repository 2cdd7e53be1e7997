import { jstDate } from '../../shared/rules/time';
import { termNotice } from '../../shared/rules/service-term';
import type { AgencyAccount } from '../../shared/schemas/agency-account';
import { t } from '../utils/i18n';
import { formatDate } from '../utils/time';

/**
 * The jobseeker service's term and the licence's expiry (R-TERM-1): always shown as a line under
 * the agency's name, and as a banner from 30 days before the term's last day (file the renewal)
 * and after it (the service stopped and its data was deleted). Plain text only.
 *
 * @example
 * <TermBanner agency={me} now={now} />
 */
export function TermBanner({ agency, now }: { agency: AgencyAccount | null; now: Date }) {
  const term = agency?.term;
  if (!term || agency?.status === 'revoked' || agency?.status === 'withdrawn') return null;
  const today = jstDate(now);
  const notice = termNotice(term.endsOn, today);
  const licence = termNotice(term.licenceExpiresOn, today);
  return (
    <div class="banners">
      <p class="term-line" role="status">
        {t('termLabel')}: {formatDate(term.endsOn)}
        {term.licenceExpiresOn && ` ・ ${t('licenceExpiryLabel')}: ${formatDate(term.licenceExpiresOn)}`}
      </p>
      {notice === 'ending' && (
        <div class="banner banner-maintenance" role="alert">
          <strong>{t('bannerTermEndingTitle')}</strong> {t('eventTermReminder', formatDate(term.endsOn))}
        </div>
      )}
      {notice === 'ended' && (
        <div class="banner banner-suspended" role="alert">
          <strong>{t('bannerTermEndedTitle')}</strong> {t('refusalTermExpired', formatDate(term.endsOn))}
        </div>
      )}
      {licence === 'ending' && term.licenceExpiresOn && (
        <div class="banner banner-maintenance" role="alert">
          {t('eventLicenceReminder', formatDate(term.licenceExpiresOn))}
        </div>
      )}
    </div>
  );
}
