import { formatJstDateTime } from '../../../shared/rules';
import type { Block } from '../../../shared/schemas';
import { insertNotice, iso, LIVE, type SeekerStore } from './store';

/**
 * R-BLOCK-1: blocks an agency. From this call on nothing from it is delivered; its conversations,
 * live or closed, are marked blocked. Idempotent: a second call returns the first block and the
 * same conversations, so the caller can finish telling the agency.
 *
 * @example block(s, 'A7K3M9X2QAB', '株式会社みらい人材', now);
 */
export function block(
  s: SeekerStore,
  agencyId: string,
  agencyName: string,
  now: number,
): { ok: true; block: Block; conversationIds: string[]; created: boolean } {
  const existing = s.sql.exec<{ blocked_at: number }>('SELECT blocked_at FROM blocks WHERE agency_id = ?', agencyId).toArray()[0];
  if (!existing) {
    s.tx(() => {
      s.sql.exec('INSERT INTO blocks (agency_id, agency_name, blocked_at) VALUES (?, ?, ?)', agencyId, agencyName, now);
      // Closed conversations too (after a deletion request, say): a blocked agency's threads all read as blocked.
      const live = s.sql
        .exec<{ id: string }>(`SELECT id FROM conversations WHERE agency_id = ? AND (state IN ${LIVE} OR state = 'closed')`, agencyId)
        .toArray();
      for (const { id } of live) {
        s.sql.exec("UPDATE conversations SET state = 'blocked', closed_reason = 'blocked' WHERE id = ?", id);
        insertNotice(
          s,
          id,
          'blocked',
          `${agencyName}をブロックしました（${formatJstDateTime(now)}）。この事業者からのメッセージは今後届かず、あなたの求職者情報もこの事業者の検索結果に表示されません。事業者には、あなたの情報を削除するよう求めました。`,
          now,
        );
      }
    });
  }
  const ids = s.sql
    .exec<{ id: string }>("SELECT id FROM conversations WHERE agency_id = ? AND state = 'blocked'", agencyId)
    .toArray()
    .map((r) => r.id);
  const found = blockList(s).find((b) => b.agencyId === agencyId)!;
  return { ok: true, block: found, conversationIds: ids, created: !existing };
}

/**
 * R-BLOCK-3: lifts a block. The blocked conversations stay closed: the agency does not regain
 * them; a new contact starts a new conversation.
 *
 * @example unblock(s, 'A7K3M9X2QAB', now);
 */
export function unblock(s: SeekerStore, agencyId: string, now: number): { ok: true; removed: boolean } {
  const row = s.sql.exec<{ agency_name: string }>('SELECT agency_name FROM blocks WHERE agency_id = ?', agencyId).toArray()[0];
  if (!row) return { ok: true, removed: false };
  s.tx(() => {
    s.sql.exec('DELETE FROM blocks WHERE agency_id = ?', agencyId);
    for (const { id } of s.sql
      .exec<{ id: string }>("SELECT id FROM conversations WHERE agency_id = ? AND state = 'blocked'", agencyId)
      .toArray()) {
      s.sql.exec("UPDATE conversations SET state = 'closed', closed_reason = 'unblocked' WHERE id = ?", id);
      insertNotice(
        s,
        id,
        'conversation_closed',
        `${row.agency_name}のブロックを解除しました（${formatJstDateTime(now)}）。この会話の内容は事業者からは見られません。事業者から新たに連絡があれば、新しい会話として届きます。`,
        now,
      );
    }
  });
  return { ok: true, removed: true };
}

/** The agencies this jobseeker blocks, newest first (R-BLOCK-1). */
export function blockList(s: SeekerStore): Block[] {
  return s.sql
    .exec<{ agency_id: string; agency_name: string; blocked_at: number; agency_deleted_at: number | null }>(
      'SELECT * FROM blocks ORDER BY blocked_at DESC, agency_id',
    )
    .toArray()
    .map((r) => ({
      agencyId: r.agency_id,
      agencyName: r.agency_name,
      blockedAt: iso(r.blocked_at)!,
      agencyDeletedAt: iso(r.agency_deleted_at),
    }));
}
