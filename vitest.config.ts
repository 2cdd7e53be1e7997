import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

/**
 * One runner for every part: pure rules in Node, the worker in the Workers runtime
 * (real Durable Objects and SQLite), the extension over fake-indexeddb in happy-dom,
 * and the browser journeys in real Chromium.
 */
/** Repeats the journeys' skip notice (test/e2e/browser.ts) under the summary, where people look. */
const skipNoticeReporter = {
  onTestRunEnd() {
    const notice = process.env.MADOGUCHI_E2E_SKIPPED;
    if (notice) console.warn(`\n⚠ ${notice}\n`);
  },
};

export default defineConfig({
  test: {
    reporters: ['default', skipNoticeReporter],
    projects: [
      {
        test: {
          name: 'shared',
          include: ['shared/**/*.test.ts', 'test/shared/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: { bindings: { ENVIRONMENT: 'test', BOOTSTRAP_STAFF_TOKEN: 'test-bootstrap-token-0123456789abcdef' } },
          }),
        ],
        test: {
          name: 'worker',
          include: ['test/worker/**/*.test.ts'],
          // Clock moves run scheduled work for every agency; on a busy 2-core machine that can pass 5 s.
          testTimeout: 30_000,
        },
      },
      {
        // R-SEC-7: the worker exactly as wrangler.toml's top level deploys it (no development settings).
        plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' } })],
        test: {
          name: 'worker-prod',
          include: ['test/worker-prod/**/*.test.ts'],
        },
      },
      {
        plugins: [WxtVitest({ root: 'extension' })],
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
        test: {
          name: 'extension',
          environment: 'happy-dom',
          include: ['test/extension/**/*.test.{ts,tsx}', 'extension/**/*.test.{ts,tsx}'],
          setupFiles: ['test/extension/setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
