/**
 * What an agency's extension must act on (`GET /v1/agency/events`): blocks, deletion requests,
 * retention expiries, status changes, report reminders, mandatory-information changes, the bureau's
 * request to submit a missing report (R-REP-3).
 * The extension deletes its copy and acknowledges (R-BLOCK-2, R-DEL-1, R-RET-*, R-REP-2).
 */
import { z } from 'zod';
import { FiscalYearSchema, IdSchema, InstantSchema, IsoDateSchema, PageLimitSchema } from './common';
import { AgencyStatusSchema, SuspensionSchema } from './agency';
import { ProfileIdSchema } from './profile-id';
import { SeatRefSchema } from './seat';

/** Event types in the order of the rules they come from. */
export const AGENCY_EVENT_TYPES = [
  'block',
  'deletion_request',
  'retention_expired',
  'status_changed',
  'report_reminder',
  'mandatory_info_changed',
  'report_request',
  'term_reminder',
  'term_ended',
] as const;

/**
 * The kind of event.
 *
 * @example
 * AgencyEventTypeSchema.parse('deletion_request');
 */
export const AgencyEventTypeSchema = z.enum(AGENCY_EVENT_TYPES);
export type AgencyEventType = z.infer<typeof AgencyEventTypeSchema>;

/**
 * A rule ID from SPEC.md, such as `R-BLOCK-2`.
 *
 * @example
 * RuleIdSchema.parse('R-RET-1');
 */
export const RuleIdSchema = z.string().regex(/^(?:R-[A-Z]+|T)-\d+$/);
export type RuleId = z.infer<typeof RuleIdSchema>;

const eventBase = {
  id: IdSchema,
  /** Increases by one per event of this agency; the extension asks for events `after` the last it saw. */
  seq: z.number().int().min(1),
  rule: RuleIdSchema,
  createdAt: InstantSchema,
  /** When the extension confirmed it acted; `null` until then. */
  ackedAt: InstantSchema.nullable(),
  /** R-ORG-2: the staff seat whose extension confirmed it (absent until then, and for events from before seats). */
  ackedBy: SeatRefSchema.optional(),
};

/**
 * One event. Events about a jobseeker name the profile (and the conversation, if any) whose data
 * the extension must delete; `details` depends on `type`.
 *
 * @example
 * AgencyEventSchema.parse({
 *   id: 'ev_01', seq: 7, type: 'block', rule: 'R-BLOCK-2', profileId: '13-7K3QM2XPA9',
 *   conversationId: 'cv_01', createdAt: '2026-04-01T03:00:00.000Z', ackedAt: null,
 *   details: { blockedAt: '2026-04-01T03:00:00.000Z' },
 * });
 */
export const AgencyEventSchema = z.discriminatedUnion('type', [
  z.object({
    ...eventBase,
    type: z.literal('block'),
    profileId: ProfileIdSchema,
    conversationId: IdSchema.optional(),
    details: z.object({ blockedAt: InstantSchema }),
  }),
  z.object({
    ...eventBase,
    type: z.literal('deletion_request'),
    profileId: ProfileIdSchema,
    conversationId: IdSchema.optional(),
    details: z.object({ requestId: IdSchema, requestedAt: InstantSchema }),
  }),
  z.object({
    ...eventBase,
    type: z.literal('retention_expired'),
    profileId: ProfileIdSchema,
    conversationId: IdSchema.optional(),
    details: z.object({
      /** The last day the data could be kept. */
      deadline: IsoDateSchema,
      /** R-RET-1: never accepted; R-RET-2: the retention year after acceptance ended; R-RET-3: the agency left the service. */
      reason: z.enum(['not_accepted', 'retention_ended', 'service_ended']),
    }),
  }),
  z.object({
    ...eventBase,
    type: z.literal('status_changed'),
    details: z.object({ status: AgencyStatusSchema, suspension: SuspensionSchema.nullable() }),
  }),
  z.object({
    ...eventBase,
    type: z.literal('report_reminder'),
    details: z.object({ fiscalYear: FiscalYearSchema, dueOn: IsoDateSchema }),
  }),
  z.object({
    ...eventBase,
    type: z.literal('mandatory_info_changed'),
    details: z.object({ version: z.number().int().min(1) }),
  }),
  z.object({
    ...eventBase,
    /** R-REP-3: the bureau's request to submit a missing report (提出依頼); suspended if still missing after `graceLastDay`. */
    type: z.literal('report_request'),
    details: z.object({ fiscalYear: FiscalYearSchema, dueOn: IsoDateSchema, graceLastDay: IsoDateSchema, bureau: z.string() }),
  }),
  z.object({
    ...eventBase,
    /** R-TERM-1: the term (or the licence) ends on `endsOn`; file the renewal (or the change) before it. */
    type: z.literal('term_reminder'),
    details: z.object({ kind: z.enum(['term', 'licence']), endsOn: IsoDateSchema }),
  }),
  z.object({
    ...eventBase,
    /** R-TERM-1, R-RET-3: the term ended without an accepted renewal; the jobseeker service stopped and its data goes. */
    type: z.literal('term_ended'),
    details: z.object({ endsOn: IsoDateSchema, purged: z.number().int().min(0) }),
  }),
]);
export type AgencyEvent = z.infer<typeof AgencyEventSchema>;

/**
 * The query string of `GET /v1/agency/events`: events with `seq` greater than `after`.
 *
 * @example
 * AgencyEventsQuerySchema.parse({ after: '6' }); // { after: 6, limit: 20 }
 */
export const AgencyEventsQuerySchema = z.strictObject({
  after: z.coerce.number().int().min(0).default(0),
  limit: PageLimitSchema,
});
export type AgencyEventsQuery = z.infer<typeof AgencyEventsQuerySchema>;

/**
 * A page of events in `seq` order; ask again with `after` set to the last `seq`.
 *
 * @example
 * AgencyEventPageSchema.parse({ items: [], lastSeq: 6 });
 */
export const AgencyEventPageSchema = z.object({
  items: z.array(AgencyEventSchema),
  /** The highest `seq` in `items`, or the `after` asked for when there are none. */
  lastSeq: z.number().int().min(0),
});
export type AgencyEventPage = z.infer<typeof AgencyEventPageSchema>;

/**
 * `POST /v1/agency/events/{id}/ack`: the extension confirms it deleted its copy, when, and how many
 * records it removed (R-DEL-2, R-RET-4). No content of what was deleted is sent.
 *
 * @example
 * EventAckSchema.parse({ deletedAt: '2026-04-01T03:00:02.000Z', deletedRecords: 3 });
 */
export const EventAckSchema = z.strictObject({
  deletedAt: InstantSchema,
  deletedRecords: z.number().int().min(0).default(0),
});
export type EventAck = z.infer<typeof EventAckSchema>;

/**
 * The answer to an acknowledgement; acknowledging twice answers the first `ackedAt`.
 *
 * @example
 * EventAckResultSchema.parse({ id: 'ev_01', ackedAt: '2026-04-01T03:00:02.500Z' });
 */
export const EventAckResultSchema = z.object({
  id: IdSchema,
  ackedAt: InstantSchema,
});
export type EventAckResult = z.infer<typeof EventAckResultSchema>;
