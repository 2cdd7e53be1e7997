import { useState } from 'preact/hooks';
import type { SavedSearchRecord } from '../../utils/db';
import { db } from '../../utils/db';
import { t } from '../../utils/i18n';
import type { AccountKey } from '../../utils/session';
import { useLiveQuery } from '../live-query';

/**
 * Saved searches with the count of new matching profiles since the agency last ran each one
 * (refreshed by the background), and saving the current filters under a name.
 *
 * @example
 * <SavedSearches account={account} onSave={save} onRun={(s) => run(s)} />
 */
export function SavedSearches({
  account,
  onSave,
  onRun,
}: {
  account: AccountKey;
  onSave: (name: string) => Promise<void>;
  onRun: (search: SavedSearchRecord) => void;
}) {
  const [name, setName] = useState('');
  const saved = useLiveQuery(() => db.savedSearches.where('account').equals(account).toArray(), [account], []);
  return (
    <div class="saved-searches">
      {saved.length > 0 && (
        <ul aria-label={t('searchSavedList')} class="saved-list">
          {saved.map((s) => (
            <li key={s.id}>
              <button type="button" class="saved-run" onClick={() => onRun(s)}>
                {s.name}
                {(s.newCount ?? 0) > 0 ? (
                  <span class="badge">{t('searchSavedNew', s.newCount ?? 0)}</span>
                ) : (
                  <span class="muted"> （{t('searchSavedNone')}）</span>
                )}
              </button>{' '}
              <button
                type="button"
                class="link"
                aria-label={t('searchSavedDelete', s.name)}
                onClick={() => s.id !== undefined && void db.savedSearches.delete(s.id)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label for="save-name">{t('searchSaveName')}</label>{' '}
      <input id="save-name" value={name} maxLength={60} onInput={(e) => setName((e.target as HTMLInputElement).value)} />{' '}
      <button
        type="button"
        onClick={() => {
          const trimmed = name.trim();
          if (trimmed) void onSave(trimmed).then(() => setName(''));
        }}
        disabled={!name.trim()}
      >
        {t('searchSave')}
      </button>
    </div>
  );
}
