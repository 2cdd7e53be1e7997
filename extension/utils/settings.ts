import { ext, type StorageArea } from './browser';
import { DEFAULT_WORKER_URL, normalizeWorkerUrl, originPattern } from './worker-url';

const KEY = 'workerUrl';

/** The build's default worker URL (`WXT_WORKER_URL` at build time, else the local `npm start` address). */
export function buildWorkerUrl(): string {
  const fromBuild = (import.meta as { env?: Record<string, string | undefined> }).env?.WXT_WORKER_URL;
  return (fromBuild && normalizeWorkerUrl(fromBuild)) || DEFAULT_WORKER_URL;
}

/**
 * The worker URL chosen on the options page, or the build's default.
 *
 * @example
 * await getWorkerUrl(); // 'http://127.0.0.1:8787'
 */
export async function getWorkerUrl(area: StorageArea = ext.storage.local): Promise<string> {
  const stored = (await area.get(KEY))[KEY];
  return typeof stored === 'string' && normalizeWorkerUrl(stored) ? stored : buildWorkerUrl();
}

/**
 * Saves a worker URL after asking the browser for access to that origin only (the manifest
 * holds just the default worker's origin). Returns the saved URL, or a reason it was not saved.
 *
 * @example
 * await saveWorkerUrl('https://api.madoguchi.example.jp');
 */
export async function saveWorkerUrl(
  input: string,
  area: StorageArea = ext.storage.local,
  permissions: Pick<typeof ext.permissions, 'request'> = ext.permissions,
): Promise<{ ok: true; url: string } | { ok: false; reason: 'invalid' | 'permission_denied' }> {
  const url = normalizeWorkerUrl(input);
  if (!url) return { ok: false, reason: 'invalid' };
  if (url !== buildWorkerUrl()) {
    const granted = await permissions.request({ origins: [originPattern(url)] });
    if (!granted) return { ok: false, reason: 'permission_denied' };
  }
  await area.set({ [KEY]: url });
  return { ok: true, url };
}

/** Goes back to the build's default worker URL. */
export async function resetWorkerUrl(area: StorageArea = ext.storage.local): Promise<void> {
  await area.remove(KEY);
}
