/**
 * Browser journeys' setup: builds the extension, starts `wrangler dev` on a free local port with
 * fresh state, loads the demo data through the worker's routes, and hands the tests its address and
 * accounts. Stops the worker afterwards.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { seedDemo } from '../../scripts/lib/demo';
import { browserCheck, SKIP_ENV } from './browser';
import { ROOT, devVars, freePort, startWorker } from '../../scripts/lib/worker-process';

declare module 'vitest' {
  export interface ProvidedContext {
    workerUrl: string;
    ministryToken: string;
    seekers: Array<{ profileId: string; passphrase: string }>;
    /** False when there is no Chromium here (the journeys are then skipped, never in CI). */
    browser: boolean;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const skipped = browserCheck();
  project.provide('browser', skipped === null);
  if (skipped) {
    console.warn(`\n⚠ ${skipped}\n`);
    process.env[SKIP_ENV] = skipped;
    return async () => {};
  }
  // Screens of an earlier failed run would read as this run's.
  const shots = join(ROOT, 'test/e2e/screenshots');
  if (existsSync(shots)) for (const f of readdirSync(shots)) if (f.includes('-failed-')) rmSync(join(shots, f));
  const build = spawnSync('npm', ['run', 'build:ext'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('npm run build:ext failed');
  const state = mkdtempSync(join(tmpdir(), 'madoguchi-e2e-'));
  const worker = await startWorker({ port: await freePort(), persistTo: state, quiet: true });
  try {
    const seeded = await seedDemo(worker.url, devVars().BOOTSTRAP_STAFF_TOKEN ?? '', { profiles: 400 });
    project.provide('workerUrl', worker.url);
    project.provide('ministryToken', seeded.ministryToken);
    project.provide('seekers', seeded.seekers);
  } catch (err) {
    await worker.stop();
    throw err;
  }
  return async () => {
    await worker.stop();
    rmSync(state, { recursive: true, force: true });
  };
}
