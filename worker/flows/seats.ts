/**
 * Adding and removing an organisation's staff seats (R-ORG-2): the registry keeps the email index
 * (sign-in, uniqueness across the service, the five-year reservation of R-APP-2); the
 * organisation's own object keeps the seat, its password hash and its sessions.
 */
import type { Seat, SeatCreate } from '../../shared/schemas';
import { hashPassword, randomBase32 } from '../lib/crypto';
import { hashInSlot } from './hash-slot';
import type { Refusal } from '../lib/problem';
import { agencyStub, registryStub } from '../lib/stubs';

/**
 * The liaison officer adds a seat. Order: the caller is checked to be the liaison officer, the
 * email is reserved in the registry, then the seat is created in the organisation's object; when
 * that last step refuses, the reservation is dropped again, so nothing is left half done.
 *
 * @example const r = await addSeat(env, 'A7K3M9X2QAB', 'A7K3M9X2QAB', { name, email, password }, now);
 */
export async function addSeat(
  env: Env,
  agencyId: string,
  actorSeatId: string,
  input: SeatCreate,
  now: number,
): Promise<{ ok: true; seat: Seat } | Refusal> {
  const agency = agencyStub(env, agencyId);
  const allowed: { ok: true } | Refusal = await agency.requireLiaison(actorSeatId);
  if (!allowed.ok) return allowed;
  // R-SEC-5: hashed in the isolate's hashing slot, before anything is reserved (a refusal writes nothing).
  const hash = await hashInSlot('clean', () => hashPassword(input.password));
  const seatId = `U${randomBase32(10)}`;
  const reserved: { ok: true } | Refusal = await registryStub(env).reserveSeatEmail(agencyId, seatId, input.email, now);
  if (!reserved.ok) return reserved;
  const added: { ok: true; seat: Seat } | Refusal = await agency.addSeat(
    actorSeatId,
    { id: seatId, email: input.email, name: input.name },
    hash,
    now,
  );
  if (!added.ok) await registryStub(env).releaseSeatEmail(agencyId, seatId, false, now);
  return added;
}

/**
 * The liaison officer removes a seat: its sessions end at once in the organisation's object
 * (so its token is refused from the next request), then the registry keeps its email reserved.
 * A retry after a failure between the two converges.
 *
 * @example await removeSeat(env, 'A7K3M9X2QAB', 'A7K3M9X2QAB', 'U4F8…', now);
 */
export async function removeSeat(
  env: Env,
  agencyId: string,
  actorSeatId: string,
  seatId: string,
  now: number,
): Promise<{ ok: true; sessionsEnded: number } | Refusal> {
  const removed: { ok: true; email: string; sessionsEnded: number } | Refusal = await agencyStub(env, agencyId).removeSeat(
    actorSeatId,
    seatId,
    now,
  );
  if (!removed.ok) return removed;
  await registryStub(env).releaseSeatEmail(agencyId, seatId, true, now);
  return { ok: true, sessionsEnded: removed.sessionsEnded };
}
