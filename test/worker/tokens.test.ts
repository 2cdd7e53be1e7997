/**
 * R-SEC-8 from the attacker's side: tokens the system did not issue are refused before any
 * per-account object is addressed, and made-up IDs create no storage anywhere. Checked by listing
 * the Durable Object IDs the test pool has created.
 */
import { env, listDurableObjectIds } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { admittedAgency, api, jst, setClock } from './helpers';
import { seekerIn } from './bureau-helpers';

const bindings = env as unknown as Env;

async function exists(ns: DurableObjectNamespace, name: string): Promise<boolean> {
  const id = ns.idFromName(name).toString();
  return (await listDurableObjectIds(ns)).some((x) => x.toString() === id);
}

const SECRET = 'q3XyZ0123456789abcdefGHIJ';
const MAC = 'AAAAAAAAAAAAAAAAAAAAAA';

describe('R-SEC-8 tokens that prove themselves', () => {
  let agency: { id: string; token: string; email: string; password: string };
  beforeAll(async () => {
    await setClock(jst('2027-04-05', '10:00'));
    agency = await admittedAgency();
  });

  it('R-SEC-8 a forged token with a made-up account ID is refused and creates no object', async () => {
    for (const [role, ns, id, path] of [
      ['a', bindings.AGENCY, 'AFORGED0000', '/v1/agency/me'],
      ['s', bindings.SEEKER, '13-FORGED0000', '/v1/seeker/conversations'],
      ['a', bindings.AGENCY, 'AFORGED0001', '/v1/me/sessions'],
    ] as const) {
      for (const token of [`${role}.${id}.${SECRET}.${MAC}`, `${role}.${id}.${SECRET}`]) {
        const res = await api('GET', path, { token });
        expect(res.status, `${token} ${path}`).toBe(401);
        expect(res.body.code).toBe('unauthenticated');
      }
      expect(await exists(ns, id)).toBe(false);
    }
  });

  it('R-SEC-8 a real token with another account ID or another MAC is refused', async () => {
    const [role, id, secret, mac] = agency.token.split('.') as [string, string, string, string];
    expect(mac).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect((await api('GET', '/v1/me/sessions', { token: agency.token })).status).toBe(200);
    expect(await exists(bindings.AGENCY, id)).toBe(true); // the listing does see real objects
    const swapped = `${role}.AFORGED0002.${secret}.${mac}`;
    expect((await api('GET', '/v1/me/sessions', { token: swapped })).status).toBe(401);
    expect(await exists(bindings.AGENCY, 'AFORGED0002')).toBe(false);
    const flipped = `${role}.${id}.${secret}.${mac.startsWith('A') ? 'B' : 'A'}${mac.slice(1)}`;
    expect((await api('GET', '/v1/me/sessions', { token: flipped })).status).toBe(401);
    // A staff letter on an agency's MAC is a different text: refused too.
    expect((await api('GET', '/v1/me/sessions', { token: `b.${id}.${secret}.${mac}` })).status).toBe(401);
  });

  it('R-SEC-8 jobseeker sign-in with a well-formed made-up ID creates no SeekerObject', async () => {
    const made = '13-ZZZZZZZZZZ';
    const res = await api('POST', '/v1/seeker/sessions', { body: { profileId: made, passphrase: 'はるのひざしとさくらのはな' } });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('invalid_credentials');
    expect(await exists(bindings.SEEKER, made)).toBe(false);
    // A real jobseeker still signs in, including after leaving the feed.
    const seeker = await seekerIn('13');
    expect(
      (await api('POST', '/v1/seeker/sessions', { body: { profileId: seeker.profileId, passphrase: 'はるのひざしとさくらのはな' } }))
        .status,
    ).toBe(201);
    expect((await api('DELETE', '/v1/seeker/profile', { token: seeker.token })).status).toBeLessThan(300);
    expect(
      (await api('POST', '/v1/seeker/sessions', { body: { profileId: seeker.profileId, passphrase: 'はるのひざしとさくらのはな' } }))
        .status,
    ).toBe(201);
  });

  it('R-SEC-8 blocking or unblocking a made-up agency ID answers 404 and creates no AgencyObject', async () => {
    const seeker = await seekerIn('13');
    for (const method of ['PUT', 'DELETE']) {
      const made = method === 'PUT' ? 'AMADEUP0000' : 'AMADEUP0001';
      const res = await api(method, `/v1/seeker/blocks/${made}`, { token: seeker.token });
      expect(res.status, JSON.stringify(res.body)).toBe(404);
      expect(await exists(bindings.AGENCY, made)).toBe(false);
    }
    expect((await api('DELETE', `/v1/seeker/blocks/${agency.id}`, { token: seeker.token })).status).toBe(204);
  });
});
