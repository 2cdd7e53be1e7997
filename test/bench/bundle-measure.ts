/**
 * What each page of a built extension loads, gzip: its first screen (the page's scripts and their
 * static imports) and each part it loads on demand (a dynamic import, with that part's own static
 * imports), so the jobseeker's popup can be measured apart from the agency's. Used by the
 * benchmark's bundle table (`bundles.ts`) and by test/shared/bundle-size.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const STATIC = /(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g;
const DYNAMIC = /import\(\s*[`"](\.{1,2}\/[^`"]+\.js)[`"]\s*\)/g;

function imports(file: string, re: RegExp): string[] {
  return [...readFileSync(file, 'utf8').matchAll(re)].map((m) => join(dirname(file), m[1]!));
}

/** The files a set of scripts loads: static imports always, dynamic ones when `dynamic`. */
export function closure(start: string[], dynamic: boolean): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    imports(file, STATIC).forEach(visit);
    if (dynamic) imports(file, DYNAMIC).forEach(visit);
  };
  start.forEach(visit);
  return seen;
}

/** KB (1,024 bytes) of the files gzipped one by one at level 9. */
export const gzipKb = (files: Iterable<string>) =>
  [...files].reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0) / 1024;

/** One page: its first screen, each on-demand part with the first screen, and everything. */
export type PageSize = { page: string; firstScreen: number; parts: Record<string, number>; all: number };

/**
 * The sizes of every page in a built extension directory (e.g. `.output/chrome-mv3`). A part is
 * named after its chunk without the hash (`SeekerRoot`, `AgencyPopup`).
 *
 * @example
 * pageSizes('.output/chrome-mv3').find((p) => p.page === 'popup.html')?.parts.SeekerRoot; // 41.2
 */
export function pageSizes(out: string): PageSize[] {
  return readdirSync(out)
    .filter((f) => f.endsWith('.html'))
    .map((page) => {
      const html = readFileSync(join(out, page), 'utf8');
      const scripts = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.js)"/g)].map((m) =>
        join(out, m[1]!.replace(/^\//, '')),
      );
      const first = closure(scripts, false);
      const parts: Record<string, number> = {};
      for (const file of first) {
        for (const target of imports(file, DYNAMIC)) {
          if (first.has(target) || !existsSync(target)) continue;
          parts[basename(target).replace(/-[\w-]{8}\.js$/, '')] = gzipKb(new Set([...first, ...closure([target], false)]));
        }
      }
      return { page, firstScreen: gzipKb(first), parts, all: gzipKb(closure(scripts, true)) };
    });
}
