import { useEffect, useState } from 'preact/hooks';
import type { ApiContext } from '../utils/api';
import { ext } from '../utils/browser';
import { loadServerOffset, serverNow, syncServerTime } from '../utils/server-time';
import { getSession, onSessionChanged, type Session } from '../utils/session';
import { getWorkerUrl } from '../utils/settings';

/** `undefined` while loading, then the session or `null`; follows sign-in and sign-out in other pages. */
export function useSession(): Session | null | undefined {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void getSession().then((s) => live && setSession(s));
    const stop = onSessionChanged((s) => setSession(s));
    return () => {
      live = false;
      stop();
    };
  }, []);
  return session;
}

/** The worker URL from the options page (`null` while loading). */
export function useWorkerUrl(): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    void getWorkerUrl().then(setUrl);
  }, []);
  return url;
}

/**
 * The API context for the signed-in session, or `null` while the worker URL loads.
 *
 * @example
 * const ctx = useApiContext(session);
 */
export function useApiContext(session: Session | null | undefined): ApiContext | null {
  const baseUrl = useWorkerUrl();
  if (!baseUrl) return null;
  return { baseUrl, token: session?.token ?? null };
}

/**
 * The worker's "now" (T-5), refreshed every `intervalMs` and whenever the offset to the worker's
 * clock changes (for maintenance windows, reset times and date limits). With a `baseUrl`, the page
 * reads the worker's time once on mount, so a moved demo clock is seen at once.
 *
 * @example
 * const now = useNow(30_000, ctx.baseUrl);
 */
export function useNow(intervalMs = 30_000, baseUrl?: string): Date {
  const [now, setNow] = useState(() => serverNow());
  useEffect(() => {
    let live = true;
    const refresh = () => live && setNow(serverNow());
    void loadServerOffset().then(refresh);
    if (baseUrl) void syncServerTime(baseUrl).then(refresh);
    const id = setInterval(refresh, intervalMs);
    const onChange = (changes: Record<string, unknown>) => {
      if ('serverClock' in changes) refresh();
    };
    ext.storage.local.onChanged.addListener(onChange);
    return () => {
      live = false;
      clearInterval(id);
      ext.storage.local.onChanged.removeListener(onChange);
    };
  }, [intervalMs, baseUrl]);
  return now;
}
