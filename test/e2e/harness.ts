/**
 * Real Chromium (Debian's `chromium`) with the built extension loaded, driven by playwright-core.
 * Each role gets its own browser profile, like two people on two machines.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { ROOT } from '../../scripts/lib/worker-process';

export const EXTENSION_DIR = resolve(ROOT, '.output/chrome-mv3');
export const SCREENSHOTS = resolve(ROOT, 'test/e2e/screenshots');

export type ExtensionBrowser = {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Opens an extension page (`popup.html`, `dashboard.html`, …). */
  open: (page: string) => Promise<Page>;
  close: () => Promise<void>;
};

/**
 * Launches Chromium with the extension and points it at the test worker.
 *
 * @example const agency = await launchExtension(inject('workerUrl'));
 */
export async function launchExtension(workerUrl: string): Promise<ExtensionBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'madoguchi-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 1280, height: 900 },
    // The extension speaks the browser's language: Japanese, as for the people it serves.
    env: { ...process.env, LANG: 'ja_JP.UTF-8', LANGUAGE: 'ja' },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--lang=ja',
    ],
  });
  let serviceWorker = context.serviceWorkers()[0];
  if (!serviceWorker) serviceWorker = await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(serviceWorker.url()).host;
  await serviceWorker.evaluate(async (url) => {
    await (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({
      workerUrl: url,
    });
  }, workerUrl);
  return {
    context,
    extensionId,
    serviceWorker,
    open: async (page) => {
      const p = await context.newPage();
      await p.goto(`chrome-extension://${extensionId}/${page}`);
      return p;
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot of a key screen under test/e2e/screenshots/. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** One call to the worker's API from the test (bureau actions, clock moves). */
export async function api(
  base: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
