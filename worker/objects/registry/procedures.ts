import { applicationDeadline, emailReservedUntil, jstDate, placementQualifies, registrationDeletionDate } from '../../../shared/rules';
import type { ChangeRequest, Procedure, ProcedureKind, RenewalRequest } from '../../../shared/schemas';
import { randomBase32 } from '../../lib/crypto';
import { refuse, type Refusal } from '../../lib/problem';
import { appendAudit } from './audit';
import { applyStatus, closeSuspension } from './sanctions';
import { agencyRow, usable, type AgencyRow, type ProcedureRow, type RegistryStore } from './store';
import type { ProcedureRecord, StaffRecord, StatusChange } from './types';

// The agency's procedures after admission: change and renewal requests the bureau decides, and
// withdrawal (R-APP-4, R-ELIG-4, R-RET-3). Accepting a change is in changes.ts, a renewal in renewals.ts.

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
    decideProcedure(s, id, 'rejected', staff.id, reason, now);
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

/**
 * Records the bureau's decision on a pending procedure: who decided, when and why.
 *
 * @example decideProcedure(s, 'P…', 'accepted', staff.id, '変更内容を確認しました', now);
 */
export function decideProcedure(
  s: RegistryStore,
  id: string,
  status: 'accepted' | 'rejected',
  staffId: string,
  reason: string | null,
  now: number,
): void {
  s.sql.exec('UPDATE procedures SET status = ?, decided_at = ?, decided_by = ?, reason = ? WHERE id = ?', status, now, staffId, reason, id);
}
