import { addMonthsClamped } from './time';

/**
 * A placement (就職の実績) the agency made, as it reports it when applying or renewing.
 *
 * @example
 * const placement: Placement = { placedOn: '2026-03-02', fixedTermMonths: null, seasonal: false };
 */
export type Placement = {
  /** The JST day the jobseeker was placed, `YYYY-MM-DD`. */
  placedOn: string;
  /** Length of a fixed-term contract in months; `null` when the contract has no fixed term. */
  fixedTermMonths: number | null;
  /** Seasonal work (季節労働), which never counts as regular. */
  seasonal: boolean;
};

/**
 * Whether a placement is regular (常用, §2 注1): no fixed term, or a fixed term of four
 * months or more, and not seasonal work.
 *
 * @example
 * isRegularPlacement({ placedOn: '2026-03-02', fixedTermMonths: 4, seasonal: false }); // true
 * isRegularPlacement({ placedOn: '2026-03-02', fixedTermMonths: 3, seasonal: false }); // false
 */
export function isRegularPlacement(placement: Placement): boolean {
  if (placement.seasonal) return false;
  return placement.fixedTermMonths === null || placement.fixedTermMonths >= 4;
}

/**
 * Whether the placement record admits an agency to the jobseeker service on
 * `applicationOn`, for a first application or a renewal alike (R-ELIG-2, §2(2)): at least
 * one regular placement within the three months counted back from the application day.
 *
 * The window runs from the same-numbered day three months earlier (that month's last day
 * when it has none) through the application day, both inclusive. A placement dated after
 * the application day is not yet a record the agency could have had when applying.
 *
 * @example
 * placementQualifies('2026-05-31', [{ placedOn: '2026-02-28', fixedTermMonths: null, seasonal: false }]); // true
 * placementQualifies('2026-05-31', [{ placedOn: '2026-02-27', fixedTermMonths: null, seasonal: false }]); // false
 */
export function placementQualifies(applicationOn: string, placements: Placement[]): boolean {
  const windowStart = addMonthsClamped(applicationOn, -3);
  return placements.some(
    (placement) => isRegularPlacement(placement) && placement.placedOn >= windowStart && placement.placedOn <= applicationOn,
  );
}
