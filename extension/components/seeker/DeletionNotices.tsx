import { useEffect } from 'preact/hooks';
import type { DeletionRequest } from '../../../shared/schemas/message';
import { t } from '../../utils/i18n';
import { formatJstDateTime } from '../../utils/time';

/** How often the popup looks again while a deletion request waits for the agency (R-DEL-2). */
export const DELETION_REFRESH_MS = 60_000;

/**
 * The notices a deletion request brought (R-DEL-2), oldest first: the server-side access removed,
 * the agency's confirmation, or that it has not confirmed within 24 hours. Plain text, with when.
 *
 * @example
 * <DeletionNotices request={r} />
 */
export function DeletionNotices({ request }: { request: DeletionRequest }) {
  const notices = request.notices ?? [];
  if (notices.length === 0) return null;
  return (
    <ol class="deletion-notices" aria-label={t('seekerDeletionNoticesLabel')}>
      {notices.map((n) => (
        <li key={n.kind} class={n.kind === 'not_confirmed' ? 'notice-warning' : undefined}>
          <time dateTime={n.at}>{formatJstDateTime(n.at)}</time> {n.text}
        </li>
      ))}
    </ol>
  );
}

/**
 * Reloads every minute while a request is still `requested`, so its next notice shows as it comes
 * without reopening the popup; stops once every request is done.
 */
export function useRefreshWhilePending(items: DeletionRequest[], reload: () => Promise<void>): void {
  const waiting = items.some((r) => r.state === 'requested');
  useEffect(() => {
    if (!waiting) return undefined;
    const timer = setInterval(() => void reload(), DELETION_REFRESH_MS);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [waiting]);
}
