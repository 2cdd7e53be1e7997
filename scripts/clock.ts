/**
 * `npm run clock -- <ISO time | now | next-service-hours>`: moves the worker's clock (T-5, outside
 * production only) without a token to find: it signs in with the demo ministry account that
 * `npm start` created, moves the clock, and prints the worker's new time, whether service is open
 * (R-OPS-1), and a fresh staff token for further `curl` calls. `PORT` or `MADOGUCHI_URL` choose the
 * worker (default http://127.0.0.1:8787).
 */
import { maintenanceUntil } from '../shared/rules';
import { resolveClockTarget } from './lib/clock-target';
import { DEMO } from './lib/demo';
import { call } from './lib/http';

const BASE = process.env.MADOGUCHI_URL ?? `http://127.0.0.1:${process.env.PORT ?? 8787}`;

function jst(at: Date): string {
  return `${new Date(at.getTime() + 9 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')}（日本時間）`;
}

async function signIn(): Promise<string> {
  const res = await call(BASE, 'POST', '/v1/admin/sessions', { body: { email: DEMO.ministry.email, password: DEMO.ministry.password } });
  if (res.status !== 201) throw new Error(`デモの厚生労働省アカウントでサインインできません (${res.status} ${String(res.body.detail ?? '')})。先に npm start でデモを起動してください。`);
  return res.body.token as string;
}

async function main(): Promise<void> {
  const arg = process.argv[2];
  if (!arg) throw new Error('使い方 / usage: npm run clock -- <2026-12-01T10:00 | now | next-service-hours>');
  const health = await call(BASE, 'GET', '/v1/health').catch(() => null);
  if (!health || health.status !== 200) throw new Error(`${BASE} のワーカーに接続できません。npm start で起動してください。`);
  const target = resolveClockTarget(arg, new Date(health.body.now as string));
  if ('error' in target) throw new Error(target.error);
  let now = new Date(health.body.now as string);
  if (!target.unchanged) {
    const moved = await call(BASE, 'PUT', '/v1/admin/clock', { token: await signIn(), body: { at: target.at, frozen: false } });
    if (moved.status !== 200) throw new Error(`時計を動かせませんでした (${moved.status} ${String(moved.body.detail ?? '')})`);
    now = new Date(moved.body.now as string);
  }
  const reopensAt = maintenanceUntil(now);
  // A jump can pass the session's idle timeout: sign in again for a token that works at the new time.
  const fresh = await signIn();
  console.log(`${target.note}
ワーカーの時刻 / worker time: ${jst(now)}
${reopensAt ? `メンテナンス中です。再開 / maintenance until: ${jst(reopensAt)}` : '受付時間内です / inside service hours'}
職員トークン / staff token:  export STAFF_TOKEN=${fresh}
実際の時刻に戻す / back to the real clock:  npm run clock -- now`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
