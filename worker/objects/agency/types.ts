import type { Warning } from '../../../shared/rules';
import type {
  AcceptanceRefusal,
  AgencyDeletionCompliance,
  DailyQuota,
  DataHolderCopy,
  MandatoryInformationVersion,
  Message,
  MessageKind,
  SeatRef,
} from '../../../shared/schemas';
import type { AgencyRecord } from '../../lib/records';

export type { AgencyPrincipal, AgencyRecord } from '../../lib/records';

/** An acquisition as the agency and the jobseeker see it (R-RET-1, R-RET-2). */
export type Acquisition = {
  profileId: string;
  acquiredOn: string;
  acceptedOn: string | null;
  retentionDeadline: string;
  state: 'held' | 'deleted';
  deletedAt: string | null;
  deletedRule: string | null;
};

/** An instruction to the agency's extension, kept until acknowledged (R-BLOCK-2, R-DEL-1, R-RET-*). */
export type AgencyEventRow = {
  id: string;
  seq: number;
  type: string;
  profileId: string | null;
  conversationId: string | null;
  rule: string;
  createdAt: string;
  ackedAt: string | null;
  details: Record<string, unknown>;
  /** R-ORG-2: the staff seat that acknowledged it, where recorded. */
  ackedBy?: SeatRef;
};

/** The events that require the extension to delete jobseeker data (a `status_changed` only when it purged). */
export type RequiredDeletionKind = AgencyDeletionCompliance['overdue'][number]['kind'];

/** One agency's holding of one jobseeker's data, read from its own records. */
export type HolderView = {
  agencyId: string;
  agencyName: string;
  agencyStatus: AgencyRecord['status'];
  /** The current acquisition row; null after a lifted block removed it (R-BLOCK-3) and none was made since. */
  acquisition: Acquisition | null;
  copy: DataHolderCopy;
};

/** One agency's deletion figures for the bureau (R-RET-4, R-DEL-*, R-BLOCK-2, R-APP-5): the shared schema's type. */
export type DeletionComplianceFigures = AgencyDeletionCompliance;

/** One send as the route hands it over: a first contact to a profile or an answer in a conversation. */
export type SendRequest = { key: string; kind: Exclude<MessageKind, 'notice'>; body: string; profileId?: string; conversationId?: string };

/** reserveSend's answer: the stored result of a delivered key, or a counted reservation to deliver. */
export type SendReservation =
  | { ok: true; state: 'replay'; conversationId: string; message: Message; quota: DailyQuota; warnings: Warning[] }
  | {
      ok: true;
      state: 'reserved';
      profileId: string;
      conversationId: string | null;
      agencyId: string;
      agencyName: string;
      mandatoryInformation: MandatoryInformationVersion | null;
      warnings: Warning[];
      /** R-MSG-7: whether the message offers a paid service, and whether the bureau accepted the agency's notification. */
      paidServiceOffer: boolean;
      paidServicesNotified: boolean;
      /** A retry of a key whose earlier attempt was lost on its way (already counted, R-CAP-2). */
      resumed: boolean;
    };
