import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { MikroORM } from '@mikro-orm/postgresql';

/** The parts of a running instance the gauges read at scrape time (nothing is polled in between). */
export interface MetricSources {
  orm: MikroORM;
  /** True while wake-ups can travel (Redis connected, or the in-process bus). */
  busConnected: () => boolean;
  busKind: string;
  /** Open WebSocket connections on this instance. */
  openSockets: () => number;
  /**
   * Seconds committed events have been held back by the watermark (an older open transaction).
   * Default: the age of the oldest committed event above the watermark, read from the log.
   */
  watermarkLagSeconds?: () => Promise<number>;
}

/** Latency buckets (seconds) for GraphQL operations and event delivery: 5 ms … 30 s. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * One instance's Prometheus metrics, in a registry of its own (tests run several instances in one
 * process). Call sites use the small methods below — one line each — so the code being measured
 * stays readable and can change without touching metric definitions.
 */
export class Metrics {
  readonly registry = new Registry();

  private readonly operations = new Counter({
    name: 'phoihop_graphql_operations_total',
    help: 'GraphQL operations by operation name, type and result code (OK or the first error code).',
    labelNames: ['operation', 'type', 'code'] as const,
    registers: [this.registry],
  });
  private readonly operationSeconds = new Histogram({
    name: 'phoihop_graphql_operation_duration_seconds',
    help: 'Duration of GraphQL queries and mutations (HTTP), by operation name and type.',
    labelNames: ['operation', 'type'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly operationStatements = new Histogram({
    name: 'phoihop_graphql_operation_sql_statements',
    help: 'SQL statements sent while answering one GraphQL query or mutation (HTTP), by operation name and type.',
    labelNames: ['operation', 'type'] as const,
    buckets: [1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 50, 100],
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: 'phoihop_graphql_errors_total',
    help: 'Errors returned to clients, by extensions.code.',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  private readonly subscriptions = new Gauge({
    name: 'phoihop_live_subscriptions',
    help: 'Live subscriptions (caseActivity, myFeed) currently open on this instance.',
    registers: [this.registry],
  });
  private readonly appended = new Counter({
    name: 'phoihop_events_appended_total',
    help: 'Events committed to the log by this instance.',
    registers: [this.registry],
  });
  private readonly delivered = new Counter({
    name: 'phoihop_events_delivered_total',
    help: 'Events delivered to live subscribers (after the policy check), replayed or live.',
    labelNames: ['phase'] as const,
    registers: [this.registry],
  });
  /** The counter's two series, bound once: it is counted once per subscriber per event (500 times for a broadcast). */
  private readonly deliveredByPhase = { replay: this.delivered.labels('replay'), live: this.delivered.labels('live') };
  private readonly deliveryLag = new Histogram({
    name: 'phoihop_event_delivery_lag_seconds',
    help: 'Time from an event being written (its occurredAt, inside the committing transaction) to its live delivery.',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly replayBatches = new Counter({
    name: 'phoihop_event_replay_batches_total',
    help: 'Batches read from the log to replay missed events to resuming subscribers.',
    registers: [this.registry],
  });
  private readonly liveOutageRetries = new Counter({
    name: 'phoihop_live_feed_outage_retries_total',
    help: 'Times a live feed waited for PostgreSQL to come back (replay or access check) instead of failing.',
    registers: [this.registry],
  });
  private readonly cleanedRows = new Counter({
    name: 'phoihop_retention_deleted_rows_total',
    help: 'Rows removed by the retention clean-up, by table.',
    labelNames: ['table'] as const,
    registers: [this.registry],
  });

  /** Registers the scrape-time gauges (sockets, pool, Redis, watermark) and Node's default metrics (event-loop lag …). */
  constructor(sources?: MetricSources) {
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 20 });
    if (sources) this.watch(sources);
  }

  /** Adds the gauges read from a running instance (called once by `build()`). */
  watch(sources: MetricSources): void {
    const { orm } = sources;
    new Gauge({
      name: 'phoihop_websocket_connections',
      help: 'Open WebSocket connections on this instance.',
      registers: [this.registry],
      collect() {
        this.set(sources.openSockets());
      },
    });
    new Gauge({
      name: 'phoihop_bus_connected',
      help: 'Whether cross-instance wake-ups can travel (1) or delivery relies on the poll (0).',
      labelNames: ['kind'] as const,
      registers: [this.registry],
      collect() {
        this.set({ kind: sources.busKind }, sources.busConnected() ? 1 : 0);
      },
    });
    new Gauge({
      name: 'phoihop_db_pool_connections',
      help: 'PostgreSQL pool of this instance: connections in use, idle, and requests waiting for one.',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const pool = poolOf(orm);
        if (!pool) return;
        this.set({ state: 'used' }, pool.numUsed());
        this.set({ state: 'idle' }, pool.numFree());
        this.set({ state: 'pending' }, pool.numPendingAcquires());
      },
    });
    const watermarkLag = sources.watermarkLagSeconds ?? (() => heldBackEventAgeSeconds(orm));
    new Gauge({
      name: 'phoihop_event_watermark_lag_seconds',
      help: 'Age of the oldest committed event not yet given a delivery position by the sequencer; 0 when none waits.',
      registers: [this.registry],
      async collect() {
        try {
          this.set(await watermarkLag());
        } catch {
          // Database unreachable: leave the series out of this scrape rather than report a false 0.
          this.reset();
        }
      },
    });
  }

  /** One finished GraphQL operation (HTTP); `code` is 'OK' or the first error's extensions.code. */
  operationFinished(
    operation: string,
    type: string,
    code: string,
    seconds: number,
    errorCodes: readonly string[] = [],
    sqlStatements?: number,
  ): void {
    this.operations.inc({ operation, type, code });
    this.operationSeconds.observe({ operation, type }, seconds);
    if (sqlStatements !== undefined) this.operationStatements.observe({ operation, type }, sqlStatements);
    for (const c of errorCodes) this.errors.inc({ code: c });
  }

  /** Errors returned outside an HTTP operation (subscriptions over WebSocket). */
  errorReturned(code: string): void {
    this.errors.inc({ code });
  }

  /** A WebSocket operation began (subscriptions) — counted like HTTP operations, without duration. */
  operationStarted(operation: string, type: string, code: string): void {
    this.operations.inc({ operation, type, code });
  }

  subscriptionOpened(): void {
    this.subscriptions.inc();
  }

  subscriptionClosed(): void {
    this.subscriptions.dec();
  }

  eventsAppended(count: number): void {
    if (count > 0) this.appended.inc(count);
  }

  /** An event handed to a subscriber; live deliveries also feed the lag histogram. */
  eventDelivered(occurredAt: Date, phase: 'replay' | 'live'): void {
    this.deliveredByPhase[phase].inc();
    if (phase === 'live') this.deliveryLag.observe(Math.max(0, (Date.now() - occurredAt.getTime()) / 1000));
  }

  replayBatchRead(): void {
    this.replayBatches.inc();
  }

  /** A live feed found the database unreachable and will retry from its last cursor. */
  liveFeedOutageRetry(): void {
    this.liveOutageRetries.inc();
  }

  rowsDeleted(table: string, count: number): void {
    if (count > 0) this.cleanedRows.inc({ table }, count);
  }

  /** The Prometheus text exposition. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

/** The tarn pool behind MikroORM's knex, if the driver exposes it. */
function poolOf(orm: MikroORM): { numUsed(): number; numFree(): number; numPendingAcquires(): number } | null {
  try {
    const knex = orm.em.getConnection().getKnex() as unknown as {
      client?: { pool?: { numUsed(): number; numFree(): number; numPendingAcquires(): number } };
    };
    return knex.client?.pool ?? null;
  } catch {
    return null;
  }
}

/**
 * How long committed events have been waiting for a delivery position: the age of the oldest event
 * that is committed (visible to this snapshot) but not yet numbered by the sequencer (sequencer.ts).
 * Only events at or above the sequencer's last saved xmax, or in its in-progress list, can be
 * unnumbered, so this reads an index range near the head, not the log. 0 when nothing waits.
 */
async function heldBackEventAgeSeconds(orm: MikroORM): Promise<number> {
  const [row] = await orm.em.getConnection().execute<{ age: number | string | null }[]>(
    `select extract(epoch from clock_timestamp() - min(e.occurred_at))::float8 as age
       from event e, event_sequencer s
      where s.id = 1
        and (e.tx_id >= s.snapshot_xmax or e.tx_id = any(s.in_progress))
        and not exists (select 1 from event_position p where p.event_id = e.id)`,
  );
  return row?.age ? Math.max(0, Number(row.age)) : 0;
}
