/**
 * The extension's size budgets (issue 18): the jobseeker's popup — its first screen and the
 * jobseeker view it loads on demand — at most 50 KB gzip, the agency's dashboard and side panel
 * at most 150 KB. Builds the Chrome extension into a temporary directory (so a stale `.output`
 * cannot pass) and measures as the benchmark's bundle table does.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageSizes, type PageSize } from '../bench/bundle-measure';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'madoguchi-size-'));
let pages: PageSize[] = [];
const page = (name: string) => pages.find((p) => p.page === name)!;

beforeAll(() => {
  const script = `import { build } from 'wxt'; await build({ root: 'extension', outDir: ${JSON.stringify(out)}, logger: { ...console, info() {}, debug() {}, log() {}, success() {}, start() {}, level: 0 } });`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`wxt build failed:\n${run.stderr}`);
  pages = pageSizes(join(out, 'chrome-mv3'));
}, 180_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('extension bundle budgets', () => {
  it('the jobseeker’s popup (first screen and jobseeker view) is at most 50 KB gzip', () => {
    const popup = page('popup.html');
    expect(popup.parts.SeekerRoot, 'the popup loads the jobseeker view on demand').toBeDefined();
    expect(popup.parts.SeekerRoot!).toBeLessThanOrEqual(50);
  });

  it('the popup’s first screen loads neither the agency’s database nor zod', () => {
    const popup = page('popup.html');
    expect(popup.firstScreen).toBeLessThanOrEqual(15);
  });

  it('the dashboard and the side panel are at most 150 KB gzip', () => {
    expect(page('dashboard.html').firstScreen).toBeLessThanOrEqual(150);
    expect(page('sidepanel.html').firstScreen).toBeLessThanOrEqual(150);
  });
});
