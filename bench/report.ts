import type { PhaseCost } from './meter';
import { fmt, table, type LatencySummary } from './stats';

/**
 * The deployment bench's report: the result types, the targets table (issue 18 item 4, issue 12
 * item 7, issue 14) and the Markdown rendering. Pure functions of the results (tests/unit/bench-report.test.ts).
 */

export interface Ceiling {
  label: string;
  perSec: number;
  latency: LatencySummary;
}

/** One request figure: a closed-loop run, what it cost, and the ceiling it is compared with. */
export interface RequestFigure {
  key: string;
  label: string;
  clients: number;
  completed: number;
  errors: number;
  capped: boolean;
  perSec: number;
  latency: LatencySummary;
  cost: PhaseCost;
  ceiling: Ceiling;
}

/** One post delivered to every follower of a case, over several rounds. */
export interface BroadcastFigure {
  followers: number;
  rounds: number;
  delivered: number;
  expected: number;
  latency: LatencySummary;
  toLast: LatencySummary;
  ceiling: { sockets: number; latency: LatencySummary; toLast: LatencySummary };
  /** pg_stat_statements over the rounds ÷ events (null without it). */
  statementsPerEvent: number | null;
  /** The posting mutations' own statements (instances' /metrics) ÷ events. */
  mutationStatementsPerEvent: number;
  cost: PhaseCost;
}

export interface LiveFigures {
  /** One follower on the other instance: mutation answered → event received (ms), vs raw ws send to one socket. */
  delivery: { latency: LatencySummary; sendLatency: LatencySummary; delivered: number; sent: number; ceiling: LatencySummary } | null;
  broadcast: BroadcastFigure | null;
  replay: { events: number; received: number; ms: number; perSec: number; errors: string[] } | null;
  idle: {
    sockets: number;
    rssKiBPerSocket: number;
    heapKiBPerSocket: number;
    ceiling: { sockets: number; rssKiBPerSocket: number; heapKiBPerSocket: number };
  } | null;
  unrelated: Array<{ subscribers: number; events: number; delivered: number; cpuMsPerEvent: number; cost: PhaseCost }>;
}

export interface BenchResults {
  generatedAt: string;
  quick: boolean;
  durationMs?: number;
  machine: { cpus: number; cpuModel: string; memGiB: number; node: string; platform: string; loadStart: number[]; loadEnd: number[] };
  postgres: Record<string, string>;
  statementsSource: string;
  dataset: { requestedCases: number; cases: number; events: number; offices: number; seedMs: number };
  instances: number;
  ceilings: {
    typename: Record<number, Ceiling>;
    commits: Ceiling & { clients: number };
    wsSend: LatencySummary | null;
    wsBroadcast: { sockets: number; latency: LatencySummary; toLast: LatencySummary } | null;
  };
  figures: RequestFigure[];
  live: LiveFigures;
  notes: string[];
}

export interface TargetRow {
  source: string;
  target: string;
  measured: string;
  met: boolean | null;
}

const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : Number.NaN);
const pct = (r: number) => (Number.isFinite(r) ? `${fmt(r * 100, r < 0.1 ? 2 : 1)} %` : '—');
const judge = (value: number, ok: (v: number) => boolean): boolean | null => (Number.isFinite(value) ? ok(value) : null);

/**
 * Issue 18's two rows for a figure: its share of its ceiling (≥ 10 %, aim 25 %) and its p99 under
 * `p99Ms` (at `connections` connections, when the target names them).
 */
function shareAndP99(f: RequestFigure, what: string, ceiling: string, p99Ms: number, connections?: number): TargetRow[] {
  const share = ratio(f.perSec, f.ceiling.perSec);
  return [
    { source: 'issue 18', target: `${what} ≥ 10 % of ${ceiling} (aim 25 %)`, measured: pct(share), met: judge(share, (v) => v >= 0.1) },
    {
      source: 'issue 18',
      target: `${what} p99 < ${p99Ms} ms${connections ? ` at ${connections} connections` : ''}`,
      measured: `${fmt(f.latency.p99, 1)} ms${connections ? ` at ${f.clients}` : ''}`,
      met: judge(f.latency.p99, (v) => v < p99Ms),
    },
  ];
}

/** The plain "targets met / not met" rows; `met` is null when the figure was not measured. */
export function targets(r: BenchResults): TargetRow[] {
  const rows: TargetRow[] = [];
  const fig = (key: string) => r.figures.find((f) => f.key === key);
  const page = fig('casePage');
  if (page) rows.push(...shareAndP99(page, 'case page', '{ __typename }', 150, 50));
  const post = fig('post');
  if (post) rows.push(...shareAndP99(post, 'post', 'raw commits', 50));
  for (const key of ['statsProvince', 'statsOffice']) {
    const s = fig(key);
    if (!s) continue;
    rows.push({
      source: 'issue 18 / 14',
      target: `${s.label}: p95 < 300 ms (${r.dataset.cases.toLocaleString('en-US')} cases)`,
      measured: `${fmt(s.latency.p95, 1)} ms`,
      met: judge(s.latency.p95, (v) => v < 300),
    });
  }
  const b = r.live.broadcast;
  const x = b ? ratio(b.latency.p99, b.ceiling.latency.p99) : Number.NaN;
  rows.push({
    source: 'issue 12',
    target: `broadcast to ${b?.followers ?? 500} followers: p99 < 2× raw ws`,
    measured: b ? `${fmt(x, 1)}× (${fmt(b.latency.p99, 1)} vs ${fmt(b.ceiling.latency.p99, 1)} ms)` : 'not measured',
    met: judge(x, (v) => v < 2),
  });
  // What delivering one event costs the deployment, for all its subscribers on both instances: every statement
  // PostgreSQL ran during the broadcast, less the statements the post mutations themselves ran (which a post
  // with no follower runs too). The issue's "a few statements per event in total", as against one per subscriber.
  const spe = b?.statementsPerEvent ?? Number.NaN;
  const delivery = b ? spe - b.mutationStatementsPerEvent : Number.NaN;
  rows.push({
    source: 'issue 12',
    target: `SQL statements to deliver one event to all ${b?.followers ?? 500} followers, in total: a few (≤ 5 taken as "a few")`,
    measured: Number.isFinite(delivery)
      ? `${fmt(delivery, 1)} (with the post mutation's own ${fmt(b!.mutationStatementsPerEvent, 1)}: ${fmt(spe, 1)})`
      : 'not measured',
    met: judge(delivery, (v) => v <= 5),
  });
  const rp = r.live.replay;
  rows.push({
    source: 'issue 12',
    target: `replay of ${rp?.events.toLocaleString('en-US') ?? '10,000'} missed events ≥ 10,000 events/s`,
    measured: rp ? `${fmt(rp.perSec, 0)} events/s (${rp.received} received)` : 'not measured',
    met: rp && rp.received === rp.events ? rp.perSec >= 10_000 : rp ? false : null,
  });
  const idle = r.live.idle;
  rows.push({
    source: 'issue 12',
    target: 'memory per idle socket with one subscription ≤ 20 KB',
    measured: idle
      ? `RSS ${fmt(idle.rssKiBPerSocket, 1)} KB, heap ${fmt(idle.heapKiBPerSocket, 1)} KB (raw ws: ${fmt(idle.ceiling.rssKiBPerSocket, 1)} / ${fmt(idle.ceiling.heapKiBPerSocket, 1)})`
      : 'not measured',
    // A negative growth is garbage collected between the two readings, not a measurement: not judged.
    met:
      idle && Math.min(idle.rssKiBPerSocket, idle.heapKiBPerSocket) >= 0
        ? judge(Math.max(idle.rssKiBPerSocket, idle.heapKiBPerSocket), (v) => v <= 20)
        : null,
  });
  const [few, many] = r.live.unrelated;
  const flat = few && many ? ratio(many.cpuMsPerEvent, few.cpuMsPerEvent) : Number.NaN;
  rows.push({
    source: 'issue 12',
    target: `delivery CPU per targeted event, ${many?.subscribers ?? 5000} vs ${few?.subscribers ?? 1000} unrelated subscribers ≤ 1.2×`,
    measured: few && many ? `${fmt(flat, 2)}× (${fmt(many.cpuMsPerEvent, 2)} vs ${fmt(few.cpuMsPerEvent, 2)} ms)` : 'not measured',
    met: judge(flat, (v) => v <= 1.2),
  });
  return rows;
}

const perReq = (v: number, n: number) => (n > 0 ? fmt(v / n, 2) : '—');

/** The whole report as Markdown (also what the bench prints). */
export function renderReport(r: BenchResults): string {
  const out: string[] = [];
  const pg = r.postgres;
  out.push(`# Phối Hợp — deployment benchmark${r.quick ? ' (BENCH_QUICK: small counts, small dataset — a check, not figures)' : ''}`);
  out.push('');
  out.push(
    `Generated ${r.generatedAt}${r.durationMs ? ` in ${fmt(r.durationMs / 1000, 0)} s` : ''}. One run on one machine: compare the ratios, not the absolute numbers.`,
  );
  out.push('');
  out.push(
    `- **Machine**: ${r.machine.cpus} CPU(s) (${r.machine.cpuModel}), ${r.machine.memGiB} GiB RAM, Node ${r.machine.node}, ${r.machine.platform}; ` +
      `load average at start ${r.machine.loadStart.map((v) => fmt(v, 2)).join(' / ')}, at end ${r.machine.loadEnd.map((v) => fmt(v, 2)).join(' / ')}. ` +
      'The driver, both instances, PostgreSQL and Redis share these CPUs.',
  );
  out.push(
    `- **PostgreSQL** ${pg.server_version ?? '?'} (embedded, one cluster): synchronous_commit=${pg.synchronous_commit}, fsync=${pg.fsync}, ` +
      `wal_sync_method=${pg.wal_sync_method}, shared_buffers=${pg.shared_buffers}. **SQL statements** from ${r.statementsSource}.`,
  );
  out.push(
    `- **Deployment**: ${r.instances} server instances (\`node dist/server/src/main.js\`, NODE_ENV=production) behind Redis fan-out on that PostgreSQL; load split across both.`,
  );
  out.push(
    `- **Dataset**: ${r.dataset.cases.toLocaleString('en-US')} cases (${r.dataset.requestedCases.toLocaleString('en-US')} generated in ${r.dataset.offices} offices ` +
      `+ the demo world) and ${r.dataset.events.toLocaleString('en-US')} events; seeded in ${fmt(r.dataset.seedMs / 1000, 1)} s.`,
  );
  out.push('');

  out.push('## Targets');
  out.push('');
  out.push(
    table(
      ['source', 'target', 'measured', 'met?'],
      targets(r).map((t) => [t.source, t.target, t.measured, t.met === null ? 'not measured' : t.met ? 'met' : '**not met**']),
    ),
  );
  out.push('');

  out.push('## Ceilings (same run)');
  out.push('');
  const ceilRows: string[][] = [];
  for (const [clients, c] of Object.entries(r.ceilings.typename))
    ceilRows.push([
      `{ __typename } over both instances, ${clients} connections`,
      fmt(c.perSec, 0),
      fmt(c.latency.p50, 2),
      fmt(c.latency.p99, 2),
    ]);
  const cc = r.ceilings.commits;
  ceilRows.push([
    `raw PostgreSQL BEGIN; INSERT; COMMIT, ${cc.clients} clients (pg)`,
    fmt(cc.perSec, 0),
    fmt(cc.latency.p50, 2),
    fmt(cc.latency.p99, 2),
  ]);
  if (r.ceilings.wsSend)
    ceilRows.push(['raw ws: one message to one socket', '—', fmt(r.ceilings.wsSend.p50, 2), fmt(r.ceilings.wsSend.p99, 2)]);
  if (r.ceilings.wsBroadcast)
    ceilRows.push([
      `raw ws: broadcast to ${r.ceilings.wsBroadcast.sockets} sockets (per socket; to the last: p99 ${fmt(r.ceilings.wsBroadcast.toLast.p99, 2)})`,
      '—',
      fmt(r.ceilings.wsBroadcast.latency.p50, 2),
      fmt(r.ceilings.wsBroadcast.latency.p99, 2),
    ]);
  out.push(table(['ceiling', 'per s', 'p50 ms', 'p99 ms'], ceilRows));
  out.push('');

  out.push('## Requests');
  out.push('');
  out.push('Closed loops (each connection sends its next request when the answer arrived), connections alternating between the instances.');
  out.push(
    'CPU is ms per request from /proc/<pid>/stat (instances summed; PostgreSQL = postmaster and all its children; driver = this process). ' +
      'SQL/req: `pg` = every statement PostgreSQL executed during the run ÷ requests (background work included), `req` = statements the instances counted inside the requests. Both per request sent (failed ones included).',
  );
  out.push('');
  out.push(
    table(
      [
        'figure',
        'conn',
        'done',
        'per s',
        'p50 ms',
        'p99 ms',
        'ceiling',
        'ratio',
        'CPU inst',
        'CPU pg',
        'CPU drv',
        'SQL/req pg',
        'SQL/req req',
        'err',
      ],
      r.figures.map((f) => {
        // Per request sent: a failed request (a timeout) cost CPU and statements too.
        const n = f.completed + f.errors;
        const inst = f.cost.cpuMs.instances.reduce((a, b) => a + b, 0);
        return [
          f.label,
          String(f.clients),
          `${n}${f.capped ? ' (capped)' : ''}`,
          fmt(f.perSec, 1),
          fmt(f.latency.p50, 1),
          fmt(f.latency.p99, 1),
          `${f.ceiling.label} ${fmt(f.ceiling.perSec, 0)}/s`,
          pct(ratio(f.perSec, f.ceiling.perSec)),
          perReq(inst, n),
          perReq(f.cost.cpuMs.postgres, n),
          perReq(f.cost.cpuMs.driver, n),
          f.cost.pgStatements === null ? '—' : perReq(f.cost.pgStatements, n),
          perReq(f.cost.requestStatements.sum, f.cost.requestStatements.count),
          String(f.errors),
        ];
      }),
    ),
  );
  out.push('');

  out.push('## Live delivery');
  out.push('');
  const l = r.live;
  const liveRows: string[][] = [];
  if (l.delivery)
    liveRows.push([
      `commit → delivery, one follower on the other instance (${l.delivery.delivered}/${l.delivery.sent})`,
      fmt(l.delivery.latency.p50, 2),
      fmt(l.delivery.latency.p99, 2),
      `raw ws send p99 ${fmt(l.delivery.ceiling.p99, 2)} ms`,
      `${fmt(ratio(l.delivery.latency.p99, l.delivery.ceiling.p99), 1)}×`,
    ]);
  if (l.broadcast)
    liveRows.push([
      `broadcast to ${l.broadcast.followers} followers of one case, per follower (${l.broadcast.delivered}/${l.broadcast.expected})`,
      fmt(l.broadcast.latency.p50, 2),
      fmt(l.broadcast.latency.p99, 2),
      `raw ws to ${l.broadcast.ceiling.sockets} p99 ${fmt(l.broadcast.ceiling.latency.p99, 2)} ms`,
      `${fmt(ratio(l.broadcast.latency.p99, l.broadcast.ceiling.latency.p99), 1)}×`,
    ]);
  if (l.broadcast)
    liveRows.push([
      `broadcast, commit → the last of ${l.broadcast.followers} followers`,
      fmt(l.broadcast.toLast.p50, 2),
      fmt(l.broadcast.toLast.p99, 2),
      `raw ws p99 ${fmt(l.broadcast.ceiling.toLast.p99, 2)} ms`,
      `${fmt(ratio(l.broadcast.toLast.p99, l.broadcast.ceiling.toLast.p99), 1)}×`,
    ]);
  out.push(table(['measure', 'p50 ms', 'p99 ms', 'ceiling', 'ratio'], liveRows));
  out.push('');
  if (l.delivery)
    out.push(
      `- Mutation sent → event received (same follower): p50 ${fmt(l.delivery.sendLatency.p50, 2)} ms, p99 ${fmt(l.delivery.sendLatency.p99, 2)} ms.`,
    );
  if (l.broadcast)
    out.push(
      "- Broadcast method: the followers run graphql-ws's client library (the web app's); the raw ws ceiling's receivers parse each message's JSON too. The figure and the ceiling each first run the same number of unrecorded warm-up rounds (bench/run.ts, PLAN.broadcast.warmupRounds).",
    );
  if (l.broadcast) {
    const c = l.broadcast.cost;
    out.push(
      `- Broadcast: ${l.broadcast.rounds} posts; SQL statements per event in total ${l.broadcast.statementsPerEvent === null ? '— (no pg_stat_statements)' : fmt(l.broadcast.statementsPerEvent, 1)}, ` +
        `of which the post mutation itself ${fmt(l.broadcast.mutationStatementsPerEvent, 1)}; CPU per event: instances ${perReq(
          c.cpuMs.instances.reduce((a, b) => a + b, 0),
          l.broadcast.rounds,
        )} ms, ` +
        `PostgreSQL ${perReq(c.cpuMs.postgres, l.broadcast.rounds)} ms, Redis ${perReq(c.cpuMs.redis, l.broadcast.rounds)} ms, driver ${perReq(c.cpuMs.driver, l.broadcast.rounds)} ms.`,
    );
  }
  if (l.replay)
    out.push(
      `- Replay: ${l.replay.received.toLocaleString('en-US')} of ${l.replay.events.toLocaleString('en-US')} missed events in ${fmt(l.replay.ms, 0)} ms = **${fmt(l.replay.perSec, 0)} events/s**` +
        `${l.replay.errors.length ? ` (errors: ${l.replay.errors.slice(0, 2).join('; ')})` : ''}.`,
    );
  if (l.idle)
    out.push(
      `- Idle sockets: ${l.idle.sockets} sockets with one caseActivity subscription each on one instance: RSS +${fmt(l.idle.rssKiBPerSocket, 1)} KB, heap +${fmt(l.idle.heapKiBPerSocket, 1)} KB per socket; ` +
        `raw ws (${l.idle.ceiling.sockets} sockets): RSS +${fmt(l.idle.ceiling.rssKiBPerSocket, 1)} KB, heap +${fmt(l.idle.ceiling.heapKiBPerSocket, 1)} KB.`,
    );
  for (const u of l.unrelated)
    out.push(
      `- ${u.subscribers.toLocaleString('en-US')} unrelated subscribers: ${u.delivered}/${u.events} targeted events delivered; delivering instance CPU ${fmt(u.cpuMsPerEvent, 2)} ms per event ` +
        `(PostgreSQL ${perReq(u.cost.cpuMs.postgres, u.events)} ms).`,
    );
  out.push('');
  if (r.notes.length) {
    out.push('## Notes');
    out.push('');
    for (const n of r.notes) out.push(`- ${n}`);
    out.push('');
  }
  return out.join('\n');
}
