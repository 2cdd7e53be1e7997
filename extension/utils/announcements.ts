/**
 * Announced maintenance and access restrictions (R-OPS-3), read from the worker's public list so
 * the dashboard and the popup can show them before they start.
 */
import { AnnouncementListSchema, type AnnouncementList } from '../../shared/schemas/announcement';
import { invalidResponseProblem, networkProblem, problemFromResponse } from './problem';

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
  const parsed = AnnouncementListSchema.safeParse(await res.json().catch(() => null));
  if (!parsed.success) throw invalidResponseProblem(res.status);
  return parsed.data;
}
