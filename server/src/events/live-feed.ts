import type { EntityManager } from '@mikro-orm/postgresql';
import { isDatabaseUnavailable } from '../db/availability';
import { AppError } from '../errors';
import { compareCursors, START_CURSOR, type ClientCursor, type Cursor } from './cursor';
import type { Metrics } from '../metrics';
import type { EventDispatcher } from './dispatcher';
import { cursorOf, findEventAt, readEventsAfter, type StoredEvent } from './event-log';
import type { Topic } from './vocabulary';

/** Options of one live feed (one GraphQL subscription). */
export interface LiveFeedOptions {
  /**
   * Where replay pages are read. A function is called once per page, so a long-lived feed holds no
   * EntityManager of its own while it waits for live events (heap per idle socket).
   */
  em: EntityManager | (() => EntityManager);
  dispatcher: EventDispatcher;
  /** Topics to follow, e.g. [`case:<id>`] or [`user:<id>`, `agency:<id>`]. */
  topics: Topic[];
  /** Resume after this cursor (replayed from PostgreSQL); null = from now. */
  after: Cursor | null;
  /**
   * The policy's verdict for each event, checked at delivery time, asked for a whole replay page (or
   * every live event waiting) at once so that access can be decided once per case, not once per event.
   * Answers one boolean per event, in order; false = not for this viewer. An answer known at once (the
   * access facts are in memory) may be given without a promise: the live path then does not wait a turn.
   */
  authorize: (events: readonly StoredEvent[]) => readonly boolean[] | Promise<readonly boolean[]>;
  /**
   * What a refused event does: absent, it is skipped; given, the feed ends with this error at the first
   * refused event (after delivering every allowed event before it).
   */
  denied?: () => Error;
  /** Cursors older than this many days get RESYNC_REQUIRED instead of a partial replay. */
  retentionDays: number;
  /** Live events waiting for a slow consumer beyond this end the feed (the client resumes by cursor). */
  maxBuffered?: number;
  /**
   * Called once when the buffer overflows; the feed then ends. Over WebSocket it closes the connection,
   * so the client reconnects and resumes from its last cursor — slow, never lossy.
   */
  onOverflow?: () => void;
  /** Counts the open feed, deliveries, delivery lag and replay batches. */
  metrics?: Metrics;
}

/**
 * Events per replay page: one log read and one batched access decision each. Bounded, so a replay of a
 * long gap holds at most this many events in memory at a time.
 */
const REPLAY_BATCH = 500;

/** Back-off between attempts while PostgreSQL is unreachable, and how long a feed waits in total before it gives up. */
const OUTAGE_FIRST_WAIT_MS = 100;
const OUTAGE_MAX_WAIT_MS = 2_000;
const OUTAGE_GIVE_UP_MS = 60_000;

/** How a feed that outlived an outage ends: retryable, and the client resumes from its last cursor. */
const outageTooLong = () =>
  new AppError(
    'SERVICE_UNAVAILABLE',
    'Máy chủ mất kết nối cơ sở dữ liệu quá lâu; luồng sự kiện tạm dừng. Hãy đăng ký lại từ con trỏ cuối cùng đã nhận (không mất sự kiện nào).',
    { retryable: true },
  );

/**
 * Resolves a client's resume point to a log position, refusing one that cannot be honoured
 * completely: an unknown cursor, or one older than the replay retention. A legacy `"<txId>.<id>"`
 * cursor resolves to the position of the event it names. Call it before `liveFeed`, so the refusal is
 * the subscription's first answer. Null stays null ("from now").
 */
export async function resolveResumePoint(em: EntityManager, after: ClientCursor | null, retentionDays: number): Promise<Cursor | null> {
  if (!after) return null;
  if (after.kind === 'position' && compareCursors(after.position, START_CURSOR) === 0) return START_CURSOR;
  if (after.kind === 'legacy' && after.txId === 0n && after.id === 0n) return START_CURSOR;
  const anchor = await findEventAt(em, after);
  const oldest = Date.now() - retentionDays * 86_400_000;
  if (!anchor || anchor.occurredAt.getTime() < oldest) {
    throw new AppError(
      'RESYNC_REQUIRED',
      'Không thể nối tiếp từ vị trí này (quá cũ hoặc không tồn tại); hãy tải lại toàn bộ dữ liệu rồi đăng ký lại.',
    );
  }
  return anchor.position;
}

/**
 * Replay, then live, with no gap and no duplicate at the seam:
 * 1. register with the dispatcher first, buffering live events;
 * 2. replay from the log after the client's cursor (the log already holds everything the dispatcher
 *    had passed when we registered, because the dispatcher only reads below the same watermark);
 * 3. drain the buffer and follow live, dropping anything at or below the last cursor sent.
 * Each event passes `authorize` at delivery time, so a revoked participant stops receiving at once;
 * the checks are asked for per page or per live batch (one access decision per case, not per event),
 * and the answers are applied to the events one by one, in order.
 */
export function liveFeed(options: LiveFeedOptions): AsyncGenerator<StoredEvent> {
  const state = { closed: false, wake: null as (() => void) | null };
  const inner = feed(options, state);
  // An async generator parked on an await cannot be returned until it resumes: end the wait first,
  // so an unsubscribed idle feed releases its dispatcher listener at once.
  const close = () => {
    state.closed = true;
    state.wake?.();
  };
  return {
    next: () => inner.next(),
    return: async (value?: unknown) => {
      close();
      return inner.return(value as never);
    },
    throw: async (err?: unknown) => {
      close();
      return inner.throw(err);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  } as AsyncGenerator<StoredEvent>;
}

async function* feed(options: LiveFeedOptions, state: { closed: boolean; wake: (() => void) | null }): AsyncGenerator<StoredEvent> {
  const maxBuffered = options.maxBuffered ?? 1000;
  const buffer: StoredEvent[] = [];
  let overflow = false;
  let last: Cursor = options.after ?? options.dispatcher.position ?? START_CURSOR;
  let replaying = options.after !== null;
  /** Live events were dropped while replaying: the replay reads on until a pass saw no drop. */
  let droppedWhileReplaying = false;
  const unsubscribe = options.dispatcher.subscribe(options.topics, (event) => {
    // Already sent (the replay read it first): buffering it again would only bring the overflow closer.
    if (compareCursors(cursorOf(event), last) <= 0) return;
    if (buffer.length >= maxBuffered) {
      if (replaying) {
        // A long replay behind the dispatcher: what is routed now is already in the log, so the replay
        // will read it; drop the buffer instead of ending the feed (see the replay loop).
        buffer.length = 0;
        droppedWhileReplaying = true;
      } else overflow = true;
    } else buffer.push(event);
    state.wake?.();
  });
  options.metrics?.subscriptionOpened();
  const emOf = typeof options.em === 'function' ? options.em : () => options.em as EntityManager;
  // A database drop during replay or an access-fact load is waited out with back-off, then the feed
  // carries on from the last event it handled: nothing skipped, nothing sent twice. Only an outage
  // longer than OUTAGE_GIVE_UP_MS ends the feed, with a retryable SERVICE_UNAVAILABLE.
  const ridingOutOutages = async <T>(attempt: () => Promise<T>): Promise<T> => {
    let wait = OUTAGE_FIRST_WAIT_MS;
    const started = Date.now();
    for (;;) {
      try {
        return await attempt();
      } catch (err) {
        if (!isDatabaseUnavailable(err) || state.closed) throw err;
        if (Date.now() - started > OUTAGE_GIVE_UP_MS) throw outageTooLong();
        options.metrics?.liveFeedOutageRetry();
        await new Promise((resolve) => setTimeout(resolve, wait));
        wait = Math.min(wait * 2, OUTAGE_MAX_WAIT_MS);
      }
    }
  };
  /** The verdicts for `batch`: at once when `authorize` knows them, else waited for through outages. */
  const verdictsFor = (batch: readonly StoredEvent[]): readonly boolean[] | Promise<readonly boolean[]> => {
    const first = options.authorize(batch);
    if (!(first instanceof Promise)) return first;
    let retry = false;
    return ridingOutOutages(() => {
      if (!retry) {
        retry = true;
        return first;
      }
      return Promise.resolve(options.authorize(batch));
    });
  };
  /**
   * The allowed events of a checked batch, in order, with `last` moved past the whole batch (refused
   * events it skips included). `refused`: an event was refused with `denied` given, so the feed ends with
   * that error right after the events listed (every allowed event before the refused one).
   * A list, not a generator delegated to with `yield*`: that would cost promise turns per event and subscriber.
   */
  const deliverable = (
    events: readonly StoredEvent[],
    allowed: readonly boolean[],
    how: 'replay' | 'live',
  ): { events: StoredEvent[]; refused: boolean } => {
    const out: StoredEvent[] = [];
    for (let i = 0; i < events.length; i++) {
      if (allowed[i]) {
        out.push(events[i]);
        options.metrics?.eventDelivered(events[i].occurredAt, how);
      } else if (options.denied) return { events: out, refused: true };
    }
    if (events.length > 0) last = cursorOf(events[events.length - 1]);
    return { events: out, refused: false };
  };
  try {
    if (options.after !== null) {
      for (;;) {
        const from = last;
        const batch = await ridingOutOutages(() => readEventsAfter(emOf(), from, { limit: REPLAY_BATCH, topics: options.topics }));
        options.metrics?.replayBatchRead();
        const verdicts = verdictsFor(batch);
        const replayed = deliverable(batch, verdicts instanceof Promise ? await verdicts : verdicts, 'replay');
        for (const event of replayed.events) yield event;
        if (replayed.refused) throw options.denied!();
        if (batch.length < REPLAY_BATCH) {
          // Dropped events were routed, hence visible in the log, before the flag was seen here: one
          // more read after `last` finds every one of them.
          if (!droppedWhileReplaying) break;
          droppedWhileReplaying = false;
        }
      }
      replaying = false;
    }
    while (!state.closed) {
      if (overflow) {
        if (!options.onOverflow)
          throw new AppError('RATE_LIMITED', 'Kết nối nhận sự kiện quá chậm; hãy đăng ký lại từ con trỏ cuối cùng đã nhận.', {
            reason: 'SLOW_CONSUMER',
          });
        options.onOverflow();
        return;
      }
      while (buffer.length > 0 && compareCursors(cursorOf(buffer[0]), last) <= 0) buffer.shift();
      if (buffer.length === 0) {
        await new Promise<void>((resolve) => (state.wake = resolve));
        state.wake = null;
        continue;
      }
      // Everything waiting is checked at once; the events stay in the buffer until their check has an
      // answer (an outage may intervene), then leave it before they are yielded.
      const batch = buffer.slice();
      const verdicts = verdictsFor(batch);
      const allowed = verdicts instanceof Promise ? await verdicts : verdicts;
      buffer.splice(0, batch.length);
      const live = deliverable(batch, allowed, 'live');
      for (const event of live.events) yield event;
      if (live.refused) throw options.denied!();
    }
  } finally {
    options.metrics?.subscriptionClosed();
    unsubscribe();
  }
}
