/**
 * The web app's one data layer for queries: a small cache of query results keyed by document and
 * variables, with tags naming what each result depends on (`case:<id>`, `tasks:<id>`, `inbox` …).
 *
 * - A result is fetched when the first component watches it, shared by every component that shows the
 *   same query, and kept for a while after the last one unmounts (Back shows it at once, then refreshes).
 * - A refetch keeps the shown data until the answer arrives; only the newest request may write (an older
 *   answer arriving late never overwrites a newer one).
 * - `invalidate(tags)` refetches exactly the watched results with those tags (live events call it with
 *   the tags an event touches, instead of reloading every query of the page) and drops unwatched ones.
 * - `write()` updates a cached result in place (e.g. after a mutation answered with the new state).
 *
 * It knows nothing of sessions or React: the fetcher is injected ({@link createQueryStore}) and the
 * React binding is `useQuery` in `client/src/data.ts`.
 */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';

/** A typed document from codegen (documentMode: string). */
export type QueryDocument<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables> & { toString(): string };

/** Sends one operation; rejects with the request's error. */
export type Fetcher = <TResult, TVariables>(
  document: QueryDocument<TResult, TVariables>,
  variables: TVariables,
  signal: AbortSignal,
) => Promise<TResult>;

/**
 * What a component renders from. `data` is the last good result (kept while refetching and after a
 * failed background refetch); `error` is the last failure, cleared by the next success.
 */
export interface QueryState<TResult> {
  data?: TResult;
  error?: unknown;
  /** A request for this result is in flight. */
  fetching: boolean;
}

/** One cached result. */
export interface QueryEntry<TResult> {
  readonly key: string;
  readonly tags: ReadonlySet<string>;
  /** For useSyncExternalStore: watching starts a fetch when there is no fresh result. */
  subscribe(listener: () => void): () => void;
  getState(): QueryState<TResult>;
  /** Fetches again, keeping the shown data until the answer arrives. */
  refetch(): void;
}

/** Options of {@link createQueryStore}. */
export interface QueryStoreOptions {
  fetcher: Fetcher;
  /** How long a result nobody watches stays cached, in ms. Default 5 minutes. */
  keepUnwatchedMs?: number;
}

/** A query cache; see the module comment. */
export interface QueryStore {
  /** The entry for this document and variables (created on first use); `tags` are fixed on creation. */
  entry<TResult, TVariables>(
    document: QueryDocument<TResult, TVariables>,
    variables: TVariables,
    tags: readonly string[],
  ): QueryEntry<TResult>;
  /** Refetches the watched results carrying any of `tags`; forgets the unwatched ones. */
  invalidate(tags: readonly string[]): void;
  /** Replaces a cached result's data (no-op when it is not cached yet). */
  write<TResult, TVariables>(
    document: QueryDocument<TResult, TVariables>,
    variables: TVariables,
    update: (current: TResult) => TResult,
  ): void;
  /** Drops everything and cancels every request (sign-out: the next user must not see this data). */
  reset(): void;
  /**
   * Refetches every watched result and marks the others stale, keeping what is shown meanwhile (the
   * same user's session resumed: the offline copies on screen are replaced by fresh answers).
   */
  refetchAll(): void;
}

/** The cache key of a document with variables (variables sorted, so key order does not matter). */
export function queryKey(document: { toString(): string }, variables: unknown): string {
  return `${document.toString()}\n${JSON.stringify(variables ?? {}, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v))}`;
}

/** Creates an empty store that sends requests with `fetcher`. */
export function createQueryStore(options: QueryStoreOptions): QueryStore {
  const { fetcher, keepUnwatchedMs = 5 * 60_000 } = options;
  const entries = new Map<string, Entry<unknown, unknown>>();

  class Entry<TResult, TVariables> implements QueryEntry<TResult> {
    readonly tags: ReadonlySet<string>;
    private state: QueryState<TResult> = { fetching: false };
    private readonly listeners = new Set<() => void>();
    private controller: AbortController | undefined;
    private evictTimer: ReturnType<typeof setTimeout> | undefined;
    /** False when the data may be out of date (never loaded, or invalidated while unwatched). */
    private fresh = false;

    constructor(
      readonly key: string,
      private readonly document: QueryDocument<TResult, TVariables>,
      private readonly variables: TVariables,
      tags: readonly string[],
    ) {
      this.tags = new Set(tags);
    }

    readonly subscribe = (listener: () => void): (() => void) => {
      this.listeners.add(listener);
      clearTimeout(this.evictTimer);
      if (!this.fresh && !this.controller) this.refetch();
      return () => {
        this.listeners.delete(listener);
        if (this.listeners.size === 0) {
          this.evictTimer = setTimeout(() => {
            if (this.listeners.size === 0) this.drop();
          }, keepUnwatchedMs);
        }
      };
    };

    readonly getState = (): QueryState<TResult> => this.state;

    get watched(): boolean {
      return this.listeners.size > 0;
    }

    readonly refetch = (): void => {
      this.controller?.abort();
      const controller = new AbortController();
      this.controller = controller;
      this.fresh = true;
      if (!this.state.fetching) this.set({ ...this.state, fetching: true });
      fetcher(this.document, this.variables, controller.signal).then(
        (data) => {
          if (this.controller !== controller) return;
          this.controller = undefined;
          this.set({ data, fetching: false });
        },
        (error: unknown) => {
          if (this.controller !== controller) return;
          this.controller = undefined;
          this.fresh = false; // the next watcher tries again
          this.set({ data: this.state.data, error, fetching: false });
        },
      );
    };

    markStale(): void {
      this.fresh = false;
    }

    write(update: (current: TResult) => TResult): void {
      if (this.state.data === undefined) return;
      this.set({ ...this.state, data: update(this.state.data) });
    }

    drop(): void {
      clearTimeout(this.evictTimer);
      this.controller?.abort();
      this.controller = undefined;
      if (entries.get(this.key) === (this as Entry<unknown, unknown>)) entries.delete(this.key);
    }

    private set(next: QueryState<TResult>): void {
      this.state = next;
      for (const listener of [...this.listeners]) listener();
    }
  }

  return {
    entry<TResult, TVariables>(document: QueryDocument<TResult, TVariables>, variables: TVariables, tags: readonly string[]) {
      const key = queryKey(document, variables);
      let found = entries.get(key) as Entry<TResult, TVariables> | undefined;
      if (!found) {
        found = new Entry(key, document, variables, tags);
        entries.set(key, found as Entry<unknown, unknown>);
      }
      return found;
    },
    invalidate(tags) {
      for (const e of [...entries.values()]) {
        if (!tags.some((tag) => e.tags.has(tag))) continue;
        if (e.watched) e.refetch();
        else e.markStale();
      }
    },
    write(document, variables, update) {
      (entries.get(queryKey(document, variables)) as Entry<never, unknown> | undefined)?.write(update as never);
    },
    reset() {
      for (const e of [...entries.values()]) e.drop();
      entries.clear();
    },
    refetchAll() {
      for (const e of [...entries.values()]) {
        if (e.watched) e.refetch();
        else e.markStale();
      }
    },
  };
}
