import { describeFindings, findContactDetails } from '../../../shared/rules';
import { jstDate } from '../../../shared/rules';
import type { AgencyComplaint, CompromiseReportRecord, SeekerComplaintRecord } from '../../../shared/schemas';
import type { PrefectureCode } from '../../../shared/data/prefectures';
import { randomBase32 } from '../../lib/crypto';
import { forwardedComplaintRefusal } from '../../lib/contact-details';
import { refuse, type Refusal } from '../../lib/problem';
import { agencyStub } from '../../lib/stubs';
import { appendAudit } from './audit';
import { agencyRow, scopedAgency, type AddComplaintResult, type RegistryStore, type SeekerComplaintRow } from './store';
import type { StaffRecord } from './types';

// Jobseekers' complaints about agencies (R-CMP-1) and compromise reports (R-SEC-1).

export function seekerComplaint(r: SeekerComplaintRow & { name: string }): SeekerComplaintRecord {
  return {
    id: r.id,
    agencyId: r.agency_id,
    agencyName: r.name,
    profileId: r.profile_id,
    content: r.content,
    receivedAt: new Date(r.received_at).toISOString(),
    forwardedAt: r.forwarded_at === null ? null : new Date(r.forwarded_at).toISOString(),
    prefecture: r.prefecture,
    forwardedBy: r.forwarded_by,
  };
}

/**
 * A jobseeker complains about an agency (R-CMP-1, §7(2)②カ): it reaches the bureau of the
 * agency's prefecture.
 *
 * @example await registry.fileSeekerComplaint('13-7K3QM2XPA9', 'A…', '…', now);
 */
export async function fileSeekerComplaint(
  s: RegistryStore,
  profileId: string,
  agencyId: string,
  content: string,
  now: number,
): Promise<{ ok: true; complaint: SeekerComplaintRecord } | Refusal> {
  const row = agencyRow(s, agencyId);
  if (!row) return refuse('agency_not_found', 'この事業者は登録されていません。事業者名を確かめてください。');
  const id = `Q${randomBase32(10)}`;
  s.sql.exec(
    'INSERT INTO seeker_complaints (id, agency_id, prefecture, profile_id, content, received_at) VALUES (?, ?, ?, ?, ?, ?)',
    id,
    agencyId,
    row.prefecture,
    profileId,
    content,
    now,
  );
  return {
    ok: true,
    complaint: seekerComplaint({
      ...s.sql.exec<SeekerComplaintRow>('SELECT * FROM seeker_complaints WHERE id = ?', id).one(),
      name: row.name,
    }),
  };
}

/** Jobseekers' complaints in the staff member's scope, newest first. */
export async function seekerComplaints(
  s: RegistryStore,
  staff: StaffRecord,
  filter: { agencyId?: string; forwarded?: boolean; limit: number },
): Promise<SeekerComplaintRecord[]> {
  const scope = staff.role === 'bureau' ? staff.prefecture : null;
  const forwarded = filter.forwarded === undefined ? null : filter.forwarded ? 1 : 0;
  return s.sql
    .exec<SeekerComplaintRow & { name: string }>(
      `SELECT c.*, a.name FROM seeker_complaints c JOIN agencies a ON a.id = c.agency_id
     WHERE (? IS NULL OR c.prefecture = ?) AND (? IS NULL OR c.agency_id = ?) AND (? IS NULL OR (c.forwarded_at IS NOT NULL) = ?)
     ORDER BY c.received_at DESC, c.id LIMIT ?`,
      scope,
      scope,
      filter.agencyId ?? null,
      filter.agencyId ?? null,
      forwarded,
      forwarded,
      filter.limit,
    )
    .toArray()
    .map((r) => seekerComplaint(r));
}

/**
 * The bureau passes a jobseeker's complaint on to the agency (§7(2)②カ, §15(3)): it becomes an
 * entry of the agency's complaint log, from the bureau. Once only.
 *
 * @example await registry.forwardComplaint('Q…', staff, { shareProfileId: false }, now);
 */
export async function forwardComplaint(
  s: RegistryStore,
  id: string,
  staff: StaffRecord,
  input: { reason?: string; summary?: string; shareProfileId: boolean },
  now: number,
): Promise<{ ok: true; complaint: SeekerComplaintRecord; agencyComplaint: AgencyComplaint } | Refusal> {
  const row = s.sql
    .exec<SeekerComplaintRow & { name: string }>(
      'SELECT c.*, a.name FROM seeker_complaints c JOIN agencies a ON a.id = c.agency_id WHERE c.id = ?',
      id,
    )
    .toArray()[0];
  if (!row) return refuse('complaint_not_found', `苦情（${id}）はありません。`);
  if (staff.role === 'bureau' && staff.prefecture !== row.prefecture) return refuse('out_of_scope', 'この苦情は管轄外の労働局のものです。');
  if (row.forwarded_at !== null) return refuse('already_forwarded', 'この苦情はすでに事業者へ連絡しました。');
  const withheld = forwardedComplaintRefusal(input.summary ?? row.content);
  if (withheld) return withheld;
  const today = jstDate(new Date(now));
  const content = `【労働局から連絡された求職者の苦情】\n${input.summary ?? row.content}${input.shareProfileId ? `\n（求職者ID: ${row.profile_id}）` : ''}`;
  const added: AddComplaintResult = await agencyStub(s.env, row.agency_id).addComplaint(
    { receivedOn: today, from: 'bureau', content, handling: [] },
    now,
    id,
  );
  if (!added.ok) return added;
  s.tx(() => {
    s.sql.exec(
      'UPDATE seeker_complaints SET forwarded_at = ?, forwarded_by = ?, agency_complaint_id = ? WHERE id = ?',
      now,
      staff.id,
      added.complaint.id,
      id,
    );
    appendAudit(s, now, staff.id, 'complaint.forward', id, input.reason ?? null, {
      agencyId: row.agency_id,
      summarised: input.summary !== undefined,
      shareProfileId: input.shareProfileId,
    });
  });
  return { ok: true, complaint: seekerComplaint({ ...row, forwarded_at: now, forwarded_by: staff.id }), agencyComplaint: added.complaint };
}

/**
 * The bureau asks for an agency's complaint log (§15(2)); the request is audited.
 *
 * @example await registry.agencyComplaints('A…', staff, now);
 */
export async function agencyComplaints(
  s: RegistryStore,
  agencyId: string,
  staff: StaffRecord,
  now: number,
): Promise<{ ok: true; log: AgencyComplaint[]; toBureau: SeekerComplaintRecord[] } | Refusal> {
  const row = scopedAgency(s, agencyId, staff);
  if ('ok' in row) return row;
  const log = await agencyStub(s.env, agencyId).complaintLog();
  appendAudit(s, now, staff.id, 'complaints.read', agencyId, null, { entries: log.length });
  return { ok: true, log, toBureau: await seekerComplaints(s, staff, { agencyId, limit: 100 }) };
}

/**
 * A user reports a suspected compromise of their account (R-SEC-1, §9); staff see it.
 *
 * @example await registry.fileCompromiseReport({ role: 'agency', accountId: 'A…', prefecture: '13', note: '…', noticedAt: null, sessionsEnded: 2 }, now);
 */
export async function fileCompromiseReport(
  s: RegistryStore,
  input: Omit<CompromiseReportRecord, 'id' | 'reportedAt'>,
  now: number,
): Promise<{ ok: true; report: CompromiseReportRecord }> {
  const id = `K${randomBase32(10)}`;
  s.sql.exec(
    'INSERT INTO compromise_reports (id, role, account_id, prefecture, description, noticed_at, reported_at, sessions_ended) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    id,
    input.role,
    input.accountId,
    input.prefecture,
    input.note,
    input.noticedAt ? Date.parse(input.noticedAt) : null,
    now,
    input.sessionsEnded,
  );
  return { ok: true, report: { ...input, id, reportedAt: new Date(now).toISOString() } };
}

/** Compromise reports in scope: the ministry sees all, a bureau its prefecture's agencies and jobseekers. */
export async function compromiseReports(s: RegistryStore, staff: StaffRecord, limit: number): Promise<CompromiseReportRecord[]> {
  const scope = staff.role === 'bureau' ? staff.prefecture : null;
  return s.sql
    .exec<{
      id: string;
      role: CompromiseReportRecord['role'];
      account_id: string;
      prefecture: PrefectureCode | null;
      description: string;
      noticed_at: number | null;
      reported_at: number;
      sessions_ended: number;
    }>('SELECT * FROM compromise_reports WHERE (? IS NULL OR prefecture = ?) ORDER BY reported_at DESC, id LIMIT ?', scope, scope, limit)
    .toArray()
    .map((r) => ({
      id: r.id,
      role: r.role,
      accountId: r.account_id,
      prefecture: r.prefecture,
      note: r.description,
      noticedAt: r.noticed_at === null ? null : new Date(r.noticed_at).toISOString(),
      reportedAt: new Date(r.reported_at).toISOString(),
      sessionsEnded: r.sessions_ended,
    }));
}
