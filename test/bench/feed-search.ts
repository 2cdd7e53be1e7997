/**
 * The feed's figures at one data size (issue 18): the load rate through the bureau's route, each
 * search's p50/p95 over HTTP with its hit count, the same statements through a bare Worker and
 * Durable Object under wrangler dev (the HTTP floor, test/bench/floor/) and straight on SQLite
 * (better-sqlite3), and the size of each shard's database.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PREFECTURE_CODES } from '../../shared/data/prefectures';
import { ProfileLoadRowSchema, newProfileId, type Profile } from '../../shared/schemas';
import { syntheticProfiles } from '../../scripts/lib/synthetic';
import { call } from '../../scripts/lib/http';
import { freePort, startWorker, ROOT, type RunningWorker } from '../../scripts/lib/worker-process';
import { shardRows } from '../../worker/lib/feed';
import { firstRoundCap } from '../../worker/lib/feed-count';
import type { CountedElsewhere, ShardQuery, ShardRow } from '../../worker/lib/feed-rows';
import { matchExpression } from '../../worker/lib/search-text';
import { countStatement, searchStatement, writeProfileRow, type SqlRunner } from '../../worker/objects/feed-shard/sql';
import { FEED_TABLES } from '../../worker/objects/feed-shard/schema';

const BATCH = 5000;
/** Searches of each query run before its measured ones (not counted). */
const WARM_UP = 5;
const TODAY = '2026-11-27';

type Q = { name: string; http: Record<string, string>; shard: Omit<ShardQuery, 'agencyId' | 'limit'>; prefs: string[] | 'all' };
const QUERIES: Q[] = [
  {
    name: '東京都 + 介護 + 正社員',
    http: { prefecture: '13', q: '介護', employmentType: 'regular' },
    shard: { match: matchExpression('介護')!, employmentTypes: ['regular'] },
    prefs: ['13'],
  },
  {
    name: '東京都 + 正社員',
    http: { prefecture: '13', employmentType: 'regular' },
    shard: { employmentTypes: ['regular'] },
    prefs: ['13'],
  },
  {
    name: '大阪府 + 営業 + 月給25万〜',
    http: { prefecture: '27', q: '営業', wageUnit: 'month', wageMin: '250000' },
    shard: { match: matchExpression('営業')!, wageUnit: 'month', wageMin: 250000 },
    prefs: ['27'],
  },
  { name: '全国 + 事務', http: { q: '事務' }, shard: { match: matchExpression('事務')! }, prefs: 'all' },
  { name: '全国 + 正社員', http: { employmentType: 'regular' }, shard: { employmentTypes: ['regular'] }, prefs: 'all' },
  {
    name: '全国 + 介護福祉士 + 大卒',
    http: { q: '介護福祉士', education: 'university' },
    shard: { match: matchExpression('介護福祉士')!, educations: ['university'] },
    prefs: 'all',
  },
];

export type Pcts = { p50: number; p95: number };
export type SearchFigures = { name: string; http: Pcts; floorHttp: Pcts; sqlite: Pcts; total: number; exact: boolean };
export type FeedFigures = {
  profiles: number;
  rows: number;
  loadSeconds: number;
  searches: SearchFigures[];
  shardBytes: { min: number; median: number; max: number; total: number };
};

function pcts(ms: number[]): Pcts {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: s[Math.floor(0.5 * s.length)]!, p95: s[Math.min(s.length - 1, Math.floor(0.95 * s.length))]! };
}

/** Each prefecture's shard rows, as the worker writes them. */
function rowsByPrefecture(rows: unknown[]): Map<string, ShardRow[]> {
  const byPref = new Map<string, ShardRow[]>();
  const now = Date.now();
  for (const row of rows) {
    const r = ProfileLoadRowSchema.parse(row);
    const { hwRef, homePrefecture: _h, id: _i, ...content } = r;
    const profile: Profile = { id: newProfileId(r.areas[0]!.prefecture), ...content, publishedOn: TODAY, updatedOn: TODAY };
    for (const [pref, sr] of shardRows(profile, {
      hwRef,
      activationHash: null,
      activationExpiresAt: null,
      updatedAt: now,
      created: true,
      validUntil: null,
    })) {
      const list = byPref.get(pref) ?? [];
      list.push(sr);
      byPref.set(pref, list);
    }
  }
  return byPref;
}

/** The bytes of each feed shard's SQLite files under wrangler dev's state folder. */
function shardSizes(state: string): number[] {
  const sizes: number[] = [];
  const walk = (dir: string, inShard: boolean) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p, inShard || f.includes('FeedShard'));
      else if (inShard && f.endsWith('.sqlite'))
        sizes.push(
          ['', '-wal'].reduce(
            (n, ext) =>
              n +
              (ext === ''
                ? statSync(p).size
                : (() => {
                    try {
                      return statSync(p + ext).size;
                    } catch {
                      return 0;
                    }
                  })()),
            0,
          ),
        );
    }
  };
  walk(state, false);
  return sizes.sort((a, b) => a - b);
}

function elsewhereOf(prefs: string[], nationwide: boolean): Array<CountedElsewhere> {
  return prefs.map((p) => (nationwide ? { below: p } : { among: prefs.filter((o) => o < p) }));
}

/**
 * Runs the feed benchmark at `profiles` rows with `runs` searches per query, on a fresh worker.
 *
 * @example const figures = await benchFeed(100_000, 200, benchAccounts);
 */
export async function benchFeed(
  profiles: number,
  runs: number,
  accounts: (base: string) => Promise<{ ministry: string; agency: string }>,
): Promise<FeedFigures> {
  // Generated before any connection opens (a million rows take long enough for wrangler dev to close idle sockets).
  const rows = syntheticProfiles(profiles, 7);
  const byPref = rowsByPrefecture(rows);
  const shardRowCount = [...byPref.values()].reduce((n, l) => n + l.length, 0);
  const state = mkdtempSync(join(tmpdir(), 'madoguchi-bench-'));
  const floorState = mkdtempSync(join(tmpdir(), 'madoguchi-floor-'));
  const workers: RunningWorker[] = [];
  try {
    const worker = await startWorker({ port: await freePort(), persistTo: state, quiet: true });
    workers.push(worker);
    const { ministry, agency } = await accounts(worker.url);

    const t0 = performance.now();
    for (let i = 0; i < rows.length; i += BATCH) {
      const ndjson = rows
        .slice(i, i + BATCH)
        .map((r) => JSON.stringify(r))
        .join('\n');
      const put = () => call(worker.url, 'PUT', '/v1/admin/feed/profiles', { token: ministry, ndjson });
      let res: Awaited<ReturnType<typeof put>>;
      try {
        res = await put();
      } catch (err) {
        // Sent again as is: a resent row updates its profile (R-FEED-1). Printed, so a run says so.
        const exited = worker.process.exitCode;
        console.log(
          `  load of rows ${i}–${i + BATCH} failed (${String((err as { cause?: { code?: string } }).cause?.code ?? err)}); wrangler ${exited === null ? 'running' : `exited ${exited}`}; sent again. ${worker.log().slice(-600)}`,
        );
        res = await put();
      }
      if (res.status !== 200) throw new Error(`load failed: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    }
    const loadSeconds = (performance.now() - t0) / 1000;
    rows.length = 0; // a million rows and their shard rows do not fit the bench's heap together
    console.log(
      `  ${profiles.toLocaleString('en')} profiles (${shardRowCount.toLocaleString('en')} shard rows) loaded in ${loadSeconds.toFixed(1)} s: ${Math.round(profiles / loadSeconds).toLocaleString('en')}/s (target 3,500/s)`,
    );

    // Started after the load: a connection idle through a million-row load is closed under it (EPIPE).
    const floor = await startWorker({
      port: await freePort(),
      persistTo: floorState,
      quiet: true,
      config: join(ROOT, 'test/bench/floor/wrangler.toml'),
    });
    workers.push(floor);
    for (const [pref, list] of byPref) {
      for (let i = 0; i < list.length; i += 2000) {
        await call(floor.url, 'POST', '/load', { body: { pref, rows: list.slice(i, i + 2000) } }).catch((err: unknown) =>
          console.log(`  floor: rows ${i}–${i + 2000} of ${pref} not loaded (${String(err)}): ${floor.log().slice(-600)}`),
        );
      }
    }
    const require = createRequire(join(ROOT, 'package.json'));
    const Database = require('better-sqlite3') as new (path: string) => {
      exec(sql: string): void;
      prepare(sql: string): { reader: boolean; all(...p: unknown[]): unknown[]; run(...p: unknown[]): unknown };
      transaction<T>(f: () => T): () => T;
      close(): void;
    };
    const dbs = new Map<string, InstanceType<typeof Database>>();
    for (const [pref, list] of byPref) {
      const db = new Database(':memory:');
      for (const statements of FEED_TABLES) db.exec(statements);
      const runner: SqlRunner = {
        all: <T>(sql: string, ...p: unknown[]) => {
          const st = db.prepare(sql);
          return (st.reader ? st.all(...p) : (st.run(...p), [])) as T[];
        },
      };
      db.transaction(() => list.forEach((sr) => writeProfileRow(runner, sr)))();
      dbs.set(pref, db);
    }

    // The shard rows go before measuring: a million of them kept the benchmark's heap at several GB, and
    // its garbage collector's threads then took a core from the workers being measured.
    byPref.clear();

    const plans = QUERIES.map((q) => {
      const prefs = q.prefs === 'all' ? [...PREFECTURE_CODES] : q.prefs;
      return {
        q,
        prefs,
        elsewhere: elsewhereOf(prefs, q.prefs === 'all'),
        query: { ...q.shard, agencyId: 'A0000000000', limit: 21, today: TODAY } as ShardQuery,
        cap: firstRoundCap(prefs.length),
        http: [] as number[],
        floorHttp: [] as number[],
        sqlite: [] as number[],
        answer: { total: 0, totalExact: true },
      };
    });
    /** One search of a query three ways: the worker over HTTP, the HTTP floor, and SQLite in this process. */
    const searchOnce = async (p: (typeof plans)[number], measured: boolean) => {
      const { prefs, elsewhere, query, cap } = p;
      let t = performance.now();
      const res = await call(worker.url, 'GET', `/v1/agency/feed?${new URLSearchParams(p.q.http)}`, { token: agency });
      const http = performance.now() - t;
      if (res.status !== 200) throw new Error(`search failed: ${res.status} ${JSON.stringify(res.body)}`);
      t = performance.now();
      await call(floor.url, 'POST', '/search', { body: { prefs, query, cap, elsewhere } });
      const floorHttp = performance.now() - t;
      t = performance.now();
      prefs.forEach((pref, j) => {
        const db = dbs.get(pref);
        if (!db) return;
        const s = searchStatement(query);
        db.prepare(s.sql).all(...s.params);
        const c = countStatement(query, cap, elsewhere[j]!);
        db.prepare(c.sql).all(...c.params);
      });
      if (!measured) return;
      p.http.push(http);
      p.floorHttp.push(floorHttp);
      p.sqlite.push(performance.now() - t);
      p.answer = res.body as typeof p.answer;
    };
    // Warm-up, not measured: the first searches after a load read each shard's pages from disk and
    // compile the statements; a running service's shards are warm. Then the queries take turns, one
    // search of each per round, so a passing disturbance of the machine (the load's files still being
    // written back, a collection in this process) falls on every query alike, not on whichever ran first.
    for (let i = 0; i < WARM_UP; i++) for (const p of plans) await searchOnce(p, false);
    for (let i = 0; i < runs; i++) for (const p of plans) await searchOnce(p, true);
    const searches: SearchFigures[] = plans.map((p) => ({
      name: p.q.name,
      http: pcts(p.http),
      floorHttp: pcts(p.floorHttp),
      sqlite: pcts(p.sqlite),
      total: p.answer.total,
      exact: p.answer.totalExact,
    }));
    for (const db of dbs.values()) db.close();
    const sizes = shardSizes(state);
    return {
      profiles,
      rows: shardRowCount,
      loadSeconds,
      searches,
      shardBytes: {
        min: sizes[0] ?? 0,
        median: sizes[Math.floor(sizes.length / 2)] ?? 0,
        max: sizes[sizes.length - 1] ?? 0,
        total: sizes.reduce((a, b) => a + b, 0),
      },
    };
  } finally {
    for (const w of workers) await w.stop();
    rmSync(state, { recursive: true, force: true });
    rmSync(floorState, { recursive: true, force: true });
  }
}

const ms = (n: number) => n.toFixed(1).padStart(7);
/** Pads to a terminal width where kanji and kana take two columns. */
const padWide = (text: string, width: number) =>
  text + ' '.repeat(Math.max(0, width - [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0)));
const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;

/** Prints the figures of one or more sizes side by side. */
export function printFeed(all: FeedFigures[]): void {
  console.log(
    `\nfeed search (20 per page, with the hit count; ms; targets p95: 30 one prefecture, 100 nationwide; HTTP ≤ 2× the HTTP floor for one prefecture)`,
  );
  console.log(
    `${padWide('search', 28)}${all.map((f) => `| ${f.profiles.toLocaleString('en').padStart(9)}: HTTP p50/p95   floor p50/p95  ratio  SQLite p50/p95  count      `).join('')}`,
  );
  for (let i = 0; i < all[0]!.searches.length; i++) {
    const name = all[0]!.searches[i]!.name;
    console.log(
      `${padWide(name, 28)}${all
        .map((f) => {
          const s = f.searches[i]!;
          return `| ${ms(s.http.p50)} ${ms(s.http.p95)}  ${ms(s.floorHttp.p50)} ${ms(s.floorHttp.p95)}  ${(s.http.p95 / s.floorHttp.p95).toFixed(1).padStart(4)}×  ${ms(s.sqlite.p50)} ${ms(s.sqlite.p95)}  ${(s.exact ? s.total.toLocaleString('en') : `≥${s.total.toLocaleString('en')}`).padStart(8)} `;
        })
        .join('')}`,
    );
  }
  for (const f of all) {
    console.log(
      `  ${f.profiles.toLocaleString('en')} profiles: load ${f.loadSeconds.toFixed(1)} s (${Math.round(f.profiles / f.loadSeconds).toLocaleString('en')}/s); ${f.rows.toLocaleString('en')} shard rows; shard databases min ${mb(f.shardBytes.min)}, median ${mb(f.shardBytes.median)}, max ${mb(f.shardBytes.max)}, all ${mb(f.shardBytes.total)}`,
    );
  }
}
