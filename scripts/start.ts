/**
 * `npm start`: builds the extension, starts the worker on 127.0.0.1:8787 with persisted local
 * state, loads the demo data once, and prints how to sign in. Ctrl-C stops everything it started.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEMO, seedDemo } from './lib/demo';
import { ROOT, devVars, startWorker } from './lib/worker-process';

const PORT = Number(process.env.PORT ?? 8787);
const STATE = resolve(ROOT, '.wrangler/state');
const ACCOUNTS = resolve(STATE, 'demo-accounts.json');

let running: Awaited<ReturnType<typeof startWorker>> | null = null;

async function main(): Promise<void> {
  if (existsSync(resolve(ROOT, 'extension/wxt.config.ts')) && !process.argv.includes('--no-build')) {
    console.log('拡張機能をビルドしています… / Building the extension…');
    const built = spawnSync('npm', ['run', 'build:ext'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) console.warn('拡張機能のビルドに失敗しました（ワーカーは起動します） / extension build failed; starting the worker anyway');
  }
  console.log(`ワーカーを起動しています… / Starting the worker on 127.0.0.1:${PORT}…`);
  const worker = await startWorker({ port: PORT, persistTo: STATE });
  running = worker;
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\n停止しています… / Stopping…');
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
  const result = await seedDemo(worker.url, vars.BOOTSTRAP_STAFF_TOKEN ?? '');
  mkdirSync(STATE, { recursive: true });
  if (result.created) writeFileSync(ACCOUNTS, JSON.stringify(result.seekers, null, 2));
  else if (!existsSync(ACCOUNTS)) {
    throw new Error('前回のデモデータの読み込みが途中で終わっています。.wrangler/state を削除してから npm start をやり直してください。');
  }
  const seekers = result.created ? result.seekers : existsSync(ACCOUNTS) ? (JSON.parse(readFileSync(ACCOUNTS, 'utf8')) as typeof result.seekers) : [];

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
 時計を動かす（開発用）: PUT ${worker.url}/v1/admin/clock  {"at":"2026-12-01T10:00:00+09:00"}
 Ctrl-C で停止 / Ctrl-C stops everything.
──────────────────────────────────────────────────────────────`);
}

main().catch(async (err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  await running?.stop();
  process.exit(1);
});
