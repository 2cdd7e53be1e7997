/**
 * `npm run bench`: figures, not timed tests. The feed (./feed-search.ts): load rate, searches with
 * their hit counts through HTTP beside the HTTP floor (a bare Worker and Durable Object, ./floor/)
 * and SQLite, and each shard's database size. Then job offers, sending, first contacts, the
 * extension's bundle sizes when built, and the contact-detail detector.
 *
 * Then the sign-in flood figure (R-SEC-5, signin-flood.ts).
 *
 * BENCH_PROFILES (default 100000) sets the data size; above 100,000 the run measures 100,000 too.
 * BENCH_RUNS (default 200) the searches per query; BENCH_OFFERS=0 skips the job offers.
 * BENCH_ONLY=feed runs the feed sizes alone; BENCH_ONLY=signin runs the sign-in flood alone; BENCH_FLOOD_PROFILES (default 10000) sets the
 * profiles its feed holds.
 */
import { existsSync } from 'node:fs';
import { tmpdir, cpus, loadavg, totalmem } from 'node:os';
import { devVars, withFreshWorker } from '../../scripts/lib/worker-process';
import { benchOffers } from './offers';
import { sendingWithStateIn, MEMORY_DIR } from './first-contacts';
import { benchFeed, printFeed } from './feed-search';
import { benchSignInFlood, loadFloodProfiles } from './signin-flood';
import { pathToFileURL } from 'node:url';
import { bundleSizes } from './bundles';
import { benchDetector } from './detector';
import { benchClientAddress, call } from '../../scripts/lib/http';
import { moveClock, signInStaff } from '../../scripts/lib/clock';

const PROFILES = Number(process.env.BENCH_PROFILES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);

/** p50 / p95 / max of a list of milliseconds. */
export function percentiles(ms: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1]! };
}

export const BENCH_STAFF = { email: 'bench@mhlw.example.jp', password: 'bench-ministry-password', name: 'ベンチ', role: 'ministry' };

/** A fresh ministry token (sessions end after 12 hours, so after every big clock move). */
export async function staffToken(base: string): Promise<string> {
  return signInStaff(base, BENCH_STAFF);
}

/** Signs in the bench's staff and one admitted agency. */
export async function benchAccounts(base: string): Promise<{ ministry: string; agency: string; agencyEmail: string }> {
  const vars = devVars();
  await call(base, 'POST', '/v1/admin/staff', { token: vars.BOOTSTRAP_STAFF_TOKEN, body: BENCH_STAFF });
  const { token: ministry } = await moveClock(base, BENCH_STAFF, new Date('2026-11-27T10:00:00+09:00'));
  const { exampleRegistration } = await import('../../shared/schemas/examples');
  const agencyEmail = `bench-${Date.now()}@agency.example.jp`;
  const reg = await call(base, 'POST', '/v1/public/registrations', {
    headers: benchClientAddress(),
    body: {
      ...exampleRegistration,
      email: agencyEmail,
      password: 'bench-agency-password',
      placements: [{ placedOn: '2026-11-20', fixedTermMonths: null, seasonal: false }],
    },
  });
  await call(base, 'POST', `/v1/admin/registrations/${reg.body.id}/accept`, { token: ministry, body: {} });
  const agency = (await call(base, 'POST', '/v1/agency/sessions', { body: { email: agencyEmail, password: 'bench-agency-password' } })).body
    .token as string;
  return { ministry, agency, agencyEmail };
}

const FLOOD_PROFILES = Number(process.env.BENCH_FLOOD_PROFILES ?? 10_000);

/** The sign-in flood on a fresh worker with a smaller feed: the full run's last part, or alone with `BENCH_ONLY=signin`. */
async function signInFloodOnly(): Promise<void> {
  await withFreshWorker(tmpdir(), async (worker) => {
    const { ministry } = await benchAccounts(worker.url);
    await loadFloodProfiles(worker.url, ministry, FLOOD_PROFILES);
    await benchSignInFlood(worker.url, FLOOD_PROFILES);
  });
}

async function main(): Promise<void> {
  console.log(`Madoguchi benchmarks — ${new Date().toISOString()}`);
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}`,
  );
  if (process.env.BENCH_ONLY === 'signin') return signInFloodOnly();
  // Above 100,000 the run measures 100,000 as well, so the growth shows beside it.
  const sizes = PROFILES > 100_000 ? [100_000, PROFILES] : [PROFILES];
  console.log(
    `data: ${sizes.map((n) => n.toLocaleString('en')).join(' and ')} synthetic profiles, ${RUNS} runs per query (after 5 not measured)\n`,
  );

  const feed = [];
  for (const size of sizes) {
    feed.push(await benchFeed(size, RUNS, benchAccounts));
    if (sizes.length > 1) printFeed(feed.slice(-1)); // kept even if a larger size fails later
  }
  printFeed(feed);
  console.log(
    `load average after the feed: ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}`,
  );
  if (process.env.BENCH_ONLY === 'feed') return;

  // Each part on a fresh worker: the sends and first contacts move the clock a day on, past the
  // sessions signed in before them, and one local workerd keeps every object it started open.
  if (process.env.BENCH_OFFERS !== '0')
    await withFreshWorker(tmpdir(), async (worker) => {
      const { ministry, agency } = await benchAccounts(worker.url);
      await benchOffers(worker.url, ministry, agency);
    });
  await sendingWithStateIn(tmpdir(), `state on disk: ${tmpdir()}`);
  // The same sending figures with the state in memory, where commits are no local fsyncs.
  if (existsSync(MEMORY_DIR)) await sendingWithStateIn(MEMORY_DIR, `state in memory: ${MEMORY_DIR}`);
  await signInFloodOnly();
  await bundleSizes();
  benchDetector();
  console.log(
    `load average at the end: ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}`,
  );
}

// Run when started as the script (`npm run bench`), not when test/bench/offers.ts imports it.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
