/**
 * The first hour of a real user, in real Chromium: the browser's clock stands inside a maintenance
 * window while the worker's demo clock stands in service hours, and the extension follows the worker
 * (T-5): no maintenance banner, the agency searches with the compact filter bar, saves the search,
 * writes, and the dashboard and the popup agree on the quota. The popup fits 360 and 400 px. axe runs on every screen visited and fails the journey on any
 * serious or critical violation of ours; the counts per screen are printed.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { axeTally } from './axe';
import { shot } from './harness';
import { createAgency, createSeekers, dashboardTab, journey, journeyDay, jst, moveClock, openDashboard, searchAndOpen } from './steps';

const workerUrl = inject('workerUrl');

const tally = axeTally();
const axe = tally.check;

async function noSidewaysScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document
      .documentElement;
    return root.scrollWidth <= root.clientWidth;
  });
}

describe.skipIf(!inject('browser'))('the first hour', () => {
  it('T-5 R-OPS-1 R-CAP-1 R-FEED-3 with the browser at night and the worker in service hours, an agency searches, saves the search and writes; dashboard and popup agree; every screen passes axe', async () => {
    const day = journeyDay();
    const workerAt = jst(day, '10:00');
    await moveClock(workerUrl, workerAt);
    const agency = await createAgency(workerUrl, { key: 'fh', name: '株式会社はじめの一時間' }, day);
    const tag = `初回${Math.floor(Math.random() * 1e6)}`;
    const [seeker] = await createSeekers(workerUrl, 'fh', 1, `${tag} 介護職員として6年勤務しました。夜勤にも対応できます。`);
    const j = journey('fh', workerUrl);
    await j.run(async () => {
      // The browser's own clock: 02:00 JST the same day, inside the nightly window.
      const b = await j.launch(jst(day, '02:00'));
      const dash = await openDashboard(b, agency);
      expect(await dash.locator('.banner-maintenance').count()).toBe(0);
      await axe(dash, 'dashboard-search');

      // The compact bar: 検索 on the first screen at 1280×800, pickers opened on demand.
      await dash.setViewportSize({ width: 1280, height: 800 });
      const submit = dash.getByRole('button', { name: '検索', exact: true });
      const box = await submit.boundingBox();
      expect(box && box.y + box.height).toBeLessThanOrEqual(800);
      await searchAndOpen(dash, { prefecture: '東京都', keywords: tag }, seeker!.profileId);
      await axe(dash, 'dashboard-profile');
      await dash
        .getByRole('textbox', { name: 'メッセージ本文' })
        .fill('はじめまして。都内の介護施設の求人をご紹介できます。ご興味があればお返事ください。');
      await dash.getByRole('button', { name: '送信する', exact: true }).click();
      await dash.getByText('返信待ち').first().waitFor();
      await expect.poll(() => dash.locator('#quota-text').innerText()).toContain('1 / 1000 通');

      // Back to the search: run it again, save it; the results come into view with the count.
      await dashboardTab(dash, '求職者を探す');
      await dash.getByLabel('キーワード').fill(tag);
      await dash.getByRole('button', { name: '検索', exact: true }).click();
      await dash.getByRole('heading', { name: '検索結果' }).waitFor();
      await expect
        .poll(() =>
          dash.evaluate(
            () => (globalThis as unknown as { document: { activeElement: { id?: string } | null } }).document.activeElement?.id,
          ),
        )
        .toBe('results-heading');
      await dash.getByLabel('この条件に名前を付けて保存').fill('都内の介護（初回）');
      await dash.getByRole('button', { name: '保存', exact: true }).click();
      await dash.getByRole('list', { name: '保存した検索条件' }).getByText('都内の介護（初回）').waitFor();
      await dash.locator('#occupation-filter-box > summary').click();
      await shot(dash, 'fh-1-search-filter-bar');
      await dash.locator('#occupation-filter-box > summary').click();
      await dash.getByRole('heading', { name: '検索結果' }).scrollIntoViewIfNeeded();
      await shot(dash, 'fh-2-search-results-saved');
      await axe(dash, 'dashboard-search-results');

      await dashboardTab(dash, '受信箱');
      await dash.getByRole('heading', { name: '受信箱' }).waitFor();
      await dash.locator('ul.inbox li').first().waitFor();
      await shot(dash, 'fh-3-inbox');
      await axe(dash, 'dashboard-inbox');

      // The popup: the same quota, no maintenance, within 400 px and no sideways scroll at 360 px.
      const popup = await b.open('popup.html');
      for (const width of [400, 360]) {
        await popup.setViewportSize({ width, height: 600 });
        await popup.reload();
        await popup.getByText('本日の送信数').waitFor();
        await expect.poll(() => popup.locator('#quota-text').innerText()).toContain('1 / 1000 通');
        expect(await popup.getByText('メンテナンス').count()).toBe(0);
        expect(await noSidewaysScroll(popup)).toBe(true);
        await expect.poll(() => popup.getByRole('button', { name: 'ダッシュボードを開く' }).isVisible()).toBe(true);
        await shot(popup, `fh-4-popup-${width}`);
        await axe(popup, `popup-${width}`);
      }

      expect(tally.summary()).toEqual([]);
      expect(tally.landmarks()).toEqual([]);
    });
  }, 240_000);
});
