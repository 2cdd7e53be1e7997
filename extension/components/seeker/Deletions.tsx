import type { DeletionRequest } from '../../../shared/schemas/message';
import type { ApiContext } from '../../utils/api';
import { listDeletionRequests, listSeekerConversations } from '../../utils/seeker-api';
import { t } from '../../utils/i18n';
import { formatJstDateTime } from '../../utils/time';
import { ProblemAlert } from '../ProblemAlert';
import { DeletionNotices, useRefreshWhilePending } from './DeletionNotices';
import { RequestDeletion } from './SeekerThread';
import { useLoad } from './use-load';

/**
 * The jobseeker's deletion requests and what was done when (R-DEL-1, R-DEL-2), and a way to start
 * one for each agency that wrote to them and has not been asked yet.
 *
 * @example
 * <Deletions ctx={ctx} />
 */
export function Deletions({ ctx }: { ctx: ApiContext }) {
  const { data, problem, reload } = useLoad(() => listDeletionRequests(ctx), []);
  // R-DEL-2: the notices come as the agency acts; look again while a request waits.
  useRefreshWhilePending(data?.items ?? [], reload);
  const conversations = useLoad(() => listSeekerConversations(ctx), []);
  const items: DeletionRequest[] = data?.items ?? [];
  const asked = new Set(items.map((r) => r.agencyId));
  const askable = [
    ...new Map((conversations.data?.items ?? []).filter((c) => !asked.has(c.agencyId)).map((c) => [c.agencyId, c.agencyName])).entries(),
  ];
  return (
    <section aria-labelledby="deletions-heading">
      <h2 id="deletions-heading">{t('seekerDeletionsTitle')}</h2>
      {problem && <ProblemAlert problem={problem} reader="seeker" />}
      {data && items.length === 0 && <p>{t('seekerDeletionsEmpty')}</p>}
      <ul>
        {items.map((r) => (
          <li key={r.id}>
            <p>
              <strong>{r.agencyName}</strong> {t('seekerDeletionRequestedOn', formatJstDateTime(r.requestedAt))}
            </p>
            <DeletionNotices request={r} />
            {!r.agencyHeldData && <p>{t('seekerDeletionNothingHeld')}</p>}
            {r.serverDeletedAt && <p>{t('seekerDeletionServerOn', formatJstDateTime(r.serverDeletedAt))}</p>}
            <p>{r.completedAt ? t('seekerDeletionCompletedOn', formatJstDateTime(r.completedAt)) : t('seekerDeletionPending')}</p>
          </li>
        ))}
      </ul>
      {data && askable.length > 0 && (
        <>
          <h3>{t('seekerDeletionStartTitle')}</h3>
          <ul>
            {askable.map(([agencyId, agencyName]) => (
              <li key={agencyId}>
                <RequestDeletion
                  ctx={ctx}
                  agencyId={agencyId}
                  agencyName={agencyName}
                  label={t('seekerHolderDeletion', agencyName)}
                  onDone={() => void reload()}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
