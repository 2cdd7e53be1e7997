/**
 * How a jobseeker ends an agency's access (R-BLOCK-1..3, R-DEL-1, R-DEL-2): blocks, and requests
 * to delete their data with the notices that follow.
 */
import { z } from 'zod';
import { IdSchema, InstantSchema } from './common';

/**
 * An agency the jobseeker blocked (R-BLOCK-1): nothing from it reaches them and they are hidden
 * from its searches (R-FEED-4) until they lift the block (R-BLOCK-3).
 *
 * @example
 * BlockSchema.parse({ agencyId: 'A7K3M9X2QAB', agencyName: '株式会社みらい人材', blockedAt: '2026-04-01T03:00:00.000Z', agencyDeletedAt: null });
 */
export const BlockSchema = z.object({
  agencyId: IdSchema,
  agencyName: z.string(),
  blockedAt: InstantSchema,
  /** When the agency's extension confirmed it deleted the jobseeker's data (R-BLOCK-2); `null` until then. */
  agencyDeletedAt: InstantSchema.nullable(),
});
export type Block = z.infer<typeof BlockSchema>;

/** `GET /v1/seeker/blocks`: every agency the jobseeker blocks, newest first. */
export const BlockListSchema = z.object({ items: z.array(BlockSchema) });
export type BlockList = z.infer<typeof BlockListSchema>;

/**
 * `POST /v1/seeker/deletion-requests`: ask one agency to delete the jobseeker's data (R-DEL-1).
 *
 * @example
 * DeletionRequestCreateSchema.parse({ agencyId: 'A7K3M9X2QAB' });
 */
export const DeletionRequestCreateSchema = z.strictObject({
  agencyId: IdSchema,
});
export type DeletionRequestCreate = z.infer<typeof DeletionRequestCreateSchema>;

/**
 * One of the notices a deletion request brings the jobseeker (R-DEL-2), in the order they came:
 * the agency's server-side access removed (at once), its extension's copy confirmed deleted, or
 * not confirmed within 24 hours; `nothing_held` when the agency held nothing.
 *
 * @example
 * DeletionNoticeSchema.parse({ kind: 'server_access_removed', at: '2026-04-01T03:00:00.000Z', text: '…' });
 */
export const DeletionNoticeSchema = z.object({
  kind: z.enum(['server_access_removed', 'nothing_held', 'agency_confirmed', 'not_confirmed']),
  at: InstantSchema,
  text: z.string(),
});
export type DeletionNotice = z.infer<typeof DeletionNoticeSchema>;

/**
 * A deletion request and what became of it (R-DEL-1, R-DEL-2): `requested` until the agency's
 * extension confirms; `deleted` once both copies are gone (or the agency held nothing).
 * `serverDeletedAt` is when the worker removed the agency's access, `agencyDeletedAt` when the
 * agency's extension confirmed deleting its copy; `notice` is the text the jobseeker was sent.
 *
 * @example
 * DeletionRequestSchema.parse({
 *   id: 'D01', agencyId: 'A7K3M9X2QAB', agencyName: '株式会社みらい人材', state: 'requested', agencyHeldData: true,
 *   requestedAt: '2026-04-01T03:00:00.000Z', serverDeletedAt: '2026-04-01T03:00:00.000Z', agencyDeletedAt: null, completedAt: null, notice: null,
 * });
 */
export const DeletionRequestSchema = z.object({
  id: IdSchema,
  agencyId: IdSchema,
  agencyName: z.string(),
  state: z.enum(['requested', 'deleted']),
  agencyHeldData: z.boolean(),
  requestedAt: InstantSchema,
  serverDeletedAt: InstantSchema.nullable(),
  agencyDeletedAt: InstantSchema.nullable(),
  completedAt: InstantSchema.nullable(),
  notice: z.string().nullable(),
  /** R-DEL-2: every notice the jobseeker received about this request, oldest first. */
  notices: z.array(DeletionNoticeSchema).optional(),
});
export type DeletionRequest = z.infer<typeof DeletionRequestSchema>;

/** `GET /v1/seeker/deletion-requests`: newest first. */
export const DeletionRequestListSchema = z.object({ items: z.array(DeletionRequestSchema) });
export type DeletionRequestList = z.infer<typeof DeletionRequestListSchema>;
