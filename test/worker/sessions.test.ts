import { env, runInDurableObject } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { admittedAgency, api, jst, loadRows, ministry, profileRow, setClock } from './helpers';

beforeAll(async () => {
  await setClock(jst('2026-11-27', '10:00'));
});

async function activatedSeeker() {
  const row = (await loadRows([profileRow()])).body.results[0];
  const res = await api('POST', '/v1/seeker/activation', {
    body: { profileId: row.id, code: row.activationCode, passphrase: 'はるのひざしとさくらのはな' },
  });
  return { profileId: row.id as string, code: row.activationCode as string, token: res.body.token as string, res };
}

describe('R-SEC-2 accounts and sessions', () => {
  it('R-SEC-2 stores the password as a salted PBKDF2 hash and tokens only as hashes', async () => {
    const agency = await admittedAgency();
    const stub = env.AGENCY.get(env.AGENCY.idFromName(agency.id));
    await runInDurableObject(stub, async (_obj, state) => {
      // R-ORG-2: the password is the liaison officer's seat's.
      const password = state.storage.sql
        .exec<{ value: string }>('SELECT password_hash AS value FROM seats WHERE id = ?', agency.id)
        .one().value;
      expect(password).toMatch(/^pbkdf2-sha256\$100000\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
      expect(password).not.toContain(agency.password);
      const sessions = state.storage.sql.exec<{ token_hash: string }>('SELECT token_hash FROM sessions').toArray();
      expect(sessions.length).toBeGreaterThan(0);
      for (const s of sessions) {
        expect(s.token_hash).toMatch(/^[0-9a-f]{64}$/);
        expect(agency.token).not.toContain(s.token_hash);
      }
    });
    // At least 128 random bits in the secret part of the token.
    expect(agency.token.split('.')[2]!.length).toBeGreaterThanOrEqual(22);
  });

  it('R-SEC-2 refuses a wrong password and an unknown account alike', async () => {
    const agency = await admittedAgency();
    const wrong = await api('POST', '/v1/agency/sessions', { body: { email: agency.email, password: 'wrong-password-123' } });
    const unknown = await api('POST', '/v1/agency/sessions', {
      body: { email: 'nobody@agency.example.jp', password: 'wrong-password-123' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.code).toBe(unknown.body.code);
    expect(JSON.stringify(wrong.body)).not.toContain('wrong-password-123');
  });

  it('R-SEC-2 refuses a token of one role on another role’s routes, and forged tokens', async () => {
    const agency = await admittedAgency();
    const seeker = await activatedSeeker();
    expect((await api('GET', '/v1/agency/me', { token: seeker.token })).status).toBe(403);
    expect((await api('DELETE', '/v1/seeker/profile', { token: agency.token })).status).toBe(403);
    expect((await api('GET', '/v1/admin/registrations', { token: agency.token })).status).toBe(403);
    const forged = agency.token.slice(0, -4) + 'AAAA';
    expect((await api('GET', '/v1/agency/me', { token: forged })).status).toBe(401);
    const otherAccount = agency.token.replace(agency.id, 'A0000000000');
    expect((await api('GET', '/v1/agency/me', { token: otherAccount })).status).toBe(401);
  });

  it('R-SEC-2 ends a session after 4 idle hours and after 12 hours in all', async () => {
    await setClock(jst('2026-11-27', '08:00'));
    const agency = await admittedAgency();
    await setClock(jst('2026-11-27', '11:59'));
    expect((await api('GET', '/v1/agency/me', { token: agency.token })).status).toBe(200);
    await setClock(jst('2026-11-27', '15:58'));
    expect((await api('GET', '/v1/agency/me', { token: agency.token })).status).toBe(200);
    await setClock(jst('2026-11-27', '19:57'));
    expect((await api('GET', '/v1/agency/me', { token: agency.token })).status).toBe(200);
    // 12 hours after sign-in, however active.
    await setClock(jst('2026-11-27', '20:00'));
    const expired = await api('GET', '/v1/agency/me', { token: agency.token });
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('unauthenticated');

    await setClock(jst('2026-11-28', '08:00'));
    const idle = await api('POST', '/v1/agency/sessions', { body: { email: agency.email, password: agency.password } });
    await setClock(jst('2026-11-28', '12:00'));
    expect((await api('GET', '/v1/agency/me', { token: idle.body.token })).status).toBe(401);
    await setClock(jst('2026-11-27', '10:00'));
  });
});

describe('R-RET-3 a revoked agency’s extension still learns it must delete', () => {
  it('R-RET-3 answers any token of a revoked agency with 403 agency_revoked, not a bare 401', async () => {
    const agency = await admittedAgency();
    const revoked = await api('POST', `/v1/admin/agencies/${agency.id}/revocation`, {
      token: await ministry(),
      body: { reason: '悪質な違反' },
    });
    expect(revoked.status).toBe(200);
    const res = await api('GET', '/v1/agency/events', { token: agency.token });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('agency_revoked');
    expect(res.body.detail).toContain('削除');
  });
});

describe('R-SEC-1 a user lists and ends their sessions', () => {
  it('R-SEC-1 lists sessions, ends one and then all', async () => {
    const agency = await admittedAgency();
    const second = (await api('POST', '/v1/agency/sessions', { body: { email: agency.email, password: agency.password } })).body.token;
    const list = await api('GET', '/v1/me/sessions', { token: agency.token });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const other = list.body.items.find((s: { current: boolean }) => !s.current);
    expect((await api('DELETE', `/v1/me/sessions/${other.id}`, { token: agency.token })).status).toBe(204);
    expect((await api('GET', '/v1/agency/me', { token: second })).status).toBe(401);
    expect((await api('DELETE', `/v1/me/sessions/${other.id}`, { token: agency.token })).status).toBe(404);
    expect((await api('DELETE', '/v1/me/sessions', { token: agency.token })).status).toBe(204);
    expect((await api('GET', '/v1/agency/me', { token: agency.token })).status).toBe(401);
  });

  it('R-SEC-1 staff sessions are their own: one officer cannot end another’s', async () => {
    const token = await ministry();
    const list = await api('GET', '/v1/me/sessions', { token });
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    const agency = await admittedAgency();
    expect((await api('DELETE', `/v1/me/sessions/${list.body.items[0].id}`, { token: agency.token })).status).toBe(404);
  });
});

describe('jobseeker activation', () => {
  it('R-SEC-2 activates once with the code from Hello Work, then signs in with the passphrase', async () => {
    const seeker = await activatedSeeker();
    expect(seeker.res.status).toBe(201);
    expect(seeker.res.body).toMatchObject({ role: 'seeker', profileId: seeker.profileId });
    const again = await api('POST', '/v1/seeker/activation', {
      body: { profileId: seeker.profileId, code: seeker.code, passphrase: 'べつのぱすふれーずですよね' },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('activation_used');
    const signIn = await api('POST', '/v1/seeker/sessions', {
      body: { profileId: seeker.profileId, passphrase: 'はるのひざしとさくらのはな' },
    });
    expect(signIn.status).toBe(201);
    const wrong = await api('POST', '/v1/seeker/sessions', {
      body: { profileId: seeker.profileId, passphrase: 'ちがうぱすふれーずですよね' },
    });
    expect(wrong.status).toBe(401);
  });

  it('R-SEC-2 refuses a wrong code, a code of another profile and a short passphrase', async () => {
    const [a, b] = (await loadRows([profileRow(), profileRow()])).body.results;
    expect(
      (
        await api('POST', '/v1/seeker/activation', {
          body: { profileId: a.id, code: b.activationCode, passphrase: 'はるのひざしとさくらのはな' },
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await api('POST', '/v1/seeker/activation', {
          body: { profileId: a.id, code: 'ABCD-EFGH-JKMN', passphrase: 'はるのひざしとさくらのはな' },
        })
      ).status,
    ).toBe(401);
    const short = await api('POST', '/v1/seeker/activation', { body: { profileId: a.id, code: a.activationCode, passphrase: 'short' } });
    expect(short.status).toBe(400);
    expect(short.body.errors[0].path).toBe('passphrase');
    // The code still works after those failures.
    expect(
      (
        await api('POST', '/v1/seeker/activation', {
          body: { profileId: a.id, code: a.activationCode.toLowerCase(), passphrase: 'はるのひざしとさくらのはな' },
        })
      ).status,
    ).toBe(201);
  });

  it('R-SEC-2 lets an activation code expire after 90 days', async () => {
    await setClock(jst('2026-11-27', '10:00'));
    const input = profileRow();
    const row = (await loadRows([input])).body.results[0];
    // The office extended the registration (R-FEED-6), so the profile is still in the feed.
    await setClock(jst('2027-01-20', '10:00'));
    expect((await loadRows([{ ...input, id: row.id, validUntil: '2027-03-31' }])).body.results[0]).toMatchObject({
      ok: true,
      validUntil: '2027-03-31',
    });
    await setClock(jst('2027-02-25', '10:00'));
    const res = await api('POST', '/v1/seeker/activation', {
      body: { profileId: row.id, code: row.activationCode, passphrase: 'はるのひざしとさくらのはな' },
    });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('activation_expired');
    await setClock(jst('2026-11-27', '10:00'));
  });
});
