import type { MiddlewareHandler } from 'hono';
import { jstDate, mustConfirmTerms } from '../../shared/rules';
import { termsVersions } from '../lib/bulletin';
import type { AppEnv } from '../lib/context';
import { ApiError } from '../lib/problem';
import { bulletinStub } from '../lib/stubs';

/** The latest version each seat confirmed, as this isolate has seen it (only ever grows). */
const confirmed = new Map<string, number>();

/**
 * Who confirms the terms (R-TOS-1): the signed-in staff seat (R-ORG-2). The liaison officer's seat
 * has the organisation's own ID, so confirmations made before seats stay that seat's.
 *
 * @example termsSeat(c.var) // 'U4F8…' for a staff seat, the agency ID for the liaison officer
 */
export function termsSeat(v: { agency: { id: string }; seat?: { id: string } }): string {
  return v.seat?.id ?? v.agency.id;
}

/** Remembers a confirmation made through this isolate. */
export function noteTermsConfirmed(seat: string, version: number): void {
  if ((confirmed.get(seat) ?? 0) < version) confirmed.set(seat, version);
}

/**
 * R-TOS-1 (§20): after a new version of the terms takes effect, a seat works on (searches, opens
 * profiles, writes) only once it has confirmed what changed. Runs after the agency's token was
 * checked. Costs no object call unless a version newer than the seat's is in force.
 */
export const currentTermsConfirmed: MiddlewareHandler<AppEnv> = async (c, next) => {
  const agency = c.var.agency;
  const seat = termsSeat(c.var);
  const versions = await termsVersions(c.env, c.var.now.getTime());
  const today = jstDate(c.var.now);
  let due = mustConfirmTerms(versions, today, { admittedOn: agency.admittedOn, confirmed: confirmed.get(seat) ?? null });
  if (due) {
    const latest = await bulletinStub(c.env).termsConfirmedBy(seat);
    if (latest !== null) noteTermsConfirmed(seat, latest);
    due = mustConfirmTerms(versions, today, { admittedOn: agency.admittedOn, confirmed: latest });
  }
  if (due) {
    throw new ApiError(
      'terms_not_confirmed',
      `利用規約の第${due.version}版が${due.effectiveOn}から施行されています。変更の内容を確認して同意すると、引き続きご利用いただけます（利用規約§20）。`,
      { version: due.version, effectiveOn: due.effectiveOn, summary: due.summary },
    );
  }
  await next();
};
