import { describe, expect, it } from 'vitest';
import { api, jst, ministry, setClock } from './helpers';

describe('the app', () => {
  it('answers health with the worker clock', async () => {
    const res = await api('GET', '/v1/health');
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(true);
  });

  it('R-SEC-3 answers an unknown route with a 404 problem in Japanese', async () => {
    const res = await api('GET', '/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 404, code: 'not_found' });
    expect(res.body.title).toMatch(/[ぁ-んァ-ン一-龥]/);
  });

  it('R-SEC-3 answers malformed JSON with a 400 problem', async () => {
    const res = await api('POST', '/v1/agency/sessions', { raw: '{"email": "a@b.jp", ', headers: {} });
    // Inside or outside the maintenance window, the body is never a 500.
    expect([400, 503]).toContain(res.status);
    await setClock(jst('2026-11-27', '10:00'));
    const again = await api('POST', '/v1/agency/sessions', { raw: '{"email": "a@b.jp", ' });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('malformed_json');
  });

  it('R-SEC-3 answers wrong types and unknown fields with field-level problems', async () => {
    await setClock(jst('2026-11-27', '10:00'));
    const wrongType = await api('POST', '/v1/agency/sessions', { body: { email: 42, password: ['x'] } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.code).toBe('invalid_request');
    expect(wrongType.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['email', 'password']));
    const unknown = await api('POST', '/v1/agency/sessions', { body: { email: 'a@b.jp', password: 'x', admin: true } });
    expect(unknown.status).toBe(400);
  });

  it('R-SEC-3 refuses an oversize body with 413 before reading it', async () => {
    const res = await api('POST', '/v1/public/registrations', { raw: JSON.stringify({ pad: 'x'.repeat(200_000) }) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload_too_large');
  });

  it('serves an OpenAPI document that lists the routes built so far', async () => {
    const res = await api('GET', '/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/health',
        '/v1/public/registrations',
        '/v1/agency/sessions',
        '/v1/seeker/sessions',
        '/v1/admin/sessions',
        '/v1/me/sessions',
        '/v1/me/sessions/{id}',
        '/v1/agency/feed',
        '/v1/agency/feed/{profileId}',
        '/v1/agency/acceptances',
        '/v1/admin/feed/profiles',
        '/v1/admin/feed/profiles/{id}',
        '/v1/admin/clock',
        '/v1/admin/staff',
        '/v1/seeker/activation',
        '/v1/seeker/profile',
      ]),
    );
  });

  it('T-5 moves the worker clock for the ministry only, and "now" follows it', async () => {
    const anonymous = await api('PUT', '/v1/admin/clock', { body: { at: jst('2027-01-04'), frozen: true } });
    expect(anonymous.status).toBe(401);
    await setClock(jst('2027-01-04', '09:30'));
    expect((await api('GET', '/v1/health')).body.now).toBe('2027-01-04T00:30:00.000Z');
    await setClock(null);
    expect(Math.abs(Date.parse((await api('GET', '/v1/health')).body.now) - Date.now())).toBeLessThan(60_000);
    void ministry;
  });
});
