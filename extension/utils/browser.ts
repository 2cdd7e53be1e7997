import { browser as wxtBrowser, type WxtBrowser } from 'wxt/browser';

/**
 * The WebExtension API (`chrome.*` / `browser.*`). WXT narrows `runtime.getURL` and
 * `i18n.getMessage` to types it generates with `wxt prepare`; this module restores the plain
 * signatures so the extension type-checks on a fresh clone. In tests WXT swaps `wxt/browser` for
 * its fake browser, so this is the fake there.
 *
 * @example
 * await ext.storage.session.get('session');
 */
export type ExtensionApi = WxtBrowser & {
  runtime: WxtBrowser['runtime'] & { getURL(path: string): string };
  i18n: WxtBrowser['i18n'] & { getMessage(messageName: string, substitutions?: string | string[]): string };
};

/** The extension API of the running page or service worker. */
export const ext = wxtBrowser as ExtensionApi;

/** A `browser.storage` area: what the session and settings modules read and write. */
export type StorageArea = ExtensionApi['storage']['local'];
