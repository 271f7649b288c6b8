import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { FormAlert } from '../components/FormFields';
import { session } from '../auth/session';
import { mutate, tags, useQuery } from '../data';
import { errorText } from '../errors';
import { LoadStatus } from './LoadStatus';
import { formatDateTime } from '../format';
import type { PostKind, ThreadPostFragment } from '../gql/graphql';
import { postKindLabel, useT } from '../i18n';
import { graphql } from '../gql';
import { newIntentKey } from '../lib/writes';
import { sendOrQueue, usePendingWrites } from '../offline/offline-writes';
import { PendingWrite } from '../offline/PendingWrites';

export const postToThreadMutation = graphql(`
  mutation PostToThread($input: NewPostInput!, $idempotencyKey: String) {
    postToThread(input: $input, idempotencyKey: $idempotencyKey) {
      id
      seq
    }
  }
`);

export const markThreadReadMutation = graphql(`
  mutation MarkThreadRead($caseId: ID!, $upToSeq: Int) {
    markThreadRead(caseId: $caseId, upToSeq: $upToSeq) {
      caseId
      lastReadSeq
      unread
    }
  }
`);

type Post = ThreadPostFragment;

/** What one post of the thread shows (colocated with the component that renders it). */
export const threadPostFields = graphql(`
  fragment ThreadPost on Post {
    id
    seq
    kind
    body
    createdAt
    editedAt
    deletedAt
    unread
    author {
      id
      fullName
    }
    authorAgency {
      id
      name
    }
  }
`);

/** A page of a case's thread, oldest first; `last`/`before` page backward from the newest post. */
export const caseThreadQuery = graphql(`
  query CaseThread($caseId: ID!, $last: Int, $before: String) {
    caseThread(caseId: $caseId, last: $last, before: $before) {
      totalCount
      pageInfo {
        startCursor
        hasPreviousPage
      }
      edges {
        cursor
        node {
          ...ThreadPost
        }
      }
    }
  }
`);

/** Posts per page (the newest page first, then older pages on demand). */
const PAGE = 20;
/**
 * The kinds anyone who reads the case may post. Directives (steering committee) and recommendations
 * (procuracy) need a right the API does not expose to the client yet, so they are not offered.
 */
/** Kinds anyone who can read the case may post; directives and recommendations depend on the viewer. */
const BASIC_KINDS: readonly PostKind[] = ['NOTE', 'REPORT'];

const KIND_TONE: Record<PostKind, string> = {
  NOTE: 'neutral',
  REPORT: 'info',
  DIRECTIVE: 'warn',
  RECOMMENDATION: 'warn',
  SYSTEM: 'neutral',
};

/** Merges posts by id (the newer copy wins) and sorts them by their place in the thread. */
function merge(current: Post[], incoming: Post[]): Post[] {
  const byId = new Map(current.map((p) => [p.id, p]));
  for (const p of incoming) byId.set(p.id, p);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * The case thread ("Trao đổi"): posts oldest first with the newest at the bottom, older pages on
 * demand, and a form to post a note or report. Bodies are plain text (React text nodes; line breaks
 * kept by CSS), never HTML. Live posts arrive through the query cache (tag `thread:<case>`).
 */
export function CaseThread({ caseId, extraKinds = [] }: { caseId: string; extraKinds?: readonly PostKind[] }) {
  const t = useT();
  const newest = useQuery(caseThreadQuery, { caseId, last: PAGE }, [tags.thread(caseId)]);
  const [posts, setPosts] = useState<Post[]>([]);
  const [older, setOlder] = useState<{ cursor: string | null; hasMore: boolean }>({ cursor: null, hasMore: false });
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<unknown>(null);
  const postsRef = useRef(posts);
  postsRef.current = posts;

  // Each answer for the newest page is merged into what is shown (a gap since the last one replaces it).
  const page = newest.data?.caseThread;
  useEffect(() => {
    if (!page) return;
    const incoming = page.edges.map((e) => e.node);
    const current = postsRef.current;
    const newestShown = current.at(-1)?.seq ?? 0;
    const oldestIncoming = incoming[0]?.seq ?? 0;
    const replaced = current.length === 0 || oldestIncoming > newestShown + 1;
    setPosts(replaced ? incoming : merge(current, incoming));
    if (replaced) setOlder({ cursor: page.pageInfo.startCursor ?? null, hasMore: page.pageInfo.hasPreviousPage });
  }, [page]);
  const state = page ? 'ready' : newest.error !== undefined ? 'error' : 'loading';

  const loadOlder = useCallback(() => {
    if (!older.cursor) return;
    setLoadingOlder(true);
    session.request(caseThreadQuery, { caseId, last: PAGE, before: older.cursor }).then(
      (data) => {
        setPosts(
          merge(
            postsRef.current,
            data.caseThread.edges.map((e) => e.node),
          ),
        );
        setOlder({ cursor: data.caseThread.pageInfo.startCursor ?? null, hasMore: data.caseThread.pageInfo.hasPreviousPage });
        setLoadingOlder(false);
      },
      (error: unknown) => {
        setOlderError(error);
        setLoadingOlder(false);
      },
    );
  }, [caseId, older.cursor]);

  // The thread is on screen: mark it read up to the newest post shown (never backwards).
  const markedSeq = useRef(0);
  const newestSeq = posts.at(-1)?.seq ?? 0;
  useEffect(() => {
    if (newestSeq <= markedSeq.current) return;
    markedSeq.current = newestSeq;
    mutate(markThreadReadMutation, { caseId, upToSeq: newestSeq }, [tags.cases, tags.inbox]).catch(() => {
      markedSeq.current = 0; // try again with the next load
    });
  }, [caseId, newestSeq]);

  return (
    <section className="card thread" aria-labelledby="case-thread">
      <h2 id="case-thread">{t('thread.heading')}</h2>

      <LoadStatus state={state} loadingKey="thread.loading" error={newest.error} onRetry={newest.refetch} />
      {olderError !== null && <p className="alert alert--error">{errorText(olderError, t)}</p>}

      {state === 'ready' && (
        <>
          {older.hasMore && (
            <p>
              <button type="button" className="button button--secondary" onClick={loadOlder} disabled={loadingOlder}>
                {loadingOlder ? t('thread.loadingOlder') : t('thread.loadOlder')}
              </button>
            </p>
          )}
          {posts.length === 0 ? (
            <p className="muted">{t('thread.empty')}</p>
          ) : (
            <ol className="thread__posts" aria-label={t('thread.caption')}>
              {posts.map((p) => (
                <PostItem key={p.id} post={p} />
              ))}
            </ol>
          )}
        </>
      )}
      <PendingPosts caseId={caseId} />

      <PostForm caseId={caseId} kinds={[...BASIC_KINDS, ...extraKinds]} />
    </section>
  );
}

function PostItem({ post }: { post: Post }) {
  const t = useT();
  const author = post.author?.fullName ?? t('thread.system');
  return (
    <li className={`post${post.unread ? ' post--unread' : ''}`}>
      <p className="post__meta">
        <strong className="post__author">{author}</strong>
        {post.authorAgency && <span className="muted"> · {post.authorAgency.name}</span>}{' '}
        <span className={`badge badge--${KIND_TONE[post.kind]}`}>{postKindLabel(t, post.kind)}</span>{' '}
        <time className="muted" dateTime={post.createdAt}>
          {formatDateTime(post.createdAt)}
        </time>
        {post.editedAt && !post.deletedAt && <span className="muted"> {t('thread.edited')}</span>}
        {post.unread && <span className="badge badge--info"> {t('thread.unread')}</span>}
      </p>
      {post.deletedAt || post.body == null ? (
        <p className="post__body muted">{t('thread.deleted')}</p>
      ) : (
        // A text node: the browser never parses it as HTML; CSS keeps its line breaks.
        <p className="post__body">{post.body}</p>
      )}
    </li>
  );
}

/** Posts written offline (or whose send could not reach the server), shown in place until they are sent. */
function PendingPosts({ caseId }: { caseId: string }) {
  const t = useT();
  const pending = usePendingWrites(caseId, 'post');
  if (pending.length === 0) return null;
  return (
    <ol className="thread__posts thread__posts--pending" aria-label={t('offline.pending')}>
      {pending.map((item) => (
        <li key={item.id} className="post post--pending">
          <PendingWrite item={item}>
            <p className="post__body">{item.summary.body}</p>
          </PendingWrite>
        </li>
      ))}
    </ol>
  );
}

function PostForm({ caseId, kinds }: { caseId: string; kinds: readonly PostKind[] }) {
  const t = useT();
  // One key per post the user means to send: pressing "Send" again after an error reuses it.
  const [intentKey, setIntentKey] = useState(newIntentKey);
  const [queued, setQueued] = useState(false);
  const [body, setBody] = useState('');
  const [kind, setKind] = useState<PostKind>('NOTE');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    if (!body.trim()) {
      setError(t('thread.empty.body'));
      return;
    }
    setSending(true);
    setError(null);
    setSent(false);
    setQueued(false);
    sendOrQueue({
      kind: 'post',
      caseId,
      document: postToThreadMutation,
      variables: { input: { caseId, body, kind } },
      invalidates: [tags.thread(caseId), tags.cases],
      summary: { body, kind },
      idempotencyKey: intentKey,
    }).then(
      (outcome) => {
        setBody('');
        setIntentKey(newIntentKey());
        setSending(false);
        setSent(!outcome.queued);
        setQueued(outcome.queued);
      },
      (err: unknown) => {
        setError(errorText(err, t));
        setSending(false);
      },
    );
  };

  return (
    <form className="thread__form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="thread-body">{t('thread.compose')}</label>
        <textarea
          id="thread-body"
          rows={3}
          value={body}
          onChange={(e) => {
            // Other words are another intent: a new key (the old one would be refused as reused).
            if (e.target.value !== body) setIntentKey(newIntentKey());
            setBody(e.target.value);
          }}
          maxLength={10000}
        />
      </div>
      <div className="thread__form-row">
        <div className="field">
          <label htmlFor="thread-kind">{t('thread.kind')}</label>
          <select id="thread-kind" value={kind} onChange={(e) => setKind(e.target.value as PostKind)}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {postKindLabel(t, k)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--primary" disabled={sending}>
          {sending ? t('thread.sending') : t('thread.send')}
        </button>
      </div>
      <FormAlert error={error} />
      <p className="visually-hidden" role="status">
        {sent ? t('thread.sent') : queued ? t('offline.queued') : ''}
      </p>
    </form>
  );
}
