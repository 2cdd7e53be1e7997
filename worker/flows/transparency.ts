import type { PrefectureCode } from '../../shared/data/prefectures';
import { jstDate } from '../../shared/rules';
import type { DataHolder, DataHolders, DeletionCompliance, DeletionRequest } from '../../shared/schemas';
import { faultPoint } from '../lib/faults';
import { agencyStub, registryStub, seekerStub, shardStub } from '../lib/stubs';
import type { DeletionComplianceFigures, HolderView } from '../objects/agency';

/** A deletion not confirmed by the agency's extension this long after it was required is overdue. */
export const DELETION_CONFIRM_HOURS = 24;
/** Agency objects asked at once by a fan-out. */
const FAN_OUT = 50;

/** Runs `work` over `items` in parallel batches of FAN_OUT, keeping the order. */
async function inBatches<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += FAN_OUT) out.push(...(await Promise.all(items.slice(i, i + FAN_OUT).map(work))));
  return out;
}

/** The jobseeker's latest deletion request to each agency. */
function latestRequests(requests: DeletionRequest[]): Map<string, DeletionRequest> {
  const byAgency = new Map<string, DeletionRequest>();
  for (const r of requests) {
    const prior = byAgency.get(r.agencyId);
    if (!prior || r.requestedAt > prior.requestedAt) byAgency.set(r.agencyId, r);
  }
  return byAgency;
}

type Acquirer = { agencyId: string; firstAcquiredOn: string | null; pointer: boolean; since?: number };

/**
 * R-RET-1: the home shard's pointers, and the agencies that wrote to the jobseeker whose pointer
 * has not reached the shard yet (a first contact's goes after the send answered), oldest first.
 */
function withWriters(
  pointers: Array<{ agencyId: string; firstAcquiredOn: string }>,
  writers: Array<{ agencyId: string; since: number }>,
): Acquirer[] {
  const known = new Set(pointers.map((p) => p.agencyId));
  const pending = writers
    .filter((w) => !known.has(w.agencyId))
    .map((w) => ({ agencyId: w.agencyId, firstAcquiredOn: null, pointer: false, since: w.since }));
  return [...pointers.map((p) => ({ ...p, pointer: true })), ...pending];
}

/**
 * Who holds or held a jobseeker's data (R-RET-*, R-DEL-*, R-BLOCK-2): the home shard names every
 * agency that ever acquired the profile, and the jobseeker's object those that wrote to them (whose
 * pointer may still be on its way, R-RET-1) with blocks and deletion requests,
 * and each agency's object tells what it holds now. Only reads: when an object fails, the answer
 * fails as a whole (never a list that silently leaves an agency out) and the retry answers in full.
 *
 * @example const holders = await dataHolders(env, '13-7K3QM2XPA9', now);
 */
export async function dataHolders(env: Env, profileId: string, now: number): Promise<DataHolders> {
  const seeker = seekerStub(env, profileId);
  faultPoint(env, 'data-holders.read');
  const [pointers, writers, blocks, requests] = await Promise.all([
    shardStub(env, profileId.slice(0, 2)).acquirersOf(profileId),
    seeker.conversationAgencies(),
    seeker.blocks(),
    seeker.deletionRequests(),
  ]);
  const acquirers = withWriters(pointers, writers);
  const views = await inBatches(acquirers, (a) => {
    faultPoint(env, `data-holders.agency:${a.agencyId}`);
    return agencyStub(env, a.agencyId).holderView(profileId, now) as Promise<HolderView | null>;
  });
  const requestOf = latestRequests(requests as DeletionRequest[]);
  const items: DataHolder[] = [];
  acquirers.forEach((a, i) => {
    const view = views[i];
    // An agency known only from its conversation is listed once its object says it acquired the
    // profile (a first contact refused at completion acquired nothing).
    if (!view || (a.pointer === false && !view.acquisition && !view.copy.rule)) return;
    const block = blocks.find((b) => b.agencyId === a.agencyId);
    const request = requestOf.get(a.agencyId);
    items.push({
      agencyId: view.agencyId,
      agencyName: view.agencyName,
      agencyStatus: view.agencyStatus,
      firstAcquiredOn: a.firstAcquiredOn ?? view.acquisition?.acquiredOn ?? jstDate(new Date(a.since ?? now)),
      acquiredOn: view.acquisition?.acquiredOn ?? null,
      acceptedOn: view.acquisition?.acceptedOn ?? null,
      retentionDeadline: view.acquisition?.retentionDeadline ?? null,
      copy: view.copy,
      block: block ? { blockedAt: block.blockedAt, agencyDeletedAt: block.agencyDeletedAt } : null,
      deletionRequest: request
        ? {
            id: request.id,
            state: request.state,
            requestedAt: request.requestedAt,
            serverDeletedAt: request.serverDeletedAt,
            agencyDeletedAt: request.agencyDeletedAt,
            completedAt: request.completedAt,
          }
        : null,
    });
  });
  return { profileId, asOf: new Date(now).toISOString(), items };
}

/**
 * Who deletes on time (R-BLOCK-2, R-DEL-*, R-RET-*): every agency registered in the prefecture (or
 * nationwide) reports the deletions it was required to make and when its extension confirmed them.
 * Those with overdue deletions come first. Only reads, so a failed object fails the answer and the
 * retry answers in full. The caller has already applied the officer's scope (R-SEC-2).
 *
 * @example const figures = await deletionCompliance(env, '13', now);
 */
export async function deletionCompliance(env: Env, prefecture: PrefectureCode | null, now: number): Promise<DeletionCompliance> {
  faultPoint(env, 'deletion-compliance.registry');
  const agencies = await registryStub(env).agenciesInScope(prefecture);
  const figures = await inBatches(agencies, (a) => {
    faultPoint(env, `deletion-compliance.agency:${a.id}`);
    return agencyStub(env, a.id).deletionCompliance(now, DELETION_CONFIRM_HOURS * 3600_000) as Promise<DeletionComplianceFigures | null>;
  });
  // Those an officer must act on first; otherwise the registry's order (prefecture, ID): the sort is stable.
  const items = figures.filter((f): f is DeletionComplianceFigures => f !== null).sort((x, y) => y.overdueCount - x.overdueCount);
  const totals = {
    agencies: items.length,
    required: items.reduce((n, f) => n + f.required.total, 0),
    confirmed: items.reduce((n, f) => n + f.confirmed, 0),
    overdue: items.reduce((n, f) => n + f.overdueCount, 0),
  };
  return { asOf: new Date(now).toISOString(), prefecture, overdueAfterHours: DELETION_CONFIRM_HOURS, totals, items };
}
