/**
 * Does the event log need partitioning? Bulk-loads synthetic events (50,000 cases, 40 agencies) into
 * an embedded PostgreSQL in steps up to 10^7 rows and, at each size, times the reads the server runs
 * against the log — the dispatcher's tail read, replay after an old cursor (all topics and one case's
 * topic), the head cursor, the resume-point look-up — as ratios to a trivial `select 1` measured in the
 * same run. Prints a table and writes bench/results/event-log-scale.json. It measures; it never asserts.
 *
 * Run: npm run bench:event-log [-- 1000000,10000000]   (sizes; default 10^6 and 10^7)
 *
 * Synthetic transaction ids: a real log has one xid per business transaction, far more than a fresh
 * cluster has handed out. The load spreads rows over the xids below the current watermark, in id
 * order, so (tx_id, id) order is realistic for the B-tree; only the rows-per-xid ratio differs.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { startEmbeddedPostgres } from '../server/src/db/embedded-postgres';
import { migrateUp, openOrm } from '../server/src/db/orm';
import { START_CURSOR, type Cursor } from '../server/src/events/cursor';
import { findEventAt, headCursor, readEventsAfter } from '../server/src/events/event-log';
import { createLogger } from '../server/src/logger';
import { PROJECT_ROOT } from '../server/src/paths';
import { fmt, now, summarize, table, type LatencySummary } from './stats';

const PLAN = {
  sizes: (process.argv[2] ?? '1000000,10000000').split(',').map(Number),
  cases: 50_000,
  agencies: 40,
  /** Rows per INSERT … SELECT statement (keeps each statement's memory and WAL bounded). */
  loadBatch: 500_000,
  /** Timed repetitions per query and size, and a time cap per query. */
  repetitions: 200,
  capMs: 15_000,
};

interface QueryResult {
  name: string;
  latency: LatencySummary;
  ratio: number;
}

interface SizeResult {
  rows: number;
  loadSeconds: number;
  tableMiB: number;
  indexesMiB: number;
  queries: QueryResult[];
}

const rnd = (n: number) => Math.floor(Math.random() * n);

async function timeQuery(name: string, run: () => Promise<unknown>): Promise<{ name: string; latency: LatencySummary }> {
  for (let i = 0; i < 10; i++) await run(); // warm the cache and the plan
  const samples: number[] = [];
  const deadline = now() + PLAN.capMs;
  for (let i = 0; i < PLAN.repetitions && now() < deadline; i++) {
    const started = now();
    await run();
    samples.push(now() - started);
  }
  return { name, latency: summarize(samples) };
}

/** Appends `count` synthetic events after `from` rows (ids continue; stream_seq per case continues). */
async function load(orm: MikroORM, from: number, count: number, maxTx: number, total: number): Promise<void> {
  const conn = orm.em.getConnection();
  for (let start = from; start < from + count; start += PLAN.loadBatch) {
    const end = Math.min(from + count, start + PLAN.loadBatch) - 1;
    await conn.execute(
      `insert into event (id, tx_id, stream, stream_seq, type, actor_id, topics, payload, occurred_at, prev_hash, hash)
       select g + 1,
              (3 + (g::numeric * ${maxTx - 3} / ${total})::bigint)::text::xid8,
              'case:' || (g % ${PLAN.cases}),
              g / ${PLAN.cases} + 1,
              'case.updated', null,
              array['case:' || (g % ${PLAN.cases}), 'agency:' || (g % ${PLAN.agencies})],
              jsonb_build_object('caseId', 'case-' || (g % ${PLAN.cases}), 'version', g / ${PLAN.cases} + 1, 'notes', 'ghi chú'),
              now() - make_interval(secs => (${total} - g) * 0.3),
              md5(g::text) || md5(g::text), md5((g + 1)::text) || md5((g + 1)::text)
       from generate_series(${start}::bigint, ${end}::bigint) g`,
    );
  }
}

async function sizeMiB(orm: MikroORM): Promise<{ table: number; indexes: number }> {
  const [row] = await orm.em
    .getConnection()
    .execute<{ t: string; i: string }[]>(`select pg_table_size('event')::text as t, pg_indexes_size('event')::text as i`);
  return { table: Number(row.t) / 2 ** 20, indexes: Number(row.i) / 2 ** 20 };
}

async function cursorAt(orm: MikroORM, id: number): Promise<Cursor> {
  const [row] = await orm.em
    .getConnection()
    .execute<{ position: string }[]>(`select position::text as position from event_position where event_id = ?`, [id]);
  return BigInt(row.position);
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'phoihop-bench-log-'));
  chmodSync(dataDir, 0o711);
  const logger = createLogger('warn', {}, { pretty: false });
  const db = await startEmbeddedPostgres({
    dataDir,
    logger,
    settings: {
      fsync: 'off',
      synchronous_commit: 'off',
      full_page_writes: 'off',
      max_wal_size: '8GB',
      maintenance_work_mem: '256MB',
      shared_buffers: '256MB',
    },
  });
  const orm = await openOrm(db.url);
  const stop = async () => {
    await orm.close(true).catch(() => {});
    await db.stop().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.on('SIGINT', () => void stop().then(() => process.exit(130)));
  const loadStart = loadavg();
  try {
    await migrateUp(orm);
    const conn = orm.em.getConnection();
    const [{ xid }] = await conn.execute<{ xid: string }[]>(`select pg_snapshot_xmin(pg_current_snapshot())::text as xid`);
    const maxTx = Number(xid) - 1;
    const total = Math.max(...PLAN.sizes);
    const results: SizeResult[] = [];
    let loaded = 0;
    for (const size of PLAN.sizes.sort((a, b) => a - b)) {
      console.log(`· loading ${size - loaded} rows (to ${size})…`);
      // Bulk load the way an operator would: secondary indexes dropped, rebuilt once afterwards.
      await conn.execute(
        `drop index if exists event_topics_gin; drop index if exists event_tx_order_idx; alter table event drop constraint if exists event_stream_stream_seq_unique`,
      );
      const started = now();
      await load(orm, loaded, size - loaded, maxTx, total);
      await conn.execute(
        `create index event_topics_gin on event using gin (topics); create index event_tx_order_idx on event (tx_id, id); alter table event add constraint event_stream_stream_seq_unique unique (stream, stream_seq)`,
      );
      await conn.execute('vacuum analyze event');
      const loadSeconds = (now() - started) / 1000;
      loaded = size;
      const sizes = await sizeMiB(orm);
      console.log(
        `· ${size} rows in ${fmt(loadSeconds, 1)} s (table ${fmt(sizes.table, 0)} MiB, indexes ${fmt(sizes.indexes, 0)} MiB); timing reads…`,
      );

      const em = () => orm.em.fork();
      const nearHead = await cursorAt(orm, size - 100);
      const oldCursors = await Promise.all(Array.from({ length: 20 }, () => cursorAt(orm, 1 + rnd(size - 1000))));
      const timed = [
        await timeQuery('select 1 (baseline)', () => conn.execute('select 1')),
        await timeQuery('dispatcher tail: 100 new events after a cursor near the head', () =>
          readEventsAfter(em(), nearHead, { limit: 500 }),
        ),
        await timeQuery('replay: 200 events after an old cursor (all topics)', () =>
          readEventsAfter(em(), oldCursors[rnd(20)], { limit: 200 }),
        ),
        await timeQuery('replay one case: 200 events of case:X after an old cursor', () =>
          readEventsAfter(em(), oldCursors[rnd(20)], { limit: 200, topics: [`case:${rnd(PLAN.cases)}`] }),
        ),
        await timeQuery("replay one case's whole history (from the start)", () =>
          readEventsAfter(em(), START_CURSOR, { limit: 200, topics: [`case:${rnd(PLAN.cases)}`] }),
        ),
        await timeQuery('replay one agency: 200 events of agency:X after an old cursor', () =>
          readEventsAfter(em(), oldCursors[rnd(20)], { limit: 200, topics: [`agency:${rnd(PLAN.agencies)}`] }),
        ),
        await timeQuery('head cursor (subscribe "from now")', () => headCursor(em())),
        await timeQuery('resume check: find the event at a cursor', () =>
          findEventAt(em(), { kind: 'position', position: oldCursors[rnd(20)] }),
        ),
      ];
      const baseline = timed[0].latency.p50;
      results.push({
        rows: size,
        loadSeconds,
        tableMiB: sizes.table,
        indexesMiB: sizes.indexes,
        queries: timed.map((q) => ({ ...q, ratio: q.latency.p50 / baseline })),
      });
    }

    console.log(
      `\nEvent log at scale — load average at start ${loadStart.map((l) => fmt(l, 2)).join(' / ')}, at end ${loadavg()
        .map((l) => fmt(l, 2))
        .join(' / ')}\n`,
    );
    const names = results[0].queries.map((q) => q.name);
    console.log(
      table(
        ['query', ...results.flatMap((r) => [`p50 ms @${r.rows.toExponential(0)}`, `p95 ms`, `× select 1`])],
        names.map((name) => [
          name,
          ...results.flatMap((r) => {
            const q = r.queries.find((x) => x.name === name)!;
            return [fmt(q.latency.p50, 2), fmt(q.latency.p95, 2), fmt(q.ratio, 1)];
          }),
        ]),
      ),
    );
    console.log(
      '\n' +
        table(
          ['rows', 'load s', 'table MiB', 'indexes MiB'],
          results.map((r) => [String(r.rows), fmt(r.loadSeconds, 1), fmt(r.tableMiB, 0), fmt(r.indexesMiB, 0)]),
        ),
    );
    const out = join(PROJECT_ROOT, 'bench/results');
    mkdirSync(out, { recursive: true });
    writeFileSync(
      join(out, 'event-log-scale.json'),
      JSON.stringify(
        { generatedAt: new Date().toISOString(), plan: PLAN, loadAvgStart: loadStart, loadAvgEnd: loadavg(), results },
        null,
        2,
      ),
    );
  } finally {
    await stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
