/**
 * The extension's JavaScript per page, gzip: what the first screen loads (the page's scripts and
 * their static imports), each part it loads on demand with it (the popup's jobseeker view and
 * agency view), and everything. Targets: the jobseeker's popup (first screen + jobseeker view)
 * ≤ 50 KB, dashboard ≤ 150 KB; test/shared/bundle-size.test.ts fails when over.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/lib/worker-process';
import { gzipKb, pageSizes } from './bundle-measure';

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? jsFiles(p) : p.endsWith('.js') ? [p] : [];
  });
}

const kb = (n: number) => `${n.toFixed(1).padStart(7)} KB`;

export async function bundleSizes(): Promise<void> {
  const out = ['.output/chrome-mv3', 'extension/.output/chrome-mv3'].map((p) => join(ROOT, p)).find((p) => existsSync(p));
  if (!out) {
    console.log('\nbundles: build the extension first (npm run build:ext)');
    return;
  }
  console.log(
    `\nextension bundle (${out.replace(ROOT + '/', '')}): gzip of each page's scripts — first screen / with everything loaded on demand`,
  );
  for (const { page, firstScreen, parts, all } of pageSizes(out)) {
    console.log(`  ${page.padEnd(20)} ${kb(firstScreen)} / ${kb(all)} gzip`);
    for (const [part, size] of Object.entries(parts)) console.log(`    + ${part.padEnd(16)} ${kb(size)} gzip (first screen and this part)`);
  }
  const bg = jsFiles(out).filter((f) => f.endsWith('background.js'));
  for (const f of bg) console.log(`  ${'background.js'.padEnd(20)} ${kb(gzipKb([f]))} gzip`);
}
