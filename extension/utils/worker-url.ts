/**
 * The worker's address: where the API lives and the one origin the extension may reach.
 * Pure, so the build config and the options page share it.
 */

/** The local `npm start` address (wrangler dev). */
export const DEFAULT_WORKER_URL = 'http://127.0.0.1:8787';

/**
 * A worker URL as the options page accepts it: http(s), no credentials, query or fragment;
 * returned as its origin plus path without a trailing slash. `null` when it is not usable.
 *
 * @example
 * normalizeWorkerUrl(' https://api.madoguchi.example.jp/ '); // 'https://api.madoguchi.example.jp'
 * normalizeWorkerUrl('ftp://example.jp'); // null
 */
export function normalizeWorkerUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password || url.search || url.hash) return null;
  // Plain http only to this machine: anything else would send tokens in clear text.
  if (url.protocol === 'http:' && !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * The host-permission match pattern for a worker URL's origin (Chrome ignores the port in match
 * patterns, so the pattern names the host).
 *
 * @example
 * originPattern('http://127.0.0.1:8787'); // 'http://127.0.0.1/*'
 */
export function originPattern(workerUrl: string): string {
  const url = new URL(workerUrl);
  return `${url.protocol}//${url.hostname}/*`;
}
