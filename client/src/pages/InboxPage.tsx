import { useEffect, useRef, useState } from 'react';
import { mutate, tags, useQuery } from '../data';
import { errorText } from '../errors';
import { formatDateTime } from '../format';
import { graphql } from '../gql';
import type { InboxItemFieldsFragment } from '../gql/graphql';
import { inboxCategoryLabel, taskStatusLabel, useT } from '../i18n';
import { transitionTaskMutation } from '../operations';
import { caseHref } from '../router';
import { LoadStatus } from './LoadStatus';

/** What one inbox row shows (colocated with the component that renders it). */
export const inboxItemFields = graphql(`
  fragment InboxItemFields on InboxItem {
    id
    type
    category
    occurredAt
    unread
    actor {
      id
      fullName
    }
    case {
      id
      decisionNumber
    }
    task {
      id
      title
      status
      version
      viewerCan {
        respond
      }
    }
  }
`);

/** Items per inbox page. */
export const INBOX_PAGE = 30;

export const inboxQuery = graphql(`
  query Inbox($first: Int, $after: String, $unreadOnly: Boolean) {
    inbox(first: $first, after: $after, unreadOnly: $unreadOnly) {
      totalCount
      unreadCount
      pageInfo {
        ...NextPageFields
      }
      edges {
        node {
          ...InboxItemFields
        }
      }
    }
  }
`);

/** The badge: how many inbox items are unread (shares the `inbox` tag, so it moves with the list). */
export const inboxBadgeQuery = graphql(`
  query InboxBadge {
    inbox(first: 1) {
      unreadCount
    }
  }
`);

export const markInboxReadMutation = graphql(`
  mutation MarkInboxRead($ids: [String!]) {
    markInboxRead(ids: $ids) {
      unreadCount
    }
  }
`);

/** The unread-items count for badges; null until known (a failure hides the badge, nothing else). */
export function useInboxUnread(): number | null {
  const badge = useQuery(inboxBadgeQuery, {}, [tags.inbox]);
  return badge.data?.inbox.unreadCount ?? null;
}

/**
 * "Hộp thư": what needs me or my agency — new and overdue tasks, mentions, directives, invitations,
 * escalations — newest first, with unread marks, a link to each item's case, mark read (one or all),
 * and for a task assigned to my agency the Accept button right here. Live: the app's `myFeed`
 * subscription invalidates the `inbox` tag.
 */
export function InboxPage() {
  const t = useT();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [pages, setPages] = useState(1);
  const result = useQuery(inboxQuery, { first: INBOX_PAGE * pages, unreadOnly }, [tags.inbox]);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const inbox = result.data?.inbox;
  const state = inbox ? 'ready' : result.error !== undefined ? 'error' : 'loading';

  const run = (id: string, send: () => Promise<unknown>) => {
    setBusy(id);
    setActionError(null);
    send().then(
      () => setBusy(null),
      (err: unknown) => {
        setActionError(errorText(err, t));
        setBusy(null);
      },
    );
  };
  const markRead = (ids?: string[]) => run(ids?.[0] ?? 'all', () => mutate(markInboxReadMutation, { ids }, [tags.inbox]));
  const accept = (item: InboxItemFieldsFragment) => {
    const task = item.task!;
    run(item.id, async () => {
      await mutate(transitionTaskMutation, { input: { id: task.id, version: task.version, action: 'ACCEPT' } }, [
        tags.inbox,
        tags.tasks(item.case.id),
      ]);
      if (item.unread) await mutate(markInboxReadMutation, { ids: [item.id] }, [tags.inbox]);
    });
  };

  return (
    <section className="inbox" aria-labelledby="inbox-heading">
      <h1 id="inbox-heading" ref={headingRef} tabIndex={-1}>
        {t('inbox.heading')}
      </h1>
      <p className="muted">{t('inbox.intro')}</p>
      <div className="inbox__bar">
        <p role="status" aria-live="polite" className="inbox__count">
          {inbox && t('inbox.unreadCount', { count: inbox.unreadCount })}
        </p>
        <label className="checkbox">
          <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} /> {t('inbox.onlyUnread')}
        </label>
        {inbox && inbox.unreadCount > 0 && (
          <button type="button" className="button button--secondary button--small" disabled={busy !== null} onClick={() => markRead()}>
            {t('inbox.markAllRead')}
          </button>
        )}
      </div>
      <LoadStatus state={state} loadingKey="inbox.loading" error={result.error} onRetry={result.refetch} />
      <div role="alert">{actionError && <p className="alert alert--error">{actionError}</p>}</div>

      {inbox && inbox.edges.length === 0 && <p className="empty">{t('inbox.empty')}</p>}
      {inbox && inbox.edges.length > 0 && (
        <ul className="card-list" aria-label={t('inbox.heading')}>
          {inbox.edges.map(({ node: item }) => {
            const number = item.case.decisionNumber ?? t('cases.noDecision');
            const canAccept = item.task?.viewerCan.respond && item.task.status === 'OPEN';
            return (
              <li key={item.id} className={`item-card inbox-item${item.unread ? ' inbox-item--unread' : ''}`}>
                <p className="item-card__meta">
                  {item.unread && <span className="badge badge--info">{t('inbox.unread')}</span>}{' '}
                  <span className="badge badge--neutral">{inboxCategoryLabel(t, item.category)}</span>{' '}
                  <time dateTime={item.occurredAt}>{formatDateTime(item.occurredAt)}</time>
                </p>
                <h2 className="item-card__title">
                  <a
                    href={caseHref(item.case.id)}
                    onClick={() => item.unread && void mutate(markInboxReadMutation, { ids: [item.id] }, [tags.inbox]).catch(() => {})}
                  >
                    {item.task ? item.task.title : t('inbox.open', { number })}
                  </a>
                </h2>
                <p className="muted small">
                  {number} · {t('inbox.by', { name: item.actor?.fullName ?? t('inbox.system') })}
                  {item.task && <> · {taskStatusLabel(t, item.task.status)}</>}
                </p>
                <div className="task-actions">
                  {canAccept && (
                    <button type="button" className="button button--primary" disabled={busy === item.id} onClick={() => accept(item)}>
                      {t('tasks.accept')}
                    </button>
                  )}
                  {item.unread && (
                    <button
                      type="button"
                      className="button button--secondary"
                      disabled={busy === item.id}
                      onClick={() => markRead([item.id])}
                    >
                      {t('inbox.markRead')}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {inbox?.pageInfo.hasNextPage && (
        <button type="button" className="button button--secondary" onClick={() => setPages((n) => n + 1)} disabled={result.fetching}>
          {t('inbox.loadMore')}
        </button>
      )}
    </section>
  );
}
