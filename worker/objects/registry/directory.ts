import { agencyIdBySeatEmail } from './organisations';
import { reapplyAllowedFrom } from '../../../shared/rules';
import type { AgencyPublicRecord, Officer, RevokedAgencyRecord, SuspensionHistory, ViolationRecord } from '../../../shared/schemas';
import type { PrefectureCode } from '../../../shared/data/prefectures';
import type { Refusal } from '../../lib/problem';
import type { AgencyRecord } from '../../lib/records';
import { agencyStub } from '../../lib/stubs';
import { agencyProcedures } from './procedures';
import { violation } from './violations';
import {
  directoryText,
  scopedAgency,
  storedRecord,
  type AgencyRow,
  type RegistryStore,
  type SuspensionRow,
  type ViolationRow,
} from './store';
import type { ProcedureRecord, StaffRecord } from './types';

// The index of admitted agencies: sign-in lookup, the scheduler's list, the public directory
// (R-DIR-1, R-DIR-2) and the bureau's view of one agency.

/** A paging cursor over ASCII sort keys (prefecture, dates, IDs), as base64url. */
function encodeCursor(parts: string[]): string {
  return btoa(JSON.stringify(parts)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeCursor(cursor: string | undefined, length: number): string[] | null {
  if (!cursor) return null;
  try {
    const parts = JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/'))) as unknown;
    return Array.isArray(parts) && parts.length === length && parts.every((p) => typeof p === 'string') ? (parts as string[]) : null;
  } catch {
    return null;
  }
}

/** An admitted agency's name, or null for an ID the registry never admitted (R-SEC-8). */
export function agencyName(s: RegistryStore, agencyId: string): string | null {
  return s.sql.exec<{ name: string }>('SELECT name FROM agencies WHERE id = ?', agencyId).toArray()[0]?.name ?? null;
}

/** The agency an account ID (email) belongs to, for sign-in. */
export async function agencyIdByEmail(s: RegistryStore, email: string): Promise<string | null> {
  // A staff seat's email names its organisation (R-ORG-2).
  return s.sql.exec<{ id: string }>('SELECT id FROM agencies WHERE email = ?', email).toArray()[0]?.id ?? agencyIdBySeatEmail(s.sql, email);
}

/** All agency IDs with a status (the scheduler's list). */
export async function agencyIds(s: RegistryStore, statuses: string[] = ['active', 'suspended']): Promise<string[]> {
  return s.sql
    .exec<{ id: string }>(`SELECT id FROM agencies WHERE status IN (${statuses.map(() => '?').join(',')})`, ...statuses)
    .toArray()
    .map((r) => r.id);
}

/**
 * Admitted agencies of every status in a prefecture (all of them when `prefecture` is null), for
 * the bureau's oversight views (R-DEL-1, R-SEC-2: the route passes the officer's own scope).
 *
 * @example await registry.agenciesInScope('13'); // [{ id: 'A…', name: '…', prefecture: '13', status: 'active' }]
 */
export async function agenciesInScope(
  s: RegistryStore,
  prefecture: string | null,
): Promise<Array<{ id: string; name: string; prefecture: PrefectureCode; status: AgencyRecord['status'] }>> {
  return s.sql
    .exec<{ id: string; name: string; prefecture: PrefectureCode; status: AgencyRecord['status'] }>(
      'SELECT id, name, prefecture, status FROM agencies WHERE (? IS NULL OR prefecture = ?) ORDER BY prefecture, id',
      prefecture,
      prefecture,
    )
    .toArray();
}

/**
 * The directory of admitted agencies (R-DIR-1): suspended ones marked 停止中, withdrawn and
 * revoked ones left out. Filtered by prefecture, service and text; paged in a stable order.
 *
 * @example await registry.directory({ prefecture: '13', q: 'みらい', limit: 20 });
 */
export async function directory(
  s: RegistryStore,
  query: { prefecture?: string; service?: string; q?: string; cursor?: string; limit: number },
): Promise<{ items: AgencyPublicRecord[]; nextCursor: string | null }> {
  const after = decodeCursor(query.cursor, 2);
  const q = query.q ? directoryText(query.q) : '';
  const rows = s.sql
    .exec<AgencyRow>(
      `SELECT * FROM agencies WHERE status IN ('active', 'suspended') AND (? IS NULL OR prefecture = ?) AND (? IS NULL OR instr(',' || services || ',', ?) > 0)
      AND (? = '' OR instr(search_text, ?) > 0) AND (? IS NULL OR prefecture > ? OR (prefecture = ? AND id > ?))
      ORDER BY prefecture, id LIMIT ?`,
      query.prefecture ?? null,
      query.prefecture ?? null,
      query.service ?? null,
      `,${query.service ?? ''},`,
      q,
      q,
      after?.[0] ?? null,
      after?.[0] ?? null,
      after?.[0] ?? null,
      after?.[1] ?? null,
      query.limit + 1,
    )
    .toArray();
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      name: r.name,
      address: r.address,
      prefecture: r.prefecture,
      licenceNumber: r.licence_number,
      licenceKind: r.licence_kind,
      services: r.services.split(',') as AgencyPublicRecord['services'],
      handlesSubsidies: r.handles_subsidies === 1,
      certifications: JSON.parse(r.certifications) as AgencyPublicRecord['certifications'],
      suspended: r.status === 'suspended',
      statusLabel: r.status === 'suspended' ? '停止中' : '利用中',
      // R-TERM-1: the last day of the jobseeker service's term, when recorded.
      termEndsOn: r.term_ends_on,
    })),
    nextCursor: rows.length > query.limit ? encodeCursor([page.at(-1)!.prefecture, page.at(-1)!.id]) : null,
  };
}

/**
 * Revoked agencies still inside their three years (R-DIR-2, decision 4), newest first.
 *
 * @example await registry.revokedDirectory({ limit: 20 }, '2027-01-04');
 */
export async function revokedDirectory(
  s: RegistryStore,
  query: { prefecture?: string; q?: string; cursor?: string; limit: number },
  today: string,
): Promise<{ items: RevokedAgencyRecord[]; nextCursor: string | null }> {
  const after = decodeCursor(query.cursor, 2);
  const q = query.q ? directoryText(query.q) : '';
  const rows = s.sql
    .exec<AgencyRow>(
      `SELECT * FROM agencies WHERE status = 'revoked' AND revoked_on IS NOT NULL AND (? IS NULL OR prefecture = ?) AND (? = '' OR instr(search_text, ?) > 0)
      ORDER BY revoked_on DESC, id`,
      query.prefecture ?? null,
      query.prefecture ?? null,
      q,
      q,
    )
    .toArray()
    .filter((r) => today < reapplyAllowedFrom(r.revoked_on!))
    .filter((r) => !after || r.revoked_on! < after[0]! || (r.revoked_on === after[0] && r.id > after[1]!));
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => ({
      name: r.name,
      address: r.address,
      prefecture: r.prefecture,
      licenceNumber: r.licence_number,
      revokedOn: r.revoked_on!,
    })),
    nextCursor: rows.length > query.limit ? encodeCursor([page.at(-1)!.revoked_on!, page.at(-1)!.id]) : null,
  };
}

/**
 * One agency as the bureau sees it: its record, officers, violations, suspensions, procedures.
 *
 * @example await registry.agencyDetail('A…', staff);
 */
export async function agencyDetail(
  s: RegistryStore,
  agencyId: string,
  staff: StaffRecord,
): Promise<
  | {
      ok: true;
      record: AgencyRecord;
      address: string;
      liaisonOfficer: Officer | null;
      privacyOfficer: Officer | null;
      handlesSubsidies: boolean;
      certifications: Array<'privacy_mark' | 'yuryo'>;
      termEndsOn: string | null;
      licenceExpiresOn: string | null;
      violations: ViolationRecord[];
      suspensions: SuspensionHistory[];
      procedures: ProcedureRecord[];
      reportsFiled: number[];
    }
  | Refusal
> {
  const row = scopedAgency(s, agencyId, staff);
  if ('ok' in row) return row;
  const record = (await agencyStub(s.env, agencyId).get()) ?? storedRecord(row);
  const stored = storedRecord(row);
  const suspensions = s.sql
    .exec<SuspensionRow>('SELECT * FROM suspensions WHERE agency_id = ? ORDER BY imposed_at DESC', agencyId)
    .toArray()
    .map((u) => ({
      id: u.id,
      kind: u.kind,
      reason: u.reason,
      startsOn: u.starts_on,
      endsOn: u.ends_on,
      violationId: u.violation_id,
      imposedBy: u.imposed_by,
      imposedAt: new Date(u.imposed_at).toISOString(),
      endedOn: u.ended_on,
      endedBy: u.ended_by,
      endReason: u.end_reason,
    }));
  return {
    ok: true,
    record,
    address: row.address,
    liaisonOfficer: stored.registration?.liaisonOfficer ?? null,
    privacyOfficer: stored.registration?.privacyOfficer ?? null,
    handlesSubsidies: row.handles_subsidies === 1,
    certifications: JSON.parse(row.certifications) as Array<'privacy_mark' | 'yuryo'>,
    termEndsOn: row.term_ends_on,
    licenceExpiresOn: row.licence_expires_on ?? null,
    violations: s.sql
      .exec<ViolationRow>('SELECT * FROM violations WHERE agency_id = ? ORDER BY recorded_at DESC', agencyId)
      .toArray()
      .map((v) => violation(v)),
    suspensions,
    procedures: await agencyProcedures(s, agencyId),
    reportsFiled: s.sql
      .exec<{ fiscal_year: number }>('SELECT fiscal_year FROM reports WHERE agency_id = ? ORDER BY fiscal_year', agencyId)
      .toArray()
      .map((r) => r.fiscal_year),
  };
}
