import { jstDate } from '../../shared/rules/time';
import { db } from '../utils/db';
import { t } from '../utils/i18n';
import type { AccountKey } from '../utils/session';
import { formatDate } from '../utils/time';
import { useLiveQuery } from './live-query';

/**
 * The bureau's request to submit a missing usage report (R-REP-3, 提出依頼), as a banner until the
 * last day before the automatic suspension.
 *
 * @example
 * <ReportRequestBanner account={account} now={now} />
 */
export function ReportRequestBanner({ account, now }: { account: AccountKey; now: Date }) {
  const today = jstDate(now);
  const requests = useLiveQuery(
    async () =>
      (await db.events.where('account').equals(account).toArray()).filter(
        (e) => e.type === 'report_request' && (e.notice?.graceLastDay ?? '') >= today,
      ),
    [account, today],
    [],
  );
  if (requests.length === 0) return null;
  return (
    <div class="banners">
      {requests.map((e) => (
        <div class="banner banner-suspended" role="alert" key={e.id}>
          <strong>{t('bannerReportRequestTitle')}</strong>{' '}
          {t(
            'eventReportRequest',
            e.notice?.bureau ?? '',
            e.notice?.fiscalYear ?? '',
            e.notice?.graceLastDay ? formatDate(e.notice.graceLastDay) : '',
          )}
          <span class="block">{t('bannerReportRequestDone')}</span>
        </div>
      ))}
    </div>
  );
}
