/**
 * The agency's side of the job-offer service across the offer shards (R-JOB-1 … R-JOB-3): search,
 * open, and whether held copies are still open. Quotes, additions and change reports against its
 * job desk are in job-offer-quotes.ts, orders and the R-REP-1 tally in job-orders.ts.
 */
import { PREFECTURE_CODES } from '../../shared/data/prefectures';
import { jstDate } from '../../shared/rules';
import {
  OFFER_CLOSE_REASON_LABELS,
  type JobOffer,
  type JobOfferDetail,
  type JobOfferPage,
  type JobOfferQuery,
  type JobOfferStatusList,
  type OfferCloseReason,
} from '../../shared/schemas/job-offer';
import { decodeCursor, encodeCursor } from '../lib/feed';
import { homeOf, jobDesk, offerShard, offerSummary } from '../lib/job-offers';
import { ApiError } from '../lib/problem';
import { matchExpression } from '../lib/search-text';
import type { OfferHit, OfferShardQuery, StoredOffer } from '../objects/job-offer-shard';

/**
 * R-JOB-1: searches the shards of the asked prefectures (all 47 for a nationwide query), merging
 * their first pages in the stable order (newest update, then offer number).
 */
export async function searchOffers(env: Env, q: JobOfferQuery, now: Date): Promise<JobOfferPage> {
  const match = q.q ? matchExpression(q.q) : null;
  const shardQuery: OfferShardQuery = {
    occupations: q.occupation,
    industries: q.industry,
    municipalities: q.municipality,
    employmentTypes: q.employmentType,
    wageUnit: q.wageUnit,
    wageMin: q.wageMin,
    wageMax: q.wageMax,
    hoursMin: q.hoursMin,
    hoursMax: q.hoursMax,
    match: match ?? undefined,
    today: jstDate(now),
    after: q.cursor ? decodeCursor(q.cursor) : undefined,
    limit: q.limit + 1,
  };
  const prefs = q.prefecture?.length
    ? q.prefecture
    : q.municipality?.length
      ? [...new Set(q.municipality.map((m) => m.slice(0, 2)))]
      : [...PREFECTURE_CODES];
  const pages = await Promise.all(prefs.map((p) => offerShard(env, p).search(shardQuery)));
  const merged: OfferHit[] = pages
    .flat()
    .sort((a, b) => b.updatedAt - a.updatedAt || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
  const page = merged.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((h) => offerSummary(h.doc, h.version)),
    nextCursor: merged.length > q.limit && last ? encodeCursor({ updatedAt: last.updatedAt, id: last.number }) : null,
  };
}

/** R-JOB-3: the 410 for a closed offer, with why it closed. */
export function closedProblem(reason: OfferCloseReason | null): ApiError {
  return new ApiError(
    'offer_closed',
    `${reason ? OFFER_CLOSE_REASON_LABELS[reason] : '求人は終了しました'}。終了した求人は提供できません。`,
    { closedReason: reason },
    { status: 410, title: 'この求人は終了しました' },
  );
}

/** The latest version of one offer, open or not (null when the number is unknown). */
export async function findOffer(env: Env, number: string, now: Date): Promise<StoredOffer | null> {
  return offerShard(env, homeOf(number)).offer(number, jstDate(now), now.getTime());
}

/**
 * R-JOB-3: whether offers an extension holds copies of are still open (closing lapsed ones first).
 *
 * @example await offerStatuses(env, ['13010-12345678'], now); // [{ offerNumber, status: 'open', … }]
 */
export async function offerStatuses(env: Env, numbers: string[], now: Date): Promise<JobOfferStatusList['items']> {
  const byHome = new Map<string, string[]>();
  for (const n of new Set(numbers)) byHome.set(homeOf(n), [...(byHome.get(homeOf(n)) ?? []), n]);
  const today = jstDate(now);
  const states = (
    await Promise.all(
      [...byHome].map(([home, list]) =>
        offerShard(env, home).states(
          list.map((number) => ({ number, hashes: [] })),
          today,
          now.getTime(),
        ),
      ),
    )
  ).flat();
  return states.map((s) => ({ offerNumber: s.number, status: s.status, version: s.version, hash: s.hash, closedReason: s.closedReason }));
}

/**
 * R-JOB-2: one open offer, latest version, with its hash. A closed offer answers 410 without content.
 */
export async function openOffer(env: Env, number: string, now: Date): Promise<JobOfferDetail> {
  const found = await findOffer(env, number, now);
  if (!found)
    throw new ApiError(
      'offer_not_found',
      `求人番号 ${number} の求人は提供されていません。`,
      {},
      { status: 404, title: '求人が見つかりません' },
    );
  if (found.status === 'closed') throw closedProblem(found.closedReason);
  return {
    offer: JSON.parse(found.doc) as JobOffer,
    version: found.version,
    hash: found.hash,
    status: 'open',
    closedReason: null,
    updatedAt: new Date(found.updatedAt).toISOString(),
  };
}
