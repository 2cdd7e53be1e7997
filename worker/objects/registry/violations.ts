import { jstDate, proposeSanction, type ViolationHistoryEntry } from '../../../shared/rules';
import type { SanctionProposal, ViolationRecord, ViolationRequest } from '../../../shared/schemas';
import { randomBase32 } from '../../lib/crypto';
import type { Refusal } from '../../lib/problem';
import { appendAudit } from './audit';
import { scopedAgency, type RegistryStore, type ViolationRow } from './store';
import type { StaffRecord } from './types';

// Violations and the sanction §8 proposes for each (R-SAN-1, decision 9): staff decide; the
// suspensions and revocations they lead to are in sanctions.ts.

/** A stored violation as the bureau sees it, with the sanction §8 proposed for it (R-SAN-1). */
export function violation(r: ViolationRow): ViolationRecord {
  return {
    id: r.id,
    agencyId: r.agency_id,
    category: r.category,
    note: r.note,
    recordedOn: r.recorded_on,
    recordedAt: new Date(r.recorded_at).toISOString(),
    recordedBy: r.recorded_by,
    resumedOn: r.resumed_on,
    proposal: JSON.parse(r.proposal) as SanctionProposal,
  };
}

/**
 * R-SAN-1: records a violation with the sanction §8 sets for it given the agency's history; call
 * inside a transaction that also audits it.
 *
 * @example insertViolation(s, 'A…', { category: 'misuse', note: '…' }, staff.id, now).proposal.kind // 'suspension'
 */
export function insertViolation(s: RegistryStore, agencyId: string, input: ViolationRequest, by: string, now: number): ViolationRecord {
  const today = jstDate(new Date(now));
  const history: ViolationHistoryEntry[] = s.sql
    .exec<ViolationRow>('SELECT * FROM violations WHERE agency_id = ?', agencyId)
    .toArray()
    .map((v) => ({ category: v.category, recordedOn: v.recorded_on, resumedOn: v.resumed_on }));
  const proposal = proposeSanction(
    { category: input.category, recordedOn: today, notImprovedWithinSuspension: input.notImprovedWithinSuspension },
    history,
  );
  const id = `V${randomBase32(10)}`;
  s.sql.exec(
    'INSERT INTO violations (id, agency_id, category, note, recorded_on, recorded_at, recorded_by, proposal) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    id,
    agencyId,
    input.category,
    input.note,
    today,
    now,
    by,
    JSON.stringify(proposal),
  );
  return violation(s.sql.exec<ViolationRow>('SELECT * FROM violations WHERE id = ?', id).one());
}

/**
 * Records a violation and answers the sanction §8 sets for it, from the agency's history
 * (R-SAN-1). Nothing is imposed: staff decide (decision 9).
 *
 * @example await registry.recordViolation('A…', { category: 'misuse', note: '…' }, staff, now);
 */
export async function recordViolation(
  s: RegistryStore,
  agencyId: string,
  input: ViolationRequest,
  staff: StaffRecord,
  now: number,
): Promise<{ ok: true; violation: ViolationRecord } | Refusal> {
  const row = scopedAgency(s, agencyId, staff);
  if ('ok' in row) return row;
  let violation!: ViolationRecord;
  s.tx(() => {
    violation = insertViolation(s, agencyId, input, staff.id, now);
    appendAudit(s, now, staff.id, 'violation.record', agencyId, input.note, {
      violationId: violation.id,
      category: input.category,
      proposal: violation.proposal.kind,
    });
  });
  return { ok: true, violation };
}
