import { Dexie, type EntityTable, type Table } from 'dexie';
import type { AgencyAccount } from '../../shared/schemas/agency-account';
import type { AgencyEventType } from '../../shared/schemas/event';
import type { Conversation, Message } from '../../shared/schemas/message';
import type { Profile } from '../../shared/schemas/profile';
import type { DailyQuota } from '../../shared/schemas/quota';
import type { JobOfferDetail } from '../../shared/schemas/job-offer';
import type { Addition, Quote } from '../../shared/schemas/job-desk';
import type { AccountKey } from './session';

/**
 * What an agency acquired and how long it may keep it (R-RET-1, R-RET-2): the acquisition date,
 * 求職受理 (the agency accepted the jobseeker's application) if recorded, and the last day the data
 * may be kept. The sweeper deletes everything about the profile once the JST date is later.
 */
export type AcquisitionRecord = {
  account: AccountKey;
  profileId: string;
  acquiredOn: string;
  acceptedOn: string | null;
  retentionDeadline: string;
  /** `estimated` until the worker's own record is read (a conversation seen before its profile). */
  source: 'worker' | 'estimated';
};

/** A profile the agency opened, as it was when opened. */
export type ProfileRecord = { account: AccountKey; profileId: string; profile: Profile; fetchedAt: string };

/** A conversation of the agency's inbox. */
export type ConversationRecord = Conversation & { account: AccountKey };

/** A message of a conversation; `profileId` lets a deletion find every message about one jobseeker. */
export type MessageRecord = Message & { account: AccountKey; profileId: string };

/** A reusable message text the agency wrote (its own content, not jobseeker data). */
export type TemplateRecord = { id?: number; account: AccountKey; name: string; body: string; updatedAt: string };

/** A named feed search (filters only). */
export type SavedSearchRecord = {
  id?: number;
  account: AccountKey;
  name: string;
  query: Record<string, string | string[]>;
  createdAt: string;
  /** Profile IDs the agency has seen in this search's results (newest first, capped). */
  seenIds?: string[];
  /** Matching profiles not seen yet, as of `checkedAt`. */
  newCount?: number;
  checkedAt?: string;
};

/**
 * An event from the worker that the extension handled. Holds no jobseeker data: no profile or
 * conversation ID, only what the UI needs to say what was done and why.
 */
export type EventRecord = {
  account: AccountKey;
  id: string;
  seq: number;
  type: AgencyEventType;
  rule: string;
  createdAt: string;
  handledAt: string;
  /** When the worker confirmed the acknowledgement; `null` while it is still to be sent. */
  ackedAt: string | null;
  deletedRecords: number;
  /** When a person saw it in the dashboard; `null` counts as new in the toolbar popup. */
  seenAt: string | null;
  /** For notices: the new status, the report due date, the new mandatory-information version. */
  notice?: {
    status?: string;
    suspensionEndsOn?: string | null;
    fiscalYear?: number;
    dueOn?: string;
    graceLastDay?: string;
    bureau?: string;
    version?: number;
    reason?: string;
    /** R-TERM-1: which end a term reminder is about. */
    termKind?: 'term' | 'licence';
  };
};

/** Kinds of local record a deletion removes. */
export type DeletedRecordKind = 'acquisition' | 'profile' | 'conversation' | 'message';

/**
 * One line of the deletion log (R-RET-4): what kind of record, how many, under which rule, when,
 * and what triggered it. Never the deleted content, and no identifier of the jobseeker.
 */
export type DeletionRecord = {
  seq?: number;
  account: AccountKey;
  at: string;
  recordKind: DeletedRecordKind;
  count: number;
  rule: string;
  cause: 'event' | 'sweep' | 'worker_record';
};

/** An offer the agency opened, as the worker last gave it (R-JOB-2); deleted once it closes (R-JOB-3). */
export type JobOfferCopy = { account: AccountKey; offerNumber: string; detail: JobOfferDetail; fetchedAt: string };

/** A quote as the worker last listed it (stale and closed marked; closed ones hold no content). */
export type JobQuoteCopy = { account: AccountKey; id: string; offerNumber: string; quote: Quote; additions: Addition[] };

/** Small per-account values: the events cursor, the last account status and quota. */
export type MetaRecord =
  | { account: AccountKey; key: 'eventsCursor'; value: number }
  | { account: AccountKey; key: 'agency'; value: AgencyAccount }
  | { account: AccountKey; key: 'quota'; value: DailyQuota }
  | { account: AccountKey; key: 'lastSweepOn'; value: string };

export type MetaKey = MetaRecord['key'];
export type MetaValue<K extends MetaKey> = Extract<MetaRecord, { key: K }>['value'];

/** The tables that hold jobseeker data; deletions and sign-out go through all of them. */
export const JOBSEEKER_DATA_TABLES = ['acquisitions', 'profiles', 'conversations', 'messages'] as const;

/**
 * The extension's IndexedDB. Every record carries its account, so signing out wipes exactly
 * one account. Keep every `version()`: a browser that missed one upgrades through it.
 */
export class MadoguchiDB extends Dexie {
  acquisitions!: Table<AcquisitionRecord, [AccountKey, string]>;
  profiles!: Table<ProfileRecord, [AccountKey, string]>;
  conversations!: Table<ConversationRecord, [AccountKey, string]>;
  messages!: Table<MessageRecord, [AccountKey, string]>;
  templates!: EntityTable<TemplateRecord, 'id'>;
  savedSearches!: EntityTable<SavedSearchRecord, 'id'>;
  events!: Table<EventRecord, [AccountKey, string]>;
  deletions!: EntityTable<DeletionRecord, 'seq'>;
  meta!: Table<MetaRecord, [AccountKey, string]>;
  jobOffers!: Table<JobOfferCopy, [AccountKey, string]>;
  jobQuotes!: Table<JobQuoteCopy, [AccountKey, string]>;

  constructor(name = 'madoguchi') {
    super(name);
    this.version(1).stores({
      acquisitions: '[account+profileId], account, retentionDeadline',
      profiles: '[account+profileId], account',
      conversations: '[account+id], account, [account+profileId], [account+lastMessageAt]',
      messages: '[account+id], account, [account+conversationId], [account+profileId]',
      templates: '++id, account',
      savedSearches: '++id, account',
      events: '[account+id], account, [account+seq]',
      deletions: '++seq, account, [account+at]',
      meta: '[account+key], account',
    });
    // The job-offer service (R-JOB-2, R-JOB-3): opened offers and quotes.
    this.version(2).stores({
      jobOffers: '[account+offerNumber], account',
      jobQuotes: '[account+id], account, [account+offerNumber]',
    });
  }

  /** The name of every table, for wiping an account in one transaction. */
  static readonly ACCOUNT_TABLES = [
    'acquisitions',
    'profiles',
    'conversations',
    'messages',
    'templates',
    'savedSearches',
    'events',
    'deletions',
    'meta',
    'jobOffers',
    'jobQuotes',
  ] as const;
}

/** The one database every page and the background share (they see each other's writes via liveQuery). */
export const db = new MadoguchiDB();

/**
 * A per-account value, or `undefined`.
 *
 * @example
 * const cursor = (await getMeta(db, account, 'eventsCursor')) ?? 0;
 */
export async function getMeta<K extends MetaKey>(database: MadoguchiDB, account: AccountKey, key: K): Promise<MetaValue<K> | undefined> {
  const row = await database.meta.get([account, key]);
  return row?.value as MetaValue<K> | undefined;
}

/**
 * Sets a per-account value.
 *
 * @example
 * await setMeta(db, account, 'eventsCursor', 12);
 */
export async function setMeta<K extends MetaKey>(database: MadoguchiDB, account: AccountKey, key: K, value: MetaValue<K>): Promise<void> {
  await database.meta.put({ account, key, value } as MetaRecord);
}
