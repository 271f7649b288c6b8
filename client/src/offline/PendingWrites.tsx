import { formatDateTime } from '../format';
import { useT } from '../i18n';
import type { QueuedWrite } from '../lib/write-queue';
import { currentQueue } from './offline-writes';

/**
 * One queued write shown in place: "Đang chờ gửi" while it waits; when the server refused it on
 * reconnect (CONFLICT or another code), the reason and the choice to discard it or send it again.
 * `reapply` turns the stored variables into the ones to resend (e.g. with the current version).
 */
export function PendingWrite({
  item,
  children,
  reapply,
}: {
  item: QueuedWrite;
  children: React.ReactNode;
  reapply?: (variables: Record<string, unknown>) => Record<string, unknown>;
}) {
  const t = useT();
  const refused = item.state !== 'pending';
  return (
    <div className={`pending-write${refused ? ' pending-write--refused' : ''}`} data-queued-write={item.id}>
      <span className={`badge badge--${refused ? 'warn' : 'info'}`}>{refused ? t(`offline.kind.${item.kind}`) : t('offline.pending')}</span>{' '}
      <span className="muted small">{t('offline.queuedAt', { time: formatDateTime(item.queuedAt) })}</span>
      <div className="pending-write__body">{children}</div>
      {refused && (
        <div role="alert">
          <p className="alert alert--error">{t('offline.conflict', { message: item.error?.message ?? '' })}</p>
          <div className="task-actions">
            <button type="button" className="button button--small button--secondary" onClick={() => void currentQueue()?.discard(item.id)}>
              {t('offline.discard')}
            </button>
            <button
              type="button"
              className="button button--small button--primary"
              onClick={() => void currentQueue()?.reapply(item.id, reapply)}
            >
              {t('offline.reapply')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
