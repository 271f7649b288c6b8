import { errorText } from '../errors';
import { useT, type MessageKey } from '../i18n';

/**
 * The loading notice, or the load error with a retry button, shared by the pages and their sections
 * (home, case page, thread, tasks, actions, calendar …). Renders nothing once loaded.
 */
export function LoadStatus({
  state,
  loadingKey,
  error,
  onRetry,
}: {
  state: 'loading' | 'error' | 'ready';
  loadingKey: MessageKey;
  error: unknown;
  onRetry: () => void;
}) {
  const t = useT();
  if (state === 'loading') {
    return (
      <p className="muted" role="status">
        {t(loadingKey)}
      </p>
    );
  }
  if (state === 'error') {
    return (
      <div className="alert alert--error" role="alert">
        <p>{errorText(error, t)}</p>
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('home.retry')}
        </button>
      </div>
    );
  }
  return null;
}

/** What {@link LoadStatus} shows for one query result: loading until its first answer, then its data or its error. */
export function loadState(result: { data?: unknown; error?: unknown }): 'loading' | 'error' | 'ready' {
  return result.data !== undefined ? 'ready' : result.error !== undefined ? 'error' : 'loading';
}
