/**
 * Stands in for `@holiday-jp/holiday_jp` in the extension's build only (see `wxt.config.ts`).
 * `shared/rules/time.ts` reads the holiday table when it loads, which would ship 230 kB the
 * extension never uses: holidays move only the deadlines the worker computes (registration
 * completion, the report grace period, decision 10), never retention, the cap or maintenance.
 * A test checks the extension imports none of the functions that read holidays.
 */
export default { holidays: {} as Record<string, never> };
