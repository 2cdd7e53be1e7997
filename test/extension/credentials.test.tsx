/**
 * R-SEC-6 in the extension: the change-password screen (old one, new one twice, other sessions
 * end) and the reset screen for the bureau's one-time code, rendered in happy-dom against a small
 * stand-in for the two worker routes.
 */
import { describe, expect, it } from 'vitest';
import { ChangePassword } from '../../extension/components/ChangePassword';
import { PasswordReset } from '../../extension/components/PasswordReset';
import { mount, settle, submit, type } from './dom';
import { WORKER } from './fake-worker';

type Call = { method: string; path: string; body: any; auth: string | null };

function stand(answer: (call: Call) => { status: number; body?: unknown }) {
  const calls: Call[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    const call = {
      method: req.method,
      path: new URL(req.url).pathname,
      body: await req.json().catch(() => null),
      auth: req.headers.get('authorization'),
    };
    calls.push(call);
    const r = answer(call);
    return new Response(r.body === undefined ? null : JSON.stringify(r.body), {
      status: r.status,
      headers: { 'content-type': r.status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

const problem = (status: number, code: string, title: string) => ({
  type: `https://madoguchi.example/problems/${code}`,
  title,
  status,
  detail: `${title}。`,
  code,
});

describe('R-SEC-6 credential screens', () => {
  it('R-SEC-6 change password: checks the two new entries, sends the old and new, and hands back the session token', async () => {
    const w = stand((c) =>
      c.body.currentPassword === 'old-password-0001'
        ? { status: 200, body: { token: `a.A7K3M9X2QAB.${'y'.repeat(32)}.${'m'.repeat(22)}`, sessionsEnded: 2 } }
        : { status: 403, body: problem(403, 'wrong_password', '現在のパスワードが正しくありません') },
    );
    let handed: string | null = null;
    const root = await mount(
      <ChangePassword
        ctx={{ baseUrl: WORKER, token: 'restricted-token', fetch: w.fetch }}
        required
        onDone={(t) => {
          handed = t;
        }}
      />,
    );
    expect(root.textContent).toContain('パスワードを変更してください');
    const [current, next, again] = [...root.querySelectorAll('input')];
    await type(current!, 'old-password-0001');
    await type(next!, 'new-password-2027');
    await type(again!, 'new-password-2028');
    await submit(root.querySelector('form'));
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('一致しません');
    expect(w.calls).toHaveLength(0);

    await type(current!, 'wrong-password-01');
    await type(again!, 'new-password-2027');
    await submit(root.querySelector('form'));
    await settle();
    expect(root.textContent).toContain('現在のパスワードが正しくありません');
    expect(handed).toBeNull();

    await type(current!, 'old-password-0001');
    await submit(root.querySelector('form'));
    await settle();
    expect(w.calls.at(-1)).toMatchObject({
      method: 'PUT',
      path: '/v1/me/password',
      body: { currentPassword: 'old-password-0001', newPassword: 'new-password-2027' },
      auth: 'Bearer restricted-token',
    });
    expect(handed).toMatch(/^a\.A7K3M9X2QAB\./);
  });

  it('R-SEC-6 reset with the bureau code: sends email, code and new password, then says to sign in again', async () => {
    const w = stand((c) =>
      c.body.code === 'K7M2-XQ9A-3BCD-EF01'
        ? { status: 204 }
        : { status: 401, body: problem(401, 'reset_code_invalid', 'パスワードを設定できませんでした') },
    );
    const root = await mount(<PasswordReset ctx={{ baseUrl: WORKER, fetch: w.fetch }} onBack={() => undefined} />);
    const [email, code, next, again] = [...root.querySelectorAll('input')];
    await type(email!, 'info@mirai.example.jp');
    await type(code!, 'AAAA-BBBB-CCCC-DDDD');
    await type(next!, 'new-password-2027');
    await type(again!, 'new-password-2027');
    await submit(root.querySelector('form'));
    await settle();
    expect(root.textContent).toContain('パスワードを設定できませんでした');
    await type(code!, ' K7M2-XQ9A-3BCD-EF01 ');
    await submit(root.querySelector('form'));
    await settle();
    expect(w.calls.at(-1)).toMatchObject({
      method: 'POST',
      path: '/v1/agency/password-resets',
      body: { email: 'info@mirai.example.jp', code: 'K7M2-XQ9A-3BCD-EF01', newPassword: 'new-password-2027' },
    });
    expect(root.textContent).toContain('新しいパスワードでサインインしてください');
  });
});
