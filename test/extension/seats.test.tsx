/**
 * The staff seats panel (R-ORG-2): who does what today, and only the liaison officer manages seats.
 */
import { describe, expect, it } from 'vitest';
import { SeatManager } from '../../extension/components/SeatManager';
import { MessageList } from '../../extension/components/ThreadView';
import { QuotaMeter } from '../../extension/components/QuotaMeter';
import type { Message } from '../../shared/schemas/message';
import type { DailyQuota } from '../../shared/schemas/quota';
import type { Seat, SeatList } from '../../shared/schemas/seat';
import type { ApiContext } from '../../extension/utils/api';
import { mount, settle } from './dom';

const liaison: Seat = {
  id: 'A7K3M9X2QAB',
  name: '連絡 太郎',
  email: 'info@mirai.example.jp',
  role: 'liaison',
  createdAt: '2026-12-01T00:00:00.000Z',
  removedAt: null,
  today: { sends: 3, openings: 5 },
};
const staff: Seat = {
  id: 'U4F8K2M9XQA',
  name: '<b>佐藤</b> 花子',
  email: 'sato@mirai.example.jp',
  role: 'staff',
  createdAt: '2026-12-01T01:00:00.000Z',
  removedAt: null,
  today: { sends: 7, openings: 2 },
};

/** An in-memory `/v1/agency/seats` answering as the caller `you`. */
function fakeSeats(you: string) {
  const seats = [liaison, staff];
  const calls: string[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    const path = new URL(req.url).pathname;
    calls.push(`${req.method} ${path}`);
    const json = (body: unknown, status = 200) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (req.method === 'GET') return json({ items: seats, you, canManage: you === liaison.id } satisfies SeatList);
    if (req.method === 'DELETE') {
      const i = seats.findIndex((s) => path.endsWith(s.id));
      seats[i] = { ...seats[i]!, removedAt: '2026-12-01T03:00:00.000Z' };
      return new Response(null, { status: 204 });
    }
    return json({ type: 'about:blank', title: 'x', status: 400, detail: 'x', code: 'x' }, 400);
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

describe('SeatManager', () => {
  it('R-ORG-2 shows each seat with what it did today, names as plain text; the liaison officer may add and remove', async () => {
    const w = fakeSeats(liaison.id);
    const ctx: ApiContext = { baseUrl: 'http://worker.test', token: `a.${liaison.id}.${'x'.repeat(32)}`, fetch: w.fetch } as ApiContext;
    const root = await mount(<SeatManager ctx={ctx} />);
    await settle();
    const rows = [...root.querySelectorAll('tbody tr')].map((r) => r.textContent ?? '');
    expect(rows[0]).toContain('連絡 太郎 （連絡責任者） （あなた）');
    expect(rows[1]).toContain('<b>佐藤</b> 花子');
    expect(rows[1]).toContain('7');
    expect(root.querySelector('tbody b')).toBeNull();
    expect(root.querySelector('form.seat-form')).not.toBeNull();
    // The liaison officer's own row has no remove button; the other has one.
    expect(root.querySelectorAll('tbody button')).toHaveLength(1);
    (root.querySelector('tbody button') as HTMLButtonElement).click();
    await settle();
    // One more step says what happens; the removal runs only on the confirmation.
    expect(w.calls.some((c) => c.startsWith('DELETE'))).toBe(false);
    expect(root.querySelector('tbody .confirm')?.textContent).toContain('直ちにサインアウト');
    (root.querySelector('tbody .confirm button.danger') as HTMLButtonElement).click();
    await settle();
    expect(w.calls).toContain(`DELETE /v1/agency/seats/${staff.id}`);
    expect(root.textContent).toContain('削除した職員アカウント');
  });

  it('R-ORG-2 another member of staff sees the seats but no way to manage them', async () => {
    const w = fakeSeats(staff.id);
    const ctx: ApiContext = { baseUrl: 'http://worker.test', token: `a.${liaison.id}.${'x'.repeat(32)}`, fetch: w.fetch } as ApiContext;
    const root = await mount(<SeatManager ctx={ctx} />);
    await settle();
    expect(root.querySelectorAll('tbody tr')).toHaveLength(2);
    expect(root.querySelector('form.seat-form')).toBeNull();
    expect(root.querySelectorAll('tbody button')).toHaveLength(0);
  });
});

describe('who did what (R-ORG-2)', () => {
  it('R-ORG-2 the thread names which member of staff sent each agency message, as plain text', async () => {
    const messages: Message[] = [
      {
        id: 'msg_01',
        conversationId: 'cv_01',
        from: 'agency',
        kind: 'first_contact',
        body: 'はじめまして。',
        sentAt: '2026-12-01T01:00:00.000Z',
        sentBy: { id: staff.id, name: staff.name },
      },
      {
        id: 'msg_02',
        conversationId: 'cv_01',
        from: 'seeker',
        kind: 'reply',
        body: '詳しく教えてください。',
        sentAt: '2026-12-01T02:00:00.000Z',
      },
      { id: 'msg_03', conversationId: 'cv_01', from: 'agency', kind: 'reply', body: 'お答えします。', sentAt: '2026-12-01T03:00:00.000Z' },
    ];
    const root = await mount(<MessageList messages={messages} agencyName="株式会社みらい人材" />);
    const senders = [...root.querySelectorAll('.message-meta span')].map((s) => s.textContent);
    expect(senders).toEqual(['株式会社みらい人材（担当: <b>佐藤</b> 花子）', '求職者', '株式会社みらい人材']);
    expect(root.querySelector('.message-meta b')).toBeNull();
  });

  it("R-ORG-2 R-CAP-1 the quota shows the organisation's count and each seat's share", async () => {
    const quota: DailyQuota = {
      day: '2026-12-01',
      used: 10,
      limit: 1000,
      remaining: 990,
      resetsAt: '2026-12-01T15:00:00.000Z',
      bySeat: [
        { seat: { id: staff.id, name: staff.name }, used: 7 },
        { seat: { id: liaison.id, name: liaison.name }, used: 3 },
      ],
    };
    const root = await mount(<QuotaMeter quota={quota} />);
    expect(root.textContent).toContain('10');
    expect([...root.querySelectorAll('.quota-by-seat li')].map((l) => l.textContent)).toEqual(['<b>佐藤</b> 花子: 7通', '連絡 太郎: 3通']);
  });
});
