import type { DeletionRequest } from '../../shared/schemas';
import { agencyStub, seekerStub } from '../lib/stubs';

/**
 * A jobseeker asks an agency to delete their data (R-DEL-1, R-DEL-2): first their own object
 * records the request and closes the conversations with that agency; then the agency's object
 * removes its worker-side access, tells its extension (a `deletion_request` event) and, in the
 * same step, queues the jobseeker's first notice (access removed, or nothing held) in its outbox
 * and tries it. The later notices (the extension's confirmation, or none after 24 hours) go
 * through the same outbox.
 *
 * Any step may fail (an object throws or is unreachable). The jobseeker's retry is the same
 * request: their object answers the request still open, the agency's object recognises it by its
 * ID and delivers what is still queued, so the state converges with every notice delivered once.
 * A notice that still fails stays queued and the agency's alarm retries it.
 *
 * @example const { request, created } = await requestDeletion(env, '13-7K3QM2XPA9', 'A7K3M9X2QAB', '株式会社みらい人材', now);
 */
export async function requestDeletion(
  env: Env,
  profileId: string,
  agencyId: string,
  agencyName: string,
  now: number,
): Promise<{ request: DeletionRequest; created: boolean }> {
  const seeker = seekerStub(env, profileId);
  const r = await seeker.requestDeletion(agencyId, agencyName, now);
  await agencyStub(env, agencyId).deletionRequested(profileId, r.request.id, r.conversationIds, Date.parse(r.request.requestedAt), now);
  // What the jobseeker's object holds now: with the first notice when it arrived.
  const request = (await seeker.deletionRequest(r.request.id)) ?? r.request;
  return { request, created: r.created };
}
