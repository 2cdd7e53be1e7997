/**
 * Schema migrations of the Durable Objects (worker/lib/migrations.ts): a fresh object gets every
 * step at once, an existing one only the steps after its version, and a failing step changes nothing.
 */
import { env, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { migrate, type MigrationStep } from '../../worker/lib/migrations';
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
