import { serverNow } from '../utils/server-time';
import { useEffect } from 'preact/hooks';
import { db, type DeletedRecordKind, type EventRecord } from '../utils/db';
import { markEventsSeen } from '../utils/events';
import { t, type MessageKey } from '../utils/i18n';
import type { AccountKey } from '../utils/session';
import { formatDate, formatJstDateTime } from '../utils/time';
import { useLiveQuery } from './live-query';

const RULE_REASONS: Record<string, MessageKey> = {
  'R-BLOCK-2': 'ruleBlock',
  'R-DEL-1': 'ruleDeletionRequest',
  'R-RET-1': 'ruleRetentionNotAccepted',
  'R-RET-2': 'ruleRetentionAccepted',
  'R-RET-3': 'ruleServiceEnded',
};

const KIND_KEYS: Record<DeletedRecordKind, MessageKey> = {
  acquisition: 'kindAcquisition',
  profile: 'kindProfile',
  conversation: 'kindConversation',
  message: 'kindMessage',
};

/** Why data went, in words, from a rule ID (R-BLOCK-2, R-DEL-1, R-RET-1..3). */
export function ruleReason(rule: string): string {
  const key = RULE_REASONS[rule];
  return key ? t(key) : rule;
}

const STATUS_KEYS: Record<string, MessageKey> = {
  active: 'statusActive',
  suspended: 'statusSuspended',
  revoked: 'statusRevoked',
  withdrawn: 'statusWithdrawn',
};

/** An agency status in words (利用中, 停止中, 利用解除, 退会). */
export function statusLabel(status: string): string {
  const key = STATUS_KEYS[status];
  return key ? t(key) : status;
}

function eventText(e: EventRecord): string {
  switch (e.type) {
    case 'block':
      return e.deletedRecords > 0 ? t('eventBlock', e.deletedRecords) : t('eventBlockNothingHeld');
    case 'deletion_request':
      return e.deletedRecords > 0 ? t('eventDeletionRequest', e.deletedRecords) : t('eventDeletionRequestNothingHeld');
    case 'retention_expired':
      return t('eventRetentionExpired', ruleReason(e.rule), e.deletedRecords);
    case 'status_changed':
      return e.notice?.status === 'active'
        ? t('eventStatusActive')
        : e.notice?.suspensionEndsOn
          ? t('eventStatusStoppedUntil', statusLabel(e.notice.status ?? ''), formatDate(e.notice.suspensionEndsOn), e.deletedRecords)
          : t('eventStatusStopped', statusLabel(e.notice?.status ?? ''), e.deletedRecords);
    case 'report_reminder':
      return t('eventReportReminder', e.notice?.fiscalYear ?? '', e.notice?.dueOn ? formatDate(e.notice.dueOn) : '');
    case 'report_request':
      return t(
        'eventReportRequest',
        e.notice?.bureau ?? '',
        e.notice?.fiscalYear ?? '',
        e.notice?.graceLastDay ? formatDate(e.notice.graceLastDay) : '',
      );
    case 'mandatory_info_changed':
      return t('eventMandatoryChanged', e.notice?.version ?? '');
    case 'term_reminder':
      return t(
        e.notice?.termKind === 'licence' ? 'eventLicenceReminder' : 'eventTermReminder',
        e.notice?.dueOn ? formatDate(e.notice.dueOn) : '',
      );
    case 'term_ended':
      return t('eventTermEnded', e.notice?.dueOn ? formatDate(e.notice.dueOn) : '', e.deletedRecords);
  }
}

/**
 * What the extension did without being asked and why: the worker's events as handled (blocks,
 * deletion requests, expiries, status changes, reminders) with whether the worker has the
 * confirmation, and the deletion log — kind of record, how many, rule, when, never the content
 * (R-RET-4). Opening it marks the events as seen.
 *
 * @example
 * <Notices account={account} />
 */
export function Notices({ account }: { account: AccountKey }) {
  const events = useLiveQuery(
    async () => (await db.events.where('account').equals(account).toArray()).sort((a, b) => b.seq - a.seq),
    [account],
    [],
  );
  const deletions = useLiveQuery(async () => (await db.deletions.where('account').equals(account).toArray()).reverse(), [account], []);
  useEffect(() => {
    void markEventsSeen(account, serverNow());
  }, [account, events.length]);
  return (
    <section aria-labelledby="notices-heading">
      <h2 id="notices-heading">{t('noticesTitle')}</h2>
      {events.length === 0 ? (
        <p>{t('noticesEmpty')}</p>
      ) : (
        <ul class="notices">
          {events.map((e) => (
            <li key={e.id} class={e.seenAt ? '' : 'unread'}>
              <time dateTime={e.handledAt}>{formatJstDateTime(e.handledAt)}</time> {eventText(e)}
              {!e.ackedAt && <span class="muted"> （{t('noticesAckPending')}）</span>}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('deletionLogTitle')}</h3>
      <p class="hint">{t('deletionLogHint')}</p>
      {deletions.length === 0 ? (
        <p>{t('deletionLogEmpty')}</p>
      ) : (
        <table class="deletion-log">
          <thead>
            <tr>
              <th scope="col">{t('deletionLogWhen')}</th>
              <th scope="col">{t('deletionLogKind')}</th>
              <th scope="col">{t('deletionLogCount')}</th>
              <th scope="col">{t('deletionLogRule')}</th>
            </tr>
          </thead>
          <tbody>
            {deletions.map((d) => (
              <tr key={d.seq}>
                <td>{formatJstDateTime(d.at)}</td>
                <td>{t(KIND_KEYS[d.recordKind])}</td>
                <td>{d.count}</td>
                <td>
                  {ruleReason(d.rule)} <span class="muted">({d.rule})</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
