import type { ApiContext } from '../../utils/api';
import type { Session } from '../../utils/session';
import { SeekerApp } from './SeekerApp';
import { SeekerSignIn } from './SeekerSignIn';

/**
 * The jobseeker's part of the popup, loaded only when a jobseeker (or a signed-out visitor) opens
 * it: it carries the API client and the shared zod schemas, which an agency's popup never needs.
 *
 * @example
 * <SeekerRoot session={null} ctx={ctx} />
 */
export function SeekerRoot({ session, ctx }: { session: Session | null; ctx: ApiContext }) {
  return session ? <SeekerApp session={session} ctx={ctx} /> : <SeekerSignIn ctx={ctx} />;
}
