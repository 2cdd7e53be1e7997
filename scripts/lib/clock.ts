/**
 * The one way scripts and tests move the worker's clock (T-5). A move can jump past a session's idle
 * limit (4 hours of worker time), so a token obtained before the move may be refused after it: the
 * helper signs in again at the new instant and returns that fresh token. Callers use it for the
 * next call and never keep the old one.
 */
import { jstDate, jstMidnight, maintenanceUntil } from '../../shared/rules';
import { call } from './http';

export type StaffCredentials = { email: string; password: string };

/** Signs a staff member in and returns a token, or throws with the worker's answer. */
export async function signInStaff(base: string, who: StaffCredentials): Promise<string> {
  const r = await call(base, 'POST', '/v1/admin/sessions', { body: { email: who.email, password: who.password } });
  if (r.status !== 201) throw new Error(`staff sign-in: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
  return r.body.token as string;
}

/** The worker's "now" (from `/v1/health`), which may differ from this machine's clock. */
export async function workerNow(base: string): Promise<Date> {
  const r = await call(base, 'GET', '/v1/health');
  if (r.status !== 200) throw new Error(`health: ${r.status}`);
  return new Date(r.body.now as string);
}

/**
 * Moves the worker's clock to `at` (`null`: back to real time) and returns a staff token signed in
 * at the new instant, with the worker's new "now".
 *
 * @example const { token } = await moveClock(base, DEMO.ministry, new Date('2026-12-01T10:00:00+09:00'));
 */
export async function moveClock(
  base: string,
  who: StaffCredentials,
  at: Date | null,
  options: { frozen?: boolean } = {},
): Promise<{ token: string; now: Date }> {
  const before = await signInStaff(base, who);
  const r = await call(base, 'PUT', '/v1/admin/clock', {
    token: before,
    body: { at: at === null ? null : at.toISOString(), frozen: options.frozen ?? false },
  });
  if (r.status !== 200) throw new Error(`clock: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
  return { token: await signInStaff(base, who), now: new Date(r.body.now as string) };
}

/**
 * The instant a demo or a script should stand on to use agency and jobseeker routes: `now` itself
 * in service hours; inside a maintenance window (R-OPS-1), 10:00 JST of the day service reopens.
 *
 * @example nextServiceHours(new Date('2026-11-30T15:30:00Z')) // 2026-12-01T01:00:00.000Z (10:00 JST)
 */
export function nextServiceHours(now: Date): Date {
  const reopens = maintenanceUntil(now);
  if (!reopens) return now;
  return new Date(jstMidnight(jstDate(reopens)).getTime() + 10 * 3600_000);
}

/**
 * `npm start`'s demo clock (R-OPS-1, T-5): when the worker's "now" (the real time, on a fresh
 * start) stands inside a maintenance window, moves the worker's clock to {@link nextServiceHours}
 * so agencies and jobseekers can be tried at any hour. `demo` is true when the worker's clock now
 * differs from this machine's; `npm run clock -- now` goes back to the real clock.
 *
 * @example const { now, demo } = await keepDemoInServiceHours(worker.url, DEMO.ministry);
 */
export async function keepDemoInServiceHours(base: string, keeper: StaffCredentials): Promise<{ now: Date; demo: boolean }> {
  let now = await workerNow(base);
  if (maintenanceUntil(now)) ({ now } = await moveClock(base, keeper, nextServiceHours(now)));
  return { now, demo: Math.abs(now.getTime() - Date.now()) > 60_000 };
}
