import type { MigrationStep } from '../../lib/migrations';
import { SessionStore } from '../../lib/sessions';
import { ACCEPTANCE_SCHEMA } from './acceptances';
import { migrateSeats } from './seats';
import { UNCONFIRMED_TOLD_SCHEMA } from './deletion-notices';

/**
 * The agency object's tables, as ordered migration steps: a step, once shipped, is never edited;
 * a change is a new step at the end. Steps 2 to 4 replaced tables that were once created on first
 * use, so they say IF NOT EXISTS: an object that already made them keeps them as they are.
 */
export const AGENCY_MIGRATIONS: MigrationStep[] = [
  (sql) => {
    SessionStore.migrate(sql);
    sql.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE acquisitions (
        profile_id TEXT PRIMARY KEY, acquired_on TEXT NOT NULL, accepted_on TEXT, deadline TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'held', deleted_at INTEGER, deleted_rule TEXT);
      CREATE INDEX acquisitions_due ON acquisitions (state, deadline);
      CREATE TABLE events (
        seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, profile_id TEXT,
        conversation_id TEXT, rule TEXT NOT NULL, created_at INTEGER NOT NULL, acked_at INTEGER, details TEXT NOT NULL);
      CREATE TABLE deletions (
        seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, record_kind TEXT NOT NULL, rule TEXT NOT NULL,
        profile_id TEXT, event_id TEXT);
    `);
  },
  // The complaint log (R-CMP-1, §15(2)).
  (sql) => {
    sql.exec(`CREATE TABLE IF NOT EXISTS complaints (
      seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, received_on TEXT NOT NULL, source TEXT NOT NULL, content TEXT NOT NULL,
      handling TEXT NOT NULL, bureau_complaint_id TEXT, recorded_at INTEGER NOT NULL)`);
  },
  // Messaging: the daily count (R-CAP-1), idempotency keys (R-CAP-2), the conversation index and
  // the profiles whose access ended (R-BLOCK-2, R-DEL-1, R-RET-3), acknowledgement notices (R-DEL-2).
  (sql) => {
    sql.exec(`
      CREATE TABLE IF NOT EXISTS msg_daily (day TEXT PRIMARY KEY, used INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS msg_sends (
        key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, day TEXT NOT NULL, state TEXT NOT NULL, profile_id TEXT,
        reserved_at INTEGER NOT NULL, reserved_wall INTEGER NOT NULL, result TEXT);
      CREATE INDEX IF NOT EXISTS msg_sends_reserved ON msg_sends (reserved_at);
      CREATE INDEX IF NOT EXISTS msg_sends_profile ON msg_sends (profile_id);
      CREATE TABLE IF NOT EXISTS msg_conversations (
        id TEXT PRIMARY KEY, profile_id TEXT NOT NULL, state TEXT NOT NULL, revoked_rule TEXT, created_at INTEGER NOT NULL,
        last_message_at INTEGER NOT NULL, last_from TEXT NOT NULL, unread INTEGER NOT NULL DEFAULT 0, mi_version INTEGER NOT NULL, mi_seen INTEGER);
      CREATE INDEX IF NOT EXISTS msg_conversations_profile ON msg_conversations (profile_id);
      CREATE INDEX IF NOT EXISTS msg_conversations_recent ON msg_conversations (last_message_at DESC, id);
      CREATE TABLE IF NOT EXISTS msg_access_revoked (profile_id TEXT PRIMARY KEY, rule TEXT NOT NULL, at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS msg_ack_notices (event_id TEXT PRIMARY KEY, at INTEGER NOT NULL);
    `);
  },
  // Transparency: work another object must do (the acquirer pointer in the profile's home shard,
  // closing an expired conversation at the jobseeker's object), queued with the change and
  // retried by every sweep. Acquisitions made before the pointers existed are announced once.
  (sql) => {
    sql.exec(`
      CREATE TABLE IF NOT EXISTS acquirer_pending (profile_id TEXT PRIMARY KEY, acquired_on TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS seeker_close_pending (
        profile_id TEXT NOT NULL, rule TEXT NOT NULL, at INTEGER NOT NULL, deadline TEXT, PRIMARY KEY (profile_id, rule));
    `);
    if (sql.exec("INSERT OR IGNORE INTO meta (key, value) VALUES ('acquirers_backfilled', '1')").rowsWritten > 0) {
      sql.exec('INSERT OR IGNORE INTO acquirer_pending (profile_id, acquired_on) SELECT profile_id, acquired_on FROM acquisitions');
    }
  },
  // R-APP-5: the fee statement of each acceptance and the refusals to accept, with their reasons.
  (sql) => sql.exec(ACCEPTANCE_SCHEMA),
  // R-MSG-3: notices to jobseekers queued with the change that causes them, retried by the alarm.
  (sql) => {
    sql.exec(`
      CREATE TABLE IF NOT EXISTS outbox (id INTEGER PRIMARY KEY, profile_id TEXT NOT NULL, payload TEXT NOT NULL,
        attempts INTEGER NOT NULL, next_wall INTEGER NOT NULL, created_at INTEGER NOT NULL, last_error TEXT);
    `);
  },
  // R-ORG-2: the account becomes an organisation with one seat, the liaison officer's.
  migrateSeats,
  // R-DEL-2: the deletion requests whose missing confirmation the jobseeker was told of.
  (sql) => sql.exec(UNCONFIRMED_TOLD_SCHEMA),
];
