import { setImmediate } from 'node:timers/promises';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../logger';
import type { EventBus } from './bus';
import { outsideRequest } from '../db/statement-count';
import { compareCursors, type Cursor } from './cursor';
import { cursorOf, readEventsAfter, type StoredEvent } from './event-log';
import { EventSequencer, type SequencerPass } from './sequencer';
import type { Topic } from './vocabulary';

/** Called with each new event on one of the topics it subscribed to, in cursor order. */
export type EventListener = (event: StoredEvent) => void;

const BATCH = 500;

/**
 * Listeners called before the dispatcher lets the event loop turn. Each listener wakes one subscription, whose
 * delivery (access check, shared result, the socket write) runs as promise jobs once the dispatcher yields: without
 * a turn, an event followed by 500 sockets would run all 500 deliveries in lockstep and write to the first socket
 * only when the last was ready. Yielding every so many lets the first ones leave while the rest are prepared, and
 * keeps the instance's requests answered during a large broadcast. Each listener still gets the events in order
 * (events are routed one after another).
 */
const LISTENERS_PER_TURN = 20;

/** What `/readyz` and the logs report about delivery on this instance. */
export interface DeliveryStatus {
  /** Position up to which this instance has dispatched (null before start). */
  position: string | null;
  /** Highest position numbered when the last pass ended. */
  head: string | null;
  /** head − position after the last pass (events numbered but not yet handed to listeners). */
  lagEvents: number;
  /** Milliseconds since the last pass that completed (null: none yet). */
  lastPassAgoMs: number | null;
  /** Duration of the last completed pass (sequencer + reads). */
  lastPassMs: number | null;
  /** Message of the last failed pass, cleared by the next success. */
  lastError: string | null;
}

/** The database work this instance's delivery has done since it started (tests, and what a pass costs). */
export interface DispatchWork {
  /** Sequencer passes run (one statement each). */
  sequencerPasses: number;
  /** Reads of the log after the tail (one statement per batch). */
  logReads: number;
}

/** A pass slower than this is logged: the sequencer or the reads are lagging. */
const SLOW_PASS_MS = 1000;

/**
 * This instance's reader of the log. On each wake-up (a commit here, a reconnect) or poll tick it first
 * runs a sequencer pass (numbering newly committed events, see sequencer.ts) and announces what it
 * numbered to the other instances; on a peer's announcement it runs no pass. Either way it then reads
 * what was numbered after its tail (only when the head is past it), in position order, and hands each
 * event to the listeners of that event's topics — a map lookup per topic, so cost grows with the
 * interested subscribers, not with all of them. One event thus costs the deployment one pass (one
 * statement) and one read per instance.
 */
export class EventDispatcher {
  private tail: Cursor | null = null;
  private readonly byTopic = new Map<string, Set<EventListener>>();
  private readonly observers: EventListener[] = [];
  private draining: Promise<number> | null = null;
  private again = false;
  /** A wake-up or poll asked for a sequencer pass that has not run yet (an announcement asks for none). */
  private passDue = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly sequencer: EventSequencer;
  private lastHead: bigint | null = null;
  private lastPassAt: number | null = null;
  private lastPassMs: number | null = null;
  private lastError: string | null = null;
  /** What delivery has cost the database on this instance so far. */
  readonly work: DispatchWork = { sequencerPasses: 0, logReads: 0 };

  constructor(
    private readonly orm: MikroORM,
    private readonly bus: EventBus,
    private readonly logger: Logger,
    private readonly pollMs: number,
  ) {
    this.sequencer = new EventSequencer(orm);
  }

  /** Starts from the current head of the log, then follows wake-ups and the poll. */
  async start(): Promise<void> {
    const numbered = await this.sequencer.pass();
    this.tail = numbered.head;
    this.lastHead = numbered.head;
    // Starting was a pass (numbering + head): readiness measures stalls from here, not from "never".
    this.lastPassAt = Date.now();
    // A wake-up from a commit carries the committing request's async context: the pass is the instance's work.
    this.bus.onWake(() => outsideRequest(() => void this.drain()));
    this.bus.onAnnounce((head) => outsideRequest(() => void this.drainAnnounced(head)));
    this.timer = setInterval(() => void this.drain(), this.pollMs);
    this.timer.unref();
  }

  /** The position up to which this instance has dispatched. */
  get position(): Cursor | null {
    return this.tail;
  }

  /** Registers `listener` for every topic in `topics`; returns the unsubscribe function. */
  subscribe(topics: readonly Topic[], listener: EventListener): () => void {
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

  /**
   * Registers `observer` for every event, called before the event is routed to any listener (caches
   * that the event may make stale, e.g. access facts, drop their entry first).
   */
  observe(observer: EventListener): void {
    this.observers.push(observer);
  }

  /** Number of distinct topics with listeners (for metrics and tests). */
  get topicCount(): number {
    return this.byTopic.size;
  }

  /** Delivery health for `/readyz` and the logs. */
  status(): DeliveryStatus {
    const lag = this.lastHead !== null && this.tail !== null ? Number(this.lastHead - this.tail) : 0;
    return {
      position: this.tail?.toString() ?? null,
      head: this.lastHead?.toString() ?? null,
      lagEvents: Math.max(0, lag),
      lastPassAgoMs: this.lastPassAt === null ? null : Date.now() - this.lastPassAt,
      lastPassMs: this.lastPassMs,
      lastError: this.lastError,
    };
  }

  /**
   * A peer numbered positions up to `head`: read them, without a sequencer pass. Nothing to do (no
   * statement at all) when this instance has read that far already, e.g. its own announcement.
   */
  private drainAnnounced(head: bigint): Promise<number> {
    if (this.tail === null || head <= this.tail) return Promise.resolve(0);
    if (this.lastHead === null || head > this.lastHead) this.lastHead = head;
    return this.run();
  }

  /** Numbers what was committed (a sequencer pass), then reads and dispatches everything available; concurrent calls coalesce into one more pass. */
  drain(): Promise<number> {
    this.passDue = true;
    return this.run();
  }

  private run(): Promise<number> {
    if (this.stopped || this.tail === null) return Promise.resolve(0);
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
        this.lastError = null;
      } catch (err) {
        this.lastError = (err as Error).message;
        this.logger.warn({ err: this.lastError }, 'event dispatch pass failed; the poll will retry');
      } finally {
        this.draining = null;
      }
      return routed;
    })();
    return this.draining;
  }

  /**
   * One pass: the sequencer pass if one is due (announcing what it numbered), then a read of everything
   * numbered past the tail, if the head is past it. Returns how many events were routed.
   */
  private async drainOnce(): Promise<number> {
    const started = Date.now();
    let numbered: SequencerPass | null = null;
    if (this.passDue) {
      this.passDue = false;
      this.work.sequencerPasses++;
      numbered = await this.sequencer.pass();
      if (this.lastHead === null || numbered.head > this.lastHead) this.lastHead = numbered.head;
      if (numbered.assigned > 0) void this.bus.announce(numbered.head);
    }
    let routed = 0;
    try {
      if (this.lastHead === null || this.lastHead <= this.tail!) return 0;
      return await this.readAndRoute(this.orm.em.fork(), (n) => (routed = n));
    } finally {
      this.lastPassAt = Date.now();
      this.lastPassMs = this.lastPassAt - started;
      if (this.lastPassMs > SLOW_PASS_MS) {
        this.logger.warn(
          { ms: this.lastPassMs, sequencerMs: numbered?.ms, assigned: numbered?.assigned, routed, ...this.status() },
          'slow event dispatch pass',
        );
      }
    }
  }

  private async readAndRoute(em: ReturnType<MikroORM['em']['fork']>, progress: (routed: number) => void): Promise<number> {
    let routed = 0;
    let sinceYield = 0;
    for (;;) {
      this.work.logReads++;
      const batch = await readEventsAfter(em, this.tail!, { limit: BATCH });
      for (const event of batch) {
        if (compareCursors(cursorOf(event), this.tail!) <= 0) continue;
        this.tail = cursorOf(event);
        for (const observer of this.observers) {
          try {
            observer(event);
          } catch (err) {
            this.logger.error({ err, type: event.type }, 'event observer threw');
          }
        }
        const targets = new Set<EventListener>();
        for (const topic of event.topics) this.byTopic.get(topic)?.forEach((l) => targets.add(l));
        for (const listener of targets) {
          try {
            listener(event);
          } catch (err) {
            this.logger.error({ err, type: event.type }, 'event listener threw');
          }
          if (++sinceYield >= LISTENERS_PER_TURN) {
            sinceYield = 0;
            await setImmediate();
          }
        }
        progress(++routed);
      }
      if (batch.length < BATCH || this.stopped) return routed;
    }
  }

  /** Stops polling and waits for a pass in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.draining;
    this.byTopic.clear();
  }
}
