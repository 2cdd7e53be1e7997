/**
 * `npm run bench`: figures, not timed tests. Starts a fresh `wrangler dev`, loads profiles through
 * the bureau's route, measures searches (one prefecture and nationwide) through HTTP, and runs the
 * same searches straight on SQLite (better-sqlite3, same schema and statement) as the floor.
 * Then sending (issue 4) and the extension's bundle sizes when they exist.
 *
 * BENCH_PROFILES (default 100000) sets the data size.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { syntheticProfiles } from '../../scripts/lib/synthetic';
import { freePort, startWorker, devVars, ROOT } from '../../scripts/lib/worker-process';
import { ProfileLoadRowSchema, newProfileId, type Profile } from '../../shared/schemas';
import { shardRows } from '../../worker/lib/feed';
import { matchExpression } from '../../worker/lib/search-text';
import { FEED_SCHEMA_V1, FEED_SCHEMA_V3, searchStatement, writeProfileRow, type ShardQuery, type SqlRunner } from '../../worker/objects/feed-shard/sql';
import { benchSends } from './sends';
import { benchOffers } from './offers';
import { pathToFileURL } from 'node:url';
import { bundleSizes } from './bundles';
import { benchDetector } from './detector';
import { call } from '../../scripts/lib/http';
import { moveClock, signInStaff } from '../../scripts/lib/clock';

const PROFILES = Number(process.env.BENCH_PROFILES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const BATCH = 5000;


/** p50 / p95 / max of a list of milliseconds. */
export function percentiles(ms: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1]! };
}

const fmt = (n: number) => n.toFixed(2).padStart(8);

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
  const reg = await call(base, 'POST', '/v1/public/registrations', { body: { ...exampleRegistration, email: agencyEmail, password: 'bench-agency-password', placements: [{ placedOn: '2026-11-20', fixedTermMonths: null, seasonal: false }] } });
  await call(base, 'POST', `/v1/admin/registrations/${reg.body.id}/accept`, { token: ministry, body: {} });
  const agency = (await call(base, 'POST', '/v1/agency/sessions', { body: { email: agencyEmail, password: 'bench-agency-password' } })).body.token as string;
  return { ministry, agency, agencyEmail };
}

const QUERIES: Array<{ name: string; http: Record<string, string>; shard: Omit<ShardQuery, 'agencyId' | 'limit'>; prefs: string[] | 'all' }> = [
  { name: '東京都 + 介護 + 正社員', http: { prefecture: '13', q: '介護', employmentType: 'regular' }, shard: { match: matchExpression('介護')!, employmentTypes: ['regular'] }, prefs: ['13'] },
  { name: '大阪府 + 営業 + 月給25万〜', http: { prefecture: '27', q: '営業', wageUnit: 'month', wageMin: '250000' }, shard: { match: matchExpression('営業')!, wageUnit: 'month', wageMin: 250000 }, prefs: ['27'] },
  { name: '全国 + 事務', http: { q: '事務' }, shard: { match: matchExpression('事務')! }, prefs: 'all' },
  { name: '全国 + 介護福祉士 + 大卒', http: { q: '介護福祉士', education: 'university' }, shard: { match: matchExpression('介護福祉士')!, educations: ['university'] }, prefs: 'all' },
];

async function main(): Promise<void> {
  console.log(`Madoguchi benchmarks — ${new Date().toISOString()}`);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  console.log(`data: ${PROFILES.toLocaleString('en')} synthetic profiles, ${RUNS} runs per query\n`);

  const state = mkdtempSync(join(tmpdir(), 'madoguchi-bench-'));
  const worker = await startWorker({ port: await freePort(), persistTo: state, quiet: true });
  try {
    const { ministry, agency } = await benchAccounts(worker.url);

    // --- load ---------------------------------------------------------------------------
    const rows = syntheticProfiles(PROFILES, 7);
    const t0 = performance.now();
    let loaded = 0;
    for (let i = 0; i < rows.length; i += BATCH) {
      const res = await call(worker.url, 'PUT', '/v1/admin/feed/profiles', { token: ministry, ndjson: rows.slice(i, i + BATCH).map((r) => JSON.stringify(r)).join('\n') });
      if (res.status !== 200) throw new Error(`load failed: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
      loaded += res.body.loaded as number;
    }
    const loadSeconds = (performance.now() - t0) / 1000;
    console.log(`load through PUT /v1/admin/feed/profiles: ${loaded.toLocaleString('en')} profiles in ${loadSeconds.toFixed(1)} s (${Math.round(loaded / loadSeconds).toLocaleString('en')}/s, batches of ${BATCH}; target < 60 s)`);

    // --- the floor: the same rows, schema and statements straight on SQLite --------------
    const require = createRequire(join(ROOT, 'package.json'));
    const Database = require('better-sqlite3') as new (path: string) => { exec(sql: string): void; prepare(sql: string): { reader: boolean; all(...p: unknown[]): unknown[]; run(...p: unknown[]): unknown }; transaction<T>(f: () => T): () => T };
    const dbs = new Map<string, InstanceType<typeof Database>>();
    const runner = (db: InstanceType<typeof Database>): SqlRunner => ({
      all: <T>(sql: string, ...params: unknown[]) => {
        const st = db.prepare(sql);
        return (st.reader ? st.all(...params) : (st.run(...params), [])) as T[];
      },
    });
    const now = Date.now();
    const byPref = new Map<string, Array<ReturnType<typeof shardRows> extends Map<string, infer R> ? R : never>>();
    for (const row of rows) {
      const r = ProfileLoadRowSchema.parse(row);
      const { hwRef, homePrefecture: _h, id: _i, ...content } = r;
      const profile: Profile = { id: newProfileId(r.areas[0]!.prefecture), ...content, publishedOn: '2026-11-27', updatedOn: '2026-11-27' };
      for (const [pref, sr] of shardRows(profile, { hwRef, activationHash: null, activationExpiresAt: null, updatedAt: now, created: true, validUntil: null })) {
        const list = byPref.get(pref) ?? [];
        list.push(sr);
        byPref.set(pref, list);
      }
    }
    for (const [pref, list] of byPref) {
      const db = new Database(':memory:');
      db.exec(FEED_SCHEMA_V1);
      db.exec(FEED_SCHEMA_V3);
      const r = runner(db);
      db.transaction(() => list.forEach((sr) => writeProfileRow(r, sr)))();
      dbs.set(pref, db);
    }

    console.log(`\nsearch (limit 20)                        HTTP p50   HTTP p95   SQLite p50 SQLite p95   (ms; targets: 30 one prefecture, 100 nationwide at p95)`);
    for (const q of QUERIES) {
      const http: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        const res = await call(worker.url, 'GET', `/v1/agency/feed?${new URLSearchParams(q.http)}`, { token: agency });
        http.push(performance.now() - t);
        if (res.status !== 200) throw new Error(`search failed: ${res.status} ${JSON.stringify(res.body)}`);
      }
      const floor: number[] = [];
      const targets = q.prefs === 'all' ? [...dbs.values()] : q.prefs.map((p) => dbs.get(p)!).filter(Boolean);
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        for (const db of targets) {
          const { sql, params } = searchStatement({ ...q.shard, agencyId: 'A0000000000', limit: 21 });
          db.prepare(sql).all(...params);
        }
        floor.push(performance.now() - t);
      }
      const h = percentiles(http);
      const f = percentiles(floor);
      console.log(`${q.name.padEnd(38)} ${fmt(h.p50)}   ${fmt(h.p95)}   ${fmt(f.p50)}   ${fmt(f.p95)}`);
    }
    for (const db of dbs.values()) (db as unknown as { close(): void }).close();

    await benchOffers(worker.url, ministry, agency);
    await benchSends(worker.url);
  } finally {
    await worker.stop();
    rmSync(state, { recursive: true, force: true });
  }
  await bundleSizes();
  benchDetector();
}

// Run when started as the script (`npm run bench`), not when test/bench/offers.ts imports it.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
