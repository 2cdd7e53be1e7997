/**
 * R-ORG-2 with R-SEC-5 and R-SEC-6: each staff seat signs in with its own email through the
 * throttled sign-in, and its password change, bureau reset and compromise report touch that seat
 * only; the organisation's other seats keep their passwords and sessions.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { admittedAgency, api, bureau, jst, ministry, setClock, unique } from './helpers';

const PASSWORD = 'seat-password-0001';
const NEW = 'a-brand-new-seat-password-2027';

type Agency = { id: string; token: string; email: string; password: string };

/** The liaison officer adds a seat; returns it with a signed-in token. */
async function seatOf(liaison: Agency, name = '佐藤 花子') {
  const email = `${unique('seat')}@agency.example.jp`;
  const added = await api('POST', '/v1/agency/seats', { token: liaison.token, body: { name, email, password: PASSWORD } });
  expect(added.status, JSON.stringify(added.body)).toBe(201);
  const signIn = await api('POST', '/v1/agency/sessions', { body: { email, password: PASSWORD } });
  expect(signIn.status).toBe(201);
  return { id: added.body.id as string, email, password: PASSWORD, token: signIn.body.token as string };
}

const signIn = (email: string, password: string) => api('POST', '/v1/agency/sessions', { body: { email, password } });
const works = async (token: string) => (await api('GET', '/v1/agency/quota', { token })).status;

describe("R-ORG-2 each seat's own credentials", () => {
  beforeAll(async () => setClock(jst('2027-06-08', '10:00')));

  it('R-ORG-2 R-SEC-5 wrong passwords lock the seat whose email was typed, not the liaison officer or another seat', async () => {
    const liaison = await admittedAgency();
    const seat = await seatOf(liaison);
    const other = await seatOf(liaison, '鈴木 一郎');
    const outcomes: number[] = [];
    for (let i = 0; i < 6; i++) outcomes.push((await signIn(seat.email, `wrong-password-${i}`)).status);
    expect(outcomes).toEqual([401, 401, 401, 401, 401, 429]);
    // The right password does not get through the seat's lock …
    const locked = await signIn(seat.email, seat.password);
    expect([locked.status, locked.body.code]).toEqual([429, 'sign_in_locked']);
    // … while the liaison officer and the other seat sign in as usual.
    expect((await signIn(liaison.email, liaison.password)).status).toBe(201);
    expect((await signIn(other.email, other.password)).status).toBe(201);
    // Another seat's password does not open this seat, and this seat's does not open the liaison officer's.
    expect((await signIn(other.email, liaison.password)).status).toBe(401);
    expect((await signIn(liaison.email, other.password)).status).toBe(401);
  }, 30_000);

  it("R-ORG-2 R-SEC-6 a seat changes its own password: its other sessions end, the liaison officer's do not", async () => {
    const liaison = await admittedAgency();
    const seat = await seatOf(liaison);
    const seatElsewhere = (await signIn(seat.email, seat.password)).body.token as string;
    const wrong = await api('PUT', '/v1/me/password', { token: seat.token, body: { currentPassword: liaison.password, newPassword: NEW } });
    expect([wrong.status, wrong.body.code]).toEqual([403, 'wrong_password']);
    const changed = await api('PUT', '/v1/me/password', { token: seat.token, body: { currentPassword: seat.password, newPassword: NEW } });
    expect(changed.status).toBe(200);
    expect(changed.body.sessionsEnded).toBe(1);
    expect(await works(changed.body.token)).toBe(200);
    expect(await works(seatElsewhere)).toBe(401);
    expect(await works(liaison.token)).toBe(200);
    expect((await signIn(seat.email, seat.password)).status).toBe(401);
    expect((await signIn(seat.email, NEW)).status).toBe(201);
    expect((await signIn(liaison.email, liaison.password)).status).toBe(201);
  }, 30_000);

  it("R-ORG-2 R-SEC-6 the bureau resets one seat by its email; the code sets that seat's password and ends only its sessions", async () => {
    const liaison = await admittedAgency();
    const seat = await seatOf(liaison);
    const stranger = await admittedAgency();
    const token = await bureau('13');
    // A seat of another organisation, or an unknown email, is not this agency's to reset.
    for (const email of [stranger.email, `${unique('nobody')}@agency.example.jp`]) {
      const refused = await api('POST', `/v1/admin/agencies/${liaison.id}/sign-in-resets`, { token, body: { email } });
      expect([refused.status, refused.body.code]).toEqual([404, 'seat_not_found']);
    }
    const issued = await api('POST', `/v1/admin/agencies/${liaison.id}/sign-in-resets`, { token, body: { email: seat.email } });
    expect(issued.status).toBe(201);
    // The code belongs to the seat's email: it does not reset the liaison officer.
    const onLiaison = await api('POST', '/v1/agency/password-resets', {
      body: { email: liaison.email, code: issued.body.code, newPassword: NEW },
    });
    expect(onLiaison.status).toBe(401);
    const used = await api('POST', '/v1/agency/password-resets', { body: { email: seat.email, code: issued.body.code, newPassword: NEW } });
    expect(used.status).toBe(204);
    expect(await works(seat.token)).toBe(401);
    expect(await works(liaison.token)).toBe(200);
    expect((await signIn(seat.email, NEW)).status).toBe(201);
    expect((await signIn(liaison.email, liaison.password)).status).toBe(201);
    // Without an email the reset is the liaison officer's seat, as before seats.
    const plain = await api('POST', `/v1/admin/agencies/${liaison.id}/sign-in-resets`, { token });
    expect(plain.status).toBe(201);
    expect(
      (await api('POST', '/v1/agency/password-resets', { body: { email: liaison.email, code: plain.body.code, newPassword: NEW } })).status,
    ).toBe(204);
    expect((await signIn(liaison.email, NEW)).status).toBe(201);
  }, 30_000);

  it("R-ORG-2 R-SEC-6 a seat's compromise report requires that seat's password change at its next sign-in, not the others'", async () => {
    const liaison = await admittedAgency();
    const seat = await seatOf(liaison);
    const seatElsewhere = (await signIn(seat.email, seat.password)).body.token as string;
    expect((await api('POST', '/v1/me/compromise-reports', { token: seat.token, body: { note: '見覚えのないサインイン' } })).status).toBe(
      201,
    );
    expect(await works(seatElsewhere)).toBe(401);
    expect(await works(liaison.token)).toBe(200);
    const next = await signIn(seat.email, seat.password);
    expect(next.body.passwordChangeRequired).toBe(true);
    expect((await api('GET', '/v1/agency/quota', { token: next.body.token })).body.code).toBe('password_change_required');
    expect((await signIn(liaison.email, liaison.password)).body.passwordChangeRequired).toBeUndefined();
  }, 30_000);

  it("R-SEC-5 R-ORG-2 the bureau's account view shows each seat's lock now and until when", async () => {
    const at = jst('2027-06-09', '11:00');
    await setClock(at);
    const liaison = await admittedAgency();
    const seat = await seatOf(liaison);
    const other = await seatOf(liaison, '鈴木 一郎');
    await signIn(other.email, 'wrong-password-once');
    for (let i = 0; i < 6; i++) await signIn(seat.email, `wrong-password-${i}`);
    const view = async () => (await api('GET', `/v1/admin/agencies/${liaison.id}`, { token: await ministry() })).body;
    const stateOf = (body: { seats: Array<{ id: string; role: string; signIn: unknown }> }) =>
      Object.fromEntries(body.seats.map((s) => [s.id, s.signIn]));
    const locked = await view();
    expect(stateOf(locked)).toEqual({
      [liaison.id]: { failures: 0, lockedUntil: null },
      [seat.id]: { failures: 6, lockedUntil: new Date(Date.parse(at) + 30_000).toISOString() },
      [other.id]: { failures: 1, lockedUntil: null },
    });
    expect(locked.seats.find((s: { id: string }) => s.id === liaison.id).role).toBe('liaison');
    // One second before the end the seat is still locked; at the end it is not (the count stays).
    await setClock(new Date(Date.parse(at) + 29_000).toISOString());
    expect(stateOf(await view())[seat.id]).toEqual({ failures: 6, lockedUntil: new Date(Date.parse(at) + 30_000).toISOString() });
    await setClock(new Date(Date.parse(at) + 30_000).toISOString());
    expect(stateOf(await view())[seat.id]).toEqual({ failures: 6, lockedUntil: null });
    // A removed seat leaves the view.
    await api('DELETE', `/v1/agency/seats/${other.id}`, { token: (await signIn(liaison.email, liaison.password)).body.token });
    expect(Object.keys(stateOf(await view()))).not.toContain(other.id);
  }, 30_000);
});
