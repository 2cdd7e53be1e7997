/**
 * R-SEC-5 from the attacker's side: guessing passwords does not pay, for every role, per account
 * and per client address; the right password does not get through a lock; unknown accounts look
 * the same as known ones; locks show in the audit log and the bureau's account view.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { admittedAgency, api, jst, ministry, setClock, unique } from './helpers';
import { eligibleBody, seekerIn } from './bureau-helpers';

const T0 = jst('2027-05-10', '10:00');
const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();

type Attempt = { status: number; code: string; retryAfter: number | null; detail: string };
async function agencySignIn(email: string, password: string, ip?: string): Promise<Attempt> {
  const res = await api('POST', '/v1/agency/sessions', { body: { email, password }, headers: ip ? { 'cf-connecting-ip': ip } : {} });
  const ra = res.headers.get('retry-after');
  return { status: res.status, code: res.body?.code, retryAfter: ra === null ? null : Number(ra), detail: res.body?.detail };
}

describe('R-SEC-5 throttled sign-in', () => {
  let agency: { id: string; email: string; password: string };
  beforeAll(async () => {
    await setClock(T0);
    agency = await admittedAgency();
  }, 30_000);

  it('R-SEC-5 30 wrong passwords for one agency meet 429 with Retry-After, and the right password is refused during the lock', async () => {
    const outcomes: Attempt[] = [];
    for (let i = 0; i < 30; i++) outcomes.push(await agencySignIn(agency.email, `wrong-password-${i}`));
    expect(outcomes.slice(0, 5).map((o) => o.status)).toEqual([401, 401, 401, 401, 401]);
    expect(outcomes.slice(5).every((o) => o.status === 429 && o.code === 'sign_in_locked')).toBe(true);
    expect(outcomes[5]!.retryAfter).toBe(30);
    const right = await agencySignIn(agency.email, agency.password);
    expect(right.status).toBe(429);
    expect(right.retryAfter).toBeGreaterThan(0);

    // The bureau sees the lock on the account view, and the audit log recorded it.
    const view = await api('GET', `/v1/admin/agencies/${agency.id}`, { token: await ministry() });
    expect(view.body.signIn).toEqual({ failures: 6, lockedUntil: at(30) });
    const audit = await api('GET', '/v1/admin/audit?action=sign_in.locked', { token: await ministry() });
    expect(audit.body.items.some((e: { target: string }) => e.target === agency.id)).toBe(true);
  }, 30_000);

  it('R-SEC-5 the delays grow: 30 s, 1 min, 2 min; one second before the end is still a lock; a success clears the count', async () => {
    // Continues from the lock above (6 failures, locked until T0 + 30 s).
    await setClock(at(29));
    expect((await agencySignIn(agency.email, agency.password)).status).toBe(429);
    await setClock(at(30));
    const seventh = await agencySignIn(agency.email, 'still-wrong-0001');
    expect([seventh.status, seventh.retryAfter]).toEqual([429, 60]);
    await setClock(at(90));
    const eighth = await agencySignIn(agency.email, 'still-wrong-0002');
    expect([eighth.status, eighth.retryAfter]).toEqual([429, 120]);
    await setClock(at(209));
    expect((await agencySignIn(agency.email, agency.password)).status).toBe(429);
    await setClock(at(210));
    expect((await agencySignIn(agency.email, agency.password)).status).toBe(201);
    // Cleared: five free failures again.
    for (let i = 0; i < 5; i++) expect((await agencySignIn(agency.email, `again-wrong-${i}`)).status).toBe(401);
    expect((await agencySignIn(agency.email, agency.password)).status).toBe(201);
    const view = await api('GET', `/v1/admin/agencies/${agency.id}`, { token: await ministry() });
    expect(view.body.signIn).toEqual({ failures: 0, lockedUntil: null });
  }, 30_000);

  it('R-SEC-5 an unknown email gets exactly the same answers as a known one (no enumeration)', async () => {
    await setClock(at(1000));
    const known = (await admittedAgency()).email;
    const unknown = `${unique('nobody')}@agency.example.jp`;
    for (let i = 0; i < 7; i++) {
      const a = await agencySignIn(known, `wrong-${i}`);
      const b = await agencySignIn(unknown, `wrong-${i}`);
      expect(b).toEqual(a);
    }
  }, 30_000);

  it('R-SEC-5 one client address guessing across many accounts is locked, for the right password too; other addresses are not', async () => {
    await setClock(at(2000));
    const ip = `203.0.113.${Math.floor(Math.random() * 200) + 1}`;
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await agencySignIn(`${unique('spray')}@agency.example.jp`, 'Password123!', ip)).status);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
    const fresh = await admittedAgency();
    const locked = await agencySignIn(fresh.email, fresh.password, ip);
    expect([locked.status, locked.code, locked.retryAfter]).toEqual([429, 'sign_in_locked', 60]);
    expect((await agencySignIn(fresh.email, fresh.password, '198.51.100.7')).status).toBe(201);
  }, 30_000);

  it('R-SEC-5 staff and jobseekers are throttled the same way; staff locks and staff sign-ins are audited', async () => {
    await setClock(at(3000));
    const email = `${unique('officer')}@mhlw.example.jp`;
    await api('POST', '/v1/admin/staff', {
      token: await ministry(),
      body: { email, password: 'bureau-password-0001', name: '労働 次郎', role: 'bureau', prefecture: '13' },
    });
    const staff: number[] = [];
    for (let i = 0; i < 6; i++) staff.push((await api('POST', '/v1/admin/sessions', { body: { email, password: `bad-${i}` } })).status);
    expect(staff).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await api('POST', '/v1/admin/sessions', { body: { email, password: 'bureau-password-0001' } })).status).toBe(429);
    const locks = await api('GET', '/v1/admin/audit?action=sign_in.locked', { token: await ministry() });
    expect(locks.body.items.some((e: { details: { role: string } }) => e.details.role === 'staff')).toBe(true);
    await setClock(at(3031));
    expect((await api('POST', '/v1/admin/sessions', { body: { email, password: 'bureau-password-0001' } })).status).toBe(201);
    const signIns = await api('GET', '/v1/admin/audit?action=staff.sign_in', { token: await ministry() });
    expect(signIns.body.items.length).toBeGreaterThan(0);

    const seeker = await seekerIn('13');
    const seekers: number[] = [];
    for (let i = 0; i < 6; i++)
      seekers.push(
        (await api('POST', '/v1/seeker/sessions', { body: { profileId: seeker.profileId, passphrase: `まちがったあいことば${i}` } }))
          .status,
      );
    expect(seekers).toEqual([401, 401, 401, 401, 401, 429]);
    expect(
      (await api('POST', '/v1/seeker/sessions', { body: { profileId: seeker.profileId, passphrase: 'はるのひざしとさくらのはな' } }))
        .status,
    ).toBe(429);
  }, 30_000);

  it('R-SEC-5 public registration is throttled per client address', async () => {
    await setClock(at(4000));
    const ip = `192.0.2.${Math.floor(Math.random() * 200) + 1}`;
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++)
      statuses.push(
        (await api('POST', '/v1/public/registrations', { body: await eligibleBody(), headers: { 'cf-connecting-ip': ip } })).status,
      );
    expect(statuses).toEqual(Array(10).fill(201));
    const last = await api('POST', '/v1/public/registrations', { body: await eligibleBody(), headers: { 'cf-connecting-ip': ip } });
    expect(last.status).toBe(429);
    expect(last.body.code).toBe('registration_throttled');
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(
      (await api('POST', '/v1/public/registrations', { body: await eligibleBody(), headers: { 'cf-connecting-ip': '198.51.100.9' } }))
        .status,
    ).toBe(201);
  });
});
