/**
 * The interactive API reference in real Chromium: /v1/docs draws its operations from
 * /v1/openapi.json with the viewer's script and style served by the worker itself (no CDN), and the
 * page loads nothing from anywhere else.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { CHROMIUM_PATH } from './browser';
import { SCREENSHOTS } from './harness';

const workerUrl = inject('workerUrl');

describe.skipIf(!inject('browser'))('the API reference', () => {
  it('/v1/docs loads in Chromium and lists the operations, from the worker alone', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      const elsewhere: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (r) => {
        if (!r.url().startsWith(workerUrl) && !r.url().startsWith('data:')) elsewhere.push(r.url());
      });
      page.on('response', (r) => {
        if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
      });
      await page.goto(`${workerUrl}/v1/docs`);
      await page.getByRole('heading', { name: '窓口 Madoguchi API リファレンス' }).waitFor();
      // Swagger UI has drawn the document: the operations list, with our Japanese summaries.
      const operations = page.locator('.opblock');
      await operations.first().waitFor({ timeout: 30_000 });
      expect(await operations.count()).toBeGreaterThan(50);
      await page.locator('.opblock-summary-path', { hasText: '/v1/agency/feed' }).first().waitFor();
      await page.getByText('稼働確認').first().waitFor();
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: `${SCREENSHOTS}/docs-1-api-reference.png` });
      expect(errors).toEqual([]);
      expect(elsewhere).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
