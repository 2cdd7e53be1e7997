/**
 * Keyboard-only driving for the journeys: Tab until an element has focus, then Enter, Space or
 * typed text — the way someone who uses no mouse works. When Tab never reaches the element, the
 * error lists where focus went, which names what the keyboard cannot reach.
 */
import type { Locator, Page } from 'playwright-core';

type Focused = { tag: string; text: string };

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = (
      globalThis as unknown as {
        document: { activeElement: { tagName: string; getAttribute(n: string): string | null; textContent: string | null } | null };
      }
    ).document.activeElement;
    if (!el) return { tag: 'none', text: '' };
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.getAttribute('aria-label') ?? el.getAttribute('id') ?? el.textContent ?? '').trim().slice(0, 40),
    };
  });
}

async function hasFocus(target: Locator): Promise<boolean> {
  if ((await target.count()) !== 1) return false;
  return target.evaluate((el) => el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement);
}

/**
 * Presses Tab (or Shift+Tab with `back`) until `target` has focus; at most `max` presses.
 *
 * @example await tabTo(page, page.getByRole('button', { name: '検索', exact: true })); await page.keyboard.press('Enter');
 */
export async function tabTo(
  page: Page,
  target: Locator,
  { max = 120, back = false }: { max?: number; back?: boolean } = {},
): Promise<void> {
  await target.waitFor({ state: 'attached' });
  const path: string[] = [];
  for (let i = 0; i <= max; i++) {
    if (await hasFocus(target)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    path.push(`${f.tag}:${f.text}`);
  }
  throw new Error(`Tab never reached ${String(target)} in ${max} presses; focus went: ${[...new Set(path)].join(' → ')}`);
}

/** Tabs to `target` and presses Enter. */
export async function press(page: Page, target: Locator, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press(key === 'Space' ? ' ' : key);
}

/** Tabs to a text field, selects what is in it, and types `text` over it. */
export async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}
