import { useEffect, useState } from 'preact/hooks';
import type { Announcement, AnnouncementList } from '../../shared/schemas/announcement';
import { fetchAnnouncements } from '../utils/announcements';
import { t, type MessageKey } from '../utils/i18n';
import { formatJstDateTime } from '../utils/time';

const KIND: Record<Announcement['kind'], MessageKey> = {
  maintenance: 'announcementKindMaintenance',
  restriction: 'announcementKindRestriction',
  emergency_maintenance: 'announcementKindEmergency',
};

/** How often the list is read again while a screen stays open. */
const REFRESH_MS = 5 * 60_000;

/**
 * Announced maintenance and restrictions (R-OPS-3): those in force and those coming, with their
 * period in Japan time and the reason, shown ahead of time in the dashboard and the popup. Shows
 * nothing when there is nothing to announce or the worker cannot be reached. Plain text only.
 *
 * @example
 * <Announcements baseUrl={workerUrl} />
 */
export function Announcements({
  baseUrl,
  fetcher,
  load = (url) => fetchAnnouncements(url, fetcher),
}: {
  baseUrl: string | null;
  /** The page's `fetch`, or the one a test hands in. */
  fetcher?: typeof fetch;
  load?: (baseUrl: string) => Promise<AnnouncementList>;
}) {
  const [list, setList] = useState<AnnouncementList | null>(null);
  useEffect(() => {
    if (!baseUrl) return;
    let live = true;
    const read = () =>
      load(baseUrl).then(
        (l) => live && setList(l),
        () => undefined,
      );
    void read();
    const timer = setInterval(read, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [baseUrl]);
  const items = list ? [...list.current.map((a) => ({ a, now: true })), ...list.upcoming.map((a) => ({ a, now: false }))] : [];
  if (items.length === 0) return null;
  return (
    <section class="announcements" aria-label={t('announcementsTitle')}>
      <h2 class="announcements-title">{t('announcementsTitle')}</h2>
      <ul>
        {items.map(({ a, now }) => (
          <li key={a.id} class={now ? 'announcement announcement-now' : 'announcement'}>
            <strong>
              {t(now ? 'announcementNow' : 'announcementPlanned')}・{t(KIND[a.kind])}: {a.title}
            </strong>
            <span class="block">
              {a.kind === 'emergency_maintenance'
                ? t('announcementExpectedEnd', formatJstDateTime(a.endsAt))
                : t('announcementPeriod', formatJstDateTime(a.startsAt), formatJstDateTime(a.endsAt))}
            </span>
            <span class="block">{a.reason}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
