import type { EntityManager } from '@mikro-orm/postgresql';
import { isDatabaseUnavailable } from '../db/availability';
import { AppError } from '../errors';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { EventBus } from './bus';
import { appendEvent, appendEventAloneReading, appendFirstEvents, type BoundSql } from './event-log';
import type { EventType, NewEvent } from './vocabulary';

/** The handle a service gets inside a transaction: its EntityManager and a way to record events. */
export interface Tx {
  em: EntityManager;
  /**
   * Appends an event in this transaction (it commits or rolls back with the change). `alongside`, a
   * data-modifying statement of the same change (e.g. inserting the row the event describes), is sent
   * in the append's own statement: one round trip fewer, same transaction.
   */
  emit<T extends EventType>(event: NewEvent<T>, alongside?: BoundSql): Promise<void>;
  /** Appends the first event of each of many NEW streams in a few statements (bulk imports); refuses an existing stream. */
  emitFirstOfNewStreams(events: readonly NewEvent[]): Promise<void>;
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

  /**
   * Runs `work` in a transaction on a fork of `em`; flushes, commits, then wakes the readers.
   * If the connection breaks once the work is done (during COMMIT), nobody can know whether the change
   * was saved: that is OUTCOME_UNKNOWN ("retry with the same idempotency key"), never "not performed".
   */
  async transaction<T>(em: EntityManager, work: (tx: Tx) => Promise<T>): Promise<T> {
    let emitted = 0;
    let committing = false;
    let result: T;
    try {
      result = await em.transactional(async (txEm) => {
        const value = await work({
          em: txEm as EntityManager,
          emit: async <E extends EventType>(event: NewEvent<E>, alongside?: BoundSql) => {
            await appendEvent(txEm as EntityManager, event as NewEvent, alongside);
            emitted++;
          },
          emitFirstOfNewStreams: async (events: readonly NewEvent[]) => {
            await appendFirstEvents(txEm as EntityManager, events);
            emitted += events.length;
          },
        });
        await txEm.flush();
        committing = true; // only COMMIT is left
        return value;
      });
    } catch (err) {
      if (committing && isDatabaseUnavailable(err)) throw outcomeUnknown(false);
      throw err;
    }
    this.metrics?.eventsAppended(emitted);
    if (emitted > 0) void this.bus.wake().catch((err) => this.logger.warn({ err }, 'wake-up failed'));
    return result;
  }

  /**
   * Records an event that accompanies no change (an audit of a read) in one autocommitted statement
   * (`appendEventAloneReading`) when its stream exists, else in a transaction of its own; then wakes the
   * readers. Resolves only once the event is committed, so the caller may release what it audits.
   */
  async record<T extends EventType>(em: EntityManager, event: NewEvent<T>): Promise<void> {
    await this.recordReading(em, event);
  }

  /**
   * `record` that also reads `reading` (restricted values the event audits) atomically with the event:
   * one autocommitted statement when the stream exists (`appendEventAloneReading`), else the append and
   * the read in one transaction. The rows are returned only once the event is committed, so no value
   * leaves without its audit record; without `reading`, the result is empty.
   */
  async recordReading<T extends EventType>(em: EntityManager, event: NewEvent<T>, reading?: BoundSql): Promise<Record<string, unknown>[]> {
    const alone = em.isInTransaction() ? null : await appendEventAloneReading(em, event as NewEvent, reading);
    if (alone === null) {
      return this.transaction(em, async (tx) => {
        await tx.emit(event);
        return reading ? tx.em.execute<Record<string, unknown>[]>(reading.sql, [...reading.params]) : [];
      });
    }
    this.metrics?.eventsAppended(1);
    void this.bus.wake().catch((err) => this.logger.warn({ err }, 'wake-up failed'));
    return alone;
  }
}

/**
 * The change may have been saved (`committed: false`: the commit's answer was lost) or was saved but
 * could not be read back (`committed: true`). Either way the client retries with the same key.
 */
export function outcomeUnknown(committed: boolean): AppError {
  return new AppError(
    'OUTCOME_UNKNOWN',
    committed
      ? 'Thao tác đã được lưu nhưng chưa tải lại được kết quả do mất kết nối cơ sở dữ liệu. Hãy thử lại với cùng khóa chống gửi trùng để nhận kết quả (không tạo bản ghi thứ hai).'
      : 'Mất kết nối cơ sở dữ liệu đúng lúc lưu: chưa rõ thao tác đã được lưu hay chưa. Hãy thử lại với cùng khóa chống gửi trùng; nếu đã lưu, bạn sẽ nhận lại kết quả cũ.',
    { committed, retry: 'SAME_IDEMPOTENCY_KEY' },
  );
}

/**
 * Reads back what a committed transaction wrote. A database failure here is reported as
 * OUTCOME_UNKNOWN with `committed: true`, so a saved change is never answered with "not performed".
 */
export async function loadCommitted<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (err) {
    if (isDatabaseUnavailable(err)) throw outcomeUnknown(true);
    throw err;
  }
}
