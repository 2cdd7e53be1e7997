import type { TermsVersion } from '../schemas/terms';

/**
 * The version of the terms in force on the JST day `today` (R-TOS-1, §20): the latest one whose
 * effective day has come. Version 1 is in force from launch.
 *
 * @example termsInForce(versions, '2027-04-01')?.version; // 2 when v2 takes effect that day
 */
export function termsInForce<T extends Pick<TermsVersion, 'version' | 'effectiveOn'>>(versions: readonly T[], today: string): T | null {
  let best: T | null = null;
  for (const v of versions) if (v.effectiveOn <= today && (!best || v.version > best.version)) best = v;
  return best;
}

/**
 * Whether a seat must confirm the terms before it works on (R-TOS-1): a version took effect after
 * the one it last confirmed. An agency admitted under a version agreed to it by applying, so its
 * starting point is the version in force on its admission day.
 *
 * @example mustConfirmTerms(versions, '2027-04-02', { admittedOn: '2026-12-01', confirmed: null }); // v2 when v2 took effect 2027-04-01
 */
export function mustConfirmTerms<T extends Pick<TermsVersion, 'version' | 'effectiveOn'>>(
  versions: readonly T[],
  today: string,
  seat: { admittedOn: string; confirmed: number | null },
): T | null {
  const current = termsInForce(versions, today);
  if (!current) return null;
  const agreed = Math.max(seat.confirmed ?? 0, termsInForce(versions, seat.admittedOn)?.version ?? 0);
  return current.version > agreed ? current : null;
}
