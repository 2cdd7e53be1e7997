/**
 * The bureau and the agency between reports, in real Chromium (R-COR-1): the bureau suspends an
 * agency until corrected and sends a correction request; the agency answers it in the dashboard's
 * 労働局からの連絡; the bureau confirms; the suspension lifts and the dashboard shows it. axe runs
 * on each screen; screenshots of 労働局からの連絡 before and after.
 */
import { describe, expect, inject, it } from 'vitest';
import { addDays } from '../../shared/rules';
import { axeTally } from './axe';
import { api, shot } from './harness';
import { createAgency, dashboardTab, journey, journeyDay, jst, moveClock, must, openDashboard, pollNow, staffToken } from './steps';

const workerUrl = inject('workerUrl');

describe.skipIf(!inject('browser'))('the correspondence journey', () => {
  it('R-COR-1 R-SAN-1: the bureau sends a correction request to an agency suspended until corrected; the agency answers in 労働局からの連絡; the bureau confirms; the suspension lifts in the dashboard', async () => {
    const tally = axeTally();
    const day = journeyDay();
    const at = jst(day, '10:00');
    await moveClock(workerUrl, at);
    const agency = await createAgency(workerUrl, { key: 'cor', name: '株式会社ただしい紹介' }, day);

    // The bureau records the violation, suspends until corrected, and asks for the correction.
    const token = await staffToken(workerUrl);
    const violation = must(
      await api(workerUrl, 'POST', `/v1/admin/agencies/${agency.id}/violations`, {
        token,
        body: { category: 'excessive_sales', note: '同じ求職者への勧誘の苦情が続いたため' },
      }),
      201,
      'violation',
    ).violation;
    must(
      await api(workerUrl, 'POST', `/v1/admin/agencies/${agency.id}/suspensions`, {
        token,
        body: { kind: 'until_corrected', reason: '一方的な勧誘の是正まで（利用規約§8(2)②）', violationId: violation.id },
      }),
      200,
      'suspension',
    );
    const dueOn = addDays(day, 14);
    const problem = '求職者へ同じ勧誘のメッセージを繰り返し送っています。';
    const request = must(
      await api(workerUrl, 'POST', `/v1/admin/agencies/${agency.id}/correction-requests`, {
        token,
        body: {
          basis: { violationId: violation.id },
          problem,
          required: '勧誘の送信を止め、送信前に責任者が確認する手順を設けてください。',
          dueOn,
        },
      }),
      201,
      'correction request',
    );

    const j = journey('cor', workerUrl);
    await j.run(async () => {
      const b = await j.launch(at);
      const dash = await openDashboard(b, agency);
      const banner = dash.locator('.banner-suspended');
      await banner.getByText('是正が確認されるまでサービスの利用を停止されています').waitFor();

      await dashboardTab(dash, '労働局からの連絡');
      const item = dash.getByRole('article', { name: '是正要請' });
      await item.getByText(problem).waitFor();
      await item.getByText('期限まで').or(item.getByText('あと14日')).first().waitFor();
      await tally.check(dash, 'bureau-inbox-open');
      await shot(dash, 'cor-1-bureau-inbox-request');

      // The agency answers what it did, with the day (today by default).
      await item.getByLabel('実施した内容').fill('勧誘の一斉送信を止め、送信前に責任者が内容を確認する手順を社内規程に加えました。');
      await item.getByRole('button', { name: '回答を送る' }).click();
      await item.getByText('回答済み（確認待ち）').waitFor();
      await shot(dash, 'cor-2-bureau-inbox-answered');

      // The bureau confirms; the worker lifts the suspension that waited on it.
      const confirmed = must(
        await api(workerUrl, 'POST', `/v1/admin/correction-requests/${request.id}/confirm`, {
          token: await staffToken(workerUrl),
          body: { decision: 'confirmed', note: '是正を確認しました。' },
        }),
        200,
        'confirmation',
      );
      expect(confirmed).toMatchObject({ request: { status: 'confirmed' }, suspensionLifted: true });

      // The extension's next round learns it: no suspension banner, 確認済み in 労働局からの連絡.
      const after = await pollNow(
        b,
        async (page) => (await page.locator('.banner-suspended').count()) === 0 && (await page.getByText('本日の送信数').count()) > 0,
      );
      await dashboardTab(after, '労働局からの連絡');
      const done = after.getByRole('article', { name: '是正要請' });
      await done.getByText('確認済み').first().waitFor();
      await done.getByText('是正を確認しました。').waitFor();
      await tally.check(after, 'bureau-inbox-confirmed');
      await shot(after, 'cor-3-bureau-inbox-confirmed');
      // Searching works again.
      await dashboardTab(after, '求職者を探す');
      expect(await after.getByText('利用停止・利用解除・退会の間は、求職者情報を検索できません。').count()).toBe(0);
      await expect.poll(() => banner.count()).toBe(0);
      expect(tally.summary()).toEqual([]);
      expect(tally.landmarks()).toEqual([]);
    });
  });
});
