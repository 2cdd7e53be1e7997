/**
 * Starts and stops a local `wrangler dev` for `npm start`, the browser tests and the benchmarks.
 * wrangler runs in its own process group so stopping it also stops workerd (killing only the npx
 * or wrangler process would leave workerd holding the port; ../shared/TOOLCHAIN.md).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Makes `.dev.vars` from the example on a fresh clone, and returns its values. */
export function devVars(): Record<string, string> {
  const path = resolve(ROOT, '.dev.vars');
  if (!existsSync(path)) copyFileSync(resolve(ROOT, '.dev.vars.example'), path);
  return Object.fromEntries(
    readFileSync(path, 'utf8')
      .split(/\r?\n/)
      .filter((l) => /^\s*[A-Z_]+\s*=/.test(l))
      .map((l) => {
        const i = l.indexOf('=');
        return [
          l.slice(0, i).trim(),
          l
            .slice(i + 1)
            .trim()
            .replace(/^"(.*)"$/, '$1'),
        ];
      }),
  );
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => ok(port));
    });
  });
}

/** True when nothing listens on 127.0.0.1:`port`. */
export async function portIsFree(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const server = createServer();
    server.once('error', () => ok(false));
    server.listen(port, '127.0.0.1', () => server.close(() => ok(true)));
  });
}

/**
 * The first free port from `wanted` on (at most 50 tries), for `npm start` when another one runs.
 *
 * @example await firstFreePort(8787); // 8788 while a first `npm start` holds 8787
 */
export async function firstFreePort(wanted: number): Promise<number> {
  for (let port = wanted; port < wanted + 50; port += 1) if (await portIsFree(port)) return port;
  throw new Error(`127.0.0.1:${wanted}–${wanted + 49} はすべて使用中です / no free port from ${wanted}`);
}

/** `log()`: the last 4,000 characters wrangler wrote to stderr (a quiet worker's errors). */
export type RunningWorker = { url: string; port: number; process: ChildProcess; stop: () => Promise<void>; log: () => string };

/**
 * Starts `wrangler dev` on 127.0.0.1 and waits until `/v1/health` answers.
 *
 * @example const worker = await startWorker({ port: 8787, persistTo: '.wrangler/state' });
 * @example const floor = await startWorker({ port, persistTo, config: 'test/bench/floor/wrangler.toml' }); // the benchmark's HTTP floor
 */
export async function startWorker(options: {
  port: number;
  persistTo: string;
  quiet?: boolean;
  vars?: Record<string, string>;
  config?: string;
}): Promise<RunningWorker> {
  devVars();
  const args = [
    'dev',
    ...(options.config ? ['--config', options.config] : []),
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--persist-to',
    options.persistTo,
    '--show-interactive-dev-session=false',
    '--inspector-port',
    String(await freePort()),
  ];
  // wrangler.toml's top level is production (R-SEC-7); local runs get the movable clock here.
  for (const [k, v] of Object.entries({ ENVIRONMENT: 'development', ...(options.vars ?? {}) })) args.push('--var', `${k}:${v}`);
  const child = spawn(resolve(ROOT, 'node_modules/.bin/wrangler'), args, {
    cwd: ROOT,
    detached: true,
    stdio: options.quiet ? ['ignore', 'ignore', 'pipe'] : ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_UPDATE_NOTIFIER: '1', WRANGLER_LOG: options.quiet ? 'error' : 'info' },
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}): ${stderr}`);
    try {
      const res = await fetch(`${url}/v1/health`);
      if (res.ok) return { url, port: options.port, process: child, stop, log: () => stderr };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`wrangler dev did not answer on ${url} within 90 s: ${stderr}`);
}

/**
 * Runs `work` against a fresh `wrangler dev` whose state lives in a new folder under `dir`, then
 * stops it and removes the folder, whether `work` succeeded or not (the benchmarks' parts).
 *
 * @example await withFreshWorker(tmpdir(), (worker) => benchOffers(worker.url, ministry, agency));
 */
export async function withFreshWorker<T>(
  dir: string,
  work: (worker: RunningWorker) => Promise<T>,
  options: { quiet?: boolean } = {},
): Promise<T> {
  const state = mkdtempSync(join(dir, 'madoguchi-bench-'));
  const worker = await startWorker({ port: await freePort(), persistTo: state, quiet: options.quiet ?? true });
  try {
    return await work(worker);
  } finally {
    await worker.stop();
    rmSync(state, { recursive: true, force: true });
  }
}
