import { jstDate } from '../../../shared/rules';
import type { AgencyComplaint, AgencyComplaintCreate, ComplaintHandling } from '../../../shared/schemas';
import { randomBase32 } from '../../lib/crypto';
import { refuse, type Refusal } from '../../lib/problem';
import type { AgencyStore } from './store';

/**
 * Adds an entry to the complaint log (R-CMP-1, §15(2)): the day received, the content, the
 * handling so far. Entries passed on by the bureau carry the bureau's complaint ID.
 *
 * @example addComplaint(s, { receivedOn: '2026-11-27', from: 'jobseeker', content: '…', handling: [] }, now);
 */
export function addComplaint(
  s: AgencyStore,
  input: AgencyComplaintCreate,
  now: number,
  bureauComplaintId: string | null = null,
): { ok: true; complaint: AgencyComplaint } | Refusal {
  const today = jstDate(new Date(now));
  if (input.receivedOn > today)
    return refuse('received_in_future', `受付日（${input.receivedOn}）は今日（${today}）以前の日付にしてください。`);
  if (input.handling.some((h) => h.on > today)) return refuse('handled_in_future', `対応日は今日（${today}）以前の日付にしてください。`);
  const id = `C${randomBase32(10)}`;
  s.sql.exec(
    'INSERT INTO complaints (id, received_on, source, content, handling, bureau_complaint_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    id,
    input.receivedOn,
    input.from,
    input.content,
    JSON.stringify(input.handling),
    bureauComplaintId,
    now,
  );
  return { ok: true, complaint: complaint(s, id)! };
}

/**
 * Adds one handling step (対応の経過) to a complaint (R-CMP-1); what was recorded is never rewritten.
 *
 * @example addComplaintHandling(s, 'C…', { on: '2026-11-28', note: '電話で謝罪しました。' }, now);
 */
export function addComplaintHandling(
  s: AgencyStore,
  id: string,
  step: ComplaintHandling,
  now: number,
): { ok: true; complaint: AgencyComplaint } | Refusal {
  const current = complaint(s, id);
  if (!current)
    return refuse('complaint_not_found', `苦情の記録（${id}）はありません。`, undefined, { title: '苦情の記録が見つかりません' });
  const today = jstDate(new Date(now));
  if (step.on > today) return refuse('handled_in_future', `対応日（${step.on}）は今日（${today}）以前の日付にしてください。`);
  if (step.on < current.receivedOn)
    return refuse('handled_before_received', `対応日（${step.on}）は受付日（${current.receivedOn}）以降の日付にしてください。`);
  s.sql.exec('UPDATE complaints SET handling = ? WHERE id = ?', JSON.stringify([...current.handling, step]), id);
  return { ok: true, complaint: complaint(s, id)! };
}

/** The complaint log, newest received first (the agency reads it; the bureau may ask for it, R-CMP-1). */
export function complaintLog(s: AgencyStore): AgencyComplaint[] {
  return s.sql
    .exec<{ id: string }>('SELECT id FROM complaints ORDER BY received_on DESC, seq DESC')
    .toArray()
    .map((r) => complaint(s, r.id)!);
}

function complaint(s: AgencyStore, id: string): AgencyComplaint | null {
  const r = s.sql
    .exec<{
      id: string;
      received_on: string;
      source: AgencyComplaint['from'];
      content: string;
      handling: string;
      bureau_complaint_id: string | null;
      recorded_at: number;
    }>('SELECT * FROM complaints WHERE id = ?', id)
    .toArray()[0];
  if (!r) return null;
  return {
    id: r.id,
    receivedOn: r.received_on,
    from: r.source,
    content: r.content,
    handling: JSON.parse(r.handling) as AgencyComplaint['handling'],
    ...(r.bureau_complaint_id ? { bureauComplaintId: r.bureau_complaint_id } : {}),
    recordedAt: new Date(r.recorded_at).toISOString(),
  };
}
