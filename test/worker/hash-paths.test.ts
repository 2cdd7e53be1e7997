/**
 * R-SEC-5 "no flood of sign-ins, for any role, slows anyone else's work" for every password hash
 * outside sign-in: registration, a password change, a bureau reset, an activation, a new seat and
 * a new staff account take the isolate's hashing slot (worker/lib/hash-gate.ts). With the budget
 * spent they answer 429 `sign_in_busy` before any write; throttles are checked before the slot.
 * R-SEC-6 with R-SEC-5: the bureau's reset code ends a seat's sign-in lock, in the memo too.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { admittedAgency, api, bureau, jst, loadRows, ministry, profileRow, setClock, unique } from './helpers';
import { eligibleBody } from './bureau-helpers';
import { GATE, resetHashGate, takeHashSlot } from '../../worker/lib/hash-gate';
import { LOCK_TRUST_MS, knownFailing, lockedFor, remember } from '../../worker/lib/sign-in-memo';

const NEW = 'a-brand-new-password-2027';
const T1 = jst('2027-07-14', '09:00');

/**
 * Spends the isolate's hashing budget as a flood would: one hash running, the queue full, one
 * refusal. Returns the way back to a quiet isolate.
 */
async function spendBudget(): Promise<() => Promise<void>> {
  const hold = await takeHashSlot('clean');
  if (!('release' in hold)) throw new Error('the gate was not quiet');
  const queued = Array.from({ length: GATE.calmQueue + 1 }, () => takeHashSlot('clean'));
  return async () => {
    resetHashGate();
    hold.release();
    for (const t of await Promise.all(queued)) if ('release' in t) t.release();
    resetHashGate();
  };
}

function expectBusy(r: { status: number; body: { code: string }; headers: Headers }) {
  expect([r.status, r.body.code]).toEqual([429, 'sign_in_busy']);
  expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
}

const register = (body: object, ip: string) => api('POST', '/v1/public/registrations', { body, headers: { 'cf-connecting-ip': ip } });

describe('R-SEC-5 every password hash takes the hashing budget', () => {
  beforeAll(async () => setClock(jst('2027-07-13', '09:00')), 30_000);
  afterEach(() => resetHashGate());

  it('R-SEC-5 a registration while the hashing budget is spent answers 429 sign_in_busy, counts nothing and writes nothing', async () => {
    const body = await eligibleBody();
    const quiet = await spendBudget();
    try {
      const r = await register(body, '192.0.2.150');
      expectBusy(r);
      // An applicant who is not signing in is not told about sign-in.
      expect(`${r.body.title} ${r.body.detail}`).not.toMatch(/サインイン/);
      expect(r.body.detail).toMatch(/秒後/);
    } finally {
      await quiet();
    }
    // Nothing was written: the same registration goes through now, and the address's count did
    // not grow (ten are free from one address in a day).
    expect((await register(body, '192.0.2.150')).status).toBe(201);
    for (let i = 0; i < 9; i++) expect((await register(await eligibleBody(), '192.0.2.150')).status).toBe(201);
    expect((await register(await eligibleBody(), '192.0.2.150')).body.code).toBe('registration_throttled');
  }, 60_000);

  it('R-SEC-5 a throttled address is refused for its registrations before the hashing budget is asked', async () => {
    for (let i = 0; i < 10; i++) expect((await register(await eligibleBody(), '192.0.2.151')).status).toBe(201);
    const quiet = await spendBudget();
    try {
      const r = await register(await eligibleBody(), '192.0.2.151');
      expect([r.status, r.body.code]).toEqual([429, 'registration_throttled']);
    } finally {
      await quiet();
    }
  }, 60_000);

  it('R-SEC-5 a password change, a reset, an activation, a new seat and a new staff account wait for the budget and write nothing when refused', async () => {
    const a = await admittedAgency();
    const staffToken = await ministry();
    const issued = await api('POST', `/v1/admin/agencies/${a.id}/sign-in-resets`, { token: await bureau('13') });
    const row = (await loadRows([profileRow()])).body.results[0];
    const seat = { name: '佐藤 花子', email: `${unique('seat')}@agency.example.jp`, password: 'seat-password-0001' };
    const staff = {
      email: `${unique('officer')}@mhlw.example.jp`,
      password: 'bureau-password-0001',
      name: '新任 職員',
      role: 'bureau',
      prefecture: '13',
    };
    const change = () => api('PUT', '/v1/me/password', { token: a.token, body: { currentPassword: a.password, newPassword: NEW } });
    const reset = () => api('POST', '/v1/agency/password-resets', { body: { email: a.email, code: issued.body.code, newPassword: NEW } });
    const activate = () =>
      api('POST', '/v1/seeker/activation', {
        body: { profileId: row.id, code: row.activationCode, passphrase: 'はるのひざしとさくらのはな' },
      });
    const addSeat = () => api('POST', '/v1/agency/seats', { token: a.token, body: seat });
    const addStaff = () => api('POST', '/v1/admin/staff', { token: staffToken, body: staff });

    const quiet = await spendBudget();
    try {
      for (const call of [change, reset, activate, addSeat, addStaff]) expectBusy(await call());
    } finally {
      await quiet();
    }
    // Nothing was half done: the old password, the reset code, the activation code and both
    // emails are as they were, so each call goes through once the budget is back.
    expect((await addSeat()).status).toBe(201);
    expect((await addStaff()).status).toBe(201);
    expect((await activate()).status).toBe(201);
    expect((await change()).status).toBe(200);
    expect((await reset()).status).toBe(204);
    expect((await api('POST', '/v1/agency/sessions', { body: { email: a.email, password: NEW } })).status).toBe(201);
  }, 60_000);
});

describe('R-SEC-6 R-SEC-5 a reset ends the sign-in lock', () => {
  beforeAll(async () => setClock(T1), 30_000);
  afterEach(() => resetHashGate());

  it("R-SEC-6 R-SEC-5 a seat locked by wrong passwords is reset by the bureau's one-time code and signs in with its new password", async () => {
    const a = await admittedAgency();
    const signIn = (password: string) => api('POST', '/v1/agency/sessions', { body: { email: a.email, password } });
    const outcomes: number[] = [];
    for (let i = 0; i < 6; i++) outcomes.push((await signIn(`wrong-password-${i}`)).status);
    expect(outcomes).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await signIn(a.password)).body.code).toBe('sign_in_locked');
    const issued = await api('POST', `/v1/admin/agencies/${a.id}/sign-in-resets`, { token: await bureau('13') });
    const used = await api('POST', '/v1/agency/password-resets', { body: { email: a.email, code: issued.body.code, newPassword: NEW } });
    expect(used.status).toBe(204);
    // The lock ended with the reset, in this isolate's memo too; the count starts again from zero.
    expect((await signIn(NEW)).status).toBe(201);
    expect((await signIn(a.password)).status).toBe(401);
    const view = await api('GET', `/v1/admin/agencies/${a.id}`, { token: await ministry() });
    expect(view.body.signIn).toEqual({ failures: 1, lockedUntil: null });
  }, 30_000);

  it('R-SEC-6 R-SEC-5 wrong reset codes do not lock the seat out of signing in, and the lock does not hold a right code back', async () => {
    const a = await admittedAgency();
    const bad = () =>
      api('POST', '/v1/agency/password-resets', { body: { email: a.email, code: 'AAAA-BBBB-CCCC-DDDD', newPassword: NEW } });
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await bad()).status);
    expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
    // Wrong codes count on the reset key: the seat still signs in with its password.
    expect((await api('POST', '/v1/agency/sessions', { body: { email: a.email, password: a.password } })).status).toBe(201);
  }, 30_000);

  it('R-SEC-6 R-SEC-5 after a password change the account starts from a clean count, in the memo too', async () => {
    const a = await admittedAgency();
    const signIn = (password: string) => api('POST', '/v1/agency/sessions', { body: { email: a.email, password } });
    for (let i = 0; i < 4; i++) expect((await signIn(`wrong-password-${i}`)).status).toBe(401);
    const memoKey = `account:agency:${a.email.toLowerCase()}`;
    expect(knownFailing(memoKey, Date.parse(T1))).toBe(true);
    const ok = await api('PUT', '/v1/me/password', { token: a.token, body: { currentPassword: a.password, newPassword: NEW } });
    expect(ok.status).toBe(200);
    const view = await api('GET', `/v1/admin/agencies/${a.id}`, { token: await ministry() });
    expect(view.body.signIn).toEqual({ failures: 0, lockedUntil: null });
    // Its sign-ins no longer go to the hashing budget's failing lane.
    expect(knownFailing(memoKey, Date.parse(T1))).toBe(false);
    expect((await signIn(NEW)).status).toBe(201);
  }, 30_000);

  it("R-SEC-6 R-SEC-5 another isolate's remembered lock is trusted for a short while only, so a reset elsewhere is seen", () => {
    const t = Date.parse(T1);
    remember('account:agency:elsewhere@example.jp', { failures: 6, lockedUntil: t + 3600_000 }, t);
    expect(lockedFor('account:agency:elsewhere@example.jp', t, Date.now())).toBe(3600);
    expect(lockedFor('account:agency:elsewhere@example.jp', t, Date.now() + LOCK_TRUST_MS - 1000)).toBe(3600);
    // Later the key's object is asked again (it knows whether a reset ended the lock).
    expect(lockedFor('account:agency:elsewhere@example.jp', t, Date.now() + LOCK_TRUST_MS)).toBe(0);
  });
});
