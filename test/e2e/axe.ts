/**
 * axe (through @axe-core/playwright) on every screen a journey visits: each call records and prints
 * the screen's count of violations and the serious or critical ones, with where they are.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export type AxeCount = { screen: string; total: number; serious: string[]; ids: string[] };

/** A journey's tally: `check(page, screen)` on each screen, `summary()` once at the end. */
export function axeTally() {
  const counts: AxeCount[] = [];
  return {
    counts,
    async check(page: Page, screen: string): Promise<AxeCount> {
      const result = await new AxeBuilder({ page } as never).analyze();
      const serious = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`);
      const ids = result.violations.map((v) => `${v.id}:${v.impact}`);
      const count = { screen, total: result.violations.length, serious, ids };
      counts.push(count);
      console.log(
        `axe ${screen}: ${result.violations.length} violations, ${serious.length} serious/critical${ids.length ? ` [${ids.join(' ')}]` : ''}`,
      );
      for (const v of result.violations) for (const n of v.nodes.slice(0, 5)) console.log(`  ${v.id}: ${n.target.join(' ')}`);
      return count;
    },
    /** One line with every screen's `violations/serious` count; returns the serious ones, for `toEqual([])`. */
    summary(): string[] {
      console.log(`axe per screen: ${counts.map((c) => `${c.screen}=${c.total}/${c.serious.length}`).join(', ')}`);
      return counts.flatMap((c) => c.serious.map((s) => `${c.screen}: ${s}`));
    },
    /** Content outside the page's landmarks (region, landmark-*), per screen: every screen has its banner and main. */
    landmarks(): string[] {
      return counts.flatMap((c) => c.ids.filter((id) => /^(region|landmark-)/.test(id)).map((id) => `${c.screen}: ${id}`));
    },
  };
}
