/** The extension's JavaScript per page, gzip (targets: popup < 50 KB, dashboard < 150 KB). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../../scripts/lib/worker-process';

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? jsFiles(p) : p.endsWith('.js') ? [p] : [];
  });
}

export async function bundleSizes(): Promise<void> {
  const out = ['.output/chrome-mv3', 'extension/.output/chrome-mv3'].map((p) => join(ROOT, p)).find((p) => existsSync(p));
  if (!out) {
    console.log('\nbundles: build the extension first (npm run build:ext)');
    return;
  }
  console.log(`\nextension bundle (${out.replace(ROOT + '/', '')}): gzip of each page's scripts`);
  for (const page of readdirSync(out).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(join(out, page), 'utf8');
    const scripts = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.js)"/g)].map((m) => join(out, m[1]!.replace(/^\//, '')));
    const gz = scripts.filter((s) => existsSync(s)).reduce((n, s) => n + gzipSync(readFileSync(s)).length, 0);
    console.log(`  ${page.padEnd(20)} ${(gz / 1024).toFixed(1).padStart(7)} KB gzip (${scripts.length} scripts)`);
  }
  const bg = jsFiles(out).filter((f) => f.endsWith('background.js'));
  for (const f of bg) console.log(`  ${'background.js'.padEnd(20)} ${(gzipSync(readFileSync(f)).length / 1024).toFixed(1).padStart(7)} KB gzip`);
}
