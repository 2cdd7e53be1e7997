import type { Announcement } from '../schemas/announcement';

/** Who is asking, for deciding whether an announcement applies (R-OPS-3). */
export type AnnouncementRequester = {
  role: 'agency' | 'seeker';
  /** The agency's ID for agency requests (from its token), else null. */
  agencyId: string | null;
  /** The request's path, e.g. `/v1/agency/feed`. */
  path: string;
};

/** Not cancelled and `now` lies in [startsAt, endsAt). */
export function isInForce(a: Announcement, now: Date): boolean {
  const t = now.getTime();
  return a.cancelledAt === null && Date.parse(a.startsAt) <= t && t < Date.parse(a.endsAt);
}

/** Not cancelled and not started yet: shown ahead of time (§11 「通知した上で」). */
export function isUpcoming(a: Announcement, now: Date): boolean {
  return a.cancelledAt === null && Date.parse(a.startsAt) > now.getTime();
}

/** Whether an announcement's audience covers this request. */
export function appliesTo(a: Announcement, who: AnnouncementRequester): boolean {
  if (!a.audience.roles.includes(who.role)) return false;
  if (a.audience.agencyIds !== null && (who.role !== 'agency' || !who.agencyId || !a.audience.agencyIds.includes(who.agencyId)))
    return false;
  if (a.audience.routes !== null && !a.audience.routes.some((r) => who.path === r || who.path.startsWith(r.endsWith('/') ? r : `${r}/`)))
    return false;
  return true;
}

/**
 * The announcement that closes this request at `now`, or null (R-OPS-3). Maintenance (503) wins
 * over a restriction (429); among several, the one that ends last, so the reopening time given is
 * never too early.
 *
 * @example
 * announcementInForce(list, now, { role: 'agency', agencyId: 'A1', path: '/v1/agency/feed' });
 */
export function announcementInForce(list: readonly Announcement[], now: Date, who: AnnouncementRequester): Announcement | null {
  let best: Announcement | null = null;
  for (const a of list) {
    if (!isInForce(a, now) || !appliesTo(a, who)) continue;
    if (!best) best = a;
    else {
      const aClosed = a.kind !== 'restriction';
      const bestClosed = best.kind !== 'restriction';
      if ((aClosed && !bestClosed) || (aClosed === bestClosed && Date.parse(a.endsAt) > Date.parse(best.endsAt))) best = a;
    }
  }
  return best;
}

/**
 * What the public list shows at `now`: in force, and upcoming, each soonest first. Announcements
 * that name agencies are left out of the public list (an agency's restriction is its own business)
 * unless `agencyId` is that agency.
 */
export function announcementsAt(
  list: readonly Announcement[],
  now: Date,
  agencyId: string | null = null,
): { current: Announcement[]; upcoming: Announcement[] } {
  const visible = list.filter((a) => a.audience.agencyIds === null || (agencyId !== null && a.audience.agencyIds.includes(agencyId)));
  const byStart = (x: Announcement, y: Announcement) => Date.parse(x.startsAt) - Date.parse(y.startsAt);
  return {
    current: visible.filter((a) => isInForce(a, now)).sort(byStart),
    upcoming: visible.filter((a) => isUpcoming(a, now)).sort(byStart),
  };
}
