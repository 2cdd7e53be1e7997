/**
 * The benchmark's HTTP floor: no authentication, validation or merge — one Durable Object per
 * prefecture holding the feed shard's schema, answering the shard's own search and count statements
 * (worker/objects/feed-shard/sql.ts). POST /load { pref, rows }, POST /search { prefs, query, cap, elsewhere }.
 */
import { DurableObject } from 'cloudflare:workers';
import type { CountedElsewhere, ShardQuery, ShardRow } from '../../../worker/lib/feed-rows';
import { FEED_TABLES } from '../../../worker/objects/feed-shard/schema';
import { countStatement, searchStatement, writeProfileRow, type SqlRunner } from '../../../worker/objects/feed-shard/sql';

type FloorEnv = { FLOOR: DurableObjectNamespace<FloorShard> };

export class FloorShard extends DurableObject<FloorEnv> {
  private readonly runner: SqlRunner;

  constructor(ctx: DurableObjectState, env: FloorEnv) {
    super(ctx, env);
    const sql = ctx.storage.sql;
    this.runner = { all: <T>(q: string, ...p: unknown[]) => sql.exec(q, ...p).toArray() as T[] };
    ctx.blockConcurrencyWhile(async () => {
      if (!sql.exec("SELECT 1 FROM sqlite_master WHERE name = 'profiles'").toArray().length) {
        for (const statements of FEED_TABLES) sql.exec(statements);
      }
    });
  }

  async load(rows: ShardRow[]): Promise<number> {
    this.ctx.storage.transactionSync(() => rows.forEach((r) => writeProfileRow(this.runner, r)));
    return rows.length;
  }

  async search(q: ShardQuery, cap: number, elsewhere: CountedElsewhere | null): Promise<{ docs: string[]; count: number }> {
    const s = searchStatement(q);
    const c = countStatement(q, cap, elsewhere);
    return {
      docs: this.runner.all<{ doc: string }>(s.sql, ...s.params).map((h) => h.doc),
      count: this.runner.all<{ n: number }>(c.sql, ...c.params)[0]!.n,
    };
  }
}

export default {
  async fetch(request: Request, env: FloorEnv): Promise<Response> {
    const path = new URL(request.url).pathname;
    if (request.method === 'GET') return new Response('ok'); // the health check of scripts/lib/worker-process.ts
    const body = (await request.json()) as Record<string, any>;
    const stub = (pref: string) => env.FLOOR.get(env.FLOOR.idFromName(pref));
    if (path === '/load') return Response.json({ loaded: await stub(body.pref).load(body.rows) });
    const answers = await Promise.all((body.prefs as string[]).map((p, i) => stub(p).search(body.query, body.cap, body.elsewhere[i])));
    return Response.json({ docs: answers.flatMap((a) => a.docs).slice(0, 20), count: answers.reduce((n, a) => n + a.count, 0) });
  },
};
