import type { AgencyStatus } from '../../shared/schemas/agency';
import { db as defaultDb, getMeta, setMeta, type MadoguchiDB } from './db';
import { deleteJobseekerData, totalDeleted } from './deletion';
import type { ApiProblem } from './problem';
import type { AccountKey } from './session';

const STOPPED_CODES: Record<string, AgencyStatus> = {
  agency_suspended: 'suspended',
  agency_revoked: 'revoked',
  agency_withdrawn: 'withdrawn',
};

/**
 * Draws the local consequences of a refusal, so the extension never keeps what the worker says is
 * gone: a stopped agency (suspended, revoked, withdrawn, or its term ended: R-TERM-1) loses all jobseeker data (R-RET-3); a
 * profile answered with 410 `data_deleted` or a recipient who blocked (R-BLOCK-2) loses that
 * profile's data. Returns how many local records went.
 *
 * @example
 * catch (e) { if (e instanceof ApiProblem) await applyProblem(e, { account, profileId, now: new Date() }); }
 */
export async function applyProblem(
  problem: ApiProblem,
  options: { account: AccountKey; profileId?: string; now: Date; db?: MadoguchiDB },
): Promise<number> {
  const database = options.db ?? defaultDb;
  const { account, now } = options;
  const stopped = STOPPED_CODES[problem.code];
  if (stopped && account.startsWith('agency:')) {
    const known = await getMeta(database, account, 'agency');
    if (known) {
      const suspension = (problem.problem?.['suspension'] as typeof known.suspension | undefined) ?? known.suspension;
      await setMeta(database, account, 'agency', {
        ...known,
        status: stopped,
        suspension: stopped === 'suspended' ? suspension : known.suspension,
      });
    }
    return totalDeleted(await deleteJobseekerData({ all: true }, { account, rule: 'R-RET-3', cause: 'worker_record', now, db: database }));
  }
  // R-TERM-1, R-RET-3: the term ended without an accepted renewal; the status stays, the data goes.
  if (problem.code === 'term_expired' && account.startsWith('agency:')) {
    return totalDeleted(await deleteJobseekerData({ all: true }, { account, rule: 'R-RET-3', cause: 'worker_record', now, db: database }));
  }
  if (options.profileId && (problem.code === 'data_deleted' || problem.code === 'blocked_by_recipient')) {
    const rule = problem.code === 'blocked_by_recipient' ? 'R-BLOCK-2' : String(problem.problem?.['rule'] ?? 'R-RET-1');
    return totalDeleted(
      await deleteJobseekerData({ profileId: options.profileId }, { account, rule, cause: 'worker_record', now, db: database }),
    );
  }
  return 0;
}
