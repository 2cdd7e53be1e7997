import type { ProblemCode } from '../../shared/problems';
import { t, type MessageKey } from './i18n';
import type { ApiProblem } from './problem';
import { formatDate, formatJstDateTime } from './time';
import { serverNow } from './server-time';

/** What a person reads about a refusal: a short title and what to do, in their language. */
export type RefusalText = {
  title: string;
  detail: string;
  /** The worker's own Japanese explanation when it adds facts (what was found, which field). */
  workerDetail: string | null;
};

/** Who is reading: the jobseeker's wording is plainer and explains more. */
export type Reader = 'agency' | 'seeker';

type Explain = (p: ApiProblem, reader: Reader) => { title: string; detail: string; showWorkerDetail?: boolean };

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

function simple(title: MessageKey, detail: MessageKey, showWorkerDetail = false): Explain {
  return () => ({ title: t(title), detail: t(detail), showWorkerDetail });
}

/** The codes the extension makes up itself, for failures that never reached the worker's answer. */
export type ExtensionProblemCode = 'network_error' | 'invalid_response';

/**
 * One entry per problem code of the catalog (shared/problems.ts) and the two the extension makes
 * up: its own wording, or `'generic'` — deliberately the worker's own Japanese title and detail
 * (the bureau's procedures, refusals whose detail already says everything). Typed by the catalog,
 * so a code the worker gains must be decided on here, and a misspelt key fails the typecheck.
 */
const EXPLAIN: Record<ProblemCode, Explain | 'generic'> & Record<ExtensionProblemCode, Explain> = {
  // R-CAP-1: the count, the limit and when sending reopens.
  cap_reached: (p) => {
    const used = num(p.problem?.used) ?? num(p.problem?.limit) ?? 1000;
    const limit = num(p.problem?.limit) ?? 1000;
    const resetsAt = str(p.problem?.resetsAt);
    return {
      title: t('refusalCapReachedTitle'),
      detail: resetsAt ? t('refusalCapReached', used, limit, formatJstDateTime(resetsAt)) : t('refusalCapReachedNoTime', used, limit),
    };
  },
  blocked_by_recipient: simple('refusalBlockedTitle', 'refusalBlocked'),
  // R-MSG-4: the worker's detail says what it found.
  contact_details_not_allowed: (_p, reader) => ({
    title: t(reader === 'seeker' ? 'refusalContactSeekerTitle' : 'refusalContactAgencyTitle'),
    detail: t(reader === 'seeker' ? 'refusalContactSeeker' : 'refusalContactAgency'),
    showWorkerDetail: true,
  }),
  // R-MSG-2: one first message until the jobseeker writes.
  first_message_already_sent: simple('refusalFirstContactSentTitle', 'refusalFirstContactSent'),
  // R-OPS-1: when service returns.
  maintenance: (p) => {
    const reopensAt = str(p.problem?.reopensAt);
    const retryAfter = p.retryAfter;
    const at = reopensAt ?? (retryAfter ? new Date(serverNow().getTime() + retryAfter * 1000).toISOString() : null);
    return {
      title: t('refusalMaintenanceTitle'),
      detail: at ? t('refusalMaintenance', formatJstDateTime(at)) : t('refusalMaintenanceNoTime'),
    };
  },
  // R-SAN-2.
  agency_suspended: (p) => {
    const suspension = p.problem?.['suspension'] as { endsOn?: string | null; reason?: string } | undefined;
    const endsOn = str(suspension?.endsOn);
    return { title: t('refusalSuspendedTitle'), detail: endsOn ? t('refusalSuspendedUntil', formatDate(endsOn)) : t('refusalSuspended') };
  },
  // R-TERM-1.
  term_expired: (p) => {
    const term = p.problem?.['term'] as { endsOn?: string } | undefined;
    const endsOn = str(term?.endsOn);
    return { title: t('refusalTermExpiredTitle'), detail: t('refusalTermExpired', endsOn ? formatDate(endsOn) : '') };
  },
  agency_revoked: simple('refusalRevokedTitle', 'refusalRevoked'),
  agency_withdrawn: simple('refusalWithdrawnTitle', 'refusalWithdrawn'),
  service_not_admitted: simple('refusalServiceNotAdmittedTitle', 'refusalServiceNotAdmitted'),
  agency_service_not_admitted: simple('refusalServiceNotAdmittedTitle', 'refusalServiceNotAdmitted'),
  // R-RET-*, R-DEL-1, R-BLOCK-2: 410.
  data_deleted: (_p, reader) => ({
    title: t('refusalDataDeletedTitle'),
    detail: t(reader === 'seeker' ? 'refusalDataDeletedSeeker' : 'refusalDataDeleted'),
    showWorkerDetail: reader === 'agency',
  }),
  // R-OPS-2.
  rate_limited: (p) => ({
    title: t('refusalRateLimitedTitle'),
    detail: p.retryAfter ? t('refusalRateLimited', p.retryAfter) : t('refusalRateLimitedNoTime'),
  }),
  unauthenticated: simple('refusalUnauthenticatedTitle', 'refusalUnauthenticated'),
  invalid_credentials: (_p, reader) => ({
    title: t('refusalInvalidCredentialsTitle'),
    detail: t(reader === 'seeker' ? 'refusalInvalidCredentialsSeeker' : 'refusalInvalidCredentials'),
  }),
  wrong_role: simple('refusalWrongRoleTitle', 'refusalWrongRole'),
  activation_invalid: simple('refusalActivationTitle', 'refusalActivationInvalid'),
  activation_expired: simple('refusalActivationTitle', 'refusalActivationExpired'),
  activation_used: simple('refusalActivationTitle', 'refusalActivationUsed'),
  invalid_request: simple('refusalInvalidRequestTitle', 'refusalInvalidRequest', true),
  malformed_json: simple('refusalInvalidRequestTitle', 'refusalInvalidRequest'),
  payload_too_large: simple('refusalTooLargeTitle', 'refusalTooLarge'),
  idempotency_key_reused: simple('refusalIdempotencyTitle', 'refusalIdempotency'),
  not_found: simple('refusalNotFoundTitle', 'refusalNotFound'),
  profile_not_found: simple('refusalNotFoundTitle', 'refusalProfileNotFound'),
  not_acquired: simple('refusalNotAcquiredTitle', 'refusalNotAcquired'),
  accepted_in_future: simple('refusalAcceptanceDateTitle', 'refusalAcceptedInFuture', true),
  accepted_before_acquisition: simple('refusalAcceptanceDateTitle', 'refusalAcceptedBeforeAcquisition', true),
  network_error: simple('refusalNetworkTitle', 'refusalNetwork'),
  invalid_response: simple('refusalInvalidResponseTitle', 'refusalInvalidResponse'),
  internal_error: simple('refusalInternalTitle', 'refusalInternal'),
  // Deliberately generic: the worker's own Japanese title and detail say it all.
  due_date_passed: 'generic',
  correction_request_not_found: 'generic',
  correction_already_confirmed: 'generic',
  done_on_in_future: 'generic',
  correction_not_answered: 'generic',
  no_report_targets: 'generic',
  report_request_not_found: 'generic',
  term_invalid: 'generic',
  answers_do_not_match_questions: 'generic',
  // R-ORG-1, R-ORG-2: the worker's detail says what to do (ask the liaison officer, wait for the bureau).
  licence_in_use: 'generic',
  licence_pending: 'generic',
  liaison_only: 'generic',
  liaison_seat: 'generic',
  seat_not_found: 'generic',
  too_many_seats: 'generic',
  access_restricted: 'generic',
  announcement_already_ended: 'generic',
  announcement_ends_before_start: 'generic',
  announcement_not_found: 'generic',
  announcement_not_in_advance: 'generic',
  announcement_start_required: 'generic',
  terms_effective_date_not_future: 'generic',
  terms_not_confirmed: 'generic',
  terms_version_not_current: 'generic',
  terms_version_not_found: 'generic',
  terms_version_pending: 'generic',
  bootstrap_ministry_only: 'generic',
  invalid_cursor: 'generic',
  use_staff_creation: 'generic',
  ministry_only: 'generic',
  out_of_scope: 'generic',
  agency_not_found: 'generic',
  complaint_not_found: 'generic',
  conversation_not_found: 'generic',
  event_not_found: 'generic',
  procedure_not_found: 'generic',
  registration_not_found: 'generic',
  session_not_found: 'generic',
  already_activated: 'generic',
  already_forwarded: 'generic',
  already_suspended: 'generic',
  bootstrap_used: 'generic',
  conversation_blocked: 'generic',
  conversation_exists: 'generic',
  email_in_use: 'generic',
  email_taken: 'generic',
  mandatory_information_missing: 'generic',
  not_suspended: 'generic',
  procedure_decided: 'generic',
  procedure_expired: 'generic',
  procedure_pending: 'generic',
  registration_decided: 'generic',
  registration_expired: 'generic',
  registration_pending: 'generic',
  send_in_progress: 'generic',
  conversation_closed: 'generic',
  too_many_rows: 'generic',
  unsupported_media_type: 'generic',
  email_reserved: 'generic',
  handled_before_received: 'generic',
  handled_in_future: 'generic',
  invalid_received_on: 'generic',
  licence_not_eligible: 'generic',
  mandatory_information_not_applicable: 'generic',
  no_qualifying_placement: 'generic',
  received_in_future: 'generic',
  renewal_not_eligible: 'generic',
  report_fields: 'generic',
  report_period_not_open: 'generic',
  report_year_before_admission: 'generic',
  revoked_recently: 'generic',
  school_not_eligible: 'generic',
  service_not_held: 'generic',
  under_order: 'generic',
  violation_not_found: 'generic',
  reset_code_invalid: 'generic',
  account_not_found: 'generic',
  cannot_disable_self: 'generic',
  feed_bound_reached: 'generic',
  password_change_required: 'generic',
  registration_throttled: 'generic',
  reset_code_expired: 'generic',
  sign_in_locked: 'generic',
  sign_in_busy: 'generic',
  temporarily_unavailable: 'generic',
  staff_not_found: 'generic',
  token_secret_missing: 'generic',
  wrong_password: 'generic',
  fees_required: 'generic',
  asked_before_learned: 'generic',
  complaints_officer_required: 'generic',
  consent_in_future: 'generic',
  date_in_future: 'generic',
  employer_consent_required: 'generic',
  employer_not_asked: 'generic',
  fees_not_allowed: 'generic',
  offer_closed: 'generic',
  offer_not_found: 'generic',
  order_not_found: 'generic',
  report_below_recorded_hires: 'generic',
  snapshot_required: 'generic',
  age_filter_not_allowed: 'generic',
  already_accepted: 'generic',
  fee_statement_required: 'generic',
  fees_explained_after_acceptance: 'generic',
  paid_service_not_allowed: 'generic',
  paid_services_not_applicable: 'generic',
  refused_before_acquisition: 'generic',
  refused_in_future: 'generic',
};

/**
 * The text a person sees for a refusal, by its stable code: every code the worker answers with
 * has its own Japanese (and English) wording with the numbers that matter — the cap's count and
 * reset time (R-CAP-1), the reopening time of a maintenance window (R-OPS-1), the end of a
 * suspension (R-SAN-2), the wait after a rate limit (R-OPS-2). Unknown codes show the worker's
 * Japanese title and detail.
 *
 * @example
 * describeProblem(new ApiProblem(429, 'cap_reached', body)).detail;
 * // '本日はすでに1000通を送信しました（上限1000通）。2026年4月2日 00:00（日本時間）から再び送信できます。'
 */
export function describeProblem(problem: ApiProblem, reader: Reader = 'agency'): RefusalText {
  const explain = problem.code in EXPLAIN ? EXPLAIN[problem.code as ProblemCode | ExtensionProblemCode] : undefined;
  const workerDetail = problem.problem?.detail ? problem.problem.detail : null;
  if (explain && explain !== 'generic') {
    const text = explain(problem, reader);
    return { title: text.title, detail: text.detail, workerDetail: text.showWorkerDetail ? workerDetail : null };
  }
  if (problem.problem) return { title: problem.problem.title, detail: problem.problem.detail, workerDetail: null };
  return { title: t('refusalUnknownTitle'), detail: t('refusalUnknown', problem.status || '-'), workerDetail: null };
}

/** The codes with their own wording (for tests and documentation). */
export const DESCRIBED_CODES: readonly string[] = Object.keys(EXPLAIN).filter((code) => EXPLAIN[code as ProblemCode] !== 'generic');

/** The codes deliberately shown with the worker's own Japanese title and detail. */
export const GENERIC_CODES: readonly string[] = Object.keys(EXPLAIN).filter((code) => EXPLAIN[code as ProblemCode] === 'generic');
