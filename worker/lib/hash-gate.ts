/**
 * The per-isolate budget for password hashing at sign-in (R-SEC-5: no flood of sign-ins slows
 * anyone else's work). One PBKDF2 takes about 150 ms of the isolate's only thread, so:
 *
 * - at most one hash runs at a time in an isolate;
 * - while nobody is refused, sign-ins hash as they come (others wait their turn: up to 16 clean
 *   ones, and one whose account or address failed recently);
 * - once a sign-in has been refused (a flood), for FLOOD_MS: at most one hash starts per
 *   CLEAN_GAP_MS, and sign-ins whose account or address failed recently ("failing" lane) get at most
 *   one per FAILING_GAP_MS, and only when no sign-in from the clean lane waits;
 * - a failing sign-in that finds the budget spent, and a clean one that finds the queue full (3 in
 *   a flood), is refused at once with 429 and a short Retry-After instead of queueing; such a
 *   refusal starts or prolongs the flood. No password is checked, nothing is counted: the answer
 *   depends on the throttle keys only, never on whether the account exists.
 *
 * Real time (Date.now()), not the worker's clock: this budgets CPU, not a rule about dates.
 * decisions.md and security.md say why the lanes are split this way.
 */

export type Lane = 'clean' | 'failing';

/** The budget's numbers (exported for tests and the docs). */
export const GATE = {
  /** In a flood: the least time between two hashes' starts (about 4 % of the thread). */
  cleanGapMs: 4000,
  /** In a flood: the least time between two hashes for accounts or addresses that failed recently. */
  failingGapMs: 12_000,
  /** A flood lasts this long after the last refusal. */
  floodMs: 15_000,
  /** Clean sign-ins that may wait for their turn in a flood; one more is refused. */
  queue: 3,
  /** Outside a flood (a burst at opening time), more may wait; one more is refused and starts a flood. */
  calmQueue: 16,
};

let busy = false;
let lastStart = -Infinity;
let lastFailingStart = -Infinity;
let refusedAt = -Infinity;
/**
 * Sign-ins waiting their turn, first come first served (clean ones before failing ones). Each polls
 * on its own timer (a promise resolved from another request's context would not run in workerd),
 * and a ticket whose request stopped polling (the client went away) is dropped.
 */
type Ticket = { lane: Lane; polledAt: number };
const waiters: Ticket[] = [];
const POLL_MS = 25;
const STALE_MS = 1000;
const MAX_WAIT_MS = 15_000;

const flooded = (now: number) => now - refusedAt < GATE.floodMs;
const queueLimit = (now: number) => (flooded(now) ? GATE.queue : GATE.calmQueue);

function waitFor(lane: Lane, now: number): number {
  if (!flooded(now)) return 0;
  const clean = lastStart + GATE.cleanGapMs - now;
  return Math.max(0, clean, lane === 'failing' ? lastFailingStart + GATE.failingGapMs - now : 0);
}

function start(lane: Lane, now: number): () => void {
  busy = true;
  lastStart = now;
  if (lane === 'failing') lastFailingStart = now;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    busy = false;
  };
}

function refused(lane: Lane, now: number): { retryAfter: number } {
  refusedAt = now;
  const wait = Math.max(waitFor(lane, now), GATE.cleanGapMs * (lane === 'clean' ? Math.min(cleanWaiting(), GATE.queue) : 1));
  return { retryAfter: Math.max(1, Math.ceil(wait / 1000)) };
}

function dropStale(now: number): void {
  for (let i = waiters.length - 1; i >= 0; i--) if (now - waiters[i]!.polledAt > STALE_MS) waiters.splice(i, 1);
}

const cleanWaiting = () => waiters.filter((w) => w.lane === 'clean').length;
const failingWaiting = () => waiters.some((w) => w.lane === 'failing');

/** May this waiting ticket start now? Clean tickets in order first, then the failing one. */
function mayStart(ticket: Ticket, now: number): boolean {
  if (busy || waitFor(ticket.lane, now) > 0) return false;
  const firstClean = waiters.find((w) => w.lane === 'clean');
  return ticket.lane === 'clean' ? firstClean === ticket : !firstClean && waiters.find((w) => w.lane === 'failing') === ticket;
}

/**
 * Takes the isolate's hashing slot for one sign-in, or refuses (R-SEC-5). Call the returned
 * `release` as soon as the hash is done. Outside a flood one failing sign-in may wait its turn (a
 * user's second try while others hash); a second one starts a flood.
 *
 * @example const slot = await takeHashSlot('clean'); if ('retryAfter' in slot) throw busy(slot.retryAfter);
 */
export async function takeHashSlot(lane: Lane): Promise<{ release: () => void } | { retryAfter: number }> {
  const arrived = Date.now();
  dropStale(arrived);
  if (!busy && waiters.length === 0 && waitFor(lane, arrived) === 0) return { release: start(lane, arrived) };
  if (lane === 'failing' ? flooded(arrived) || failingWaiting() : cleanWaiting() >= queueLimit(arrived)) return refused(lane, arrived);
  const ticket: Ticket = { lane, polledAt: arrived };
  waiters.push(ticket);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const now = Date.now();
    ticket.polledAt = now;
    dropStale(now);
    const at = waiters.indexOf(ticket);
    const giveUp = now - arrived > MAX_WAIT_MS || (lane === 'failing' && flooded(now) && waitFor(lane, now) > 0);
    if (at === -1 || giveUp) {
      if (at !== -1) waiters.splice(at, 1);
      return refused(lane, now);
    }
    if (mayStart(ticket, now)) {
      waiters.splice(at, 1);
      return { release: start(lane, now) };
    }
  }
}

/**
 * True when a sign-in in `lane` would be refused right now; lets a known-failing key be refused
 * before any object is addressed.
 *
 * @example if (hashBudgetSpent('failing')) throw signInBusy(…);
 */
export function hashBudgetSpent(lane: Lane): boolean {
  const now = Date.now();
  if (lane === 'clean') return cleanWaiting() >= queueLimit(now);
  return flooded(now) ? busy || waiters.length > 0 || waitFor('failing', now) > 0 : failingWaiting();
}

/** The Retry-After for a refusal decided before the objects were asked (marks the flood too). */
export function refuseEarly(lane: Lane): number {
  return refused(lane, Date.now()).retryAfter;
}

/** Forgets the flood and any waiter's order (tests start each case from a quiet isolate). */
export function resetHashGate(): void {
  waiters.length = 0;
  refusedAt = -Infinity;
  lastStart = -Infinity;
  lastFailingStart = -Infinity;
}
