/**
 * Transparency (R-RET-*, R-DEL-*, R-BLOCK-2): the jobseeker sees which agencies hold their data and what became of it
 * (`GET /v1/seeker/data-holders`); the bureau sees which agencies delete on time
 * (`GET /v1/admin/deletion-compliance`). Both are read from the records the worker keeps for the
 * rules themselves (acquisitions, the extension's events and their acknowledgements, blocks and
 * deletion requests); plain Japanese wording is the extension's job.
 */
import { z } from 'zod';
import { IdSchema, InstantSchema, IsoDateSchema, PrefectureCodeSchema } from './common';
import { AcceptanceRefusalSchema } from './acquisition';
import { AgencyStatusSchema } from './agency';
import { RuleIdSchema } from './event';
import { ProfileIdSchema } from './profile-id';

/**
 * What became of the agency's copy: `held` while it may keep it; `deleted` with the rule that
 * deleted it (R-RET-1/2 retention, R-BLOCK-2 block, R-DEL-1 request, R-RET-3 the agency stopped),
 * when the worker removed the agency's access, and when its extension confirmed it deleted the copy
 * it kept (`null` until then).
 *
 * @example
 * DataHolderCopySchema.parse({ state: 'deleted', rule: 'R-RET-1', deletedAt: '2027-02-01T01:00:00.000Z', extensionDeletedAt: null });
 */
export const DataHolderCopySchema = z.object({
  state: z.enum(['held', 'deleted']),
  rule: RuleIdSchema.nullable(),
  deletedAt: InstantSchema.nullable(),
  extensionDeletedAt: InstantSchema.nullable(),
});
export type DataHolderCopy = z.infer<typeof DataHolderCopySchema>;

/**
 * One agency that acquired the jobseeker's profile (opened it or wrote to them, R-RET-1).
 * `acquiredOn`, `acceptedOn` (求職受理, R-RET-2) and `retentionDeadline` are those of the current
 * acquisition; after a lifted block removed it (R-BLOCK-3) they are `null` and `firstAcquiredOn`
 * remains. `block` and `deletionRequest` are the jobseeker's own (the latest request).
 *
 * @example
 * DataHolderSchema.parse({
 *   agencyId: 'A7K3M9X2QAB', agencyName: '株式会社みらい人材', agencyStatus: 'active', firstAcquiredOn: '2026-11-27',
 *   acquiredOn: '2026-11-27', acceptedOn: null, retentionDeadline: '2027-01-31',
 *   copy: { state: 'held', rule: null, deletedAt: null, extensionDeletedAt: null }, block: null, deletionRequest: null,
 * });
 */
export const DataHolderSchema = z.object({
  agencyId: IdSchema,
  agencyName: z.string(),
  agencyStatus: AgencyStatusSchema,
  firstAcquiredOn: IsoDateSchema,
  acquiredOn: IsoDateSchema.nullable(),
  acceptedOn: IsoDateSchema.nullable(),
  retentionDeadline: IsoDateSchema.nullable(),
  copy: DataHolderCopySchema,
  block: z.object({ blockedAt: InstantSchema, agencyDeletedAt: InstantSchema.nullable() }).nullable(),
  deletionRequest: z
    .object({
      id: IdSchema,
      state: z.enum(['requested', 'deleted']),
      requestedAt: InstantSchema,
      serverDeletedAt: InstantSchema.nullable(),
      agencyDeletedAt: InstantSchema.nullable(),
      completedAt: InstantSchema.nullable(),
    })
    .nullable(),
});
export type DataHolder = z.infer<typeof DataHolderSchema>;

/**
 * `GET /v1/seeker/data-holders`: every agency that acquired the signed-in jobseeker's profile,
 * first acquired first, as of `asOf` (the worker's "now").
 *
 * @example
 * DataHoldersSchema.parse({ profileId: '13-7K3QM2XPA9', asOf: '2026-11-27T01:00:00.000Z', items: [] });
 */
export const DataHoldersSchema = z.object({
  profileId: ProfileIdSchema,
  asOf: InstantSchema,
  items: z.array(DataHolderSchema),
});
export type DataHolders = z.infer<typeof DataHoldersSchema>;

/** The events that require an agency's extension to delete jobseeker data (`status_changed` only when it purged data, R-RET-3). */
export const RequiredDeletionKindSchema = z.enum(['block', 'deletion_request', 'retention_expired', 'status_changed']);
export type RequiredDeletionKind = z.infer<typeof RequiredDeletionKindSchema>;

/**
 * `GET /v1/admin/deletion-compliance` query: a prefecture, which a bureau officer may set only to
 * its own (R-SEC-2); the ministry sees every prefecture without it.
 *
 * @example
 * DeletionComplianceQuerySchema.parse({ prefecture: '13' });
 */
export const DeletionComplianceQuerySchema = z.strictObject({
  prefecture: PrefectureCodeSchema.optional(),
});
export type DeletionComplianceQuery = z.infer<typeof DeletionComplianceQuerySchema>;

/**
 * A deletion the agency's extension has not confirmed although the threshold passed.
 *
 * @example
 * OverdueDeletionSchema.parse({ eventId: 'E1', kind: 'block', rule: 'R-BLOCK-2', profileId: '13-7K3QM2XPA9', createdAt: '2026-11-27T01:00:00.000Z', ageSeconds: 86460 });
 */
export const OverdueDeletionSchema = z.object({
  eventId: IdSchema,
  kind: RequiredDeletionKindSchema,
  rule: RuleIdSchema,
  /** `null` for a status change, which covers all the agency's jobseeker data. */
  profileId: ProfileIdSchema.nullable(),
  createdAt: InstantSchema,
  ageSeconds: z.number().int().min(0),
});
export type OverdueDeletion = z.infer<typeof OverdueDeletionSchema>;

/**
 * One agency's deletion figures: the deletions required per kind, how many its extension
 * confirmed (and how many of those only after the threshold), the median and worst seconds from
 * the event to the confirmation (`null` when none), and the overdue ones, oldest first (at most
 * 100 listed; `overdueCount` counts all).
 *
 * @example
 * AgencyDeletionComplianceSchema.parse({
 *   agencyId: 'A7K3M9X2QAB', agencyName: '株式会社みらい人材', prefecture: '13', status: 'active',
 *   required: { block: 1, deletion_request: 0, retention_expired: 2, status_changed: 0, total: 3 },
 *   confirmed: 2, confirmedLate: 0, unconfirmed: 1, medianSecondsToConfirm: 90, worstSecondsToConfirm: 120, overdueCount: 0, overdue: [],
 *   acceptanceRefusals: { count: 0, latest: [] },
 * });
 */
export const AgencyDeletionComplianceSchema = z.object({
  agencyId: IdSchema,
  agencyName: z.string(),
  prefecture: PrefectureCodeSchema,
  status: AgencyStatusSchema,
  required: z.object({
    block: z.number().int().min(0),
    deletion_request: z.number().int().min(0),
    retention_expired: z.number().int().min(0),
    status_changed: z.number().int().min(0),
    total: z.number().int().min(0),
  }),
  confirmed: z.number().int().min(0),
  confirmedLate: z.number().int().min(0),
  unconfirmed: z.number().int().min(0),
  medianSecondsToConfirm: z.number().int().min(0).nullable(),
  worstSecondsToConfirm: z.number().int().min(0).nullable(),
  overdueCount: z.number().int().min(0),
  overdue: z.array(OverdueDeletionSchema),
  /** R-APP-5: applications the agency refused to accept, with their reasons; the latest 20 listed, `count` counts all. */
  acceptanceRefusals: z.object({ count: z.number().int().min(0), latest: z.array(AcceptanceRefusalSchema) }),
});
export type AgencyDeletionCompliance = z.infer<typeof AgencyDeletionComplianceSchema>;

/**
 * `GET /v1/admin/deletion-compliance`: every agency in the officer's scope, those with overdue
 * deletions first, as of `asOf`; a deletion is overdue once `overdueAfterHours` have passed
 * without its confirmation.
 *
 * @example
 * DeletionComplianceSchema.parse({ asOf: '2026-11-28T01:00:00.000Z', prefecture: '13', overdueAfterHours: 24, totals: { agencies: 0, required: 0, confirmed: 0, overdue: 0 }, items: [] });
 */
export const DeletionComplianceSchema = z.object({
  asOf: InstantSchema,
  prefecture: PrefectureCodeSchema.nullable(),
  overdueAfterHours: z.number().int().min(1),
  totals: z.object({
    agencies: z.number().int().min(0),
    required: z.number().int().min(0),
    confirmed: z.number().int().min(0),
    overdue: z.number().int().min(0),
  }),
  items: z.array(AgencyDeletionComplianceSchema),
});
export type DeletionCompliance = z.infer<typeof DeletionComplianceSchema>;
