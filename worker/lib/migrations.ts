/** One schema step of an object's SQLite; steps run once each, in order, and are never edited once shipped. */
export type MigrationStep = (sql: SqlStorage) => void;

/** Runs work in one transaction: the object's `transactionSync`, or as is where none is given. */
export type RunInTransaction = <T>(work: () => T) => T;

/**
 * Schema migrations of a Durable Object's SQLite, applied in order inside the constructor's
 * `blockConcurrencyWhile`. The version lives in a table of its own because the Durable Object SQL
 * API refuses `PRAGMA user_version`.
 *
 * A fresh object (no version table: most jobseekers' objects are created by a first contact) runs
 * every step and records the last version in one transaction, reading nothing else; an existing one
 * reads its version once and runs only the steps after it, again in one transaction with one write
 * of the version. Either way a failing step leaves the schema as it was.
 *
 * @example migrate(ctx.storage.sql, [(sql) => sql.exec('CREATE TABLE t (a)')], (work) => ctx.storage.transactionSync(work));
 */
export function migrate(sql: SqlStorage, steps: readonly MigrationStep[], tx: RunInTransaction = (work) => work()): void {
  const known = sql.exec<{ n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = '_schema'").one().n > 0;
  const version = known ? (sql.exec<{ version: number }>('SELECT version FROM _schema').toArray()[0]?.version ?? 0) : 0;
  if (known && version >= steps.length) return;
  tx(() => {
    if (!known) sql.exec('CREATE TABLE _schema (version INTEGER NOT NULL)');
    for (let v = version; v < steps.length; v++) steps[v]!(sql);
    if (known) sql.exec('DELETE FROM _schema');
    sql.exec('INSERT INTO _schema (version) VALUES (?)', steps.length);
  });
}
