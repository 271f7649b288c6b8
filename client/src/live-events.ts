/**
 * Live events → cache. Every subscription of the app goes through {@link useLiveEvents}, which keeps
 * the resume cursor and drops duplicates (lib/live-subscription.ts `subscribeWithResume`), and turns
 * each event into the tags its kind touches (lib/event-tags.ts `tagsForEvent`, exhaustive over the
 * generated EventKind); those results refetch once per burst. A thread post refreshes the thread and
 * the unread counts, not the tasks or the actions.
 */
import { useEffect, useRef, useState } from 'react';
import { queries } from './data';
import type { EventKind } from './gql/graphql';
import { tags, tagsForEvent } from './lib/event-tags';
import type { LiveClient, LiveQuery } from './lib/live-subscription';
import { subscribeWithResume } from './lib/live-subscription';

/** The fields every live event of the API carries (LiveEvent). */
export interface LiveEventLike {
  cursor: string;
  kind: EventKind;
  caseId?: string | null;
  occurredAt: string;
}

/** Events often come in bursts (one mutation, several events): one refetch per tag per burst. */
const BURST_MS = 150;

let pending = new Set<string>();
let flushTimer: ReturnType<typeof setTimeout> | undefined;

/** Collects tags and invalidates them together shortly after (one refetch per burst). */
export function invalidateSoon(touched: readonly string[]): void {
  for (const tag of touched) pending.add(tag);
  if (flushTimer !== undefined) return;
  flushTimer = setTimeout(() => {
    const batch = [...pending];
    pending = new Set();
    flushTimer = undefined;
    queries.invalidate(batch);
  }, BURST_MS);
}

/** Options of {@link useLiveEvents}. */
export interface UseLiveEventsOptions<TData, TVariables, TEvent extends LiveEventLike> {
  live: LiveClient | null;
  query: LiveQuery<TData, TVariables>;
  variables: Omit<TVariables, 'after'>;
  select: (data: TData) => TEvent | null | undefined;
  /**
   * Tags to refresh when the stream (re)starts without a known position (first subscribe "from now",
   * after a resync): whatever may have changed between loading them and subscribing.
   */
  resyncTags: readonly string[];
  /** Start after this cursor (the position the page's data was loaded at), when known. */
  after?: string | null;
  /** Called once per event, in order (after the cache was told). */
  onEvent?: (event: TEvent) => void;
  /** False to stay unsubscribed (e.g. until the page's data is loaded). Default true. */
  enabled?: boolean;
}

/**
 * Follows one live stream while mounted: invalidates what each event touches, resumes from the last
 * cursor across reconnects (never a gap, never a duplicate), and on RESYNC_REQUIRED reloads `resyncTags`
 * and subscribes again. Without a starting cursor, the first subscription and every reconnect before a
 * first event refresh `resyncTags` once, covering anything committed between loading and subscribing.
 */
export function useLiveEvents<TData, TVariables, TEvent extends LiveEventLike>(
  options: UseLiveEventsOptions<TData, TVariables, TEvent>,
): void {
  const { live, query, variables, select, resyncTags, after, enabled = true } = options;
  const onEvent = useRef(options.onEvent);
  onEvent.current = options.onEvent;
  // Read when a subscription starts: a later refetch brings a newer `after`, which must not
  // restart a stream that is already resuming from its own last cursor.
  const latest = useRef({ resyncTags, select, query, after });
  latest.current = { resyncTags, select, query, after };
  const [generation, setGeneration] = useState(0);
  const variablesKey = JSON.stringify(variables);

  useEffect(() => {
    if (!live || !enabled) return;
    // After a resync the loaded position is too old as well: start from now and reload.
    const from = generation === 0 ? (latest.current.after ?? undefined) : undefined;
    const subscription = subscribeWithResume<TData, TVariables, TEvent>({
      client: live,
      query: latest.current.query,
      variables: JSON.parse(variablesKey) as Omit<TVariables, 'after'>,
      after: from,
      select: (data) => latest.current.select(data),
      cursorOf: (event) => event.cursor,
      onEvent: (event) => {
        invalidateSoon(tagsForEvent(event.kind, event.caseId));
        onEvent.current?.(event);
      },
      onResync: () => {
        invalidateSoon(latest.current.resyncTags);
        setGeneration((g) => g + 1);
      },
      onError: () => {
        // Not fatal: the connection indicator shows the link's state and graphql-ws retries.
      },
    });
    if (!from) invalidateSoon(latest.current.resyncTags);
    const offConnected = live.on('connected', () => {
      if (subscription.lastCursor() === undefined) invalidateSoon(latest.current.resyncTags);
    });
    return () => {
      offConnected();
      subscription.unsubscribe();
    };
  }, [live, enabled, variablesKey, generation]);
}

/** A dashboard refreshes at most once per this many ms, however often the server ticks. */
export const STATISTICS_MIN_REFRESH_MS = 5_000;

/**
 * Follows `statisticsChanged` while mounted and refreshes the `statistics` tag — at most once per
 * `minIntervalMs` (a tick inside the window schedules one refresh at its end, never more). Ticks carry
 * no figures and no cursor: nothing to resume, a missed tick is covered by the refresh on (re)connect.
 */
export function useStatisticsTicks(
  live: LiveClient | null,
  query: LiveQuery<unknown, Record<string, never>>,
  options: { enabled?: boolean; minIntervalMs?: number; onTick?: () => void } = {},
): void {
  const { enabled = true, minIntervalMs = STATISTICS_MIN_REFRESH_MS } = options;
  const onTick = useRef(options.onTick);
  onTick.current = options.onTick;
  useEffect(() => {
    if (!live || !enabled) return;
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      timer = undefined;
      last = Date.now();
      queries.invalidate([tags.statistics]);
      onTick.current?.();
    };
    const tick = () => {
      if (timer !== undefined) return;
      const wait = last + minIntervalMs - Date.now();
      if (wait <= 0) refresh();
      else timer = setTimeout(refresh, wait);
    };
    const dispose = live.subscribe({ query: String(query) }, { next: tick, error: () => {}, complete: () => {} });
    // Whatever changed while the socket was down reached nobody: refresh once on every reconnect.
    const offConnected = live.on('connected', tick);
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      offConnected();
      dispose();
    };
  }, [live, enabled, minIntervalMs, query]);
}
