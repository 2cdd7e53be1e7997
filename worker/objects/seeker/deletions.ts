import { formatJstDateTime } from '../../../shared/rules';
import type { DeletionRequest } from '../../../shared/schemas';
import { randomBase32 } from '../../lib/crypto';
import { insertNotice, toDeletionRequest, type DelRow, type SeekerStore } from './store';

/**
 * R-DEL-1: the jobseeker asks an agency to delete their data. Conversations with it end at
 * once. While one request to an agency is open, asking again returns it.
 *
 * @example requestDeletion(s, 'A7K3M9X2QAB', '株式会社みらい人材', now);
 */
export function requestDeletion(s: SeekerStore, agencyId: string, agencyName: string, now: number): { ok: true; request: DeletionRequest; conversationIds: string[]; created: boolean } {
  let row = s.sql.exec<DelRow>("SELECT * FROM deletion_requests WHERE agency_id = ? AND state = 'requested'", agencyId).toArray()[0];
  const created = !row;
  if (!row) {
    const id = `D${randomBase32(12)}`;
    s.tx(() => {
      s.sql.exec("INSERT INTO deletion_requests (id, agency_id, agency_name, state, requested_at) VALUES (?, ?, ?, 'requested', ?)", id, agencyId, agencyName, now);
      const open = s.sql.exec<{ id: string }>("SELECT id FROM conversations WHERE agency_id = ? AND state IN ('awaiting_seeker', 'open', 'blocked')", agencyId).toArray();
      for (const conv of open) {
        s.sql.exec("UPDATE conversations SET state = 'closed', closed_reason = 'deletion_requested', closed_ref = ? WHERE id = ?", id, conv.id);
        insertNotice(s, conv.id, 'deletion_requested', `${agencyName}に、あなたの情報の削除を依頼しました（${formatJstDateTime(now)}）。この会話は終了しました。削除が確認できしだいお知らせします。`, now);
      }
    });
    row = s.sql.exec<DelRow>('SELECT * FROM deletion_requests WHERE id = ?', id).one();
  }
  const ids = s.sql.exec<{ id: string }>('SELECT id FROM conversations WHERE closed_ref = ?', row.id).toArray().map((r) => r.id);
  return { ok: true, request: toDeletionRequest(row), conversationIds: ids, created };
}

/**
 * Records what the worker did on a deletion request: the agency's access removed at
 * `serverDeletedAt`, or (when it held nothing) the request done at once with a notice (R-DEL-2).
 */
export function deletionRecorded(s: SeekerStore, requestId: string, held: boolean, serverDeletedAt: number, now: number): { ok: true; request: DeletionRequest | null } {
  const row = s.sql.exec<DelRow>('SELECT * FROM deletion_requests WHERE id = ?', requestId).toArray()[0];
  if (!row) return { ok: true, request: null };
  if (row.state === 'requested') {
    if (held) s.sql.exec('UPDATE deletion_requests SET server_deleted_at = COALESCE(server_deleted_at, ?) WHERE id = ?', serverDeletedAt, requestId);
    else {
      s.sql.exec("UPDATE deletion_requests SET state = 'deleted', held = 0, completed_at = ?, notice = ? WHERE id = ?", now,
        `${row.agency_name}は、あなたの情報を保有していませんでした（${formatJstDateTime(now)} 確認）。削除が必要な情報はありません。`, requestId);
    }
  }
  return { ok: true, request: toDeletionRequest(s.sql.exec<DelRow>('SELECT * FROM deletion_requests WHERE id = ?', requestId).one()) };
}

/**
 * The agency's extension confirmed it deleted its copy (it acknowledged the event): the
 * jobseeker is told what was done and when (R-DEL-2, R-BLOCK-2). Idempotent.
 *
 * @example agencyDeleted(s, { type: 'deletion_request', agencyId, requestId, at }, now);
 */
export function agencyDeleted(s: SeekerStore, input: { type: 'block' | 'deletion_request'; agencyId: string; requestId?: string; at: number }, now: number): { ok: true; notified: boolean } {
  if (input.type === 'deletion_request') {
    const row = input.requestId ? s.sql.exec<DelRow>('SELECT * FROM deletion_requests WHERE id = ? AND agency_id = ?', input.requestId, input.agencyId).toArray()[0] : undefined;
    if (!row || row.state === 'deleted') return { ok: true, notified: false };
    const server = row.server_deleted_at ?? input.at;
    const text = `${row.agency_name}は、${formatJstDateTime(row.requested_at)}のご依頼を受けて、あなたの情報を削除しました。`
      + `サーバー上の事業者の閲覧権限：${formatJstDateTime(server)} に削除。事業者の端末（拡張機能）に保存されていた写し：${formatJstDateTime(input.at)} に削除。`;
    s.tx(() => {
      s.sql.exec("UPDATE deletion_requests SET state = 'deleted', server_deleted_at = ?, agency_deleted_at = ?, completed_at = ?, notice = ? WHERE id = ?", server, input.at, now, text, row.id);
      for (const { id } of s.sql.exec<{ id: string }>('SELECT id FROM conversations WHERE closed_ref = ?', row.id).toArray()) insertNotice(s, id, 'deletion_completed', text, now);
    });
    return { ok: true, notified: true };
  }
  const blocked = s.sql.exec<{ agency_name: string; agency_deleted_at: number | null }>('SELECT agency_name, agency_deleted_at FROM blocks WHERE agency_id = ?', input.agencyId).toArray()[0];
  if (!blocked || blocked.agency_deleted_at !== null) return { ok: true, notified: false };
  s.tx(() => {
    s.sql.exec('UPDATE blocks SET agency_deleted_at = ? WHERE agency_id = ?', input.at, input.agencyId);
    for (const { id } of s.sql.exec<{ id: string }>("SELECT id FROM conversations WHERE agency_id = ? AND state = 'blocked'", input.agencyId).toArray()) {
      insertNotice(s, id, 'deleted_after_block', `${blocked.agency_name}は、ブロックを受けて、端末（拡張機能）に保存していたあなたの情報を削除しました（${formatJstDateTime(input.at)}）。サーバー上の閲覧権限はブロックの時点で削除されています。`, now);
    }
  });
  return { ok: true, notified: true };
}

/** Deletion requests, newest first, with what was done and when (R-DEL-2). */
export function deletionRequests(s: SeekerStore): DeletionRequest[] {
  return s.sql.exec<DelRow>('SELECT * FROM deletion_requests ORDER BY requested_at DESC, id').toArray().map(toDeletionRequest);
}
