import { applicationDeadline, emailReservedUntil, jstDate, placementQualifies, registrationDeletionDate } from '../../../shared/rules';
import type { ChangeRequest, Procedure, ProcedureKind, RenewalRequest } from '../../../shared/schemas';
import { randomBase32 } from '../../lib/crypto';
import { refuse, type Refusal } from '../../lib/problem';
import type { AgencyRecord } from '../../lib/records';
import { agencyStub } from '../../lib/stubs';
import { appendAudit } from './audit';
import { applyStatus, closeSuspension } from './sanctions';
import { decideTerm } from './service-term';
import {
  agencyRow,
  directoryText,
  licenceKey,
  shownMandatoryInformation,
  storedRecord,
  usable,
  type AgencyRow,
  type ApplyResult,
  type ProcedureRow,
  type RegistryStore,
} from './store';
import * as organisations from './organisations';
import type { ProcedureRecord, RegistrationInput, StaffRecord, StatusChange } from './types';

// The agency's procedures after admission: change and renewal requests the bureau decides, and
// withdrawal (R-APP-4, R-ELIG-4, R-RET-3).

export function procedure(s: RegistryStore, id: string): ProcedureRecord | null {
  const r = s.sql
    .exec<ProcedureRow & { name: string }>('SELECT p.*, a.name FROM procedures p JOIN agencies a ON a.id = p.agency_id WHERE p.id = ?', id)
    .toArray()[0];
  if (!r) return null;
  return {
    id: r.id,
    kind: r.kind,
    agencyId: r.agency_id,
    agencyName: r.name,
    prefecture: r.prefecture,
    status: r.status,
    submittedOn: r.submitted_on,
    deadline: r.deadline,
    lapsesOn: r.deadline === null ? null : registrationDeletionDate(r.submitted_on),
    formReceivedOn: r.form_received_on,
    filedWith: r.filed_with,
    submittedAt: new Date(r.submitted_at).toISOString(),
    decidedAt: r.decided_at === null ? null : new Date(r.decided_at).toISOString(),
    decidedBy: r.decided_by,
    reason: r.reason,
    request: JSON.parse(r.request) as ProcedureRecord['request'],
  };
}

/**
 * An agency files a change or renewal request (R-APP-4, R-ELIG-4); it waits for the bureau. Like
 * an application, its signed form must reach the bureau within 14 days (§10); received in time, it
 * never lapses however long the bureau takes. A renewal's `change` is filed with it as a change
 * request the same day (§2(2)).
 *
 * @example await registry.submitProcedure('A…', 'renewal', { services: ['jobseeker'], placements }, now);
 */
export async function submitProcedure(
  s: RegistryStore,
  agencyId: string,
  kind: 'change' | 'renewal',
  request: ChangeRequest | RenewalRequest,
  now: number,
): Promise<{ ok: true; procedure: ProcedureRecord } | Refusal> {
  const row = agencyRow(s, agencyId);
  if (!row) return refuse('agency_not_found', 'この事業者は登録されていません。');
  const blocked = usable(row);
  if (blocked) return blocked;
  const today = jstDate(new Date(now));
  const services = row.services.split(',');
  const change = kind === 'change' ? (request as ChangeRequest) : (request as RenewalRequest).change;
  if (change?.mandatoryInformation && !services.includes('jobseeker')) {
    return refuse('mandatory_information_not_applicable', '必須情報は求職情報提供サービスの利用者だけが届け出ます。');
  }
  if (change?.paidServicesForNewGraduates && !services.includes('jobseeker')) {
    return refuse(
      'paid_services_not_applicable',
      '新卒者への有料サービスの届出は、求職情報提供サービスの利用者だけが行います（利用規約第7条第2項①ケ）。',
      undefined,
      { status: 422, title: '有料サービスの届出は不要です' },
    );
  }
  if (kind === 'renewal') {
    const renewal = request as RenewalRequest;
    const added = renewal.services.filter((s) => !services.includes(s));
    if (added.length)
      return refuse('service_not_held', 'サービスの追加は利用申請で行ってください。更新申請では利用中のサービスを選んでください。', {
        services: added,
      });
    if (renewal.services.includes('jobseeker') && !placementQualifies(today, renewal.placements)) {
      return refuse(
        'renewal_not_eligible',
        '更新申請日から過去3か月以内に常用就職の実績が1件以上必要です（利用規約§2(2)）。要件を満たさない場合は、求人情報提供サービスのみで更新するか、利用期限の経過後直ちに退会申請を提出してください。',
      );
    }
  }
  for (const k of change && kind === 'renewal' ? (['renewal', 'change'] as const) : [kind]) {
    if (s.sql.exec("SELECT 1 FROM procedures WHERE agency_id = ? AND kind = ? AND status = 'pending'", agencyId, k).toArray().length) {
      return refuse('procedure_pending', `${k === 'change' ? '変更' : '更新'}申請が管轄労働局で手続中です。受理をお待ちください。`);
    }
  }
  const id = `P${randomBase32(10)}`;
  const changeId = kind === 'renewal' && change ? `P${randomBase32(10)}` : null;
  const insert = (pid: string, k: 'change' | 'renewal', body: unknown, filedWith: string | null) =>
    s.sql.exec(
      "INSERT INTO procedures (id, kind, agency_id, prefecture, request, status, submitted_on, deadline, submitted_at, filed_with) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)",
      pid,
      k,
      agencyId,
      row.prefecture,
      JSON.stringify(body),
      today,
      applicationDeadline(today),
      now,
      filedWith,
    );
  s.tx(() => {
    if (changeId) {
      const { change: _filedAsChange, ...renewalOnly } = request as RenewalRequest;
      insert(id, 'renewal', renewalOnly, changeId);
      insert(changeId, 'change', change, id);
    } else {
      insert(id, kind, request, null);
    }
  });
  return { ok: true, procedure: procedure(s, id)! };
}

/** The procedures of one agency, newest first. */
export async function agencyProcedures(s: RegistryStore, agencyId: string): Promise<ProcedureRecord[]> {
  return s.sql
    .exec<{ id: string }>('SELECT id FROM procedures WHERE agency_id = ? ORDER BY submitted_at DESC, id', agencyId)
    .toArray()
    .map((r) => procedure(s, r.id)!);
}

/** Procedures in the staff member's scope, filtered by kind and status. */
export async function procedures(
  s: RegistryStore,
  staff: StaffRecord,
  kind: ProcedureKind | null,
  status: Procedure['status'] | null,
): Promise<ProcedureRecord[]> {
  const scope = staff.role === 'bureau' ? staff.prefecture : null;
  return s.sql
    .exec<{ id: string }>(
      'SELECT id FROM procedures WHERE (? IS NULL OR prefecture = ?) AND (? IS NULL OR kind = ?) AND (? IS NULL OR status = ?) ORDER BY submitted_at DESC, id LIMIT 500',
      scope,
      scope,
      kind,
      kind,
      status,
      status,
    )
    .toArray()
    .map((r) => procedure(s, r.id)!);
}

export function pendingProcedure(
  s: RegistryStore,
  id: string,
  kind: 'change' | 'renewal',
  staff: StaffRecord,
  now: number,
): { row: ProcedureRow; agency: AgencyRow } | Refusal {
  const row = s.sql.exec<ProcedureRow>('SELECT * FROM procedures WHERE id = ? AND kind = ?', id, kind).toArray()[0];
  const label = kind === 'change' ? '変更申請' : '更新申請';
  if (!row)
    return refuse('procedure_not_found', `${label}（${id}）はありません。`, undefined, { status: 404, title: `${label}が見つかりません` });
  if (staff.role === 'bureau' && staff.prefecture !== row.prefecture)
    return refuse('out_of_scope', `この${label}は管轄外の労働局のものです。`, undefined, { status: 403, title: '管轄外です' });
  if (row.status !== 'pending')
    return refuse('procedure_decided', `この${label}の状態は「${row.status}」です。`, undefined, {
      status: 409,
      title: `この${label}は処理済みです`,
    });
  const receivedInTime = row.form_received_on !== null && row.deadline !== null && row.form_received_on <= row.deadline;
  if (row.deadline && jstDate(new Date(now)) > row.deadline && !receivedInTime) {
    return refuse(
      'procedure_expired',
      `この${label}の申請書の提出期限（${row.deadline}）までに受領が記録されていません。改めて申請してもらってください（利用規約§10）。`,
      undefined,
      { status: 409, title: '提出期限を過ぎています' },
    );
  }
  const agency = agencyRow(s, row.agency_id)!;
  const blocked = usable(agency);
  return blocked ?? { row, agency };
}

/**
 * The bureau accepts a change request (R-APP-4): only now does it take effect. New mandatory
 * information, or a new privacy officer (who is the complaints officer it shows, R-MSG-1), becomes a
 * new version and every open conversation is told (R-MSG-3).
 *
 * @example await registry.acceptChange('P…', staff, null, now);
 */
export async function acceptChange(
  s: RegistryStore,
  id: string,
  staff: StaffRecord,
  reason: string | null,
  now: number,
): Promise<{ ok: true; procedure: ProcedureRecord; mandatoryInformationVersion: number | null; notified: number } | Refusal> {
  const found = pendingProcedure(s, id, 'change', staff, now);
  if ('ok' in found) return found;
  const { row, agency } = found;
  const change = JSON.parse(row.request) as ChangeRequest;
  if (change.licenceNumber) {
    // R-ORG-1: a new number must not be another organisation's.
    const holder = organisations.licenceHolder(s.sql, change.licenceNumber);
    if (holder && holder.id !== agency.id) return organisations.licenceRefusal(s.sql, change.licenceNumber)!;
  }
  const stub = agencyStub(s.env, agency.id);
  let version: number | null = null;
  let notified = 0;
  const current = storedRecord(agency);
  const filed = change.mandatoryInformation ?? (change.privacyOfficer ? current.mandatoryInformation?.content : undefined);
  if (filed) {
    const installed = await stub.installMandatoryInformation(
      shownMandatoryInformation(filed, change.privacyOfficer ?? current.registration?.privacyOfficer),
      now,
    );
    version = installed.version;
    notified = installed.notified;
  }
  const applied: ApplyResult = await stub.applyAcceptedChange(
    {
      name: change.organisation?.name,
      licenceNumber: change.licenceNumber,
      contactMethods: change.contactMethods,
      // R-MSG-7: the notification of paid services for new graduates takes effect with the change.
      paidServicesForNewGraduates: change.paidServicesForNewGraduates,
    },
    now,
  );
  if (!applied.ok) return applied;
  const stored = storedRecord(agency);
  const registration: RegistrationInput = {
    ...(stored.registration ?? ({} as RegistrationInput)),
    ...(change.organisation ? { organisation: { ...stored.registration!.organisation, ...change.organisation } } : {}),
    ...(change.liaisonOfficer ? { liaisonOfficer: change.liaisonOfficer } : {}),
    ...(change.privacyOfficer ? { privacyOfficer: change.privacyOfficer } : {}),
    ...(change.placements ? { placements: change.placements } : {}),
    ...(change.handlesSubsidies !== undefined ? { handlesSubsidies: change.handlesSubsidies } : {}),
    ...(change.certifications ? { certifications: change.certifications } : {}),
  };
  const record = applied.record;
  const address = registration.organisation?.address ?? agency.address;
  s.tx(() => {
    s.sql.exec(
      `UPDATE agencies SET name = ?, record = ?, address = ?, licence_number = ?, licence_key = ?, handles_subsidies = ?, certifications = ?,
        search_text = ?, updated_at = ? WHERE id = ?`,
      record.name,
      JSON.stringify({ ...record, registration }),
      address,
      record.licence.number,
      licenceKey(record.licence.number),
      registration.handlesSubsidies ? 1 : 0,
      JSON.stringify(registration.certifications ?? []),
      directoryText(`${record.name} ${address} ${record.licence.number}`),
      now,
      agency.id,
    );
    s.sql.exec(
      "UPDATE procedures SET status = 'accepted', decided_at = ?, decided_by = ?, reason = ? WHERE id = ?",
      now,
      staff.id,
      reason,
      id,
    );
    appendAudit(s, now, staff.id, 'change.accept', id, reason, {
      agencyId: agency.id,
      fields: Object.keys(change).filter((k) => k !== 'note'),
      mandatoryInformationVersion: version,
      notified,
    });
  });
  return { ok: true, procedure: procedure(s, id)!, mandatoryInformationVersion: version, notified };
}

/**
 * The bureau accepts a renewal after checking R-ELIG-2 again on the renewal's application day
 * (R-ELIG-4). Services not renewed stop, and with the jobseeker service its data goes (R-RET-3).
 *
 * @example await registry.acceptRenewal('P…', staff, null, '2029-03-31', now);
 */
export async function acceptRenewal(
  s: RegistryStore,
  id: string,
  staff: StaffRecord,
  reason: string | null,
  termEndsOn: string | null,
  now: number,
  licenceExpiresOn: string | null = null,
): Promise<{ ok: true; procedure: ProcedureRecord; services: AgencyRecord['services']; purged: number } | Refusal> {
  const found = pendingProcedure(s, id, 'renewal', staff, now);
  if ('ok' in found) return found;
  const { row, agency } = found;
  // R-TERM-1: the renewed term follows the old one (or the bureau's dates).
  const previous =
    storedRecord(agency).term ??
    (agency.term_ends_on ? { startsOn: agency.admitted_on, endsOn: agency.term_ends_on, licenceExpiresOn: null } : null);
  const decided = decideTerm(jstDate(new Date(now)), { endsOn: termEndsOn, licenceExpiresOn }, previous, true);
  if (!decided.ok) return decided;
  const term = decided.term;
  const renewal = JSON.parse(row.request) as RenewalRequest;
  if (renewal.services.includes('jobseeker') && !placementQualifies(row.submitted_on, renewal.placements)) {
    return refuse(
      'renewal_not_eligible',
      `更新申請日（${row.submitted_on}）から過去3か月以内の常用就職の実績がありません（利用規約§2(2)）。利用期限の経過後、直ちに退会申請が必要です。`,
    );
  }
  const applied: ApplyResult = await agencyStub(s.env, agency.id).applyAcceptedChange({ services: renewal.services, term }, now);
  if (!applied.ok) return applied;
  const stored = storedRecord(agency);
  s.tx(() => {
    s.sql.exec(
      'UPDATE agencies SET services = ?, record = ?, term_ends_on = ?, licence_expires_on = ?, updated_at = ? WHERE id = ?',
      renewal.services.join(','),
      JSON.stringify({ ...applied.record, registration: stored.registration }),
      term.endsOn,
      term.licenceExpiresOn,
      now,
      agency.id,
    );
    s.sql.exec(
      "UPDATE procedures SET status = 'accepted', decided_at = ?, decided_by = ?, reason = ? WHERE id = ?",
      now,
      staff.id,
      reason,
      id,
    );
    appendAudit(s, now, staff.id, 'renewal.accept', id, reason, {
      agencyId: agency.id,
      services: renewal.services,
      term,
      purged: applied.purged,
    });
  });
  return { ok: true, procedure: procedure(s, id)!, services: renewal.services, purged: applied.purged };
}

/**
 * The bureau rejects a change or renewal request, with the reason.
 *
 * @example await registry.rejectProcedure('P…', 'change', staff, '記載に不備があります', now);
 */
export async function rejectProcedure(
  s: RegistryStore,
  id: string,
  kind: 'change' | 'renewal',
  staff: StaffRecord,
  reason: string,
  now: number,
): Promise<{ ok: true; procedure: ProcedureRecord } | Refusal> {
  const found = pendingProcedure(s, id, kind, staff, now);
  if ('ok' in found) return found;
  s.tx(() => {
    s.sql.exec(
      "UPDATE procedures SET status = 'rejected', decided_at = ?, decided_by = ?, reason = ? WHERE id = ?",
      now,
      staff.id,
      reason,
      id,
    );
    appendAudit(s, now, staff.id, `${kind}.reject`, id, reason, { agencyId: found.agency.id });
  });
  return { ok: true, procedure: procedure(s, id)! };
}

/**
 * The agency withdraws (退会): effective at once, its jobseeker data is deleted (R-RET-3), and its
 * account ID stays reserved for five years from today (R-APP-2).
 *
 * @example await registry.withdraw('A…', '事業廃止のため', now);
 */
export async function withdraw(
  s: RegistryStore,
  agencyId: string,
  reason: string | null,
  now: number,
): Promise<{ ok: true; procedure: ProcedureRecord; change: StatusChange; emailReservedUntil: string } | Refusal> {
  const row = agencyRow(s, agencyId);
  if (!row) return refuse('agency_not_found', 'この事業者は登録されていません。');
  const blocked = usable(row);
  if (blocked) return blocked;
  const today = jstDate(new Date(now));
  const change = await applyStatus(s, row, 'withdrawn', null, now, { withdrawnOn: today });
  if (!change.ok) return change;
  const id = `P${randomBase32(10)}`;
  s.tx(() => {
    closeSuspension(s, agencyId, today, agencyId, 'withdrawn');
    s.sql.exec(
      "INSERT INTO procedures (id, kind, agency_id, prefecture, request, status, submitted_on, deadline, submitted_at, decided_at, decided_by, reason) VALUES (?, 'withdrawal', ?, ?, ?, 'effective', ?, NULL, ?, ?, ?, ?)",
      id,
      agencyId,
      row.prefecture,
      JSON.stringify(reason ? { reason } : {}),
      today,
      now,
      now,
      agencyId,
      reason,
    );
    appendAudit(s, now, agencyId, 'agency.withdraw', agencyId, reason, { purged: change.change.purged });
  });
  return { ok: true, procedure: procedure(s, id)!, change: change.change, emailReservedUntil: emailReservedUntil(today) };
}
