import type { ViolationCategory } from '../../../shared/rules';
import {
  complaintsOfficerFrom,
  type AgencyComplaint,
  type MandatoryInformation,
  type MandatoryInformationInput,
  type Officer,
  type Procedure,
  type ProcedureKind,
  type Suspension,
  type SuspensionHistory,
} from '../../../shared/schemas';
import type { PrefectureCode } from '../../../shared/data/prefectures';
import { refuse, type Refusal } from '../../lib/problem';
import type { AgencyRecord } from '../../lib/records';
import type { Actor, RegistrationInput, StaffRecord } from './types';

/**
 * What every module of the registry works on: its SQLite, a synchronous transaction, and the
 * bindings (decisions are carried out in the agency's own object). Modules take it (and "now")
 * as their first arguments; only the class holds it.
 */
export type RegistryStore = { sql: SqlStorage; tx: <T>(work: () => T) => T; env: Env };

export type AgencyRow = {
  id: string;
  email: string;
  name: string;
  prefecture: PrefectureCode;
  status: AgencyRecord['status'];
  record: string;
  ended_on: string | null;
  revoked_on: string | null;
  updated_at: number;
  address: string;
  licence_kind: AgencyRecord['licence']['kind'];
  licence_number: string;
  licence_key: string;
  services: string;
  handles_subsidies: number;
  certifications: string;
  search_text: string;
  admitted_on: string;
  suspension: string | null;
  term_ends_on: string | null;
  licence_expires_on?: string | null;
};
export type StoredRecord = AgencyRecord & { registration?: RegistrationInput };
export type ProcedureRow = {
  id: string;
  kind: ProcedureKind;
  agency_id: string;
  prefecture: PrefectureCode;
  request: string;
  status: Procedure['status'];
  submitted_on: string;
  deadline: string | null;
  submitted_at: number;
  decided_at: number | null;
  decided_by: string | null;
  reason: string | null;
  form_received_on: string | null;
  filed_with: string | null;
};
export type ViolationRow = {
  id: string;
  agency_id: string;
  category: ViolationCategory;
  note: string;
  recorded_on: string;
  recorded_at: number;
  recorded_by: string;
  resumed_on: string | null;
  proposal: string;
};
export type SuspensionRow = {
  id: string;
  agency_id: string;
  kind: Suspension['kind'];
  reason: string;
  starts_on: string;
  ends_on: string | null;
  violation_id: string | null;
  imposed_by: string;
  imposed_at: number;
  ended_on: string | null;
  ended_by: string | null;
  end_reason: SuspensionHistory['endReason'];
};
export type SeekerComplaintRow = {
  id: string;
  agency_id: string;
  prefecture: PrefectureCode;
  profile_id: string;
  content: string;
  received_at: number;
  forwarded_at: number | null;
  forwarded_by: string | null;
  agency_complaint_id: string | null;
};

/**
 * Mandatory information as shown to jobseekers: what the agency filed, with its registered privacy
 * officer as the personal-information and complaints officer (R-MSG-1, §12(2), §15(1)). A record
 * from before this rule that has no privacy officer keeps the officer it was filed with.
 *
 * @example shownMandatoryInformation(input.mandatoryInformation, input.privacyOfficer);
 */
export function shownMandatoryInformation(
  filed: MandatoryInformationInput | MandatoryInformation,
  privacyOfficer: Officer | undefined,
): MandatoryInformation {
  const { complaintsOfficer: legacy, ...rest } = filed as MandatoryInformation;
  const officer = privacyOfficer ? complaintsOfficerFrom(privacyOfficer) : legacy;
  return { ...rest, complaintsOfficer: officer };
}

/** Agency-object answers as seen across RPC (the union narrows on `ok` once named). */
export type ApplyResult = { ok: true; record: AgencyRecord; purged: number } | Refusal;
export type SetStatusResult = { ok: true; record: AgencyRecord; purged: number; sessionsEnded: number } | Refusal;
export type AddComplaintResult = { ok: true; complaint: AgencyComplaint } | Refusal;

/** Text as the directory compares it (R-DIR-1): NFKC (full-width letters and digits fold), lower case, no spaces. */
export function directoryText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** A licence number as compared across accounts (R-ORG-1, R-APP-3): the one rule in shared/rules. */
export { licenceKey } from '../../../shared/rules';

export const actorId = (actor: Actor) => (actor === 'system' ? 'system' : actor.id);

export const outOfScope = () => refuse('out_of_scope', 'この事業者は管轄外の労働局の担当です。');

export function agencyRow(s: RegistryStore, id: string): AgencyRow | null {
  return s.sql.exec<AgencyRow>('SELECT * FROM agencies WHERE id = ?', id).toArray()[0] ?? null;
}

/** The agency row if it exists and lies in the staff member's scope (R-SEC-2). */
export function scopedAgency(s: RegistryStore, id: string, staff: StaffRecord): AgencyRow | Refusal {
  const row = agencyRow(s, id);
  if (!row) return refuse('agency_not_found', `事業者（${id}）は登録されていません。`);
  if (staff.role === 'bureau' && staff.prefecture !== row.prefecture) return outOfScope();
  return row;
}

/** Refuses procedures of an agency that left the service (R-APP-4): 409, a conflict with its standing, not a refused sign-in. */
export function usable(row: AgencyRow): Refusal | null {
  if (row.status === 'revoked')
    return refuse('agency_revoked', '利用解除された事業者はこの手続を行えません。', undefined, {
      status: 409,
      title: '利用解除されています',
    });
  if (row.status === 'withdrawn') return refuse('agency_withdrawn', '退会した事業者はこの手続を行えません。', undefined, { status: 409 });
  return null;
}

export function storedRecord(agency: AgencyRow): StoredRecord {
  return JSON.parse(agency.record) as StoredRecord;
}
