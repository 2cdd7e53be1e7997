/**
 * Closing offers (R-JOB-1, R-JOB-3): by the bureau, by a full snapshot that lacks them, and by their
 * own dates (求人有効年月日, 紹介期限日).
 */
import { closedByDate } from '../../../shared/rules/job-offers';
import type { OfferCloseReason } from '../../../shared/schemas/job-offer';
import type { OfferSqlRunner } from './sql';

/** A closed offer and the shard its workplace listing lives in. */
export type ClosedOffer = { number: string; workplacePrefecture: string };

/** Closes one offer in this shard; null when it is not here or already closed. */
export function closeOffer(db: OfferSqlRunner, number: string, reason: OfferCloseReason, now: number): ClosedOffer | null {
  const row = db.all<{ workplace_pref: string }>(
    "UPDATE offers SET status = 'closed', closed_reason = ?, closed_at = ? WHERE number = ? AND status = 'open' RETURNING workplace_pref",
    reason,
    now,
    number,
  )[0];
  return row ? { number, workplacePrefecture: row.workplace_pref } : null;
}

/**
 * A full snapshot of the offices under `prefix` was loaded with `snapshotId`: their open offers
 * that it did not hold have ended.
 */
export function closeMissing(db: OfferSqlRunner, prefix: string, snapshotId: string, now: number): ClosedOffer[] {
  return db
    .all<{ number: string; workplace_pref: string }>(
      `UPDATE offers SET status = 'closed', closed_reason = 'missing_from_snapshot', closed_at = ?
     WHERE home = 1 AND status = 'open' AND substr(number, 1, ?) = ? AND (snapshot_id IS NULL OR snapshot_id <> ?)
     RETURNING number, workplace_pref`,
      now,
      prefix.length,
      prefix,
      snapshotId,
    )
    .map((r) => ({ number: r.number, workplacePrefecture: r.workplace_pref }));
}

/**
 * Closes every open offer of this shard whose dates have passed on `today` (JST). The introduction
 * deadline is never after the valid-until date, so one indexed bound finds them all.
 */
export function closeLapsed(db: OfferSqlRunner, today: string, now: number): number {
  const rows = db.all<{ number: string; valid_until: string; intro_deadline: string }>(
    "SELECT number, valid_until, intro_deadline FROM offers WHERE status = 'open' AND intro_deadline < ?",
    today,
  );
  for (const r of rows) {
    const reason = closedByDate({ validUntil: r.valid_until, introductionDeadline: r.intro_deadline }, today);
    if (reason) closeOffer(db, r.number, reason, now);
  }
  return rows.length;
}
