import type { MikroORM } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import type { EventDispatcher } from '../../events/dispatcher';
import { topics } from '../../events/vocabulary';
import { forbidden } from '../../errors';
import type { Logger } from '../../logger';
import { type StatisticsCaseFacts, type StatisticsReach, statisticsReach, statisticsReachIncludes } from '../../policy/abilities';

/** Topic carried by every case event (CaseService) and target change: "the statistics may have moved". */

/** What a dashboard receives: refresh now (no figures travel on the socket). */
export interface StatisticsTick {
  changedAt: Date;
  /** Cases changed in the window that fall within the subscriber's reach. */
  cases: number;
}

type Changed = StatisticsCaseFacts;

interface Subscriber {
  reach: StatisticsReach;
  push(tick: StatisticsTick): void;
}

/**
 * Live statistics for dashboards, per instance: listens to the `statistics` topic once, batches the
 * changed cases for `debounceMs`, then looks up where they are (one SQL query per window, never one
 * per subscriber) and tells each subscriber whose reach contains one of them to refresh. So a
 * dashboard refreshes at most once per window however busy the province is.
 */
export class StatisticsLive {
  private readonly subscribers = new Set<Subscriber>();
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly orm: MikroORM,
    private readonly dispatcher: EventDispatcher,
    private readonly logger: Logger,
    private readonly debounceMs: number,
  ) {}

  /** Registers a dashboard; returns an async iterator of ticks (GraphQL subscription source). */
  register(viewer: Viewer): AsyncIterableIterator<StatisticsTick> {
    if (statisticsReach(viewer).kind === 'none') throw forbidden('Bạn không có quyền xem số liệu thống kê thi hành án.');
    const queue: StatisticsTick[] = [];
    let wake: ((r: IteratorResult<StatisticsTick>) => void) | null = null;
    let done = false;
    const subscriber: Subscriber = {
      reach: statisticsReach(viewer),
      push: (tick) => {
        if (wake) {
          const w = wake;
          wake = null;
          w({ value: tick, done: false });
        } else if (queue.length < 10) queue.push(tick);
      },
    };
    this.subscribers.add(subscriber);
    this.unsubscribe ??= this.dispatcher.subscribe([topics.statistics], (event) => this.onEvent(event.payload.caseId));
    const finish = async (): Promise<IteratorResult<StatisticsTick>> => {
      done = true;
      this.subscribers.delete(subscriber);
      wake?.({ value: undefined, done: true });
      wake = null;
      if (this.subscribers.size === 0) this.stopListening();
      return { value: undefined, done: true };
    };
    return {
      next: () =>
        done
          ? Promise.resolve({ value: undefined, done: true })
          : queue.length
            ? Promise.resolve({ value: queue.shift()!, done: false })
            : new Promise((resolve) => (wake = resolve)),
      return: finish,
      throw: async (err) => {
        await finish();
        throw err;
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  /** Stops listening (instance shutdown). */
  close(): void {
    this.stopListening();
    for (const s of [...this.subscribers]) this.subscribers.delete(s);
  }

  private stopListening() {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }

  private onEvent(caseId: unknown) {
    this.pending.add(typeof caseId === 'string' ? caseId : '');
    this.timer ??= setTimeout(() => {
      this.timer = null;
      const ids = [...this.pending];
      this.pending = new Set();
      this.flush(ids).catch((err) => this.logger.warn({ err }, 'statistics live refresh failed'));
    }, this.debounceMs);
  }

  private async flush(ids: string[]) {
    if (!this.subscribers.size) return;
    const caseIds = ids.filter(Boolean);
    const changed = caseIds.length
      ? await this.orm.em
          .fork()
          .getConnection()
          .execute<Array<{ lead: string; parent: string | null; path: string }>>(
            `select c.lead_agency_id as lead, g.parent_id as parent, a.path from enforcement_case c join agency g on g.id = c.lead_agency_id join area a on a.id = c.commune_id where c.id = any(?::uuid[])`,
            [`{${caseIds.join(',')}}`],
          )
      : [];
    const rows: Changed[] = changed.map((r) => ({ leadAgencyId: r.lead, leadParentId: r.parent, communePath: r.path }));
    const changedAt = new Date();
    for (const s of this.subscribers) {
      // A change without a case (a target) concerns everyone; otherwise only those who see the case.
      const count = rows.filter((r) => statisticsReachIncludes(s.reach, r)).length;
      if (count > 0 || caseIds.length < ids.length) s.push({ changedAt, cases: count });
    }
  }
}
