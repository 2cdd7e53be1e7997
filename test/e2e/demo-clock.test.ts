/**
 * `npm start` at night, in real Chromium (R-OPS-1, T-5): the worker's clock and the browser's both
 * stand inside the nightly maintenance window, as on a fresh start at 02:00 JST; `npm start`'s own
 * demo-clock step (scripts/lib/clock.ts, keepDemoInServiceHours) moves the worker into service
 * hours, and the extension follows the worker, not the browser: an agency searches and sends, and
 * the dashboard, the popup, the background's summary and the worker agree on the quota and on
 * there being no maintenance.
 */
import { describe, expect, inject, it } from 'vitest';
import { maintenanceUntil } from '../../shared/rules';
import { keepDemoInServiceHours, workerNow } from '../../scripts/lib/clock';
import { DEMO } from '../../scripts/lib/demo';
import { axeTally } from './axe';
import { api, shot } from './harness';
import {
  createAgency,
  createSeekers,
  extensionSession,
  journey,
  journeyDay,
  jst,
  moveClock,
  must,
  openDashboard,
  searchAndOpen,
} from './steps';

const workerUrl = inject('workerUrl');

describe.skipIf(!inject('browser'))('npm start at night', () => {
  it('R-OPS-1 T-5 R-CAP-1 at 02:00 JST the demo clock lets an agency search and send; extension and worker agree on quota and maintenance', async () => {
    const tally = axeTally();
    const day = journeyDay();
    const night = jst(day, '02:00');
    // As on a fresh `npm start` at 02:00: the worker's time is inside the window and refuses agencies.
    await moveClock(workerUrl, night);
    expect(maintenanceUntil(await workerNow(workerUrl))).not.toBeNull();
    const refused = await api(workerUrl, 'POST', '/v1/agency/sessions', {
      body: { email: DEMO.agencies[0].email, password: DEMO.agencies[0].password },
    });
    expect([refused.status, refused.body.code]).toEqual([503, 'maintenance']);

    // npm start's step: the demo clock, in service hours of the same day.
    const { now, demo } = await keepDemoInServiceHours(workerUrl, DEMO.ministry);
    expect(demo).toBe(true);
    expect(now.getTime()).toBeGreaterThanOrEqual(jst(day, '10:00').getTime());
    expect(now.getTime()).toBeLessThan(jst(day, '10:05').getTime());
    expect(maintenanceUntil(now)).toBeNull();

    const agency = await createAgency(workerUrl, { key: 'demo', name: '株式会社よるのデモ' }, day);
    const tag = `夜間${Math.floor(Math.random() * 1e6)}`;
    const [seeker] = await createSeekers(workerUrl, 'demo', 1, `${tag} 訪問介護を4年担当しました。`);

    const j = journey('demo', workerUrl);
    await j.run(async () => {
      // The browser's own clock stays at 02:00, inside the window.
      const b = await j.launch(night);
      const dash = await openDashboard(b, agency);
      expect(maintenanceUntil(new Date(await dash.evaluate(() => new Date().toISOString())))).not.toBeNull();
      expect(await dash.locator('.banner-maintenance').count()).toBe(0);
      await searchAndOpen(dash, { prefecture: '東京都', keywords: tag }, seeker!.profileId);
      const send = dash.getByRole('button', { name: '送信する', exact: true });
      await dash.getByRole('textbox', { name: 'メッセージ本文' }).fill('はじめまして。訪問介護の求人をご紹介できます。');
      expect(await send.isEnabled()).toBe(true);
      await send.click();
      await dash.getByText('返信待ち').first().waitFor();
      await expect.poll(() => dash.locator('#quota-text').innerText()).toContain('1 / 1000 通');
      await tally.check(dash, 'demo-dashboard-thread');
      await shot(dash, 'demo-1-dashboard-night-sent');

      // The worker counts the same send.
      const session = (await extensionSession(b))!;
      const quota = must(await api(workerUrl, 'GET', '/v1/agency/quota', { token: session.token }), 200, 'quota');
      expect(quota.used).toBe(1);

      // The background (the real clock; no page clock there) publishes the same quota, no maintenance.
      await expect
        .poll(
          async () =>
            b.serviceWorker.evaluate(async () => {
              const chromeApi = (
                globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, any>> } } } }
              ).chrome;
              const summary = (await chromeApi.storage.session.get('summary'))['summary'] as
                { quota: { used: number } | null; lastProblem: string | null } | undefined;
              return summary ? { used: summary.quota?.used ?? null, lastProblem: summary.lastProblem } : null;
            }),
          { timeout: 30_000 },
        )
        .toEqual({ used: 1, lastProblem: null });

      // The popup agrees.
      const popup = await b.open('popup.html');
      await popup.getByText('本日の送信数').waitFor();
      await expect.poll(() => popup.locator('#quota-text').innerText()).toContain('1 / 1000 通');
      expect(await popup.getByText('メンテナンス').count()).toBe(0);
      await tally.check(popup, 'demo-popup');
      await shot(popup, 'demo-2-popup-night');
      expect(tally.summary()).toEqual([]);
      expect(tally.landmarks()).toEqual([]);
    });
  });
});
