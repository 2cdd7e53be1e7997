import { useEffect, useState } from 'preact/hooks';
import type { ConversationThread } from '../../../shared/schemas/message';
import type { ApiContext } from '../../utils/api';
import {
  blockAgency,
  consentToPaidServices,
  getSeekerConversation,
  requestDeletion,
  sendSeekerMessage,
  withdrawPaidServiceConsent,
} from '../../utils/seeker-api';
import { t } from '../../utils/i18n';
import { ApiProblem } from '../../utils/problem';
import { formatJstDateTime } from '../../utils/time';
import { Composer } from '../Composer';
import { ConfirmAction } from '../ConfirmAction';
import { MandatoryInfoCard } from '../MandatoryInfoCard';
import { MessageText } from '../MessageText';
import { ProblemAlert } from '../ProblemAlert';

/**
 * The block button with its plain confirmation (R-BLOCK-1, R-BLOCK-2): the agency can no longer
 * write, and must delete this jobseeker's data.
 *
 * @example
 * <BlockAgency ctx={ctx} agencyId={id} agencyName={name} onDone={reload} />
 */
export function BlockAgency({
  ctx,
  agencyId,
  agencyName,
  onDone,
}: {
  ctx: ApiContext;
  agencyId: string;
  agencyName: string;
  onDone?: () => void;
}) {
  return (
    <ConfirmAction
      label={t('seekerBlock')}
      title={t('seekerBlockConfirmTitle', agencyName)}
      explanation={[t('seekerBlockExplain1'), t('seekerBlockExplain2'), t('seekerBlockExplain3')]}
      confirmLabel={t('seekerBlockConfirm')}
      doneText={t('seekerBlockDone', agencyName)}
      danger
      onConfirm={async () => {
        await blockAgency(ctx, agencyId);
        onDone?.();
      }}
    />
  );
}

/**
 * Asking an agency to delete this jobseeker's data, with its plain confirmation of what follows
 * (R-DEL-1): the agency's access ends at once, the copy on its computer is deleted too, the
 * conversation ends, nothing comes back, and where to see when it was done (R-DEL-2).
 *
 * @example
 * <RequestDeletion ctx={ctx} agencyId={id} agencyName={name} />
 */
export function RequestDeletion({
  ctx,
  agencyId,
  agencyName,
  label,
  onDone,
}: {
  ctx: ApiContext;
  agencyId: string;
  agencyName: string;
  /** The button's text; where several agencies are listed it names the agency. */
  label?: string;
  onDone?: () => void;
}) {
  return (
    <ConfirmAction
      label={label ?? t('seekerDeletion')}
      title={t('seekerDeletionConfirmTitle', agencyName)}
      explanation={[
        t('seekerDeletionExplain1'),
        t('seekerDeletionExplainCopy'),
        t('seekerDeletionExplainEnd'),
        t('seekerDeletionExplain2'),
      ]}
      confirmLabel={t('seekerDeletionConfirm')}
      doneText={t('seekerDeletionDone', agencyName)}
      onConfirm={async () => {
        await requestDeletion(ctx, agencyId);
        onDone?.();
      }}
    />
  );
}

/**
 * The jobseeker's explicit, prior consent to hear about the agency's paid services other than
 * placement (R-MSG-7, §7(2)①ケ), and its withdrawal. Without it such offers to new graduates are
 * refused by the worker.
 *
 * @example
 * <PaidServiceConsent ctx={ctx} conversationId={id} consentedAt={null} onDone={reload} />
 */
export function PaidServiceConsent({
  ctx,
  conversationId,
  consentedAt,
  onDone,
}: {
  ctx: ApiContext;
  conversationId: string;
  consentedAt: string | null;
  onDone: () => void;
}) {
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const act = async (work: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await work();
      onDone();
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error);
    }
  };
  return (
    <div class="paid-service-consent">
      <p class="hint">{t('seekerPaidServiceExplain')}</p>
      {consentedAt ? (
        <p>
          {t('seekerPaidServiceConsented', formatJstDateTime(consentedAt))}{' '}
          <button type="button" onClick={() => void act(() => withdrawPaidServiceConsent(ctx, conversationId))}>
            {t('seekerPaidServiceWithdraw')}
          </button>
        </p>
      ) : (
        <button type="button" onClick={() => void act(() => consentToPaidServices(ctx, conversationId))}>
          {t('seekerPaidServiceConsent')}
        </button>
      )}
      {problem && <ProblemAlert problem={problem} reader="seeker" />}
    </div>
  );
}

/**
 * One conversation for the jobseeker: the agency's mandatory information as a clear card
 * (R-MSG-1) and any change notice (R-MSG-3), the messages as plain text (R-MSG-6), a box to ask
 * or answer that catches contact details politely before sending (R-MSG-4), and block and
 * deletion in one step each.
 *
 * @example
 * <SeekerThread ctx={ctx} conversationId={id} onBack={…} />
 */
export function SeekerThread({ ctx, conversationId, onBack }: { ctx: ApiContext; conversationId: string; onBack: () => void }) {
  const [thread, setThread] = useState<ConversationThread | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const load = async () => {
    try {
      setThread(await getSeekerConversation(ctx, conversationId));
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error);
    }
  };
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [conversationId]);

  const back = (
    <button type="button" class="link" onClick={onBack}>
      {t('seekerBack')}
    </button>
  );
  if (!thread)
    return (
      <section>
        {back}
        {problem ? <ProblemAlert problem={problem} reader="seeker" /> : <p role="status">{t('loading')}</p>}
      </section>
    );
  const { conversation, messages, mandatoryInformation } = thread;
  const changed = messages.some((m) => m.kind === 'notice' && m.mandatoryInformation);
  const canWrite = conversation.state === 'open' || conversation.state === 'awaiting_seeker';
  return (
    <section aria-labelledby="seeker-thread-heading">
      {back}
      <h2 id="seeker-thread-heading">{conversation.agencyName}</h2>
      {changed && (
        <p class="banner banner-info" role="note">
          {t('seekerMandatoryChanged')}
        </p>
      )}
      <MandatoryInfoCard info={mandatoryInformation.content} agencyName={conversation.agencyName} version={mandatoryInformation.version} />
      <ol class="messages" aria-label={t('threadMessages')}>
        {messages.map((m) => (
          <li key={m.id} class={`message message-${m.from}`}>
            <p class="message-meta">
              <span>{m.from === 'agency' ? conversation.agencyName : m.from === 'seeker' ? t('senderYou') : t('senderSystem')}</span>{' '}
              <time dateTime={m.sentAt}>{formatJstDateTime(m.sentAt)}</time>
            </p>
            {m.kind === 'notice' && m.mandatoryInformation && <p class="notice-label">{t('seekerChangeNotice')}</p>}
            <MessageText body={m.body} />
            {m.kind === 'notice' && m.mandatoryInformation && (
              <MandatoryInfoCard info={m.mandatoryInformation.content} headingLevel={4} version={m.mandatoryInformation.version} />
            )}
          </li>
        ))}
      </ol>
      {problem && <ProblemAlert problem={problem} reader="seeker" />}
      {canWrite ? (
        <Composer
          reader="seeker"
          id="seeker-reply"
          label={t('seekerWriteLabel')}
          submitLabel={t('seekerWriteSend')}
          onSend={async (body, idempotencyKey) => {
            await sendSeekerMessage(ctx, conversationId, body, idempotencyKey);
            await load();
          }}
        />
      ) : (
        <p class="hint">{conversation.state === 'blocked' ? t('seekerThreadBlocked') : t('seekerThreadClosed')}</p>
      )}
      {canWrite && (
        <PaidServiceConsent
          ctx={ctx}
          conversationId={conversationId}
          consentedAt={thread.paidServiceConsentAt ?? null}
          onDone={() => void load()}
        />
      )}
      <div class="seeker-actions">
        {conversation.state !== 'blocked' && (
          <BlockAgency ctx={ctx} agencyId={conversation.agencyId} agencyName={conversation.agencyName} onDone={() => void load()} />
        )}
        <RequestDeletion ctx={ctx} agencyId={conversation.agencyId} agencyName={conversation.agencyName} />
      </div>
    </section>
  );
}
