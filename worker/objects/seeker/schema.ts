import type { MigrationStep } from '../../lib/migrations';
import { DELETION_NOTICES_SCHEMA } from './deletions';
import { SessionStore } from '../../lib/sessions';
import { PAID_SERVICES_SCHEMA } from './paid-services';

/**
 * The jobseeker object's tables, as ordered migration steps: a step, once shipped, is never
 * edited; a change is a new step at the end.
 */
export const SEEKER_MIGRATIONS: MigrationStep[] = [
  (sql) => {
    SessionStore.migrate(sql);
    sql.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `);
  },
  (sql) => {
    // Messaging: the one copy of every conversation between this jobseeker and an agency.
    sql.exec(`
      CREATE TABLE conversations (
        id TEXT PRIMARY KEY, agency_id TEXT NOT NULL, agency_name TEXT NOT NULL, state TEXT NOT NULL, closed_reason TEXT,
        closed_ref TEXT, mi TEXT NOT NULL, mi_version INTEGER NOT NULL, mi_seen INTEGER, unread INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL, last_message_at INTEGER NOT NULL);
      CREATE INDEX conversations_agency ON conversations (agency_id, state);
      CREATE INDEX conversations_recent ON conversations (last_message_at DESC, id);
      CREATE TABLE messages (
        seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, conversation_id TEXT NOT NULL, sender TEXT NOT NULL, kind TEXT NOT NULL,
        notice TEXT, audience TEXT NOT NULL, body TEXT NOT NULL, sent_at INTEGER NOT NULL, mi TEXT, agency_id TEXT, send_key TEXT);
      CREATE INDEX messages_thread ON messages (conversation_id, seq);
      CREATE UNIQUE INDEX messages_send_key ON messages (agency_id, send_key) WHERE send_key IS NOT NULL;
      CREATE TABLE blocks (agency_id TEXT PRIMARY KEY, agency_name TEXT NOT NULL, blocked_at INTEGER NOT NULL, agency_deleted_at INTEGER);
      CREATE TABLE deletion_requests (
        id TEXT PRIMARY KEY, agency_id TEXT NOT NULL, agency_name TEXT NOT NULL, state TEXT NOT NULL, held INTEGER NOT NULL DEFAULT 1,
        requested_at INTEGER NOT NULL, server_deleted_at INTEGER, agency_deleted_at INTEGER, completed_at INTEGER, notice TEXT);
      CREATE INDEX deletion_requests_agency ON deletion_requests (agency_id, state);
    `);
  },
  // R-MSG-7: the jobseeker's consent, per conversation, to hear about paid services.
  (sql) => sql.exec(PAID_SERVICES_SCHEMA),
  // R-DEL-2: the notices each deletion request brought the jobseeker, once each.
  (sql) => sql.exec(DELETION_NOTICES_SCHEMA),
];
