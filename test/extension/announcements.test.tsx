/**
 * Announced maintenance and restrictions in the dashboard and the popup (R-OPS-3): shown ahead of
 * time, in Japan time, as plain text.
 */
import { describe, expect, it } from 'vitest';
import { Announcements } from '../../extension/components/Announcements';
import type { Announcement, AnnouncementList } from '../../shared/schemas/announcement';
import { mount } from './dom';

function item(over: Partial<Announcement>): Announcement {
  return {
    id: 'N1',
    kind: 'maintenance',
    title: 'システム更新',
    reason: 'サーバーの更新作業のため',
    audience: { roles: ['agency', 'seeker'], agencyIds: null, routes: null },
    startsAt: '2035-06-12T04:00:00.000Z',
    endsAt: '2035-06-12T06:00:00.000Z',
    createdAt: '2035-06-10T01:00:00.000Z',
    createdBy: 'S1',
    cancelledAt: null,
    ...over,
  };
}

describe('Announcements', () => {
  it('R-OPS-3 shows what is coming before it starts, and what is in force, with the period in Japan time and the reason', async () => {
    const list: AnnouncementList = {
      current: [
        item({
          id: 'E1',
          kind: 'emergency_maintenance',
          title: '緊急メンテナンス',
          reason: '<b>障害</b>の復旧作業のため',
          endsAt: '2035-06-12T03:30:00.000Z',
        }),
      ],
      upcoming: [item({})],
    };
    const root = await mount(<Announcements baseUrl="http://worker.test" load={async () => list} />);
    const region = root.querySelector('section[aria-label="メンテナンス・利用制限のお知らせ"]');
    expect(region).not.toBeNull();
    const text = region!.textContent ?? '';
    expect(text).toContain('実施中・緊急メンテナンス: 緊急メンテナンス');
    expect(text).toContain('2035年6月12日 12:30（日本時間）ごろ再開の見込み');
    expect(text).toContain('予定・メンテナンス: システム更新');
    expect(text).toContain('2035年6月12日 13:00 〜 2035年6月12日 15:00（日本時間）');
    // Plain text, never HTML.
    expect(region!.querySelector('b')).toBeNull();
    expect(text).toContain('<b>障害</b>');
  });

  it('R-OPS-3 shows nothing when nothing is announced or the worker cannot be reached', async () => {
    const empty = await mount(<Announcements baseUrl="http://worker.test" load={async () => ({ current: [], upcoming: [] })} />);
    expect(empty.querySelector('section')).toBeNull();
    const offline = await mount(<Announcements baseUrl="http://worker.test" load={async () => Promise.reject(new Error('offline'))} />);
    expect(offline.querySelector('section')).toBeNull();
  });
});
