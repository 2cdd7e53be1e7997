import { refuse, type Refusal } from '../../lib/problem';
import { afterAck } from './deletion-notices';
import type { AgencyStore } from './store';
import type { AgencyEventRow } from './types';

/** Appends an event for the extension (R-BLOCK-2, R-DEL-1, R-RET-*, R-SAN-2); returns its ID. */
export function appendEvent(
  s: AgencyStore,
  type: string,
  rule: string,
  now: number,
  ref: { profileId?: string; conversationId?: string; details?: Record<string, unknown> },
): string {
  const id = `E${now.toString(36)}${crypto.randomUUID().slice(0, 8)}`;
  s.sql.exec(
    'INSERT INTO events (id, type, profile_id, conversation_id, rule, created_at, details) VALUES (?, ?, ?, ?, ?, ?, ?)',
    id,
    type,
    ref.profileId ?? null,
    ref.conversationId ?? null,
    rule,
    now,
    JSON.stringify(ref.details ?? {}),
  );
  return id;
}

/** R-RET-4: what kind of record was deleted, under which rule, when; never the content. */
export function recordDeletion(
  s: AgencyStore,
  now: number,
  recordKind: string,
  rule: string,
  profileId: string | null,
  eventId: string | null,
): void {
  s.sql.exec(
    'INSERT INTO deletions (at, record_kind, rule, profile_id, event_id) VALUES (?, ?, ?, ?, ?)',
    now,
    recordKind,
    rule,
    profileId,
    eventId,
  );
}

/**
 * Events after a cursor (the last `seq` the extension saw), oldest first.
 *
 * @example events(s, 0, 100);
 */
export function events(s: AgencyStore, after: number, limit: number): { items: AgencyEventRow[]; nextCursor: number } {
  const rows = s.sql
    .exec<{
      seq: number;
      id: string;
      type: string;
      profile_id: string | null;
      conversation_id: string | null;
      rule: string;
      created_at: number;
      acked_at: number | null;
      details: string;
    }>('SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?', after, limit)
    .toArray();
  const items = rows.map((r) => ({
    id: r.id,
    seq: r.seq,
    type: r.type,
    profileId: r.profile_id,
    conversationId: r.conversation_id,
    rule: r.rule,
    createdAt: new Date(r.created_at).toISOString(),
    ackedAt: r.acked_at === null ? null : new Date(r.acked_at).toISOString(),
    details: JSON.parse(r.details) as Record<string, unknown>,
  }));
  return { items, nextCursor: items.length ? items[items.length - 1]!.seq : after };
}

/**
 * The extension confirms it deleted its copy; idempotent (a second ack keeps the first time).
 * R-RET-4, R-DEL-2: the deletion is recorded and the jobseeker told (see afterAck).
 *
 * @example await ack(s, 'E…', now);
 */
export async function ack(s: AgencyStore, eventId: string, now: number): Promise<{ ok: true; ackedAt: string } | Refusal> {
  const row = s.sql.exec<{ acked_at: number | null }>('SELECT acked_at FROM events WHERE id = ?', eventId).toArray()[0];
  if (!row) return refuse('event_not_found', `お知らせ（${eventId}）は存在しません。`);
  if (row.acked_at === null) s.sql.exec('UPDATE events SET acked_at = ? WHERE id = ?', now, eventId);
  await afterAck(s, eventId, row.acked_at ?? now, now);
  return { ok: true, ackedAt: new Date(row.acked_at ?? now).toISOString() };
}

/** The deletion record (R-RET-4), newest first. */
export function deletionLog(
  s: AgencyStore,
  limit = 500,
): Array<{ at: string; recordKind: string; rule: string; profileId: string | null }> {
  return s.sql
    .exec<{ at: number; record_kind: string; rule: string; profile_id: string | null }>(
      'SELECT at, record_kind, rule, profile_id FROM deletions ORDER BY seq DESC LIMIT ?',
      limit,
    )
    .toArray()
    .map((r) => ({ at: new Date(r.at).toISOString(), recordKind: r.record_kind, rule: r.rule, profileId: r.profile_id }));
}
