/**
 * The import scan behind the layering test: which file imports which, and which of those imports
 * break the project's layers (docs/architecture.md, "Layers and request paths"):
 * `shared` ← `worker/lib` ← `worker/objects` ← `worker/flows` ← `worker/middleware`, `worker/routes`
 * ← `worker/app.ts`, `worker/index.ts`. An object imports no other object's module, `shared/` imports
 * nothing outside itself and no runtime library, and the extension takes only types from the worker.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/** One import or re-export: the importing file, the imported path (resolved, without extension) and whether it is type-only. */
export type ImportEdge = { from: string; to: string; typeOnly: boolean };

const SKIP = new Set(['node_modules', '.output', '.wxt', '.wrangler']);

/** Every .ts/.tsx file under the given folders (declaration files left out), with '/' separators. */
export function sourceFiles(root: string, folders: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
      const p = `${dir}/${e.name}`;
      if (e.isDirectory()) {
        if (!SKIP.has(e.name)) walk(p);
      } else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
    }
  };
  folders.forEach(walk);
  return out;
}

const IMPORT = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

/** The imports of one file's text; relative ones resolved against the file, packages kept as written. */
export function importsOf(file: string, text: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[2]!;
    const to = spec.startsWith('.')
      ? normalize(join(dirname(file), spec))
          .replace(/\\/g, '/')
          .replace(/\.tsx?$/, '')
      : spec;
    edges.push({ from: file, to, typeOnly: Boolean(m[1]) });
  }
  return edges;
}

/** The worker layer of a path, lowest first; null outside the worker's layers. */
function rank(path: string): number | null {
  if (path.startsWith('shared/')) return 0;
  if (path.startsWith('worker/lib/')) return 1;
  if (path.startsWith('worker/objects/')) return 2;
  if (path.startsWith('worker/flows/')) return 3;
  if (path.startsWith('worker/middleware/') || path.startsWith('worker/routes/')) return 4;
  if (/^worker\/(app|index)(\.ts)?$/.test(path)) return 5;
  return null;
}

const NAMES = ['shared', 'worker/lib', 'worker/objects', 'worker/flows', 'worker/routes or worker/middleware', 'worker/app.ts'];

/** The Durable Object a path belongs to: `worker/objects/<name>/…` or `worker/objects/<name>.ts`. */
function objectOf(path: string): string | null {
  const m = /^worker\/objects\/([^/.]+)/.exec(path);
  return m ? m[1]! : null;
}

/** Packages `shared/` must not import: it is pure and runs in the worker, the extension and Node alike. */
const RUNTIME_PACKAGES = /^(hono|@hono\/|dexie|wxt|@wxt-dev\/|preact|cloudflare:)/;

/**
 * The imports that break a layer, each as a sentence naming the file and the import.
 *
 * @example layerViolations([{ from: 'worker/lib/feed.ts', to: 'worker/objects/feed-shard', typeOnly: true }])
 */
export function layerViolations(edges: ImportEdge[]): string[] {
  const out: string[] = [];
  for (const { from, to, typeOnly } of edges) {
    if (from.startsWith('shared/')) {
      if (RUNTIME_PACKAGES.test(to)) out.push(`${from} imports the runtime package ${to}; shared/ stays pure`);
      else if (!to.startsWith('shared/') && /^(worker|extension|test|scripts)\//.test(to))
        out.push(`${from} imports ${to}; shared/ imports only shared/`);
      continue;
    }
    if (from.startsWith('extension/')) {
      if (to.startsWith('worker/') && !typeOnly)
        out.push(`${from} imports worker code from ${to}; the extension takes only types (import type)`);
      continue;
    }
    const a = rank(from);
    const b = rank(to);
    if (a === null || b === null) continue;
    if (b > a) out.push(`${from} (${NAMES[a]}) imports ${to} (${NAMES[b]}); imports point down only`);
    const oa = objectOf(from);
    const ob = objectOf(to);
    if (oa && ob && oa !== ob)
      out.push(`${from} (object ${oa}) imports ${to} (object ${ob}); an object never imports another object's module`);
  }
  return out;
}
