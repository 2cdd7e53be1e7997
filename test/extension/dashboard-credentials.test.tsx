/**
 * R-SEC-6 from the dashboard: the signed-in agency reaches the change-password screen from the
 * top bar (a plain button, so the keyboard reaches it), and the sign-in screen leads to the reset
 * screen for the bureau's one-time code and back. The fake worker answers everything else.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { Dashboard } from '../../extension/components/Dashboard';
import { getSession } from '../../extension/utils/session';
import { AGENCY_TOKEN, FakeWorker, WORKER } from './fake-worker';
import { button, click, labelled, mount, settle, submit, type } from './dom';

const NEW_TOKEN = `a.A7K3M9X2QAB.${'n'.repeat(32)}.${'m'.repeat(22)}`;
let w: FakeWorker;
let calls: Array<{ method: string; path: string; body: any; auth: string | null }>;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-27T03:00:00.000Z') });
  w = new FakeWorker();
  calls = [];
  // The two credential routes, in front of the fake worker.
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    const path = new URL(req.url).pathname;
    if (path === '/v1/me/password' || path === '/v1/agency/password-resets') {
      calls.push({ method: req.method, path, body: await req.json().catch(() => null), auth: req.headers.get('authorization') });
      return path === '/v1/me/password'
        ? new Response(JSON.stringify({ token: NEW_TOKEN, sessionsEnded: 1 }), {
            status: 200,
            headers: { 'content-type': 'application/json' },
          })
        : new Response(null, { status: 204 });
    }
    return w.fetch(input, init);
  });
  await fakeBrowser.storage.local.set({ workerUrl: WORKER });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('credential screens in the dashboard (R-SEC-6)', () => {
  it('R-SEC-6 the signed-in agency opens the change-password screen from the top bar and goes on with the new token', async () => {
    const root = await mount(<Dashboard layout="tab" />);
    await type(labelled(root, 'アカウントID'), 'info@mirai.example.jp');
    await type(labelled(root, 'パスワード'), 'correct horse battery');
    await submit(root.querySelector('form'));
    await settle(12);
    const entry = button(root, 'パスワードの変更');
    expect(entry?.getAttribute('type')).toBe('button');
    await click(entry);
    await settle();
    expect(root.querySelector('#change-password-heading')?.textContent).toBe('パスワードの変更');
    expect(entry?.getAttribute('aria-current')).toBe('page');
    await type(labelled(root, '現在のパスワード'), 'correct horse battery');
    await type(labelled(root, '新しいパスワード（12文字以上）'), 'a-new-password-2027');
    await type(labelled(root, '新しいパスワード（確認）'), 'a-new-password-2027');
    await submit(root.querySelector('form.change-password'));
    await settle(12);
    expect(calls).toEqual([
      {
        method: 'PUT',
        path: '/v1/me/password',
        body: { currentPassword: 'correct horse battery', newPassword: 'a-new-password-2027' },
        auth: `Bearer ${AGENCY_TOKEN}`,
      },
    ]);
    expect(root.textContent).toContain('パスワードを変更しました');
    expect((await getSession())?.token).toBe(NEW_TOKEN);
    // Back to work through the tabs.
    await click(button(root, '求職者を探す'));
    await settle();
    expect(root.querySelector('#change-password-heading')).toBeNull();
  });

  it('R-SEC-6 the sign-in screen leads to the reset screen for the bureau code, and back', async () => {
    const root = await mount(<Dashboard layout="tab" />);
    await click(button(root, '労働局から受け取ったコードでパスワードを再設定する'));
    await settle();
    expect(root.querySelector('#password-reset-heading')?.textContent).toBe('パスワードの再設定');
    await type(labelled(root, 'アカウントID'), 'info@mirai.example.jp');
    await type(labelled(root, '再設定コード'), 'K7M2-XQ9A-3BCD-EF01');
    await type(labelled(root, '新しいパスワード（12文字以上）'), 'a-new-password-2027');
    await type(labelled(root, '新しいパスワード（確認）'), 'a-new-password-2027');
    await submit(root.querySelector('form.password-reset'));
    await settle();
    expect(calls.at(-1)).toMatchObject({
      method: 'POST',
      path: '/v1/agency/password-resets',
      body: { email: 'info@mirai.example.jp', code: 'K7M2-XQ9A-3BCD-EF01' },
    });
    await click(button(root, 'サインインに戻る'));
    await settle();
    expect(root.querySelector('#signin-heading')).not.toBeNull();
  });
});
