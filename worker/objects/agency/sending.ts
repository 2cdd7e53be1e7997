import { DAILY_CAP, capResetsAt, formatJstDateTime, jstDate, lintMessage, offersPaidService } from '../../../shared/rules';
import type { DailyQuota, Message } from '../../../shared/schemas';
import { contactDetailsRefusal, disallowedContactDetails } from '../../lib/contact-details';
import { sha256Hex } from '../../lib/crypto';
import { refuse, type Refusal } from '../../lib/problem';
import { acquire, heldAcquisition, jobseekerServiceRefusal } from './acquisitions';
import { noticeConversation } from './conversations';
import { closeExpiredAtSeekers, pushAcquirersSoon } from './transparency';
import { agencyRecord, PENDING_STALE_MS, SEND_KEY_DAYS, type AgencyStore, type IndexRow, type SendRow } from './store';
import type { SendRequest, SendReservation } from './types';

// The conversation itself lives in the jobseeker's object, which alone decides delivery
// (R-BLOCK-1). This object counts the agency's sends per JST day (R-CAP-1) and keeps its
// idempotency keys (R-CAP-2).

/** R-CAP-1: messages sent on the JST day of `now`, the limit, and the next 00:00 JST. */
export function quotaAt(s: AgencyStore, now: number): DailyQuota {
  const day = jstDate(new Date(now));
  const used = s.sql.exec<{ used: number }>('SELECT used FROM msg_daily WHERE day = ?', day).toArray()[0]?.used ?? 0;
  return { day, used, limit: DAILY_CAP, remaining: Math.max(0, DAILY_CAP - used), resetsAt: capResetsAt(new Date(now)).toISOString() };
}

/** Keys are kept a week: long enough for any retry, short enough to hold no message for long. */
function pruneSends(s: AgencyStore, now: number): void {
  if (now - s.memory.lastSendPrune < 3600_000 && now >= s.memory.lastSendPrune) return;
  s.memory.lastSendPrune = now;
  s.sql.exec("DELETE FROM msg_sends WHERE state = 'delivered' AND reserved_at < ?", now - SEND_KEY_DAYS * 86_400_000);
  s.sql.exec('DELETE FROM msg_daily WHERE day < ?', jstDate(new Date(now - 40 * 86_400_000)));
}

function revokedRefusal(rule: string): Refusal {
  if (rule === 'R-BLOCK-2') {
    return refuse(
      'blocked_by_recipient',
      '求職者がこの事業者からのメッセージの受け取りを停止（ブロック）しているため、送信できません。この求職者の情報は速やかに削除してください（利用規約 第7条(2)①オ）。',
    );
  }
  const why =
    rule === 'R-DEL-1'
      ? '求職者から情報の削除を求められたため'
      : rule === 'R-BLOCK-3'
        ? '求職者のブロックにより（ブロックが解除されても元には戻りません）'
        : rule === 'R-RET-3'
          ? 'サービスの利用停止・終了により'
          : '保存期限を過ぎたため';
  return refuse('data_deleted', `${why}、この求職者の情報と会話は削除されました。`, { rule });
}

/** Whom a send (or an opened conversation) reaches, refused when the agency's access ended (R-BLOCK-2, R-DEL-1, R-RET-*). */
export function sendTarget(
  s: AgencyStore,
  req: SendRequest,
  now: number,
): { ok: true; profileId: string; conversationId: string | null } | Refusal {
  if (req.kind === 'first_contact') {
    const profileId = req.profileId ?? '';
    const revoked = s.sql.exec<{ rule: string }>('SELECT rule FROM msg_access_revoked WHERE profile_id = ?', profileId).toArray()[0];
    if (revoked) return revokedRefusal(revoked.rule);
    const gone = heldAcquisition(s, profileId, now);
    return gone ?? { ok: true, profileId, conversationId: null };
  }
  const conv = s.sql.exec<IndexRow>('SELECT * FROM msg_conversations WHERE id = ?', req.conversationId ?? '').toArray()[0];
  if (!conv) return refuse('conversation_not_found', 'この会話は存在しないか、参照する権限がありません。');
  if (conv.state === 'revoked') return revokedRefusal(conv.revoked_rule ?? 'R-DEL-1');
  const gone = heldAcquisition(s, conv.profile_id, now);
  return gone ?? { ok: true, profileId: conv.profile_id, conversationId: conv.id };
}

/**
 * Step one of a send (R-CAP-1, R-CAP-2, R-MSG-4): checks the body's contact details against the
 * registered contact methods, then — synchronously, so no other send of this agency interleaves —
 * returns the stored result of a key already delivered, or refuses at 1,000 sends this JST day,
 * or counts the send and marks its key pending. The caller then asks the jobseeker's object to
 * deliver and calls completeSend, or releaseSend on a refusal (which un-counts it).
 *
 * @example await reserveSend(s, { key, kind: 'reply', conversationId, body }, now);
 */
export async function reserveSend(s: AgencyStore, req: SendRequest, now: number): Promise<SendReservation | Refusal> {
  const record = agencyRecord(s);
  if (!record) return refuse('agency_not_found', 'この事業者は登録されていません。');
  if (record.status !== 'active' || !record.services.includes('jobseeker')) {
    return refuse(
      `agency_${record.status === 'active' ? 'service_not_admitted' : record.status}` as const,
      '現在、求職情報提供サービスを利用できない状態のため、メッセージは送れません。',
      undefined,
      { title: '送信できません' },
    );
  }
  const findings = disallowedContactDetails(req.body, record.contactMethods);
  if (findings.length) return contactDetailsRefusal(findings, record.contactMethods);
  const warnings = lintMessage(req.body);
  const fingerprint = await sha256Hex(JSON.stringify([req.kind, req.profileId ?? null, req.conversationId ?? null, req.body]));
  // From here to the return nothing awaits: check and count are one step of this object.
  pruneSends(s, now);
  const prior = s.sql.exec<SendRow>('SELECT * FROM msg_sends WHERE key = ?', req.key).toArray()[0];
  if (prior && prior.fingerprint !== fingerprint) {
    return refuse(
      'idempotency_key_reused',
      'この冪等キーは内容の異なる送信にすでに使われています。新しい送信には新しいキーを使ってください。',
    );
  }
  if (prior?.state === 'delivered' && prior.result) {
    const stored = JSON.parse(prior.result) as { conversationId: string; message: Message };
    return { ok: true, state: 'replay', conversationId: stored.conversationId, message: stored.message, quota: quotaAt(s, now), warnings };
  }
  // A pending key is a send still on its way; after a minute (wall clock) it was lost, and the
  // retry delivers it (the jobseeker's object ignores a key it already delivered) without a new count.
  if (prior && Date.now() - prior.reserved_wall < PENDING_STALE_MS) {
    return refuse('send_in_progress', 'この冪等キーの送信を処理しています。少し待ってから同じキーでもう一度お試しください。', {
      retryAfter: 2,
    });
  }
  const target = sendTarget(s, req, now);
  if (!target.ok) return target;
  if (prior) {
    s.sql.exec('UPDATE msg_sends SET reserved_wall = ? WHERE key = ?', Date.now(), req.key);
  } else {
    const quota = quotaAt(s, now);
    if (quota.used >= DAILY_CAP) {
      const retryAfter = Math.max(1, Math.ceil((Date.parse(quota.resetsAt) - now) / 1000));
      return refuse(
        'cap_reached',
        `本日（${quota.day}）の送信数が上限の${DAILY_CAP.toLocaleString('en-US')}通に達しました（最初のメッセージと返信の合計、利用規約 第7条(2)①キ）。送信数は日本時間の午前0時（${formatJstDateTime(Date.parse(quota.resetsAt))}）にリセットされます。`,
        { used: quota.used, limit: DAILY_CAP, resetsAt: quota.resetsAt, retryAfter },
      );
    }
    s.tx(() => {
      s.sql.exec('INSERT INTO msg_daily (day, used) VALUES (?, 1) ON CONFLICT(day) DO UPDATE SET used = used + 1', quota.day);
      s.sql.exec(
        "INSERT INTO msg_sends (key, fingerprint, day, state, profile_id, reserved_at, reserved_wall) VALUES (?, ?, ?, 'pending', ?, ?, ?)",
        req.key,
        fingerprint,
        quota.day,
        target.profileId,
        now,
        Date.now(),
      );
    });
  }
  return {
    ok: true,
    state: 'reserved',
    profileId: target.profileId,
    conversationId: target.conversationId,
    agencyId: record.id,
    agencyName: record.name,
    mandatoryInformation: req.kind === 'first_contact' ? record.mandatoryInformation : null,
    warnings,
    resumed: prior !== undefined,
    // R-MSG-7: the jobseeker's object, which knows consent and new-graduate status, decides.
    paidServiceOffer: offersPaidService(req.body),
    paidServicesNotified: (record.paidServicesForNewGraduates?.length ?? 0) > 0,
  };
}

/**
 * The jobseeker's object refused the send (blocked, R-MSG-2, …): the key is freed and the send
 * no longer counts (R-CAP-1). Idempotent.
 *
 * @example releaseSend(s, key);
 */
export function releaseSend(s: AgencyStore, key: string): { ok: true; released: boolean } {
  const row = s.sql.exec<SendRow>("SELECT * FROM msg_sends WHERE key = ? AND state = 'pending'", key).toArray()[0];
  if (!row) return { ok: true, released: false };
  s.tx(() => {
    s.sql.exec('DELETE FROM msg_sends WHERE key = ?', key);
    s.sql.exec('UPDATE msg_daily SET used = MAX(0, used - 1) WHERE day = ?', row.day);
  });
  return { ok: true, released: true };
}

/**
 * The message was delivered: the key keeps its result (a retry gets it, R-CAP-2); a first
 * contact records the acquisition (R-RET-1) and enters the inbox — unless the jobseeker blocked
 * or asked for deletion meanwhile (R-BLOCK-2, R-DEL-1). A first contact that carried an older
 * mandatory-information version than the one installed meanwhile gets the change notice (R-MSG-3).
 * A first contact completed after the agency's use stopped is not indexed, and the jobseeker's
 * conversation is closed as the purge closed the others (R-RET-3).
 *
 * @example await completeSend(s, key, { conversationId, profileId, message }, now);
 */
export async function completeSend(
  s: AgencyStore,
  key: string,
  sent: { conversationId: string; profileId: string; message: Message },
  now: number,
): Promise<{ ok: true; quota: DailyQuota }> {
  const revoked = s.sql.exec('SELECT 1 FROM msg_access_revoked WHERE profile_id = ?', sent.profileId).toArray().length > 0;
  const first = sent.message.kind === 'first_contact';
  let indexed = !revoked;
  // R-RET-1: the acquisition is written in the same synchronous step as the index; its pointer for
  // the profile's home shard goes after the answer, with other sends' (pushAcquirersSoon).
  const acquired = indexed && first ? acquire(s, sent.profileId, now) : null;
  if (acquired) indexed = acquired.ok;
  // R-RET-3: the standing as it is now, in the same synchronous step as the index write.
  const standingGone = first && jobseekerServiceRefusal(s) !== null;
  if (standingGone) indexed = false;
  s.tx(() => {
    s.sql.exec(
      "UPDATE msg_sends SET state = 'delivered', result = ? WHERE key = ?",
      JSON.stringify({ conversationId: sent.conversationId, message: sent.message }),
      key,
    );
    if (!indexed) return;
    if (first) {
      s.sql.exec(
        "INSERT OR IGNORE INTO msg_conversations (id, profile_id, state, created_at, last_message_at, last_from, unread, mi_version, mi_seen) VALUES (?, ?, 'awaiting_seeker', ?, ?, 'agency', 0, ?, NULL)",
        sent.conversationId,
        sent.profileId,
        now,
        now,
        sent.message.mandatoryInformation?.version ?? 0,
      );
    } else {
      s.sql.exec(
        "UPDATE msg_conversations SET last_message_at = MAX(last_message_at, ?), last_from = 'agency' WHERE id = ? AND state != 'revoked'",
        now,
        sent.conversationId,
      );
    }
  });
  if (acquired?.ok && acquired.pushPointer) pushAcquirersSoon(s);
  // R-RET-3: a suspension (or other end of use) landed between the reservation and now, so the
  // first contact was delivered but the purge never saw it: the jobseeker's conversation is
  // closed as the purge closed the others (queued, retried by sweep()).
  if (!revoked && standingGone) {
    s.sql.exec(
      'INSERT OR IGNORE INTO seeker_close_pending (profile_id, rule, at, deadline) VALUES (?, ?, ?, NULL)',
      sent.profileId,
      'R-RET-3',
      now,
    );
    await closeExpiredAtSeekers(s);
  }
  const current = agencyRecord(s)?.mandatoryInformation;
  if (indexed && first && current && current.version > (sent.message.mandatoryInformation?.version ?? 0)) {
    await noticeConversation(s, { id: sent.conversationId, profile_id: sent.profileId }, current, now);
  }
  return { ok: true, quota: quotaAt(s, now) };
}
