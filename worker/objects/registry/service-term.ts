import {
  addDays,
  defaultTermEnd,
  jstDate,
  procedureGraceLastDay,
  renewedTermEnd,
  TERM_REMINDER_DAYS,
  termEnded,
  termReminderFrom,
} from '../../../shared/rules';
import type { ServiceTerm } from '../../../shared/schemas';
import { refuse, type Refusal } from '../../lib/problem';
import { agencyStub } from '../../lib/stubs';
import { appendAudit } from './audit';
import { insertViolation } from './violations';
import type { RegistryStore } from './store';

// R-TERM-1: what the rules do by themselves around the end of an agency's jobseeker-service term
// and of its licence: the reminder 30 days before, the end of the jobseeker service the day after
// the term (R-RET-3), and one month later the §8(2)④a proposal to the bureau (T-2, T-3). Each step
// is recorded per agency, kind and end date in `term_duties`, so it runs once, and a new end date
// (an accepted renewal or change) starts afresh.

/** The table of what was done about each end date (a migration step of the registry). */
export const TERM_DUTIES_SCHEMA = `
  ALTER TABLE agencies ADD COLUMN licence_expires_on TEXT;
  CREATE TABLE term_duties (agency_id TEXT NOT NULL, kind TEXT NOT NULL, ends_on TEXT NOT NULL, reminded_at INTEGER,
    stopped_at INTEGER, proposed_at INTEGER, violation_id TEXT, PRIMARY KEY (agency_id, kind, ends_on));
`;

/** What the bureau sets at admission or renewal (R-TERM-1); the default term applies without `endsOn`. */
export type AdmissionTerm = { endsOn?: string | null; licenceExpiresOn?: string | null };

/**
 * The term decided on `today` (R-TERM-1): the bureau's dates, or the default (36 months from the
 * day after an admission; for a renewal, following the term it renews). A last day that is not
 * after today, or a licence already expired, is refused.
 *
 * @example decideTerm('2026-12-01', {}, null); // { ok: true, term: { startsOn: '2026-12-01', endsOn: '2029-12-01', licenceExpiresOn: null } }
 */
export function decideTerm(
  today: string,
  given: AdmissionTerm,
  previous: ServiceTerm | null,
  renewal = false,
): { ok: true; term: ServiceTerm } | Refusal {
  const endsOn = given.endsOn ?? (renewal ? renewedTermEnd(previous?.endsOn ?? null, today) : defaultTermEnd(today));
  if (endsOn <= today) return refuse('term_invalid', `利用期限（${endsOn}）は判断の日（${today}）より後の日にしてください。`);
  const licenceExpiresOn = given.licenceExpiresOn ?? previous?.licenceExpiresOn ?? null;
  if (given.licenceExpiresOn && given.licenceExpiresOn < today)
    return refuse('term_invalid', `許可の有効期限（${given.licenceExpiresOn}）がすでに過ぎています。`);
  const startsOn = renewal && previous && previous.endsOn >= today ? addDays(previous.endsOn, 1) : today;
  return { ok: true, term: { startsOn, endsOn, licenceExpiresOn } };
}

type Kind = 'term' | 'licence';
type Due = { id: string; ends_on: string; services: string; status: string };

const LABEL: Record<Kind, string> = { term: '求職情報提供サービスの利用期限', licence: '職業紹介事業の許可の有効期限' };
const PROCEDURE: Record<Kind, string> = { term: '更新申請', licence: '変更申請' };

function dueRows(s: RegistryStore, kind: Kind, before: string): Due[] {
  const column = kind === 'term' ? 'term_ends_on' : 'licence_expires_on';
  return s.sql
    .exec<Due>(
      `SELECT a.id, a.${column} AS ends_on, a.services, a.status FROM agencies a
     WHERE a.status IN ('active', 'suspended') AND a.${column} IS NOT NULL AND a.${column} <= ?
       AND NOT EXISTS (SELECT 1 FROM term_duties d WHERE d.agency_id = a.id AND d.kind = ? AND d.ends_on = a.${column} AND d.proposed_at IS NOT NULL)`,
      before,
      kind,
    )
    .toArray();
}

function duty(
  s: RegistryStore,
  agencyId: string,
  kind: Kind,
  endsOn: string,
): { reminded_at: number | null; stopped_at: number | null; proposed_at: number | null } {
  s.sql.exec('INSERT OR IGNORE INTO term_duties (agency_id, kind, ends_on) VALUES (?, ?, ?)', agencyId, kind, endsOn);
  return s.sql
    .exec<{ reminded_at: number | null; stopped_at: number | null; proposed_at: number | null }>(
      'SELECT reminded_at, stopped_at, proposed_at FROM term_duties WHERE agency_id = ? AND kind = ? AND ends_on = ?',
      agencyId,
      kind,
      endsOn,
    )
    .one();
}

/** Whether the agency filed the procedure that answers an expiry and it is still pending (a filed procedure is a procedure made). */
function procedurePending(s: RegistryStore, agencyId: string, kind: Kind): boolean {
  const kinds = kind === 'term' ? ['renewal'] : ['change', 'renewal'];
  return (
    s.sql
      .exec("SELECT 1 FROM procedures WHERE agency_id = ? AND status = 'pending' AND kind IN (?, ?)", agencyId, kinds[0], kinds.at(-1))
      .toArray().length > 0
  );
}

/**
 * R-TERM-1: reminds, stops and proposes at `now`; idempotent, so it may run at any time (cron,
 * clock moves). Answers how many of each it did.
 *
 * @example await runTermDuties(s, now); // { reminded: 1, stopped: 0, proposed: 0 }
 */
export async function runTermDuties(s: RegistryStore, now: number): Promise<{ reminded: number; stopped: number; proposed: number }> {
  const today = jstDate(new Date(now));
  let reminded = 0;
  let stopped = 0;
  let proposed = 0;
  for (const kind of ['term', 'licence'] as const) {
    // Every end date within the next 30 days or already past.
    for (const row of dueRows(s, kind, addDays(today, TERM_REMINDER_DAYS))) {
      const done = duty(s, row.id, kind, row.ends_on);
      if (done.reminded_at === null && !termEnded(row.ends_on, today) && today >= termReminderFrom(row.ends_on)) {
        await agencyStub(s.env, row.id).remindTerm(kind, row.ends_on, now);
        s.sql.exec(
          'UPDATE term_duties SET reminded_at = ? WHERE agency_id = ? AND kind = ? AND ends_on = ?',
          now,
          row.id,
          kind,
          row.ends_on,
        );
        reminded++;
      }
      if (!termEnded(row.ends_on, today)) continue;
      // The day after the term: the jobseeker service stops and its data goes (R-RET-3, §2(2)).
      if (kind === 'term' && done.stopped_at === null) {
        const r = await agencyStub(s.env, row.id).endTerm(row.ends_on, now);
        s.tx(() => {
          s.sql.exec(
            'UPDATE term_duties SET stopped_at = ? WHERE agency_id = ? AND kind = ? AND ends_on = ?',
            now,
            row.id,
            kind,
            row.ends_on,
          );
          appendAudit(
            s,
            now,
            'system',
            'term.end',
            row.id,
            `${LABEL.term}（${row.ends_on}）が過ぎ、更新申請が受理されていないため（利用規約§2(2)）`,
            { endsOn: row.ends_on, purged: r.purged },
          );
        });
        stopped++;
      }
      // One month after the expiry with no procedure: propose the six-month suspension (§8(2)④a).
      const grace = procedureGraceLastDay(row.ends_on);
      if (done.proposed_at === null && today > grace && row.status === 'active' && !procedurePending(s, row.id, kind)) {
        s.tx(() => {
          const v = insertViolation(
            s,
            row.id,
            {
              category: 'missed_procedure',
              note: `${LABEL[kind]}（${row.ends_on}）の翌日から1か月（${grace}まで）を過ぎても${PROCEDURE[kind]}がありません（利用規約§8(2)④a）。`,
            },
            'system',
            now,
          );
          s.sql.exec(
            'UPDATE term_duties SET proposed_at = ?, violation_id = ? WHERE agency_id = ? AND kind = ? AND ends_on = ?',
            now,
            v.id,
            row.id,
            kind,
            row.ends_on,
          );
          appendAudit(s, now, 'system', 'violation.record', row.id, v.note, {
            violationId: v.id,
            category: v.category,
            proposal: v.proposal.kind,
            rule: 'R-TERM-1',
          });
        });
        proposed++;
      }
    }
  }
  return { reminded, stopped, proposed };
}
