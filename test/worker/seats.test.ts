import { createExecutionContext, env, runInDurableObject } from 'cloudflare:test';
import { AGENCY_MIGRATIONS } from '../../worker/objects/agency/schema';
import { migrateSeats } from '../../worker/objects/agency/seats';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import { admittedAgency, api, jst, setClock, unique, type Res } from './helpers';
import { register, eligibleBody } from './bureau-helpers';
import { jobseeker, openConversation, sendKey } from './messaging-fixtures';

beforeAll(async () => {
  await setClock(jst('2026-12-01', '10:00'));
});

/** One request straight through the worker's fetch handler, so a burst really runs in parallel. */
async function direct(method: string, path: string, opts: { token: string; body: unknown }): Promise<Res> {
  const res = await worker.fetch(
    new Request(`http://madoguchi.test${path}`, {
      method,
      headers: { authorization: `Bearer ${opts.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(opts.body),
    }),
    env,
    createExecutionContext(),
  );
  return { status: res.status, body: await res.json(), headers: res.headers };
}

const PASSWORD = 'seat-password-0001';

/** The liaison officer adds a seat; returns it with a signed-in token. */
async function seatOf(liaison: { token: string }, name = '佐藤 花子') {
  const email = `${unique('seat')}@agency.example.jp`;
  const added = await api('POST', '/v1/agency/seats', { token: liaison.token, body: { name, email, password: PASSWORD } });
  expect(added.status, JSON.stringify(added.body)).toBe(201);
  const signIn = await api('POST', '/v1/agency/sessions', { body: { email, password: PASSWORD } });
  expect(signIn.status).toBe(201);
  return { id: added.body.id as string, email, token: signIn.body.token as string };
}

describe('R-ORG-2 staff seats', () => {
  it("R-ORG-2 the registering account is the liaison officer's seat; a new seat signs in with its own email into the same organisation", async () => {
    const liaison = await admittedAgency();
    const list = await api('GET', '/v1/agency/seats', { token: liaison.token });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({
      you: liaison.id,
      canManage: true,
      items: [{ id: liaison.id, email: liaison.email, role: 'liaison', removedAt: null }],
    });

    const seat = await seatOf(liaison);
    const me = await api('GET', '/v1/agency/me', { token: seat.token });
    expect(me.body.id).toBe(liaison.id);
    const seen = await api('GET', '/v1/agency/seats', { token: seat.token });
    expect(seen.body.you).toBe(seat.id);
    expect(seen.body.canManage).toBe(false);
    expect(seen.body.items.map((s: { id: string }) => s.id)).toEqual([liaison.id, seat.id]);
    // Each person's sessions are their own.
    const mine = await api('GET', '/v1/me/sessions', { token: seat.token });
    expect(mine.body.items).toHaveLength(1);
  });

  it('R-ORG-2 only the liaison officer manages seats', async () => {
    const liaison = await admittedAgency();
    const seat = await seatOf(liaison);
    const other = await seatOf(liaison, '鈴木 一郎');
    const add = await api('POST', '/v1/agency/seats', {
      token: seat.token,
      body: { name: '田中', email: `${unique('x')}@agency.example.jp`, password: PASSWORD },
    });
    expect(add.status).toBe(403);
    expect(add.body.code).toBe('liaison_only');
    const remove = await api('DELETE', `/v1/agency/seats/${other.id}`, { token: seat.token });
    expect(remove.status).toBe(403);
    expect(remove.body.code).toBe('liaison_only');
    expect((await api('GET', '/v1/agency/quota', { token: other.token })).status).toBe(200);
    // The liaison officer's own seat is changed by a change procedure, not removed.
    const self = await api('DELETE', `/v1/agency/seats/${liaison.id}`, { token: liaison.token });
    expect(self.status).toBe(409);
    expect(self.body.code).toBe('liaison_seat');
    // Another organisation's liaison officer cannot touch this organisation's seats.
    const stranger = await admittedAgency();
    expect((await api('DELETE', `/v1/agency/seats/${seat.id}`, { token: stranger.token })).status).toBe(404);
    expect((await api('GET', '/v1/agency/quota', { token: seat.token })).status).toBe(200);
  });

  it('R-ORG-2 an organisation that withdrew adds no seat, and may still remove one', async () => {
    const liaison = await admittedAgency();
    const seat = await seatOf(liaison);
    expect((await api('POST', '/v1/agency/withdrawal', { token: liaison.token, body: { reason: '事業の廃止' } })).status).toBe(200);
    const email = `${unique('late')}@agency.example.jp`;
    const refused = await api('POST', '/v1/agency/seats', {
      token: liaison.token,
      body: { name: '遅れて 来た', email, password: PASSWORD },
    });
    expect([refused.status, refused.body.code]).toEqual([403, 'agency_withdrawn']);
    // Nothing was left half done: the email is free for anyone else.
    const other = await admittedAgency();
    expect(
      (await api('POST', '/v1/agency/seats', { token: other.token, body: { name: '別の 人', email, password: PASSWORD } })).status,
    ).toBe(201);
    expect((await api('DELETE', `/v1/agency/seats/${seat.id}`, { token: liaison.token })).status).toBe(204);
  });

  it("R-ORG-2 a removed seat's token is refused at once, and it cannot sign in again", async () => {
    const liaison = await admittedAgency();
    const seat = await seatOf(liaison);
    const second = await api('POST', '/v1/agency/sessions', { body: { email: seat.email, password: PASSWORD } });
    expect((await api('GET', '/v1/agency/quota', { token: seat.token })).status).toBe(200);
    expect((await api('DELETE', `/v1/agency/seats/${seat.id}`, { token: liaison.token })).status).toBe(204);
    for (const token of [seat.token, second.body.token]) {
      const refused = await api('GET', '/v1/agency/quota', { token });
      expect(refused.status).toBe(401);
      expect(refused.body.code).toBe('unauthenticated');
    }
    expect((await api('POST', '/v1/agency/sessions', { body: { email: seat.email, password: PASSWORD } })).status).toBe(401);
    expect((await api('GET', '/v1/agency/quota', { token: liaison.token })).status).toBe(200);
    // Removing again converges; the list keeps who it was.
    expect((await api('DELETE', `/v1/agency/seats/${seat.id}`, { token: liaison.token })).status).toBe(204);
    const list = (await api('GET', '/v1/agency/seats', { token: liaison.token })).body.items;
    expect(list.find((s: { id: string }) => s.id === seat.id).removedAt).not.toBeNull();
  });

  it("R-ORG-2 R-APP-2 a seat's email is unique across the service and stays reserved after removal", async () => {
    const liaison = await admittedAgency();
    const stranger = await admittedAgency();
    const taken = async (token: string, email: string) =>
      api('POST', '/v1/agency/seats', { token, body: { name: '田中 次郎', email, password: PASSWORD } });
    // Another account's ID, and this organisation's own liaison email.
    expect((await taken(liaison.token, stranger.email)).body.code).toBe('email_in_use');
    expect((await taken(liaison.token, liaison.email.toUpperCase())).body.code).toBe('email_in_use');
    const seat = await seatOf(liaison);
    expect((await taken(stranger.token, seat.email)).body.code).toBe('email_in_use');
    // A registration with a seat's email is refused like one with an account ID in use.
    const reg = await register(await eligibleBody('13', { email: seat.email }));
    expect(reg.status).toBe(409);
    expect(reg.body.code).toBe('email_in_use');

    expect((await api('DELETE', `/v1/agency/seats/${seat.id}`, { token: liaison.token })).status).toBe(204);
    const reserved = await taken(stranger.token, seat.email);
    expect(reserved.status).toBe(422);
    expect(reserved.body).toMatchObject({ code: 'email_reserved', reservedUntil: '2031-12-01' });
    // The organisation may take back a person who left it.
    expect((await taken(liaison.token, seat.email)).status).toBe(201);
  });

  it('R-ORG-2 R-CAP-1 two seats share one cap of 1,000 under a parallel burst from both: exactly 1,000 delivered', async () => {
    const liaison = await admittedAgency();
    const seat = await seatOf(liaison);
    const talking = await Promise.all(Array.from({ length: 20 }, () => jobseeker()));
    const conversations = await Promise.all(talking.map((s) => openConversation(liaison, s)));
    // 980 sends left today; 1,200 answers race for them, from both seats, interleaved.
    const results = await Promise.all(
      Array.from({ length: 1200 }, (_, i) =>
        direct('POST', `/v1/agency/conversations/${conversations[i % 20]}/messages`, {
          token: i % 2 ? seat.token : liaison.token,
          body: { body: `回答 ${i}`, idempotencyKey: sendKey('seat') },
        }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(980);
    expect(results.filter((r) => r.status === 429)).toHaveLength(220);
    for (const r of results.filter((x) => x.status === 429)) expect(r.body).toMatchObject({ code: 'cap_reached', used: 1000, limit: 1000 });

    for (const token of [liaison.token, seat.token]) {
      const quota = (await api('GET', '/v1/agency/quota', { token })).body;
      expect(quota).toMatchObject({ used: 1000, remaining: 0 });
      const bySeat = new Map(quota.bySeat.map((u: { seat: { id: string }; used: number }) => [u.seat.id, u.used]));
      const fromSeat = results.filter((r, i) => r.status === 201 && i % 2 === 1).length;
      expect(bySeat.get(seat.id)).toBe(fromSeat);
      expect(bySeat.get(liaison.id)).toBe(1000 - fromSeat);
      expect(fromSeat).toBeGreaterThan(0);
    }
    const seats = (await api('GET', '/v1/agency/seats', { token: liaison.token })).body.items;
    expect(seats.reduce((n: number, s: { today: { sends: number } }) => n + s.today.sends, 0)).toBe(1000);
  }, 180_000);

  it('R-ORG-2 an agency from before seats becomes an organisation with one seat: same email, password and live sessions', async () => {
    const agency = await admittedAgency();
    const stub = env.AGENCY.get(env.AGENCY.idFromName(agency.id));
    // Put the object back as the step before seats left it: the password in meta, no seat tables.
    await runInDurableObject(stub, async (_obj, state) => {
      const sql = state.storage.sql;
      const hash = sql.exec<{ password_hash: string }>('SELECT password_hash FROM seats WHERE id = ?', agency.id).one().password_hash;
      sql.exec('DROP TABLE seats; DROP TABLE seat_actions;');
      sql.exec("INSERT INTO meta (key, value) VALUES ('password', ?)", hash);
      // The seats step, run as `migrate` runs it (later steps, if any, are not the subject here).
      const step = AGENCY_MIGRATIONS.indexOf(migrateSeats);
      expect(step).toBeGreaterThan(0);
      state.storage.transactionSync(() => AGENCY_MIGRATIONS[step]!(sql));
      expect(sql.exec("SELECT value FROM meta WHERE key = 'password'").toArray()).toEqual([]);
      expect(sql.exec('SELECT id, email, role FROM seats').toArray()).toEqual([{ id: agency.id, email: agency.email, role: 'liaison' }]);
    });
    expect((await api('GET', '/v1/agency/quota', { token: agency.token })).status).toBe(200);
    expect((await api('POST', '/v1/agency/sessions', { body: { email: agency.email, password: agency.password } })).status).toBe(201);
    expect((await api('GET', '/v1/agency/seats', { token: agency.token })).body.canManage).toBe(true);
  });
});
