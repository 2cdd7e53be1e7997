import { serverNow } from './server-time';
import type { AgencyEvent } from '../../shared/schemas/event';
import { ackEvent, fetchEvents, type ApiContext } from './api';
import { db as defaultDb, getMeta, setMeta, type EventRecord, type MadoguchiDB } from './db';
import { deleteJobseekerData, totalDeleted } from './deletion';
import { ApiProblem } from './problem';
import type { AccountKey } from './session';
import { STOPPED_STATUSES } from './sweeper';

/** What one round of event handling did. */
export type EventRound = {
  /** Events handled for the first time in this round. */
  handled: number;
  /** Acknowledgements the worker confirmed in this round. */
  acked: number;
  /** Events handled locally whose acknowledgement is still to be sent (retried next round). */
  pendingAcks: number;
  deletedRecords: number;
};

type Options = { ctx: ApiContext; account: AccountKey; now?: () => Date; db?: MadoguchiDB; pageSize?: number };

/**
 * Acts on one event locally, deleting what it requires (R-BLOCK-2, R-DEL-1, R-RET-1..3) and
 * noting status changes (R-SAN-2). Returns how many local records went. Idempotent.
 */
async function applyEvent(event: AgencyEvent, account: AccountKey, now: Date, database: MadoguchiDB): Promise<number> {
  switch (event.type) {
    case 'block':
    case 'deletion_request':
    case 'retention_expired': {
      const scope = event.conversationId
        ? { profileId: event.profileId, conversationId: event.conversationId }
        : { profileId: event.profileId };
      const fallback = event.type === 'block' ? 'R-BLOCK-2' : event.type === 'deletion_request' ? 'R-DEL-1' : 'R-RET-1';
      return totalDeleted(await deleteJobseekerData(scope, { account, rule: event.rule || fallback, cause: 'event', now, db: database }));
    }
    case 'status_changed': {
      const known = await getMeta(database, account, 'agency');
      if (known)
        await setMeta(database, account, 'agency', { ...known, status: event.details.status, suspension: event.details.suspension });
      if (!STOPPED_STATUSES.includes(event.details.status)) return 0;
      return totalDeleted(await deleteJobseekerData({ all: true }, { account, rule: 'R-RET-3', cause: 'event', now, db: database }));
    }
    case 'term_ended':
      // R-TERM-1, R-RET-3: the term ended without an accepted renewal; everything received goes.
      return totalDeleted(await deleteJobseekerData({ all: true }, { account, rule: 'R-RET-3', cause: 'event', now, db: database }));
    case 'report_reminder':
    case 'report_request':
    case 'mandatory_info_changed':
    case 'term_reminder':
      return 0;
  }
}

function noticeOf(event: AgencyEvent): EventRecord['notice'] {
  switch (event.type) {
    case 'status_changed':
      return { status: event.details.status, suspensionEndsOn: event.details.suspension?.endsOn ?? null };
    case 'report_reminder':
      return { fiscalYear: event.details.fiscalYear, dueOn: event.details.dueOn };
    case 'report_request':
      return {
        fiscalYear: event.details.fiscalYear,
        dueOn: event.details.dueOn,
        graceLastDay: event.details.graceLastDay,
        bureau: event.details.bureau,
      };
    case 'mandatory_info_changed':
      return { version: event.details.version };
    case 'retention_expired':
      return { reason: event.details.reason };
    case 'term_reminder':
      return { termKind: event.details.kind, dueOn: event.details.endsOn };
    case 'term_ended':
      return { dueOn: event.details.endsOn };
    default:
      return undefined;
  }
}

/**
 * Sends the acknowledgement of one handled event and records the worker's `ackedAt`. A repeated
 * ack is harmless: the worker keeps the first time (idempotent). Returns whether it went through;
 * a network failure, maintenance or rate limit leaves it pending for the next round.
 */
async function acknowledge(record: EventRecord, options: Options, database: MadoguchiDB): Promise<boolean> {
  try {
    const result = await ackEvent(options.ctx, record.id, { deletedAt: record.handledAt, deletedRecords: record.deletedRecords });
    await database.events.update([record.account, record.id], { ackedAt: result.ackedAt });
    return true;
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) {
      // The worker no longer knows the event: nothing left to confirm.
      await database.events.update([record.account, record.id], { ackedAt: record.handledAt });
      return false;
    }
    if (error instanceof ApiProblem && (error.status === 0 || error.status === 429 || error.status >= 500)) return false;
    throw error;
  }
}

/**
 * One round of the events poller: reads the events after the stored cursor, deletes locally what
 * each requires (in a Dexie transaction with its deletion-log lines), records the event, moves
 * the cursor, then acknowledges — and retries acknowledgements an earlier round could not send.
 * Deletion never waits for the network; an event seen twice is deleted once and acknowledged with
 * the same figures.
 *
 * @example
 * await processAgencyEvents({ ctx: { baseUrl, token }, account: 'agency:A7K3M9X2QAB' });
 */
export async function processAgencyEvents(options: Options): Promise<EventRound> {
  const database = options.db ?? defaultDb;
  const clock = options.now ?? (() => serverNow());
  const { account } = options;
  const pageSize = options.pageSize ?? 100;
  const round: EventRound = { handled: 0, acked: 0, pendingAcks: 0, deletedRecords: 0 };

  let after = (await getMeta(database, account, 'eventsCursor')) ?? 0;
  for (;;) {
    const page = await fetchEvents(options.ctx, after, pageSize);
    for (const event of page.items) {
      // One transaction for "not handled yet? delete, record, move the cursor", so the background
      // and an open dashboard polling at the same moment never handle an event twice.
      const deleted = await database.transaction(
        'rw',
        [
          database.acquisitions,
          database.profiles,
          database.conversations,
          database.messages,
          database.deletions,
          database.events,
          database.meta,
        ],
        async () => {
          let removed: number | null = null;
          if (!(await database.events.get([account, event.id]))) {
            const now = clock();
            removed = await applyEvent(event, account, now, database);
            const notice = noticeOf(event);
            await database.events.put({
              account,
              id: event.id,
              seq: event.seq,
              type: event.type,
              rule: event.rule,
              createdAt: event.createdAt,
              handledAt: now.toISOString(),
              ackedAt: null,
              deletedRecords: removed,
              seenAt: null,
              ...(notice ? { notice } : {}),
            });
          }
          const cursor = (await getMeta(database, account, 'eventsCursor')) ?? 0;
          if (event.seq > cursor) await setMeta(database, account, 'eventsCursor', event.seq);
          return removed;
        },
      );
      if (deleted !== null) {
        round.handled++;
        round.deletedRecords += deleted;
      }
      after = Math.max(after, event.seq);
    }
    if (page.items.length < pageSize) break;
  }

  const pending = await database.events
    .where('account')
    .equals(account)
    .filter((e) => e.ackedAt === null)
    .sortBy('seq');
  for (const record of pending) {
    if (await acknowledge(record, options, database)) round.acked++;
  }
  round.pendingAcks = await database.events
    .where('account')
    .equals(account)
    .filter((e) => e.ackedAt === null)
    .count();
  return round;
}

/**
 * Marks every event of the account as seen (the dashboard's notices view was opened).
 *
 * @example
 * await markEventsSeen(account, new Date());
 */
export async function markEventsSeen(account: AccountKey, now: Date, database: MadoguchiDB = defaultDb): Promise<void> {
  await database.events
    .where('account')
    .equals(account)
    .filter((e) => e.seenAt === null)
    .modify({ seenAt: now.toISOString() });
}
