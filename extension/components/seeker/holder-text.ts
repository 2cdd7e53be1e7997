/**
 * What the jobseeker reads about one agency that received their information, in plain words:
 * the deadline with the days left, what became of the agency's copy and why, and whether the
 * agency's extension confirmed deleting its own copy. Pure over the worker's answer and its `asOf`.
 */
import { jstDate } from '../../../shared/rules/time';
import type { DataHolder } from '../../../shared/schemas/transparency';
import { t, type MessageKey } from '../../utils/i18n';
import { formatDate, formatJstDateTime } from '../../utils/time';

const DAY_MS = 24 * 60 * 60 * 1000;

const utcDay = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));

/**
 * Whole days from the Japan-time day of `asOf` to `deadline`: 0 on the deadline itself (the last
 * day the agency may keep the data), negative once it has passed.
 *
 * @example
 * daysUntil('2027-01-31', '2027-01-31T14:59:59.000Z'); // 0  (23:59 in Japan)
 * daysUntil('2027-01-31', '2027-01-31T15:00:00.000Z'); // -1 (1 February in Japan)
 */
export function daysUntil(deadline: string, asOf: string): number {
  return Math.round((utcDay(deadline) - utcDay(jstDate(new Date(asOf)))) / DAY_MS);
}

/**
 * The retention deadline that applies (R-RET-1, or R-RET-2 after 求職受理), with the days left
 * while the agency still holds the data.
 *
 * @example
 * deadlineText(holder, '2026-11-27T03:00:00.000Z'); // '保存できるのは2027年1月31日まで（あと65日）'
 */
export function deadlineText(holder: DataHolder, asOf: string): string {
  const deadline = holder.retentionDeadline;
  if (!deadline) return t('seekerHolderDeadlineNone');
  const date = formatDate(deadline);
  if (holder.copy.state !== 'held') return t('seekerHolderDeadline', date);
  const days = daysUntil(deadline, asOf);
  if (days > 0) return t('seekerHolderDeadlineDaysLeft', date, days);
  return days === 0 ? t('seekerHolderDeadlineToday', date) : t('seekerHolderDeadlinePassed', date);
}

/** Why the worker deleted the agency's copy, by the rule it recorded. */
const REASONS: Record<string, MessageKey> = {
  'R-RET-1': 'seekerHolderReasonRetention',
  'R-RET-2': 'seekerHolderReasonRetention',
  'R-BLOCK-2': 'seekerHolderReasonBlock',
  'R-DEL-1': 'seekerHolderReasonRequest',
  'R-RET-3': 'seekerHolderReasonStopped',
};

/**
 * Whether the agency still holds the data; once deleted, why and when (R-RET-1/2/3, R-BLOCK-2,
 * R-DEL-1), then whether its extension confirmed deleting the copy it kept.
 *
 * @example
 * copyText(holder); // ['あなたが削除を頼んだため、2026年11月27日 12:00に削除されました。', '事業者の端末に残っている写しの削除は、まだ確認できていません（…）。']
 */
export function copyText(holder: DataHolder): string[] {
  const { copy } = holder;
  if (copy.state === 'held') return [t('seekerHolderHeld')];
  const reason = copy.rule ? REASONS[copy.rule] : undefined;
  const when = copy.deletedAt ? formatJstDateTime(copy.deletedAt) : null;
  const deleted =
    when && reason ? t('seekerHolderDeletedBecause', t(reason), when) : when ? t('seekerHolderDeletedAt', when) : t('seekerHolderDeleted');
  const device = copy.extensionDeletedAt
    ? t('seekerHolderDeviceDeleted', formatJstDateTime(copy.extensionDeletedAt))
    : t('seekerHolderDevicePending');
  return [deleted, device];
}

/** The agency's standing when it no longer uses the service (R-RET-3), or `null` while active. */
export function agencyStatusText(holder: DataHolder): string | null {
  switch (holder.agencyStatus) {
    case 'suspended':
      return t('seekerHolderSuspended');
    case 'revoked':
      return t('seekerHolderRevoked');
    case 'withdrawn':
      return t('seekerHolderWithdrawn');
    default:
      return null;
  }
}

/**
 * When the agency received the data: the current acquisition, and the first one when it differs
 * (or only the first, after a lifted block removed the acquisition, R-BLOCK-3).
 *
 * @example
 * receivedText(holder); // '2026年11月27日'
 */
export function receivedText(holder: DataHolder): string {
  const first = formatDate(holder.firstAcquiredOn);
  if (!holder.acquiredOn || holder.acquiredOn === holder.firstAcquiredOn) return first;
  return t('seekerHolderReceivedAgain', formatDate(holder.acquiredOn), first);
}

/**
 * Whether the agency recorded 求職受理 (R-RET-2), and on which day.
 *
 * @example
 * acceptedText(holder); // '記録はありません'
 */
export function acceptedText(holder: DataHolder): string {
  return holder.acceptedOn ? t('seekerHolderAcceptedOn', formatDate(holder.acceptedOn)) : t('seekerHolderNotAccepted');
}
