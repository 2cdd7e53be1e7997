/**
 * R-SEC-6 credential management, from the user's side and the attacker's: changing a password
 * (old one required, other sessions end), bureau resets of an agency seat, re-issued activation
 * codes, disabled staff, and the password change required after a compromise report.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { admittedAgency, api, bureau, jst, loadRows, ministry, profileRow, setClock, signInAgency, unique } from './helpers';

const NEW = 'a-brand-new-password-2027';
const PASSPHRASE = 'はるのひざしとさくらのはな';

describe('R-SEC-6 credential management', () => {
  beforeAll(async () => setClock(jst('2027-06-07', '10:00')));

  it('R-SEC-6 an agency changes its password: the old one is required, other sessions end, this one stays', async () => {
    const a = await admittedAgency();
    const other = await signInAgency(a);
    const wrong = await api('PUT', '/v1/me/password', { token: a.token, body: { currentPassword: 'not-my-password-0', newPassword: NEW } });
    expect([wrong.status, wrong.body.code]).toEqual([403, 'wrong_password']);
    const short = await api('PUT', '/v1/me/password', { token: a.token, body: { currentPassword: a.password, newPassword: 'short' } });
    expect(short.status).toBe(400);
    const ok = await api('PUT', '/v1/me/password', { token: a.token, body: { currentPassword: a.password, newPassword: NEW } });
    expect(ok.status).toBe(200);
    expect(ok.body.sessionsEnded).toBe(1);
    expect((await api('GET', '/v1/agency/me', { token: other })).status).toBe(401);
    expect((await api('GET', '/v1/agency/me', { token: a.token })).status).toBe(200);
    expect((await api('GET', '/v1/agency/me', { token: ok.body.token })).status).toBe(200);
    expect((await api('POST', '/v1/agency/sessions', { body: { email: a.email, password: a.password } })).status).toBe(401);
    expect((await api('POST', '/v1/agency/sessions', { body: { email: a.email, password: NEW } })).status).toBe(201);
  }, 30_000);

  it('R-SEC-6 guessing the current password through the change route meets the sign-in lock (R-SEC-5)', async () => {
    const a = await admittedAgency();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await api('PUT', '/v1/me/password', { token: a.token, body: { currentPassword: `guess-${i}-xxxxxxx`, newPassword: NEW } })).status,
      );
    expect(statuses).toEqual([403, 403, 403, 403, 403, 429]);
    expect((await api('PUT', '/v1/me/password', { token: a.token, body: { currentPassword: a.password, newPassword: NEW } })).status).toBe(
      429,
    );
  }, 30_000);

  it('R-SEC-6 staff and jobseekers change theirs too', async () => {
    const email = `${unique('officer')}@mhlw.example.jp`;
    await api('POST', '/v1/admin/staff', {
      token: await ministry(),
      body: { email, password: 'bureau-password-0001', name: '労働 三郎', role: 'bureau', prefecture: '13' },
    });
    const staff = (await api('POST', '/v1/admin/sessions', { body: { email, password: 'bureau-password-0001' } })).body.token;
    expect(
      (await api('PUT', '/v1/me/password', { token: staff, body: { currentPassword: 'bureau-password-0001', newPassword: NEW } })).status,
    ).toBe(200);
    expect((await api('POST', '/v1/admin/sessions', { body: { email, password: NEW } })).status).toBe(201);

    const row = (await loadRows([profileRow()])).body.results[0];
    const seeker = (
      await api('POST', '/v1/seeker/activation', { body: { profileId: row.id, code: row.activationCode, passphrase: PASSPHRASE } })
    ).body.token;
    expect(
      (
        await api('PUT', '/v1/me/password', {
          token: seeker,
          body: { currentPassword: PASSPHRASE, newPassword: 'なつのうみとあおいそらのいろ' },
        })
      ).status,
    ).toBe(200);
    expect(
      (await api('POST', '/v1/seeker/sessions', { body: { profileId: row.id, passphrase: 'なつのうみとあおいそらのいろ' } })).status,
    ).toBe(201);
  }, 30_000);

  it('R-SEC-6 after a compromise report the next sign-in may only change the password', async () => {
    const a = await admittedAgency();
    expect((await api('POST', '/v1/me/compromise-reports', { token: a.token, body: { note: '見覚えのないサインイン' } })).status).toBe(201);
    const next = await api('POST', '/v1/agency/sessions', { body: { email: a.email, password: a.password } });
    expect(next.status).toBe(201);
    expect(next.body.passwordChangeRequired).toBe(true);
    const blocked = await api('GET', '/v1/agency/feed', { token: next.body.token });
    expect([blocked.status, blocked.body.code]).toEqual([403, 'password_change_required']);
    const changed = await api('PUT', '/v1/me/password', {
      token: next.body.token,
      body: { currentPassword: a.password, newPassword: NEW },
    });
    expect(changed.status).toBe(200);
    expect((await api('GET', '/v1/agency/me', { token: changed.body.token })).status).toBe(200);
    expect((await api('GET', '/v1/agency/me', { token: a.token })).status).toBe(401); // the reporter's old session ended too
    const after = await api('POST', '/v1/agency/sessions', { body: { email: a.email, password: NEW } });
    expect(after.body.passwordChangeRequired).toBeUndefined();
  }, 30_000);

  it('R-SEC-6 the bureau resets an agency seat with a one-time code; another prefecture cannot', async () => {
    const a = await admittedAgency();
    const osaka = await api('POST', `/v1/admin/agencies/${a.id}/sign-in-resets`, { token: await bureau('27') });
    expect(osaka.status).toBe(403);
    const issued = await api('POST', `/v1/admin/agencies/${a.id}/sign-in-resets`, { token: await bureau('13') });
    expect(issued.status).toBe(201);
    expect(issued.body.code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const bad = await api('POST', '/v1/agency/password-resets', {
      body: { email: a.email, code: 'AAAA-BBBB-CCCC-DDDD', newPassword: NEW },
    });
    expect([bad.status, bad.body.code]).toEqual([401, 'reset_code_invalid']);
    const unknown = await api('POST', '/v1/agency/password-resets', {
      body: { email: `${unique('x')}@agency.example.jp`, code: issued.body.code, newPassword: NEW },
    });
    expect(unknown.body).toEqual({ ...bad.body, instance: unknown.body.instance });
    const used = await api('POST', '/v1/agency/password-resets', {
      body: { email: a.email, code: issued.body.code.toLowerCase(), newPassword: NEW },
    });
    expect(used.status).toBe(204);
    expect((await api('GET', '/v1/agency/me', { token: a.token })).status).toBe(401);
    expect(
      (
        await api('POST', '/v1/agency/password-resets', {
          body: { email: a.email, code: issued.body.code, newPassword: 'yet-another-password-1' },
        })
      ).status,
    ).toBe(401);
    expect((await api('POST', '/v1/agency/sessions', { body: { email: a.email, password: NEW } })).status).toBe(201);
    const audit = await api('GET', '/v1/admin/audit?action=agency.sign_in_reset', { token: await ministry() });
    expect(audit.body.items.some((e: { target: string }) => e.target === a.id)).toBe(true);
  }, 30_000);

  it('R-SEC-6 a re-issued activation code sets a new passphrase and ends the old sessions', async () => {
    const row = (await loadRows([profileRow()])).body.results[0];
    const first = (
      await api('POST', '/v1/seeker/activation', { body: { profileId: row.id, code: row.activationCode, passphrase: PASSPHRASE } })
    ).body.token;
    expect((await api('POST', `/v1/admin/feed/profiles/${row.id}/activation-code`, { token: await bureau('27') })).status).toBe(403);
    const again = await api('POST', `/v1/admin/feed/profiles/${row.id}/activation-code`, { token: await bureau('13') });
    expect(again.status).toBe(201);
    expect(
      (
        await api('POST', '/v1/seeker/activation', {
          body: { profileId: row.id, code: row.activationCode, passphrase: 'ふるいこーどはもうつかえない' },
        })
      ).status,
    ).toBe(401);
    const reset = await api('POST', '/v1/seeker/activation', {
      body: { profileId: row.id, code: again.body.code, passphrase: 'あたらしいあいことばをきめた' },
    });
    expect(reset.status).toBe(201);
    expect((await api('GET', '/v1/seeker/conversations', { token: first })).status).toBe(401);
    expect((await api('POST', '/v1/seeker/sessions', { body: { profileId: row.id, passphrase: PASSPHRASE } })).status).toBe(401);
    expect(
      (await api('POST', '/v1/seeker/sessions', { body: { profileId: row.id, passphrase: 'あたらしいあいことばをきめた' } })).status,
    ).toBe(201);
    expect((await api('POST', `/v1/admin/feed/profiles/13-ZZZZZZZZZZ/activation-code`, { token: await ministry() })).status).toBe(404);
  }, 30_000);

  it('R-SEC-6 the ministry disables a staff account: its sessions end at once and it cannot sign in', async () => {
    const email = `${unique('leaver')}@mhlw.example.jp`;
    const created = await api('POST', '/v1/admin/staff', {
      token: await ministry(),
      body: { email, password: 'bureau-password-0001', name: '退職 予定', role: 'bureau', prefecture: '13' },
    });
    const token = (await api('POST', '/v1/admin/sessions', { body: { email, password: 'bureau-password-0001' } })).body.token;
    expect((await api('DELETE', `/v1/admin/staff/${created.body.id}`, { token: await bureau('13') })).status).toBe(403);
    expect((await api('DELETE', `/v1/admin/staff/${created.body.id}`, { token: await ministry() })).status).toBe(204);
    expect((await api('GET', '/v1/admin/registrations', { token })).status).toBe(401);
    expect((await api('POST', '/v1/admin/sessions', { body: { email, password: 'bureau-password-0001' } })).status).toBe(401);
    const audit = await api('GET', '/v1/admin/audit?action=staff.disable', { token: await ministry() });
    expect(audit.body.items.some((e: { target: string }) => e.target === created.body.id)).toBe(true);
  }, 30_000);

  it('R-SEC-6 a compromise report by staff or a jobseeker restricts their next sign-in the same way', async () => {
    const email = `${unique('reporter')}@mhlw.example.jp`;
    await api('POST', '/v1/admin/staff', {
      token: await ministry(),
      body: { email, password: 'bureau-password-0001', name: '報告 する', role: 'bureau', prefecture: '13' },
    });
    const staff = (await api('POST', '/v1/admin/sessions', { body: { email: email.toUpperCase(), password: 'bureau-password-0001' } })).body
      .token;
    expect((await api('POST', '/v1/me/compromise-reports', { token: staff, body: { note: '画面を見られた' } })).status).toBe(201);
    const nextStaff = await api('POST', '/v1/admin/sessions', { body: { email, password: 'bureau-password-0001' } });
    expect(nextStaff.body.passwordChangeRequired).toBe(true);
    expect((await api('GET', '/v1/admin/registrations', { token: nextStaff.body.token })).body.code).toBe('password_change_required');
    expect(
      (
        await api('PUT', '/v1/me/password', {
          token: nextStaff.body.token,
          body: { currentPassword: 'bureau-password-0001', newPassword: NEW },
        })
      ).status,
    ).toBe(200);
    expect((await api('POST', '/v1/admin/sessions', { body: { email, password: NEW } })).body.passwordChangeRequired).toBeUndefined();

    const row = (await loadRows([profileRow()])).body.results[0];
    const seeker = (
      await api('POST', '/v1/seeker/activation', { body: { profileId: row.id, code: row.activationCode, passphrase: PASSPHRASE } })
    ).body.token;
    expect((await api('POST', '/v1/me/compromise-reports', { token: seeker, body: {} })).status).toBe(201);
    const nextSeeker = await api('POST', '/v1/seeker/sessions', { body: { profileId: row.id, passphrase: PASSPHRASE } });
    expect(nextSeeker.body.passwordChangeRequired).toBe(true);
    expect((await api('GET', '/v1/seeker/conversations', { token: nextSeeker.body.token })).body.code).toBe('password_change_required');
  }, 30_000);

  it('R-SEC-6 a bureau reset after a compromise report answers it: the next sign-in is unrestricted', async () => {
    const a = await admittedAgency();
    expect((await api('POST', '/v1/me/compromise-reports', { token: a.token, body: {} })).status).toBe(201);
    const code = (await api('POST', `/v1/admin/agencies/${a.id}/sign-in-resets`, { token: await bureau('13') })).body.code;
    expect((await api('POST', '/v1/agency/password-resets', { body: { email: a.email, code, newPassword: NEW } })).status).toBe(204);
    const next = await api('POST', '/v1/agency/sessions', { body: { email: a.email, password: NEW } });
    expect(next.status).toBe(201);
    expect(next.body.passwordChangeRequired).toBeUndefined();
  }, 30_000);
});
