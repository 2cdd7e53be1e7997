import { jstDate } from '../../../shared/rules';
import { randomBase32 } from '../../lib/crypto';
import { refuse, type Refusal } from '../../lib/problem';
import type { AgencyRecord } from '../../lib/records';
import { agencyStub } from '../../lib/stubs';
import { appendAudit } from './audit';
import * as organisations from './organisations';
import { registration } from './registrations';
import { decideTerm, type AdmissionTerm } from './service-term';
import { directoryText, licenceKey, shownMandatoryInformation, type RegistryStore } from './store';
import type { RegistrationInput, RegistrationSummary, StaffRecord } from './types';

// The bureau's review of a pending registration (R-APP-1, R-APP-4, R-SEC-4): the signed form's
// arrival, then admission or rejection. The application itself is in registrations.ts.

/** A pending registration in the staff member's scope, or the refusal. */
export function pendingRegistration(
  s: RegistryStore,
  id: string,
  staff: StaffRecord,
): { payload: string; password_hash: string; registered_on: string; deadline: string; form_received_on: string | null } | Refusal {
  const row = s.sql
    .exec<{
      payload: string;
      password_hash: string;
      status: string;
      registered_on: string;
      deadline: string;
      form_received_on: string | null;
    }>('SELECT payload, password_hash, status, registered_on, deadline, form_received_on FROM registrations WHERE id = ?', id)
    .toArray()[0];
  if (!row) return refuse('registration_not_found', `登録（${id}）は存在しないか、期限切れで削除されました。`);
  const input = JSON.parse(row.payload) as RegistrationInput;
  if (staff.role === 'bureau' && staff.prefecture !== input.organisation.prefecture)
    return refuse('out_of_scope', 'この登録は管轄外の労働局のものです。');
  if (row.status !== 'pending') return refuse('registration_decided', `この登録の状態は「${row.status}」です。`);
  return row;
}

/**
 * The bureau accepts a registration: the agency's object is created and it can sign in.
 *
 * @example await registry.acceptRegistration('R…', staff, 'reason', now.getTime());
 */
export async function acceptRegistration(
  s: RegistryStore,
  id: string,
  staff: StaffRecord,
  reason: string | null,
  now: number,
  given: AdmissionTerm = {},
): Promise<{ ok: true; agencyId: string } | Refusal> {
  const row = pendingRegistration(s, id, staff);
  if ('ok' in row) return row;
  const today = jstDate(new Date(now));
  const inTime = row.form_received_on !== null && row.form_received_on <= row.deadline;
  if (today > row.deadline && !inTime) {
    return refuse(
      'registration_expired',
      `この登録の完了期限（${row.deadline}）を過ぎ、申請書の受領も記録されていません。新たに登録してもらってください（利用規約§10）。`,
    );
  }
  // R-TERM-1: the term's last day and the licence's expiry, as the bureau sets them (or the default).
  const decided = decideTerm(today, given, null);
  if (!decided.ok) return decided;
  const input = JSON.parse(row.payload) as RegistrationInput;
  // R-ORG-1 again at admission: another account of the organisation may have been admitted meanwhile.
  const holder = organisations.licenceRefusal(s.sql, input.licence.number, false);
  if (holder) return holder;
  const agencyId = `A${randomBase32(10)}`;
  const record: AgencyRecord = {
    id: agencyId,
    email: input.email,
    name: input.organisation.name,
    prefecture: input.organisation.prefecture,
    licence: input.licence,
    services: input.services,
    status: 'active',
    suspension: null,
    contactMethods: input.contactMethods,
    mandatoryInformation: input.mandatoryInformation
      ? {
          version: 1,
          acceptedAt: new Date(now).toISOString(),
          content: shownMandatoryInformation(input.mandatoryInformation, input.privacyOfficer),
        }
      : null,
    admittedOn: today,
    term: decided.term,
    revokedOn: null,
    withdrawnOn: null,
  };
  await agencyStub(s.env, agencyId).init(record, row.password_hash, input.liaisonOfficer?.name ?? null, now);
  s.tx(() => {
    // An ID whose five-year reservation is over may be used again; the old row keeps its history.
    s.sql.exec("UPDATE agencies SET email = email || '#' || id WHERE email = ? AND status IN ('revoked', 'withdrawn')", record.email);
    s.sql.exec(
      "UPDATE registrations SET status = 'accepted', agency_id = ?, decided_at = ?, password_hash = '', decision_reason = ? WHERE id = ?",
      agencyId,
      now,
      reason,
      id,
    );
    s.sql.exec(
      `INSERT INTO agencies (id, email, name, prefecture, status, record, updated_at, address, licence_kind, licence_number, licence_key,
        services, handles_subsidies, certifications, search_text, admitted_on) VALUES (?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      agencyId,
      record.email,
      record.name,
      record.prefecture,
      JSON.stringify({ ...record, registration: input }),
      now,
      input.organisation.address,
      record.licence.kind,
      record.licence.number,
      licenceKey(record.licence.number),
      record.services.join(','),
      input.handlesSubsidies ? 1 : 0,
      JSON.stringify(input.certifications ?? []),
      directoryText(`${record.name} ${input.organisation.address} ${record.licence.number}`),
      today,
    );
    s.sql.exec(
      'UPDATE agencies SET term_ends_on = ?, licence_expires_on = ? WHERE id = ?',
      decided.term.endsOn,
      decided.term.licenceExpiresOn,
      agencyId,
    );
    appendAudit(s, now, staff.id, 'registration.accept', id, reason, { agencyId, term: decided.term });
  });
  return { ok: true, agencyId };
}

/**
 * The bureau rejects a registration, with the reason (R-APP-4, R-SEC-4).
 *
 * @example await registry.rejectRegistration('R…', staff, '申請書の記載に不備があります', now);
 */
export async function rejectRegistration(
  s: RegistryStore,
  id: string,
  staff: StaffRecord,
  reason: string,
  now: number,
): Promise<{ ok: true; registration: RegistrationSummary } | Refusal> {
  const row = pendingRegistration(s, id, staff);
  if ('ok' in row) return row;
  s.tx(() => {
    s.sql.exec(
      "UPDATE registrations SET status = 'rejected', decided_at = ?, password_hash = '', decision_reason = ? WHERE id = ?",
      now,
      reason,
      id,
    );
    appendAudit(s, now, staff.id, 'registration.reject', id, reason, {});
  });
  return { ok: true, registration: registration(s, id)! };
}

/**
 * Records the day the signed application form arrived (decision 2): a registration whose form
 * arrived by its deadline is not deleted while the bureau works on it.
 *
 * @example await registry.markFormReceived('R…', staff, '2026-12-01', null, now);
 */
export async function markFormReceived(
  s: RegistryStore,
  id: string,
  staff: StaffRecord,
  receivedOn: string,
  reason: string | null,
  now: number,
): Promise<{ ok: true; registration: RegistrationSummary } | Refusal> {
  const row = pendingRegistration(s, id, staff);
  if ('ok' in row) return row;
  const today = jstDate(new Date(now));
  if (receivedOn > today || receivedOn < row.registered_on) {
    return refuse('invalid_received_on', `受領日は登録日（${row.registered_on}）から今日（${today}）までの日付にしてください。`);
  }
  s.tx(() => {
    s.sql.exec('UPDATE registrations SET form_received_on = ? WHERE id = ?', receivedOn, id);
    appendAudit(s, now, staff.id, 'registration.form_received', id, reason, { receivedOn });
  });
  return { ok: true, registration: registration(s, id)! };
}
