/**
 * R-SEC-5 "no flood of sign-ins, for any role, slows anyone else's work", from the attacker's side:
 * a burst of wrong sign-ins meets 429 before any password is hashed (the isolate's hashing budget,
 * worker/lib/hash-gate.ts), nothing of it is counted, unknown emails get the same answers, the
 * right password is still refused during a lock, and a user whose account and address have not
 * failed still gets in. The in-isolate memo of lock answers (worker/lib/sign-in-memo.ts) is tested
 * on its own below. Not timed: the flood's cost is measured by `BENCH_ONLY=signin npm run bench`.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { admittedAgency, api, jst, ministry, setClock, unique } from './helpers';
import { MEMO_SIZE, forget, knownFailing, lockedFor, memoSize, remember } from '../../worker/lib/sign-in-memo';
import { throttledAddress } from '../../worker/lib/throttle';
import { resetHashGate } from '../../worker/lib/hash-gate';

const T0 = jst('2027-07-12', '09:00');
const wrong = (email: string, i: number, ip: string) =>
  api('POST', '/v1/agency/sessions', { body: { email, password: `wrong-password-${i}` }, headers: { 'cf-connecting-ip': ip } });
const failuresOf = async (id: string) => (await api('GET', `/v1/admin/agencies/${id}`, { token: await ministry() })).body.signIn;

describe('R-SEC-5 a flood of sign-ins', () => {
  beforeAll(async () => setClock(T0), 30_000);
  afterEach(() => resetHashGate());

  it('R-SEC-5 a burst of wrong sign-ins for a failing account meets 429 before hashing; only the first is checked and counted', async () => {
    const agency = await admittedAgency();
    expect((await wrong(agency.email, 0, '198.51.100.60')).status).toBe(401);
    const burst = await Promise.all(Array.from({ length: 10 }, (_, i) => wrong(agency.email, i + 1, `198.51.100.${61 + i}`)));
    const busy = burst.filter((r) => r.status === 429);
    expect(burst.filter((r) => r.status === 401)).toHaveLength(1);
    expect(busy).toHaveLength(9);
    for (const r of busy) {
      expect(r.body.code).toBe('sign_in_busy');
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // Nothing refused for the budget was counted: two failures in all, no lock.
    expect(await failuresOf(agency.id)).toEqual({ failures: 2, lockedUntil: null });
  });

  it('R-SEC-5 during a flood an account and address that have not failed still get in, and unknown emails get the same answer as known ones', async () => {
    const known = await admittedAgency();
    const unknown = `${unique('nobody')}@agency.example.jp`;
    expect((await wrong(known.email, 0, '198.51.100.80')).status).toBe(401);
    expect((await wrong(unknown, 0, '198.51.100.81')).status).toBe(401);
    const burst = await Promise.all(
      Array.from({ length: 8 }, (_, i) => wrong(i % 2 ? unknown : known.email, i + 1, `198.51.100.${82 + (i % 2)}`)),
    );
    const answer = (r: (typeof burst)[number]) => [r.status, r.body.code, r.body.title];
    const seen = burst.filter((r) => r.status === 429);
    expect(seen.length).toBeGreaterThanOrEqual(7);
    expect(new Set(seen.map((r) => JSON.stringify(answer(r)))).size).toBe(1);
    expect(answer(seen[0]!)).toEqual([429, 'sign_in_busy', 'サインインが混み合っています']);
    // The budget is spent for failing keys only: a clean account from a clean address still gets in.
    const real = await admittedAgency();
    const signIn = await api('POST', '/v1/agency/sessions', {
      body: { email: real.email, password: real.password },
      headers: { 'cf-connecting-ip': '203.0.113.90' },
    });
    expect(signIn.status).toBe(201);
    // And the failing ones are still refused without a password check.
    expect((await wrong(known.email, 99, '198.51.100.80')).body.code).toBe('sign_in_busy');
  });

  it('R-SEC-5 a burst of honest sign-ins at opening time all get in (they wait their turn; no flood starts)', async () => {
    const agencies = [];
    for (let i = 0; i < 8; i++) agencies.push(await admittedAgency());
    const typo = agencies[0]!;
    expect((await wrong(typo.email, 0, '203.0.113.150')).status).toBe(401);
    const burst = await Promise.all(
      agencies.map((a, i) =>
        api('POST', '/v1/agency/sessions', {
          body: { email: a.email, password: a.password },
          headers: { 'cf-connecting-ip': `203.0.113.${151 + i}` },
        }),
      ),
    );
    expect(burst.map((r) => r.status)).toEqual(Array(8).fill(201));
    // No flood started: a user's wrong tries still get their ordinary answers.
    expect((await wrong(typo.email, 1, '203.0.113.150')).status).toBe(401);
  });

  it('R-SEC-5 the right password is refused during a lock, also when the lock is answered from memory', async () => {
    const agency = await admittedAgency();
    const ip = '198.51.100.120';
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await wrong(agency.email, i, ip)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    for (let i = 0; i < 3; i++) {
      const right = await api('POST', '/v1/agency/sessions', { body: { email: agency.email, password: agency.password } });
      expect([right.status, right.body.code, right.headers.get('retry-after')]).toEqual([429, 'sign_in_locked', '30']);
    }
    await setClock(new Date(Date.parse(T0) + 29_000).toISOString());
    expect(
      (await api('POST', '/v1/agency/sessions', { body: { email: agency.email, password: agency.password } })).headers.get('retry-after'),
    ).toBe('1');
    await setClock(new Date(Date.parse(T0) + 30_000).toISOString());
    expect((await api('POST', '/v1/agency/sessions', { body: { email: agency.email, password: agency.password } })).status).toBe(201);
  });
});

describe('R-SEC-5 the isolate’s memo of throttle answers', () => {
  const t = Date.parse('2027-07-12T00:00:00Z');

  it('R-SEC-5 a remembered lock refuses until its end and not one second after; a moved-back clock forgets it', () => {
    remember('account:agency:memo@example.jp', { failures: 6, lockedUntil: t + 30_000 }, t);
    expect(lockedFor('account:agency:memo@example.jp', t)).toBe(30);
    expect(lockedFor('account:agency:memo@example.jp', t + 29_000)).toBe(1);
    expect(lockedFor('account:agency:memo@example.jp', t + 30_000)).toBe(0);
    expect(knownFailing('account:agency:memo@example.jp', t + 30_000)).toBe(true);
    expect(lockedFor('account:agency:memo@example.jp', t - 1)).toBe(0);
    expect(knownFailing('account:agency:memo@example.jp', t + 30_000)).toBe(false);
    remember('account:agency:memo2@example.jp', { failures: 1, lockedUntil: 0 }, t);
    forget('account:agency:memo2@example.jp');
    expect(knownFailing('account:agency:memo2@example.jp', t)).toBe(false);
  });

  it('R-SEC-5 the memo is bounded: the least recently used key goes first', () => {
    remember('address:first', { failures: 1, lockedUntil: t + 60_000 }, t);
    for (let i = 0; i < MEMO_SIZE; i++) remember(`address:filler-${i}`, { failures: 1, lockedUntil: 0 }, t);
    expect(memoSize()).toBe(MEMO_SIZE);
    expect(lockedFor('address:first', t)).toBe(0);
    expect(knownFailing(`address:filler-${MEMO_SIZE - 1}`, t)).toBe(true);
  });
});

describe('R-SEC-5 client addresses as the throttle counts them', () => {
  it('R-SEC-5 an IPv6 address counts by its /64; IPv4 and IPv4-mapped addresses count whole; odd text is kept whole', () => {
    expect(throttledAddress('2001:db8:1:2::a')).toBe('2001:db8:1:2::/64');
    expect(throttledAddress('2001:0DB8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(throttledAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(throttledAddress('::1')).toBe('0:0:0:0::/64');
    expect(throttledAddress('2001:db8:1:3::a')).toBe('2001:db8:1:3::/64');
    expect(throttledAddress('198.51.100.7')).toBe('198.51.100.7');
    expect(throttledAddress('::ffff:198.51.100.7')).toBe('198.51.100.7');
    for (const odd of ['1:2:3:4:5:6:7:8:9', '1::2::3', 'zz::1', '1:2:3:4:5:6:7:8::', 'fe80::1%eth0'])
      expect(throttledAddress(odd)).toBe(odd);
  });

  it('R-SEC-5 guesses from many addresses of one IPv6 /64 share one address lock; the next /64 is not locked', async () => {
    await setClock(jst('2027-07-13', '09:00'));
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++)
      statuses.push((await wrong(`${unique('spray6')}@agency.example.jp`, i, `2001:db8:77:1::${(i + 1).toString(16)}`)).status);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
    const real = await admittedAgency();
    const fromSame = await api('POST', '/v1/agency/sessions', {
      body: { email: real.email, password: real.password },
      headers: { 'cf-connecting-ip': '2001:db8:77:1:ffff::9' },
    });
    expect([fromSame.status, fromSame.body.code]).toEqual([429, 'sign_in_locked']);
    const fromNext = await api('POST', '/v1/agency/sessions', {
      body: { email: real.email, password: real.password },
      headers: { 'cf-connecting-ip': '2001:db8:77:2::9' },
    });
    expect(fromNext.status).toBe(201);
  });
});
