/** The tables of an agency's job desk (R-JOB-2 … R-JOB-6). */

/** What the desk's modules need of the SQL handle. */
export interface DeskSql {
  all<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[];
}

export const DESK_SCHEMA_V1 = `
  CREATE TABLE quotes (
    id TEXT PRIMARY KEY, offer_number TEXT NOT NULL, jobseeker_ref TEXT NOT NULL, version INTEGER NOT NULL, hash TEXT NOT NULL,
    presented_as TEXT NOT NULL, doc TEXT, text TEXT, introduction TEXT NOT NULL, created_at INTEGER NOT NULL, closed_reason TEXT, closed_at INTEGER
  );
  CREATE INDEX quotes_by_offer ON quotes (offer_number);
  CREATE INDEX quotes_by_time ON quotes (created_at DESC);
  CREATE TABLE additions (id TEXT PRIMARY KEY, offer_number TEXT NOT NULL, text TEXT NOT NULL, consent TEXT NOT NULL, created_at INTEGER NOT NULL);
  CREATE INDEX additions_by_offer ON additions (offer_number);
  CREATE TABLE change_reports (
    id TEXT PRIMARY KEY, offer_number TEXT NOT NULL, kind TEXT NOT NULL, learned TEXT NOT NULL, learned_on TEXT NOT NULL,
    employer_asked_on TEXT NOT NULL, office TEXT NOT NULL, created_at INTEGER NOT NULL
  );
  CREATE TABLE orders (
    id TEXT PRIMARY KEY, offer_number TEXT, employer_name TEXT NOT NULL, accepted_on TEXT NOT NULL, request TEXT NOT NULL,
    statement TEXT NOT NULL, created_at INTEGER NOT NULL
  );
  CREATE INDEX orders_by_offer ON orders (offer_number);
  CREATE TABLE hires (order_id TEXT NOT NULL, hired_on TEXT NOT NULL, fiscal_year INTEGER NOT NULL, fee INTEGER NOT NULL, created_at INTEGER NOT NULL);
  CREATE INDEX hires_by_year ON hires (fiscal_year);
`;
