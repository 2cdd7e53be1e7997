/**
 * `npm start`: builds the extension, starts the worker on 127.0.0.1:8787 with persisted local
 * state, loads the demo data once, and prints how to sign in. Ctrl-C stops everything it started.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { rmSync } from 'node:fs';
import { formatJstDateTime } from '../shared/rules';
import { keepDemoInServiceHours } from './lib/clock';
import { DEMO, seedDemo } from './lib/demo';
import { ROOT, devVars, firstFreePort, portIsFree, startWorker } from './lib/worker-process';

const DEFAULT_PORT = 8787;
const STATE = resolve(ROOT, '.wrangler/state');
const ACCOUNTS = resolve(STATE, 'demo-accounts.json');
/** Where the running `npm start` records its address, for `npm run clock`. */
export const RUNNING_URL_FILE = resolve(STATE, 'worker-url');

/** `PORT` when set (it must be free); otherwise 8787 or the next free port after it. */
async function choosePort(): Promise<number> {
  if (process.env.PORT) {
    const port = Number(process.env.PORT);
    if (!Number.isInteger(port) || port < 1 || port > 65535)
      throw new Error(`PORT=${process.env.PORT} はポート番号ではありません / not a port number`);
    if (!(await portIsFree(port)))
      throw new Error(
        `127.0.0.1:${port} は使用中です。別の PORT を指定するか、PORT を外してください（空いているポートを自動で選びます）。 / port ${port} is in use`,
      );
    return port;
  }
  const port = await firstFreePort(DEFAULT_PORT);
  if (port !== DEFAULT_PORT)
    console.log(`127.0.0.1:${DEFAULT_PORT} は使用中のため ${port} を使います / port ${DEFAULT_PORT} is busy, using ${port}`);
  return port;
}

let running: Awaited<ReturnType<typeof startWorker>> | null = null;

async function main(): Promise<void> {
  const PORT = await choosePort();
  const url = `http://127.0.0.1:${PORT}`;
  if (existsSync(resolve(ROOT, 'extension/wxt.config.ts')) && !process.argv.includes('--no-build')) {
    console.log('拡張機能をビルドしています… / Building the extension…');
    // The extension's default worker address follows the port chosen here.
    const built = spawnSync('npm', ['run', 'build:ext'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, WXT_WORKER_URL: url } });
    if (built.status !== 0)
      console.warn('拡張機能のビルドに失敗しました（ワーカーは起動します） / extension build failed; starting the worker anyway');
  }
  console.log(`ワーカーを起動しています… / Starting the worker on 127.0.0.1:${PORT}…`);
  const worker = await startWorker({ port: PORT, persistTo: STATE });
  running = worker;
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\n停止しています… / Stopping…');
    rmSync(RUNNING_URL_FILE, { force: true });
    await worker.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  worker.process.once('exit', (code) => {
    if (!stopping) {
      console.error(`wrangler dev が終了しました (${code})`);
      process.exit(code ?? 1);
    }
  });

  const vars = devVars();
  const result = await seedDemo(worker.url, vars.BOOTSTRAP_STAFF_TOKEN ?? '', { stayInServiceHours: true });
  mkdirSync(STATE, { recursive: true });
  writeFileSync(RUNNING_URL_FILE, worker.url);
  // Inside a maintenance window the demo runs on a demo clock in service hours (R-OPS-1), so agencies
  // and jobseekers can be tried at any hour; `npm run clock -- now` goes back to the real clock.
  const { now, demo: demoClock } = await keepDemoInServiceHours(worker.url, DEMO.ministry);
  if (result.created) writeFileSync(ACCOUNTS, JSON.stringify(result.seekers, null, 2));
  else if (!existsSync(ACCOUNTS)) {
    throw new Error('前回のデモデータの読み込みが途中で終わっています。.wrangler/state を削除してから npm start をやり直してください。');
  }
  const seekers = result.created
    ? result.seekers
    : existsSync(ACCOUNTS)
      ? (JSON.parse(readFileSync(ACCOUNTS, 'utf8')) as typeof result.seekers)
      : [];

  const ext = ['.output/chrome-mv3', 'extension/.output/chrome-mv3'].map((p) => resolve(ROOT, p)).find((p) => existsSync(p));
  console.log(`
──────────────────────────────────────────────────────────────
 窓口 Madoguchi — ${result.created ? 'デモデータを読み込みました' : 'デモデータは読み込み済みです'}
 ワーカー / Worker:  ${worker.url}   (API: ${worker.url}/v1/openapi.json)

 事業者 / Agencies (アカウントID・パスワード):
${DEMO.agencies.map((a) => `   ${a.name}: ${a.email} / ${a.password}`).join('\n')}
 求職者 / Jobseekers (求職者ID・パスフレーズ):
${seekers.map((s) => `   ${s.profileId} / ${s.passphrase}`).join('\n') || '   (見つかりません: .wrangler/state を消して npm start をやり直してください)'}
 職員 / Bureau staff (POST /v1/admin/sessions):
   厚生労働省: ${DEMO.ministry.email} / ${DEMO.ministry.password}
   東京労働局: ${DEMO.bureau.email} / ${DEMO.bureau.password}

 拡張機能 / Extension: chrome://extensions → デベロッパーモード → 「パッケージ化されていない拡張機能を読み込む」
   ${ext ?? '(まだビルドされていません: npm run build:ext)'}
 毎日 0:00–6:00（日本時間）と月末 21:30–翌6:00 はメンテナンスで、事業者・求職者の機能は止まります。
 ワーカーの時刻 / Worker time: ${formatJstDateTime(now)} JST${demoClock ? '（デモ用の時計 / demo clock）' : ''}
 ${demoClock ? '実際の時刻はメンテナンス時間帯のため、デモ用の時計をサービス時間内で動かしています。' : '時計はデモのために動かせます。'}
   npm run clock -- now                  実際の時刻に戻す / back to the real clock
   npm run clock -- next-service-hours   次のサービス時間へ / into service hours
   npm run clock -- 2027-01-04T10:00+09:00   任意の時刻へ / any instant
 Ctrl-C で停止 / Ctrl-C stops everything.
──────────────────────────────────────────────────────────────`);
}

main().catch(async (err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  await running?.stop();
  process.exit(1);
});
