/**
 * Schema migrations of the Durable Objects (worker/lib/migrations.ts): a fresh object gets every
 * step at once, an existing one only the steps after its version, and a failing step changes nothing.
 */
import { env, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { migrate, type MigrationStep } from '../../worker/lib/migrations';
import { FEED_MIGRATIONS } from '../../worker/objects/feed-shard/schema';
import { searchStatement, type ShardQuery } from '../../worker/objects/feed-shard/sql';
import { SEEKER_MIGRATIONS } from '../../worker/objects/seeker/schema';

const tables = (sql: SqlStorage) =>
  sql
    .exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .toArray()
    .map((r) => r.name);

describe('migrate', () => {
  it('creates a fresh jobseeker object with every step on its first use and records the last version', async () => {
    const stub = env.SEEKER.get(env.SEEKER.idFromName(`13-MIGRATE${Date.now()}`));
    // Nothing is written before a method runs: the first one (often a first contact's delivery)
    // migrates in the same synchronous step as its own writes, so both are one commit.
    await runInDurableObject(stub, async (_o, state) => expect(tables(state.storage.sql)).not.toContain('_schema'));
    expect(await stub.blocks()).toEqual([]);
    await runInDurableObject(stub, async (_o, state) => {
      const sql = state.storage.sql;
      expect(sql.exec<{ version: number }>('SELECT version FROM _schema').toArray()).toEqual([{ version: SEEKER_MIGRATIONS.length }]);
      expect(tables(sql)).toEqual(expect.arrayContaining(['conversations', 'messages', 'blocks', 'deletion_requests', 'meta']));
    });
  });

  it('runs only the steps after the recorded version, once', async () => {
    const stub = env.SEEKER.get(env.SEEKER.idFromName(`13-MIGRATF${Date.now()}`));
    await stub.blocks(); // migrated on first use
    await runInDurableObject(stub, async (_o, state) => {
      const sql = state.storage.sql;
      const tx = <T>(work: () => T) => state.storage.transactionSync(work);
      let ran = 0;
      const extra: MigrationStep = (s) => {
        ran++;
        s.exec('CREATE TABLE extra_step (a)');
      };
      migrate(sql, [...SEEKER_MIGRATIONS, extra], tx);
      migrate(sql, [...SEEKER_MIGRATIONS, extra], tx);
      expect(ran).toBe(1);
      expect(sql.exec<{ version: number }>('SELECT version FROM _schema').toArray()).toEqual([{ version: SEEKER_MIGRATIONS.length + 1 }]);
    });
  });

  it('leaves the schema and version as they were when a step fails', async () => {
    const stub = env.SEEKER.get(env.SEEKER.idFromName(`13-MIGRATG${Date.now()}`));
    await stub.blocks(); // migrated on first use
    await runInDurableObject(stub, async (_o, state) => {
      const sql = state.storage.sql;
      const tx = <T>(work: () => T) => state.storage.transactionSync(work);
      const half: MigrationStep = (s) => {
        s.exec('CREATE TABLE half_done (a)');
        s.exec('INSERT INTO no_such_table VALUES (1)');
      };
      expect(() => migrate(sql, [...SEEKER_MIGRATIONS, half], tx)).toThrow();
      expect(tables(sql)).not.toContain('half_done');
      expect(sql.exec<{ version: number }>('SELECT version FROM _schema').toArray()).toEqual([{ version: SEEKER_MIGRATIONS.length }]);
    });
  });
});

describe('the feed shard’s migrations', () => {
  it('R-FEED-3 moves terms and experience written under the public ID onto the row number, and searches still find them', async () => {
    const stub = env.FEED_SHARD.get(env.FEED_SHARD.idFromName(`migrate-${Date.now()}`));
    await runInDurableObject(stub, async (_o, state) => {
      const sql = state.storage.sql;
      const tx = <T>(work: () => T) => state.storage.transactionSync(work);
      // Back to an empty database, then the steps a shard had before terms moved to row numbers.
      for (const name of tables(sql).filter((n) => !n.startsWith('_cf') && !n.startsWith('sqlite') && !n.startsWith('fts_')))
        sql.exec(`DROP TABLE IF EXISTS "${name}"`);
      migrate(sql, FEED_MIGRATIONS.slice(0, 5), tx);
      expect(sql.exec<{ name: string }>('SELECT name FROM pragma_table_info(?)', 'terms').toArray()[0]!.name).toBe('profile_id');
      for (const [rid, id] of [
        [7, '13-OLDROW0001'],
        [9, '13-OLDROW0002'],
      ] as const) {
        sql.exec(
          `INSERT INTO profiles (rid, id, listed, home, updated_at, doc, employment_types, wage_unit, wage_min, wage_max, age_band, education)
           VALUES (?, ?, 1, 1, ?, '{}', ',regular,', 'month', 200000, 300000, '30-34', 'university')`,
          rid,
          id,
          rid,
        );
        sql.exec("INSERT INTO terms (profile_id, kind, value) VALUES (?, 'occ', ?), (?, 'pref', '13')", id, rid === 7 ? '050' : '060', id);
      }
      sql.exec("INSERT INTO experience (profile_id, occupation, years) VALUES ('13-OLDROW0002', '060', 6)");
      migrate(sql, FEED_MIGRATIONS, tx);
      const runner = { all: <T>(q: string, ...p: unknown[]) => sql.exec(q, ...p).toArray() as T[] };
      const search = (q: Partial<ShardQuery>) => {
        const s = searchStatement({ agencyId: 'A0000000000', limit: 10, ...q });
        return runner.all<{ id: string }>(s.sql, ...s.params).map((r) => r.id);
      };
      expect(search({ occupations: ['050'] })).toEqual(['13-OLDROW0001']);
      expect(search({ experienceOccupation: '060', experienceYearsMin: 5 })).toEqual(['13-OLDROW0002']);
      expect(sql.exec<{ rid: number }>("SELECT rid FROM terms WHERE kind = 'occ' ORDER BY rid").toArray()).toEqual([
        { rid: 7 },
        { rid: 9 },
      ]);
    });
  });
});
