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
export function QuotaMeter({ quota, id = 'quota-meter' }: { quota: DailyQuota | null; id?: string }) {
  if (!quota) return <p class="quota quota-unknown">{t('quotaUnknown')}</p>;
  const full = quota.remaining === 0;
  const textId = id === 'quota-meter' ? 'quota-text' : `${id}-text`;
  return (
    <div class={`quota${full ? ' quota-full' : ''}`}>
      <label for={id}>{t('quotaLabel')}</label>{' '}
      <meter id={id} min={0} max={quota.limit} value={quota.used} high={quota.limit * 0.9} optimum={0} aria-describedby={textId} />{' '}
      <span id={textId}>
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
