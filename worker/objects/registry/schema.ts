import type { MigrationStep } from '../../lib/migrations';
import { SessionStore } from '../../lib/sessions';
import { migrateOrganisations } from './organisations';
import { directoryText, licenceKey, type StoredRecord } from './store';
import { FEED_LAPSES_SCHEMA } from './feed-lapses';
import { TERM_DUTIES_SCHEMA } from './service-term';

/**
 * The registry's tables, as ordered migration steps: a step, once shipped, is never edited; a
 * change is a new step at the end.
 */
export const REGISTRY_MIGRATIONS: MigrationStep[] = [
  (sql) => {
    SessionStore.migrate(sql);
    sql.exec(`
      CREATE TABLE staff (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL, name TEXT NOT NULL,
        role TEXT NOT NULL, prefecture TEXT, created_at INTEGER NOT NULL, created_by TEXT NOT NULL);
      CREATE TABLE agencies (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL, prefecture TEXT NOT NULL,
        status TEXT NOT NULL, record TEXT NOT NULL, ended_on TEXT, revoked_on TEXT, updated_at INTEGER NOT NULL);
      CREATE TABLE registrations (id TEXT PRIMARY KEY, email TEXT NOT NULL, payload TEXT NOT NULL, password_hash TEXT NOT NULL,
        registered_on TEXT NOT NULL, deadline TEXT NOT NULL, status TEXT NOT NULL, agency_id TEXT, decided_at INTEGER);
      CREATE INDEX registrations_email ON registrations (email, status);
      CREATE TABLE audit (seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
        target TEXT NOT NULL, reason TEXT, details TEXT NOT NULL);
    `);
  },
  (sql) => {
    sql.exec(`
      ALTER TABLE agencies ADD COLUMN address TEXT NOT NULL DEFAULT '';
      ALTER TABLE agencies ADD COLUMN licence_kind TEXT NOT NULL DEFAULT '';
      ALTER TABLE agencies ADD COLUMN licence_number TEXT NOT NULL DEFAULT '';
      ALTER TABLE agencies ADD COLUMN licence_key TEXT NOT NULL DEFAULT '';
      ALTER TABLE agencies ADD COLUMN services TEXT NOT NULL DEFAULT '';
      ALTER TABLE agencies ADD COLUMN handles_subsidies INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE agencies ADD COLUMN certifications TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE agencies ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
      ALTER TABLE agencies ADD COLUMN admitted_on TEXT NOT NULL DEFAULT '';
      ALTER TABLE agencies ADD COLUMN suspension TEXT;
      ALTER TABLE agencies ADD COLUMN term_ends_on TEXT;
      CREATE INDEX agencies_directory ON agencies (status, prefecture, id);
      CREATE INDEX agencies_licence ON agencies (licence_key);
      ALTER TABLE registrations ADD COLUMN form_received_on TEXT;
      ALTER TABLE registrations ADD COLUMN decision_reason TEXT;
      CREATE TABLE procedures (id TEXT PRIMARY KEY, kind TEXT NOT NULL, agency_id TEXT NOT NULL, prefecture TEXT NOT NULL,
        request TEXT NOT NULL, status TEXT NOT NULL, submitted_on TEXT NOT NULL, deadline TEXT, submitted_at INTEGER NOT NULL,
        decided_at INTEGER, decided_by TEXT, reason TEXT);
      CREATE INDEX procedures_agency ON procedures (agency_id, kind, status);
      CREATE TABLE violations (id TEXT PRIMARY KEY, agency_id TEXT NOT NULL, category TEXT NOT NULL, note TEXT NOT NULL,
        recorded_on TEXT NOT NULL, recorded_at INTEGER NOT NULL, recorded_by TEXT NOT NULL, resumed_on TEXT, proposal TEXT NOT NULL);
      CREATE INDEX violations_agency ON violations (agency_id);
      CREATE TABLE suspensions (id TEXT PRIMARY KEY, agency_id TEXT NOT NULL, kind TEXT NOT NULL, reason TEXT NOT NULL,
        starts_on TEXT NOT NULL, ends_on TEXT, violation_id TEXT, imposed_by TEXT NOT NULL, imposed_at INTEGER NOT NULL,
        ended_on TEXT, ended_by TEXT, end_reason TEXT);
      CREATE INDEX suspensions_agency ON suspensions (agency_id, ended_on);
      CREATE TABLE reports (agency_id TEXT NOT NULL, fiscal_year INTEGER NOT NULL, report TEXT NOT NULL, submitted_at INTEGER NOT NULL,
        updated_at INTEGER, on_time INTEGER NOT NULL, PRIMARY KEY (agency_id, fiscal_year));
      CREATE TABLE report_duties (agency_id TEXT NOT NULL, fiscal_year INTEGER NOT NULL, reminded_at INTEGER, suspension_id TEXT,
        suspended_on TEXT, revoked_on TEXT, PRIMARY KEY (agency_id, fiscal_year));
      CREATE TABLE seeker_complaints (id TEXT PRIMARY KEY, agency_id TEXT NOT NULL, prefecture TEXT NOT NULL, profile_id TEXT NOT NULL,
        content TEXT NOT NULL, received_at INTEGER NOT NULL, forwarded_at INTEGER, forwarded_by TEXT, agency_complaint_id TEXT);
      CREATE INDEX seeker_complaints_scope ON seeker_complaints (prefecture, received_at);
      CREATE TABLE compromise_reports (id TEXT PRIMARY KEY, role TEXT NOT NULL, account_id TEXT NOT NULL, prefecture TEXT,
        description TEXT NOT NULL, noticed_at INTEGER, reported_at INTEGER NOT NULL, sessions_ended INTEGER NOT NULL);
    `);
    // Agencies admitted before this step get their directory columns from the stored record.
    for (const row of sql.exec<{ id: string; record: string }>('SELECT id, record FROM agencies').toArray()) {
      const r = JSON.parse(row.record) as StoredRecord;
      sql.exec(
        `UPDATE agencies SET address = ?, licence_kind = ?, licence_number = ?, licence_key = ?, services = ?, handles_subsidies = ?,
        certifications = ?, search_text = ?, admitted_on = ?, suspension = ? WHERE id = ?`,
        r.registration?.organisation.address ?? '',
        r.licence.kind,
        r.licence.number,
        licenceKey(r.licence.number),
        r.services.join(','),
        r.registration?.handlesSubsidies ? 1 : 0,
        JSON.stringify(r.registration?.certifications ?? []),
        directoryText(`${r.name} ${r.registration?.organisation.address ?? ''} ${r.licence.number}`),
        r.admittedOn,
        r.suspension ? JSON.stringify(r.suspension) : null,
        row.id,
      );
    }
  },
  // R-FEED-6: when loaded profiles lapse, per shard, so the scheduled work visits only those.
  (sql) => sql.exec(FEED_LAPSES_SCHEMA),
  (sql) => {
    // R-APP-4: the bureau records a procedure's form as received; a renewal and its change are filed
    // together. R-REP-3: when the bureau's request to submit reached the agency.
    sql.exec(`
      ALTER TABLE procedures ADD COLUMN form_received_on TEXT;
      ALTER TABLE procedures ADD COLUMN filed_with TEXT;
      ALTER TABLE report_duties ADD COLUMN requested_at INTEGER;
    `);
  },
  // R-ORG-1 licence keys by the shared rule, R-ORG-2 seat emails.
  (sql) => migrateOrganisations(sql),
  // R-TERM-1: the licence's expiry beside the term's end, and what was done about each end date.
  (sql) => sql.exec(TERM_DUTIES_SCHEMA),
];
