import { jstDate } from '../../../shared/rules';
import { refuse, type Refusal } from '../../lib/problem';
import { appendAudit } from './audit';
import { procedure } from './procedures';
import type { ProcedureRow, RegistryStore } from './store';
import type { ProcedureRecord, StaffRecord } from './types';

// Signed forms of change and renewal requests as the bureau receives them (R-APP-4, §10);
// registrations record theirs in registrations.ts (R-APP-1).

/**
 * Records the day the signed form of a change or renewal request arrived (R-APP-4, §10): received
 * by its deadline, the procedure waits for the bureau however long that takes and never lapses.
 *
 * @example await registry.markProcedureFormReceived('P…', staff, '2026-12-01', null, now);
 */
export async function markProcedureFormReceived(
  s: RegistryStore,
  id: string,
  staff: StaffRecord,
  receivedOn: string,
  reason: string | null,
  now: number,
): Promise<{ ok: true; procedure: ProcedureRecord } | Refusal> {
  const row = s.sql.exec<ProcedureRow>("SELECT * FROM procedures WHERE id = ? AND kind IN ('change', 'renewal')", id).toArray()[0];
  if (!row)
    return refuse('procedure_not_found', `変更・更新申請（${id}）はありません。`, undefined, {
      status: 404,
      title: '申請が見つかりません',
    });
  if (staff.role === 'bureau' && staff.prefecture !== row.prefecture)
    return refuse('out_of_scope', 'この申請は管轄外の労働局のものです。', undefined, { status: 403, title: '管轄外です' });
  if (row.status !== 'pending')
    return refuse('procedure_decided', `この申請の状態は「${row.status}」です。`, undefined, {
      status: 409,
      title: 'この申請は処理済みです',
    });
  const today = jstDate(new Date(now));
  if (receivedOn > today || receivedOn < row.submitted_on) {
    return refuse('invalid_received_on', `受領日は申請日（${row.submitted_on}）から今日（${today}）までの日付にしてください。`, undefined, {
      status: 422,
      title: '受領日が正しくありません',
    });
  }
  s.tx(() => {
    s.sql.exec('UPDATE procedures SET form_received_on = ? WHERE id = ?', receivedOn, id);
    appendAudit(s, now, staff.id, `${row.kind}.form_received`, id, reason, { agencyId: row.agency_id, receivedOn });
  });
  return { ok: true, procedure: procedure(s, id)! };
}
