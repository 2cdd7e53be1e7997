import { useEffect, useState } from 'preact/hooks';
import { ext } from '../utils/browser';
import { t } from '../utils/i18n';
import { buildWorkerUrl, getWorkerUrl, resetWorkerUrl, saveWorkerUrl } from '../utils/settings';
import { originPattern } from '../utils/worker-url';

/** Whether the browser lets the extension reach `url` (Firefox asks the user even for the manifest's host). */
async function hasAccess(url: string): Promise<boolean> {
  try {
    return await ext.permissions.contains({ origins: [originPattern(url)] });
  } catch {
    return true;
  }
}

/**
 * The options page: the worker's URL (default: the local `npm start` address). Another URL is
 * saved only after the browser grants access to that one origin; plain http only to this machine.
 *
 * @example
 * render(<Options />, document.getElementById('app')!);
 */
export function Options() {
  const [url, setUrl] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [access, setAccess] = useState(true);
  useEffect(() => {
    void getWorkerUrl().then(async (current) => {
      setUrl(current);
      setAccess(await hasAccess(current));
    });
  }, []);
  const grant = async () => {
    const ok = await ext.permissions.request({ origins: [originPattern(url)] });
    setAccess(ok);
    if (!ok) setMessage({ text: t('optionsDenied'), error: true });
  };
  const save = async (e: Event) => {
    e.preventDefault();
    const result = await saveWorkerUrl(url);
    if (result.ok) {
      setUrl(result.url);
      setAccess(await hasAccess(result.url));
      setMessage({ text: t('optionsSaved', result.url), error: false });
    } else {
      setMessage({ text: result.reason === 'invalid' ? t('optionsInvalid') : t('optionsDenied'), error: true });
    }
  };
  return (
    <main id="main" class="options">
      <h1>{t('optionsTitle')}</h1>
      {!access && (
        <p class="banner banner-info" role="status">
          {t('optionsNeedAccess')}{' '}
          <button type="button" class="primary" onClick={() => void grant()}>
            {t('optionsGrant')}
          </button>
        </p>
      )}
      <form class="stack" onSubmit={(e) => void save(e)}>
        <label for="worker-url">{t('optionsWorkerUrl')}</label>
        <input
          id="worker-url"
          type="url"
          required
          value={url}
          onInput={(e) => setUrl((e.target as HTMLInputElement).value)}
          aria-describedby="worker-url-hint"
        />
        <p id="worker-url-hint" class="hint">
          {t('optionsWorkerUrlHint', buildWorkerUrl())}
        </p>
        <div class="actions">
          <button type="submit" class="primary">
            {t('optionsSave')}
          </button>{' '}
          <button
            type="button"
            onClick={() =>
              void resetWorkerUrl().then(() => {
                setUrl(buildWorkerUrl());
                setMessage({ text: t('optionsReset'), error: false });
              })
            }
          >
            {t('optionsResetButton')}
          </button>
        </div>
        <p role={message?.error ? 'alert' : 'status'} class={message?.error ? 'alert alert-problem' : ''}>
          {message?.text ?? ''}
        </p>
      </form>
    </main>
  );
}
