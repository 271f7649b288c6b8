/**
 * The app's data layer in React: `useQuery` (cached, shared, refetched by tag), `mutate` (send a
 * mutation, then refresh what it touched) and the tags that name what a result depends on. Live
 * events invalidate tags (`live-events.ts`), so one event refreshes only the sections it concerns.
 * Why a small store of our own and not urql/Apollo: see "Decisions" in docs/ARCHITECTURE.md.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { session } from './auth/session';
import { createQueryStore, queryKey, type QueryDocument, type QueryState } from './lib/query-store';

/** The one query cache of this tab. */
export const queries = createQueryStore({ fetcher: (document, variables, signal) => session.request(document, variables, signal) });

// A different user (or nobody) must never see the previous user's cached results.
let cachedFor: string | null = session.accessToken() ? 'signedIn' : null;
session.subscribe(() => {
  const state = session.getState();
  const now = state.status === 'signedIn' ? 'signedIn' : null;
  if (now !== cachedFor) queries.reset();
  cachedFor = now;
});

/** Names of what a cached result depends on; live events and mutations invalidate these. */
export const tags = {
  /** The case page's main query (facts, totals, deadlines, participants). */
  case: (caseId: string) => `case:${caseId}`,
  thread: (caseId: string) => `thread:${caseId}`,
  tasks: (caseId: string) => `tasks:${caseId}`,
  actions: (caseId: string) => `actions:${caseId}`,
  /** The case list pages (and their unread counts). */
  cases: 'cases',
  /** The inbox and every unread / open-work count derived from it. */
  inbox: 'inbox',
  /** Dashboard figures (statistics, trend, stuck lists, drill-down lists); refreshed by statisticsChanged ticks. */
  statistics: 'statistics',
  /** Who I am (profile, roles). */
  me: 'me',
} as const;

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

/**
 * Sends a mutation with the session, then refreshes the results tagged `invalidates` (the live event
 * the mutation causes would too, but the author should not wait for the round trip).
 */
export async function mutate<TResult, TVariables>(
  document: QueryDocument<TResult, TVariables>,
  variables: TVariables,
  invalidates: readonly string[] = [],
): Promise<TResult> {
  const result = await session.request(document, variables);
  if (invalidates.length) queries.invalidate(invalidates);
  return result;
}
