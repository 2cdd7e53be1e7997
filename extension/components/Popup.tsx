import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ApiContext } from '../utils/api';
import { t } from '../utils/i18n';
import type { Session } from '../utils/session';
import { AgencyPopup, openDashboardTab } from './AgencyPopup';
import { useApiContext, useSession } from './hooks';

type SeekerRootProps = { session: Session | null; ctx: ApiContext };

/** Loads the jobseeker's part on demand, so an agency's popup stays small and opens at once. */
function LazySeekerRoot(props: SeekerRootProps) {
  const [Root, setRoot] = useState<FunctionComponent<SeekerRootProps> | null>(null);
  useEffect(() => {
    let live = true;
    void import('./seeker/SeekerRoot').then((m) => live && setRoot(() => m.SeekerRoot));
    return () => {
      live = false;
    };
  }, []);
  return Root ? <Root {...props} /> : <p role="status">{t('loading')}</p>;
}

/**
 * The toolbar popup. One extension serves both roles: what it shows follows the signed-in
 * account — the agency's summary, or the jobseeker's inbox — and, signed out, the jobseeker's
 * sign-in with a way for agencies to reach their dashboard.
 *
 * @example
 * render(<Popup />, document.getElementById('app')!);
 */
export function Popup() {
  const session = useSession();
  const ctx = useApiContext(session);
  if (session === undefined || !ctx) return <p role="status">{t('loading')}</p>;
  if (session?.role === 'agency') return <AgencyPopup session={session} />;
  if (session?.role === 'seeker') return <LazySeekerRoot session={session} ctx={ctx} />;
  return (
    <main class="popup-signed-out">
      <h1>{t('extShortName')}</h1>
      <LazySeekerRoot session={null} ctx={ctx} />
      <section aria-labelledby="agency-entry-heading" class="agency-entry">
        <h2 id="agency-entry-heading">{t('popupAgencyEntryTitle')}</h2>
        <p>{t('popupAgencyEntry')}</p>
        <button type="button" onClick={() => void openDashboardTab()}>
          {t('popupOpenDashboard')}
        </button>
      </section>
    </main>
  );
}
