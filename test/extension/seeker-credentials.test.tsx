/**
 * R-SEC-6 for the jobseeker: after a compromise report the next sign-in may only change the
 * passphrase. The popup's sign-in then shows the change screen in the jobseeker's words, and the
 * session starts with the token the worker hands back. The worker is a small stand-in.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SeekerSignIn } from '../../extension/components/seeker/SeekerSignIn';
import { getSession } from '../../extension/utils/session';
import { WORKER } from './fake-worker';
import { labelled, mount, settle, submit, type } from './dom';

const PROFILE = '13-7K3QM2XPA9';
const RESTRICTED = `s.${PROFILE}.${'r'.repeat(32)}.${'x'.repeat(22)}`;
const FREED = `s.${PROFILE}.${'r'.repeat(32)}.${'m'.repeat(22)}`;
let calls: Array<{ method: string; path: string; body: any; auth: string | null }>;

const stand = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const req = new Request(input, init);
  const path = new URL(req.url).pathname;
  calls.push({ method: req.method, path, body: await req.json().catch(() => null), auth: req.headers.get('authorization') });
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  if (path === '/v1/seeker/sessions')
    return json(201, { token: RESTRICTED, expiresAt: '2099-01-01T00:00:00.000Z', role: 'seeker', passwordChangeRequired: true });
  if (path === '/v1/me/password') return json(200, { token: FREED, sessionsEnded: 1 });
  return json(404, { type: 'about:blank', title: '見つかりません', status: 404, detail: '見つかりません。', code: 'not_found' });
}) as typeof globalThis.fetch;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-27T03:00:00.000Z') });
  calls = [];
  await fakeBrowser.storage.local.set({ workerUrl: WORKER });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the jobseeker’s passphrase after a compromise report (R-SEC-6)', () => {
  it('R-SEC-6 a restricted sign-in shows the passphrase change first, keeps no session until it is done, then signs in', async () => {
    const root = await mount(<SeekerSignIn ctx={{ baseUrl: WORKER, fetch: stand }} />);
    await type(labelled(root, '求職者ID'), PROFILE);
    await type(labelled(root, 'パスフレーズ'), 'はるのひざしとさくらのはな');
    await submit(root.querySelector('form'));
    await settle();
    expect(root.textContent).toContain('パスフレーズの変更');
    expect(root.textContent).toContain('続けるにはパスフレーズを変更してください');
    expect(root.textContent).not.toContain('パスワード');
    expect(await getSession()).toBeNull();
    await type(labelled(root, 'いまのパスフレーズ'), 'はるのひざしとさくらのはな');
    await type(labelled(root, '新しいパスフレーズ'), 'なつのうみとあおいそらのいろ');
    await type(labelled(root, 'もう一度入力'), 'なつのうみとあおいそらのいろ');
    await submit(root.querySelector('form.change-password'));
    await settle(12);
    expect(calls.at(-1)).toMatchObject({
      method: 'PUT',
      path: '/v1/me/password',
      body: { currentPassword: 'はるのひざしとさくらのはな', newPassword: 'なつのうみとあおいそらのいろ' },
      auth: `Bearer ${RESTRICTED}`,
    });
    expect(await getSession()).toMatchObject({ role: 'seeker', accountId: PROFILE, token: FREED });
  });
});
