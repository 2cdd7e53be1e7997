/**
 * First contacts (issue 18), through HTTP against the running worker: one agency writes to profiles
 * whose jobseekers never activated, so each send creates the jobseeker's object. The rate (1,000
 * first contacts, 50 in flight) and the burst (1,500 at once to 1,500 fresh profiles: exactly 1,000
 * delivered, R-CAP-1). Runs inside `npm run bench`, or alone: `npx tsx test/bench/first-contacts.ts`,
 * which measures answers in open conversations and first contacts with the state on disk, then in memory.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { exampleRegistration } from '../../shared/schemas/examples';
import { syntheticProfiles } from '../../scripts/lib/synthetic';
import { benchClientAddress, call } from '../../scripts/lib/http';
import { signInStaff } from '../../scripts/lib/clock';
import { withFreshWorker } from '../../scripts/lib/worker-process';
import { BENCH_STAFF, benchAccounts, percentiles } from './run';
import { benchSends } from './sends';

const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 50);

/** A freshly admitted agency's token. */
async function admittedAgency(base: string, ministry: string, tag: string): Promise<string> {
  const email = `first-${tag}-${Date.now()}@agency.example.jp`;
  const reg = await call(base, 'POST', '/v1/public/registrations', {
    headers: benchClientAddress(),
    body: {
      ...exampleRegistration,
      email,
      password: 'bench-agency-password',
      licence: { kind: 'paid', number: `13-ユ-8${String(Date.now() % 100000).padStart(5, '0')}` },
      placements: [{ placedOn: '2026-11-20', fixedTermMonths: null, seasonal: false }],
    },
  });
  if (reg.status !== 201) throw new Error(`registration: ${reg.status} ${JSON.stringify(reg.body)}`);
  await call(base, 'POST', `/v1/admin/registrations/${reg.body.id}/accept`, { token: ministry, body: {} });
  return (await call(base, 'POST', '/v1/agency/sessions', { body: { email, password: 'bench-agency-password' } })).body.token as string;
}

/** Loads `n` profiles nobody activated and returns their IDs. */
async function freshProfiles(base: string, ministry: string, n: number, seed: number): Promise<string[]> {
  const ids: string[] = [];
  const rows = syntheticProfiles(n, seed).map((r) => JSON.stringify({ ...r, selfIntroduction: 'ベンチマーク用の求職者です。' }));
  for (let i = 0; i < rows.length; i += 2000) {
    const res = await call(base, 'PUT', '/v1/admin/feed/profiles', { token: ministry, ndjson: rows.slice(i, i + 2000).join('\n') });
    if (res.status !== 200) throw new Error(`load: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    ids.push(...(res.body.results as Array<{ id: string }>).map((r) => r.id));
  }
  return ids;
}

/** Retries the bench had to make: wrangler dev's proxy answers 503 when its hop to workerd fails under load. */
export const retries = { proxy: 0, inProgress: 0 };

/** One first contact; a 503 from the proxy or a key still in progress is retried with the same key (R-CAP-2). */
async function firstContact(base: string, token: string, profileId: string, key: string): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const res = await call(base, 'POST', '/v1/agency/conversations', {
      token,
      body: { profileId, body: '求人のご案内です。ご興味があればご返信ください。', idempotencyKey: key },
    });
    const retry = res.status === 503 ? 'proxy' : res.status === 409 && res.body.code === 'send_in_progress' ? 'inProgress' : null;
    if (retry && attempt < 20) {
      retries[retry]++;
      await new Promise((r) => setTimeout(r, retry === 'proxy' ? 50 : 1000));
      continue;
    }
    if (res.status >= 500) throw new Error(`first contact: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    return res.status;
  }
}

/** The first-contact rate and the burst; prints one line each. */
export async function benchFirstContacts(base: string, where: string): Promise<void> {
  console.log(`\nfirst contacts (to profiles whose jobseekers' objects do not exist yet, through HTTP; ${where})`);
  await call(base, 'GET', '/v1/health');
  const ministry = await signInStaff(base, BENCH_STAFF);
  const ids = await freshProfiles(base, ministry, 2500, 4242);

  const agency = await admittedAgency(base, ministry, 'rate');
  const targets = ids.slice(0, 1000);
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < targets.length) {
        const i = next++;
        const t = performance.now();
        const status = await firstContact(base, agency, targets[i]!, `fc-rate-${i}`);
        latencies.push(performance.now() - t);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const p = percentiles(latencies);
  console.log(
    `  1 agency:    ${(targets.length / seconds).toFixed(0).padStart(5)} first contacts/s over ${seconds.toFixed(1)} s (1,000 sends, ${IN_FLIGHT} in flight; p50 ${p.p50.toFixed(1)} ms, p95 ${p.p95.toFixed(1)} ms; target 200/s) statuses ${JSON.stringify(Object.fromEntries(statuses))}, retries ${JSON.stringify(retries)}`,
  );

  // The same rate to the same jobseekers from another agency: their objects exist now, so the
  // difference is what creating and migrating a jobseeker's object costs.
  const again = await admittedAgency(base, ministry, 'again');
  const t1 = performance.now();
  const againStatuses = new Map<number, number>();
  next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < targets.length) {
        const i = next++;
        const status = await firstContact(base, again, targets[i]!, `fc-again-${i}`);
        againStatuses.set(status, (againStatuses.get(status) ?? 0) + 1);
      }
    }),
  );
  const againSeconds = (performance.now() - t1) / 1000;
  console.log(
    `  objects exist: ${(targets.length / againSeconds).toFixed(0).padStart(3)} first contacts/s (the same 1,000 jobseekers from a second agency) statuses ${JSON.stringify(Object.fromEntries(againStatuses))}`,
  );

  const burstAgency = await admittedAgency(base, ministry, 'burst');
  const burst = ids.slice(1000, 2500);
  const tb = performance.now();
  const results = await Promise.all(burst.map((id, i) => firstContact(base, burstAgency, id, `fc-burst-${i}`)));
  const burstSeconds = (performance.now() - tb) / 1000;
  const quota = (await call(base, 'GET', '/v1/agency/quota', { token: burstAgency })).body;
  console.log(
    `  burst:       1,500 parallel first contacts → ${results.filter((s) => s === 201).length} delivered, ${results.filter((s) => s === 429).length} refused (cap_reached) in ${burstSeconds.toFixed(1)} s (${(1500 / burstSeconds).toFixed(0)}/s); quota used ${quota.used} of ${quota.limit} (must be exactly 1,000); retries ${JSON.stringify(retries)}`,
  );
}

/** Where wrangler dev keeps its state for the run in memory: tmpfs, where the machine has one. */
export const MEMORY_DIR = '/dev/shm';

/**
 * Answers in open conversations, then first contacts, each on a fresh worker whose state lives
 * under `dir`: on disk every commit of every object's SQLite is a local fsync, and a new object's
 * file costs several more (docs/performance.md); in memory (tmpfs) the same code runs without them,
 * as a Durable Object's commit on Cloudflare is no local fsync either. The benchmark prints both.
 * Each part has a worker of its own: one local workerd keeps every object it has started open, and
 * past about 2,500 objects with a database (the first contacts create 2,500 jobseekers' objects) it
 * has refused to open more with SQLITE_NOMEM (docs/performance.md).
 *
 * @example await sendingWithStateIn('/dev/shm', 'state in memory: /dev/shm');
 */
export async function sendingWithStateIn(dir: string, where: string): Promise<void> {
  for (const part of [benchSends, benchFirstContacts]) {
    await withFreshWorker(
      dir,
      async (worker) => {
        try {
          await benchAccounts(worker.url);
          await part(worker.url, where);
        } catch (err) {
          console.log(`  failed (${where}): ${String(err)}\n  wrangler's last words: ${worker.log().slice(-2000)}`);
          throw err;
        }
      },
      { quiet: process.env.BENCH_VERBOSE !== '1' },
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await sendingWithStateIn(tmpdir(), `state on disk: ${tmpdir()}`);
  if (existsSync(MEMORY_DIR)) await sendingWithStateIn(MEMORY_DIR, `state in memory: ${MEMORY_DIR}`);
  process.exit(0);
}
