import { clockStub } from './stubs';

/** How the clock is set: `frozen` stops time at `at`; otherwise time runs on from `at`. */
export type ClockSetting = { at: number; setAt: number; frozen: boolean } | null;

/**
 * True where the controllable clock and its route exist (R-SEC-7): only where ENVIRONMENT is
 * explicitly `development` or `test`. Anything else, a missing value included, is production.
 */
export function clockIsControllable(env: Env): boolean {
  const name = (env as { ENVIRONMENT?: string }).ENVIRONMENT;
  return name === 'development' || name === 'test';
}

/** Applies a clock setting to a real instant. */
export function applySetting(setting: ClockSetting, realNow: number): number {
  if (!setting) return realNow;
  return setting.frozen ? setting.at : setting.at + (realNow - setting.setAt);
}

/**
 * "Now" for the whole worker (T-5): the real clock in production; in development and test the instant set with
 * `PUT /v1/admin/clock`, so demos and tests can stand on any date. Read once per request and
 * passed to every rule and object method.
 *
 * @example const now = await readNow(c.env); // Date
 */
export async function readNow(env: Env): Promise<Date> {
  const real = Date.now();
  if (!clockIsControllable(env)) return new Date(real);
  // The setting is read at most once a second per isolate; a move made here is seen at once.
  if (!cache || real - cache.fetchedAt > CACHE_MS) cache = { setting: await clockStub(env).setting(), fetchedAt: real };
  return new Date(applySetting(cache.setting, real));
}

const CACHE_MS = 1000;
let cache: { setting: ClockSetting; fetchedAt: number } | null = null;

/**
 * Sets the clock (non-production only).
 *
 * @example await setClock(env, { at: Date.parse('2026-11-27T00:00:00Z'), frozen: true });
 */
export async function setClock(env: Env, value: { at: number; frozen: boolean } | null): Promise<ClockSetting> {
  const setting = value ? { ...value, setAt: Date.now() } : null;
  const saved = await clockStub(env).set(setting);
  cache = { setting: saved, fetchedAt: Date.now() };
  return saved;
}
