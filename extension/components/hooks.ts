import { useEffect, useState } from 'preact/hooks';
import type { ApiContext } from '../utils/api';
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

/** "Now", refreshed every `intervalMs` (for maintenance windows and reset times). */
export function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}
