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
  em: EntityManager;
  dispatcher: EventDispatcher;
  /** Topics to follow, e.g. [`case:<id>`] or [`user:<id>`, `agency:<id>`]. */
  topics: Topic[];
  /** Resume after this cursor (replayed from PostgreSQL); null = from now. */
  after: Cursor | null;
  /** Checked for every event at delivery time (policy); false = skip it. */
  authorize: (event: StoredEvent) => Promise<boolean>;
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

const REPLAY_BATCH = 200;

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
 * Each event passes `authorize` at delivery time, so a revoked participant stops receiving at once.
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
  const unsubscribe = options.dispatcher.subscribe(options.topics, (event) => {
    if (buffer.length >= maxBuffered) overflow = true;
    else buffer.push(event);
    state.wake?.();
  });
  options.metrics?.subscriptionOpened();
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
  try {
    let last: Cursor = options.after ?? options.dispatcher.position ?? START_CURSOR;
    if (options.after !== null) {
      for (;;) {
        const from = last;
        const batch = await ridingOutOutages(() => readEventsAfter(options.em, from, { limit: REPLAY_BATCH, topics: options.topics }));
        options.metrics?.replayBatchRead();
        for (const event of batch) {
          const allowed = await ridingOutOutages(() => options.authorize(event));
          last = cursorOf(event);
          if (!allowed) continue;
          options.metrics?.eventDelivered(event.occurredAt, 'replay');
          yield event;
        }
        if (batch.length < REPLAY_BATCH) break;
      }
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
      const event = buffer[0];
      if (!event) {
        await new Promise<void>((resolve) => (state.wake = resolve));
        state.wake = null;
        continue;
      }
      if (compareCursors(cursorOf(event), last) <= 0) {
        buffer.shift();
        continue;
      }
      // The event stays at the head of the buffer until its check has an answer (an outage may intervene).
      const allowed = await ridingOutOutages(() => options.authorize(event));
      buffer.shift();
      last = cursorOf(event);
      if (!allowed) continue;
      options.metrics?.eventDelivered(event.occurredAt, 'live');
      yield event;
    }
  } finally {
    options.metrics?.subscriptionClosed();
    unsubscribe();
  }
}
