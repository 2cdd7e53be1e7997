import type { Block } from '../../../shared/schemas/message';
import type { ApiContext } from '../../utils/api';
import { listBlocks, unblockAgency } from '../../utils/seeker-api';
import { t } from '../../utils/i18n';
import { formatJstDateTime } from '../../utils/time';
import { ConfirmAction } from '../ConfirmAction';
import { ProblemAlert } from '../ProblemAlert';
import { useLoad } from './use-load';

/**
 * The agencies this jobseeker blocks, with when the agency's extension confirmed it deleted the
 * data (R-BLOCK-2), and lifting a block (R-BLOCK-3).
 *
 * @example
 * <Blocks ctx={ctx} />
 */
export function Blocks({ ctx }: { ctx: ApiContext }) {
  const { data, problem, reload } = useLoad(() => listBlocks(ctx), []);
  const items: Block[] = data?.items ?? [];
  return (
    <section aria-labelledby="blocks-heading">
      <h2 id="blocks-heading">{t('seekerBlocksTitle')}</h2>
      <p class="hint">{t('seekerBlocksHint')}</p>
      {problem && <ProblemAlert problem={problem} reader="seeker" />}
      {data && items.length === 0 && <p>{t('seekerBlocksEmpty')}</p>}
      <ul>
        {items.map((b) => (
          <li key={b.agencyId}>
            <p>
              <strong>{b.agencyName}</strong> {t('seekerBlockedOn', formatJstDateTime(b.blockedAt))}
            </p>
            <p>{b.agencyDeletedAt ? t('seekerBlockAgencyDeleted', formatJstDateTime(b.agencyDeletedAt)) : t('seekerBlockAgencyPending')}</p>
            <ConfirmAction
              label={t('seekerUnblock')}
              title={t('seekerUnblockConfirmTitle', b.agencyName)}
              explanation={[t('seekerUnblockExplain')]}
              confirmLabel={t('seekerUnblockConfirm')}
              doneText={t('seekerUnblockDone')}
              onConfirm={async () => {
                await unblockAgency(ctx, b.agencyId);
                await reload();
              }}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
