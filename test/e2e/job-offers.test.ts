/**
 * The job-offer journey (R-JOB-1, R-JOB-2, R-JOB-3) in real Chromium with the built extension: an
 * agency searches offers in the 求人 tab, opens one in the quoted layout, quotes it for a jobseeker,
 * sees the quote marked stale after the bureau changes the offer, and sees it closed, with the
 * local copy gone, after the bureau closes it. Screenshots under test/e2e/screenshots/.
 */
import { describe, expect, inject, it } from 'vitest';
import { DEMO } from '../../scripts/lib/demo';
import { call } from '../../scripts/lib/http';
import { addDays } from '../../shared/rules';
import { exampleJobOffer } from '../../shared/schemas/job-offer-examples';
import { api, shot } from './harness';
import { extensionSession, idb, journey, journeyDay, jst, moveClock, openDashboard } from './steps';

const workerUrl = inject('workerUrl');

describe.skipIf(!inject('browser'))('job-offer journey', () => {
  it('R-JOB-1 R-JOB-2 R-JOB-3: search offers, open one, quote it, see the quote stale after the bureau changes the offer, then closed and gone from the local copy', async () => {
    const day = journeyDay();
    const at = jst(day, '11:00');
    const staff = await moveClock(workerUrl, at);
    const tag = `求旅${Date.now().toString().slice(-6)}`;
    const number = `13010-${Date.now().toString().slice(-8)}`;
    const offer = {
      ...structuredClone(exampleJobOffer),
      offerNumber: number,
      receivedOn: day,
      validUntil: addDays(day, 60),
      introductionDeadline: addDays(day, 60),
      notes: `${tag} 見学随時受付。`,
    };
    const load = (o: object) => call(workerUrl, 'PUT', '/v1/admin/job-offers', { token: staff, ndjson: JSON.stringify(o) });
    expect((await load(offer)).body.results[0]).toMatchObject({ ok: true, action: 'created' });

    const j = journey('jo', workerUrl);
    await j.run(async () => {
      const browser = await j.launch(at);
      const dash = await openDashboard(browser, DEMO.agencies[0]);
      const session = (await extensionSession(browser))!;
      await dash.getByRole('navigation', { name: 'メニュー' }).getByRole('button', { name: '求人', exact: true }).click();
      await dash.getByRole('heading', { name: '求人情報の検索' }).waitFor();
      await dash.getByLabel('キーワード').fill(tag);
      await dash.getByRole('button', { name: '検索', exact: true }).click();
      await dash.getByText('1件', { exact: true }).waitFor();
      await shot(dash, 'jo-1-offer-search');
      await dash.getByRole('button', { name: `求人${number}を開く` }).click();
      await dash.getByRole('heading', { name: `求人 ${number}（第1版）` }).waitFor();
      await expect.poll(async () => await dash.locator('pre.quote-text').innerText()).toContain('ハローワークから提供を受けた求人情報です');
      expect(await dash.locator('pre.quote-text').innerText()).toContain('受理安定所: ハローワーク飯田橋');

      await dash.getByLabel('求職者（自社の管理番号など）').fill('K-0001');
      await dash.getByRole('button', { name: '引用を作る' }).click();
      await dash.getByText('引用を作りました').waitFor();
      expect(await dash.locator('textarea.quote-output').inputValue()).toContain('内容確認コード SHA-256');
      await shot(dash, 'jo-2-offer-quoted');

      // The bureau changes the wage; the quote is marked stale with what changed.
      expect((await load({ ...offer, wage: { ...offer.wage, min: 240000 } })).body.results[0]).toMatchObject({
        action: 'updated',
        version: 2,
        changed: ['賃金'],
      });
      await dash.getByRole('navigation', { name: '求人のメニュー' }).getByRole('button', { name: '引用した求人' }).click();
      await dash.getByRole('button', { name: '最新の状態を確認する' }).click();
      await dash.getByText('求人が変更されました（賃金）').waitFor();
      await expect.poll(async () => (await idb(dash, 'jobQuotes')).find((q) => q.offerNumber === number)?.quote.state).toBe('stale');
      await shot(dash, 'jo-3-quote-stale');

      // The bureau closes it; the quote shows no content and the opened copy is gone.
      expect((await api(workerUrl, 'DELETE', `/v1/admin/job-offers/${number}`, { token: staff })).status).toBe(204);
      await dash.getByRole('button', { name: '最新の状態を確認する' }).click();
      await dash.getByText(/終了した求人です/).waitFor();
      await expect
        .poll(async () => (await idb(dash, 'jobOffers')).filter((o) => o.account === session.account && o.offerNumber === number).length)
        .toBe(0);
      expect((await idb(dash, 'jobQuotes')).find((q) => q.offerNumber === number)?.quote.text).toBeNull();
      await shot(dash, 'jo-4-quote-closed');
    });
  });
});
