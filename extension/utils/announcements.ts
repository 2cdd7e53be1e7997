/**
 * Announced maintenance and access restrictions (R-OPS-3), read from the worker's public list so
 * the dashboard and the popup can show them before they start.
 */
import type { AnnouncementList } from '../../shared/schemas/announcement';
import { arr, nullable, obj, oneOf, str } from './shape';
import { invalidResponseProblem, networkProblem, problemFromResponse } from './problem';

const announcement = obj({
  id: str,
  kind: oneOf('maintenance', 'restriction', 'emergency_maintenance'),
  title: str,
  reason: str,
  audience: obj({ roles: arr(oneOf('agency', 'seeker')), agencyIds: nullable(arr(str)), routes: nullable(arr(str)) }),
  startsAt: str,
  endsAt: str,
  cancelledAt: nullable(str),
});

/**
 * `AnnouncementListSchema`'s members the screens read, checked with the plain checks of
 * `shape.ts` so the jobseeker's popup, which shows announcements too, does not load zod (R-OPS-3).
 */
const AnnouncementListShape = obj({ current: arr(announcement), upcoming: arr(announcement) });

/**
 * `GET /v1/public/announcements`: what is in force and what is coming, soonest first.
 *
 * @example const { current, upcoming } = await fetchAnnouncements('http://127.0.0.1:8787');
 */
export async function fetchAnnouncements(baseUrl: string, fetcher: typeof fetch = (i, init) => fetch(i, init)): Promise<AnnouncementList> {
  let res: Response;
  try {
    res = await fetcher(`${baseUrl.replace(/\/$/, '')}/v1/public/announcements`);
  } catch {
    throw networkProblem();
  }
  if (!res.ok) throw await problemFromResponse(res);
  const body: unknown = await res.json().catch(() => null);
  if (!AnnouncementListShape(body)) throw invalidResponseProblem(res.status);
  return body as AnnouncementList;
}
