import type { ApiContext } from '../../utils/api';
import { leaveFeed } from '../../utils/seeker-api';
import { t } from '../../utils/i18n';
import { ConfirmAction } from '../ConfirmAction';

/**
 * Leaving the feed, after a plain confirmation (R-FEED-2).
 *
 * @example
 * <Leave ctx={ctx} />
 */
export function Leave({ ctx }: { ctx: ApiContext }) {
  return (
    <section aria-labelledby="leave-heading">
      <h2 id="leave-heading">{t('seekerLeaveTitle')}</h2>
      <p>{t('seekerLeaveExplain1')}</p>
      <p>{t('seekerLeaveExplain2')}</p>
      <ConfirmAction
        label={t('seekerLeave')}
        title={t('seekerLeaveConfirmTitle')}
        explanation={[t('seekerLeaveExplain1'), t('seekerLeaveExplain2')]}
        confirmLabel={t('seekerLeaveConfirm')}
        doneText={t('seekerLeaveDone')}
        danger
        onConfirm={() => leaveFeed(ctx)}
      />
    </section>
  );
}
