import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { DEFAULT_WORKER_URL, originPattern } from './utils/worker-url';

/**
 * The public half of the key that pins the Chrome extension ID to
 * `jachfjkbliiopmpokcaaojebdndoohil` (tests and the worker's CORS/host settings can rely on it).
 * The private half is not kept: the Chrome Web Store signs with its own.
 */
const CHROME_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA6hE3WbBA9lNCHeeHmZx8j9hSaFhQ9l3+6PZL1qolWPhPvaKBirZzwnQA2kWOP5jpaRjVqfOZj3NSwATmwxGhWAyWPd8thqX7LycTyX1Gj39DSKN+foxkyiaRbsXi5W21ZJlXpZo7qWxTCh1M9G76uMe/bES/oHeSzehi9ISy6uj0x21jpRePOu74fHrviwt8OR1AYahLtsPoyHudsaJ2k9kIDDoEtqa5eoAGMPs/SICM8cCDHgUVpRthpZZB7rJoaXjta9q464AamOzxoj7qJRwB75cdqhPyqz8Fx+qFsftnadXw494lb5t43PI8M8Fd2h3bR5AOSkKrPqGqxZKqpQIDAQAB';

/** The Firefox add-on ID (Firefox ignores `key`). */
const GECKO_ID = 'madoguchi@hellowork.example.jp';

/**
 * The worker this build talks to by default: `WXT_WORKER_URL` at build time, else the local
 * `npm start` address. Its origin is the only host permission; another worker URL set on the
 * options page is asked for at that moment (optional host permission for that origin only).
 */
const workerUrl = process.env.WXT_WORKER_URL ?? DEFAULT_WORKER_URL;

/** The project's version, from the repository's package.json (the WXT root is `extension/`). */
const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export default defineConfig({
  srcDir: '.',
  // Builds land in `.output/<browser>-mv3` at the repository root, beside the worker's build.
  outDir: '../.output',
  imports: false,
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    version,
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'ja',
    permissions: ['storage', 'alarms'],
    host_permissions: [originPattern(workerUrl)],
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    action: { default_title: '__MSG_extShortName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['authenticationInfo', 'personalCommunications'] },
            },
          },
        }
      : { key: CHROME_PUBLIC_KEY, minimum_chrome_version: '116' }),
  }),
  vite: () => ({
    plugins: [preact()],
    define: { 'import.meta.env.WXT_WORKER_URL': JSON.stringify(workerUrl) },
    resolve: {
      // The holiday table is read only by deadline rules the extension never calls (see the stub).
      alias: { '@holiday-jp/holiday_jp': fileURLToPath(new URL('./utils/no-holidays.ts', import.meta.url)) },
    },
  }),
});
