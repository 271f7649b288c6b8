import { useEffect, useState, useSyncExternalStore } from 'react';
import { useSession } from '../auth/session';
import { writeStatus } from '../data';
import { useT } from '../i18n';
import { flushWrites, usePendingWrites } from './offline-writes';

/** navigator.onLine, re-rendering on the browser's online/offline events. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    (l) => {
      window.addEventListener('online', l);
      window.addEventListener('offline', l);
      return () => {
        window.removeEventListener('online', l);
        window.removeEventListener('offline', l);
      };
    },
    () => navigator.onLine,
    () => true,
  );
}

/**
 * One line under the header for the state of writes: offline (saved copies shown, writes queued),
 * a lost answer being sent again with the same key, and how many writes wait to be sent.
 */
export function OfflineNotices() {
  const t = useT();
  // Opened without a connection (auth/session.ts): offline whatever navigator.onLine says.
  const browserOnline = useOnline();
  const session = useSession();
  const online = browserOnline && session.status !== 'offline';
  const { retrying } = useSyncExternalStore(writeStatus.subscribe, writeStatus.get);
  const pending = usePendingWrites().filter((i) => i.state === 'pending').length;
  // A queue left from an earlier visit is sent as soon as the page is open and online.
  const [started, setStarted] = useState(false);
  useEffect(() => {
    if (!started) {
      setStarted(true);
      flushWrites();
    }
  }, [started]);
  if (online && retrying === 0 && pending === 0) return null;
  return (
    <div className="offline-notices" role="status">
      {!online && <p className="alert alert--warn">{t('offline.banner')}</p>}
      {retrying > 0 && <p className="alert alert--info">{t('offline.retrying')}</p>}
      {pending > 0 && (
        <p className="alert alert--info">
          {t('offline.pendingCount', { count: pending })}{' '}
          {online && (
            <button type="button" className="button button--small button--secondary" onClick={flushWrites}>
              {t('offline.sendNow')}
            </button>
          )}
        </p>
      )}
    </div>
  );
}
