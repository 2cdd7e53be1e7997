/**
 * 労働局からの連絡 (R-COR-1, R-COR-2, R-COR-3): open and urgent first, due days in JST days, the
 * agency answers from the dashboard.
 */
import { describe, expect, it } from 'vitest';
import { BureauInbox } from '../../extension/components/BureauInbox';
import { StatusBanner } from '../../extension/components/StatusBanner';
import { daysLeft, orderBureauItems } from '../../extension/utils/correspondence';
import type { AgencyReportRequest, CorrectionRequest } from '../../shared/schemas/correspondence';
import { click, mount, settle, type } from './dom';
import { agencyAccount } from './fake-worker';

const correction = (over: Partial<CorrectionRequest>): CorrectionRequest => ({
  id: 'C1',
  kind: 'correction',
  agencyId: 'A1',
  agencyName: '株式会社テスト',
  prefecture: '13',
  basis: { finding: '所見' },
  problem: '同じ勧誘を繰り返し送っています。',
  required: '送信を止めてください。',
  dueOn: '2026-12-21',
  status: 'open',
  sentAt: '2026-12-07T01:00:00.000Z',
  sentBy: 'S1',
  answers: [],
  decisions: [],
  proposal: null,
  ...over,
});
const report = (over: Partial<AgencyReportRequest>): AgencyReportRequest => ({
  id: 'Q1',
  kind: 'fact_finding',
  title: '連絡方法の実態調査',
  questions: ['誰が確認していますか。'],
  dueOn: '2026-12-18',
  sentAt: '2026-12-07T02:00:00.000Z',
  versions: [],
  overdue: false,
  ...over,
});

describe('労働局からの連絡', () => {
  it.each([
    ['2026-12-21', '2026-12-18', 3],
    ['2026-12-21', '2026-12-21', 0],
    ['2026-12-21', '2026-12-22', -1],
    ['2027-01-04', '2026-12-28', 7],
  ])('R-COR-1 due %s seen on %s: %i JST days', (due, today, left) => {
    expect(daysLeft(due, today)).toBe(left);
  });

  it('R-COR-2 open items come first, the nearest due day first; settled ones after', () => {
    const order = orderBureauItems(
      [correction({ id: 'late', dueOn: '2026-12-25' }), correction({ id: 'done', status: 'confirmed', dueOn: '2026-12-10' })],
      [
        report({ id: 'soon', dueOn: '2026-12-18' }),
        report({ id: 'answered', versions: [{ version: 1, answers: ['a'], submittedAt: '2026-12-08T00:00:00.000Z' }] }),
      ],
    );
    expect(order.map((b) => b.item.id)).toEqual(['soon', 'late', 'answered', 'done']);
  });

  it('R-COR-1 the agency answers a correction request from the dashboard; the due day is counted in JST days', async () => {
    const sent: unknown[] = [];
    let items = [correction({})];
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      if (url.endsWith('/v1/agency/report-requests')) return Response.json({ items: [] });
      if (url.endsWith('/answer')) {
        sent.push(JSON.parse(String(init?.body)));
        items = [
          correction({
            status: 'answered',
            answers: [{ doneOn: '2026-12-18', text: '送信を止めました。', answeredAt: '2026-12-18T01:00:00.000Z' }],
          }),
        ];
        return Response.json(items[0]);
      }
      if (url.endsWith('/v1/agency/correction-requests')) return Response.json({ items });
      return new Response(null, { status: 404 });
    };
    const root = await mount(
      <BureauInbox
        ctx={{ baseUrl: 'http://worker.test', token: 't', fetch: fetch as typeof globalThis.fetch }}
        now={new Date('2026-12-18T10:00:00+09:00')}
      />,
    );
    expect(root.textContent).toContain('是正要請・未回答');
    expect(root.textContent).toContain('期限 2026年12月21日（あと3日）');
    await type(root.querySelector('textarea'), '送信を止めました。');
    await click(root.querySelector('button[type="submit"]'));
    await settle();
    expect(sent).toEqual([{ doneOn: '2026-12-18', text: '送信を止めました。' }]);
    expect(root.textContent).toContain('回答済み（確認待ち）');
    expect(root.querySelector('form')).toBeNull();
  });
});

describe('a suspension until corrected', () => {
  it('R-COR-1 R-SAN-1 tells the suspended agency it waits on the correction and where to answer', async () => {
    const agency = agencyAccount({
      status: 'suspended',
      suspension: { reason: '是正まで', startsOn: '2026-12-07', endsOn: null, kind: 'until_corrected' },
    });
    const root = await mount(<StatusBanner agency={agency} now={new Date('2026-12-07T01:00:00.000Z')} />);
    const banner = root.querySelector('.banner-suspended');
    expect(banner?.getAttribute('role')).toBe('alert');
    expect(banner?.textContent).toContain('是正が確認されるまで');
    expect(banner?.textContent).toContain('「労働局からの連絡」');
    expect(banner?.textContent).toContain('理由: 是正まで');
  });
});
