import { ext } from './browser';

/**
 * Opens the dashboard in a tab and closes the popup (the signed-out popup's way for agencies).
 * Kept apart from `AgencyPopup` so the popup's first screen does not load the agency's part.
 *
 * @example
 * <button onClick={() => void openDashboardTab()}>…</button>
 */
export async function openDashboardTab(): Promise<void> {
  await ext.tabs.create({ url: ext.runtime.getURL('/dashboard.html') });
  window.close();
}
