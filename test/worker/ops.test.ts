import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { admittedAgency, api, jst, loadRows, ministry, profileRow, setClock, signInAgency } from './helpers';

let agency: { token: string; email: string; password: string };
let seeker: { profileId: string; token: string };
const PASSPHRASE = 'あきのそらとこうようのやま';

beforeAll(async () => {
  await setClock(jst('2026-11-27', '10:00'));
  agency = await admittedAgency();
  const row = (await loadRows([profileRow()])).body.results[0];
  seeker = {
    profileId: row.id,
    token: (await api('POST', '/v1/seeker/activation', { body: { profileId: row.id, code: row.activationCode, passphrase: PASSPHRASE } }))
      .body.token,
  };
});

describe('R-OPS-1 maintenance windows', () => {
  it.each([
    // [JST instant, closed?, reopens at (JST)]
    ['2026-11-26T23:59:59', false, null],
    ['2026-11-27T00:00:00', true, '2026-11-27T06:00:00'],
    ['2026-11-27T05:59:59', true, '2026-11-27T06:00:00'],
    ['2026-11-27T06:00:00', false, null],
    ['2026-11-27T21:30:00', false, null], // not the month's last day
    ['2026-11-30T21:29:59', false, null],
    ['2026-11-30T21:30:00', true, '2026-12-01T06:00:00'],
    ['2026-11-30T23:59:59', true, '2026-12-01T06:00:00'],
    ['2026-12-01T05:59:59', true, '2026-12-01T06:00:00'],
    ['2026-12-01T06:00:00', false, null],
    ['2027-02-28T21:30:00', true, '2027-03-01T06:00:00'], // February's last day
    ['2028-02-28T21:30:00', false, null], // leap year: the 29th is the last day
    ['2028-02-29T21:30:00', true, '2028-03-01T06:00:00'],
  ] as const)('R-OPS-1 at %s JST agency and jobseeker routes are closed: %s', async (at, closed, reopens) => {
    await setClock(`${at}+09:00`);
    if (!closed) {
      agency.token = await signInAgency(agency);
      seeker.token = (
        await api('POST', '/v1/seeker/sessions', { body: { profileId: seeker.profileId, passphrase: PASSPHRASE } })
      ).body.token;
    }
    // The window is checked before the token, so even a stale token learns when service returns.
    for (const [path, token] of [
      ['/v1/agency/me', agency.token],
      ['/v1/me/sessions', seeker.token],
    ] as const) {
      const res = await api('GET', path, { token });
      if (!closed) {
        expect(res.status, path).toBe(200);
        continue;
      }
      expect(res.status, path).toBe(503);
      expect(res.body.code).toBe('maintenance');
      expect(res.body.detail).toContain('メンテナンス');
      expect(res.body.reopensAt).toBe(new Date(`${reopens}+09:00`).toISOString());
      const retryAfter = Number(res.headers.get('retry-after'));
      expect(retryAfter).toBe(Math.ceil((Date.parse(`${reopens}+09:00`) - Date.parse(`${at}+09:00`)) / 1000));
    }
    // Sign-in is an agency route too; bureau routes stay open.
    const signIn = await api('POST', '/v1/agency/sessions', { body: { email: 'x@agency.example.jp', password: 'whatever-password' } });
    expect(signIn.status).toBe(closed ? 503 : 401);
    expect((await api('GET', '/v1/admin/registrations', { token: await ministry() })).status).toBe(200);
  });
});

describe('R-OPS-2 per-account rate limits', () => {
  it('R-OPS-2 answers 429 with Retry-After once an account’s burst is spent, and only for that account', async () => {
    await setClock(jst('2026-11-27', '10:00'));
    agency.token = await signInAgency(agency);
    const seekerToken = (await api('POST', '/v1/seeker/sessions', { body: { profileId: seeker.profileId, passphrase: PASSPHRASE } })).body
      .token as string;
    const stub = env.SEEKER.get(env.SEEKER.idFromName(seeker.profileId));
    // Spend the burst at one instant a little ahead of real time, so no refill happens meanwhile.
    const wall = Date.now() + 20_000;
    const now = Date.parse(jst('2026-11-27', '10:00'));
    const outcomes: boolean[] = [];
    // The object knows the token without the worker's MAC (R-SEC-8), which the middleware strips.
    const raw = seekerToken.split('.').slice(0, 3).join('.');
    for (let i = 0; i < 301; i++) outcomes.push((await stub.authenticate(raw, now, wall)).ok);
    expect(outcomes.filter(Boolean)).toHaveLength(300);
    expect(outcomes[300]).toBe(false);
    const limited = await api('GET', '/v1/me/sessions', { token: seekerToken });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.body.detail).toMatch(/秒/);
    // Another account is not affected.
    expect((await api('GET', '/v1/agency/me', { token: agency.token })).status).toBe(200);
  }, 60_000);
});
