/**
 * The app's offline write queue (lib/write-queue.ts) wired to IndexedDB, the session and the cache:
 * one queue per signed-in user (key `writes:<userId>`, so another user of the browser never sees or
 * sends them), flushed when the browser comes back online, at sign-in, and when the user asks.
 * {@link sendOrQueue} is what the case page's forms call for posts, task updates and visit outcomes.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { useSyncExternalStore } from 'react';
import { session } from '../auth/session';
import { currentUserId, mutate, queries, withIntentKey } from '../data';
import type { QueryDocument } from '../lib/query-store';
import { memoryQueueStorage, type QueuedWrite, type QueuedWriteKind, type QueueStorage, WriteQueue } from '../lib/write-queue';
import { isNetworkFailure, newIntentKey, sendWithRetry } from '../lib/writes';

let store: UseStore | null | undefined;
function writesStore(): UseStore | null {
  if (store === undefined) {
    try {
      store = typeof indexedDB === 'undefined' ? null : createStore('phoihop-writes', 'writes');
    } catch {
      store = null;
    }
  }
  return store;
}

function storageFor(userId: string): QueueStorage {
  const s = writesStore();
  if (!s) return memoryQueueStorage();
  const key = `writes:${userId}`;
  return {
    load: () => get<QueuedWrite[]>(key, s),
    save: (items) => (items.length ? set(key, items, s) : del(key, s)),
  };
}

const queues = new Map<string, WriteQueue>();
const EMPTY: readonly QueuedWrite[] = [];

/** The queue of this user (created and loaded on first use). */
export function queueOf(userId: string): WriteQueue {
  let q = queues.get(userId);
  if (!q) {
    q = new WriteQueue({
      storage: storageFor(userId),
      // The same key on every attempt: a send whose answer was lost is harmless to repeat.
      send: (item) =>
        sendWithRetry(() => session.request(item.document as unknown as QueryDocument<unknown, unknown>, item.variables), {
          attempts: 2,
        }),
      onSent: (item) => queries.invalidate(item.invalidates),
      newKey: newIntentKey,
    });
    queues.set(userId, q);
    void q.ready();
  }
  return q;
}

/** The current user's queue, or null when nobody is signed in. */
export function currentQueue(): WriteQueue | null {
  const userId = currentUserId();
  return userId ? queueOf(userId) : null;
}

/** Sends what waits (when signed in and online). */
export function flushWrites(): void {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
  void currentQueue()?.flush();
}

if (typeof window !== 'undefined') {
  window.addEventListener('online', flushWrites);
  let signedIn = session.getState().status === 'signedIn';
  if (signedIn) flushWrites();
  session.subscribe(() => {
    const now = session.getState().status === 'signedIn';
    if (now && !signedIn) flushWrites();
    signedIn = now;
  });
}

/** The current user's waiting writes (optionally of one case), re-rendering on every change. */
export function usePendingWrites(caseId?: string, kind?: QueuedWriteKind): readonly QueuedWrite[] {
  const userId = currentUserId();
  const q = userId ? queueOf(userId) : null;
  const all = useSyncExternalStore(
    (l) => q?.subscribe(l) ?? (() => {}),
    () => q?.items() ?? EMPTY,
  );
  return caseId || kind ? all.filter((i) => (!caseId || i.caseId === caseId) && (!kind || i.kind === kind)) : all;
}

/** One write of the case page: what it is and how to show it while it waits. */
export interface QueueableWrite<TResult, TVariables> {
  kind: QueuedWriteKind;
  caseId: string;
  document: QueryDocument<TResult, TVariables>;
  variables: TVariables;
  invalidates: readonly string[];
  /** Shown in place while it waits (e.g. `{ body }` of a post, `{ actionId, outcome }`). */
  summary: Record<string, string>;
  /** The key of this user intent (kept by the form across the user's own retries). */
  idempotencyKey?: string;
}

/**
 * Sends now when online (retrying a lost answer with the same key); when the browser is offline, or
 * the server could not be reached at all, queues the write with that same key instead, so it is sent
 * once on reconnect. Coded refusals (BAD_USER_INPUT, CONFLICT …) are thrown as from `mutate()`.
 */
export async function sendOrQueue<TResult, TVariables>(
  write: QueueableWrite<TResult, TVariables>,
): Promise<{ queued: true; item: QueuedWrite } | { queued: false; result: TResult }> {
  const variables = withIntentKey(write.document, write.variables, write.idempotencyKey ?? newIntentKey());
  const queue = currentQueue();
  const enqueue = async () => {
    if (!queue) throw new Error('Not signed in');
    const key = (variables as { idempotencyKey?: string }).idempotencyKey ?? newIntentKey();
    const item = await queue.enqueue({
      id: key,
      kind: write.kind,
      caseId: write.caseId,
      document: write.document.toString(),
      variables: variables as Record<string, unknown>,
      summary: write.summary,
      invalidates: [...write.invalidates],
    });
    // Online with others waiting: send them all now, in order.
    if (typeof navigator === 'undefined' || navigator.onLine !== false) flushWrites();
    return { queued: true as const, item };
  };
  // Something is already waiting: keep the order (this one goes after it).
  const waiting = queue?.items().some((i) => i.state === 'pending') ?? false;
  if (waiting || (typeof navigator !== 'undefined' && navigator.onLine === false)) return enqueue();
  try {
    return { queued: false, result: await mutate(write.document, variables, write.invalidates) };
  } catch (err) {
    if (queue && isNetworkFailure(err)) return enqueue();
    throw err;
  }
}
