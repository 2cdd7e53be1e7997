/**
 * R-SEC-7 from the attacker's side: a bureau officer cannot move the clock, and the clock is off
 * unless ENVIRONMENT is exactly `development` or `test`.
 */
import { describe, expect, it } from 'vitest';
import { clockIsControllable } from '../../worker/lib/clock';
import { api, bureau, jst, ministry, setClock } from './helpers';

describe('R-SEC-7 the controllable clock', () => {
  it('R-SEC-7 a prefecture officer moving the clock gets 403 and the clock does not move', async () => {
    await setClock(jst('2027-03-01', '10:00'));
    const officer = await bureau('13');
    const res = await api('PUT', '/v1/admin/clock', { token: officer, body: { at: jst('2030-01-01'), frozen: true } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('ministry_only');
    expect((await api('GET', '/v1/health')).body.now).toBe('2027-03-01T01:00:00.000Z');
    const moved = await api('PUT', '/v1/admin/clock', { token: await ministry(), body: { at: jst('2027-03-02'), frozen: true } });
    expect(moved.status).toBe(200);
  });

  it('R-SEC-7 only `development` and `test` enable the clock; a missing or other value is production', () => {
    const env = (ENVIRONMENT?: string) => ({ ENVIRONMENT }) as unknown as Env;
    expect(clockIsControllable(env('development'))).toBe(true);
    expect(clockIsControllable(env('test'))).toBe(true);
    for (const name of [undefined, '', 'production', 'staging', 'Development', 'dev', 'test '])
      expect(clockIsControllable(env(name))).toBe(false);
  });
});
