import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { EventBus } from './bus';
import { appendEvent } from './event-log';
import type { EventType, NewEvent } from './vocabulary';

/** The handle a service gets inside a transaction: its EntityManager and a way to record events. */
export interface Tx {
  em: EntityManager;
  /** Appends an event in this transaction (it commits or rolls back with the change). */
  emit<T extends EventType>(event: NewEvent<T>): Promise<void>;
}

/**
 * Runs business transactions that write events (transactional outbox) and, after COMMIT, sends one
 * wake-up on the bus so every instance reads the new events. A rolled-back transaction wakes nobody.
 */
export class Outbox {
  constructor(
    private readonly bus: EventBus,
    private readonly logger: Logger,
    private readonly metrics?: Metrics,
  ) {}

  /** Runs `work` in a transaction on a fork of `em`; flushes, commits, then wakes the readers. */
  async transaction<T>(em: EntityManager, work: (tx: Tx) => Promise<T>): Promise<T> {
    let emitted = 0;
    const result = await em.transactional(async (txEm) =>
      work({
        em: txEm as EntityManager,
        emit: async <T extends EventType>(event: NewEvent<T>) => {
          await appendEvent(txEm as EntityManager, event as NewEvent);
          emitted++;
        },
      }),
    );
    this.metrics?.eventsAppended(emitted);
    if (emitted > 0) void this.bus.wake().catch((err) => this.logger.warn({ err }, 'wake-up failed'));
    return result;
  }
}
