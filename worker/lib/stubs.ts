/**
 * The one place a Durable Object is addressed by name. Every object is reached through these, so
 * the naming scheme (an agency by its ID, a jobseeker by their profile ID, a shard by its
 * prefecture code, one registry, one clock) lives here and nowhere else.
 */

/** An agency's own object (its record, acquisitions, sends, conversation index, events). */
export function agencyStub(env: Env, agencyId: string) {
  return env.AGENCY.get(env.AGENCY.idFromName(agencyId));
}

/** A jobseeker's own object (conversations, blocks, deletion requests), keyed by profile ID. */
export function seekerStub(env: Env, profileId: string) {
  return env.SEEKER.get(env.SEEKER.idFromName(profileId));
}

/** The feed shard of a prefecture (two-digit code; a profile ID starts with its home prefecture). */
export function shardStub(env: Env, prefecture: string) {
  return env.FEED_SHARD.get(env.FEED_SHARD.idFromName(prefecture));
}

/** The bureau's registry (staff, registrations, procedures, directory, sanctions, reports, audit). */
export function registryStub(env: Env) {
  return env.REGISTRY.get(env.REGISTRY.idFromName('registry'));
}

/** The demo/test clock (T-5). */
export function clockStub(env: Env) {
  return env.CLOCK.get(env.CLOCK.idFromName('clock'));
}

/** The service's notice board: planned maintenance, restrictions, emergency maintenance (R-OPS-3). */
export function bulletinStub(env: Env) {
  return env.BULLETIN.get(env.BULLETIN.idFromName('bulletin'));
}

/** The bureau's correspondence with agencies: correction requests, measures, reports on request (R-COR-*). */
export function correspondenceStub(env: Env) {
  return env.CORRESPONDENCE.get(env.CORRESPONDENCE.idFromName('correspondence'));
}

/** The job-offer shard of a prefecture (R-JOB-1): an offer lives in the prefecture its number starts with. */
export function offerShardStub(env: Env, prefecture: string) {
  return env.JOB_OFFER_SHARD.get(env.JOB_OFFER_SHARD.idFromName(prefecture));
}

/** An agency's job desk (R-JOB-*): its quotes and orders of job offers, keyed by agency ID. */
export function jobDeskStub(env: Env, agencyId: string) {
  return env.JOB_DESK.get(env.JOB_DESK.idFromName(agencyId));
}

/** A sign-in throttle key's object (R-SEC-5): one per account and one per client address. */
export function throttleStub(env: Env, key: string) {
  return env.SIGN_IN_THROTTLE.get(env.SIGN_IN_THROTTLE.idFromName(key));
}

/** A feed meter (R-SEC-9): an agency's daily reads by its ID, or a day's usage records by `usage:<day>`. */
export function feedMeterStub(env: Env, name: string) {
  return env.FEED_METER.get(env.FEED_METER.idFromName(name));
}
