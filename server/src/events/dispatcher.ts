import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../logger';
import type { EventBus } from './bus';
import { compareCursors, type Cursor } from './cursor';
import { cursorOf, headCursor, readEventsAfter, type StoredEvent } from './event-log';

/** Called with each new event on one of the topics it subscribed to, in cursor order. */
export type EventListener = (event: StoredEvent) => void;

const BATCH = 500;

/**
 * This instance's reader of the log. On each wake-up (bus) or poll tick it reads what was committed
 * after its tail, in cursor order, and hands each event to the listeners of that event's topics —
 * a map lookup per topic, so cost grows with the interested subscribers, not with all of them.
 */
export class EventDispatcher {
  private tail: Cursor | null = null;
  private readonly byTopic = new Map<string, Set<EventListener>>();
  private draining: Promise<number> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** Re-checks left after a wake-up that found nothing readable yet (see `onWake`). */
  private wakeRetriesLeft = 0;
  private wakeRetryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly orm: MikroORM,
    private readonly bus: EventBus,
    private readonly logger: Logger,
    private readonly pollMs: number,
  ) {}

  /** Starts from the current head of the log, then follows wake-ups and the poll. */
  async start(): Promise<void> {
    this.tail = await headCursor(this.orm.em.fork());
    this.bus.onWake(() => this.onWake());
    this.timer = setInterval(() => void this.drain(), this.pollMs);
    this.timer.unref();
  }

  /** The position up to which this instance has dispatched. */
  get position(): Cursor | null {
    return this.tail;
  }

  /** Registers `listener` for every topic in `topics`; returns the unsubscribe function. */
  subscribe(topics: readonly string[], listener: EventListener): () => void {
    for (const topic of topics) {
      let set = this.byTopic.get(topic);
      if (!set) this.byTopic.set(topic, (set = new Set()));
      set.add(listener);
    }
    return () => {
      for (const topic of topics) {
        const set = this.byTopic.get(topic);
        set?.delete(listener);
        if (set?.size === 0) this.byTopic.delete(topic);
      }
    };
  }

  /** Number of distinct topics with listeners (for metrics and tests). */
  get topicCount(): number {
    return this.byTopic.size;
  }

  /**
   * A wake-up means something was committed, but the watermark is cluster-wide: an unrelated open
   * transaction (even in another database) can hide it for a moment, and no second wake-up will
   * follow. So when a wake-up finds nothing, look again a few times with back-off (~1.3 s in all)
   * instead of leaving it to the poll.
   */
  private onWake(): void {
    this.wakeRetriesLeft = 6;
    const attempt = (delayMs: number) => {
      void this.drain().then((routed) => {
        if (routed > 0 || this.stopped || this.wakeRetriesLeft-- <= 0) return;
        if (this.wakeRetryTimer) clearTimeout(this.wakeRetryTimer);
        this.wakeRetryTimer = setTimeout(() => attempt(delayMs * 2), delayMs);
        this.wakeRetryTimer.unref();
      });
    };
    attempt(20);
  }

  /** Reads and dispatches everything available; concurrent calls coalesce into one more pass. */
  drain(): Promise<number> {
    if (this.stopped || !this.tail) return Promise.resolve(0);
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = (async () => {
      let routed = 0;
      try {
        do {
          this.again = false;
          routed += await this.drainOnce();
        } while (this.again && !this.stopped);
      } catch (err) {
        this.logger.warn({ err: (err as Error).message }, 'event dispatch pass failed; the poll will retry');
      } finally {
        this.draining = null;
      }
      return routed;
    })();
    return this.draining;
  }

  /** One pass over everything readable; returns how many events were routed. */
  private async drainOnce(): Promise<number> {
    const em = this.orm.em.fork();
    let routed = 0;
    for (;;) {
      const batch = await readEventsAfter(em, this.tail!, { limit: BATCH });
      for (const event of batch) {
        if (compareCursors(cursorOf(event), this.tail!) <= 0) continue;
        this.tail = cursorOf(event);
        this.route(event);
        routed++;
      }
      if (batch.length < BATCH || this.stopped) return routed;
    }
  }

  private route(event: StoredEvent): void {
    const targets = new Set<EventListener>();
    for (const topic of event.topics) this.byTopic.get(topic)?.forEach((l) => targets.add(l));
    for (const listener of targets) {
      try {
        listener(event);
      } catch (err) {
        this.logger.error({ err, type: event.type }, 'event listener threw');
      }
    }
  }

  /** Stops polling and waits for a pass in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.wakeRetryTimer) clearTimeout(this.wakeRetryTimer);
    await this.draining;
    this.byTopic.clear();
  }
}
