/**
 * The shapes the worker and a job-offer shard exchange (R-JOB-1): an offer as a shard stores it, and
 * as its home shard receives it in a load. They live below the objects so `lib/` can build them
 * without importing an object's module.
 */

/** One offer as stored in a shard: the 求人票 (JSON) plus the columns search filters on. */
export type OfferRow = {
  number: string;
  /** This shard is the prefecture of the offer number: it keeps versions and snapshot marks. */
  home: boolean;
  /** The workplace is in this shard's prefecture: it shows in this shard's searches. */
  listed: boolean;
  version: number;
  hash: string;
  doc: string;
  updatedAt: number;
  validUntil: string;
  introductionDeadline: string;
  workplacePrefecture: string;
  occupation: string;
  industry: string;
  municipality: string | null;
  employmentType: string;
  wageUnit: string;
  wageMin: number;
  wageMax: number;
  hoursPerWeek: number | null;
  /** Text indexed for keywords. */
  text: string;
};

/** One offer of a load, as the home shard receives it (version and time are the shard's to set). */
export type HomeLoadRow = Omit<OfferRow, 'home' | 'version' | 'updatedAt'>;
