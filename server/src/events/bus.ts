import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import type { Logger } from '../logger';

/**
 * Carries small wake-ups between the writers and readers of the log. It never carries the events
 * themselves: PostgreSQL is the record, so a lost wake-up costs latency (the poll catches up), not data.
 *
 * Two kinds, so that one event costs one sequencer pass in the whole deployment, not one per instance:
 * - **wake**: "events were committed here, maybe not numbered yet". Heard by this process only (its own
 *   dispatcher runs a sequencer pass); also what a reconnect or a missed announcement turns into.
 * - **announce(head)**: "positions up to `head` are numbered and committed". Sent by the dispatcher that
 *   numbered them to every instance; a peer then only reads the log after its tail, with no pass.
 */
export interface EventBus {
  readonly kind: 'in-process' | 'redis';
  /** Tell this process's reader that events were committed (it numbers and reads them). Never throws. */
  wake(): Promise<void>;
  /** Register the handler called on each wake-up (a sequencer pass is due). */
  onWake(handler: () => void): void;
  /**
   * Tell the other instances that positions up to `head` are numbered (they read without a pass). Never
   * throws: a failure is logged, and the peers' poll catches up.
   */
  announce(head: bigint): Promise<void>;
  /** Register the handler called with each announced head (this instance's own announcements included). */
  onAnnounce(handler: (head: bigint) => void): void;
  /** True when wake-ups can currently travel (always true in-process). */
  isConnected(): boolean;
  /** Asks the broker to answer within its command timeout (a frozen Redis is "connected" but mute). */
  probe(): Promise<boolean>;
  close(): Promise<void>;
}

/** One instance, no Redis: the embedded default. Same code path as Redis, minus the network. */
export class InProcessBus implements EventBus {
  readonly kind = 'in-process' as const;
  private readonly emitter = new EventEmitter();
  async wake(): Promise<void> {
    queueMicrotask(() => this.emitter.emit('wake'));
  }
  onWake(handler: () => void): void {
    this.emitter.on('wake', handler);
  }
  /** No peers: the one dispatcher numbered the events itself. */
  async announce(_head: bigint): Promise<void> {}
  onAnnounce(_handler: (head: bigint) => void): void {}
  isConnected(): boolean {
    return true;
  }
  async probe(): Promise<boolean> {
    return true;
  }
  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

const CHANNEL = 'phoihop:events:wake';
/** Messages on CHANNEL: WAKE_MESSAGE (run a pass), or ANNOUNCE_PREFIX + head (numbered up to head). */
const WAKE_MESSAGE = '1';
const ANNOUNCE_PREFIX = 'n:';

/** The head an announcement names, or null for a plain wake-up (any other message, e.g. an older instance's '1'). */
function announcedHead(message: string): bigint | null {
  if (!message.startsWith(ANNOUNCE_PREFIX)) return null;
  const digits = message.slice(ANNOUNCE_PREFIX.length);
  return /^[0-9]{1,20}$/.test(digits) ? BigInt(digits) : null;
}

/** Redis pub/sub wake-ups: one publishing and one subscribed connection per instance. */
export class RedisBus implements EventBus {
  readonly kind = 'redis' as const;
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly handlers: Array<() => void> = [];
  private readonly announceHandlers: Array<(head: bigint) => void> = [];
  private subscribed = false;
  /** A wake-up failed to publish since the publisher was last ready. */
  private missedPublish = false;

  /**
   * @param commandTimeoutMs publishes and pings fail after this long, so a frozen Redis (accepting
   *   connections, answering nothing) costs a wake-up's latency, never a hung mutation or probe.
   */
  constructor(
    url: string,
    private readonly logger: Logger,
    commandTimeoutMs = 1000,
  ) {
    // Keep retrying forever with a capped backoff: Redis down means slower, never stopped.
    const options = {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      retryStrategy: (attempt: number) => Math.min(200 * attempt, 2000),
    };
    this.pub = new Redis(url, { ...options, commandTimeout: commandTimeoutMs });
    // The subscriber blocks on SUBSCRIBE by design: no command timeout there.
    this.sub = new Redis(url, { ...options, enableOfflineQueue: true, maxRetriesPerRequest: null });
    for (const [name, conn] of [
      ['pub', this.pub],
      ['sub', this.sub],
    ] as const) {
      conn.on('error', (err: Error) => this.logger.warn({ conn: name, err: err.message }, 'redis bus error'));
    }
    this.sub.on('message', (_channel: string, message: string) => {
      const head = announcedHead(message);
      if (head === null) this.handlers.forEach((h) => h());
      else this.announceHandlers.forEach((h) => h(head));
    });
    // After a reconnect ioredis resubscribes by itself; wake our own readers so nothing waits for the poll.
    this.sub.on('ready', () => {
      if (this.subscribed) this.handlers.forEach((h) => h());
    });
    // Announcements this instance could not publish during an outage reached no peer. When the publisher
    // is back, wake every instance once, so peers whose subscriber reconnected earlier re-read the log.
    this.pub.on('ready', () => {
      if (this.missedPublish) {
        this.missedPublish = false;
        this.pub.publish(CHANNEL, WAKE_MESSAGE).catch(() => (this.missedPublish = true));
      }
    });
  }

  /**
   * Subscribes (queued until Redis answers) and waits up to `timeoutMs` for both connections.
   * Resolves false when Redis is not reachable yet; ioredis keeps reconnecting in the background.
   */
  async connect(timeoutMs = 5000): Promise<boolean> {
    this.sub
      .subscribe(CHANNEL)
      .then(() => {
        this.subscribed = true;
        // Wake-ups sent before we listened were missed: read the log once now.
        this.handlers.forEach((h) => h());
      })
      .catch((err: Error) => this.logger.warn({ err: err.message }, 'redis subscribe failed'));
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.isConnected() && this.subscribed) return true;
      await new Promise((r) => setTimeout(r, 25));
    }
    return false;
  }

  /** Local: this instance's dispatcher numbers the events, then announces them to the peers. */
  async wake(): Promise<void> {
    queueMicrotask(() => this.handlers.forEach((h) => h()));
  }

  onWake(handler: () => void): void {
    this.handlers.push(handler);
  }

  async announce(head: bigint): Promise<void> {
    try {
      await this.pub.publish(CHANNEL, `${ANNOUNCE_PREFIX}${head}`);
    } catch (err) {
      this.missedPublish = true;
      this.logger.warn(
        { err: (err as Error).message },
        'redis announcement not sent; the instances are woken when Redis is back, and the poll catches up meanwhile',
      );
    }
  }

  onAnnounce(handler: (head: bigint) => void): void {
    this.announceHandlers.push(handler);
  }

  isConnected(): boolean {
    return this.pub.status === 'ready' && this.sub.status === 'ready';
  }

  async probe(): Promise<boolean> {
    if (!this.isConnected()) return false;
    try {
      return (await this.pub.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.handlers.length = 0;
    this.announceHandlers.length = 0;
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
