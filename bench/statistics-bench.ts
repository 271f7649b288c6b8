/**
 * Statistics benchmark (issue 14): builds the demo province plus a generated province of `--cases`
 * cases (default 50,000) with their state history and event log, then measures the statistics query
 * through GraphQL over HTTP for the whole province and for one office, current and last statistical
 * year, and the dashboard's first-paint data (report + trend + stuck lists + targets, in parallel).
 * Each figure is shown beside a ceiling measured in the same run: a trivial GraphQL query
 * (`serverInfo`) and a trivial SQL statement. Writes bench/results/statistics.json and the SQL plan
 * to bench/results/statistics-explain.txt. It measures; it never asserts.
 *
 * Run: npm run bench:statistics [-- --cases 50000]
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { build, type App } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import { createLogger } from '../server/src/logger';
import { PeriodKind, resolvePeriod, statisticalYearOf } from '../server/src/modules/statistics/periods';
import { statementSources } from '../server/src/modules/statistics/snapshot';
import { reportSql } from '../server/src/modules/statistics/statistics-sql';
import { runAggregate } from '../server/src/modules/statistics/statistics.service';
import { PROJECT_ROOT } from '../server/src/paths';
import { seedProvince } from '../server/src/seed/seed-province-cli';
import { fmt, now, roundSummary, summarize, table, type LatencySummary } from './stats';

/** `--iterations N` shortens a run (e.g. to compare plans quickly); the ceilings get N × 4 samples. */
const argIterations = () => {
  const i = process.argv.indexOf('--iterations');
  const n = i >= 0 ? Number(process.argv[i + 1]) : 30;
  return Number.isInteger(n) && n > 0 ? n : 30;
};
const PLAN = { warmup: 3, iterations: argIterations(), capMs: 60_000, trivialIterations: Math.min(200, argIterations() * 4) };
const log = (message: string) => console.log(`· ${message}`);

const argCases = () => {
  const i = process.argv.indexOf('--cases');
  return i >= 0 ? Number(process.argv[i + 1]) : 50_000;
};
/** `--keep DIR`: keep the database in DIR and reuse it when it already holds the generated province (to compare plans). */
const argKeep = () => {
  const i = process.argv.indexOf('--keep');
  return i >= 0 ? process.argv[i + 1] : undefined;
};

async function gql(app: App, query: string, variables: Record<string, unknown>, token?: string) {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function measure(run: () => Promise<unknown>, iterations = PLAN.iterations): Promise<LatencySummary> {
  for (let i = 0; i < PLAN.warmup; i++) await run();
  const samples: number[] = [];
  const deadline = now() + PLAN.capMs;
  for (let i = 0; i < iterations && now() < deadline; i++) {
    const t = now();
    await run();
    samples.push(now() - t);
  }
  return summarize(samples);
}

const REPORT = `query($p: StatisticsPeriodInput!, $s: StatisticsScopeInput) { statistics(period: $p, scope: $s) {
  totals { totalAccepted { cases money } enforceable { cases money } completed { cases money } caseRate { percent target } moneyRate { percent target } }
  byAgency { id name rows { totalAccepted { cases } caseRate { percent } } } byCommune { id } byOfficer { id } } }`;
const TREND = `query($s: StatisticsScopeInput) { statisticsTrend(scope: $s) { month caseRate { percent } moneyRate { percent } } }`;
const STUCK = `query($s: StatisticsScopeInput) { stuckOverview(scope: $s) { backlogCases hardCases overdueTasks escalationsAwaiting upcomingCoercions { actionId } overdueByAgency { agencyId } } }`;
const TARGETS = `query($y: Int!) { statisticsTargets(statisticalYear: $y) { id } }`;

async function main(): Promise<void> {
  const cases = argCases();
  const keep = argKeep();
  const dataDir = keep ?? mkdtempSync(join(tmpdir(), 'phoihop-bench-stats-'));
  mkdirSync(dataDir, { recursive: true });
  chmodSync(dataDir, 0o711);
  let app: App | undefined;
  try {
    const loadStart = loadavg();
    app = await build(
      loadConfig({ DATA_DIR: dataDir, PORT: 0, HOST: '127.0.0.1', LOG_LEVEL: 'silent', SERVE_CLIENT: false, SEED_DEMO: true }, {}),
      { logger: createLogger('silent') },
    );
    const conn = app.orm.em.fork().getConnection();
    const [present] = await conn.execute<Array<{ n: number }>>(`select count(*)::int as n from enforcement_case`);
    let seeded = { cases: 0, ms: 0 };
    if (keep && present.n >= cases) log(`reusing ${present.n} cases in ${dataDir}`);
    else {
      log(`generating ${cases} cases …`);
      seeded = await seedProvince(app.orm.em.fork() as EntityManager, { cases, offices: 10, seed: 1 });
    }
    await conn.execute('analyze');
    const [counts] = await conn.execute<Array<Record<string, number>>>(
      `select (select count(*) from enforcement_case)::int as cases, (select count(*) from case_state_history)::int as history, (select count(*) from event)::int as events`,
    );
    log(`seeded in ${(seeded.ms / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);

    const token = (
      await gql(app, 'mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }', {
        i: { username: 'bcd.lamson', password: 'PhoiHop@2026' },
      })
    ).signIn.accessToken;
    const [office] = await conn.execute<Array<{ id: string; name: string }>>(
      `select id, name from agency where code like 'THADS-%-1' order by created_at desc limit 1`,
    );
    const year = statisticalYearOf(new Date());
    const period = (y: number) => ({ kind: 'STATISTICAL_YEAR', statisticalYear: y });

    const rows: Array<{ name: string; s: LatencySummary }> = [];
    rows.push({ name: 'ceiling: SQL select 1', s: await measure(() => conn.execute('select 1'), PLAN.trivialIterations) });
    rows.push({
      name: 'ceiling: GraphQL serverInfo',
      s: await measure(() => gql(app!, '{ serverInfo { version } }', {}, token), PLAN.trivialIterations),
    });
    for (const [label, scope] of [
      ['province', null],
      ['one office', { agencyId: office.id }],
    ] as const) {
      for (const y of [year, year - 1]) {
        rows.push({
          name: `statistics, ${label}, ${y === year ? 'current' : 'last'} year`,
          s: await measure(() => gql(app!, REPORT, { p: period(y), s: scope }, token)),
        });
      }
    }
    rows.push({ name: 'trend (12 months, one query), province', s: await measure(() => gql(app!, TREND, { s: null }, token)) });
    rows.push({ name: 'stuck lists, province', s: await measure(() => gql(app!, STUCK, { s: null }, token)) });
    rows.push({
      name: 'dashboard first paint (4 queries in parallel)',
      s: await measure(() =>
        Promise.all([
          gql(app!, REPORT, { p: period(year), s: null }, token),
          gql(app!, TREND, { s: null }, token),
          gql(app!, STUCK, { s: null }, token),
          gql(app!, TARGETS, { y: year }, token),
        ]),
      ),
    });

    const ceiling = rows[1].s.p95;
    console.log(
      `\nStatistics on ${counts.cases} cases, ${counts.history} state-history rows, ${counts.events} events (${cpus().length} CPUs, load ${loadStart.map((l) => l.toFixed(2)).join('/')})\n`,
    );
    console.log(
      table(
        ['request', 'n', 'p50 ms', 'p95 ms', 'max ms', '× GraphQL ceiling p95'],
        rows.map((r) => [r.name, String(r.s.count), fmt(r.s.p50, 1), fmt(r.s.p95, 1), fmt(r.s.max, 1), fmt(r.s.p95 / ceiling, 1)]),
      ),
    );

    // The plan of the province's current-year statistics, as the service runs it (steering committee reach, the
    // states at the period's start from the snapshot, at its end — after now — from the current rows).
    const p = resolvePeriod(PeriodKind.STATISTICAL_YEAR, year);
    const [lsPath] = await conn.execute<Array<{ path: string }>>(`select path from area where code = 'LS'`);
    const statement = reportSql(
      [{ areaPaths: [lsPath.path] }],
      p.end,
      p.start,
      await statementSources(app.orm.em.fork() as EntityManager, p.start, [p.end]),
    );
    // As StatisticsService runs it: the statement's planner settings, the statistics work_mem, read-only.
    const plan = await runAggregate<Array<{ 'QUERY PLAN': string }>>(
      app.orm.em.fork() as EntityManager,
      { ...statement, sql: `explain (analyze, buffers, costs off) ${statement.sql}` },
      app.services.config.STATISTICS_WORK_MEM_MB,
    );
    const out = join(PROJECT_ROOT, 'bench', 'results');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'statistics-explain.txt'), plan.map((r) => r['QUERY PLAN']).join('\n') + '\n');
    writeFileSync(
      join(out, 'statistics.json'),
      JSON.stringify(
        {
          generatedAt: new Date().toISOString(),
          counts,
          seedMs: seeded.ms,
          cpuCount: cpus().length,
          loadAvgStart: loadStart,
          loadAvgEnd: loadavg(),
          rows: rows.map((r) => ({ name: r.name, ...roundSummary(r.s) })),
        },
        null,
        2,
      ) + '\n',
    );
    log('wrote bench/results/statistics.json and bench/results/statistics-explain.txt');
  } finally {
    await app?.close();
    if (!keep) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
