import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app';
import type { Agency } from '../../server/src/modules/agencies/agency.entity';
import type { Area } from '../../server/src/modules/areas/area.entity';
import { monthBoundariesBetween, monthEndsUpTo, PeriodKind, resolvePeriod } from '../../server/src/modules/statistics/periods';
import { fillPastSnapshots, fillSnapshots, instantSources, statementSources } from '../../server/src/modules/statistics/snapshot';
import { rangeSources, reportSql, type ScopeFilter, type Statement, trendSql } from '../../server/src/modules/statistics/statistics-sql';
import { runAggregate } from '../../server/src/modules/statistics/statistics.service';
import type { User } from '../../server/src/modules/users/user.entity';
import { prng } from '../../server/src/seed/province-generator';
import { AgencyKind, type HistoryStep, insertCaseHistory, makeAgency, makeProvince, makeUser, Role } from '../support/factories';
import { createTestDatabase, ownerUrlOf, startTestApp } from '../support/harness';

/**
 * The monthly snapshot of case states (issue 14, snapshot.ts) is derived data: every figure read
 * from it must be the figure the history's range scan gives, and it must stay so when history is
 * written back-dated after a boundary was filled (an import of cases received months ago, a
 * correction) — the statement trigger `case_state_snapshot_refresh` — and when a fill and such a
 * write run at the same time (the advisory lock). The reference here is the statistics statement
 * itself with every instant read by the range scan (`rangeSources`), which is what every statement
 * did before the snapshot existed; and the snapshot rows themselves against the history rows valid at
 * each filled boundary.
 */

let app: App;
let databaseUrl: string;
let office: Agency;
let otherOffice: Agency;
let communes: Area[];
let officers: User[];
/** "Now" for the statements: the real clock (the snapshot's fill compares boundaries with the database's). */
const now = new Date();

/** The first instant of a Viet Nam month (a snapshot boundary). */
const boundaryOf = (year: number, month: number) => new Date(`${year}-${String(month).padStart(2, '0')}-01T00:00:00+07:00`);

const STATES = ['DECISION_ISSUED', 'VERIFICATION', 'ENFORCEABLE', 'NOT_YET_ENFORCEABLE', 'ENFORCING', 'POSTPONED', 'SUSPENDED'];
const FINAL = ['COMPLETED', 'TERMINATED', 'ENTRUSTED', 'RETURNED'];

/**
 * A history from `start`: some steps land exactly on a month boundary (the edge of "valid at"),
 * money grows, and about one case in three ends in a final state; no step after `now`.
 */
function historyFrom(next: () => number, start: Date): HistoryStep[] {
  const owed = BigInt(Math.floor(next() * 5e9)) * 1000n + 1n;
  let collected = 0n;
  let at = start;
  const steps: HistoryStep[] = [[at, next() < 0.3 ? 'RECEIVED' : 'DECISION_ISSUED', owed.toString(), '0']];
  for (let i = 0; i < 6; i++) {
    const gapDays = 5 + Math.floor(next() * 90);
    let t = new Date(at.getTime() + gapDays * 86_400_000);
    if (next() < 0.25) {
      const vn = new Date(t.getTime() + 7 * 3_600_000);
      t = boundaryOf(vn.getUTCFullYear(), vn.getUTCMonth() + 1);
      if (t <= at) continue;
    }
    if (t >= now) break;
    at = t;
    if (next() < 0.4) collected += (owed - collected) / 3n;
    const final = i >= 2 && next() < 0.3;
    const status = final ? FINAL[Math.floor(next() * FINAL.length)] : STATES[Math.floor(next() * STATES.length)];
    steps.push([at, status, owed.toString(), (status === 'COMPLETED' ? owed : collected).toString()]);
    if (final) break;
  }
  return steps;
}

/** Every statement's rows, run as the service runs it (its planner settings), in a stable order, as plain values (bigint sums come back as strings). */
async function rowsOf(statement: Statement) {
  const rows = await runAggregate<Array<Record<string, unknown>>>(app.orm.em.fork(), statement, 64);
  return rows
    .map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]))))
    .sort();
}

/** The sources the service uses for a statement (snapshot where filled, current after now, else range). */
const chosenSources = (start: Date, ends: readonly Date[]) => statementSources(app.orm.em.fork(), start, ends, now);

/**
 * The snapshot rows that differ from the history rows valid at their boundary (`validFrom < b ≤ validTo`,
 * accepted cases), both ways, over every filled boundary: 0 and 0 when the snapshot is exact.
 */
async function snapshotDrift() {
  const cols = 'case_id, status, lead_agency_id, commune_id, officer_id, amount_owed, amount_collected, accepted_at';
  const [row] = await app.orm.em.fork().execute<Array<{ missing: string; extra: string; rows: string }>>(
    `with expected as (
       select b.boundary, ${cols.replace(/(\w+)/g, 'h.$1')}
         from case_state_snapshot_boundary b
         join case_state_history h on h.valid_from < b.boundary and (h.valid_to is null or h.valid_to >= b.boundary)
        where h.accepted_at is not null
     )
     select (select count(*) from (select * from expected except all select boundary, ${cols} from case_state_snapshot) x) as missing,
            (select count(*) from (select boundary, ${cols} from case_state_snapshot except all select * from expected) y) as extra,
            (select count(*) from case_state_snapshot) as rows`,
  );
  return { missing: Number(row.missing), extra: Number(row.extra), rows: Number(row.rows) };
}

/** Reports (province, one office) and trends for every statistical year, quarter and some months: snapshot vs range scan. */
async function expectSnapshotFiguresEqualRangeScan() {
  const periods = [2025, 2026, 2027].flatMap((year) => [
    resolvePeriod(PeriodKind.STATISTICAL_YEAR, year),
    resolvePeriod(PeriodKind.QUARTER, year, 2),
    resolvePeriod(PeriodKind.HALF_YEAR, year, 1),
    resolvePeriod(PeriodKind.MONTH, year, 5),
  ]);
  let fromSnapshot = 0;
  const scopes: Array<Array<ScopeFilter | null>> = [[null], [{ officeId: office.id }]];
  for (const filters of scopes) {
    for (const p of periods) {
      const sources = await chosenSources(p.start, [p.end]);
      fromSnapshot += sources.start.snapshot.length + sources.ends.snapshot.length;
      expect(await rowsOf(reportSql(filters, p.end, p.start, sources)), `report ${p.start.toISOString()}`).toEqual(
        await rowsOf(reportSql(filters, p.end, p.start, rangeSources(p.start, [p.end]))),
      );
    }
    for (const year of [2025, 2026, 2027]) {
      const y = resolvePeriod(PeriodKind.STATISTICAL_YEAR, year);
      const ends = monthEndsUpTo(year, now);
      const sources = await chosenSources(y.start, ends);
      expect(await rowsOf(trendSql(filters, ends, y.start, sources)), `trend ${year}`).toEqual(
        await rowsOf(trendSql(filters, ends, y.start, rangeSources(y.start, ends))),
      );
    }
  }
  // The comparison means something only if the snapshot was read: most past instants come from it.
  expect(fromSnapshot).toBeGreaterThan(10);
}

/**
 * Earlier history of case $1: a row from $2 until its first recorded state, enforcing (accepted then),
 * as an import of what happened before the case was entered would write it.
 */
const PREPEND_SQL = `insert into case_state_history (case_id, valid_from, valid_to, status, lead_agency_id, commune_id, officer_id, amount_owed, amount_collected, accepted_at)
  select h.case_id, $2::timestamptz, h.valid_from, 'ENFORCING', h.lead_agency_id, h.commune_id, h.officer_id, h.amount_owed, 0, $2::timestamptz
    from case_state_history h where h.case_id = $1 order by h.valid_from limit 1`;

/** A generated case whose history starts after `instant` (room to write earlier history before it). */
async function caseStartingAfter(instant: Date): Promise<string> {
  const [row] = await app.orm.em.getConnection().execute(
    `select c.id from enforcement_case c where c.judgment_number like 'SNAP-%'
        and (select min(h.valid_from) from case_state_history h where h.case_id = c.id) > ?
      order by c.received_at limit 1`,
    [instant],
  );
  return row.id;
}

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  app = await startTestApp(databaseUrl);
  const province = await makeProvince(app.orm);
  communes = [province.communeA, province.communeB];
  office = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, communes, 'Phòng THADS khu vực Snapshot');
  otherOffice = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [province.communeA], 'Phòng THADS khu vực Khác');
  officers = [await makeUser(app.orm, office, [Role.ENFORCEMENT_OFFICER]), await makeUser(app.orm, office, [Role.ENFORCEMENT_OFFICER])];
  const next = prng(20261203);
  for (let i = 0; i < 60; i++) {
    const start = new Date(boundaryOf(2024, 9).getTime() + i * 11 * 86_400_000 + Math.floor(next() * 20) * 3_600_000);
    const lead = i % 5 === 4 ? otherOffice : office;
    const officer = lead === office ? officers[i % 2] : null;
    await insertCaseHistory(app.orm, `SNAP-${i}`, lead, communes[i % 2], officer, historyFrom(next, start));
  }
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('statistics: the monthly snapshot of case states', () => {
  it('fills every past month boundary once, each with the history rows valid at it', async () => {
    const em = app.orm.em.fork();
    const filled = await fillPastSnapshots(em, now);
    const [{ first }] = await em.execute<Array<{ first: Date }>>('select min(valid_from) as first from case_state_history');
    const expected = monthBoundariesBetween(new Date(first), now).filter((b) => b <= now);
    expect(filled.map((b) => b.toISOString()).sort()).toEqual(expected.map((b) => b.toISOString()).sort());
    expect(await fillPastSnapshots(em, now)).toEqual([]);
    const drift = await snapshotDrift();
    expect(drift).toMatchObject({ missing: 0, extra: 0 });
    expect(drift.rows).toBeGreaterThan(200);
  });

  it('gives every report and trend the figures of the range scan of the history', async () => {
    await expectSnapshotFiguresEqualRangeScan();
  });

  it('plans a statement without range scan with nested loops off, read-only, for its own transaction only', async () => {
    const year = resolvePeriod(PeriodKind.STATISTICAL_YEAR, 2026);
    const fromSnapshot = reportSql([null], year.end, year.start, await chosenSources(year.start, [year.end]));
    expect(fromSnapshot.settings).toEqual({ enable_nestloop: 'off' });
    expect(fromSnapshot.sql).toContain('start_rows as not materialized');
    const ranged = reportSql([null], year.end, year.start, rangeSources(year.start, [year.end]));
    expect(ranged.settings).toEqual({});
    expect(ranged.sql).toContain('start_rows as materialized');

    const em = app.orm.em.fork();
    const probe = {
      sql: `select current_setting('enable_nestloop') as nestloop, current_setting('transaction_read_only') as read_only, current_setting('work_mem') as work_mem`,
      params: [],
      settings: fromSnapshot.settings,
    };
    expect(await runAggregate(em, probe, 64)).toEqual([{ nestloop: 'off', read_only: 'on', work_mem: '64MB' }]);
    await expect(runAggregate(em, { sql: `update area set name = name`, params: [], settings: {} }, 64)).rejects.toThrow(
      /read-only transaction/,
    );
    // Local to that transaction: the pool's connections keep the server's defaults.
    for (let i = 0; i < 4; i++)
      expect(
        await em.execute(`select current_setting('enable_nestloop') as nestloop, current_setting('transaction_read_only') as read_only`),
      ).toEqual([{ nestloop: 'on', read_only: 'off' }]);
  });

  it('stays exact when history is written back-dated after a boundary was filled (insert, correction, deletion, move)', async () => {
    const conn = app.orm.em.getConnection();
    // An import of a case received in February 2025, long after those boundaries were filled.
    const imported = await insertCaseHistory(app.orm, 'SNAP-IMPORT', office, communes[0], officers[0], [
      [new Date('2025-02-03T09:00:00+07:00'), 'ENFORCING', '900000000000000001', '0'],
      [boundaryOf(2025, 6), 'ENFORCING', '900000000000000001', '300000000000000000'],
      [new Date('2025-11-20T09:00:00+07:00'), 'COMPLETED', '900000000000000001', '900000000000000001'],
    ]);
    expect(await snapshotDrift()).toMatchObject({ missing: 0, extra: 0 });
    const [{ n }] = await conn.execute(`select count(*)::int as n from case_state_snapshot where case_id = ?`, [imported]);
    expect(n).toBeGreaterThan(5);

    // A correction of a past state (the status and the money of a row valid at several boundaries).
    await conn.execute(
      `update case_state_history set status = 'SUSPENDED', amount_collected = amount_collected + 7
        where id = (select id from case_state_history where valid_to - valid_from > interval '60 days' and accepted_at is not null order by id limit 1)`,
    );
    expect(await snapshotDrift()).toMatchObject({ missing: 0, extra: 0 });

    // A correction of when a state ended (valid_to moved earlier), then of when it began.
    await conn.execute(
      `update case_state_history set valid_to = valid_to - interval '40 days'
        where id = (select id from case_state_history where valid_to - valid_from > interval '90 days' and accepted_at is not null order by id desc limit 1)`,
    );
    expect(await snapshotDrift()).toMatchObject({ missing: 0, extra: 0 });
    // A transition's date corrected: the end of one row and the start of the next move 20 days earlier together.
    await conn.execute(
      `with pair as (
         select a.id as a_id, b.id as b_id from case_state_history a
           join case_state_history b on b.case_id = a.case_id and b.valid_from = a.valid_to
          where a.valid_to - a.valid_from > interval '30 days' and a.accepted_at is not null order by a.id limit 1
       )
       update case_state_history h
          set valid_to = case when h.id = pair.a_id then h.valid_to - interval '20 days' else h.valid_to end,
              valid_from = case when h.id = pair.b_id then h.valid_from - interval '20 days' else h.valid_from end
         from pair where h.id in (pair.a_id, pair.b_id)`,
    );
    expect(await snapshotDrift()).toMatchObject({ missing: 0, extra: 0 });

    // A wrong import taken back: the case's rows deleted.
    await conn.execute(`delete from case_state_history where case_id = ?`, [imported]);
    expect(await snapshotDrift()).toMatchObject({ missing: 0, extra: 0 });

    // A history moved to another case (recorded on a duplicate, merged onto the right one).
    const right = await insertCaseHistory(app.orm, 'SNAP-MERGED', office, communes[1], officers[1], [
      [new Date('2026-01-05T09:00:00+07:00'), 'RECEIVED', '1', '0'],
    ]);
    await conn.execute(`delete from case_state_history where case_id = ?`, [right]);
    await conn.execute(
      `update case_state_history set case_id = ? where case_id = (select id from enforcement_case where judgment_number = 'SNAP-2')`,
      [right],
    );
    expect(await snapshotDrift()).toMatchObject({ missing: 0, extra: 0 });

    await expectSnapshotFiguresEqualRangeScan();
  });

  it('a fill waits for a back-dated write in progress and then includes it', async () => {
    const conn = app.orm.em.getConnection();
    const boundary = boundaryOf(2025, 3);
    // Forget one boundary, as if the job had not filled it yet.
    await conn.execute(`delete from case_state_snapshot where boundary = ?`, [boundary]);
    await conn.execute(`delete from case_state_snapshot_boundary where boundary = ?`, [boundary]);
    const caseId = await caseStartingAfter(boundary);

    const writer = new Client({ connectionString: ownerUrlOf(databaseUrl) });
    await writer.connect();
    try {
      await writer.query('begin');
      // Earlier history of a case (from January 2025), written in a transaction still open when the fill starts.
      await writer.query(PREPEND_SQL, [caseId, '2025-01-15T10:00:00+07:00']);
      let fillDone = false;
      const fill = fillSnapshots(app.orm.em.fork(), [boundary]).then((r) => {
        fillDone = true;
        return r;
      });
      await new Promise((r) => setTimeout(r, 500));
      expect(fillDone).toBe(false);
      await writer.query('commit');
      expect((await fill).map((b) => b.toISOString())).toEqual([boundary.toISOString()]);
    } finally {
      await writer.end();
    }
    const [{ n }] = await conn.execute(`select count(*)::int as n from case_state_snapshot where boundary = ? and case_id = ?`, [
      boundary,
      caseId,
    ]);
    expect(n).toBe(1);
    expect(await snapshotDrift()).toMatchObject({ missing: 0, extra: 0 });
  });

  it('a back-dated write waits for a fill in progress and then refreshes the boundary it filled', async () => {
    const conn = app.orm.em.getConnection();
    const boundary = boundaryOf(2025, 4);
    await conn.execute(`delete from case_state_snapshot where boundary = ?`, [boundary]);
    await conn.execute(`delete from case_state_snapshot_boundary where boundary = ?`, [boundary]);
    const caseId = await caseStartingAfter(new Date(boundary.getTime() + 30 * 86_400_000));

    // The fill's transaction, held open after it has copied the rows (the lock is the fill's own).
    const filler = new Client({ connectionString: ownerUrlOf(databaseUrl) });
    const writer = new Client({ connectionString: ownerUrlOf(databaseUrl) });
    await filler.connect();
    await writer.connect();
    try {
      await filler.query('begin');
      await filler.query(`select pg_advisory_xact_lock(hashtext('phoihop:case-state-snapshot'))`);
      await filler.query(
        `insert into case_state_snapshot (boundary, case_id, status, lead_agency_id, commune_id, officer_id, amount_owed, amount_collected, accepted_at)
         select $1, h.case_id, h.status, h.lead_agency_id, h.commune_id, h.officer_id, h.amount_owed, h.amount_collected, h.accepted_at
           from case_state_history h where tstzrange(h.valid_from, h.valid_to, '(]') @> $1::timestamptz and h.accepted_at is not null`,
        [boundary],
      );
      await filler.query(`insert into case_state_snapshot_boundary (boundary, filled_at, rows) values ($1, now(), 0)`, [boundary]);
      let written = false;
      const write = writer.query(PREPEND_SQL, [caseId, '2025-02-10T10:00:00+07:00']).then(() => {
        written = true;
      });
      await new Promise((r) => setTimeout(r, 500));
      expect(written).toBe(false);
      await filler.query('commit');
      await write;
    } finally {
      await filler.end();
      await writer.end();
    }
    const [{ n }] = await app.orm.em
      .getConnection()
      .execute(`select count(*)::int as n from case_state_snapshot where boundary = ? and case_id = ?`, [boundary, caseId]);
    expect(n).toBe(1);
    expect(await snapshotDrift()).toMatchObject({ missing: 0, extra: 0 });
  });

  it('reads a past boundary not filled yet from the history while another fill runs, else fills it on demand', async () => {
    const conn = app.orm.em.getConnection();
    const boundary = boundaryOf(2025, 8);
    await conn.execute(`delete from case_state_snapshot where boundary = ?`, [boundary]);
    await conn.execute(`delete from case_state_snapshot_boundary where boundary = ?`, [boundary]);
    // While another fill holds the lock, a request does not wait for it: it reads the boundary from the history.
    const otherFill = new Client({ connectionString: ownerUrlOf(databaseUrl) });
    await otherFill.connect();
    try {
      await otherFill.query('begin');
      await otherFill.query(`select pg_advisory_xact_lock(hashtext('phoihop:case-state-snapshot'))`);
      const busy = await instantSources(app.orm.em.fork(), [boundary], now);
      expect(busy).toMatchObject({ snapshot: [], range: [boundary] });
      await otherFill.query('rollback');
    } finally {
      await otherFill.end();
    }
    const sources = await instantSources(app.orm.em.fork(), [boundary, boundaryOf(2027, 1)], now);
    expect(sources.snapshot.map((b) => b.toISOString())).toEqual([boundary.toISOString()]);
    expect(sources.current.map((b) => b.toISOString())).toEqual([boundaryOf(2027, 1).toISOString()]);
    expect(await snapshotDrift()).toMatchObject({ missing: 0, extra: 0 });
    await expectSnapshotFiguresEqualRangeScan();
  });
});
