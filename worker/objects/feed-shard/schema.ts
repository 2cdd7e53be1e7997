/**
 * The tables of a feed shard and the ordered steps that bring a shard's SQLite to them.
 */
import type { MigrationStep } from '../../lib/migrations';

/** The shard's tables: profiles, multi-valued terms, experience, per-agency exclusions, and the keyword index. */
export const FEED_SCHEMA_V1 = `
  CREATE TABLE profiles (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    listed INTEGER NOT NULL,
    home INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    doc TEXT NOT NULL,
    hw_ref TEXT,
    activation_hash TEXT,
    activation_expires_at INTEGER,
    activated INTEGER NOT NULL DEFAULT 0,
    employment_types TEXT NOT NULL,
    wage_unit TEXT NOT NULL,
    wage_min INTEGER NOT NULL,
    wage_max INTEGER NOT NULL,
    hours_per_week REAL,
    age_band TEXT NOT NULL,
    education TEXT NOT NULL
  );
  CREATE INDEX profiles_order ON profiles (listed, updated_at DESC, id);
  CREATE TABLE terms (profile_id TEXT NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (profile_id, kind, value)) WITHOUT ROWID;
  CREATE INDEX terms_by_value ON terms (kind, value, profile_id);
  CREATE TABLE experience (profile_id TEXT NOT NULL, occupation TEXT NOT NULL, years INTEGER NOT NULL, PRIMARY KEY (profile_id, occupation)) WITHOUT ROWID;
  CREATE TABLE exclusions (agency_id TEXT NOT NULL, profile_id TEXT NOT NULL, reason TEXT NOT NULL, PRIMARY KEY (agency_id, profile_id)) WITHOUT ROWID;
  CREATE VIRTUAL TABLE fts USING fts5(tokens, content='', contentless_delete=1);
`;

/** R-FEED-1: the home rows by Hello Work reference, so a new row sent again finds its profile. */
export const FEED_SCHEMA_V5 = 'CREATE INDEX profiles_hw_ref ON profiles (hw_ref) WHERE home = 1';

/**
 * Terms and experience keyed by the profile's row number instead of its random public ID: a load
 * appends to their B-trees instead of writing all over them, which kept the load rate from falling
 * as a shard grew (docs/performance.md), and a search joins them on an integer. The index by value
 * goes: no statement used it (every search reaches terms by row number), and each load paid for it.
 */
export const FEED_SCHEMA_V6 = `
  CREATE TABLE terms_by_rid (rid INTEGER NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (rid, kind, value)) WITHOUT ROWID;
  INSERT INTO terms_by_rid (rid, kind, value) SELECT p.rid, t.kind, t.value FROM terms t JOIN profiles p ON p.id = t.profile_id;
  DROP TABLE terms;
  ALTER TABLE terms_by_rid RENAME TO terms;
  CREATE TABLE experience_by_rid (rid INTEGER NOT NULL, occupation TEXT NOT NULL, years INTEGER NOT NULL, PRIMARY KEY (rid, occupation)) WITHOUT ROWID;
  INSERT INTO experience_by_rid (rid, occupation, years) SELECT p.rid, x.occupation, x.years FROM experience x JOIN profiles p ON p.id = x.profile_id;
  DROP TABLE experience;
  ALTER TABLE experience_by_rid RENAME TO experience;
`;

/** R-FEED-6: each row's valid-until date, indexed for the scheduled removal of lapsed profiles. */
export const FEED_SCHEMA_V3 = `
  ALTER TABLE profiles ADD COLUMN valid_until TEXT;
  CREATE INDEX profiles_valid_until ON profiles (valid_until) WHERE valid_until IS NOT NULL;
`;

/** The shard's migrations, in order; a step is never changed once shipped, only added. */
export const FEED_MIGRATIONS: MigrationStep[] = [
  (sql) => sql.exec(FEED_SCHEMA_V1),
  // Transparency (R-RET-1, R-BLOCK-2, R-DEL-1): which agencies acquired a profile homed here, and when first.
  (sql) =>
    sql.exec(
      'CREATE TABLE acquirers (profile_id TEXT NOT NULL, agency_id TEXT NOT NULL, first_acquired_on TEXT NOT NULL, PRIMARY KEY (profile_id, agency_id))',
    ),
  (sql) => sql.exec(FEED_SCHEMA_V3),
  // R-SEC-8: the jobseeker accounts homed here, kept after the profile leaves the feed, so sign-in
  // asks this shard whether an account exists instead of creating a SeekerObject for any ID.
  (sql) => {
    sql.exec('CREATE TABLE seeker_accounts (id TEXT PRIMARY KEY)');
    sql.exec('INSERT OR IGNORE INTO seeker_accounts (id) SELECT id FROM profiles WHERE home = 1 AND activated = 1');
  },
  (sql) => sql.exec(FEED_SCHEMA_V5),
  (sql) => sql.exec(FEED_SCHEMA_V6),
];

/** The statements that give a new database the shard's current tables (the benchmark's floors use them). */
export const FEED_TABLES = [FEED_SCHEMA_V1, FEED_SCHEMA_V3, FEED_SCHEMA_V5, FEED_SCHEMA_V6];
