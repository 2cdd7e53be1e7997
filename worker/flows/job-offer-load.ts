/**
 * The bureau's side of the job-offer service (R-JOB-1, R-JOB-3): NDJSON loads (versions, snapshots
 * that close what they lack), closing one offer, and closing offers whose dates passed.
 */
import { PREFECTURE_CODES } from '../../shared/data/prefectures';
import { jstDate } from '../../shared/rules';
import { closedByDate, offerHash } from '../../shared/rules/job-offers';
import {
  JobOfferSchema,
  type JobOffer,
  type JobOfferLoadQuery,
  type JobOfferLoadResponse,
  type JobOfferLoadResult,
} from '../../shared/schemas/job-offer';
import { randomBase32 } from '../lib/crypto';
import { homeLoadRow, homeOf, listingRow, offerShard } from '../lib/job-offers';
import { ApiError } from '../lib/problem';
import type { HomeLoadRow } from '../objects/job-offer-shard';

/** Rows one load may hold; larger snapshots are sent in parts sharing a snapshotId. */
export const MAX_OFFERS_PER_LOAD = 5000;
/** Rows sent to a shard in one call (one transaction there). */
const SHARD_BATCH = 500;

type Accepted = { line: number; offer: JobOffer; row: HomeLoadRow };

/** Parses and checks each line on its own (R-SEC-3): a bad line is refused with field and reason, the others load. */
async function parseLines(
  body: string,
  today: string,
  scope: string | null,
  snapshot: string | undefined,
): Promise<{ accepted: Accepted[]; refused: JobOfferLoadResult[] }> {
  const lines = body.split(/\r?\n/);
  if (lines.filter((l) => l.trim()).length > MAX_OFFERS_PER_LOAD) {
    throw new ApiError(
      'too_many_rows',
      `1回に読み込めるのは${MAX_OFFERS_PER_LOAD}行までです。スナップショットは snapshotId を揃えて分けて送ってください。`,
      {},
      { status: 413, title: '行数が多すぎます' },
    );
  }
  const accepted: Accepted[] = [];
  const refused: JobOfferLoadResult[] = [];
  const seen = new Set<string>();
  for (const [index, text] of lines.entries()) {
    if (!text.trim()) continue;
    const line = index + 1;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      refused.push({ line, ok: false, errors: [{ field: '', code: 'malformed_json', reason: 'この行は JSON として読めません。' }] });
      continue;
    }
    const parsed = JobOfferSchema.safeParse(value);
    const number =
      typeof (value as { offerNumber?: unknown })?.offerNumber === 'string'
        ? String((value as { offerNumber: string }).offerNumber).slice(0, 20)
        : undefined;
    if (!parsed.success) {
      refused.push({
        line,
        ok: false,
        ...(number ? { offerNumber: number } : {}),
        errors: parsed.error.issues.map((i) => ({ field: i.path.join('.'), code: 'invalid_field', reason: i.message })),
      });
      continue;
    }
    const offer = parsed.data;
    const errors: NonNullable<JobOfferLoadResult['errors']> = [];
    if (scope && homeOf(offer.offerNumber) !== scope)
      errors.push({ field: 'offerNumber', code: 'out_of_scope', reason: '管轄外の安定所が受理した求人は読み込めません。' });
    if (snapshot && !offer.offerNumber.startsWith(snapshot))
      errors.push({ field: 'offerNumber', code: 'outside_snapshot', reason: `この読込みは ${snapshot} の安定所のスナップショットです。` });
    if (seen.has(offer.offerNumber))
      errors.push({ field: 'offerNumber', code: 'duplicate_in_load', reason: '同じ求人番号の行がこのファイル内にすでにあります。' });
    if (closedByDate(offer, today))
      errors.push({
        field: 'introductionDeadline',
        code: 'offer_past_dates',
        reason: '紹介期限日または求人有効年月日を過ぎた求人は読み込めません。',
      });
    if (errors.length) {
      refused.push({ line, ok: false, offerNumber: offer.offerNumber, errors });
      continue;
    }
    seen.add(offer.offerNumber);
    accepted.push({ line, offer, row: homeLoadRow(offer, await offerHash(offer)) });
  }
  return { accepted, refused };
}

/**
 * Loads the bureau's NDJSON of offers (R-JOB-1): each line on its own; a number loaded again is a
 * new version when its hash changed; a complete snapshot closes the open offers of its offices
 * that it lacked (with their listings in other prefectures).
 *
 * @example await loadJobOffers(env, ndjson, now, '13', { snapshot: '13010', complete: true });
 */
export async function loadJobOffers(
  env: Env,
  body: string,
  now: Date,
  scope: string | null,
  q: JobOfferLoadQuery,
): Promise<JobOfferLoadResponse> {
  if (q.snapshot && scope && q.snapshot.slice(0, 2) !== scope)
    throw new ApiError('out_of_scope', '管轄外の安定所のスナップショットは読み込めません。', {}, { status: 403, title: '管轄外です' });
  if (q.snapshotId && !q.snapshot)
    throw new ApiError(
      'snapshot_required',
      'snapshotId を使うときは snapshot（都道府県2桁または安定所5桁）も指定してください。',
      {},
      { status: 400, title: 'スナップショットの範囲がありません' },
    );
  const { accepted, refused } = await parseLines(body, jstDate(now), scope, q.snapshot);
  const snapshotId = q.snapshot ? (q.snapshotId ?? `s${randomBase32(12)}`) : null;
  const results: JobOfferLoadResult[] = [...refused];

  const byHome = new Map<string, Accepted[]>();
  for (const a of accepted) byHome.set(homeOf(a.offer.offerNumber), [...(byHome.get(homeOf(a.offer.offerNumber)) ?? []), a]);
  const listings = new Map<string, ReturnType<typeof listingRow>[]>();
  const moved = new Map<string, string[]>();
  await Promise.all(
    [...byHome].map(async ([home, items]) => {
      for (let i = 0; i < items.length; i += SHARD_BATCH) {
        const batch = items.slice(i, i + SHARD_BATCH);
        const outcomes = await offerShard(env, home).loadHome(
          batch.map((a) => a.row),
          now.getTime(),
          snapshotId,
        );
        outcomes.forEach((o, k) => {
          const a = batch[k]!;
          results.push({ line: a.line, ok: true, offerNumber: o.number, action: o.action, version: o.version, changed: o.changed });
          const workplace = a.offer.workplace.prefecture;
          if (workplace !== home && o.action !== 'unchanged')
            listings.set(workplace, [...(listings.get(workplace) ?? []), listingRow(a.row, o.version, o.updatedAt)]);
          if (o.previousWorkplace && o.previousWorkplace !== workplace && o.previousWorkplace !== home)
            moved.set(o.previousWorkplace, [...(moved.get(o.previousWorkplace) ?? []), o.number]);
        });
      }
    }),
  );
  await Promise.all([
    ...[...listings].map(([pref, rows]) => offerShard(env, pref).putListings(rows)),
    ...[...moved].map(([pref, numbers]) => offerShard(env, pref).removeListings(numbers)),
  ]);

  let closed = 0;
  if (q.snapshot && snapshotId && q.complete) {
    const gone = await offerShard(env, q.snapshot.slice(0, 2)).closeMissing(q.snapshot, snapshotId, now.getTime());
    closed = gone.length;
    await Promise.all(
      gone
        .filter((g) => g.workplacePrefecture !== homeOf(g.number))
        .map((g) => offerShard(env, g.workplacePrefecture).close(g.number, 'missing_from_snapshot', now.getTime())),
    );
  }
  results.sort((x, y) => x.line - y.line);
  const loaded = results.filter((r) => r.ok).length;
  return { loaded, refused: results.length - loaded, closed, results };
}

/**
 * The bureau closes one offer (R-JOB-1, R-JOB-3), in its home shard and its listing.
 *
 * @example await closeJobOffer(env, '13010-12345678', now); // true
 */
export async function closeJobOffer(env: Env, number: string, now: Date): Promise<'closed' | 'already_closed' | 'not_found'> {
  const home = offerShard(env, homeOf(number));
  const closed = await home.close(number, 'closed_by_bureau', now.getTime());
  if (!closed) return (await home.offer(number, jstDate(now), now.getTime())) ? 'already_closed' : 'not_found';
  if (closed.workplacePrefecture !== homeOf(number))
    await offerShard(env, closed.workplacePrefecture).close(number, 'closed_by_bureau', now.getTime());
  return 'closed';
}

/**
 * Scheduled work (R-JOB-1): every shard closes the offers whose dates passed. Searches and quotes
 * already treat them as closed before this runs.
 */
export async function closeLapsedOffers(env: Env, now: Date): Promise<number> {
  const today = jstDate(now);
  const counts = await Promise.all(PREFECTURE_CODES.map((p) => offerShard(env, p).closeLapsed(today, now.getTime())));
  return counts.reduce((n, c) => n + c.closed, 0);
}
