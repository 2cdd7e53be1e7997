/**
 * The shapes the worker and a feed shard exchange (R-FEED-1, R-FEED-3, R-FEED-6): a profile as the
 * shard stores it, a search inside one shard and its hits. They live below the objects so `lib/`
 * can build them without importing an object's module.
 */

/** One profile as stored in a shard: the public document plus the columns search filters on. */
export type ShardRow = {
  id: string;
  /** This shard's prefecture is among the profile's areas (it shows in this shard's searches). */
  listed: boolean;
  /** This shard is the profile's home: it keeps the canonical row and the activation code. */
  home: boolean;
  updatedAt: number;
  /** The profile as agencies see it (JSON): never holds hwRef or activation data. */
  doc: string;
  hwRef: string | null;
  activationHash: string | null;
  activationExpiresAt: number | null;
  employmentTypes: string[];
  wageUnit: string;
  wageMin: number;
  wageMax: number;
  hoursPerWeek: number | null;
  ageBand: string;
  education: string;
  /** Multi-valued filters: ['occ', '05'], ['ind', 'P'], ['muni', '13101'], ['qual', '介護福祉士'], ['exp', '05']. */
  terms: Array<[string, string]>;
  experience: Array<[string, number]>;
  /** Text indexed for keywords. */
  text: string;
  /** A profile loaded for the first time: no earlier row to replace. */
  created?: boolean;
  /** R-FEED-6: the last JST day (YYYY-MM-DD) the registration is valid; null only for rows loaded before the rule. */
  validUntil: string | null;
  /**
   * R-FEED-4: the agencies this profile is hidden from (agency ID, reason), read from its home
   * shard. They belong to the profile, not to one row: every write carries them, so a shard the
   * profile enters (or re-enters) hides it from the same agencies. Absent: leave them as they are.
   */
  exclusions?: Array<{ agencyId: string; reason: string }>;
};

/** A search inside one shard; lists are ORed within a field, fields are ANDed. */
export type ShardQuery = {
  agencyId: string;
  occupations?: string[];
  industries?: string[];
  municipalities?: string[];
  employmentTypes?: string[];
  wageUnit?: string;
  wageMin?: number;
  wageMax?: number;
  hoursMin?: number;
  hoursMax?: number;
  qualifications?: string[];
  experienceOccupation?: string;
  experienceYearsMin?: number;
  educations?: string[];
  /** FTS5 expression from `matchExpression`. */
  match?: string;
  after?: { updatedAt: number; id: string };
  /** R-FEED-6: today's JST date; a profile whose registration lapsed before it is not found, even before the sweep removes it. */
  today?: string;
  limit: number;
};

export type ShardHit = { id: string; updatedAt: number; doc: string };

/**
 * Which of this shard's matches a count across shards leaves to another shard, so a profile listed
 * in several prefectures counts once: the one listed in a lower-coded prefecture among those searched
 * counts there. `below`: every prefecture is searched (nationwide); `among`: the searched ones below this shard.
 */
export type CountedElsewhere = { below: string } | { among: string[] };
