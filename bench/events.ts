import type { App } from '../server/src/app';
import { START_CURSOR, type Cursor } from '../server/src/events/cursor';
import { cursorOf, readEventsAfter } from '../server/src/events/event-log';
import { streams, topics } from '../server/src/events/vocabulary';
import { closedLoop, now, sleep, summarize, type LatencySummary } from './stats';

/**
 * Appends one event in its own transaction through the real outbox (commit + wake-up). `holdMs`
 * keeps the transaction open after the append, standing in for the rest of a business transaction
 * (more statements, the ORM flush) while the stream's head row stays locked.
 */
async function appendOne(app: App, caseKey: string, payload: Record<string, unknown>, holdMs = 0): Promise<void> {
  await app.services.outbox.transaction(app.orm.em.fork(), async (tx) => {
    await tx.emit({ type: 'bench.appended', stream: streams.case(caseKey), actorId: null, topics: [topics.case(caseKey)], payload });
    if (holdMs > 0) await sleep(holdMs);
  });
}

export interface AppendResult {
  mode: 'separate' | 'one';
  writers: number;
  /** Milliseconds each transaction stays open after its append (0 = commit right away). */
  holdMs: number;
  target: number;
  committed: number;
  errors: number;
  /** True when the time cap ended the run before `target` commits. */
  capped: boolean;
  elapsedMs: number;
  commitsPerSec: number;
  /** Per commit: from calling outbox.transaction() to it resolving (pool wait + BEGIN … COMMIT). */
  latency: LatencySummary;
}

/**
 * `writers` concurrent loops share one budget of `target` commits (bounded by `capMs` too). In mode
 * "separate" writer w appends to its own stream; in mode "one" every writer appends to the same
 * stream, so they queue on that stream's head-row lock.
 */
export async function runAppend(
  app: App,
  opts: { mode: 'separate' | 'one'; writers: number; target: number; capMs: number; runId: string; holdMs?: number },
): Promise<AppendResult> {
  const streamOf = (w: number) => (opts.mode === 'one' ? `bench-${opts.runId}-shared` : `bench-${opts.runId}-w${w}`);
  const run = await closedLoop({ clients: opts.writers, target: opts.target, capMs: opts.capMs }, (w, i) =>
    appendOne(app, streamOf(w), { run: opts.runId, writer: w, i, note: 'benchmark event' }, opts.holdMs ?? 0),
  );
  if (run.firstError) console.warn(`  ! ${run.errors} append(s) failed in ${opts.runId}; first: ${run.firstError}`);
  return {
    mode: opts.mode,
    writers: opts.writers,
    holdMs: opts.holdMs ?? 0,
    target: opts.target,
    committed: run.completed,
    errors: run.errors,
    capped: run.capped,
    elapsedMs: run.elapsedMs,
    commitsPerSec: run.perSec,
    latency: run.latency,
  };
}

export interface DeliveryResult {
  label: string;
  /** Paced rate of the measured writer, events/s. */
  targetRate: number;
  background: { writers: number; commits: number };
  sent: number;
  delivered: number;
  /** Listener invoked before the commit call had returned (only possible if the clock order is odd). */
  early: number;
  latency: LatencySummary;
}

/**
 * One paced writer appends `count` events at `rate`/s to a stream a dispatcher listener is
 * subscribed to. Latency per event = listener invocation − the moment outbox.transaction() returned
 * (COMMIT acknowledged; the wake-up was queued just before). Optional unpaced background writers on
 * other streams add contention (and, through the xmin watermark, can hold delivery back).
 */
export async function runDelivery(
  app: App,
  opts: { label: string; rate: number; count: number; backgroundWriters: number; capMs: number; waitMs: number; runId: string },
): Promise<DeliveryResult> {
  const caseKey = `bench-${opts.runId}-delivery`;
  const committedAt = new Map<number, number>();
  const arrivedAt = new Map<number, number>();
  const unsubscribe = app.services.dispatcher.subscribe([topics.case(caseKey)], (event) => {
    const seq = Number((event.payload as { seq?: unknown }).seq);
    if (!arrivedAt.has(seq)) arrivedAt.set(seq, now());
  });

  let stopBackground = false;
  let backgroundCommits = 0;
  const background = Array.from({ length: opts.backgroundWriters }, async (_, w) => {
    const backgroundKey = `bench-${opts.runId}-bg${w}`;
    // Bounded by count as well as by the paced phase ending.
    for (let i = 0; i < 20_000 && !stopBackground; i++) {
      await appendOne(app, backgroundKey, { run: opts.runId, writer: w, i, note: 'background load' }).catch(() => undefined);
      backgroundCommits++;
    }
  });

  const intervalMs = 1000 / opts.rate;
  const start = now();
  const deadline = start + opts.capMs;
  let sent = 0;
  try {
    for (let seq = 0; seq < opts.count && now() < deadline; seq++) {
      const due = start + seq * intervalMs;
      const wait = due - now();
      if (wait > 0) await sleep(wait);
      await appendOne(app, caseKey, { run: opts.runId, seq });
      committedAt.set(seq, now());
      sent++;
    }
  } finally {
    stopBackground = true;
    await Promise.all(background);
  }

  // Late deliveries (e.g. picked up by the fallback poll) still count, up to waitMs.
  const waitUntil = now() + opts.waitMs;
  while (arrivedAt.size < sent && now() < waitUntil) await sleep(20);
  unsubscribe();

  const samples: number[] = [];
  let early = 0;
  for (const [seq, committed] of committedAt) {
    const arrived = arrivedAt.get(seq);
    if (arrived === undefined) continue;
    const d = arrived - committed;
    if (d < 0) early++;
    samples.push(Math.max(0, d));
  }
  return {
    label: opts.label,
    targetRate: opts.rate,
    background: { writers: opts.backgroundWriters, commits: backgroundCommits },
    sent,
    delivered: samples.length,
    early,
    latency: summarize(samples),
  };
}

export interface ReadPass {
  events: number;
  batches: number;
  elapsedMs: number;
  eventsPerSec: number;
}

export interface ReadResult {
  batchSize: number;
  passes: ReadPass[];
}

/** Reads the whole log from the start with readEventsAfter in batches, `passes` times. */
export async function runReader(app: App, opts: { batchSize: number; passes: number; capMs: number }): Promise<ReadResult> {
  const passes: ReadPass[] = [];
  for (let p = 0; p < opts.passes; p++) {
    const em = app.orm.em.fork();
    let cursor: Cursor = START_CURSOR;
    let events = 0;
    let batches = 0;
    const start = now();
    const deadline = start + opts.capMs;
    for (;;) {
      const batch = await readEventsAfter(em, cursor, { limit: opts.batchSize });
      batches++;
      events += batch.length;
      if (batch.length > 0) cursor = cursorOf(batch[batch.length - 1]);
      if (batch.length < opts.batchSize || now() > deadline) break;
    }
    const elapsedMs = now() - start;
    passes.push({ events, batches, elapsedMs, eventsPerSec: (events / elapsedMs) * 1000 });
  }
  return { batchSize: opts.batchSize, passes };
}
