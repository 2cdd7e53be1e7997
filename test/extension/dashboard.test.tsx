/**
 * The agency's dashboard end to end inside happy-dom: sign in, search, open a profile (an
 * acquisition with its deadline), record 求職受理, write the first contact with the mandatory
 * information shown as the jobseeker will see it, and see what was deleted and why. The page's
 * `fetch` is the fake worker (a browser global, stubbed); the database and components are real.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { Dashboard } from '../../extension/components/Dashboard';
import { db } from '../../extension/utils/db';
import { processAgencyEvents } from '../../extension/utils/events';
import { getSession } from '../../extension/utils/session';
import { AGENCY_TOKEN, FakeWorker, WORKER, problem } from './fake-worker';
import { button, click, labelled, mount, settle, submit, type } from './dom';
import { ACCOUNT, NONE, held, seedJobseeker } from './seed';

const P1 = '13-7K3QM2XPA9';
let w: FakeWorker;

beforeEach(async () => {
  // Only the clock's date is fixed (12:00 JST, outside maintenance); timers still run.
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-27T03:00:00.000Z') });
  w = new FakeWorker();
  vi.stubGlobal('fetch', w.fetch);
  await fakeBrowser.storage.local.set({ workerUrl: WORKER });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function signedIn() {
  const root = await mount(<Dashboard layout="tab" />);
  await type(labelled(root, 'アカウントID'), 'info@mirai.example.jp');
  await type(labelled(root, 'パスワード'), 'correct horse battery');
  await submit(root.querySelector('form'));
  await settle(12);
  return root;
}

describe('agency dashboard', () => {
  it('signs in, keeps the token in session storage, and shows the agency, its quota and the search', async () => {
    const root = await signedIn();
    const session = await getSession();
    expect(session).toMatchObject({ role: 'agency', account: ACCOUNT, token: AGENCY_TOKEN });
    expect(root.textContent).toContain('株式会社みらい人材');
    expect(root.textContent).toContain('12 / 1000 通');
    expect(root.querySelector('h2')?.textContent).toBe('求職者情報の検索');
    // Every form control has a label a screen reader announces.
    for (const control of root.querySelectorAll('input, select, textarea')) {
      const id = control.getAttribute('id');
      const named = (id && root.querySelector(`label[for="${id}"]`)) || control.closest('label') || control.getAttribute('aria-label');
      expect(named, control.outerHTML).toBeTruthy();
    }
  });

  it('R-RET-1 opening a search result records the acquisition and shows its deadline; R-RET-2 求職受理 extends it; R-APP-5 with the fee explanation', async () => {
    w.addProfile(P1);
    const root = await signedIn();
    await click(button(root, '検索'));
    expect(root.textContent).toContain('1件を表示しています。');
    expect(w.requests.filter((r) => /^\/v1\/agency\/feed(\?|$)/.test(r.path))).toHaveLength(1);

    await click(root.querySelector(`button[aria-label*="${P1}"]`));
    await settle(12);
    expect(root.textContent).toContain('取得日 2026年11月27日');
    expect(root.textContent).toContain('保存期限 2027年1月31日');
    expect(await held(ACCOUNT, P1)).toMatchObject({ acquisitions: 1, profiles: 1 });
    expect(root.textContent).toContain('特別養護老人ホームで6年勤務しました。');

    await type(labelled(root, '求職受理日'), '2026-11-27');
    // R-APP-5: the form asks whether the fees were explained before the acceptance, or none are charged.
    expect(root.querySelector('form.acceptance fieldset legend')?.textContent).toContain('手数料');
    await click(root.querySelector('form.acceptance input[value="explained"]'));
    await type(labelled(root, '説明した日'), '2026-11-26');
    await submit(root.querySelector('form.acceptance'));
    await settle(12);
    expect(w.calls('/v1/agency/acceptances')[0]?.body).toEqual({
      profileId: P1,
      acceptedOn: '2026-11-27',
      fees: { kind: 'explained', explainedOn: '2026-11-26' },
    });
    expect(root.textContent).toContain('保存期限は2028年3月31日になりました');
    expect((await db.acquisitions.get([ACCOUNT, P1]))?.retentionDeadline).toBe('2028-03-31');
  });

  it('R-MSG-1 previews the first contact with the mandatory information as the jobseeker sees it, then sends it with an idempotency key', async () => {
    w.addProfile(P1);
    const root = await signedIn();
    await click(button(root, '検索'));
    await click(root.querySelector(`button[aria-label*="${P1}"]`));
    await settle(12);

    const preview = root.querySelector('.seeker-view');
    expect(preview?.textContent).toContain('求職者にはこのように表示されます');
    expect(preview?.textContent).toContain('個人情報管理・苦情の責任者');
    expect(preview?.textContent).toContain('山田 花子');
    await type(labelled(root, 'メッセージ本文'), 'はじめまして。介護職の求人をご紹介できます。');
    expect(root.querySelector('.seeker-view .message-text')?.textContent).toBe('はじめまして。介護職の求人をご紹介できます。');

    await submit(root.querySelector('form.composer'));
    await settle(12);
    const sent = w.requests.find((r) => r.method === 'POST' && r.path === '/v1/agency/conversations')?.body as {
      profileId: string;
      body: string;
      idempotencyKey: string;
    };
    expect(sent.profileId).toBe(P1);
    expect(sent.idempotencyKey).toMatch(/^fc-[0-9a-f-]{36}$/);
    expect(root.textContent).toContain(`求職者 ${P1} とのやり取り`);
    expect(root.textContent).toContain('返信待ち');
  });

  it('R-BLOCK-2 says what was deleted and why after a block, with a content-free log (R-RET-4)', async () => {
    w.addProfile(P1);
    const root = await signedIn();
    await click(button(root, '検索'));
    await click(root.querySelector(`button[aria-label*="${P1}"]`));
    await settle(12);
    expect(root.textContent).toContain('特別養護老人ホーム');

    w.addEvent({ id: 'ev_b', type: 'block', rule: 'R-BLOCK-2', profileId: P1, details: { blockedAt: '2026-11-27T02:59:00.000Z' } });
    await processAgencyEvents({ ctx: { baseUrl: WORKER, token: AGENCY_TOKEN, fetch: w.fetch }, account: ACCOUNT });
    await settle(12);
    expect(await held(ACCOUNT, P1)).toEqual(NONE);
    expect(root.textContent).not.toContain('特別養護老人ホーム');
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('この求職者の情報は削除されました');

    await settle();
    const notices = button(root, 'お知らせ・削除記録');
    expect(notices?.textContent).toContain('1');
    await click(notices);
    expect(root.textContent).toContain('求職者がブロックしたため、その方の情報を削除しました（2件）。');
    const rows = [...root.querySelectorAll('.deletion-log tbody tr')].map((tr) => tr.textContent);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r?.includes('求職者がブロックした') && r.includes('R-BLOCK-2'))).toBe(true);
    expect(root.querySelector('.deletion-log')?.textContent).not.toContain(P1);
  });

  it('R-RET-1 a 410 on opening removes what was kept locally and explains it', async () => {
    await seedJobseeker(P1);
    await db.profiles.clear();
    w.addProfile(P1);
    w.overrides.set(`GET /v1/agency/feed/${P1}`, problem(410, 'data_deleted', { rule: 'R-RET-1' }));
    const root = await signedIn();
    await click(button(root, '検索'));
    await click(root.querySelector(`button[aria-label*="${P1}"]`));
    await settle(12);
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('この情報は削除されました');
    expect(await held(ACCOUNT, P1)).toEqual(NONE);
  });

  it('R-SAN-2 a suspended agency sees the banner, no feed, and keeps no jobseeker data (R-RET-3)', async () => {
    await seedJobseeker(P1);
    w.agency = {
      ...w.agency,
      status: 'suspended',
      suspension: { reason: '利用状況の報告がありません', startsOn: '2026-11-27', endsOn: '2027-05-26', kind: 'fixed' },
    };
    const root = await signedIn();
    await settle(12);
    expect(root.querySelector('.banner-suspended')?.textContent).toContain('2027年5月26日まで');
    expect(root.textContent).toContain('求職者情報を検索できません');
    expect(await held(ACCOUNT, P1)).toEqual(NONE);
  });

  it('signs out from the dashboard and wipes the account’s local data', async () => {
    await seedJobseeker(P1);
    const root = await signedIn();
    await click(button(root, 'サインアウト'));
    await settle(12);
    expect(await getSession()).toBeNull();
    expect(await held(ACCOUNT)).toEqual(NONE);
    expect(root.textContent).toContain('事業者のサインイン');
  });
});
