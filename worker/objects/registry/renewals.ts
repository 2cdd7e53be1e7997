import { jstDate, placementQualifies } from '../../../shared/rules';
import type { RenewalRequest } from '../../../shared/schemas';
import { refuse, type Refusal } from '../../lib/problem';
import type { AgencyRecord } from '../../lib/records';
import { agencyStub } from '../../lib/stubs';
import { appendAudit } from './audit';
import { decideProcedure, pendingProcedure, procedure } from './procedures';
import { decideTerm } from './service-term';
import { storedRecord, type ApplyResult, type RegistryStore } from './store';
import type { ProcedureRecord, StaffRecord } from './types';

// The bureau's acceptance of an agency's renewal request (R-ELIG-4, R-TERM-1): the request itself
// is filed, listed and rejected in procedures.ts.

/**
 * The bureau accepts a renewal after checking R-ELIG-2 again on the renewal's application day
 * (R-ELIG-4). Services not renewed stop, and with the jobseeker service its data goes (R-RET-3).
 *
 * @example await registry.acceptRenewal('P…', staff, null, '2029-03-31', now);
 */
export async function acceptRenewal(
  s: RegistryStore,
  id: string,
  staff: StaffRecord,
  reason: string | null,
  termEndsOn: string | null,
  now: number,
  licenceExpiresOn: string | null = null,
): Promise<{ ok: true; procedure: ProcedureRecord; services: AgencyRecord['services']; purged: number } | Refusal> {
  const found = pendingProcedure(s, id, 'renewal', staff, now);
  if ('ok' in found) return found;
  const { row, agency } = found;
  // R-TERM-1: the renewed term follows the old one (or the bureau's dates).
  const previous =
    storedRecord(agency).term ??
    (agency.term_ends_on ? { startsOn: agency.admitted_on, endsOn: agency.term_ends_on, licenceExpiresOn: null } : null);
  const decided = decideTerm(jstDate(new Date(now)), { endsOn: termEndsOn, licenceExpiresOn }, previous, true);
  if (!decided.ok) return decided;
  const term = decided.term;
  const renewal = JSON.parse(row.request) as RenewalRequest;
  if (renewal.services.includes('jobseeker') && !placementQualifies(row.submitted_on, renewal.placements)) {
    return refuse(
      'renewal_not_eligible',
      `更新申請日（${row.submitted_on}）から過去3か月以内の常用就職の実績がありません（利用規約§2(2)）。利用期限の経過後、直ちに退会申請が必要です。`,
    );
  }
  const applied: ApplyResult = await agencyStub(s.env, agency.id).applyAcceptedChange({ services: renewal.services, term }, now);
  if (!applied.ok) return applied;
  const stored = storedRecord(agency);
  s.tx(() => {
    s.sql.exec(
      'UPDATE agencies SET services = ?, record = ?, term_ends_on = ?, licence_expires_on = ?, updated_at = ? WHERE id = ?',
      renewal.services.join(','),
      JSON.stringify({ ...applied.record, registration: stored.registration }),
      term.endsOn,
      term.licenceExpiresOn,
      now,
      agency.id,
    );
    decideProcedure(s, id, 'accepted', staff.id, reason, now);
    appendAudit(s, now, staff.id, 'renewal.accept', id, reason, {
      agencyId: agency.id,
      services: renewal.services,
      term,
      purged: applied.purged,
    });
  });
  return { ok: true, procedure: procedure(s, id)!, services: renewal.services, purged: applied.purged };
}
