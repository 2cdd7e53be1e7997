import { formatJstDateTime } from '../../../shared/rules';
import type { DeletionNotice, DeletionRequest } from '../../../shared/schemas';
import { randomBase32 } from '../../lib/crypto';
import { insertNotice, toDeletionRequest, type DelRow, type SeekerStore } from './store';

/** R-DEL-2: the notices of each request, one of each kind (a redelivered notice is not told twice). */
export const DELETION_NOTICES_SCHEMA = `
  CREATE TABLE deletion_notices (request_id TEXT NOT NULL, kind TEXT NOT NULL, at INTEGER NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (request_id, kind));
`;

/** Records one notice of a request; false when it was already told (then nothing else is written). */
function tell(s: SeekerStore, requestId: string, kind: DeletionNotice['kind'], text: string, now: number): boolean {
  return (
    s.sql.exec('INSERT OR IGNORE INTO deletion_notices (request_id, kind, at, text) VALUES (?, ?, ?, ?)', requestId, kind, now, text)
      .rowsWritten > 0
  );
}

/** The request with every notice it brought, oldest first (R-DEL-2). */
export function withNotices(s: SeekerStore, row: DelRow): DeletionRequest {
  const notices = s.sql
    .exec<{ kind: DeletionNotice['kind']; at: number; text: string }>(
      'SELECT kind, at, text FROM deletion_notices WHERE request_id = ? ORDER BY at, rowid',
      row.id,
    )
    .toArray()
    .map((n) => ({ kind: n.kind, at: new Date(n.at).toISOString(), text: n.text }));
  return { ...toDeletionRequest(row), notices };
}

/** The conversations a request closed: each shows its notices too. */
function closedBy(s: SeekerStore, requestId: string): string[] {
  return s.sql
    .exec<{ id: string }>('SELECT id FROM conversations WHERE closed_ref = ?', requestId)
    .toArray()
    .map((r) => r.id);
}

/**
 * R-DEL-1: the jobseeker asks an agency to delete their data. Conversations with it end at
 * once. While one request to an agency is open, asking again returns it.
 *
 * @example requestDeletion(s, 'A7K3M9X2QAB', '株式会社みらい人材', now);
 */
export function requestDeletion(
  s: SeekerStore,
  agencyId: string,
  agencyName: string,
  now: number,
): { ok: true; request: DeletionRequest; conversationIds: string[]; created: boolean } {
  let row = s.sql.exec<DelRow>("SELECT * FROM deletion_requests WHERE agency_id = ? AND state = 'requested'", agencyId).toArray()[0];
  const created = !row;
  if (!row) {
    const id = `D${randomBase32(12)}`;
    s.tx(() => {
      s.sql.exec(
        "INSERT INTO deletion_requests (id, agency_id, agency_name, state, requested_at) VALUES (?, ?, ?, 'requested', ?)",
        id,
        agencyId,
        agencyName,
        now,
      );
      const open = s.sql
        .exec<{ id: string }>(
          "SELECT id FROM conversations WHERE agency_id = ? AND state IN ('awaiting_seeker', 'open', 'blocked')",
          agencyId,
        )
        .toArray();
      for (const conv of open) {
        s.sql.exec(
          "UPDATE conversations SET state = 'closed', closed_reason = 'deletion_requested', closed_ref = ? WHERE id = ?",
          id,
          conv.id,
        );
        insertNotice(
          s,
          conv.id,
          'deletion_requested',
          `${agencyName}に、あなたの情報の削除を依頼しました（${formatJstDateTime(now)}）。この会話は終了しました。削除が確認できしだいお知らせします。`,
          now,
        );
      }
    });
    row = s.sql.exec<DelRow>('SELECT * FROM deletion_requests WHERE id = ?', id).one();
  }
  return { ok: true, request: withNotices(s, row), conversationIds: closedBy(s, row.id), created };
}

/**
 * R-DEL-2, first notice: what the worker did at once on a deletion request: the agency's access
 * removed at `serverDeletedAt`, told to the jobseeker; or, when the agency held nothing, the request
 * done at once with a notice saying so. Delivered through the agency's outbox; idempotent.
 */
export function deletionRecorded(
  s: SeekerStore,
  requestId: string,
  held: boolean,
  serverDeletedAt: number,
  now: number,
): { ok: true; request: DeletionRequest | null; notified: boolean } {
  const row = s.sql.exec<DelRow>('SELECT * FROM deletion_requests WHERE id = ?', requestId).toArray()[0];
  if (!row) return { ok: true, request: null, notified: false };
  let notified = false;
  if (row.state === 'requested') {
    s.tx(() => {
      if (held) {
        const text =
          `${row.agency_name}のサーバー上の閲覧権限（あなたの情報と会話）を${formatJstDateTime(serverDeletedAt)}に削除しました。` +
          '事業者の端末（拡張機能）に保存された写しの削除が確認できしだい、お知らせします。';
        if (!tell(s, requestId, 'server_access_removed', text, now)) return;
        s.sql.exec(
          'UPDATE deletion_requests SET server_deleted_at = COALESCE(server_deleted_at, ?), notice = ? WHERE id = ?',
          serverDeletedAt,
          text,
          requestId,
        );
        for (const id of closedBy(s, requestId)) insertNotice(s, id, 'deletion_server_removed', text, now);
      } else {
        const text = `${row.agency_name}は、あなたの情報を保有していませんでした（${formatJstDateTime(now)} 確認）。削除が必要な情報はありません。`;
        if (!tell(s, requestId, 'nothing_held', text, now)) return;
        s.sql.exec(
          "UPDATE deletion_requests SET state = 'deleted', held = 0, completed_at = ?, notice = ? WHERE id = ?",
          now,
          text,
          requestId,
        );
      }
      notified = true;
    });
  }
  return {
    ok: true,
    request: withNotices(s, s.sql.exec<DelRow>('SELECT * FROM deletion_requests WHERE id = ?', requestId).one()),
    notified,
  };
}

/**
 * R-DEL-2, the notice after 24 hours: the agency's extension has not confirmed deleting its copy.
 * Told once, and only while the request is still waiting for that confirmation.
 *
 * @example deletionNotConfirmed(s, 'D…', 'A7K3M9X2QAB', now);
 */
export function deletionNotConfirmed(s: SeekerStore, requestId: string, agencyId: string, now: number): { ok: true; notified: boolean } {
  const row = s.sql
    .exec<DelRow>("SELECT * FROM deletion_requests WHERE id = ? AND agency_id = ? AND state = 'requested'", requestId, agencyId)
    .toArray()[0];
  if (!row) return { ok: true, notified: false };
  const text =
    `${row.agency_name}は、${formatJstDateTime(row.requested_at)}のご依頼から24時間を過ぎても、端末（拡張機能）に保存された写しの削除を確認していません。` +
    'サーバー上の閲覧権限はすでに削除しています。この事業者は労働局の削除状況の一覧に表示されます。確認できしだい、お知らせします。';
  let notified = false;
  s.tx(() => {
    if (!tell(s, requestId, 'not_confirmed', text, now)) return;
    s.sql.exec('UPDATE deletion_requests SET notice = ? WHERE id = ?', text, requestId);
    for (const id of closedBy(s, requestId)) insertNotice(s, id, 'deletion_not_confirmed', text, now);
    notified = true;
  });
  return { ok: true, notified };
}

/**
 * The agency's extension confirmed it deleted its copy (it acknowledged the event): the
 * jobseeker is told what was done and when (R-DEL-2, R-BLOCK-2). Idempotent.
 *
 * @example agencyDeleted(s, { type: 'deletion_request', agencyId, requestId, at }, now);
 */
export function agencyDeleted(
  s: SeekerStore,
  input: { type: 'block' | 'deletion_request'; agencyId: string; requestId?: string; at: number },
  now: number,
): { ok: true; notified: boolean } {
  if (input.type === 'deletion_request') {
    const row = input.requestId
      ? s.sql.exec<DelRow>('SELECT * FROM deletion_requests WHERE id = ? AND agency_id = ?', input.requestId, input.agencyId).toArray()[0]
      : undefined;
    if (!row || row.state === 'deleted') return { ok: true, notified: false };
    const server = row.server_deleted_at ?? input.at;
    const text =
      `${row.agency_name}は、${formatJstDateTime(row.requested_at)}のご依頼を受けて、あなたの情報を削除しました。` +
      `サーバー上の事業者の閲覧権限：${formatJstDateTime(server)} に削除。事業者の端末（拡張機能）に保存されていた写し：${formatJstDateTime(input.at)} に削除。`;
    s.tx(() => {
      tell(s, row.id, 'agency_confirmed', text, now);
      s.sql.exec(
        "UPDATE deletion_requests SET state = 'deleted', server_deleted_at = ?, agency_deleted_at = ?, completed_at = ?, notice = ? WHERE id = ?",
        server,
        input.at,
        now,
        text,
        row.id,
      );
      for (const id of closedBy(s, row.id)) insertNotice(s, id, 'deletion_completed', text, now);
    });
    return { ok: true, notified: true };
  }
  const blocked = s.sql
    .exec<{ agency_name: string; agency_deleted_at: number | null }>(
      'SELECT agency_name, agency_deleted_at FROM blocks WHERE agency_id = ?',
      input.agencyId,
    )
    .toArray()[0];
  if (!blocked || blocked.agency_deleted_at !== null) return { ok: true, notified: false };
  s.tx(() => {
    s.sql.exec('UPDATE blocks SET agency_deleted_at = ? WHERE agency_id = ?', input.at, input.agencyId);
    for (const { id } of s.sql
      .exec<{ id: string }>("SELECT id FROM conversations WHERE agency_id = ? AND state = 'blocked'", input.agencyId)
      .toArray()) {
      insertNotice(
        s,
        id,
        'deleted_after_block',
        `${blocked.agency_name}は、ブロックを受けて、端末（拡張機能）に保存していたあなたの情報を削除しました（${formatJstDateTime(input.at)}）。サーバー上の閲覧権限はブロックの時点で削除されています。`,
        now,
      );
    }
  });
  return { ok: true, notified: true };
}

/** Deletion requests, newest first, with what was done and when (R-DEL-2). */
export function deletionRequests(s: SeekerStore): DeletionRequest[] {
  return s.sql
    .exec<DelRow>('SELECT * FROM deletion_requests ORDER BY requested_at DESC, id')
    .toArray()
    .map((r) => withNotices(s, r));
}
