import type { DailyQuota } from '../../shared/schemas/quota';
import { t } from '../utils/i18n';
import { formatJstDateTime } from '../utils/time';

/**
 * Messages sent today of the daily cap (R-CAP-1), with the time the count resets, as a
 * `<meter>` with a text equivalent.
 *
 * @example
 * <QuotaMeter quota={quota} />
 */
export function QuotaMeter({ quota }: { quota: DailyQuota | null }) {
  if (!quota) return <p class="quota quota-unknown">{t('quotaUnknown')}</p>;
  const full = quota.remaining === 0;
  return (
    <div class={`quota${full ? ' quota-full' : ''}`}>
      <label for="quota-meter">{t('quotaLabel')}</label>{' '}
      <meter id="quota-meter" min={0} max={quota.limit} value={quota.used} high={quota.limit * 0.9} optimum={0} aria-describedby="quota-text" />{' '}
      <span id="quota-text">
        {t('quotaUsed', quota.used, quota.limit)} {t('quotaResets', formatJstDateTime(quota.resetsAt))}
      </span>
      {/* R-ORG-2: the organisation's count, by the seat that sent (names as plain text). */}
      {quota.bySeat && quota.bySeat.length > 1 && (
        <ul class="quota-by-seat">
          {quota.bySeat.map((u) => (
            <li key={u.seat.id}>{t('quotaBySeat', u.seat.name, u.used)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
