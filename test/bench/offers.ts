/**
 * Job-offer figures (R-JOB-1): loads BENCH_OFFERS (default 100,000) synthetic offers through
 * `PUT /v1/admin/job-offers`, then the search p95 for one prefecture and nationwide through HTTP,
 * beside the same statements straight on SQLite (better-sqlite3, same schema) as the floor.
 * Part of `npm run bench`; alone: `npx tsx test/bench/offers.ts`.
 */
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { offerHash } from '../../shared/rules/job-offers';
import { JobOfferSchema } from '../../shared/schemas/job-offer';
import { benchClientAddress, call } from '../../scripts/lib/http';
import { syntheticOffers } from '../../scripts/lib/synthetic-offers';
import { devVars, ROOT, withFreshWorker } from '../../scripts/lib/worker-process';
import { moveClock } from '../../scripts/lib/clock';
import { exampleRegistration } from '../../shared/schemas/examples';
import { homeLoadRow, homeOf, listingRow } from '../../worker/lib/job-offers';
import { matchExpression } from '../../worker/lib/search-text';
import {
  OFFER_SCHEMA_V1,
  offerSearchStatement,
  writeOfferRow,
  type OfferShardQuery,
  type OfferSqlRunner,
} from '../../worker/objects/job-offer-shard/sql';

const OFFERS = Number(process.env.BENCH_OFFERS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const BATCH = Number(process.env.BENCH_OFFER_BATCH ?? 2000);
const TODAY = '2026-11-27';

const QUERIES: Array<{
  name: string;
  http: Record<string, string>;
  shard: Omit<OfferShardQuery, 'today' | 'limit'>;
  prefs: string[] | 'all';
}> = [
  {
    name: '東京都 + 介護 + 正社員',
    http: { prefecture: '13', q: '介護', employmentType: 'regular' },
    shard: { match: matchExpression('介護')!, employmentTypes: ['regular'] },
    prefs: ['13'],
  },
  {
    name: '大阪府 + 月給25万〜',
    http: { prefecture: '27', wageUnit: 'month', wageMin: '250000' },
    shard: { wageUnit: 'month', wageMin: 250000 },
    prefs: ['27'],
  },
  { name: '全国 + 事務', http: { q: '事務' }, shard: { match: matchExpression('事務')! }, prefs: 'all' },
  { name: '全国 + 夜（1文字）', http: { q: '夜' }, shard: { match: matchExpression('夜')! }, prefs: 'all' },
];

function percentiles(ms: number[]): { p50: number; p95: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}
const fmt = (n: number) => n.toFixed(2).padStart(8);

/**
 * Loads offers and prints the search figures, on a worker whose clock is at 2026-11-27 and whose
 * `agency` token is admitted to the job-offer service.
 */
export async function benchOffers(base: string, ministry: string, agency: string): Promise<void> {
  const rows = syntheticOffers(OFFERS, TODAY, 11);
  const t0 = performance.now();
  let loaded = 0;
  for (let i = 0; i < rows.length; i += BATCH) {
    const ndjson = rows
      .slice(i, i + BATCH)
      .map((r) => JSON.stringify(r))
      .join('\n');
    // Generating the rows can outlast the idle keep-alive socket, and a busy local workerd may
    // restart mid-request; a load is idempotent, so it is sent again (at most three times).
    let res: { status: number; body: Record<string, any> } = { status: 0, body: {} };
    for (let attempt = 0; attempt < 3 && res.status !== 200; attempt++) {
      res = await call(base, 'PUT', '/v1/admin/job-offers', { token: ministry, ndjson }).catch(() => ({ status: 0, body: {} }));
    }
    if (res.status !== 200) throw new Error(`offer load failed: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    loaded += res.body.loaded as number;
  }
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `\nload through PUT /v1/admin/job-offers: ${loaded.toLocaleString('en')} offers in ${seconds.toFixed(1)} s (${Math.round(loaded / seconds).toLocaleString('en')}/s, batches of ${BATCH})`,
  );

  const require = createRequire(join(ROOT, 'package.json'));
  const Database = require('better-sqlite3') as new (path: string) => {
    exec(sql: string): void;
    prepare(sql: string): { reader: boolean; all(...p: unknown[]): unknown[]; run(...p: unknown[]): unknown };
    transaction<T>(f: () => T): () => T;
    close(): void;
  };
  const dbs = new Map<string, InstanceType<typeof Database>>();
  const runner = (db: InstanceType<typeof Database>): OfferSqlRunner => ({
    all: <T>(sql: string, ...params: unknown[]) => {
      const st = db.prepare(sql);
      return (st.reader ? st.all(...params) : (st.run(...params), [])) as T[];
    },
  });
  const dbOf = (pref: string) => {
    let db = dbs.get(pref);
    if (!db) {
      db = new Database(':memory:');
      db.exec(OFFER_SCHEMA_V1);
      dbs.set(pref, db);
    }
    return db;
  };
  for (const raw of rows) {
    const offer = JobOfferSchema.parse(raw);
    const row = homeLoadRow(offer, await offerHash(offer));
    writeOfferRow(runner(dbOf(homeOf(offer.offerNumber))), { ...row, home: true, version: 1, updatedAt: Date.now() }, null);
    if (!row.listed) writeOfferRow(runner(dbOf(offer.workplace.prefecture)), listingRow(row, 1, Date.now()), null);
  }

  console.log(`\noffer search (limit 20)                  HTTP p50   HTTP p95   SQLite p50 SQLite p95   (ms)`);
  for (const q of QUERIES) {
    const http: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const res = await call(base, 'GET', `/v1/agency/job-offers?${new URLSearchParams(q.http)}`, { token: agency });
      http.push(performance.now() - t);
      if (res.status !== 200) throw new Error(`offer search failed: ${res.status} ${JSON.stringify(res.body)}`);
    }
    const floor: number[] = [];
    const targets = q.prefs === 'all' ? [...dbs.values()] : q.prefs.map((p) => dbs.get(p)!).filter(Boolean);
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      for (const db of targets) {
        const { sql, params } = offerSearchStatement({ ...q.shard, today: TODAY, limit: 21 });
        db.prepare(sql).all(...params);
      }
      floor.push(performance.now() - t);
    }
    const h = percentiles(http);
    const f = percentiles(floor);
    console.log(`${q.name.padEnd(38)} ${fmt(h.p50)}   ${fmt(h.p95)}   ${fmt(f.p50)}   ${fmt(f.p95)}`);
  }
  for (const db of dbs.values()) db.close();
}

/** Standalone: a ministry token at the bench's date and one agency admitted to both services. */
async function standaloneAccounts(base: string): Promise<{ ministry: string; agency: string }> {
  const staff = { email: 'bench-offers@mhlw.example.jp', password: 'bench-ministry-password', name: 'ベンチ', role: 'ministry' };
  await call(base, 'POST', '/v1/admin/staff', { token: devVars().BOOTSTRAP_STAFF_TOKEN, body: staff });
  const { token: ministry } = await moveClock(base, staff, new Date(`${TODAY}T10:00:00+09:00`));
  const email = `bench-offers-${Date.now()}@agency.example.jp`;
  const reg = await call(base, 'POST', '/v1/public/registrations', {
    headers: benchClientAddress(),
    body: {
      ...exampleRegistration,
      email,
      password: 'bench-agency-password',
      placements: [{ placedOn: '2026-11-20', fixedTermMonths: null, seasonal: false }],
    },
  });
  await call(base, 'POST', `/v1/admin/registrations/${reg.body.id}/accept`, { token: ministry, body: {} });
  const agency = (await call(base, 'POST', '/v1/agency/sessions', { body: { email, password: 'bench-agency-password' } })).body
    .token as string;
  return { ministry, agency };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await withFreshWorker(tmpdir(), async (worker) => {
    const { ministry, agency } = await standaloneAccounts(worker.url);
    await benchOffers(worker.url, ministry, agency);
  });
}
