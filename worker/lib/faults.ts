/**
 * Fault points for the flows' fault tests (docs/architecture.md, "Flows"): a flow names each step
 * before it calls the object, and a test arms one step to fail once, as if the object had thrown or
 * been unreachable there. Armed only from test code and only where ENVIRONMENT is `test`; anywhere
 * else a fault point does nothing.
 */

const armed = new Set<string>();

/**
 * Test only: the next time a flow reaches `step`, it throws instead of calling the object.
 *
 * @example armFault('activation.mark-activated');
 */
export function armFault(step: string): void {
  armed.add(step);
}

/** Test only: forgets every armed fault (after a test, whether or not the fault fired). */
export function disarmFaults(): void {
  armed.clear();
}

/** Thrown at an armed fault point: what a failed or unreachable object looks like to the flow. */
export class InjectedFault extends Error {
  constructor(step: string) {
    super(`injected fault at ${step}`);
    this.name = 'InjectedFault';
  }
}

/**
 * Marks a step of a flow. Throws once when a test armed this step in the test environment.
 *
 * @example await faultPoint(env, 'send.deliver'); const delivered = await seeker.deliver(…);
 */
export function faultPoint(env: Env, step: string): void {
  if (armed.size === 0 || (env as { ENVIRONMENT?: string }).ENVIRONMENT !== 'test') return;
  if (armed.delete(step)) throw new InjectedFault(step);
}
