/**
 * The sign-in flood figure (R-SEC-5): while thousands of wrong staff and agency sign-ins run, the
 * p95 of another agency's searches and sends must stay within 1.5× of a quiet run. Measures the
 * same mix of searches and sends quiet, then under the flood, and prints both with the ratio.
 *
 * The flood guesses passwords for a real staff account, a real agency and unknown emails of both
 * kinds, from a pool of client addresses (`CF-Connecting-IP`, which a local `wrangler dev` passes
 * through), as a small botnet would; the throttle answers most of them with 429 before hashing.
 * A reference flood of as many cheap requests (GET /v1/health) shows what any flood of that size
 * costs on the same machine, where every request shares one workerd process. Each flood runs in its
 * own process (test/bench/flood-client.ts), so it does not delay the victim's requests in the
 * benchmark's own event loop, as an attacker elsewhere could not.
 *
 * Part of `npm run bench`; alone: `BENCH_ONLY=signin npm run bench` (BENCH_FLOOD_PROFILES,
 * default 10,000, sets the data size then; BENCH_FLOOD, default 3,000, the flood's minimum size).
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { exampleRegistration } from '../../shared/schemas/examples';
import { syntheticProfiles } from '../../scripts/lib/synthetic';
import { call } from '../../scripts/lib/http';
import { moveClock } from '../../scripts/lib/clock';
import { agencyWithConversations } from './sends';
import { BENCH_STAFF, percentiles } from './run';
import { wrongSignIn, type FloodJob, type FloodResult, type FloodTargets } from './flood-client';

const FLOOD = Number(process.env.BENCH_FLOOD ?? 3000);
const FLOOD_IN_FLIGHT = Number(process.env.BENCH_FLOOD_IN_FLIGHT ?? 16);
const MEASURED = Number(process.env.BENCH_FLOOD_RUNS ?? 150);
const ADDRESSES = 200;
const SEARCHES: Array<Record<string, string>> = [{ prefecture: '13', q: '介護', employmentType: 'regular' }, { q: '事務' }];

type Victim = { conversations: Array<{ agencyToken: string; conversationId: string }> };

/** Loads `n` synthetic profiles through the bureau's route (the standalone run's data). */
export async function loadFloodProfiles(base: string, ministry: string, n: number): Promise<void> {
  const rows = syntheticProfiles(n, 23);
  for (let i = 0; i < rows.length; i += 5000) {
    const res = await call(base, 'PUT', '/v1/admin/feed/profiles', {
      token: ministry,
      ndjson: rows
        .slice(i, i + 5000)
        .map((r) => JSON.stringify(r))
        .join('\n'),
    });
    if (res.status !== 200) throw new Error(`load failed: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  }
}

/** One measured round: alternately a search and an answer of the victim agency, one at a time. */
async function measure(base: string, victim: Victim, tag: string): Promise<{ search: number[]; send: number[]; failures: number }> {
  const search: number[] = [];
  const send: number[] = [];
  let failures = 0;
  const token = victim.conversations[0]!.agencyToken;
  for (let i = 0; i < MEASURED; i++) {
    let t = performance.now();
    const s = await call(base, 'GET', `/v1/agency/feed?${new URLSearchParams(SEARCHES[i % SEARCHES.length]!)}`, { token });
    search.push(performance.now() - t);
    if (s.status !== 200) failures++;
    const c = victim.conversations[i % victim.conversations.length]!;
    t = performance.now();
    const m = await call(base, 'POST', `/v1/agency/conversations/${c.conversationId}/messages`, {
      token,
      body: { body: 'ご質問ありがとうございます。条件をご説明します。', idempotencyKey: `flood-${tag}-${i}` },
    });
    send.push(performance.now() - t);
    if (m.status !== 201) failures++;
  }
  return { search, send, failures };
}

/** The first few 5xx answers of the flood, printed so a failure is not a mystery. */
const serverErrors: string[] = [];

/**
 * Starts a flood (wrong sign-ins, or the reference requests) in its own process, as an attacker on
 * another machine; `stop()` ends it once at least FLOOD were sent and gives its figures.
 */
async function flood(base: string, kind: 'signin' | 'health', targets: FloodTargets): Promise<{ stop: () => Promise<FloodResult> }> {
  const child = fork(fileURLToPath(new URL('./flood-client.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'] });
  const result = new Promise<FloodResult>((resolve, reject) => {
    child.on('message', (m) => {
      if (typeof m === 'object') resolve(m as FloodResult);
    });
    child.once('exit', (code) => reject(new Error(`the flood client exited with ${code} before answering`)));
  });
  const started = new Promise<void>((resolve) => child.once('message', () => resolve()));
  const job: FloodJob = { base, kind, ...targets, addresses: ADDRESSES, inFlight: FLOOD_IN_FLIGHT, min: FLOOD };
  child.send(job);
  await started;
  return {
    stop: async () => {
      child.send('stop');
      const r = await result;
      serverErrors.push(...r.serverErrors);
      return r;
    },
  };
}

/**
 * Prints the quiet and flooded p95 of one agency's searches and sends, and their ratio
 * (target ≤ 1.5×). `profiles` is the data size in the feed, for the printout.
 */
export async function benchSignInFlood(base: string, profiles: number): Promise<void> {
  console.log(
    `\nsign-in flood (R-SEC-5): another agency's searches and sends, quiet and during wrong sign-ins; data ${profiles.toLocaleString('en')} profiles`,
  );
  await call(base, 'GET', '/v1/health');
  const { token: ministry } = await moveClock(base, BENCH_STAFF, new Date('2026-12-02T10:00:00+09:00'));
  const victim: Victim = { conversations: await agencyWithConversations(base, ministry, 700, 5) };

  // The flood's targets: one real bureau officer and one real agency, and unknown emails of both kinds.
  const officer = `flood-officer-${Date.now()}@mhlw.example.jp`;
  await call(base, 'POST', '/v1/admin/staff', {
    token: ministry,
    body: { email: officer, password: 'flood-officer-password', name: '標的 職員', role: 'bureau', prefecture: '13' },
  });
  const agencyEmail = `flood-target-${Date.now()}@agency.example.jp`;
  const reg = await call(base, 'POST', '/v1/public/registrations', {
    body: {
      ...exampleRegistration,
      email: agencyEmail,
      password: 'flood-agency-password',
      licence: { kind: 'paid', number: `13-ユ-8${String(Date.now() % 100000).padStart(5, '0')}` },
      placements: [{ placedOn: '2026-11-20', fixedTermMonths: null, seasonal: false }],
    },
  });
  if (reg.status === 201) await call(base, 'POST', `/v1/admin/registrations/${reg.body.id}/accept`, { token: ministry, body: {} });
  const unknown = (kind: string, domain: string) => Array.from({ length: 20 }, (_, i) => `${kind}-${i}-${Date.now()}@${domain}`);
  const targets = {
    staff: [officer, ...unknown('nobody', 'mhlw.example.jp')],
    agency: [agencyEmail, ...unknown('nobody', 'agency.example.jp')],
  };

  // What one sign-in costs, one at a time: hashed (an unknown email from a fresh address), and
  // refused by a lock (the target agency after its free guesses) without hashing.
  const cost = async (email: string, ip: (i: number) => string) => {
    const ms: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      await fetch(`${base}/v1/agency/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'cf-connecting-ip': ip(i) },
        body: JSON.stringify({ email: email.replace('#', String(i)), password: 'wrong-password-probe' }),
      }).then((r) => r.arrayBuffer());
      ms.push(performance.now() - t);
    }
    return percentiles(ms).p50;
  };
  const hashed = await cost(`probe-#-${Date.now()}@agency.example.jp`, (i) => `203.0.113.${i}`);
  for (let i = 0; i < 6; i++)
    await wrongSignIn(base, 2 * 21 * i + 1, { staff: targets.staff, agency: [agencyEmail] }, ADDRESSES, serverErrors);
  const locked = await cost(agencyEmail, (i) => `203.0.113.${100 + i}`);
  console.log(`  one wrong sign-in, one at a time: hashed p50 ${hashed.toFixed(1)} ms, refused by the lock p50 ${locked.toFixed(1)} ms`);

  // Warm up (first requests compile and open objects), then quiet, then under the flood.
  await measure(base, victim, 'warm').catch(() => undefined);
  const quiet = await measure(base, victim, 'quiet');
  const flooding = await flood(base, 'signin', targets);
  const loud = await measure(base, victim, 'flood');
  const f = await flooding.stop();
  // The reference: as many cheap requests in flight (GET /v1/health). On one machine every request
  // shares the same CPUs and workerd process, so this is what any flood of that size costs here.
  const health = await flood(base, 'health', targets);
  const reference = await measure(base, victim, 'health');
  const h = await health.stop();

  const row = (name: string, q: number[], l: number[], r: number[]) => {
    const a = percentiles(q);
    const b = percentiles(l);
    const c = percentiles(r);
    const ratio = b.p95 / a.p95;
    console.log(
      `  ${name.padEnd(8)} quiet p50 ${a.p50.toFixed(1).padStart(7)} ms  p95 ${a.p95.toFixed(1).padStart(7)} ms | flood p50 ${b.p50.toFixed(1).padStart(7)} ms  p95 ${b.p95.toFixed(1).padStart(7)} ms | ratio ${ratio.toFixed(2)}× (target ≤ 1.50×) ${ratio <= 1.5 ? 'ok' : 'OVER'} | health-flood p95 ${c.p95.toFixed(1).padStart(7)} ms (${(c.p95 / a.p95).toFixed(2)}×)`,
    );
  };
  row('searches', quiet.search, loud.search, reference.search);
  row('sends', quiet.send, loud.send, reference.send);
  console.log(
    `  flood:   ${f.sent.toLocaleString('en')} wrong sign-ins (staff and agency alternately, ${targets.staff.length + targets.agency.length} emails, ${ADDRESSES} addresses, ${FLOOD_IN_FLIGHT} in flight) in ${f.seconds.toFixed(1)} s = ${(f.sent / f.seconds).toFixed(0)}/s; statuses ${JSON.stringify(f.statuses)}`,
  );
  for (const e of serverErrors) console.log(`  server error during the flood: ${e}`);
  console.log(
    `  reference: ${h.sent.toLocaleString('en')} GET /v1/health, ${FLOOD_IN_FLIGHT} in flight, in ${h.seconds.toFixed(1)} s = ${(h.sent / h.seconds).toFixed(0)}/s`,
  );
  console.log(
    `  ${MEASURED} searches and ${MEASURED} sends per run, one at a time; refused measured calls: quiet ${quiet.failures}, flood ${loud.failures}, reference ${reference.failures}`,
  );
}
