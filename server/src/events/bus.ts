import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import type { Logger } from '../logger';

/**
 * Carries small "new events were committed" wake-ups between instances. It never carries the events
 * themselves: PostgreSQL is the record, so a lost wake-up costs latency (the poll catches up), not data.
 */
export interface EventBus {
  readonly kind: 'in-process' | 'redis';
  /** Tell every instance (this one included) to read the log. Never throws: a failure is logged. */
  wake(): Promise<void>;
  /** Register the handler called on each wake-up. */
  onWake(handler: () => void): void;
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

/** Redis pub/sub wake-ups: one publishing and one subscribed connection per instance. */
export class RedisBus implements EventBus {
  readonly kind = 'redis' as const;
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly handlers: Array<() => void> = [];
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
    this.sub.on('message', () => this.handlers.forEach((h) => h()));
    // After a reconnect ioredis resubscribes by itself; wake our own readers so nothing waits for the poll.
    this.sub.on('ready', () => {
      if (this.subscribed) this.handlers.forEach((h) => h());
    });
    // Wake-ups this instance could not publish during an outage were only heard locally. When the
    // publisher is back, announce once, so peers whose subscriber reconnected earlier re-read the log.
    this.pub.on('ready', () => {
      if (this.missedPublish) {
        this.missedPublish = false;
        this.pub.publish(CHANNEL, '1').catch(() => (this.missedPublish = true));
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

  async wake(): Promise<void> {
    try {
      await this.pub.publish(CHANNEL, '1');
    } catch (err) {
      this.missedPublish = true;
      this.logger.warn(
        { err: (err as Error).message },
        'redis wake-up not sent; announced again when Redis is back, and the poll catches up meanwhile',
      );
      // This instance's own subscribers need not wait for the poll.
      this.handlers.forEach((h) => h());
    }
  }

  onWake(handler: () => void): void {
    this.handlers.push(handler);
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
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
