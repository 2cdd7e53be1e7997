import { useRef, useState } from 'preact/hooks';
import type { DataHolder } from '../../../shared/schemas/transparency';
import type { ApiContext } from '../../utils/api';
import { listDataHolders } from '../../utils/seeker-api';
import { t } from '../../utils/i18n';
import { formatJstDateTime } from '../../utils/time';
import { ProblemAlert } from '../ProblemAlert';
import { acceptedText, agencyStatusText, copyText, deadlineText, receivedText } from './holder-text';
import { RequestDeletion } from './SeekerThread';
import { useLoad } from './use-load';

/** The jobseeker's block of this agency and whether the agency confirmed deleting (R-BLOCK-2). */
function BlockLines({ block }: { block: NonNullable<DataHolder['block']> }) {
  return (
    <>
      <dt>{t('seekerHolderBlockLabel')}</dt>
      <dd>{t('seekerHolderBlockedOn', formatJstDateTime(block.blockedAt))}</dd>
      <dd>
        {block.agencyDeletedAt ? t('seekerBlockAgencyDeleted', formatJstDateTime(block.agencyDeletedAt)) : t('seekerBlockAgencyPending')}
      </dd>
    </>
  );
}

/** The jobseeker's latest deletion request to this agency and what was done, when (R-DEL-1, R-DEL-2). */
function RequestLines({ request }: { request: NonNullable<DataHolder['deletionRequest']> }) {
  return (
    <>
      <dt>{t('seekerHolderRequestLabel')}</dt>
      <dd>{t('seekerHolderRequestedOn', formatJstDateTime(request.requestedAt))}</dd>
      {request.state === 'deleted' ? (
        request.completedAt && <dd>{t('seekerDeletionCompletedOn', formatJstDateTime(request.completedAt))}</dd>
      ) : (
        <>
          {request.serverDeletedAt && <dd>{t('seekerDeletionServerOn', formatJstDateTime(request.serverDeletedAt))}</dd>}
          <dd>{t('seekerDeletionPending')}</dd>
        </>
      )}
    </>
  );
}

function Holder({
  holder,
  asOf,
  ctx,
  onRequested,
}: {
  holder: DataHolder;
  asOf: string;
  ctx: ApiContext;
  onRequested: (agencyName: string) => void;
}) {
  const headingId = `holder-${holder.agencyId}`;
  const standing = agencyStatusText(holder);
  // Once the worker removed the agency's access there is nothing left to ask for; a pending
  // request is shown with its progress instead of a second button.
  const canRequest = holder.copy.state === 'held' && holder.deletionRequest?.state !== 'requested';
  return (
    <li>
      <h3 id={headingId}>{holder.agencyName}</h3>
      {standing && <p>{standing}</p>}
      <dl class="profile" aria-labelledby={headingId}>
        <dt>{t('seekerHolderReceivedLabel')}</dt>
        <dd>{receivedText(holder)}</dd>
        <dt>{t('seekerHolderAcceptedLabel')}</dt>
        <dd>{acceptedText(holder)}</dd>
        <dt>{t('seekerHolderDeadlineLabel')}</dt>
        <dd>{deadlineText(holder, asOf)}</dd>
        <dt>{t('seekerHolderStateLabel')}</dt>
        {copyText(holder).map((line) => (
          <dd key={line}>{line}</dd>
        ))}
        {holder.block && <BlockLines block={holder.block} />}
        {holder.deletionRequest && <RequestLines request={holder.deletionRequest} />}
      </dl>
      {canRequest && (
        <RequestDeletion
          ctx={ctx}
          agencyId={holder.agencyId}
          agencyName={holder.agencyName}
          label={t('seekerHolderDeletion', holder.agencyName)}
          onDone={() => onRequested(holder.agencyName)}
        />
      )}
    </li>
  );
}

/**
 * 「あなたの情報を持っている事業者」: every agency that received the jobseeker's information, when,
 * whether it recorded 求職受理, until when it may keep it (R-RET-1, R-RET-2), whether its copy is
 * still held or was deleted — why, when, and whether its extension confirmed it (R-RET-3, R-BLOCK-2,
 * R-DEL-1) — the jobseeker's block and deletion request with their outcome (R-DEL-2), and a
 * deletion request in one step with a plain confirmation. Read from the worker each time.
 *
 * @example
 * <DataHolders ctx={ctx} />
 */
export function DataHolders({ ctx }: { ctx: ApiContext }) {
  const { data, problem, reload } = useLoad(() => listDataHolders(ctx), []);
  const [notice, setNotice] = useState('');
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const onRequested = async (agencyName: string) => {
    await reload();
    setNotice(t('seekerDeletionDone', agencyName));
    // The confirmation that had focus is gone with the button: keyboard and screen-reader users land on the outcome.
    noticeRef.current?.focus();
  };
  const items = data?.items ?? [];
  return (
    <section aria-labelledby="holders-heading">
      <h2 id="holders-heading">{t('seekerHoldersTitle')}</h2>
      <p class="hint">{t('seekerHoldersHint')}</p>
      <p class="hint">{t('seekerHoldersRule1')}</p>
      <p class="hint">{t('seekerHoldersRule2')}</p>
      <p role="status" class="done" tabIndex={-1} ref={noticeRef}>
        {notice}
      </p>
      {problem && (
        <>
          <ProblemAlert problem={problem} reader="seeker" />
          <button type="button" onClick={() => void reload()}>
            {t('seekerHoldersRetry')}
          </button>
        </>
      )}
      {!data && !problem && <p>{t('loading')}</p>}
      {data && <p class="muted">{t('seekerHoldersAsOf', formatJstDateTime(data.asOf))}</p>}
      {data && items.length === 0 && <p>{t('seekerHoldersEmpty')}</p>}
      <ul class="inbox">
        {items.map((holder) => (
          <Holder key={holder.agencyId} holder={holder} asOf={data!.asOf} ctx={ctx} onRequested={(name) => void onRequested(name)} />
        ))}
      </ul>
    </section>
  );
}
