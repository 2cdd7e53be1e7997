import type { Suspension } from '../../../shared/schemas';
import { refuse, type Refusal } from '../../lib/problem';
import type { SessionStore } from '../../lib/sessions';
import { purgeInTransaction, purgeJobseekerData } from './acquisitions';
import { closeAtSeekers } from './access';
import { appendEvent } from './events';
import { endAllSeatSessions } from './seats';
import { agencyRecord, saveRecord, type AgencyStore } from './store';
import type { AgencyRecord } from './types';

// The bureau's side (the registry drives these): status changes (R-SAN-2, R-RET-3), accepted
// changes and renewals (R-APP-4, R-ELIG-4) and report reminders (R-REP-2).

/**
 * Changes the agency's standing at once (R-SAN-2): saves the record, tells the extension with a
 * `status_changed` event, deletes all jobseeker data the agency received when its use stops
 * (R-RET-3, recorded per R-RET-4), and ends every session of a revoked agency. A revoked or
 * withdrawn agency can still sign in to read its status, events and complaint log.
 *
 * @example await setStatus(s, sessions, 'suspended', { kind: 'fixed', reason: '…', startsOn: '2027-05-21', endsOn: '2027-11-20' }, now);
 */
export async function setStatus(
  s: AgencyStore,
  sessions: SessionStore,
  status: AgencyRecord['status'],
  suspension: Suspension | null,
  now: number,
  dates: { revokedOn?: string; withdrawnOn?: string } = {},
): Promise<{ ok: true; record: AgencyRecord; purged: number; sessionsEnded: number } | Refusal> {
  const record = agencyRecord(s);
  if (!record) return refuse('agency_not_found', 'この事業者は登録されていません。');
  const next: AgencyRecord = {
    ...record,
    status,
    suspension: status === 'suspended' ? suspension : null,
    revokedOn: dates.revokedOn ?? record.revokedOn,
    withdrawnOn: dates.withdrawnOn ?? record.withdrawnOn,
  };
  // One step: the new standing, the deletion and the event, so no acquisition slips in between
  // (acquire() checks the standing saved here); the jobseekers are told after it.
  let purge = { deleted: 0, conversing: [] as string[] };
  s.tx(() => {
    saveRecord(s, next);
    if (status !== 'active') purge = purgeInTransaction(s, 'R-RET-3', now);
    appendEvent(s, 'status_changed', status === 'withdrawn' ? 'R-RET-3' : 'R-SAN-2', now, {
      details: { status, suspension: next.suspension, purged: purge.deleted },
    });
  });
  await closeAtSeekers(s, purge.conversing, 'R-RET-3', now);
  const purged = purge.deleted;
  // R-ORG-2: the organisation stops as a whole, every seat with it.
  const sessionsEnded = status === 'revoked' ? endAllSeatSessions(s) : 0;
  return { ok: true, record: next, purged, sessionsEnded };
}

/**
 * Applies what the bureau accepted in a change request or renewal (R-APP-4, R-ELIG-4), other
 * than mandatory information (installMandatoryInformation does that). Giving up the jobseeker
 * service deletes the jobseeker data received (R-RET-3).
 *
 * @example await applyAcceptedChange(s, { name: '株式会社みらい人材２', contactMethods }, now);
 */
export async function applyAcceptedChange(
  s: AgencyStore,
  patch: {
    name?: string;
    licenceNumber?: string;
    contactMethods?: AgencyRecord['contactMethods'];
    services?: AgencyRecord['services'];
    paidServicesForNewGraduates?: AgencyRecord['paidServicesForNewGraduates'];
    term?: AgencyRecord['term'];
  },
  now: number,
): Promise<{ ok: true; record: AgencyRecord; purged: number } | Refusal> {
  const record = agencyRecord(s);
  if (!record) return refuse('agency_not_found', 'この事業者は登録されていません。');
  const next: AgencyRecord = {
    ...record,
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.licenceNumber !== undefined ? { licence: { ...record.licence, number: patch.licenceNumber } } : {}),
    ...(patch.contactMethods !== undefined ? { contactMethods: patch.contactMethods } : {}),
    ...(patch.services !== undefined ? { services: patch.services } : {}),
    ...(patch.paidServicesForNewGraduates !== undefined ? { paidServicesForNewGraduates: patch.paidServicesForNewGraduates } : {}),
    // R-TERM-1: an accepted renewal records the new term.
    ...(patch.term !== undefined ? { term: patch.term } : {}),
  };
  const leavesJobseekerService = record.services.includes('jobseeker') && !next.services.includes('jobseeker');
  let purge = { deleted: 0, conversing: [] as string[] };
  s.tx(() => {
    saveRecord(s, next);
    if (leavesJobseekerService) purge = purgeInTransaction(s, 'R-RET-3', now);
  });
  await closeAtSeekers(s, purge.conversing, 'R-RET-3', now);
  const purged = purge.deleted;
  return { ok: true, record: next, purged };
}

/**
 * R-REP-2: reminds the agency of the coming usage report (an event the extension shows).
 * Idempotent per fiscal year.
 *
 * @example remindReport(s, 2026, '2027-04-20', now); // { ok: true, sent: true }
 */
export function remindReport(s: AgencyStore, fiscalYear: number, dueOn: string, now: number): { ok: true; sent: boolean } {
  const already =
    s.sql.exec("SELECT 1 FROM events WHERE type = 'report_reminder' AND json_extract(details, '$.fiscalYear') = ?", fiscalYear).toArray()
      .length > 0;
  if (!already) appendEvent(s, 'report_reminder', 'R-REP-2', now, { details: { fiscalYear, dueOn } });
  return { ok: true, sent: !already };
}

/**
 * R-REP-3: the bureau's request to submit (提出依頼) a missing usage report, in the bureau's name,
 * with the last day before the automatic suspension. Idempotent per fiscal year.
 *
 * @example requestReport(s, 2026, { dueOn: '2027-04-20', graceLastDay: '2027-05-20', bureau: '東京労働局' }, now); // { ok: true, sent: true }
 */
export function requestReport(
  s: AgencyStore,
  fiscalYear: number,
  what: { dueOn: string; graceLastDay: string; bureau: string },
  now: number,
): { ok: true; sent: boolean } {
  const already =
    s.sql.exec("SELECT 1 FROM events WHERE type = 'report_request' AND json_extract(details, '$.fiscalYear') = ?", fiscalYear).toArray()
      .length > 0;
  if (!already) appendEvent(s, 'report_request', 'R-REP-3', now, { details: { fiscalYear, ...what } });
  return { ok: true, sent: !already };
}

/**
 * R-TERM-1: reminds the agency that its term (or licence) ends on `endsOn`. Idempotent per kind and date.
 *
 * @example remindTerm(s, 'term', '2029-12-01', now); // { ok: true, sent: true }
 */
export function remindTerm(s: AgencyStore, kind: 'term' | 'licence', endsOn: string, now: number): { ok: true; sent: boolean } {
  const already =
    s.sql
      .exec(
        "SELECT 1 FROM events WHERE type = 'term_reminder' AND json_extract(details, '$.kind') = ? AND json_extract(details, '$.endsOn') = ?",
        kind,
        endsOn,
      )
      .toArray().length > 0;
  if (!already) appendEvent(s, 'term_reminder', 'R-TERM-1', now, { details: { kind, endsOn } });
  return { ok: true, sent: !already };
}

/**
 * R-TERM-1, R-RET-3: the term ended on `endsOn` without an accepted renewal. The jobseeker service
 * has stopped (the routes refuse it from the day after `endsOn`); every piece of jobseeker data the
 * agency received is deleted and a `term_ended` event tells the extension to delete its copies.
 * Idempotent per date; a term renewed meanwhile (a later end recorded) is left alone.
 *
 * @example await endTerm(s, '2029-12-01', now); // { ok: true, purged: 3, ended: true }
 */
export async function endTerm(s: AgencyStore, endsOn: string, now: number): Promise<{ ok: true; purged: number; ended: boolean }> {
  const record = agencyRecord(s);
  if (!record || (record.term && record.term.endsOn !== endsOn)) return { ok: true, purged: 0, ended: false };
  if (s.sql.exec("SELECT 1 FROM events WHERE type = 'term_ended' AND json_extract(details, '$.endsOn') = ?", endsOn).toArray().length > 0) {
    return { ok: true, purged: 0, ended: false };
  }
  const purged = (await purgeJobseekerData(s, 'R-RET-3', now)).deleted;
  appendEvent(s, 'term_ended', 'R-RET-3', now, { details: { endsOn, purged } });
  return { ok: true, purged, ended: true };
}
