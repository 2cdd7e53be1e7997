/**
 * R-SEC-7: a worker started from wrangler.toml's top level, with no development settings (no
 * `.dev.vars`, no overrides), behaves as production: the clock route answers 404 even to a caller
 * who is not signed in, and "now" is the real time.
 */
import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';

describe('R-SEC-7 the deployable configuration is production-safe', () => {
  it('R-SEC-7 PUT /v1/admin/clock answers 404 from the top-level configuration', async () => {
    for (const authorization of [undefined, 'Bearer b.S0000000000.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx']) {
      const res = await SELF.fetch('http://madoguchi.test/v1/admin/clock', {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ at: '2030-01-01T00:00:00+09:00', frozen: true }),
      });
      expect(res.status).toBe(404);
      expect(((await res.json()) as { code: string }).code).toBe('not_found');
    }
    const health = (await (await SELF.fetch('http://madoguchi.test/v1/health')).json()) as { now: string };
    expect(Math.abs(Date.parse(health.now) - Date.now())).toBeLessThan(60_000);
  });
});
