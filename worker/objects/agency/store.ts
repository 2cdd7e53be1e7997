import type { Acquisition, AgencyRecord } from './types';

/**
 * What every module of the agency object works on: its SQLite, a synchronous transaction, the
 * bindings (to tell a jobseeker's object or a shard) and the little state kept in memory.
 * Modules take it (and "now") as their first arguments; only the class holds it.
 */
/** `setAlarm`: wakes the object at a wall-clock time to retry queued notices (outbox.ts). */
export type AgencyStore = {
  sql: SqlStorage;
  tx: <T>(work: () => T) => T;
  env: Env;
  memory: {
    lastSendPrune: number;
    pointerPush: Promise<void> | null;
    pointerAgain: boolean;
    /** The parsed record as stored (undefined: not read since the last write); see agencyRecord. */
    record?: AgencyRecord | null;
  };
  setAlarm: (at: number) => Promise<void>;
};

/**
 * The store of one agency object; a rolled-back transaction forgets the record it cached, since
 * what was read inside may not be what is stored (agencyRecord).
 *
 * @example this.store = openAgencyStore(ctx, env);
 */
export function openAgencyStore(ctx: DurableObjectState, env: Env): AgencyStore {
  const store: AgencyStore = {
    sql: ctx.storage.sql,
    tx: (work) => {
      try {
        return ctx.storage.transactionSync(work);
      } catch (error) {
        store.memory.record = undefined;
        throw error;
      }
    },
    env,
    memory: { lastSendPrune: 0, pointerPush: null, pointerAgain: false },
    setAlarm: (at) => ctx.storage.setAlarm(at),
  };
  return store;
}

export type AcqRow = {
  profile_id: string;
  acquired_on: string;
  accepted_on: string | null;
  deadline: string;
  state: 'held' | 'deleted';
  deleted_at: number | null;
  deleted_rule: string | null;
};
export type SendRow = {
  key: string;
  fingerprint: string;
  day: string;
  state: 'pending' | 'delivered';
  profile_id: string | null;
  reserved_at: number;
  reserved_wall: number;
  result: string | null;
};
export type IndexRow = {
  id: string;
  profile_id: string;
  state: 'awaiting_seeker' | 'open' | 'revoked';
  revoked_rule: string | null;
  created_at: number;
  last_message_at: number;
  last_from: string;
  unread: number;
  mi_version: number;
  mi_seen: number | null;
};

/** How long an idempotency key is remembered (R-CAP-2). */
export const SEND_KEY_DAYS = 7;
/** A pending send older than this (wall clock) was lost on its way and may be retried. */
export const PENDING_STALE_MS = 60_000;
/** Jobseeker objects (or shards) told at once when a notice fans out. */
export const FAN_OUT = 50;

export function toAcquisition(r: AcqRow): Acquisition {
  return {
    profileId: r.profile_id,
    acquiredOn: r.acquired_on,
    acceptedOn: r.accepted_on,
    retentionDeadline: r.deadline,
    state: r.state,
    deletedAt: r.deleted_at === null ? null : new Date(r.deleted_at).toISOString(),
    deletedRule: r.deleted_rule,
  };
}

/**
 * The agency's record, or null before admission. Read once and kept in memory until the next
 * saveRecord (or a failed transaction): a send reads it several times (R-CAP-1, R-RET-3, R-MSG-3)
 * and this object is its only writer. Callers never change the object they get.
 */
export function agencyRecord(s: AgencyStore): AgencyRecord | null {
  if (s.memory.record !== undefined) return s.memory.record;
  const row = s.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'record'").toArray()[0];
  s.memory.record = row ? (JSON.parse(row.value) as AgencyRecord) : null;
  return s.memory.record;
}

export function saveRecord(s: AgencyStore, record: AgencyRecord): void {
  s.memory.record = undefined;
  s.sql.exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('record', ?)", JSON.stringify(record));
}

export function acquisitionRow(s: AgencyStore, profileId: string): AcqRow | undefined {
  return s.sql.exec<AcqRow>('SELECT * FROM acquisitions WHERE profile_id = ?', profileId).toArray()[0];
}
