import type { AgencyAccount, ContactMethod, Licence, PaidService, SeekerAccount, Staff } from '../../shared/schemas';

// The accounts as their own objects keep them, shared by the objects, the middleware and the
// routes (so no object imports another object's module, and lib imports nothing from objects).

/**
 * What an agency is, as its own object keeps it: the fields of its account (`AgencyAccountSchema`,
 * what `GET /v1/agency/me` shows) taken from the shared schema, plus what only the worker keeps.
 */
export type AgencyRecord = Pick<
  AgencyAccount,
  'id' | 'email' | 'name' | 'prefecture' | 'services' | 'status' | 'suspension' | 'mandatoryInformation' | 'revokedOn' | 'withdrawnOn'
> & {
  licence: Pick<Licence, 'kind' | 'number'>;
  /** Registered contact methods: the only contact details its messages may hold (R-MSG-4). */
  contactMethods: Array<{ kind: ContactMethod['kind']; value: string }>;
  /** R-MSG-7: paid services for new graduates as last notified to and accepted by the bureau. */
  paidServicesForNewGraduates?: PaidService[];
  admittedOn: string;
  /** R-TERM-1: the jobseeker service's term and the licence's expiry (absent for agencies admitted before it was recorded). */
  term?: AgencyAccount['term'];
};

/** The staff seat a request comes from within its organisation (R-ORG-2). */
export type AgencySeat = { id: string; name: string; email: string; role: 'liaison' | 'staff' };

/** Who an agency request comes from, once its token checked out (R-SEC-2): the organisation and the seat. */
export type AgencyPrincipal = { ok: true; sessionId: string; agency: AgencyRecord; seat: AgencySeat };

/** A jobseeker as their own object keeps them (R-SEC-2): the shared schema's type. */
export type SeekerRecord = SeekerAccount;
export type SeekerPrincipal = { ok: true; sessionId: string; seeker: SeekerRecord };

/** A staff member (R-SEC-2): the shared schema's type. */
export type StaffRecord = Staff;
export type StaffRole = Staff['role'];
export type StaffPrincipal = { ok: true; sessionId: string; staff: StaffRecord };
