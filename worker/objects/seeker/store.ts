import type {
  DeletionRequest,
  MandatoryInformationVersion,
  Message,
  MessageKind,
  MessageSender,
  NoticeType,
  SeekerConversation,
} from '../../../shared/schemas';
import { randomBase32 } from '../../lib/crypto';
import type { SeekerRecord } from './types';

/**
 * What every module of the jobseeker object works on: its SQLite and a synchronous transaction.
 * Modules take it (and "now") as their first arguments; only the class holds it.
 */
export type SeekerStore = { sql: SqlStorage; tx: <T>(work: () => T) => T };

export type ConvRow = {
  id: string;
  agency_id: string;
  agency_name: string;
  state: SeekerConversation['state'];
  closed_reason: string | null;
  closed_ref: string | null;
  mi: string;
  mi_version: number;
  mi_seen: number | null;
  unread: number;
  created_at: number;
  last_message_at: number;
};
export type MsgRow = {
  seq: number;
  id: string;
  conversation_id: string;
  sender: MessageSender;
  kind: MessageKind;
  notice: NoticeType | null;
  audience: 'both' | 'seeker';
  body: string;
  sent_at: number;
  mi: string | null;
  agency_id: string | null;
  send_key: string | null;
};
export type DelRow = {
  id: string;
  agency_id: string;
  agency_name: string;
  state: 'requested' | 'deleted';
  held: number;
  requested_at: number;
  server_deleted_at: number | null;
  agency_deleted_at: number | null;
  completed_at: number | null;
  notice: string | null;
};

/** Conversation states in which the agency may still write (R-MSG-2). */
export const LIVE = "('awaiting_seeker', 'open')";

export const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function toMessage(r: MsgRow): Message {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    from: r.sender,
    kind: r.kind,
    body: r.body,
    sentAt: new Date(r.sent_at).toISOString(),
    ...(r.mi ? { mandatoryInformation: JSON.parse(r.mi) as MandatoryInformationVersion } : {}),
    ...(r.notice ? { notice: r.notice } : {}),
  };
}

export function toDeletionRequest(r: DelRow): DeletionRequest {
  return {
    id: r.id,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    state: r.state,
    agencyHeldData: r.held === 1,
    requestedAt: iso(r.requested_at)!,
    serverDeletedAt: iso(r.server_deleted_at),
    agencyDeletedAt: iso(r.agency_deleted_at),
    completedAt: iso(r.completed_at),
    notice: r.notice,
  };
}

/** The jobseeker's record, or null before activation. */
export function seekerRecord(s: SeekerStore): SeekerRecord | null {
  const row = s.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'record'").toArray()[0];
  return row ? (JSON.parse(row.value) as SeekerRecord) : null;
}

/** The profile this object belongs to; a delivery before activation records it from `fallback`. */
export function profileId(s: SeekerStore, fallback?: string): string {
  const known =
    seekerRecord(s)?.profileId ?? s.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'profileId'").toArray()[0]?.value;
  if (!known && fallback) s.sql.exec("INSERT OR IGNORE INTO meta (key, value) VALUES ('profileId', ?)", fallback);
  return known ?? fallback ?? '';
}

export function conversationRow(s: SeekerStore, id: string): ConvRow | null {
  return s.sql.exec<ConvRow>('SELECT * FROM conversations WHERE id = ?', id).toArray()[0] ?? null;
}

export function toConversation(s: SeekerStore, r: ConvRow): SeekerConversation {
  return {
    id: r.id,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    profileId: profileId(s),
    state: r.state,
    mandatoryInformationVersion: r.mi_version,
    mandatoryInformationVersionSeen: r.mi_seen,
    unread: r.unread,
    lastMessageAt: new Date(r.last_message_at).toISOString(),
    mandatoryInformation: JSON.parse(r.mi) as MandatoryInformationVersion,
  };
}

export function insertMessage(
  s: SeekerStore,
  m: {
    conversationId: string;
    sender: MessageSender;
    kind: MessageKind;
    body: string;
    now: number;
    audience?: 'both' | 'seeker';
    notice?: NoticeType;
    mi?: MandatoryInformationVersion;
    agencyId?: string;
    key?: string;
  },
): MsgRow {
  const id = `M${randomBase32(16)}`;
  s.sql.exec(
    'INSERT INTO messages (id, conversation_id, sender, kind, notice, audience, body, sent_at, mi, agency_id, send_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    id,
    m.conversationId,
    m.sender,
    m.kind,
    m.notice ?? null,
    m.audience ?? 'both',
    m.body,
    m.now,
    m.mi ? JSON.stringify(m.mi) : null,
    m.agencyId ?? null,
    m.key ?? null,
  );
  return s.sql.exec<MsgRow>('SELECT * FROM messages WHERE id = ?', id).one();
}

/** A system notice in a conversation, counted unread for the jobseeker; never toward any cap (R-CAP-3). */
export function insertNotice(
  s: SeekerStore,
  conversationId: string,
  type: NoticeType,
  body: string,
  now: number,
  audience: 'both' | 'seeker' = 'seeker',
  mi?: MandatoryInformationVersion,
): void {
  insertMessage(s, { conversationId, sender: 'system', kind: 'notice', notice: type, body, now, audience, mi });
  s.sql.exec('UPDATE conversations SET unread = unread + 1, last_message_at = MAX(last_message_at, ?) WHERE id = ?', now, conversationId);
}
