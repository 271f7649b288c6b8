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
 *    had passed when we registered: it routes only what is numbered, and positions are read in order);
 * 3. take over the buffer and follow live, dropping anything at or below the last cursor handled.
 * Each event passes `authorize` at delivery time, so a revoked participant stops receiving at once;
 * the checks are asked for per page or per live batch (one access decision per case, not per event),
 * and the answers are applied to the events one by one, in order.
 *
 * An iterator written out, not an async generator: a live event whose verdict is known at once is
 * handed to the waiting consumer from the dispatcher's own call (one promise settled), where a generator
 * took several promise turns per event and subscriber to wake up, resume and yield.
 */
export function liveFeed(options: LiveFeedOptions): AsyncGenerator<StoredEvent> {
  // The protocol of an async generator (next, return, throw, and itself as its iterator), which is what
  // graphql-js and graphql-ws take a subscription's source to be.
  return new LiveFeed(options) as unknown as AsyncGenerator<StoredEvent>;
}

type Outcome = { kind: 'done' } | { kind: 'error'; error: unknown };

/** A consumer's pull that nothing answered yet. */
interface Waiter {
  resolve: (result: IteratorResult<StoredEvent>) => void;
  reject: (err: unknown) => void;
}

class LiveFeed implements AsyncIterableIterator<StoredEvent> {
  private readonly maxBuffered: number;
  /** Checked and allowed, waiting for the consumer, in order (from `readyHead`). */
  private ready: StoredEvent[] = [];
  private readyHead = 0;
  /** Live events taken in but not checked yet, in order: waiting for an asynchronous verdict or for the replay to end. */
  private pending: StoredEvent[] = [];
  /** The last event handled (delivered, refused, or taken in live): anything at or below it is not taken again. */
  private last: Cursor;
  private replaying: boolean;
  /** Live events were dropped while replaying: the replay reads on until a page saw no drop. */
  private droppedWhileReplaying = false;
  /** More live events waited than `maxBuffered`: the consumer's next pull ends the feed. */
  private overflow = false;
  /** The replay, or an asynchronous check of `pending`, is running. */
  private working = false;
  /** How the feed ends once `ready` is taken; null while it goes on. */
  private outcome: Outcome | null = null;
  private finished = false;
  private closed = false;
  /** The consumer's pull that nothing answered yet, and its promise. */
  private waiter: Waiter | null = null;
  private waiting: Promise<IteratorResult<StoredEvent>> | null = null;
  /** The replay waits here until the consumer took its page. */
  private onDrained: (() => void) | null = null;
  private readonly unsubscribe: () => void;

  constructor(private readonly options: LiveFeedOptions) {
    this.maxBuffered = options.maxBuffered ?? 1000;
    this.last = options.after ?? options.dispatcher.position ?? START_CURSOR;
    this.replaying = options.after !== null;
    this.unsubscribe = options.dispatcher.subscribe(options.topics, (event) => this.routed(event));
    options.metrics?.subscriptionOpened();
    if (this.replaying) this.work(() => this.replay());
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  next(): Promise<IteratorResult<StoredEvent>> {
    if (this.overflow && !this.outcome && !this.closed) this.finishOverflowing();
    if (this.readyHead < this.ready.length) {
      const value = this.ready[this.readyHead++];
      if (this.readyHead === this.ready.length) {
        this.ready = [];
        this.readyHead = 0;
        this.onDrained?.();
      }
      return Promise.resolve({ value, done: false });
    }
    if (this.outcome) return this.settle(this.outcome);
    if (this.finished) return Promise.resolve({ value: undefined, done: true });
    // One pull at a time, as a generator queues them: a second waits for the first's answer.
    if (this.waiting) {
      const again = () => this.next();
      return this.waiting.then(again, again);
    }
    this.waiting = new Promise<IteratorResult<StoredEvent>>((resolve, reject) => (this.waiter = { resolve, reject }));
    return this.waiting;
  }

  /** The pull waiting for an answer, if any, no longer waiting. */
  private takeWaiter(): Waiter | null {
    const waiter = this.waiter;
    this.waiter = null;
    this.waiting = null;
    return waiter;
  }

  return(value?: unknown): Promise<IteratorResult<StoredEvent>> {
    this.closed = true;
    this.ready = [];
    this.readyHead = 0;
    this.onDrained?.();
    this.finish();
    this.takeWaiter()?.resolve({ value: undefined, done: true });
    return Promise.resolve({ value: value as never, done: true });
  }

  throw(err?: unknown): Promise<IteratorResult<StoredEvent>> {
    void this.return();
    return Promise.reject(err);
  }

  /** The dispatcher routed `event` (in order, after every earlier one). */
  private routed(event: StoredEvent): void {
    const cursor = cursorOf(event);
    // Already handled (the replay read it first): buffering it again would only bring the overflow closer.
    if (this.closed || this.outcome || compareCursors(cursor, this.last) <= 0) return;
    if (this.replaying) {
      if (this.pending.length >= this.maxBuffered) {
        // A long replay behind the dispatcher: what is routed now is already in the log, so the replay
        // will read it; drop the buffer instead of ending the feed (see replay()).
        this.pending = [];
        this.droppedWhileReplaying = true;
      } else this.pending.push(event);
      return;
    }
    if (this.overflow) return;
    if (this.pending.length + this.ready.length - this.readyHead >= this.maxBuffered) {
      this.overflow = true;
      if (this.waiter) this.finishOverflowing();
      return;
    }
    this.last = cursor;
    if (this.working || this.pending.length > 0) {
      this.pending.push(event);
      return;
    }
    const batch = [event];
    let verdicts: readonly boolean[] | Promise<readonly boolean[]>;
    try {
      verdicts = this.options.authorize(batch);
    } catch (error) {
      this.end({ kind: 'error', error });
      return;
    }
    if (verdicts instanceof Promise) {
      this.pending.push(event);
      const asked = verdicts;
      this.work(() => this.checkPending({ batch, verdicts: asked }));
    } else this.accept(batch, verdicts, 'live');
  }

  /**
   * Hands the allowed events of a checked batch on, in order. A refused event is skipped, or, with
   * `denied`, ends the feed with that error right after the allowed events before it.
   */
  private accept(events: readonly StoredEvent[], allowed: readonly boolean[], how: 'replay' | 'live'): void {
    for (let i = 0; i < events.length; i++) {
      if (allowed[i]) {
        this.options.metrics?.eventDelivered(events[i].occurredAt, how);
        const waiter = this.takeWaiter();
        if (waiter) waiter.resolve({ value: events[i], done: false });
        else this.ready.push(events[i]);
      } else if (this.options.denied) {
        this.end({ kind: 'error', error: this.options.denied() });
        return;
      }
    }
  }

  /**
   * Runs an asynchronous step (the replay, or checks that must wait), which clears `working` itself when
   * it has nothing left; its failure ends the feed.
   */
  private work(step: () => Promise<void>): void {
    this.working = true;
    step().catch((error: unknown) => {
      this.working = false;
      this.end({ kind: 'error', error });
    });
  }

  /**
   * Checks `pending` until nothing waits (`first`: a check already asked for, of the first events).
   * Clears `working` in the same turn that finds `pending` empty, so an event routed just after is
   * taken on the spot, never left behind.
   */
  private async checkPending(first?: { batch: readonly StoredEvent[]; verdicts: Promise<readonly boolean[]> }): Promise<void> {
    while (this.pending.length > 0 && !this.closed && !this.outcome) {
      const batch = first ? first.batch : this.pending.slice();
      let given = first?.verdicts;
      first = undefined;
      // The events stay in `pending` (counted against the overflow) until their check has an answer.
      const allowed = await this.ridingOutOutages(() => {
        const asked = given;
        given = undefined;
        return asked ?? Promise.resolve(this.options.authorize(batch));
      });
      this.pending.splice(0, batch.length);
      this.accept(batch, allowed, 'live');
    }
    this.working = false;
  }

  private async replay(): Promise<void> {
    const { options } = this;
    const emOf = typeof options.em === 'function' ? options.em : () => options.em as EntityManager;
    for (;;) {
      const from = this.last;
      const batch = await this.ridingOutOutages(() => readEventsAfter(emOf(), from, { limit: REPLAY_BATCH, topics: options.topics }));
      if (this.closed) return;
      options.metrics?.replayBatchRead();
      const allowed = await this.ridingOutOutages(() => Promise.resolve(options.authorize(batch)));
      if (this.closed) return;
      if (batch.length > 0) this.last = cursorOf(batch[batch.length - 1]);
      this.accept(batch, allowed, 'replay');
      if (this.outcome) return;
      // The next page is read only once the consumer took this one: a long replay holds one page at a time.
      if (this.readyHead < this.ready.length) await new Promise<void>((resolve) => (this.onDrained = resolve));
      this.onDrained = null;
      if (this.closed) return;
      if (batch.length < REPLAY_BATCH) {
        // Dropped events were routed, hence visible in the log, before the flag was seen here: one
        // more read after `last` finds every one of them.
        if (!this.droppedWhileReplaying) break;
        this.droppedWhileReplaying = false;
      }
    }
    // Live from here: what was routed during the replay and is newer than it waits in `pending`.
    this.replaying = false;
    this.pending = this.pending.filter((event) => compareCursors(cursorOf(event), this.last) > 0);
    if (this.pending.length > 0) this.last = cursorOf(this.pending[this.pending.length - 1]);
    await this.checkPending();
  }

  /**
   * A database drop is waited out with back-off, then the feed carries on from the last event it
   * handled: nothing skipped, nothing sent twice. Only an outage longer than OUTAGE_GIVE_UP_MS ends the
   * feed, with a retryable SERVICE_UNAVAILABLE.
   */
  private async ridingOutOutages<T>(attempt: () => Promise<T>): Promise<T> {
    let wait = OUTAGE_FIRST_WAIT_MS;
    const started = Date.now();
    for (;;) {
      try {
        return await attempt();
      } catch (err) {
        if (!isDatabaseUnavailable(err) || this.closed) throw err;
        if (Date.now() - started > OUTAGE_GIVE_UP_MS) throw outageTooLong();
        this.options.metrics?.liveFeedOutageRetry();
        await new Promise((resolve) => setTimeout(resolve, wait));
        wait = Math.min(wait * 2, OUTAGE_MAX_WAIT_MS);
      }
    }
  }

  /** The feed ends with `outcome` once the consumer took what is ready; nothing more is taken in. */
  private end(outcome: Outcome): void {
    if (this.outcome || this.closed) return;
    this.outcome = outcome;
    this.unsubscribe();
    const waiter = this.readyHead >= this.ready.length ? this.takeWaiter() : null;
    if (waiter) this.settle(outcome).then(waiter.resolve, waiter.reject);
  }

  /** The consumer's answer for an ended feed: the error once, then done. */
  private settle(outcome: Outcome): Promise<IteratorResult<StoredEvent>> {
    this.outcome = { kind: 'done' };
    this.finish();
    return outcome.kind === 'error' ? Promise.reject(outcome.error) : Promise.resolve({ value: undefined, done: true });
  }

  /** The consumer fell too far behind: the feed ends (over WebSocket the connection closes; the client resumes by cursor). */
  private finishOverflowing(): void {
    this.ready = [];
    this.readyHead = 0;
    if (this.options.onOverflow) {
      this.options.onOverflow();
      this.end({ kind: 'done' });
    } else
      this.end({
        kind: 'error',
        error: new AppError('RATE_LIMITED', 'Kết nối nhận sự kiện quá chậm; hãy đăng ký lại từ con trỏ cuối cùng đã nhận.', {
          reason: 'SLOW_CONSUMER',
        }),
      });
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.unsubscribe();
    this.options.metrics?.subscriptionClosed();
  }
}
