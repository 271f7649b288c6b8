import { describe, expect, it } from 'vitest';
import { parseStatementMetric, type PhaseCost } from '../../bench/meter';
import { parseStat, treeDelta } from '../../bench/procstat';
import { type BenchResults, type RequestFigure, renderReport, targets } from '../../bench/report';
import { percentile, summarize } from '../../bench/stats';

/** The deployment bench's arithmetic and verdicts (bench/report.ts, meter.ts, procstat.ts): no timings here. */

const cost = (over: Partial<PhaseCost> = {}): PhaseCost => ({
  wallMs: 1000,
  cpuMs: { instances: [300, 100], postgres: 200, redis: 5, driver: 50 },
  pgStatements: 1000,
  requestStatements: { sum: 900, count: 100 },
  ...over,
});

const figure = (key: string, perSec: number, ceilingPerSec: number, p99: number, p95 = p99): RequestFigure => ({
  key,
  label: key,
  clients: 50,
  completed: 100,
  errors: 0,
  capped: false,
  perSec,
  latency: { ...summarize([1, 2, 3]), p95, p99 },
  cost: cost(),
  ceiling: { label: 'ceiling', perSec: ceilingPerSec, latency: summarize([1]) },
});

function results(over: Partial<BenchResults> = {}): BenchResults {
  return {
    generatedAt: '2026-12-02T00:00:00.000Z',
    quick: false,
    machine: { cpus: 2, cpuModel: 'test', memGiB: 4, node: 'v20', platform: 'linux x64', loadStart: [0, 0, 0], loadEnd: [0, 0, 0] },
    postgres: { server_version: '18', synchronous_commit: 'on', fsync: 'on', wal_sync_method: 'fdatasync', shared_buffers: '128MB' },
    statementsSource: 'pg_stat_statements',
    dataset: { requestedCases: 50_000, cases: 50_322, events: 400_000, offices: 10, seedMs: 60_000 },
    instances: 2,
    ceilings: {
      typename: { 50: { label: 't', perSec: 2000, latency: summarize([1]) } },
      commits: { label: 'c', perSec: 1000, latency: summarize([1]), clients: 16 },
      wsSend: summarize([0.2]),
      wsBroadcast: null,
    },
    figures: [],
    live: { delivery: null, broadcast: null, replay: null, idle: null, unrelated: [] },
    notes: [],
    ...over,
  };
}

describe('bench helpers', () => {
  it('reads CPU ticks and the parent from /proc/<pid>/stat even when the command name holds spaces and parentheses', () => {
    // Fields after the name: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …
    const line = '4242 (postgres: bench (x) idle) S 4100 4100 4100 0 -1 4194560 120 0 0 0 250 50 0 0 20 0 1 0 1000 0 0';
    const stat = parseStat(line);
    expect(stat.ppid).toBe(4100);
    // 300 ticks at the usual 100 Hz = 3,000 ms (CLK_TCK is read from getconf; Linux uses 100).
    expect(stat.cpuMs).toBe(3000);
  });

  it('adds up PostgreSQL backends between two snapshots without going negative when a backend exits or starts', () => {
    const before = new Map([
      [10, 1000], // postmaster
      [11, 500], // a backend that exits meanwhile (its ticks are lost, not subtracted)
      [12, 200],
    ]);
    const after = new Map([
      [10, 1010],
      [12, 260],
      [13, 40], // a backend that started meanwhile counts from 0
    ]);
    expect(treeDelta(before, after)).toBe(10 + 60 + 40);
  });

  it('sums the statements-per-request histogram over every operation label of /metrics', () => {
    const text = [
      '# HELP phoihop_graphql_operation_sql_statements SQL statements per GraphQL operation',
      'phoihop_graphql_operation_sql_statements_bucket{le="5",operation="CasePage"} 3',
      'phoihop_graphql_operation_sql_statements_sum{operation="CasePage"} 63',
      'phoihop_graphql_operation_sql_statements_count{operation="CasePage"} 3',
      'phoihop_graphql_operation_sql_statements_sum{operation="PostToThread"} 18',
      'phoihop_graphql_operation_sql_statements_count{operation="PostToThread"} 2',
      'phoihop_graphql_operations_total{operation="CasePage"} 3',
    ].join('\n');
    expect(parseStatementMetric(text)).toEqual({ sum: 81, count: 5 });
  });

  it('takes nearest-rank percentiles', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(Number.isNaN(percentile([], 50))).toBe(true);
  });
});

describe('bench targets', () => {
  it('judges each figure against its own ceiling from the same run', () => {
    const rows = targets(
      results({
        figures: [
          figure('casePage', 100, 2000, 120), // 5 % of the ceiling: not met; p99 120 ms: met
          figure('post', 300, 1000, 80), // 30 %: met; p99 80 ms: not met
          figure('statsProvince', 10, 2000, 400, 250), // p95 250 ms: met
        ],
      }),
    );
    const verdict = (prefix: string) => rows.find((r) => r.target.startsWith(prefix))?.met;
    expect(verdict('case page ≥ 10 %')).toBe(false);
    expect(verdict('case page p99')).toBe(true);
    expect(verdict('post ≥ 10 %')).toBe(true);
    expect(verdict('post p99')).toBe(false);
    expect(verdict('statsProvince')).toBe(true);
  });

  it('says "not measured" instead of a verdict when a live figure is missing, and judges the ones present', () => {
    const rows = targets(
      results({
        live: {
          delivery: null,
          broadcast: {
            followers: 500,
            rounds: 10,
            delivered: 5000,
            expected: 5000,
            latency: { ...summarize([1]), p99: 30 },
            toLast: summarize([1]),
            ceiling: { sockets: 500, latency: { ...summarize([1]), p99: 10 }, toLast: summarize([1]) },
            statementsPerEvent: 12,
            mutationStatementsPerEvent: 5,
            cost: cost(),
          },
          replay: { events: 10_000, received: 10_000, ms: 500, perSec: 20_000, errors: [] },
          idle: null,
          unrelated: [
            { subscribers: 1000, events: 50, delivered: 50, cpuMsPerEvent: 2, cost: cost() },
            { subscribers: 5000, events: 50, delivered: 50, cpuMsPerEvent: 2.2, cost: cost() },
          ],
        },
      }),
    );
    const row = (prefix: string) => rows.find((r) => r.target.startsWith(prefix))!;
    expect(row('broadcast').met).toBe(false); // 3× raw ws
    expect(row('broadcast').measured).toContain('3.0×');
    // 12 in total, of which the posts' own 5: 7 to deliver, more than a few.
    expect(row('SQL statements to deliver').met).toBe(false);
    expect(row('SQL statements to deliver').measured).toMatch(/^7\.0 \(with the post mutation's own 5\.0: 12\.0\)/);
    expect(row('replay').met).toBe(true);
    expect(row('memory per idle socket').met).toBeNull();
    expect(row('delivery CPU').met).toBe(true); // 1.1×
  });

  it('does not judge idle-socket memory that shrank (GC between the readings), and judges what grew', () => {
    const idleRow = (rssKiBPerSocket: number, heapKiBPerSocket: number) =>
      targets(
        results({
          live: {
            delivery: null,
            broadcast: null,
            replay: null,
            unrelated: [],
            idle: { sockets: 990, rssKiBPerSocket, heapKiBPerSocket, ceiling: { sockets: 990, rssKiBPerSocket: 11, heapKiBPerSocket: 3 } },
          },
        }),
      ).find((r) => r.target.startsWith('memory per idle socket'))!;
    expect(idleRow(-5.4, -154.8).met).toBeNull();
    expect(idleRow(2, -10).met).toBeNull();
    expect(idleRow(2, 65).met).toBe(false);
    expect(idleRow(2, 15).met).toBe(true);
  });

  it('counts a replay that did not deliver every event as not met, whatever its rate', () => {
    const rows = targets(
      results({
        live: {
          delivery: null,
          broadcast: null,
          idle: null,
          unrelated: [],
          replay: { events: 10_000, received: 4000, ms: 100, perSec: 40_000, errors: ['closed'] },
        },
      }),
    );
    expect(rows.find((r) => r.target.startsWith('replay'))!.met).toBe(false);
  });

  it('renders the header, the targets table and per-request CPU and statements', () => {
    const md = renderReport(results({ figures: [figure('casePage', 100, 2000, 120)] }));
    expect(md).toContain('50,322 cases');
    expect(md).toContain('## Targets');
    expect(md).toContain('**not met**');
    // CPU per request: instances (300 + 100) / 100 = 4.00 ms; PostgreSQL 2.00; statements 1000 / 100 = 10.00 and 900 / 100 = 9.00.
    const row = md.split('\n').find((l) => l.startsWith('| casePage'))!;
    expect(row).toMatch(/\|\s+4\.00 \|/);
    expect(row).toMatch(/\|\s+2\.00 \|/);
    expect(row).toMatch(/\|\s+10\.00 \|/);
    expect(row).toMatch(/\|\s+9\.00 \|/);
  });
});
