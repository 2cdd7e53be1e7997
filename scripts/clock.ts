/**
 * `npm run clock -- <ISO time | now | next-service-hours>`: moves the clock of the worker that
 * `npm start` runs (development only, T-5), signing in as the demo's ministry officer by itself.
 *
 *   npm run clock -- now                        back to the real clock
 *   npm run clock -- next-service-hours         into service hours if now is inside a maintenance window
 *   npm run clock -- 2027-01-04T10:00+09:00     any instant (add +09:00 for Japan time)
 *
 * The worker's address: `WORKER_URL`, else the one the running `npm start` recorded, else `PORT`
 * or 8787 on 127.0.0.1.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatJstDateTime, maintenanceUntil } from '../shared/rules';
import { moveClock, nextServiceHours, workerNow } from './lib/clock';
import { DEMO } from './lib/demo';
import { ROOT } from './lib/worker-process';

function workerUrl(): string {
  if (process.env.WORKER_URL) return process.env.WORKER_URL.replace(/\/$/, '');
  const recorded = resolve(ROOT, '.wrangler/state/worker-url');
  if (!process.env.PORT && existsSync(recorded)) return readFileSync(recorded, 'utf8').trim();
  return `http://127.0.0.1:${process.env.PORT ?? 8787}`;
}

const jst = (at: Date): string => `${formatJstDateTime(at)} JST`;

async function main(): Promise<void> {
  const arg = process.argv[2];
  if (!arg || arg === '--help' || arg === '-h') {
    console.log('使い方 / usage: npm run clock -- <ISO time | now | next-service-hours>');
    process.exit(arg ? 0 : 2);
  }
  const base = workerUrl();
  let target: Date | null;
  if (arg === 'now') target = null;
  else if (arg === 'next-service-hours') target = nextServiceHours(new Date());
  else {
    target = new Date(arg);
    if (Number.isNaN(target.getTime())) {
      console.error(`時刻として読めません: ${arg}（例: 2027-01-04T10:00+09:00） / not a time`);
      process.exit(2);
    }
  }
  await moveClock(base, DEMO.ministry, target);
  const now = await workerNow(base);
  const closed = maintenanceUntil(now);
  console.log(`${base} の時刻 / worker time: ${jst(now)}${target === null ? '（実際の時刻 / real clock）' : ''}`);
  console.log(
    closed
      ? `メンテナンス中です（${jst(closed)} に再開） / in a maintenance window until ${jst(closed)}`
      : 'サービス時間内です / in service hours',
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  console.error('npm start で起動したワーカーに届きませんでした。WORKER_URL か PORT を確かめてください。 / is `npm start` running?');
  process.exit(1);
});
