/**
 * The app's data layer in React: `useQuery` (cached, shared, refetched by tag), `mutate` (send a
 * mutation, then refresh what it touched) and the tags that name what a result depends on. Live
 * events invalidate tags (`live-events.ts`), so one event refreshes only the sections it concerns.
 * Why a small store of our own and not urql/Apollo: see "Decisions" in docs/ARCHITECTURE.md.
 *
 * Writes are truthful and repeatable (lib/writes.ts): a mutation that takes an `idempotencyKey` gets
 * one per call of `mutate()` (or the caller's, kept per user intent), and a send whose answer was lost
 * (network, OUTCOME_UNKNOWN) is sent again with the same key, a few times with back-off.
 * Case pages stay readable offline (offline/page-cache.ts): their last answers are kept per user.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { session } from './auth/session';
import { tags } from './lib/event-tags';
import { createQueryStore, queryKey, type QueryDocument, type QueryState } from './lib/query-store';
import { acceptsIdempotencyKey, createWriteStatus, isNetworkFailure, newIntentKey, sendWithRetry } from './lib/writes';
import { clearPages, isCachedOperation, readPage, savePage, userIdOfToken } from './offline/page-cache';

/** The signed-in user's id (from the access token), for keying what is kept in this browser. */
export function currentUserId(): string | null {
  const state = session.getState();
  // Opened offline (auth/session.ts): the user last signed in here, for their offline copies and queue.
  if (state.status === 'offline') return state.userId;
  return userIdOfToken(session.accessToken());
}

/** When a shown result came from the offline copy: the time it was read from the server. */
const offlineCopies = new Map<string, string>();
const offlineListeners = new Set<() => void>();
const markOffline = (key: string, savedAt: string | undefined) => {
  if (savedAt === undefined ? !offlineCopies.delete(key) : offlineCopies.get(key) === savedAt) return;
  if (savedAt !== undefined) offlineCopies.set(key, savedAt);
  for (const l of [...offlineListeners]) l();
};

/** The one query cache of this tab. */
export const queries = createQueryStore({
  fetcher: async (document, variables, signal) => {
    const cached = isCachedOperation(document);
    const key = queryKey(document, variables);
    try {
      const data = await session.request(document, variables, signal);
      const userId = cached ? currentUserId() : null;
      if (userId) void savePage(userId, key, data);
      if (cached) markOffline(key, undefined);
      return data;
    } catch (err) {
      const userId = cached && isNetworkFailure(err) ? currentUserId() : null;
      const saved = userId ? await readPage<never>(userId, key) : undefined;
      if (!saved) throw err;
      markOffline(key, saved.savedAt);
      return saved.data;
    }
  },
});

/** The time the offline copy shown for this query was read, or undefined when it is live data. */
export function useOfflineCopy(document: { toString(): string }, variables: unknown): string | undefined {
  const key = queryKey(document, variables);
  return useSyncExternalStore(
    (l) => {
      offlineListeners.add(l);
      return () => offlineListeners.delete(l);
    },
    () => offlineCopies.get(key),
  );
}

// A different user (or nobody) must never see the previous user's cached results.
let cachedFor: string | null = session.accessToken() ? currentUserId() : null;
let wasOffline = false;
session.subscribe(() => {
  const state = session.getState();
  const now = state.status === 'signedIn' || state.status === 'offline' ? currentUserId() : null;
  if (now !== cachedFor) {
    queries.reset();
    offlineCopies.clear();
  } else if (now && wasOffline && state.status === 'signedIn') {
    // The same user's session resumed after the app was opened offline: the mounted page keeps its
    // entries (a reset would orphan them), and each is asked again, replacing the offline copies.
    queries.refetchAll();
  }
  // Signing out forgets the pages kept for offline reading (docs/offline.md).
  if (state.status === 'signedOut' && state.reason === 'signedOut') void clearPages();
  cachedFor = now;
  wasOffline = state.status === 'offline';
});

/** Names of what a cached result depends on (defined in lib/event-tags.ts beside what each event touches). */
export { tags };

/** A query result with a way to retry; `loading` is true until the first answer (data or error). */
export type UseQueryResult<TResult> = QueryState<TResult> & { loading: boolean; refetch: () => void };

/**
 * Watches a query: fetches it when nobody has it cached, re-renders when it changes, keeps it for
 * other components showing the same query. `tags` name what it depends on (see {@link tags}).
 */
export function useQuery<TResult, TVariables>(
  document: QueryDocument<TResult, TVariables>,
  variables: TVariables,
  queryTags: readonly string[],
): UseQueryResult<TResult> {
  const key = queryKey(document, variables);
  // The entry depends on the key only: a new variables object with the same values is the same query.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const entry = useMemo(() => queries.entry(document, variables, queryTags), [key]);
  const state = useSyncExternalStore(entry.subscribe, entry.getState);
  return { ...state, loading: state.data === undefined && state.error === undefined, refetch: entry.refetch };
}

/** Writes being retried right now (the frame shows "sending again…"). */
export const writeStatus = createWriteStatus();

/** Options of {@link mutate}. */
export interface MutateOptions {
  /**
   * The key of this user intent, kept by the caller across the user's own retries (e.g. pressing
   * "Send" again after an error). Default: a new key per call. Ignored by operations without a key.
   */
  idempotencyKey?: string;
  /** Automatic attempts in all for an answer that was lost (default 4; 1 = no automatic retry). */
  attempts?: number;
}

/** The variables with an `idempotencyKey` when the operation takes one and none was given. */
export function withIntentKey<TVariables>(document: { toString(): string }, variables: TVariables, key?: string): TVariables {
  if (!acceptsIdempotencyKey(document)) return variables;
  const given = (variables as { idempotencyKey?: unknown } | undefined)?.idempotencyKey;
  if (typeof given === 'string' && given) return variables;
  return { ...(variables as object), idempotencyKey: key ?? newIntentKey() } as TVariables;
}

/**
 * Sends a mutation with the session, then refreshes the results tagged `invalidates` (the live event
 * the mutation causes would too, but the author should not wait for the round trip).
 * An operation that takes an idempotency key is sent with one and, when its answer is lost (network,
 * a proxy's 502–504, OUTCOME_UNKNOWN, SERVICE_UNAVAILABLE), sent again with the same key — so it
 * happens once. Other mutations are sent once (a blind resend could apply them twice).
 */
export async function mutate<TResult, TVariables>(
  document: QueryDocument<TResult, TVariables>,
  variables: TVariables,
  invalidates: readonly string[] = [],
  options: MutateOptions = {},
): Promise<TResult> {
  const keyed = acceptsIdempotencyKey(document);
  const sent = withIntentKey(document, variables, options.idempotencyKey);
  let endRetrying: (() => void) | undefined;
  try {
    const result = await sendWithRetry(() => session.request(document, sent), {
      attempts: keyed ? (options.attempts ?? 4) : 1,
      onRetry: () => {
        endRetrying ??= writeStatus.begin();
      },
    });
    if (invalidates.length) queries.invalidate(invalidates);
    return result;
  } finally {
    endRetrying?.();
  }
}
