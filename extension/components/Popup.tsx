import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ApiContext } from '../utils/api';
import { t } from '../utils/i18n';
import type { Session } from '../utils/session';
import { openDashboardTab } from '../utils/open-dashboard';
import { useApiContext, useSession } from './hooks';

type SeekerRootProps = { session: Session | null; ctx: ApiContext };

/** Loads a part of the popup on demand and shows 「読み込み中」 until it is there. */
function useLazy<P>(load: () => Promise<FunctionComponent<P>>): FunctionComponent<P> | null {
  const [Part, setPart] = useState<FunctionComponent<P> | null>(null);
  useEffect(() => {
    let live = true;
    void load().then((c) => live && setPart(() => c));
    return () => {
      live = false;
    };
  }, []);
  return Part;
}

/**
 * The jobseeker's part, loaded on demand: the first screen holds neither it nor the agency's part
 * (the popup's 50 KB budget, checked by test/extension/bundle-size.test.ts).
 */
function LazySeekerRoot(props: SeekerRootProps) {
  const Root = useLazy(() => import('./seeker/SeekerRoot').then((m) => m.SeekerRoot));
  return Root ? <Root {...props} /> : <p role="status">{t('loading')}</p>;
}

/** The agency's part (its summary and quota read the local database), loaded on demand too. */
function LazyAgencyPopup(props: { session: Session }) {
  const Agency = useLazy(() => import('./AgencyPopup').then((m) => m.AgencyPopup));
  return Agency ? <Agency {...props} /> : <p role="status">{t('loading')}</p>;
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
  if (session?.role === 'agency') return <LazyAgencyPopup session={session} />;
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
