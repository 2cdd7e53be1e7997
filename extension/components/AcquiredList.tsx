import { db } from '../utils/db';
import { t } from '../utils/i18n';
import type { AccountKey } from '../utils/session';
import { formatDate } from '../utils/time';
import { useLiveQuery } from './live-query';

/**
 * Every profile the agency holds, with when it was acquired, 求職受理 if recorded, and the last
 * day it may be kept (R-RET-1, R-RET-2), soonest deadline first.
 *
 * @example
 * <AcquiredList account={account} onOpen={(id) => go({ name: 'profile', profileId: id })} />
 */
export function AcquiredList({ account, onOpen }: { account: AccountKey; onOpen: (profileId: string) => void }) {
  const items = useLiveQuery(
    async () =>
      (await db.acquisitions.where('account').equals(account).toArray()).sort((a, b) =>
        a.retentionDeadline.localeCompare(b.retentionDeadline),
      ),
    [account],
    [],
  );
  return (
    <section aria-labelledby="acquired-heading">
      <h2 id="acquired-heading">{t('acquiredTitle')}</h2>
      <p class="hint">{t('acquiredHint')}</p>
      {items.length === 0 ? (
        <p>{t('acquiredEmpty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('acquiredProfile')}</th>
              <th scope="col">{t('acquiredOn')}</th>
              <th scope="col">{t('acquiredAccepted')}</th>
              <th scope="col">{t('acquiredDeadline')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.profileId}>
                <th scope="row">
                  <button type="button" class="link" onClick={() => onOpen(a.profileId)}>
                    {a.profileId}
                  </button>
                </th>
                <td>{formatDate(a.acquiredOn)}</td>
                <td>{a.acceptedOn ? formatDate(a.acceptedOn) : t('acquiredNotAccepted')}</td>
                <td>{formatDate(a.retentionDeadline)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
