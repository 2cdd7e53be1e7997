import {
  addDays,
  applicationDeadline,
  emailReservedUntil,
  jstDate,
  placementQualifies,
  reapplyAllowedFrom,
  registrationDeletionDate,
} from '../../../shared/rules';
import { randomBase32 } from '../../lib/crypto';
import { refuse, type Refusal } from '../../lib/problem';
import { appendAudit } from './audit';
import * as organisations from './organisations';
import { licenceKey, type RegistryStore } from './store';
import type { RegistrationInput, RegistrationSummary } from './types';

// Agencies' applications until the bureau decides (R-ELIG-*, R-APP-1..3); the bureau's decisions
// on them are in admissions.ts.

/** School kinds §2(1)③ leaves out: junior-high and high schools, and the schools that contain one. */
const INELIGIBLE_SCHOOL_KINDS = new Set(['junior_high', 'high_school', 'secondary_education', 'compulsory_education']);

/**
 * Registers an agency's application (R-ELIG-*, R-APP-1..3): refused with the reason when it
 * cannot be admitted, else kept until the bureau decides, with its completion deadline.
 *
 * @example await registry.register(input, hash, now.getTime());
 */
export async function register(
  s: RegistryStore,
  input: RegistrationInput,
  passwordHash: string,
  now: number,
): Promise<{ ok: true; registration: RegistrationSummary } | Refusal> {
  const today = jstDate(new Date(now));
  const email = input.email;
  const existing = s.sql
    .exec<{ status: string; ended_on: string | null; revoked_on: string | null }>(
      'SELECT status, ended_on, revoked_on FROM agencies WHERE email = ?',
      email,
    )
    .toArray()[0];
  if (existing) {
    if (existing.status === 'active' || existing.status === 'suspended') {
      return refuse('email_in_use', 'このメールアドレスは利用中の事業者のアカウントIDです。');
    }
    if (existing.revoked_on && today < reapplyAllowedFrom(existing.revoked_on)) {
      return refuse(
        'revoked_recently',
        `利用解除日（${existing.revoked_on}）から3年間は利用申請できません。${reapplyAllowedFrom(existing.revoked_on)}以降に申請してください。`,
        { allowedFrom: reapplyAllowedFrom(existing.revoked_on) },
      );
    }
    if (existing.ended_on && today <= emailReservedUntil(existing.ended_on)) {
      return refuse(
        'email_reserved',
        `このメールアドレスは利用終了後5年間（${emailReservedUntil(existing.ended_on)}まで）保持されるため、別のメールアドレスで申請してください。`,
        { reservedUntil: emailReservedUntil(existing.ended_on) },
      );
    }
  }
  // R-APP-3 and R-SAN-2 follow the organisation, not the account ID: a revoked or suspended
  // agency must not come back under a new email address.
  const sameLicence = s.sql
    .exec<{ status: string; revoked_on: string | null }>(
      'SELECT status, revoked_on FROM agencies WHERE licence_key = ?',
      licenceKey(input.licence.number),
    )
    .toArray();
  const revoked = sameLicence
    .filter((a) => a.revoked_on && today < reapplyAllowedFrom(a.revoked_on))
    .sort((a, b) => (a.revoked_on! < b.revoked_on! ? 1 : -1))[0];
  if (revoked) {
    const from = reapplyAllowedFrom(revoked.revoked_on!);
    return refuse(
      'revoked_recently',
      `この許可・届出番号の事業者は${revoked.revoked_on}に利用解除されています。利用解除日から3年間は利用申請できません（利用規約§5、§8(4)）。${from}以降に申請してください。`,
      { allowedFrom: from },
    );
  }
  // R-ORG-1: one account per organisation, whatever the spelling of its number.
  const holder = organisations.licenceRefusal(s.sql, input.licence.number);
  if (holder) return holder;
  if (s.sql.exec("SELECT 1 FROM registrations WHERE email = ? AND status = 'pending'", email).toArray().length) {
    return refuse('registration_pending', 'このメールアドレスで手続中の登録があります。管轄労働局の受理をお待ちください。');
  }
  // R-ORG-2: a staff seat's email is taken (or reserved) like an account ID.
  const seatEmail = organisations.emailRefusal(s.sql, email, today);
  if (seatEmail) return seatEmail;
  if (input.onOrder?.suspensionOrder || input.onOrder?.improvementOrderUnremedied) {
    return refuse(
      'under_order',
      '事業停止命令の期間中、または業務改善命令を受け必要な改善がなされるまでの間は、新規に利用できません（利用規約§2）。',
    );
  }
  if (input.licence.kind === 'school' && INELIGIBLE_SCHOOL_KINDS.has(input.licence.schoolKind ?? '')) {
    return refuse(
      'school_not_eligible',
      '中学校及び高等学校（これらを含む中等教育学校・義務教育学校を含みます）は、求人・求職情報提供サービスの対象外です（利用規約§2(1)③）。',
    );
  }
  if (input.services.includes('jobseeker')) {
    if (input.licence.kind === 'school') {
      return refuse('licence_not_eligible', '学校等（職業安定法第33条の2）は求人情報提供サービスのみ利用できます（利用規約§2）。');
    }
    if (!placementQualifies(today, input.placements)) {
      return refuse(
        'no_qualifying_placement',
        '求職情報提供サービスの利用には、申請日から過去3か月以内に常用（期間の定めなし又は4か月以上、季節労働を除く）の就職実績が1件以上必要です（利用規約§2）。',
      );
    }
  }
  const id = `R${randomBase32(10)}`;
  const deadline = applicationDeadline(today);
  s.sql.exec(
    "INSERT INTO registrations (id, email, payload, password_hash, registered_on, deadline, status, licence_key) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)",
    id,
    email,
    JSON.stringify(input),
    passwordHash,
    today,
    deadline,
    licenceKey(input.licence.number),
  );
  return { ok: true, registration: registration(s, id)! };
}

export function registration(s: RegistryStore, id: string): RegistrationSummary | null {
  const r = s.sql
    .exec<{
      id: string;
      email: string;
      payload: string;
      registered_on: string;
      deadline: string;
      status: RegistrationSummary['status'];
      agency_id: string | null;
      form_received_on: string | null;
      decision_reason: string | null;
    }>(
      'SELECT id, email, payload, registered_on, deadline, status, agency_id, form_received_on, decision_reason FROM registrations WHERE id = ?',
      id,
    )
    .toArray()[0];
  if (!r) return null;
  const p = JSON.parse(r.payload) as RegistrationInput;
  return {
    id: r.id,
    email: r.email,
    organisationName: p.organisation.name,
    prefecture: p.organisation.prefecture,
    registeredOn: r.registered_on,
    deadline: r.deadline,
    deletionDate: registrationDeletionDate(r.registered_on),
    status: r.status,
    agencyId: r.agency_id,
    formReceivedOn: r.form_received_on,
    decisionReason: r.decision_reason,
  };
}

/** Registrations in a staff member's scope (all for the ministry). */
export async function registrations(s: RegistryStore, prefecture: string | null, status: string | null): Promise<RegistrationSummary[]> {
  const ids = s.sql
    .exec<{ id: string }>('SELECT id FROM registrations ORDER BY registered_on DESC, id')
    .toArray()
    .map((r) => r.id);
  return ids
    .map((id) => registration(s, id)!)
    .filter((r) => (!prefecture || r.prefecture === prefecture) && (!status || r.status === status));
}

/**
 * Deletes, on its `registrationDeletionDate` (the 15th day, 「14日を超える」), a registration whose
 * form the bureau has not recorded as received by the submission deadline (R-APP-1); change and
 * renewal requests lapse the same way (R-APP-4, §10). Idempotent.
 */
export async function expireRegistrations(s: RegistryStore, now: number): Promise<{ ok: true; expired: number }> {
  const today = jstDate(new Date(now));
  // registrationDeletionDate(registered_on) <= today ⇔ registered_on <= today − 15 days.
  const registeredBy = addDays(today, -15);
  let n = 0;
  s.tx(() => {
    n = s.sql.exec(
      "DELETE FROM registrations WHERE status = 'pending' AND registered_on <= ? AND (form_received_on IS NULL OR form_received_on > deadline)",
      registeredBy,
    ).rowsWritten;
    // R-APP-4: one whose form arrived in time never lapses, however slow the bureau.
    const procedures = s.sql.exec(
      `UPDATE procedures SET status = 'expired', decided_at = ?, decided_by = 'system'
        WHERE status = 'pending' AND kind IN ('change', 'renewal') AND submitted_on <= ? AND (form_received_on IS NULL OR form_received_on > deadline)`,
      now,
      registeredBy,
    ).rowsWritten;
    if (n || procedures)
      appendAudit(
        s,
        now,
        'system',
        'registration.expire',
        'registrations',
        '登録日の翌日から14日を超えても申請書の受領が記録されなかったため（利用規約§10）',
        { registrations: n, procedures },
      );
  });
  return { ok: true, expired: n };
}
