/**
 * Benchmark report for one in-process instance on an embedded PostgreSQL: event append throughput
 * (separate streams vs one stream), commit-to-delivery latency, log reader throughput and GraphQL
 * over HTTP, and live delivery through the web app's subscription helper. Prints tables and writes
 * bench/results/inprocess.json. It measures; it never asserts.
 *
 * Run: npm run bench:inprocess (the deployment bench is npm run bench, bench/run.ts)
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { build, type App } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import { createLogger } from '../server/src/logger';
import { PROJECT_ROOT } from '../server/src/paths';
import { runAppend, runDelivery, runReader, type AppendResult, type DeliveryResult, type ReadResult } from './events';
import { healthzOnce, queryOnce, runHttp, signIn, typenameOnce, BENCH_QUERY, BENCH_USER, type HttpResult } from './graphql';
import { runLiveDelivery, type LiveDeliveryResult } from './live';
import { fmt, now, round, roundSummary, table, type LatencySummary } from './stats';

/** Every knob in one place; all loops are bounded by a count and a time cap. */
const PLAN = {
  append: { writers: [1, 4, 8, 16], modes: ['separate', 'one'] as const, target: 1500, capMs: 7000, warmup: 200 },
  /** Same comparison with each transaction held open a little after its append (a busier business transaction). */
  appendHeld: { writers: 8, holdMs: 5, target: 600, capMs: 6000 },
  delivery: { rate: 100, count: 300, capMs: 6000, waitMs: 3000, backgroundWriters: 4 },
  reader: { batchSize: 500, passes: 3, capMs: 10_000 },
  http: {
    warmup: 50,
    /** Cheaper requests, 1 client, to show where the time of the real query goes. */
    baselines: { clients: 1, target: 300, capMs: 5000 },
    runs: [
      { clients: 1, target: 500, capMs: 10_000 },
      { clients: 8, target: 1200, capMs: 12_000 },
    ],
  },
  /** updateCase over HTTP, one at a time, each awaited until its event reached the web app's live helper. */
  live: { count: 100, eventTimeoutMs: 3000, capMs: 15_000, graceMs: 500 },
};

const log = (message: string) => console.log(`· ${message}`);

interface Facts {
  generatedAt: string;
  cpuCount: number;
  cpuModel: string;
  node: string;
  platform: string;
  totalMemGiB: number;
  freeMemGiB: number;
  /** 1/5/15-minute load averages when the bench started and when it ended (other work on the machine skews results). */
  loadAvgStart: number[];
  loadAvgEnd: number[];
  postgres: Record<string, string>;
  ormPoolMax: number | null;
  startupMs: number;
}

async function databaseFacts(app: App): Promise<Record<string, string>> {
  const conn = app.orm.em.fork().getConnection();
  const facts: Record<string, string> = {};
  for (const name of ['server_version', 'synchronous_commit', 'fsync', 'wal_sync_method', 'shared_buffers', 'max_connections']) {
    const [row] = await conn.execute<Record<string, string>[]>(`show ${name}`);
    facts[name] = String(Object.values(row)[0]);
  }
  return facts;
}

function latencyCells(l: LatencySummary): string[] {
  return [fmt(l.p50, 2), fmt(l.p95, 2), fmt(l.p99, 2), fmt(l.max, 1)];
}

function appendTable(rows: AppendResult[]): string {
  return table(
    ['writers', 'streams', 'commits', 'time s', 'commits/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors'],
    rows.map((r) => [
      String(r.writers),
      r.mode === 'one' ? 'one shared' : `${r.writers} separate`,
      `${r.committed}${r.capped ? ' (capped)' : ''}`,
      fmt(r.elapsedMs / 1000, 2),
      fmt(r.commitsPerSec, 0),
      ...latencyCells(r.latency),
      String(r.errors),
    ]),
  );
}

function render(
  facts: Facts,
  append: AppendResult[],
  held: AppendResult[],
  delivery: DeliveryResult[],
  reader: ReadResult,
  http: HttpResult[],
  live: LiveDeliveryResult,
): string {
  const out: string[] = [];
  out.push('Phối Hợp — benchmark report');
  out.push('One run on this machine: indicative only. Numbers move between runs and machines; do not compare across machines.');
  out.push(
    `Machine: ${facts.cpuCount} CPU(s) (${facts.cpuModel}), ${facts.totalMemGiB} GiB RAM, Node ${facts.node}, ${facts.platform}. ` +
      'The bench driver, the server and PostgreSQL share these CPUs.',
  );
  const pg = facts.postgres;
  out.push(
    `PostgreSQL ${pg.server_version} (embedded, default settings): synchronous_commit=${pg.synchronous_commit}, fsync=${pg.fsync}, ` +
      `wal_sync_method=${pg.wal_sync_method}. ORM connection pool max: ${facts.ormPoolMax ?? '?'}. Instance start-up took ${fmt(facts.startupMs / 1000, 1)} s.`,
  );
  out.push(
    `Load average (1/5/15 min) at start: ${facts.loadAvgStart.map((v) => fmt(v, 2)).join(' / ')}; at end: ${facts.loadAvgEnd.map((v) => fmt(v, 2)).join(' / ')} ` +
      '(the bench itself adds about 2; much more means something else was running).',
  );
  out.push(`Generated ${facts.generatedAt}.`);
  out.push('');

  out.push(
    `1. Event append — one event per transaction via the outbox; ${PLAN.append.target} commits per run (cap ${PLAN.append.capMs / 1000} s).`,
  );
  out.push('   Latency = outbox.transaction() call → resolved (includes waiting for a pooled connection).');
  out.push(appendTable(append));
  out.push('');
  out.push('   Separate streams vs one stream (same writer count):');
  out.push(
    table(
      ['writers', 'separate commits/s', 'one-stream commits/s', 'separate ÷ one', 'p99 separate ms', 'p99 one ms'],
      PLAN.append.writers.map((w) => {
        const sep = append.find((r) => r.writers === w && r.mode === 'separate');
        const one = append.find((r) => r.writers === w && r.mode === 'one');
        return [
          String(w),
          fmt(sep?.commitsPerSec ?? NaN, 0),
          fmt(one?.commitsPerSec ?? NaN, 0),
          sep && one ? `${fmt(sep.commitsPerSec / one.commitsPerSec, 2)}×` : '—',
          fmt(sep?.latency.p99 ?? NaN, 2),
          fmt(one?.latency.p99 ?? NaN, 2),
        ];
      }),
    ),
  );
  out.push('');
  const h = PLAN.appendHeld;
  out.push(
    `   Held transactions: ${h.writers} writers, each transaction kept open ${h.holdMs} ms after its append, ${h.target} commits per run.`,
  );
  out.push(appendTable(held));
  out.push('');

  out.push(`2. Commit → delivery — paced writer at ${PLAN.delivery.rate} events/s; a dispatcher listener on its topic (in-process bus).`);
  out.push('   Latency = listener invoked − outbox.transaction() resolved (COMMIT acknowledged).');
  out.push(
    table(
      ['scenario', 'sent', 'delivered', 'bg commits', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
      delivery.map((d) => [d.label, String(d.sent), String(d.delivered), String(d.background.commits), ...latencyCells(d.latency)]),
    ),
  );
  out.push('');

  out.push(`3. Log reader — readEventsAfter from the start, batches of ${reader.batchSize}, whole log per pass.`);
  out.push(
    table(
      ['pass', 'events', 'batches', 'time ms', 'events/s'],
      reader.passes.map((p, i) => [String(i + 1), String(p.events), String(p.batches), fmt(p.elapsedMs, 0), fmt(p.eventsPerSec, 0)]),
    ),
  );
  out.push('');

  out.push(`4. GraphQL over HTTP (loopback, keep-alive) — signed in as ${BENCH_USER.username}; query:`);
  out.push(`   ${BENCH_QUERY}`);
  out.push('   Latency = fetch() → parsed JSON body. The first two rows are baselines for the same path with less work.');
  out.push(
    table(
      ['request', 'clients', 'requests', 'time s', 'requests/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors'],
      http.map((h) => [
        h.label,
        String(h.clients),
        `${h.completed}${h.capped ? ' (capped)' : ''}`,
        fmt(h.elapsedMs / 1000, 2),
        fmt(h.requestsPerSec, 0),
        ...latencyCells(h.latency),
        String(h.errors),
      ]),
    ),
  );
  out.push('');

  out.push(
    `5. Live delivery through the web app's helper — createLiveClient + subscribeWithResume (Node, ws) on caseActivity of ${live.caseLabel}, ` +
      `signed in as ${BENCH_USER.username}; ${PLAN.live.count} updateCase mutations over HTTP, one at a time.`,
  );
  out.push("   Latency = just before fetch() of the mutation → the helper's onEvent for its event. Mutation = fetch() → parsed response.");
  out.push(
    table(
      ['measure', 'samples', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
      [
        ['mutation → onEvent', String(live.latency.count), ...latencyCells(live.latency)],
        ['mutation response', String(live.mutationLatency.count), ...latencyCells(live.mutationLatency)],
      ],
    ),
  );
  out.push(
    `   Mutations sent ${live.sent}${live.capped ? ' (capped)' : ''}, succeeded ${live.succeeded}; events delivered ${live.delivered}, ` +
      `duplicates ${live.duplicates}, unexpected ${live.unexpected}, missed ${live.missed}, errors ${live.errors} — ` +
      (live.exactlyOnce ? 'exactly one event per mutation.' : 'NOT exactly one event per mutation.'),
  );
  return out.join('\n');
}

const roundAppend = (r: AppendResult) => ({
  ...r,
  elapsedMs: round(r.elapsedMs),
  commitsPerSec: round(r.commitsPerSec),
  latency: roundSummary(r.latency),
});

async function main(): Promise<void> {
  const benchStart = now();
  const loadAvgStart = loadavg().map((v) => round(v));
  const cpuList = cpus();
  console.log(`Phối Hợp bench — ${cpuList.length} CPU(s), Node ${process.version}. One run on this machine; indicative numbers only.`);

  const dataDir = mkdtempSync(join(tmpdir(), 'phoihop-bench-'));
  // As root, the embedded PostgreSQL runs as the OS user "postgres", which must enter this folder.
  chmodSync(dataDir, 0o711);
  let app: App | undefined;
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    try {
      await app?.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
  const onSignal = () => {
    console.error('\ninterrupted; stopping the instance and removing the temporary data folder…');
    void shutdown().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    log(`starting an instance with embedded PostgreSQL in ${dataDir} …`);
    const t0 = now();
    app = await build(
      loadConfig({ DATA_DIR: dataDir, PORT: 0, HOST: '127.0.0.1', LOG_LEVEL: 'silent', SERVE_CLIENT: false, SEED_DEMO: true }, {}),
      { logger: createLogger('silent') },
    );
    const startupMs = now() - t0;
    const pool = app.orm.config.get('pool') as { max?: number } | undefined;
    const facts: Facts = {
      generatedAt: new Date().toISOString(),
      cpuCount: cpuList.length,
      cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      totalMemGiB: round(totalmem() / 2 ** 30, 1),
      freeMemGiB: round(freemem() / 2 ** 30, 1),
      loadAvgStart,
      loadAvgEnd: [],
      postgres: await databaseFacts(app),
      ormPoolMax: pool?.max ?? null,
      startupMs,
    };
    log(`up at ${app.url} in ${fmt(startupMs / 1000, 1)} s`);

    // Warm-up: fills the connection pool, JIT-compiles the append path. Not recorded.
    await runAppend(app, { mode: 'separate', writers: 4, target: PLAN.append.warmup, capMs: 5000, runId: 'warmup' });

    const append: AppendResult[] = [];
    for (const writers of PLAN.append.writers) {
      for (const mode of PLAN.append.modes) {
        const r = await runAppend(app, {
          mode,
          writers,
          target: PLAN.append.target,
          capMs: PLAN.append.capMs,
          runId: `${mode}-${writers}`,
        });
        append.push(r);
        log(
          `append ${writers} writer(s), ${mode === 'one' ? 'one stream' : 'separate streams'}: ${fmt(r.commitsPerSec, 0)} commits/s, p99 ${fmt(r.latency.p99, 2)} ms`,
        );
      }
    }

    const held: AppendResult[] = [];
    for (const mode of PLAN.append.modes) {
      const { writers, holdMs, target, capMs } = PLAN.appendHeld;
      const r = await runAppend(app, { mode, writers, target, capMs, holdMs, runId: `held-${mode}-${writers}` });
      held.push(r);
      log(
        `append ${writers} writers holding ${holdMs} ms, ${mode === 'one' ? 'one stream' : 'separate streams'}: ${fmt(r.commitsPerSec, 0)} commits/s, p99 ${fmt(r.latency.p99, 2)} ms`,
      );
    }

    const delivery: DeliveryResult[] = [];
    for (const bg of [0, PLAN.delivery.backgroundWriters]) {
      const d = await runDelivery(app, {
        label: bg ? `+ ${bg} unpaced writers (other streams)` : 'idle otherwise',
        rate: PLAN.delivery.rate,
        count: PLAN.delivery.count,
        backgroundWriters: bg,
        capMs: PLAN.delivery.capMs,
        waitMs: PLAN.delivery.waitMs,
        runId: `delivery-bg${bg}`,
      });
      delivery.push(d);
      log(`delivery (${d.label}): ${d.delivered}/${d.sent} delivered, p50 ${fmt(d.latency.p50, 2)} ms, p99 ${fmt(d.latency.p99, 2)} ms`);
    }

    const reader = await runReader(app, PLAN.reader);
    log(`reader: ${reader.passes.map((p) => `${p.events} events at ${fmt(p.eventsPerSec, 0)}/s`).join('; ')}`);

    const url = app.url;
    const token = await signIn(url);
    for (let i = 0; i < PLAN.http.warmup; i++) await queryOnce(url, token);
    const http: HttpResult[] = [];
    const httpRuns: Array<[string, () => Promise<unknown>, { clients: number; target: number; capMs: number }]> = [
      ['GET /healthz (baseline)', () => healthzOnce(url), PLAN.http.baselines],
      ['{ __typename }, no token (baseline)', () => typenameOnce(url), PLAN.http.baselines],
      ...PLAN.http.runs.map(
        (run) => ['me + agencies (signed in)', () => queryOnce(url, token), run] as [string, () => Promise<unknown>, typeof run],
      ),
    ];
    for (const [label, once, run] of httpRuns) {
      const h = await runHttp(label, once, run);
      http.push(h);
      log(`http ${label}, ${h.clients} client(s): ${fmt(h.requestsPerSec, 0)} req/s, p99 ${fmt(h.latency.p99, 2)} ms`);
    }

    const live = await runLiveDelivery(url, PLAN.live);
    log(
      `live delivery: ${live.delivered}/${live.sent} events, ${live.duplicates} duplicate(s), p50 ${fmt(live.latency.p50, 2)} ms, p99 ${fmt(live.latency.p99, 2)} ms` +
        (live.exactlyOnce ? '' : ' — NOT exactly once'),
    );
    facts.loadAvgEnd = loadavg().map((v) => round(v));

    const report = render(facts, append, held, delivery, reader, http, live);
    console.log('\n' + report + '\n');

    const resultsDir = join(PROJECT_ROOT, 'bench', 'results');
    mkdirSync(resultsDir, { recursive: true });
    const resultsFile = join(resultsDir, 'inprocess.json');
    const json = {
      note: 'One run on one machine; indicative only. Latencies in milliseconds.',
      facts: { ...facts, startupMs: round(facts.startupMs) },
      plan: PLAN,
      append: append.map(roundAppend),
      appendHeld: held.map(roundAppend),
      delivery: delivery.map((d) => ({ ...d, latency: roundSummary(d.latency) })),
      reader: {
        ...reader,
        passes: reader.passes.map((p) => ({ ...p, elapsedMs: round(p.elapsedMs), eventsPerSec: round(p.eventsPerSec) })),
      },
      http: http.map((h) => ({
        ...h,
        elapsedMs: round(h.elapsedMs),
        requestsPerSec: round(h.requestsPerSec),
        latency: roundSummary(h.latency),
      })),
      live: {
        ...live,
        elapsedMs: round(live.elapsedMs),
        latency: roundSummary(live.latency),
        mutationLatency: roundSummary(live.mutationLatency),
      },
      report,
    };
    writeFileSync(resultsFile, JSON.stringify(json, null, 2) + '\n');
    log(`JSON copy written to ${resultsFile}`);
  } finally {
    log('stopping the instance …');
    await shutdown();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    log(`done in ${fmt((now() - benchStart) / 1000, 1)} s`);
  }
}

main().catch((err) => {
  console.error('bench failed:', err);
  process.exitCode = 1;
});
