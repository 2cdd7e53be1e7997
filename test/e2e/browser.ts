/**
 * Whether the browser journeys can run here. They need Debian's Chromium (`/usr/bin/chromium`, or
 * `CHROMIUM_PATH`); no browser that npm installs here loads extensions (see docs/decisions.md).
 * Without one, a developer's `npm test` skips the journeys and says so, while CI (`CI=true`) fails.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const INSTALL_CHROMIUM = 'sudo apt-get install -y chromium chromium-l10n fonts-ipafont-gothic';
/** Set by the journeys' setup when they are skipped; read by the summary line at the end of the run. */
export const SKIP_ENV = 'MADOGUCHI_E2E_SKIPPED';

/** True where `CI` is set to anything but `false` or `0`. */
export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  return !!env.CI && env.CI !== 'false' && env.CI !== '0';
}

/** The one line that says the journeys were skipped, why, and the command that enables them. */
export function skipNotice(): string {
  return (
    `ブラウザのテスト（test/e2e の画面の通し確認）は省略しました: ${CHROMIUM_PATH} に Chromium がありません。有効にするには: ${INSTALL_CHROMIUM}` +
    ` / Browser journeys SKIPPED: no Chromium at ${CHROMIUM_PATH}. To run them: ${INSTALL_CHROMIUM}`
  );
}

/** `null` when the journeys can run; the skip notice when they are skipped; throws in CI. */
export function browserCheck(env: NodeJS.ProcessEnv = process.env): string | null {
  if (existsSync(CHROMIUM_PATH)) return null;
  if (inCi(env))
    throw new Error(
      `CI=true では省略できません / browser journeys cannot be skipped in CI: no Chromium at ${CHROMIUM_PATH}. Install: ${INSTALL_CHROMIUM}`,
    );
  return skipNotice();
}
