import type { MandatoryInformationVersion, Message, MessageKind } from '../../../shared/schemas';

export type { SeekerPrincipal, SeekerRecord } from '../../lib/records';

/** The kinds of conversation a sender may write in. */
export type SendKind = Exclude<MessageKind, 'notice'>;

/** What the agency side hands the jobseeker's object to deliver (R-MSG-1, R-MSG-2, R-BLOCK-1). */
export type DeliverInput = {
  kind: SendKind;
  profileId: string;
  agencyId: string;
  agencyName: string;
  /** The idempotency key: a key already delivered returns the stored message (R-CAP-2). */
  key: string;
  body: string;
  /** For an answer. */
  conversationId?: string;
  /** For a first contact: the agency's current accepted version, attached by the system (R-MSG-1). */
  mandatoryInformation?: MandatoryInformationVersion;
  /** R-MSG-7: the message offers a paid service other than placement (the R-MSG-5 detection). */
  paidServiceOffer?: boolean;
  /** R-MSG-7: the bureau accepted the agency's notification of its paid services for new graduates. */
  paidServicesNotified?: boolean;
  /** R-MSG-7: for a first contact, whether the profile says the jobseeker is a new graduate. */
  newGraduate?: boolean;
};

export type DeliverResult = { ok: true; conversationId: string; message: Message; replayed: boolean };

/** Who reads a thread: the jobseeker, or the agency of the conversation. */
export type ThreadViewer = { role: 'seeker' } | { role: 'agency'; agencyId: string };
