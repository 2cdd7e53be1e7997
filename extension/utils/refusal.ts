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

/**
 * One entry per problem code the worker answers with (and the two the extension makes up:
 * `network_error`, `invalid_response`). Unknown codes fall back to the worker's own Japanese text.
 */
const EXPLAIN: Record<string, Explain> = {
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
  first_contact_already_sent: simple('refusalFirstContactSentTitle', 'refusalFirstContactSent'),
  // R-OPS-1: when service returns.
  maintenance: (p) => {
    const reopensAt = str(p.problem?.reopensAt);
    const retryAfter = p.retryAfter;
    const at = reopensAt ?? (retryAfter ? new Date(serverNow().getTime() + retryAfter * 1000).toISOString() : null);
    return { title: t('refusalMaintenanceTitle'), detail: at ? t('refusalMaintenance', formatJstDateTime(at)) : t('refusalMaintenanceNoTime') };
  },
  // R-SAN-2.
  agency_suspended: (p) => {
    const suspension = p.problem?.['suspension'] as { endsOn?: string | null; reason?: string } | undefined;
    const endsOn = str(suspension?.endsOn);
    return { title: t('refusalSuspendedTitle'), detail: endsOn ? t('refusalSuspendedUntil', formatDate(endsOn)) : t('refusalSuspended') };
  },
  agency_revoked: simple('refusalRevokedTitle', 'refusalRevoked'),
  agency_withdrawn: simple('refusalWithdrawnTitle', 'refusalWithdrawn'),
  service_not_admitted: simple('refusalServiceNotAdmittedTitle', 'refusalServiceNotAdmitted'),
  service_unavailable_for_agency: simple('refusalServiceNotAdmittedTitle', 'refusalServiceNotAdmitted', true),
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
  forbidden: simple('refusalForbiddenTitle', 'refusalForbidden', true),
  activation_invalid: simple('refusalActivationTitle', 'refusalActivationInvalid'),
  activation_expired: simple('refusalActivationTitle', 'refusalActivationExpired'),
  activation_used: simple('refusalActivationTitle', 'refusalActivationUsed'),
  invalid_request: simple('refusalInvalidRequestTitle', 'refusalInvalidRequest', true),
  validation_failed: simple('refusalInvalidRequestTitle', 'refusalInvalidRequest', true),
  malformed_json: simple('refusalInvalidRequestTitle', 'refusalInvalidRequest'),
  payload_too_large: simple('refusalTooLargeTitle', 'refusalTooLarge'),
  idempotency_key_reused: simple('refusalIdempotencyTitle', 'refusalIdempotency'),
  not_found: simple('refusalNotFoundTitle', 'refusalNotFound'),
  profile_not_found: simple('refusalNotFoundTitle', 'refusalProfileNotFound'),
  not_acquired: simple('refusalNotAcquiredTitle', 'refusalNotAcquired'),
  accepted_in_future: simple('refusalAcceptanceDateTitle', 'refusalAcceptedInFuture', true),
  accepted_before_acquisition: simple('refusalAcceptanceDateTitle', 'refusalAcceptedBeforeAcquisition', true),
  conflict: simple('refusalConflictTitle', 'refusalConflict', true),
  network_error: simple('refusalNetworkTitle', 'refusalNetwork'),
  invalid_response: simple('refusalInvalidResponseTitle', 'refusalInvalidResponse'),
  internal_error: simple('refusalInternalTitle', 'refusalInternal'),
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
  const explain = EXPLAIN[problem.code];
  const workerDetail = problem.problem?.detail ? problem.problem.detail : null;
  if (explain) {
    const text = explain(problem, reader);
    return { title: text.title, detail: text.detail, workerDetail: text.showWorkerDetail ? workerDetail : null };
  }
  if (problem.problem) return { title: problem.problem.title, detail: problem.problem.detail, workerDetail: null };
  return { title: t('refusalUnknownTitle'), detail: t('refusalUnknown', problem.status || '-'), workerDetail: null };
}

/** The codes with their own wording (for tests and documentation). */
export const DESCRIBED_CODES: readonly string[] = Object.keys(EXPLAIN);
