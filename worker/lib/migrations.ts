/** One schema step of an object's SQLite; steps run once each, in order, and are never edited once shipped. */
export type MigrationStep = (sql: SqlStorage) => void;

/**
 * Schema migrations of a Durable Object's SQLite, applied in order inside the constructor's
 * `blockConcurrencyWhile`. The version lives in a table of its own because the Durable Object SQL
 * API refuses `PRAGMA user_version`.
 *
 * @example migrate(ctx.storage.sql, [(sql) => sql.exec('CREATE TABLE t (a)')]);
 */
export function migrate(sql: SqlStorage, steps: readonly MigrationStep[]): void {
  sql.exec('CREATE TABLE IF NOT EXISTS _schema (version INTEGER NOT NULL)');
  const row = sql.exec<{ version: number }>('SELECT version FROM _schema').toArray()[0];
  let version = row?.version ?? 0;
  if (!row) sql.exec('INSERT INTO _schema (version) VALUES (0)');
  for (; version < steps.length; version++) {
    steps[version]!(sql);
    sql.exec('UPDATE _schema SET version = ?', version + 1);
  }
}
