/**
 * Staff seats of the organisation (R-ORG-2, §9): each person has their own email, password and
 * sessions in this one object, so every seat shares the organisation's feed access, inbox, cap,
 * blocks, events and quota. The liaison officer's seat is the account that registered and has the
 * organisation's own ID; other seats get `U…` IDs. What a seat does is recorded with its ID.
 */
import type { Seat, SeatRef, SeatUsage } from '../../../shared/schemas';
import { jstDate } from '../../../shared/rules';
import { refuse, type Refusal } from '../../lib/problem';
import { agencyRecord, type AgencyStore } from './store';

/** Live seats an organisation may hold at once (decisions): far above a real placement office. */
export const MAX_SEATS = 200;

export type SeatRow = {
  id: string;
  email: string;
  name: string;
  role: 'liaison' | 'staff';
  password_hash: string;
  created_at: number;
  created_by: string | null;
  removed_at: number | null;
};

/** What a seat did, for "who did what" (R-ORG-2). */
export type SeatAction = 'send' | 'opening' | 'acceptance' | 'refusal' | 'ack';

/**
 * The migration step that turns a single-account agency into an organisation with one seat: the
 * account's email and password become the liaison officer's seat, with the organisation's ID, so
 * its live sessions stay valid.
 */
export function migrateSeats(sql: SqlStorage): void {
  sql.exec(`
    CREATE TABLE seats (
      id TEXT PRIMARY KEY, email TEXT NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL, password_hash TEXT NOT NULL,
      created_at INTEGER NOT NULL, created_by TEXT, removed_at INTEGER);
    CREATE UNIQUE INDEX seats_live_email ON seats (email) WHERE removed_at IS NULL;
    CREATE TABLE seat_actions (
      seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, day TEXT NOT NULL, seat_id TEXT NOT NULL, action TEXT NOT NULL, profile_id TEXT, ref TEXT);
    CREATE INDEX seat_actions_day ON seat_actions (day, action, seat_id);
    CREATE INDEX seat_actions_ref ON seat_actions (action, ref);
  `);
  const record = sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'record'").toArray()[0];
  const password = sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'password'").toArray()[0];
  if (record && password) {
    const r = JSON.parse(record.value) as { id: string; email: string; admittedOn?: string };
    sql.exec(
      "INSERT INTO seats (id, email, name, role, password_hash, created_at, created_by) VALUES (?, ?, '連絡責任者', 'liaison', ?, ?, NULL)",
      r.id,
      r.email,
      password.value,
      Date.parse(`${r.admittedOn ?? '1970-01-01'}T00:00:00+09:00`) || 0,
    );
    sql.exec("DELETE FROM meta WHERE key = 'password'");
  }
}

/** Creates or refreshes the liaison officer's seat when the bureau admits the organisation. */
export function initLiaison(s: AgencyStore, id: string, email: string, name: string | null, passwordHash: string, now: number): void {
  const existing = s.sql.exec<{ id: string }>('SELECT id FROM seats WHERE id = ?', id).toArray()[0];
  if (existing)
    s.sql.exec('UPDATE seats SET email = ?, password_hash = ?, name = COALESCE(?, name) WHERE id = ?', email, passwordHash, name, id);
  else
    s.sql.exec(
      "INSERT INTO seats (id, email, name, role, password_hash, created_at, created_by) VALUES (?, ?, ?, 'liaison', ?, ?, NULL)",
      id,
      email,
      name ?? '連絡責任者',
      passwordHash,
      now,
    );
}

/** A live seat by ID, or null (removed seats sign in no more). */
export function liveSeat(s: AgencyStore, id: string): SeatRow | null {
  return s.sql.exec<SeatRow>('SELECT * FROM seats WHERE id = ? AND removed_at IS NULL', id).toArray()[0] ?? null;
}

/** A live seat by its email, for sign-in. */
export function seatByEmail(s: AgencyStore, email: string): SeatRow | null {
  return s.sql.exec<SeatRow>('SELECT * FROM seats WHERE email = ? AND removed_at IS NULL', email).toArray()[0] ?? null;
}

/** R-ORG-2: records that a seat did something; the seat is known for every authenticated request. */
export function recordAction(
  s: AgencyStore,
  seatId: string | null,
  action: SeatAction,
  now: number,
  profileId: string | null = null,
  ref: string | null = null,
): void {
  if (!seatId) return;
  s.sql.exec(
    'INSERT INTO seat_actions (at, day, seat_id, action, profile_id, ref) VALUES (?, ?, ?, ?, ?, ?)',
    now,
    jstDate(new Date(now)),
    seatId,
    action,
    profileId,
    ref,
  );
}

/**
 * R-ORG-2: the seat that first did `action` for each reference (a send records the message ID, an
 * acknowledgement the event ID), for showing who did what. References from before seats are absent.
 *
 * @example actorsOf(s, 'send', ['msg_01']) // { msg_01: { id: 'U4F8…', name: '佐藤 花子' } }
 */
export function actorsOf(s: AgencyStore, action: SeatAction, refs: string[]): Record<string, SeatRef> {
  const out: Record<string, SeatRef> = {};
  for (let i = 0; i < refs.length; i += 50) {
    const chunk = refs.slice(i, i + 50);
    const rows = s.sql
      .exec<{ ref: string; id: string; name: string }>(
        `SELECT a.ref, s.id, s.name FROM seat_actions a JOIN seats s ON s.id = a.seat_id WHERE a.action = ? AND a.ref IN (${chunk.map(() => '?').join(', ')}) ORDER BY a.seq`,
        action,
        ...chunk,
      )
      .toArray();
    for (const r of rows) out[r.ref] ??= { id: r.id, name: r.name };
  }
  return out;
}

/** R-CAP-1, R-ORG-2: the day's sends of the organisation by seat, most first. */
export function sendsBySeat(s: AgencyStore, day: string): SeatUsage[] {
  return s.sql
    .exec<{ id: string; name: string; used: number }>(
      "SELECT s.id, s.name, COUNT(*) AS used FROM seat_actions a JOIN seats s ON s.id = a.seat_id WHERE a.day = ? AND a.action = 'send' GROUP BY s.id ORDER BY used DESC, s.id",
      day,
    )
    .toArray()
    .map((r) => ({ seat: { id: r.id, name: r.name }, used: r.used }));
}

/** The organisation's seats, live first, with today's sends and openings (R-ORG-2). */
export function listSeats(s: AgencyStore, now: number): Seat[] {
  const day = jstDate(new Date(now));
  const counts = new Map<string, { sends: number; openings: number }>();
  for (const r of s.sql
    .exec<{ seat_id: string; action: string; n: number }>(
      "SELECT seat_id, action, COUNT(*) AS n FROM seat_actions WHERE day = ? AND action IN ('send', 'opening') GROUP BY seat_id, action",
      day,
    )
    .toArray()) {
    const c = counts.get(r.seat_id) ?? { sends: 0, openings: 0 };
    if (r.action === 'send') c.sends = r.n;
    else c.openings = r.n;
    counts.set(r.seat_id, c);
  }
  return s.sql
    .exec<SeatRow>("SELECT * FROM seats ORDER BY removed_at IS NOT NULL, role = 'staff', created_at, id")
    .toArray()
    .map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      role: r.role,
      createdAt: new Date(r.created_at).toISOString(),
      removedAt: r.removed_at === null ? null : new Date(r.removed_at).toISOString(),
      today: counts.get(r.id) ?? { sends: 0, openings: 0 },
    }));
}

const liaisonOnly = () =>
  refuse('liaison_only', '職員アカウントの追加と削除は、連絡責任者のアカウントで行ってください（利用規約§9、§12）。');

/** Refuses anyone but the liaison officer (R-ORG-2). */
export function requireLiaison(s: AgencyStore, actorSeatId: string): Refusal | null {
  return liveSeat(s, actorSeatId)?.role === 'liaison' ? null : liaisonOnly();
}

/**
 * R-ORG-2: the liaison officer adds a seat. The registry has already reserved the email across
 * the service; this object keeps the person's name, email and password hash.
 *
 * @example addSeat(s, 'A7K3M9X2QAB', { id: 'U…', email, name }, hash, now);
 */
export function addSeat(
  s: AgencyStore,
  actorSeatId: string,
  seat: { id: string; email: string; name: string },
  passwordHash: string,
  now: number,
): { ok: true; seat: Seat } | Refusal {
  const refusal = requireLiaison(s, actorSeatId);
  if (refusal) return refusal;
  // An organisation whose use has ended adds nobody (it may still remove people).
  const status = agencyRecord(s)?.status;
  if (status === 'revoked' || status === 'withdrawn') {
    return refuse(`agency_${status}`, '利用を終了した事業者は職員アカウントを追加できません。');
  }
  const live = s.sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM seats WHERE removed_at IS NULL').one().n;
  if (live >= MAX_SEATS)
    return refuse('too_many_seats', `職員アカウントは${MAX_SEATS}件まで登録できます。使わなくなったアカウントを削除してください。`);
  if (seatByEmail(s, seat.email)) return refuse('email_in_use', 'このメールアドレスの職員アカウントはすでにあります。');
  s.sql.exec(
    "INSERT INTO seats (id, email, name, role, password_hash, created_at, created_by) VALUES (?, ?, ?, 'staff', ?, ?, ?)",
    seat.id,
    seat.email,
    seat.name,
    passwordHash,
    now,
    actorSeatId,
  );
  return { ok: true, seat: listSeats(s, now).find((x) => x.id === seat.id)! };
}

/**
 * R-ORG-2: the liaison officer removes a seat; its sessions end at once. Removing a removed seat
 * again answers as before (a retry converges). The liaison officer's own seat changes only
 * through a change procedure, never by removal.
 *
 * @example removeSeat(s, 'A7K3M9X2QAB', 'U…', now) // { ok: true, email, sessionsEnded: 2 }
 */
export function removeSeat(
  s: AgencyStore,
  actorSeatId: string,
  seatId: string,
  now: number,
): { ok: true; email: string; sessionsEnded: number } | Refusal {
  const refusal = requireLiaison(s, actorSeatId);
  if (refusal) return refusal;
  const row = s.sql.exec<SeatRow>('SELECT * FROM seats WHERE id = ?', seatId).toArray()[0];
  if (!row) return refuse('seat_not_found', 'この職員アカウントは存在しません。');
  if (row.role === 'liaison') {
    return refuse('liaison_seat', '連絡責任者を替えるときは、変更届（連絡責任者の変更）を提出してください。');
  }
  return s.tx(() => {
    if (row.removed_at === null) s.sql.exec('UPDATE seats SET removed_at = ? WHERE id = ?', now, seatId);
    const sessionsEnded = s.sql.exec('DELETE FROM sessions WHERE account_id = ?', seatId).rowsWritten;
    return { ok: true as const, email: row.email, sessionsEnded };
  });
}

/** Ends the sessions of every seat (revocation, withdrawal): the organisation stops as a whole. */
export function endAllSeatSessions(s: AgencyStore): number {
  return s.sql.exec('DELETE FROM sessions').rowsWritten;
}
