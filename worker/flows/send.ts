import type { SendResult } from '../../shared/schemas';
import type { Refusal } from '../lib/problem';
import { agencyStub, seekerStub } from '../lib/stubs';
import type { SendRequest } from '../objects/agency';

/** Whether a Durable Object's answer is a refusal (RPC results defeat plain `ok` narrowing). */
function refused<T extends { ok: boolean }>(r: T): r is Extract<T, { ok: false }> {
  return !r.ok;
}

/**
 * One send of an agency (R-CAP-1, R-CAP-2, R-BLOCK-1): reserve it at the agency (count it, or get
 * the stored result of a key already delivered), deliver it at the jobseeker's object — the only
 * one that decides — and complete it, or release it (un-count) when the jobseeker's object refused.
 *
 * Any step may fail (an object throws or is unreachable); the client then retries with the same
 * key and the state converges: a key still pending is refused with `send_in_progress` for a
 * minute, then delivered again, which the jobseeker's object recognises by the key (`replayed`).
 * A resumed key that the jobseeker's object already delivered is completed — counted once,
 * indexed, acquired (R-RET-1). Only a key the agency had forgotten (pruned after a week) and the
 * jobseeker's object still knows is released, since nothing new went out.
 *
 * The staff seat that sent is recorded with the completed send (R-ORG-2).
 *
 * @example const r = await sendMessage(env, 'A7K3M9X2QAB', { key, kind: 'reply', conversationId, body }, now, {}, 'U4F8…');
 */
export async function sendMessage(
  env: Env,
  agencyId: string,
  req: SendRequest,
  now: number,
  recipient: { newGraduate?: boolean } = {},
  seatId: string | null = null,
): Promise<{ ok: true; sent: SendResult } | Refusal> {
  const agency = agencyStub(env, agencyId);
  const r = await agency.reserveSend(req, now);
  if (refused(r)) return r;
  if (r.state === 'replay')
    return {
      ok: true,
      sent: { conversationId: r.conversationId, message: r.message, quota: r.quota, warnings: r.warnings, replayed: true },
    };
  const delivered = await seekerStub(env, r.profileId).deliver(
    {
      kind: req.kind,
      profileId: r.profileId,
      agencyId: r.agencyId,
      agencyName: r.agencyName,
      key: req.key,
      body: req.body,
      ...(r.conversationId ? { conversationId: r.conversationId } : {}),
      ...(r.mandatoryInformation ? { mandatoryInformation: r.mandatoryInformation } : {}),
      // R-MSG-7: the jobseeker's object, which knows consent and new-graduate status, decides.
      paidServiceOffer: r.paidServiceOffer,
      paidServicesNotified: r.paidServicesNotified,
      ...(recipient.newGraduate !== undefined ? { newGraduate: recipient.newGraduate } : {}),
    },
    now,
  );
  if (refused(delivered)) {
    await agency.releaseSend(req.key);
    return delivered;
  }
  if (delivered.replayed && !r.resumed) {
    // The jobseeker's object already holds this key's message and the agency had forgotten the key:
    // nothing new went out, so it is not counted again (R-CAP-2).
    await agency.releaseSend(req.key);
    return {
      ok: true,
      sent: {
        conversationId: delivered.conversationId,
        message: delivered.message,
        quota: await agency.quota(now),
        warnings: r.warnings,
        replayed: true,
      },
    };
  }
  const done = await agency.completeSend(
    req.key,
    { conversationId: delivered.conversationId, profileId: r.profileId, message: delivered.message },
    now,
    seatId,
  );
  return {
    ok: true,
    sent: {
      conversationId: delivered.conversationId,
      message: delivered.message,
      quota: done.quota,
      warnings: r.warnings,
      replayed: delivered.replayed,
    },
  };
}
