/**
 * The app's live link: one graphql-ws client per signed-in session, and its state for the indicator.
 */
import { useEffect, useRef, useState } from 'react';
import { CloseCode } from 'graphql-ws';
import { session } from './auth/session';
import { GRAPHQL_PATH } from './lib/graphql-http';
import { createLiveClient, type LiveClient, type LiveStatus } from './lib/live-subscription';

/** ws(s)://<this host>/graphql — the same origin as the page, like the HTTP requests. */
function liveUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}${GRAPHQL_PATH}`;
}

/** First pause before replacing a client that gave up; doubles per failure up to the maximum. */
const FAILURE_DELAY_MS = 3_000;
const MAX_FAILURE_DELAY_MS = 30_000;

/**
 * Keeps a live client open while `enabled` and reports its status. After each token refresh the
 * socket re-authenticates (the server closes sockets whose token expires). When the server refuses
 * the connection for good (4401: token voided, roles changed) it refreshes the session and starts a
 * new client; a failed refresh ends the session, which unmounts this hook's user.
 */
export function useLiveConnection(enabled: boolean): { status: LiveStatus; client: LiveClient | null } {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [client, setClient] = useState<LiveClient | null>(null);
  const [generation, setGeneration] = useState(0);
  const failures = useRef(0);

  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    const live = createLiveClient({
      url: liveUrl,
      getToken: session.accessToken,
      onStatus: (next, detail) => {
        if (stopped) return;
        if (next === 'connected') failures.current = 0;
        if (next !== 'failed') {
          if (next !== 'disposed') setStatus(next);
          return;
        }
        // graphql-ws gave up (a non-retryable close code): start over with a new client.
        setStatus('reconnecting');
        const delay = Math.min(MAX_FAILURE_DELAY_MS, FAILURE_DELAY_MS * 2 ** failures.current++);
        retryTimer = setTimeout(() => {
          const ready = detail.closeCode === CloseCode.Unauthorized ? session.refresh() : Promise.resolve(true);
          void ready.finally(() => {
            if (!stopped) setGeneration((g) => g + 1);
          });
        }, delay);
      },
    });
    setClient(live);
    let token = session.accessToken();
    const unsubscribe = session.subscribe(() => {
      const next = session.accessToken();
      if (next && next !== token) live.reconnect();
      token = next;
    });
    return () => {
      stopped = true;
      unsubscribe();
      clearTimeout(retryTimer);
      setClient(null);
      void live.dispose();
    };
  }, [enabled, generation]);

  return { status, client };
}
