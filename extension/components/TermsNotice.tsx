import { useEffect, useState } from 'preact/hooks';
import type { TermsStatus } from '../../shared/schemas/terms';
import type { ApiContext } from '../utils/api';
import { t } from '../utils/i18n';
import { formatDate } from '../utils/time';
import { confirmTerms, termsStatus } from '../utils/terms';

/**
 * A change of the terms of use (R-TOS-1, §20): once a new version is in force, the seat reads what
 * changed and confirms it before searching or writing again; a version announced for a later day
 * can be confirmed ahead. Plain text; the button is a real button, so it works from the keyboard.
 *
 * @example
 * <TermsNotice ctx={ctx} onConfirmed={() => refresh()} />
 */
export function TermsNotice({
  ctx,
  load = termsStatus,
  confirm = confirmTerms,
  onConfirmed,
}: {
  ctx: ApiContext;
  load?: (ctx: ApiContext) => Promise<TermsStatus>;
  confirm?: (ctx: ApiContext, version: number) => Promise<unknown>;
  onConfirmed?: () => void;
}) {
  const [status, setStatus] = useState<TermsStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    load(ctx).then(
      (s) => live && setStatus(s),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [ctx, load]);
  const version = status?.mustConfirm ?? status?.upcoming ?? null;
  if (!version) return null;
  const required = status?.mustConfirm !== null;
  const agree = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await confirm(ctx, version.version);
      setStatus(await load(ctx));
      onConfirmed?.();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section
      class={required ? 'banner banner-terms banner-terms-required' : 'banner banner-terms'}
      role={required ? 'alert' : 'status'}
      aria-label={t('termsTitle')}
    >
      <strong>
        {required
          ? t('termsRequired', version.version, formatDate(version.effectiveOn))
          : t('termsUpcoming', version.version, formatDate(version.effectiveOn))}
      </strong>
      <p class="terms-summary">{version.summary}</p>
      <button type="button" disabled={busy} onClick={() => void agree()}>
        {t('termsConfirm', version.version)}
      </button>
      {failed && <p role="alert">{t('termsConfirmFailed')}</p>}
    </section>
  );
}
