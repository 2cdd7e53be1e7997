/**
 * Who in the organisation did what (R-ORG-2, §9): the agency's own steps (accepting, refusing,
 * confirming a deletion, counting the day's sends) with the seat that took each one recorded or
 * shown beside it. Each function runs the concept's own step first and records the seat only when
 * that step succeeded, so a refused step leaves no action behind.
 */
import type { AcceptanceRefusal, Acquisition, DailyQuota, FeeStatement } from '../../../shared/schemas';
import type { Refusal } from '../../lib/problem';
import * as acceptances from './acceptances';
import * as acquisitions from './acquisitions';
import * as events from './events';
import * as seats from './seats';
import * as sending from './sending';
import * as transparency from './transparency';
import type { AgencyStore } from './store';
import type { AgencyEventRow } from './types';

/**
 * Records that the agency acquired a profile (R-RET-1), with the seat's opening (R-ORG-2); a new
 * acquisition pushes its acquirer pointer before it answers.
 *
 * @example await acquireBy(s, '13-7K3M9X2QAB', now, 'U4F8…');
 */
export async function acquireBy(
  s: AgencyStore,
  profileId: string,
  now: number,
  seatId: string | null,
): Promise<{ ok: true; acquisition: Acquisition } | Refusal> {
  const r = acquisitions.acquire(s, profileId, now);
  if (!r.ok) return r;
  seats.recordAction(s, seatId, 'opening', now, profileId);
  if (r.pushPointer) await transparency.pushAcquirers(s, profileId);
  return { ok: true, acquisition: r.acquisition };
}

/**
 * Records 求職受理 (R-RET-2) with its fee statement (R-APP-5), and the seat that recorded it (R-ORG-2).
 *
 * @example acceptBy(s, '13-7K3M9X2QAB', '2026-11-15', undefined, now, 'U4F8…');
 */
export function acceptBy(
  s: AgencyStore,
  profileId: string,
  acceptedOn: string,
  fees: FeeStatement | undefined,
  now: number,
  seatId: string | null,
): ReturnType<typeof acquisitions.accept> {
  const r = acquisitions.accept(s, profileId, acceptedOn, fees, now);
  if (r.ok) seats.recordAction(s, seatId, 'acceptance', now, profileId, acceptedOn);
  return r;
}

/**
 * R-APP-5: records a refusal to accept an application, and the seat that recorded it (R-ORG-2).
 *
 * @example refuseApplicationBy(s, '13-7K3M9X2QAB', '2026-11-27', '申込みの内容が法令に違反するため', now, null);
 */
export function refuseApplicationBy(
  s: AgencyStore,
  profileId: string,
  refusedOn: string,
  reason: string,
  now: number,
  seatId: string | null,
): { ok: true; refusal: AcceptanceRefusal } | Refusal {
  const r = acceptances.refuseApplication(s, profileId, refusedOn, reason, now);
  if (r.ok) seats.recordAction(s, seatId, 'refusal', now, profileId, refusedOn);
  return r;
}

/**
 * Events after a cursor, oldest first (R-RET-4), each confirmed one with the seat that confirmed it (R-ORG-2).
 *
 * @example eventsWithAckers(s, 0, 100) // { items: [{ id: 'E…', ackedBy: { id: 'U…', name: '佐藤 花子' }, … }], nextCursor: 1 }
 */
export function eventsWithAckers(s: AgencyStore, after: number, limit: number): { items: AgencyEventRow[]; nextCursor: number } {
  const page = events.events(s, after, limit);
  const by = seats.actorsOf(
    s,
    'ack',
    page.items.filter((e) => e.ackedAt !== null).map((e) => e.id),
  );
  return { ...page, items: page.items.map((e) => (by[e.id] ? { ...e, ackedBy: by[e.id] } : e)) };
}

/**
 * The extension confirms it deleted its copy; idempotent (R-RET-4, R-DEL-2). Only the first
 * confirmation records its seat (R-ORG-2), so a repeat by another seat does not take the credit.
 *
 * @example await ackBy(s, 'E01…', now, 'U4F8…') // { ok: true, ackedAt: '2026-11-30T10:00:00+09:00' }
 */
export async function ackBy(
  s: AgencyStore,
  eventId: string,
  now: number,
  seatId: string | null,
): Promise<{ ok: true; ackedAt: string } | Refusal> {
  const r = await events.ack(s, eventId, now);
  if (r.ok && !seats.actorsOf(s, 'ack', [eventId])[eventId]) seats.recordAction(s, seatId, 'ack', now, null, eventId);
  return r;
}

/**
 * R-CAP-1: the organisation's count for the day, limit and reset, and who sent them (R-ORG-2).
 *
 * @example quotaBySeat(s, now) // { used: 12, limit: 1000, …, bySeat: [{ seat: { id, name }, used: 12 }] }
 */
export function quotaBySeat(s: AgencyStore, now: number): DailyQuota {
  const q = sending.quotaAt(s, now);
  return { ...q, bySeat: seats.sendsBySeat(s, q.day) };
}
