/**
 * The registry's view of organisations (R-ORG-1, R-ORG-2, R-APP-2): one account per licence or
 * notification number, and every email that signs in for an organisation, unique across the
 * service and reserved like an account ID once it stops being used. Functions of the registry's
 * SQLite and "now"; the registry class calls them.
 */
import { emailReservedUntil, jstDate, licenceKey } from '../../../shared/rules';
import { refuse, type Refusal } from '../../lib/problem';

/** Who holds a licence key now, if anyone: an admitted agency (active or suspended) or a pending registration. */
export type LicenceHolder = { kind: 'agency'; id: string; status: 'active' | 'suspended' } | { kind: 'registration'; id: string };

/**
 * R-ORG-1: the account that already holds a licence or notification number (normalised), if any.
 * Revoked and withdrawn accounts do not hold it (R-APP-3 handles a recent revocation). At
 * admission `pending` is false: only an admitted account then stands in the way.
 *
 * @example licenceHolder(sql, '13-ユ-012345') // { kind: 'agency', id: 'A…', status: 'active' } or null
 */
export function licenceHolder(sql: SqlStorage, number: string, pending = true): LicenceHolder | null {
  const key = licenceKey(number);
  const agency = sql
    .exec<{ id: string; status: 'active' | 'suspended' }>(
      "SELECT id, status FROM agencies WHERE licence_key = ? AND status IN ('active', 'suspended') ORDER BY status LIMIT 1",
      key,
    )
    .toArray()[0];
  if (agency || !pending) return agency ? { kind: 'agency', ...agency } : null;
  const registration = sql
    .exec<{ id: string }>("SELECT id FROM registrations WHERE licence_key = ? AND status = 'pending' LIMIT 1", key)
    .toArray()[0];
  return registration ? { kind: 'registration', id: registration.id } : null;
}

/**
 * R-ORG-1: the refusal for a number someone already holds, or null. A suspended holder keeps its
 * own code (`agency_suspended`, R-ELIG-3), since the reason to tell is the suspension.
 *
 * @example const refusal = licenceRefusal(sql, input.licence.number); if (refusal) return refusal;
 */
export function licenceRefusal(sql: SqlStorage, number: string, pending = true): Refusal | null {
  const holder = licenceHolder(sql, number, pending);
  if (!holder) return null;
  if (holder.kind === 'agency' && holder.status === 'suspended') {
    // R-SAN-2: an application, not the suspended agency's own request, so 422 like the other ineligible applications.
    return refuse(
      'agency_suspended',
      'この許可・届出番号の事業者は利用停止中のため、新たに利用申請できません。停止が解除されるまでお待ちください。',
      undefined,
      { status: 422, title: '利用停止中の事業者です' },
    );
  }
  if (holder.kind === 'agency') {
    return refuse(
      'licence_in_use',
      'この許可・届出番号の事業者はすでに利用しています。1つの事業者が持てるアカウントは1つです。職員の方は、連絡責任者に職員アカウントの追加を依頼してください（利用規約§7(2)①キ、§9）。',
    );
  }
  return refuse('licence_pending', 'この許可・届出番号では、すでに利用申請が手続中です。管轄労働局の受理をお待ちください。');
}

/** Why an email cannot be given to a new account or seat now, or null when it can (R-APP-2, R-ORG-2). */
export function emailRefusal(sql: SqlStorage, email: string, today: string, seatOf: string | null = null): Refusal | null {
  const inUse = () =>
    refuse(
      'email_in_use',
      'このメールアドレスは利用中の事業者のアカウントIDか職員のメールアドレスです。別のメールアドレスを指定してください。',
    );
  const reserved = (until: string) =>
    refuse('email_reserved', `このメールアドレスは利用終了後5年間（${until}まで）保持されるため、別のメールアドレスを指定してください。`, {
      reservedUntil: until,
    });
  const account = sql
    .exec<{ id: string; status: string; ended_on: string | null }>('SELECT id, status, ended_on FROM agencies WHERE email = ?', email)
    .toArray()[0];
  if (account) {
    if (account.status === 'active' || account.status === 'suspended') return inUse();
    if (account.ended_on && today <= emailReservedUntil(account.ended_on)) return reserved(emailReservedUntil(account.ended_on));
  }
  if (sql.exec("SELECT 1 FROM registrations WHERE email = ? AND status = 'pending'", email).toArray().length) return inUse();
  const seat = sql
    .exec<{ agency_id: string; removed_on: string | null; status: string; ended_on: string | null }>(
      'SELECT s.agency_id, s.removed_on, a.status, a.ended_on FROM seat_emails s JOIN agencies a ON a.id = s.agency_id WHERE s.email = ?',
      email,
    )
    .toArray()[0];
  if (seat) {
    const until = seat.removed_on ?? seat.ended_on;
    if (until === null) return inUse();
    // The organisation itself may take back a person who left it (R-ORG-2, decisions).
    if (seat.removed_on && seat.agency_id === seatOf && seat.status !== 'revoked' && seat.status !== 'withdrawn') return null;
    if (today <= emailReservedUntil(until)) return reserved(emailReservedUntil(until));
  }
  return null;
}

/**
 * R-ORG-2: reserves a seat's email for its organisation, after the same checks an account ID
 * gets (R-APP-2). The email then signs in at the organisation's object.
 *
 * @example reserveSeatEmail(sql, 'sato@agency.example.jp', 'A…', 'U…', now);
 */
export function reserveSeatEmail(sql: SqlStorage, email: string, agencyId: string, seatId: string, now: number): { ok: true } | Refusal {
  const agency = sql.exec<{ status: string }>('SELECT status FROM agencies WHERE id = ?', agencyId).toArray()[0];
  if (!agency) return refuse('agency_not_found', 'この事業者は登録されていません。');
  const refusal = emailRefusal(sql, email, jstDate(new Date(now)), agencyId);
  if (refusal) return refusal;
  sql.exec(
    'INSERT OR REPLACE INTO seat_emails (email, agency_id, seat_id, added_at, removed_on) VALUES (?, ?, ?, ?, NULL)',
    email,
    agencyId,
    seatId,
    now,
  );
  return { ok: true };
}

/**
 * R-ORG-2: a seat was removed, and its email stays reserved for five years from today (R-APP-2);
 * or (`removed` false) the organisation's object did not create the seat, and the reservation is
 * dropped. Idempotent.
 */
export function releaseSeatEmail(sql: SqlStorage, agencyId: string, seatId: string, removed: boolean, now: number): { ok: true } {
  if (removed)
    sql.exec(
      'UPDATE seat_emails SET removed_on = ? WHERE agency_id = ? AND seat_id = ? AND removed_on IS NULL',
      jstDate(new Date(now)),
      agencyId,
      seatId,
    );
  else sql.exec('DELETE FROM seat_emails WHERE agency_id = ? AND seat_id = ? AND removed_on IS NULL', agencyId, seatId);
  return { ok: true };
}

/** The organisation a live seat's email signs in to (R-ORG-2), or null. */
export function agencyIdBySeatEmail(sql: SqlStorage, email: string): string | null {
  return (
    sql.exec<{ agency_id: string }>('SELECT agency_id FROM seat_emails WHERE email = ? AND removed_on IS NULL', email).toArray()[0]
      ?.agency_id ?? null
  );
}

/**
 * The registry's migration step for organisations: licence keys computed by the shared rule
 * (R-ORG-1) for agencies and registrations, and the index of seat emails (R-ORG-2).
 */
export function migrateOrganisations(sql: SqlStorage): void {
  sql.exec(`
    ALTER TABLE registrations ADD COLUMN licence_key TEXT;
    CREATE INDEX registrations_licence ON registrations (licence_key, status);
    CREATE TABLE seat_emails (email TEXT PRIMARY KEY, agency_id TEXT NOT NULL, seat_id TEXT NOT NULL, added_at INTEGER NOT NULL, removed_on TEXT);
    CREATE INDEX seat_emails_agency ON seat_emails (agency_id, seat_id);
  `);
  for (const a of sql.exec<{ id: string; licence_number: string }>('SELECT id, licence_number FROM agencies').toArray()) {
    sql.exec('UPDATE agencies SET licence_key = ? WHERE id = ?', licenceKey(a.licence_number), a.id);
  }
  for (const r of sql.exec<{ id: string; payload: string }>('SELECT id, payload FROM registrations').toArray()) {
    const number = (JSON.parse(r.payload) as { licence?: { number?: string } }).licence?.number ?? '';
    sql.exec('UPDATE registrations SET licence_key = ? WHERE id = ?', licenceKey(number), r.id);
  }
}
