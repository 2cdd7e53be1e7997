import type { Placement } from '../../../shared/rules';
import type { ChangeRequest, MandatoryInformationInput, Officer, Procedure, RenewalRequest, Suspension } from '../../../shared/schemas';
import type { PrefectureCode } from '../../../shared/data/prefectures';
import type { AgencyRecord, StaffRecord } from '../../lib/records';

export type { StaffPrincipal, StaffRecord, StaffRole } from '../../lib/records';

/** The parts of a registration the registry reasons about; the rest is kept as sent. */
export type RegistrationInput = {
  email: string;
  organisation: { name: string; address: string; prefecture: PrefectureCode };
  licence: { kind: 'paid' | 'free' | 'school' | 'special'; number: string; schoolKind?: string };
  services: Array<'job_offer' | 'jobseeker'>;
  contactMethods: AgencyRecord['contactMethods'];
  mandatoryInformation?: MandatoryInformationInput;
  placements: Placement[];
  onOrder?: { suspensionOrder: boolean; improvementOrderUnremedied: boolean };
  handlesSubsidies?: boolean;
  certifications?: Array<'privacy_mark' | 'yuryo'>;
  liaisonOfficer?: Officer;
  privacyOfficer?: Officer;
  [key: string]: unknown;
};

export type RegistrationSummary = {
  id: string;
  email: string;
  organisationName: string;
  prefecture: string;
  registeredOn: string;
  deadline: string;
  deletionDate: string;
  status: 'pending' | 'accepted' | 'rejected' | 'expired';
  agencyId: string | null;
  formReceivedOn: string | null;
  decisionReason: string | null;
};

/** An audit detail value: flat JSON, typed so it crosses RPC. */
export type AuditValue = string | number | boolean | null | string[];
export type AuditEntry = {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  reason: string | null;
  details: Record<string, AuditValue>;
};

/** Who acts: a staff member, or the scheduler ('system') keeping the rules by itself. */
export type Actor = StaffRecord | 'system';

/** The agency's standing after a change, as the routes answer it. */
export type StatusChange = {
  agencyId: string;
  status: AgencyRecord['status'];
  suspension: Suspension | null;
  revokedOn: string | null;
  withdrawnOn: string | null;
  purged: number;
  sessionsEnded: number;
};

/** A procedure with its request typed, so it crosses RPC (an `unknown` member would not). */
export type ProcedureRecord = Omit<Procedure, 'request'> & { request: ChangeRequest | RenewalRequest | { reason?: string } };
