/**
 * Live updates over graphql-ws that survive dropped sockets without losing or repeating events.
 *
 * This module is DOM-free on purpose: the web app uses it with the browser's WebSocket, and Node
 * code (benchmarks, tests) uses it by passing `webSocketImpl` from the `ws` package. It must not
 * import anything from the rest of the client.
 *
 * How resuming works: the server orders events by a cursor (a log position) and every subscription
 * accepts `after: cursor` to replay what was missed before going live. graphql-ws re-sends the
 * *same* subscribe payload object on every reconnect, so we keep that payload's `variables.after`
 * equal to the last cursor we delivered; the automatic resubscription then resumes exactly there.
 * Replays may overlap what we already saw (an event in flight when the socket died), so every event
 * whose cursor is not strictly greater than the last one is dropped. The bookkeeping lives in the
 * pure class {@link CursorTracker} so it can be tested without a socket.
 */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';

// ---------------------------------------------------------------------------------------------
// Cursors
// ---------------------------------------------------------------------------------------------

/** The error code the server sends when `after` is older than the replay retention. */
export const RESYNC_REQUIRED = 'RESYNC_REQUIRED';

const POSITION_PATTERN = /^\d+$/;
const LEGACY_CURSOR_PATTERN = /^(\d+)\.(\d+)$/;

/**
 * Parses a cursor into a comparable pair of bigints. Current cursors are log positions (one
 * unsigned decimal integer); cursors minted before the server's sequencer were "<txId>.<id>". A
 * legacy cursor sorts before every position (it can only predate them): it parses to
 * `[0, …]`, a position to `[1, position]`. Throws a TypeError on anything else.
 */
export function parseCursor(cursor: string): readonly [era: bigint, value: bigint, id: bigint] {
  if (POSITION_PATTERN.test(cursor)) return [1n, BigInt(cursor), 0n];
  const match = LEGACY_CURSOR_PATTERN.exec(cursor);
  if (!match) throw new TypeError(`Invalid event cursor ${JSON.stringify(cursor)}: expected a log position`);
  return [0n, BigInt(match[1]!), BigInt(match[2]!)];
}

/**
 * Orders two cursors numerically. Returns a negative number when `a` comes before `b`, 0 when they
 * are the same event, a positive number when `a` comes after `b`.
 * Note "10" > "9": cursors must never be compared as strings.
 */
export function compareCursors(a: string, b: string): number {
  const pa = parseCursor(a);
  const pb = parseCursor(b);
  for (let i = 0; i < 3; i++) {
    if (pa[i] !== pb[i]) return pa[i]! < pb[i]! ? -1 : 1;
  }
  return 0;
}

/**
 * The resume bookkeeping of one subscription: remembers the last delivered cursor, decides whether
 * an incoming event is new, and builds the variables for the next (re)subscription. Pure: no
 * timers, no sockets.
 */
export class CursorTracker {
  private last: string | undefined;

  /** @param after the cursor to start after (events up to and including it are already known). */
  constructor(after?: string | null) {
    if (after != null) {
      parseCursor(after); // fail fast on a malformed starting point
      this.last = after;
    }
  }

  /** The last cursor accepted (or the starting `after`), if any. */
  get lastCursor(): string | undefined {
    return this.last;
  }

  /**
   * Records `cursor` if it is strictly after the last one and returns true (deliver the event);
   * returns false for a duplicate or an older event (drop it). Throws on a malformed cursor.
   */
  accept(cursor: string): boolean {
    if (this.last !== undefined && compareCursors(cursor, this.last) <= 0) {
      return false;
    }
    parseCursor(cursor); // also validates the very first cursor
    this.last = cursor;
    return true;
  }

  /**
   * The variables for (re)subscribing: `base` plus `after: lastCursor` when a cursor is known.
   * Without a known cursor `after` is left out, so the server's default ("from now") applies.
   */
  resumeVariables<V extends object>(base: V): V & { after?: string } {
    const { after: _ignored, ...rest } = base as V & { after?: unknown };
    return (this.last === undefined ? rest : { ...rest, after: this.last }) as V & { after?: string };
  }
}

// ---------------------------------------------------------------------------------------------
// Client
// ---------------------------------------------------------------------------------------------

/**
 * State of the live connection, for an indicator:
 * - `connecting`: first attempt; `connected`: acknowledged by the server;
 * - `reconnecting`: the socket dropped (or an attempt failed) and another attempt is scheduled;
 * - `failed`: the server closed with a non-retryable code (e.g. 4401 Unauthorized) and the client
 *   gave up — create a new client (after refreshing the token) to try again;
 * - `disposed`: closed by `dispose()`.
 */
export type LiveStatus = 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'disposed';

/** Extra information passed along with a status change. */
export interface LiveStatusDetail {
  /** WebSocket close code, when the status follows a close (e.g. 1006, 4401, 4403). */
  closeCode?: number;
  /** WebSocket close reason, when given by the peer. */
  closeReason?: string;
  /** The error or close event that made the client give up (status `failed`). */
  error?: unknown;
}

/** Options of {@link createLiveClient}. */
export interface LiveClientOptions {
  /** WebSocket URL of the GraphQL endpoint, e.g. `ws://127.0.0.1:4000/graphql`; may be computed per attempt. */
  url: string | (() => string | Promise<string>);
  /**
   * Returns the current access token; called before every (re)connection, so a refreshed token is
   * used on the next reconnect. Return null/undefined to connect anonymously.
   */
  getToken: () => string | null | undefined | Promise<string | null | undefined>;
  /** A WebSocket constructor; required on Node 20 (`import WebSocket from 'ws'`), omit in browsers. */
  webSocketImpl?: unknown;
  /** Called on every change of connection state. */
  onStatus?: (status: LiveStatus, detail: LiveStatusDetail) => void;
  /** Interval of keep-alive pings in ms (0 disables). Default 10 000. */
  keepAliveMs?: number;
  /** A ping unanswered for this long closes the socket so a reconnect starts (half-open TCP). Default 5 000. */
  pongTimeoutMs?: number;
  /** Upper bound of the exponential back-off between reconnection attempts, in ms. Default 30 000. */
  maxRetryDelayMs?: number;
}

interface SocketLike {
  readyState: number;
  close(code?: number, reason?: string): void;
}

const WS_OPEN = 1;

function closeDetail(event: unknown): LiveStatusDetail {
  if (event && typeof event === 'object' && 'code' in event && typeof (event as { code: unknown }).code === 'number') {
    const { code, reason } = event as { code: number; reason?: unknown };
    return { closeCode: code, ...(typeof reason === 'string' && reason ? { closeReason: reason } : {}) };
  }
  return {};
}

/** A graphql-ws client from {@link createLiveClient}, with a way to re-authenticate the socket. */
export interface LiveClient extends Client {
  /**
   * Closes the current socket normally so the client reconnects at once, authenticating with a
   * fresh `getToken()`; active subscriptions are re-sent and resume from their last cursor. Call it
   * after the access token was refreshed: a socket stays bound to the token it opened with, and the
   * server closes it with 4401 (which graphql-ws never retries) when that token expires.
   * The status does not flicker to `reconnecting` unless the new connection fails.
   */
  reconnect(): void;
}

/**
 * Creates an eager graphql-ws client (`lazy: false`: it connects at once and stays connected, so the
 * status reflects the real link) that retries forever with capped, jittered exponential back-off and
 * sends `connectionParams: { authorization: 'Bearer <token>' }` on each connection.
 * Active subscriptions are re-sent by graphql-ws after every reconnect.
 */
export function createLiveClient(options: LiveClientOptions): LiveClient {
  const { url, getToken, webSocketImpl, onStatus, keepAliveMs = 10_000, pongTimeoutMs = 5_000, maxRetryDelayMs = 30_000 } = options;
  let disposed = false;
  let socket: SocketLike | undefined;
  // A deliberate reconnect() hides its own close and reconnection from the status.
  let rotation: 'idle' | 'closing' | 'reopening' = 'idle';
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  const clearPongTimer = () => {
    if (pongTimer !== undefined) clearTimeout(pongTimer);
    pongTimer = undefined;
  };
  const report = (status: LiveStatus, detail: LiveStatusDetail = {}) => {
    try {
      onStatus?.(status, detail);
    } catch {
      // A failing listener must not break the socket's event handling.
    }
  };

  const client = createClient({
    url,
    webSocketImpl,
    lazy: false,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    keepAlive: keepAliveMs,
    retryWait: async (retries) => {
      const ceiling = Math.min(maxRetryDelayMs, 500 * 2 ** Math.min(retries, 16));
      // Jitter over the upper half of the window: clients dropped together do not return in lockstep.
      await new Promise((resolve) => setTimeout(resolve, ceiling / 2 + Math.random() * (ceiling / 2)));
    },
    connectionParams: async () => {
      const token = await getToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    onNonLazyError: (error) => {
      if (!disposed) report('failed', { ...closeDetail(error), error });
    },
    on: {
      connecting: (isRetry) => {
        if (rotation !== 'reopening') report(isRetry ? 'reconnecting' : 'connecting');
      },
      connected: (s) => {
        socket = s as SocketLike;
        rotation = 'idle';
        report('connected');
      },
      ping: (received) => {
        if (received || pongTimeoutMs <= 0) return;
        clearPongTimer();
        pongTimer = setTimeout(() => {
          // 4408 is retryable for graphql-ws: the client reconnects and resubscribes.
          if (socket?.readyState === WS_OPEN) socket.close(4408, 'Pong timeout');
        }, pongTimeoutMs);
      },
      pong: (received) => {
        if (received) clearPongTimer();
      },
      closed: (event) => {
        clearPongTimer();
        socket = undefined;
        if (rotation === 'closing') {
          rotation = 'reopening';
          return;
        }
        rotation = 'idle';
        if (!disposed) report('reconnecting', closeDetail(event));
      },
    },
  });

  const dispose = () => {
    if (!disposed) {
      disposed = true;
      clearPongTimer();
      report('disposed');
    }
    // graphql-ws's dispose() awaits the connection attempt in flight; when that attempt fails (no
    // network), it rejects with the socket's error Event — nothing to do about it when closing.
    return Promise.resolve(client.dispose()).catch(() => {});
  };
  const reconnect = () => {
    if (disposed || socket?.readyState !== WS_OPEN) return; // not connected: the next attempt reads a fresh token anyway
    rotation = 'closing';
    // 1000 (normal closure) makes graphql-ws reconnect immediately, without back-off.
    socket.close(1000, 'Re-authenticating');
  };
  return { ...client, dispose, reconnect };
}

// ---------------------------------------------------------------------------------------------
// Subscriptions with resume
// ---------------------------------------------------------------------------------------------

/** A subscription document: a codegen typed document (string or DocumentNode) or a plain string. */
export type LiveQuery<TData, TVariables> = DocumentTypeDecoration<TData, TVariables> | DocumentNode | string;

/** An error reported by the server for a subscription, or a transport failure. */
export interface LiveSubscriptionError {
  /** `extensions.code` when the server sent one (FORBIDDEN, UNAUTHENTICATED …). */
  code?: string;
  /** A message to show or log; the server's message when it sent one. */
  message: string;
  /** The WebSocket close code, when the connection was closed for good (e.g. 4401). */
  closeCode?: number;
  /** The raw error(s) or close event. */
  cause: unknown;
  /** True when the helper subscribes again by itself (from the last cursor) after this error. */
  willRetry?: boolean;
}

/**
 * Error codes after which subscribing again cannot help: access is gone or the request is wrong.
 * Any other error that ends a subscription (SERVICE_UNAVAILABLE while the database is away, an
 * unexpected server error …) is followed by a new subscription from the last cursor.
 */
const FINAL_ERROR_CODES = new Set(['FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED', 'BAD_USER_INPUT']);

/** Options of {@link subscribeWithResume}. */
export interface SubscribeWithResumeOptions<TData, TVariables, TEvent> {
  /** A client from {@link createLiveClient} (any graphql-ws client works). */
  client: Client;
  /** The subscription; it must take an `after: String` variable. */
  query: LiveQuery<TData, TVariables>;
  /** Variables other than `after` (which this helper manages). */
  variables?: Omit<TVariables, 'after'>;
  /** Start after this cursor (e.g. from the query that loaded the initial state). Omit for "from now". */
  after?: string | null;
  /**
   * Picks the event out of each result's `data`, e.g. `(d) => d.caseEvents`. Without it the whole
   * `data` object is the event. Returning null/undefined skips the result.
   */
  select?: (data: TData) => TEvent | null | undefined;
  /** The cursor of an event, e.g. `(e) => e.cursor`. */
  cursorOf: (event: TEvent) => string;
  /** Called once per event, in cursor order, never twice for the same cursor. */
  onEvent: (event: TEvent, cursor: string) => void;
  /**
   * The server cannot replay from our cursor (older than retention): reload the state from queries
   * and subscribe again with a fresh `after`. The subscription has ended when this is called.
   */
  onResync: (error: LiveSubscriptionError) => void;
  /** Any other error: server errors, malformed cursors, a throwing `onEvent`, a fatal close. */
  onError: (error: LiveSubscriptionError) => void;
  /** The server completed the subscription (not called after `unsubscribe()` or a resync). */
  onComplete?: () => void;
  /**
   * Delay before subscribing again (from the last cursor) after an error that ended the
   * subscription but may pass (default 1000 ms; doubled per failure up to 30 s). 0 = never.
   */
  retryDelayMs?: number;
}

/** A running subscription from {@link subscribeWithResume}. */
export interface ResumableSubscription {
  /** Stops the subscription; no callback is called afterwards. Safe to call twice. */
  unsubscribe(): void;
  /** The last delivered cursor (or the starting `after`); pass it to a later subscription to resume. */
  lastCursor(): string | undefined;
}

function queryText(query: LiveQuery<unknown, unknown>): string {
  if (typeof query === 'string') return query;
  if (query instanceof String) return query.toString(); // codegen documentMode: 'string'
  if (typeof query === 'object' && query !== null && (query as DocumentNode).kind === 'Document') return print(query as DocumentNode);
  throw new TypeError('subscribeWithResume: query must be a string or a GraphQL document');
}

/** Close codes that mean the same as a GraphQL error code (graphql-ws: 4401 Unauthorized, 4403 Forbidden). */
const CLOSE_CODE_ERRORS: Record<number, string> = { 4401: 'UNAUTHENTICATED', 4403: 'FORBIDDEN' };

/** Turns what graphql-ws hands to `sink.error` (GraphQL errors, Error, CloseEvent) into one shape. */
export function toLiveError(cause: unknown): LiveSubscriptionError {
  if (Array.isArray(cause) && cause.length > 0) {
    const first = cause[0] as { message?: unknown; extensions?: { code?: unknown } };
    const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : undefined;
    return { ...(code ? { code } : {}), message: String(first?.message ?? 'Subscription error'), cause };
  }
  if (cause instanceof Error) return { message: cause.message, cause };
  const detail = closeDetail(cause);
  if (detail.closeCode !== undefined) {
    const code = CLOSE_CODE_ERRORS[detail.closeCode];
    return {
      ...(code ? { code } : {}),
      message: detail.closeReason ?? `Connection closed (${detail.closeCode})`,
      closeCode: detail.closeCode,
      cause,
    };
  }
  return { message: String(cause), cause };
}

/** True when any of the errors carries `extensions.code === 'RESYNC_REQUIRED'`. */
export function isResyncRequired(errors: unknown): boolean {
  return Array.isArray(errors) && errors.some((e) => (e as { extensions?: { code?: unknown } })?.extensions?.code === RESYNC_REQUIRED);
}

/**
 * Subscribes so that the caller sees every event exactly once across reconnects: keeps the last
 * cursor, resubscribes with `variables.after = lastCursor` whenever graphql-ws reconnects, drops
 * events at or before the last cursor, and calls `onResync` when the server answers
 * RESYNC_REQUIRED.
 *
 * @example
 *   const sub = subscribeWithResume({
 *     client, query: CaseEventsDocument, variables: { caseId }, after: initialCursor,
 *     select: (d) => d.caseEvents, cursorOf: (e) => e.cursor,
 *     onEvent: apply, onResync: reload, onError: console.warn,
 *   });
 */
export function subscribeWithResume<TData = Record<string, unknown>, TVariables = Record<string, unknown>, TEvent = TData>(
  options: SubscribeWithResumeOptions<TData, TVariables, TEvent>,
): ResumableSubscription {
  const { client, query, variables, after, select, cursorOf, onEvent, onResync, onError, onComplete } = options;
  const tracker = new CursorTracker(after);
  const base = (variables ?? {}) as Record<string, unknown>;
  // graphql-ws keeps this object and re-sends it on every reconnect: keeping `variables` current
  // is what makes the automatic resubscription resume at the last cursor.
  const payload: { query: string; variables: Record<string, unknown> } = {
    query: queryText(query as LiveQuery<unknown, unknown>),
    variables: tracker.resumeVariables(base),
  };
  let active = true;
  let dispose: () => void = () => {};
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    clearTimeout(retryTimer);
    if (!active) return;
    active = false;
    dispose();
  };
  // Callbacks run inside graphql-ws's message handler: a throw there would close the socket.
  const reportError = (error: LiveSubscriptionError) => {
    try {
      onError(error);
    } catch {
      // Nothing left to report to.
    }
  };
  const safely = (fn: () => void) => {
    try {
      fn();
    } catch (err) {
      reportError(toLiveError(err));
    }
  };

  const handleResult = (result: FormattedExecutionResult<TData>) => {
    if (!active) return;
    if (result.errors?.length) {
      if (isResyncRequired(result.errors)) {
        stop();
        safely(() => onResync(toLiveError(result.errors)));
        return;
      }
      reportError(toLiveError(result.errors));
    }
    if (result.data == null) return;
    let event: TEvent | null | undefined;
    let cursor: string;
    try {
      event = select ? select(result.data) : (result.data as unknown as TEvent);
      if (event == null) return;
      cursor = cursorOf(event);
      if (!tracker.accept(cursor)) return; // replayed duplicate or older event
    } catch (err) {
      reportError(toLiveError(err));
      return;
    }
    payload.variables = tracker.resumeVariables(base);
    safely(() => onEvent(event as TEvent, cursor));
  };

  const retryBase = options.retryDelayMs ?? 1000;
  let failures = 0;
  const start = () => {
    let ended = false;
    dispose = client.subscribe<TData>(payload, {
      next: (result) => {
        failures = 0;
        handleResult(result as FormattedExecutionResult<TData>);
      },
      error: (cause) => {
        if (!active || ended) return;
        ended = true;
        if (isResyncRequired(cause)) {
          active = false;
          safely(() => onResync(toLiveError(cause)));
          return;
        }
        const error = toLiveError(cause);
        // A fatal close (e.g. 4401) ends the client itself; a final code means access is gone.
        const retry = retryBase > 0 && error.closeCode === undefined && !(error.code && FINAL_ERROR_CODES.has(error.code));
        if (!retry) {
          active = false;
          reportError(error);
          return;
        }
        reportError({ ...error, willRetry: true });
        const delay = Math.min(retryBase * 2 ** failures++, 30_000);
        retryTimer = setTimeout(() => {
          if (active) start();
        }, delay);
      },
      complete: () => {
        if (!active || ended) return;
        ended = true;
        active = false;
        if (onComplete) safely(onComplete);
      },
    });
  };
  start();

  return {
    unsubscribe: stop,
    lastCursor: () => tracker.lastCursor,
  };
}
