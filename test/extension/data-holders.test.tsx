/**
 * 「あなたの情報を持っている事業者」 in the jobseeker's popup (R-RET-*, R-DEL-*, R-BLOCK-2): the list the worker answers
 * with, read through the shared schema and shown in plain Japanese — when each agency got the
 * information, 求職受理, the deadline with the days left, whether its copy is held or deleted and
 * confirmed by its extension, blocks and deletion requests with their outcome — and the deletion
 * request in one step from it, with its refusals. Real components in happy-dom; the worker is a fake.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { DataHolders } from '../../extension/components/seeker/DataHolders';
import { SeekerApp } from '../../extension/components/seeker/SeekerApp';
import { daysUntil } from '../../extension/components/seeker/holder-text';
import { listDataHolders, type ApiContext } from '../../extension/utils/api';
import { ApiProblem } from '../../extension/utils/problem';
import { accountKey, type Session } from '../../extension/utils/session';
import type { DataHolder } from '../../shared/schemas/transparency';
import { AGENCY_ID, FakeWorker, WORKER, dataHolder, problem } from './fake-worker';
import { button, click, mount, settle } from './dom';

const PROFILE = '13-7K3QM2XPA9';
const SEEKER_TOKEN = `s.${PROFILE}.${'y'.repeat(32)}`;
const OTHER_ID = 'B4N8P2R6TWX';
const OTHER = '株式会社あおば人材';

let w: FakeWorker;
let ctx: ApiContext;

beforeEach(() => {
  w = new FakeWorker();
  ctx = { baseUrl: WORKER, token: SEEKER_TOKEN, fetch: w.fetch };
});

/** The text of each agency's line, by agency name. */
function lines(root: Element): Map<string, string> {
  return new Map(
    [...root.querySelectorAll('ul.inbox > li')].map((li) => [li.querySelector('h3')?.textContent ?? '', li.textContent ?? '']),
  );
}

/** The `<dd>`s under a `<dt>` of one agency's line. */
function field(root: Element, agency: string, label: string): string[] {
  const li = [...root.querySelectorAll('ul.inbox > li')].find((l) => l.querySelector('h3')?.textContent === agency);
  const out: string[] = [];
  let inField = false;
  for (const el of li?.querySelectorAll('dt, dd') ?? []) {
    if (el.tagName === 'DT') inField = el.textContent === label;
    else if (inField) out.push(el.textContent ?? '');
  }
  return out;
}

const deletionPosts = () => w.requests.filter((r) => r.method === 'POST' && r.path === '/v1/seeker/deletion-requests');

describe('the data-holders list', () => {
  it('R-RET-1 R-RET-2 shows each agency with when it got the information, 求職受理 and the deadline that applies', async () => {
    w.seeker.holders = [
      dataHolder(),
      dataHolder({
        agencyId: OTHER_ID,
        agencyName: OTHER,
        firstAcquiredOn: '2026-10-02',
        acquiredOn: '2026-10-02',
        acceptedOn: '2026-11-27',
        retentionDeadline: '2028-03-31',
      }),
    ];
    const root = await mount(<DataHolders ctx={ctx} />);
    expect(w.calls('/v1/seeker/data-holders')[0]?.authorization).toBe(`Bearer ${SEEKER_TOKEN}`);
    expect(root.querySelector('h2')?.textContent).toBe('あなたの情報を持っている事業者');
    expect(root.textContent).toContain('2026年11月27日 12:00 現在の内容です。');
    expect(root.textContent).toContain('受け取った月の翌々月の末日まで');
    expect(root.textContent).toContain('受け付けた日の次の年度の終わり（3月31日）まで');
    expect([...lines(root).keys()]).toEqual(['株式会社みらい人材', OTHER]);

    expect(field(root, '株式会社みらい人材', 'あなたの情報を受け取った日')).toEqual(['2026年11月20日']);
    expect(field(root, '株式会社みらい人材', '求職の申込みの受付（求職受理）')).toEqual(['記録はありません']);
    expect(field(root, '株式会社みらい人材', '保存できる期限')).toEqual(['保存できるのは2027年1月31日まで（あと65日）']);
    expect(field(root, '株式会社みらい人材', '今の状態')).toEqual(['あなたの情報を持っています。']);

    expect(field(root, OTHER, 'あなたの情報を受け取った日')).toEqual(['2026年10月2日']);
    expect(field(root, OTHER, '求職の申込みの受付（求職受理）')).toEqual(['2026年11月27日に受け付けました']);
    expect(field(root, OTHER, '保存できる期限')).toEqual(['保存できるのは2028年3月31日まで（あと490日）']);
  });

  // The worker expires an acquisition on the first access after its deadline; the view shows what it answers.
  it.each([
    {
      case: 'R-RET-1 two days before (JST)',
      asOf: '2027-01-29T14:59:59.000Z',
      holder: {},
      deadline: '保存できるのは2027年1月31日まで（あと2日）',
      state: 'あなたの情報を持っています。',
    },
    {
      case: 'R-RET-1 the day before, from its first minute',
      asOf: '2027-01-29T15:00:00.000Z',
      holder: {},
      deadline: '保存できるのは2027年1月31日まで（あと1日）',
      state: 'あなたの情報を持っています。',
    },
    {
      case: 'R-RET-1 the deadline day, from its first minute',
      asOf: '2027-01-30T15:00:00.000Z',
      holder: {},
      deadline: '保存できるのは2027年1月31日まで（今日が最後の日です）',
      state: 'あなたの情報を持っています。',
    },
    {
      case: 'R-RET-1 the deadline day, to its last minute',
      asOf: '2027-01-31T14:59:59.000Z',
      holder: {},
      deadline: '保存できるのは2027年1月31日まで（今日が最後の日です）',
      state: 'あなたの情報を持っています。',
    },
    {
      case: 'R-RET-1 the day after: deleted, and why',
      asOf: '2027-01-31T15:00:00.000Z',
      holder: { copy: { state: 'deleted', rule: 'R-RET-1', deletedAt: '2027-01-31T15:00:00.000Z', extensionDeletedAt: null } },
      deadline: '保存できるのは2027年1月31日まで',
      state: '保存できる期限を過ぎたため、2027年2月1日 00:00に削除されました。',
    },
    {
      case: 'R-RET-2 the last day after 求職受理',
      asOf: '2028-03-31T14:59:59.000Z',
      holder: { acceptedOn: '2026-11-27', retentionDeadline: '2028-03-31' },
      deadline: '保存できるのは2028年3月31日まで（今日が最後の日です）',
      state: 'あなたの情報を持っています。',
    },
    {
      case: 'R-RET-2 the day after: deleted, and why',
      asOf: '2028-03-31T15:00:00.000Z',
      holder: {
        acceptedOn: '2026-11-27',
        retentionDeadline: '2028-03-31',
        copy: { state: 'deleted', rule: 'R-RET-2', deletedAt: '2028-03-31T15:00:00.000Z', extensionDeletedAt: null },
      },
      deadline: '保存できるのは2028年3月31日まで',
      state: '保存できる期限を過ぎたため、2028年4月1日 00:00に削除されました。',
    },
  ] as Array<{ case: string; asOf: string; holder: Partial<DataHolder>; deadline: string; state: string }>)(
    '$case',
    async ({ asOf, holder, deadline, state }) => {
      w.now = () => new Date(asOf);
      w.seeker.holders = [dataHolder(holder)];
      const root = await mount(<DataHolders ctx={ctx} />);
      expect(field(root, '株式会社みらい人材', '保存できる期限')).toEqual([deadline]);
      expect(field(root, '株式会社みらい人材', '今の状態')[0]).toBe(state);
      // Only a copy still held can be asked to be deleted.
      expect(button(root, '情報の削除を頼む') !== null).toBe(state === 'あなたの情報を持っています。');
    },
  );

  it('R-RET-1 counts days by the Japan-time day, whatever the time of day', () => {
    expect(daysUntil('2027-01-31', '2027-01-30T14:59:59.000Z')).toBe(1);
    expect(daysUntil('2027-01-31', '2027-01-30T15:00:00.000Z')).toBe(0);
    expect(daysUntil('2027-01-31', '2027-01-31T14:59:59.000Z')).toBe(0);
    expect(daysUntil('2027-01-31', '2027-01-31T15:00:00.000Z')).toBe(-1);
    // Across a leap day: 28 February (JST) to 31 March 2028.
    expect(daysUntil('2028-03-31', '2028-02-27T15:00:00.000Z')).toBe(32);
  });

  it("R-BLOCK-2 shows a block, the deletion it caused, and when the agency's extension confirmed it", async () => {
    const blockedAt = '2026-11-25T01:00:00.000Z';
    w.seeker.holders = [
      dataHolder({
        copy: { state: 'deleted', rule: 'R-BLOCK-2', deletedAt: blockedAt, extensionDeletedAt: null },
        block: { blockedAt, agencyDeletedAt: null },
      }),
    ];
    let root = await mount(<DataHolders ctx={ctx} />);
    expect(field(root, '株式会社みらい人材', '今の状態')).toEqual([
      'あなたがブロックしたため、2026年11月25日 10:00に削除されました。',
      '事業者の端末に残っている写しの削除は、まだ確認できていません（確認できたら、ここに表示します）。',
    ]);
    expect(field(root, '株式会社みらい人材', 'ブロック')).toEqual([
      '2026年11月25日 10:00にブロックしました。',
      '事業者による削除の確認を待っています。',
    ]);
    expect(button(root, '情報の削除を頼む')).toBeNull();

    // The agency's extension acknowledged the block's event a minute later.
    w.seeker.holders[0]!.copy.extensionDeletedAt = '2026-11-25T01:01:00.000Z';
    w.seeker.holders[0]!.block!.agencyDeletedAt = '2026-11-25T01:01:00.000Z';
    document.body.innerHTML = '';
    root = await mount(<DataHolders ctx={ctx} />);
    expect(field(root, '株式会社みらい人材', '今の状態')[1]).toBe(
      '事業者の端末に残っていた写しの削除も、2026年11月25日 10:01に確認できました。',
    );
    expect(field(root, '株式会社みらい人材', 'ブロック')[1]).toBe('事業者はあなたの情報の削除を2026年11月25日 10:01に確認しました。');
  });

  it('R-BLOCK-3 after a lifted block shows when the agency first got the information and no deadline, as it holds nothing', async () => {
    w.seeker.holders = [
      dataHolder({
        acquiredOn: null,
        retentionDeadline: null,
        copy: {
          state: 'deleted',
          rule: 'R-BLOCK-2',
          deletedAt: '2026-11-25T01:00:00.000Z',
          extensionDeletedAt: '2026-11-25T01:00:30.000Z',
        },
      }),
    ];
    const root = await mount(<DataHolders ctx={ctx} />);
    expect(field(root, '株式会社みらい人材', 'あなたの情報を受け取った日')).toEqual(['2026年11月20日']);
    expect(field(root, '株式会社みらい人材', '保存できる期限')).toEqual(['ありません（情報は削除されています）']);
    expect(field(root, '株式会社みらい人材', 'ブロック')).toEqual([]);
  });

  it('R-RET-3 shows that an agency stopped using the service and that its copy was deleted for that reason', async () => {
    w.seeker.holders = [
      dataHolder({
        agencyStatus: 'suspended',
        copy: { state: 'deleted', rule: 'R-RET-3', deletedAt: '2026-11-26T01:00:00.000Z', extensionDeletedAt: null },
      }),
    ];
    const root = await mount(<DataHolders ctx={ctx} />);
    const text = lines(root).get('株式会社みらい人材') ?? '';
    expect(text).toContain('この事業者は、いまサービスの利用を停止されています。');
    expect(field(root, '株式会社みらい人材', '今の状態')[0]).toBe(
      'この事業者がサービスの利用をやめたため、2026年11月26日 10:00に削除されました。',
    );
    expect(button(root, '情報の削除を頼む')).toBeNull();
  });

  it('R-DEL-2 shows a finished deletion request with when everything was deleted', async () => {
    w.seeker.holders = [
      dataHolder({
        copy: { state: 'deleted', rule: 'R-DEL-1', deletedAt: '2026-11-26T01:00:00.000Z', extensionDeletedAt: '2026-11-26T01:02:00.000Z' },
        deletionRequest: {
          id: 'dr_1',
          state: 'deleted',
          requestedAt: '2026-11-26T01:00:00.000Z',
          serverDeletedAt: '2026-11-26T01:00:00.000Z',
          agencyDeletedAt: '2026-11-26T01:02:00.000Z',
          completedAt: '2026-11-26T01:02:00.000Z',
        },
      }),
    ];
    const root = await mount(<DataHolders ctx={ctx} />);
    expect(field(root, '株式会社みらい人材', '今の状態')).toEqual([
      'あなたが削除を頼んだため、2026年11月26日 10:00に削除されました。',
      '事業者の端末に残っていた写しの削除も、2026年11月26日 10:02に確認できました。',
    ]);
    expect(field(root, '株式会社みらい人材', '削除の依頼')).toEqual([
      '2026年11月26日 10:00に削除を頼みました。',
      '削除がすべて終わりました（2026年11月26日 10:02）。',
    ]);
    expect(button(root, '情報の削除を頼む')).toBeNull();
  });

  it('says plainly when no agency has received the information', async () => {
    const root = await mount(<DataHolders ctx={ctx} />);
    expect(root.textContent).toContain('あなたの情報を受け取った事業者はありません。');
    expect(root.querySelectorAll('ul.inbox > li')).toHaveLength(0);
  });

  it('reads the list through the shared schema: an answer of another shape is refused as unreadable, not half shown', async () => {
    w.overrides.set('GET /v1/seeker/data-holders', {
      status: 200,
      body: {
        items: [{ agencyId: AGENCY_ID, agencyName: '株式会社みらい人材', acquiredOn: '2026-11-20', retentionDeadline: '2027-01-31' }],
      },
    });
    const error = await listDataHolders(ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect(error).toMatchObject({ code: 'invalid_response' });
    const root = await mount(<DataHolders ctx={ctx} />);
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('サーバーの応答を読み取れません');
    expect(root.querySelectorAll('ul.inbox > li')).toHaveLength(0);
  });

  it('explains a list that could not be read and lets the jobseeker try again', async () => {
    w.overrides.set('GET /v1/seeker/data-holders', 'network');
    w.seeker.holders = [dataHolder()];
    const root = await mount(<DataHolders ctx={ctx} />);
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('サーバーに接続できません');
    w.overrides.clear();
    await click(button(root, 'もう一度読み込む'));
    expect(root.querySelector('[role="alert"]')).toBeNull();
    expect([...lines(root).keys()]).toEqual(['株式会社みらい人材']);
  });
});

describe('the deletion request from the list', () => {
  it('R-DEL-1 asks one agency in one step after a plain confirmation, then R-DEL-2 shows what was done and when', async () => {
    w.seeker.holders = [dataHolder(), dataHolder({ agencyId: OTHER_ID, agencyName: OTHER })];
    const root = await mount(<DataHolders ctx={ctx} />);
    await click(button(root, `${OTHER}に情報の削除を頼む`));
    const confirm = root.querySelector('.confirm');
    expect(confirm?.querySelector('h3')?.textContent).toBe(`${OTHER}に、あなたの情報の削除を頼みますか？`);
    expect([...confirm!.querySelectorAll('p')].map((p) => p.textContent)).toEqual([
      'この事業者が持っているあなたの情報は、すぐに削除されます。',
      '事業者の端末（パソコンなど）に残っている写しも削除されます。',
      'この事業者とのメッセージのやり取りは終わります。削除された情報は元に戻りません。',
      '削除が済んだ日時は「あなたの情報を持っている事業者」と「削除の依頼」で確認できます。',
    ]);
    expect(document.activeElement).toBe(confirm?.querySelector('h3'));
    expect(deletionPosts()).toHaveLength(0);

    await click(button(confirm!, '削除を頼む'));
    expect(deletionPosts()).toEqual([expect.objectContaining({ body: { agencyId: OTHER_ID }, authorization: `Bearer ${SEEKER_TOKEN}` })]);
    await settle();
    const notice = root.querySelector('p[role="status"]');
    expect(notice?.textContent).toBe(`${OTHER}に削除を依頼しました。`);
    expect(document.activeElement).toBe(notice);

    expect(field(root, OTHER, '今の状態')).toEqual([
      'あなたが削除を頼んだため、2026年11月27日 12:00に削除されました。',
      '事業者の端末に残っている写しの削除は、まだ確認できていません（確認できたら、ここに表示します）。',
    ]);
    expect(field(root, OTHER, '削除の依頼')).toEqual([
      '2026年11月27日 12:00に削除を頼みました。',
      'サーバー上の事業者の情報は2026年11月27日 12:00に削除されました。',
      '事業者の端末での削除の確認を待っています。',
    ]);
    expect(button(root, `${OTHER}に情報の削除を頼む`)).toBeNull();
    // The other agency is untouched.
    expect(field(root, '株式会社みらい人材', '今の状態')).toEqual(['あなたの情報を持っています。']);
    expect(button(root, '株式会社みらい人材に情報の削除を頼む')).not.toBeNull();
  });

  it("R-DEL-1 is reached from the popup's menu and can be dismissed from the keyboard without asking anything", async () => {
    w.seeker.holders = [dataHolder()];
    const session: Session = {
      role: 'seeker',
      accountId: PROFILE,
      account: accountKey('seeker', PROFILE),
      token: SEEKER_TOKEN,
      expiresAt: '2099-01-01T00:00:00.000Z',
      displayName: PROFILE,
    };
    const root = await mount(<SeekerApp session={session} ctx={ctx} />);
    const tab = button(root, 'あなたの情報を持っている事業者');
    await click(tab);
    expect(tab?.getAttribute('aria-current')).toBe('page');
    await click(button(root, '株式会社みらい人材に情報の削除を頼む'));
    const heading = root.querySelector('.confirm h3');
    expect(document.activeElement).toBe(heading);
    heading!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await settle();
    expect(root.querySelector('.confirm')).toBeNull();
    expect(deletionPosts()).toHaveLength(0);
    expect(button(root, '株式会社みらい人材に情報の削除を頼む')).not.toBeNull();
  });

  it.each([
    {
      case: 'R-OPS-1 during maintenance, with the time it reopens',
      answer: problem(503, 'maintenance', { reopensAt: '2026-11-27T21:00:00.000Z' }, { 'retry-after': '600' }),
      says: ['ただいまメンテナンス中です', '2026年11月28日 06:00（日本時間）まで'],
    },
    {
      case: 'R-SEC-1 when the sign-in has expired',
      answer: problem(401, 'unauthenticated'),
      says: ['もう一度サインインしてください', 'サインインの有効期限が切れた'],
    },
    {
      case: 'R-OPS-2 when asked too often',
      answer: problem(429, 'rate_limited', {}, { 'retry-after': '30' }),
      says: ['アクセスが集中しています', '30秒ほど待ってから'],
    },
    {
      case: "with the worker's own words for an agency it does not know",
      answer: problem(404, 'agency_not_found', { title: '事業者が見つかりません', detail: `事業者（${AGENCY_ID}）は登録されていません。` }),
      says: ['事業者が見つかりません', '登録されていません'],
    },
    { case: 'without a connection', answer: 'network' as const, says: ['サーバーに接続できません', 'ネットワークの接続'] },
  ])('R-DEL-1 refused $case: says so in plain words, changes nothing, and can be tried again', async ({ answer, says }) => {
    w.seeker.holders = [dataHolder()];
    w.overrides.set('POST /v1/seeker/deletion-requests', answer);
    const root = await mount(<DataHolders ctx={ctx} />);
    await click(button(root, '株式会社みらい人材に情報の削除を頼む'));
    await click(button(root.querySelector('.confirm')!, '削除を頼む'));
    const alert = root.querySelector('.confirm [role="alert"]')?.textContent ?? '';
    for (const text of says) expect(alert).toContain(text);
    expect(root.querySelector('p[role="status"]')?.textContent).toBe('');
    expect(field(root, '株式会社みらい人材', '今の状態')).toEqual(['あなたの情報を持っています。']);

    w.overrides.clear();
    await click(button(root.querySelector('.confirm')!, '削除を頼む'));
    expect(root.querySelector('p[role="status"]')?.textContent).toBe('株式会社みらい人材に削除を依頼しました。');
    expect(field(root, '株式会社みらい人材', '今の状態')[0]).toBe('あなたが削除を頼んだため、2026年11月27日 12:00に削除されました。');
  });

  it('labels every control for screen readers, each deletion button naming its agency', async () => {
    w.seeker.holders = [dataHolder(), dataHolder({ agencyId: OTHER_ID, agencyName: OTHER })];
    const root = await mount(<DataHolders ctx={ctx} />);
    const names = [...root.querySelectorAll('button')].map((b) => (b.textContent ?? '').trim() || b.getAttribute('aria-label'));
    expect(names).toEqual(['株式会社みらい人材に情報の削除を頼む', `${OTHER}に情報の削除を頼む`]);
    for (const dl of root.querySelectorAll('dl')) {
      expect(root.querySelector(`#${CSS.escape(dl.getAttribute('aria-labelledby') ?? '')}`)?.tagName).toBe('H3');
    }
    expect(root.querySelector('section')?.getAttribute('aria-labelledby')).toBe('holders-heading');
  });
});
