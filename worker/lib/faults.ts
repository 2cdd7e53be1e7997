/**
 * Fault points for the flows' fault tests (docs/architecture.md, "Flows"): a flow names each step
 * before it calls the object, and a test arms one step to fail once, as if the object had thrown or
 * been unreachable there. Armed only from test code and only where ENVIRONMENT is `test`; anywhere
 * else a fault point does nothing.
 */

/** What an armed step throws: our object's error, or the runtime's own for an overloaded object. */
export type FaultKind = 'error' | 'overloaded';

const armed = new Map<string, FaultKind>();

/**
 * Test only: the next time a flow reaches `step`, it throws instead of calling the object:
 * a plain error, or (`'overloaded'`) the error Cloudflare's runtime throws when an object has too
 * many requests queued, marked `overloaded` as its documentation describes.
 *
 * @example armFault('activation.mark-activated');
 * @example armFault('feed-search.shard:13', 'overloaded');
 */
export function armFault(step: string, kind: FaultKind = 'error'): void {
  armed.set(step, kind);
}

/** Test only: forgets every armed fault (after a test, whether or not the fault fired). */
export function disarmFaults(): void {
  armed.clear();
}

/** Thrown at an armed fault point: what a failed or unreachable object looks like to the flow. */
export class InjectedFault extends Error {
  /** Set as the runtime sets it on an overloaded object's error (never on an error of our own code). */
  readonly overloaded?: true;
  readonly retryable?: false;

  constructor(step: string, kind: FaultKind = 'error') {
    super(kind === 'overloaded' ? `Durable Object is overloaded (injected at ${step})` : `injected fault at ${step}`);
    this.name = 'InjectedFault';
    if (kind === 'overloaded') {
      this.overloaded = true;
      this.retryable = false;
    }
  }
}

/**
 * Marks a step of a flow. Throws once when a test armed this step in the test environment.
 *
 * @example await faultPoint(env, 'send.deliver'); const delivered = await seeker.deliver(…);
 */
export function faultPoint(env: Env, step: string): void {
  if (armed.size === 0 || (env as { ENVIRONMENT?: string }).ENVIRONMENT !== 'test') return;
  const kind = armed.get(step);
  if (kind && armed.delete(step)) throw new InjectedFault(step, kind);
}
