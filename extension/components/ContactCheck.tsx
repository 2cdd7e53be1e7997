import { useEffect, useMemo, useState } from 'preact/hooks';
import { describeFindings } from '../../shared/rules/contact-details';
import type { ContactMethod } from '../../shared/schemas/agency';
import { agencyContactFindings, seekerContactFindings } from '../utils/compose';
import { t } from '../utils/i18n';
import type { Reader } from '../utils/refusal';

/** How long typing must pause before the text is checked again. */
export const CONTACT_CHECK_DELAY_MS = 400;

/**
 * The contact-details check while someone types (R-MSG-4): the worker's own detector
 * (shared/rules/contact-details, through utils/compose) runs on the text once typing pauses, and
 * what it finds is shown before sending, in a polite live region, as plain text. For an agency its
 * registered contact methods pass, as at the worker. The send-time check stays the gate; this one
 * only tells early.
 *
 * @example
 * <ContactCheck id="composer-contacts" text={body} reader="agency" registered={me.contactMethods} />
 */
export function ContactCheck({
  id,
  text,
  reader,
  registered = [],
  silent = false,
  delayMs = CONTACT_CHECK_DELAY_MS,
}: {
  id: string;
  text: string;
  reader: Reader;
  registered?: readonly ContactMethod[];
  /** True while the send-time alert already shows the same findings. */
  silent?: boolean;
  delayMs?: number;
}) {
  const [checked, setChecked] = useState('');
  useEffect(() => {
    if (!text.trim()) {
      setChecked('');
      return;
    }
    const timer = setTimeout(() => setChecked(text), delayMs);
    return () => clearTimeout(timer);
  }, [text, delayMs]);
  const registeredKey = registered.map((m) => `${m.kind}:${m.value}`).join('\n');
  const findings = useMemo(
    () => (!checked ? [] : reader === 'agency' ? agencyContactFindings(checked, registered) : seekerContactFindings(checked)),
    // The registered list is compared by content: a new array with the same methods is the same list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [checked, reader, registeredKey],
  );
  const show = !silent && text.trim() !== '' && findings.length > 0;
  return (
    <div id={id} aria-live="polite" data-testid="contact-live">
      {show && (
        <div class="alert alert-warning">
          <p class="alert-title">{t('composeContactLiveTitle')}</p>
          <p>{describeFindings(findings)}</p>
          <p class="hint">{t(reader === 'seeker' ? 'composeContactLiveSeeker' : 'composeContactLiveAgency')}</p>
        </div>
      )}
    </div>
  );
}
