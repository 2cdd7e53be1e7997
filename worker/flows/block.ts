import type { Block } from '../../shared/schemas';
import { faultPoint } from '../lib/faults';
import { profileShards } from '../lib/feed';
import { agencyStub, seekerStub } from '../lib/stubs';

/**
 * A jobseeker blocks an agency (R-BLOCK-1, R-BLOCK-2): first their own object, so that from here
 * on nothing from the agency is delivered; then the agency's object loses its access and its
 * extension is told to delete; then every shard holding the profile hides it from that agency.
 * Every step is idempotent: when one fails, the jobseeker's retry repeats the block (which answers
 * the first block and the same conversations) and finishes the rest.
 *
 * @example await blockAgency(env, '13-7K3QM2XPA9', 'A7K3M9X2QAB', '株式会社みらい人材', now);
 */
export async function blockAgency(env: Env, profileId: string, agencyId: string, agencyName: string, now: number): Promise<Block> {
  const seeker = seekerStub(env, profileId);
  faultPoint(env, 'block.seeker');
  const b = await seeker.block(agencyId, agencyName, now);
  faultPoint(env, 'block.agency');
  const told = await agencyStub(env, agencyId).blocked(profileId, b.conversationIds, Date.parse(b.block.blockedAt), now);
  faultPoint(env, 'block.shards');
  for (const shard of await profileShards(env, profileId)) await shard.setExclusion(profileId, agencyId, 'block');
  // R-BLOCK-2: an agency that holds nothing of this jobseeker (never had it, or already deleted it
  // after a deletion request) has nothing left to delete, so there is nothing to wait for.
  if (told.eventId === null && b.block.agencyDeletedAt === null) {
    await seeker.agencyDeleted({ type: 'block', agencyId, at: now }, now);
    return (await seeker.blocks()).find((x) => x.agencyId === agencyId) ?? b.block;
  }
  return b.block;
}

/**
 * R-BLOCK-3: the jobseeker lifts a block; the agency may contact them again as a new acquisition,
 * and the profile shows in its searches again. Idempotent, like the block.
 *
 * @example await unblockAgency(env, '13-7K3QM2XPA9', 'A7K3M9X2QAB', now);
 */
export async function unblockAgency(env: Env, profileId: string, agencyId: string, now: number): Promise<void> {
  await seekerStub(env, profileId).unblock(agencyId, now);
  await agencyStub(env, agencyId).unblocked(profileId, now);
  for (const shard of await profileShards(env, profileId)) await shard.setExclusion(profileId, agencyId, null);
}
