/**
 * The extension's JavaScript per page, gzip: what the first screen loads (the page's scripts and
 * their static imports) and everything it may load on demand (dynamic imports too, e.g. the popup's
 * jobseeker view). Targets: popup ≤ 50 KB in both, dashboard ≤ 150 KB.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../../scripts/lib/worker-process';

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? jsFiles(p) : p.endsWith('.js') ? [p] : [];
  });
}

/** The files a set of scripts loads: static imports always, dynamic ones when `dynamic`. */
function closure(start: string[], dynamic: boolean): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    const patterns = [/(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g, ...(dynamic ? [/import\(\s*[`"](\.{1,2}\/[^`"]+\.js)[`"]\s*\)/g] : [])];
    for (const re of patterns) for (const m of code.matchAll(re)) visit(join(dirname(file), m[1]!));
  };
  start.forEach(visit);
  return seen;
}

const gz = (files: Iterable<string>) => [...files].reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0) / 1024;

export async function bundleSizes(): Promise<void> {
  const out = ['.output/chrome-mv3', 'extension/.output/chrome-mv3'].map((p) => join(ROOT, p)).find((p) => existsSync(p));
  if (!out) {
    console.log('\nbundles: build the extension first (npm run build:ext)');
    return;
  }
  console.log(`\nextension bundle (${out.replace(ROOT + '/', '')}): gzip of each page's scripts — first screen / with everything loaded on demand`);
  for (const page of readdirSync(out).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(join(out, page), 'utf8');
    const scripts = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.js)"/g)].map((m) => join(out, m[1]!.replace(/^\//, '')));
    console.log(`  ${page.padEnd(20)} ${gz(closure(scripts, false)).toFixed(1).padStart(7)} KB / ${gz(closure(scripts, true)).toFixed(1).padStart(7)} KB gzip`);
  }
  const bg = jsFiles(out).filter((f) => f.endsWith('background.js'));
  for (const f of bg) console.log(`  ${'background.js'.padEnd(20)} ${gz([f]).toFixed(1).padStart(7)} KB gzip`);
}
