import { describe, expect, it } from 'vitest';
import type { Announcement } from '../schemas/announcement';
import { announcementInForce, announcementsAt } from './announcements';

const at = (t: string) => new Date(`2035-06-12T${t}:00+09:00`);
function a(id: string, over: Partial<Announcement> = {}): Announcement {
  return {
    id,
    kind: 'maintenance',
    title: 't',
    reason: 'r',
    audience: { roles: ['agency', 'seeker'], agencyIds: null, routes: null },
    startsAt: at('13:00').toISOString(),
    endsAt: at('15:00').toISOString(),
    createdAt: at('09:00').toISOString(),
    createdBy: 'S1',
    cancelledAt: null,
    ...over,
  };
}
const agency = (path = '/v1/agency/feed', agencyId = 'A1') => ({ role: 'agency' as const, agencyId, path });

describe('announcementInForce', () => {
  it.each([
    ['12:59', null],
    ['13:00', 'M'],
    ['14:59', 'M'],
    ['15:00', null],
  ])('R-OPS-3 at %s JST the maintenance of 13:00–15:00 is %s', (t, expected) => {
    expect(announcementInForce([a('M')], at(t), agency())?.id ?? null).toBe(expected);
  });

  it('R-OPS-3 applies by role, agency and route prefix; a cancelled one never applies', () => {
    const scoped = a('R', { kind: 'restriction', audience: { roles: ['agency'], agencyIds: ['A1'], routes: ['/v1/agency/feed'] } });
    expect(announcementInForce([scoped], at('14:00'), agency('/v1/agency/feed/13-X'))?.id).toBe('R');
    expect(announcementInForce([scoped], at('14:00'), agency('/v1/agency/feeds'))).toBeNull();
    expect(announcementInForce([scoped], at('14:00'), agency('/v1/agency/quota'))).toBeNull();
    expect(announcementInForce([scoped], at('14:00'), agency('/v1/agency/feed', 'A2'))).toBeNull();
    expect(announcementInForce([scoped], at('14:00'), { role: 'seeker', agencyId: null, path: '/v1/seeker/blocks' })).toBeNull();
    expect(announcementInForce([a('C', { cancelledAt: at('12:00').toISOString() })], at('14:00'), agency())).toBeNull();
  });

  it('R-OPS-3 maintenance wins over a restriction, and the later end is the reopening time', () => {
    const list = [
      a('R', { kind: 'restriction', endsAt: at('18:00').toISOString() }),
      a('M1'),
      a('M2', { endsAt: at('16:00').toISOString() }),
    ];
    expect(announcementInForce(list, at('14:00'), agency())?.id).toBe('M2');
  });
});

describe('announcementsAt', () => {
  it('R-OPS-3 lists current and upcoming, leaves out ended ones and, publicly, those naming agencies', () => {
    const list = [
      a('NOW'),
      a('LATER', { startsAt: at('16:00').toISOString(), endsAt: at('17:00').toISOString() }),
      a('PAST', { startsAt: at('10:00').toISOString(), endsAt: at('11:00').toISOString() }),
      a('MINE', { audience: { roles: ['agency'], agencyIds: ['A1'], routes: null } }),
    ];
    const shown = announcementsAt(list, at('14:00'));
    expect(shown.current.map((x) => x.id)).toEqual(['NOW']);
    expect(shown.upcoming.map((x) => x.id)).toEqual(['LATER']);
    expect(announcementsAt(list, at('14:00'), 'A1').current.map((x) => x.id)).toEqual(['NOW', 'MINE']);
  });
});
