import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app';
import type { Agency } from '../../server/src/modules/agencies/agency.entity';
import type { Area } from '../../server/src/modules/areas/area.entity';
import type { User } from '../../server/src/modules/users/user.entity';
import { AgencyKind, type HistoryStep, insertCaseHistory, makeAgency, makeProvince, makeUser, Role, signIn } from '../support/factories';
import { createTestDatabase, eventually, gql, startTestApp } from '../support/harness';
import { collect, connectWs } from '../support/ws';

/**
 * The hand-worked test (issue 14): a dataset written down by hand as state histories, with every
 * figure of every row worked out on paper below — independently of the statistics code. The data
 * goes straight into the tables (plain SQL), so the only code under test is the statistics query.
 *
 * Statistical year 2026 = 1/10/2025 00:00 – 30/9/2026 24:00 (Viet Nam time). Office A, communes C1, C2.
 */

const ROWS = `carriedOver { cases money } newlyAccepted { cases money } totalAccepted { cases money } entrustedOut { cases money }
  totalToEnforce { cases money } notYetEnforceable { cases money } enforceable { cases money } completed { cases money }
  completedFullyCases completedTerminatedCases completedPartlyCases terminatedUncollectedMoney
  postponed { cases money } suspended { cases money } inProgress { cases money } carriedToNext { cases money }
  caseRate { numerator denominator percent target gap met } moneyRate { numerator denominator percent target gap met }`;
const REPORT = `query($period: StatisticsPeriodInput!, $scope: StatisticsScopeInput) {
  statistics(period: $period, scope: $scope) { scope { kind name } period { firstDay lastDay }
    totals { ${ROWS} } byCommune { id name rows { ${ROWS} } } byOfficer { id name rows { totalAccepted { cases money } completed { cases money } } } byAgency { id name rows { totalAccepted { cases } } } } }`;
const YEAR_2026 = { kind: 'STATISTICAL_YEAR', statisticalYear: 2026 };

/** Noon, Viet Nam time, of a local date (away from any period boundary unless said otherwise). */
const day = (date: string) => new Date(`${date}T12:00:00+07:00`);
/** Exactly midnight, Viet Nam time: the first instant of that local day. */
const midnight = (date: string) => new Date(`${date}T00:00:00+07:00`);

let app: App;
let officeA: Agency;
let officeB: Agency;
let province: Area;
let c1: Area;
let c2: Area;
let o1: User;
let o2: User;
let adminToken: string;
let headAToken: string;
const caseIds = new Map<string, string>();

/** A case of the hand-worked dataset (tests/support/factories.ts `insertCaseHistory`), remembered by key. */
async function historyCase(key: string, lead: Agency, commune: Area, officer: User | null, steps: HistoryStep[]) {
  caseIds.set(key, await insertCaseHistory(app.orm, `HW-${key}`, lead, commune, officer, steps));
}

beforeAll(async () => {
  app = await startTestApp(await createTestDatabase(), { STATISTICS_LIVE_DEBOUNCE_MS: 1000 });
  ({ province, communeA: c1, communeB: c2 } = await makeProvince(app.orm));
  officeA = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [c1, c2], 'Phòng THADS khu vực A');
  officeB = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [c1], 'Phòng THADS khu vực B');
  o1 = await makeUser(app.orm, officeA, [Role.ENFORCEMENT_OFFICER]);
  o2 = await makeUser(app.orm, officeA, [Role.ENFORCEMENT_OFFICER]);
  const admin = await makeUser(app.orm, officeA, [Role.SYSTEM_ADMIN]);
  adminToken = (await signIn(app, admin.username)).accessToken;
  headAToken = (await signIn(app, (await makeUser(app.orm, officeA, [Role.AGENCY_HEAD])).username)).accessToken;

  // K1 carried over (accepted 10/6/2025, 100 M collected before the year), paid the remaining 677 M, completed.
  await historyCase('K1', officeA, c1, o1, [
    [day('2025-06-10'), 'ENFORCING', '777000000', '0'],
    [day('2025-08-01'), 'ENFORCING', '777000000', '100000000'],
    [day('2026-01-15'), 'ENFORCING', '777000000', '777000000'],
    [day('2026-01-20'), 'COMPLETED', '777000000', '777000000'],
  ]);
  // K2 new (5/11/2025), owes 4,600,000,000,000,001 đ (> 2^53), 600,000,000,000,000 collected; still enforcing.
  await historyCase('K2', officeA, c1, o1, [
    [day('2025-11-01'), 'RECEIVED', '4600000000000001', '0'],
    [day('2025-11-05'), 'DECISION_ISSUED', '4600000000000001', '0'],
    [day('2025-12-01'), 'ENFORCING', '4600000000000001', '0'],
    [day('2026-03-01'), 'ENFORCING', '4600000000000001', '600000000000000'],
  ]);
  // K3 new (1/12/2025), owes 5,000,000,000,000,003 đ, entrusted out on 1/2/2026 with nothing collected.
  await historyCase('K3', officeA, c1, o1, [
    [day('2025-12-01'), 'DECISION_ISSUED', '5000000000000003', '0'],
    [day('2026-02-01'), 'ENTRUSTED', '5000000000000003', '0'],
  ]);
  // K4 carried over (1/7/2025), 300 M, terminated in full on 10/4/2026 (nothing collected).
  await historyCase('K4', officeA, c1, o1, [
    [day('2025-07-01'), 'ENFORCING', '300000000', '0'],
    [day('2026-04-10'), 'TERMINATED', '300000000', '0'],
  ]);
  // K5 new (1/2/2026), 200 M, 50 M collected, then terminated: partly enforced, the rest (150 M) terminated.
  await historyCase('K5', officeA, c1, o1, [
    [day('2026-02-01'), 'ENFORCING', '200000000', '0'],
    [day('2026-03-05'), 'ENFORCING', '200000000', '50000000'],
    [day('2026-05-01'), 'TERMINATED', '200000000', '50000000'],
  ]);
  // K6 carried over (1/8/2025), 1,000 M, not yet enforceable since 1/9/2025 (before the year) and still.
  await historyCase('K6', officeA, c1, o2, [
    [day('2025-08-01'), 'VERIFICATION', '1000000000', '0'],
    [day('2025-09-01'), 'NOT_YET_ENFORCEABLE', '1000000000', '0'],
  ]);
  // K7 new (10/1/2026), 90 M, postponed on 1/6/2026.
  await historyCase('K7', officeA, c1, o2, [
    [day('2026-01-10'), 'ENFORCEABLE', '90000000', '0'],
    [day('2026-06-01'), 'POSTPONED', '90000000', '0'],
  ]);
  // K8 carried over (1/5/2025), 120 M with 20 M collected before the year, suspended since 20/9/2025.
  await historyCase('K8', officeA, c2, o2, [
    [day('2025-05-01'), 'ENFORCING', '120000000', '0'],
    [day('2025-06-01'), 'ENFORCING', '120000000', '20000000'],
    [day('2025-09-20'), 'SUSPENDED', '120000000', '20000000'],
  ]);
  // K9 completed before the year began: not in the year at all.
  await historyCase('K9', officeA, c2, o2, [
    [day('2025-03-01'), 'ENFORCING', '10000000', '0'],
    [day('2025-09-10'), 'COMPLETED', '10000000', '10000000'],
  ]);
  // K10 accepted after the year (5/10/2026): not in it.
  await historyCase('K10', officeA, c2, o2, [[day('2026-10-05'), 'DECISION_ISSUED', '5000000', '0']]);
  // K11 received in the year but never accepted (no decision): not in it.
  await historyCase('K11', officeA, c2, o2, [[day('2026-09-01'), 'RECEIVED', '7000000', '0']]);
  // K12 another office's case (office B, commune C1): not office A's; in the province's figures.
  await historyCase('K12', officeB, c1, null, [[day('2025-11-01'), 'ENFORCING', '60000000', '0']]);
  // K13 new (20/10/2025), 400 M, 100 M collected, then entrusted out: partly enforced, the rest (300 M) entrusted.
  await historyCase('K13', officeA, c2, o2, [
    [day('2025-10-20'), 'ENFORCING', '400000000', '0'],
    [day('2026-02-10'), 'ENFORCING', '400000000', '100000000'],
    [day('2026-03-01'), 'ENTRUSTED', '400000000', '100000000'],
  ]);
  // K14 accepted at the very first instant of the year (1/10/2025 00:00): new; no money (hand over land).
  await historyCase('K14', officeA, c2, o2, [[midnight('2025-10-01'), 'ENFORCEABLE', '0', '0']]);
  // K15 new (1/5/2026), 250 M, enforcing at the year's end; paid and completed on 15/10/2026 — after the year.
  await historyCase('K15', officeA, c2, o2, [
    [day('2026-05-01'), 'ENFORCING', '250000000', '0'],
    [day('2026-10-15'), 'COMPLETED', '250000000', '250000000'],
  ]);
  // K16 new (20/11/2025), 80 M, not yet enforceable on 5/1/2026, request returned on 1/4/2026 (Đ.51).
  await historyCase('K16', officeA, c2, o2, [
    [day('2025-11-20'), 'VERIFICATION', '80000000', '0'],
    [day('2026-01-05'), 'NOT_YET_ENFORCEABLE', '80000000', '0'],
    [day('2026-04-01'), 'RETURNED', '80000000', '0'],
  ]);
});

afterAll(async () => {
  await app?.close();
});

describe('statistics, worked by hand (rule 9, Thông tư 06/2019/TT-BTP)', () => {
  it('office A, statistical year 2026: every row, cases and money', async () => {
    const target = await gql(
      app,
      'mutation($i: SetStatisticsTargetInput!) { setStatisticsTarget(input: $i) { caseRatePercent } }',
      {
        i: { agencyId: officeA.id, statisticalYear: 2026, caseRatePercent: '83.25', moneyRatePercent: '46.45' },
      },
      adminToken,
    );
    expect(target.errors).toBeUndefined();

    const res = await gql(app, REPORT, { period: YEAR_2026, scope: { agencyId: officeA.id } }, headAToken);
    expect(res.errors).toBeUndefined();
    const r = res.data!.statistics;
    expect(r.period).toEqual({ firstDay: '2025-10-01', lastDay: '2026-09-30' });
    // Cases. Carried over = open just before 1/10/2025: K1, K4, K6, K8 (K9 had completed) → 4.
    // Newly accepted in the year: K2, K3, K5, K7, K13, K14, K15, K16 → 8 (K10 later, K11 never accepted).
    // Total accepted 4 + 8 = 12. Entrusted out with nothing collected: K3 → 1. Total to enforce 12 − 1 = 11.
    // Not yet enforceable: K6 and K16 (returned, Đ.51) → 2. Enforceable 11 − 2 = 9.
    // Completed: K1 fully; K4 terminated in full; K5 (rest terminated) and K13 (rest entrusted) partly → 4.
    // Postponed K7 → 1; suspended K8 → 1; in progress K2, K14, K15 → 3 (4 + 1 + 1 + 3 = 9).
    // Carried to next = still open on 30/9/2026: K2, K6, K7, K8, K14, K15 → 6 (= 11 − 4 completed − 1 returned).
    // Case rate 4 / 9 = 44.444…% → 44.44; target 83.25 → gap −38.81, not met.
    //
    // Money (đồng). Carried over = owed − collected just before the year:
    //   K1 777,000,000 − 100,000,000 = 677,000,000; K4 300,000,000; K6 1,000,000,000; K8 120,000,000 − 20,000,000 = 100,000,000
    //   → 677 + 300 + 1,000 + 100 million = 2,077,000,000.
    // Newly accepted = owed by the new cases: K2 4,600,000,000,000,001 + K3 5,000,000,000,000,003 = 9,600,000,000,000,004,
    //   plus K5 200 M + K7 90 M + K13 400 M + K14 0 + K15 250 M + K16 80 M = 1,020,000,000 → 9,600,001,020,000,004.
    // Total accepted 2,077,000,000 + 9,600,001,020,000,004 = 9,600,003,097,000,004.
    // Entrusted out = what was not collected of entrusted cases: K3 5,000,000,000,000,003 + K13 400 M − 100 M = 300,000,000
    //   → 5,000,000,300,000,003 (the row's case count stays 1: K13 counts as completed, partly).
    // Total to enforce 9,600,003,097,000,004 − 5,000,000,300,000,003 = 4,600,002,797,000,001.
    // Not yet enforceable: K6 1,000,000,000 + K16 80,000,000 = 1,080,000,000. Enforceable 4,600,001,717,000,001.
    // Completed money = collected during the year on enforceable cases:
    //   K1 677,000,000 + K2 600,000,000,000,000 + K5 50,000,000 + K13 100,000,000 = 600,000,827,000,000
    //   (K8's 20 M was collected before the year; K15's 250 M after it).
    // Terminated, not collected: K4 300,000,000 + K5 150,000,000 = 450,000,000.
    // Postponed K7 90,000,000; suspended K8 100,000,000; in progress K2 4,000,000,000,000,001 + K14 0 + K15 250,000,000
    //   = 4,000,000,250,000,001. Check: 600,000,827,000,000 + 450,000,000 + 90,000,000 + 100,000,000
    //   + 4,000,000,250,000,001 = 4,600,001,717,000,001 = enforceable.
    // Carried to next = still owed by open cases: K2 4,000,000,000,000,001 + K6 1,000,000,000 + K7 90,000,000
    //   + K8 100,000,000 + K14 0 + K15 250,000,000 = 4,000,001,440,000,001.
    // Money rate 600,000,827,000,000 / 4,600,001,717,000,001 = 0.130434…→ 13.04%; target 46.45 → gap −33.41.
    expect(r.totals).toEqual({
      carriedOver: { cases: 4, money: '2077000000' },
      newlyAccepted: { cases: 8, money: '9600001020000004' },
      totalAccepted: { cases: 12, money: '9600003097000004' },
      entrustedOut: { cases: 1, money: '5000000300000003' },
      totalToEnforce: { cases: 11, money: '4600002797000001' },
      notYetEnforceable: { cases: 2, money: '1080000000' },
      enforceable: { cases: 9, money: '4600001717000001' },
      completed: { cases: 4, money: '600000827000000' },
      completedFullyCases: 1,
      completedTerminatedCases: 1,
      completedPartlyCases: 2,
      terminatedUncollectedMoney: '450000000',
      postponed: { cases: 1, money: '90000000' },
      suspended: { cases: 1, money: '100000000' },
      inProgress: { cases: 3, money: '4000000250000001' },
      carriedToNext: { cases: 6, money: '4000001440000001' },
      caseRate: { numerator: '4', denominator: '9', percent: 44.44, target: 83.25, gap: -38.81, met: false },
      moneyRate: { numerator: '600000827000000', denominator: '4600001717000001', percent: 13.04, target: 46.45, gap: -33.41, met: false },
    });

    // By commune. C1: K1, K2, K3, K4, K5, K6, K7 → accepted 7 (carried K1, K4, K6 = 3; new K2, K3, K5, K7 = 4);
    //   completed K1, K4, K5 = 3; enforceable = 7 − K3 (entrusted) − K6 (not yet) = 5; rate 3/5 = 60%.
    //   Collected: K1 677,000,000 + K2 600,000,000,000,000 + K5 50,000,000 = 600,000,727,000,000.
    // C2: K8, K13, K14, K15, K16 → accepted 5; completed K13 = 1; enforceable 5 − K16 = 4; rate 1/4 = 25%.
    const c1Line = r.byCommune.find((l: any) => l.id === c1.id).rows;
    expect([c1Line.totalAccepted, c1Line.carriedOver.cases, c1Line.completed, c1Line.enforceable.cases, c1Line.caseRate.percent]).toEqual([
      { cases: 7, money: '9600002267000004' }, // 677 M + 300 M + 1,000 M + 200 M + 90 M = 2,267 M, + 4,600,000,000,000,001 + 5,000,000,000,000,003
      3,
      { cases: 3, money: '600000727000000' },
      5,
      60,
    ]);
    const c2Line = r.byCommune.find((l: any) => l.id === c2.id).rows;
    // C2 money accepted: K8 100 M + K13 400 M + K14 0 + K15 250 M + K16 80 M = 830,000,000.
    expect([c2Line.totalAccepted, c2Line.completed, c2Line.enforceable.cases, c2Line.caseRate.percent]).toEqual([
      { cases: 5, money: '830000000' },
      { cases: 1, money: '100000000' },
      4,
      25,
    ]);
    // By officer: o1 has K1–K5 (5 cases; collected 677 M + 600,000,000,000,000 + 50 M); o2 the other 7.
    const byOfficer = Object.fromEntries(r.byOfficer.map((l: any) => [l.id, l.rows]));
    expect(byOfficer[o1.id].totalAccepted.cases).toBe(5);
    expect(byOfficer[o1.id].completed).toEqual({ cases: 3, money: '600000727000000' });
    expect(byOfficer[o2.id].totalAccepted.cases).toBe(7);
    expect(r.byAgency.map((l: any) => [l.id, l.rows.totalAccepted.cases])).toEqual([[officeA.id, 12]]);
  });

  it("last year's report does not move when a case changes later, and carried to next = next year's carried over", async () => {
    // K15 completed on 15/10/2026 (statistical year 2027); in 2026 it stays "in progress".
    const next = await gql(
      app,
      REPORT,
      { period: { kind: 'STATISTICAL_YEAR', statisticalYear: 2027 }, scope: { agencyId: officeA.id } },
      headAToken,
    );
    expect(next.errors).toBeUndefined();
    // Carried over into 2027: the six open cases (K2, K6, K7, K8, K14, K15) and their 4,000,001,440,000,001 đ.
    expect(next.data!.statistics.totals.carriedOver).toEqual({ cases: 6, money: '4000001440000001' });
    // New in 2027: K10 (5,000,000 đ). Completed: K15 fully, 250,000,000 đ collected.
    expect(next.data!.statistics.totals.newlyAccepted).toEqual({ cases: 1, money: '5000000' });
    expect(next.data!.statistics.totals.completed).toEqual({ cases: 1, money: '250000000' });
  });

  it('quarter 2 (January – March 2026): as of 31/3/2026', async () => {
    const res = await gql(
      app,
      REPORT,
      { period: { kind: 'QUARTER', statisticalYear: 2026, number: 2 }, scope: { agencyId: officeA.id } },
      headAToken,
    );
    expect(res.errors).toBeUndefined();
    const t = res.data!.statistics.totals;
    expect(res.data!.statistics.period).toEqual({ firstDay: '2026-01-01', lastDay: '2026-03-31' });
    // Open just before 1/1/2026: K1, K2, K3 (entrusted only on 1/2), K4, K6, K8, K13, K14, K16 → 9.
    // New in the quarter: K5 (1/2), K7 (10/1) → 2. Total 11.
    // On 31/3/2026: K1 completed (20/1); K3 entrusted with nothing → entrusted out 1; K13 entrusted after 100 M → completed partly;
    //   K16 not yet enforceable; K6 not yet enforceable → 2; so completed 2, enforceable 11 − 1 − 2 = 8.
    expect([
      t.carriedOver.cases,
      t.newlyAccepted.cases,
      t.entrustedOut.cases,
      t.notYetEnforceable.cases,
      t.completed.cases,
      t.enforceable.cases,
    ]).toEqual([9, 2, 1, 2, 2, 8]);
    // Collected in the quarter: K1 677,000,000 (15/1) + K2 600,000,000,000,000 (1/3) + K5 50,000,000 (5/3) + K13 100,000,000 (10/2).
    expect(t.completed.money).toBe('600000827000000');
  });

  it('the province: includes the other office, and the breakdown by office', async () => {
    const res = await gql(app, REPORT, { period: YEAR_2026, scope: { areaId: province.id } }, adminToken);
    expect(res.errors).toBeUndefined();
    // Office A's 12 plus K12 (office B, carried? no: accepted 1/11/2025 → new, in progress, 60,000,000 đ).
    expect(res.data!.statistics.totals.totalAccepted).toEqual({ cases: 13, money: '9600003157000004' });
    expect(res.data!.statistics.totals.inProgress.cases).toBe(4);
    const byAgency = Object.fromEntries(res.data!.statistics.byAgency.map((l: any) => [l.id, l.rows.totalAccepted.cases]));
    expect(byAgency).toEqual({ [officeA.id]: 12, [officeB.id]: 1 });
  });

  it('drills down from a row to the cases behind it', async () => {
    const res = await gql(
      app,
      `query($period: StatisticsPeriodInput!, $scope: StatisticsScopeInput) {
      statisticsCases(period: $period, scope: $scope, row: COMPLETED, first: 10) { totalCount edges { node { id } } } }`,
      { period: YEAR_2026, scope: { agencyId: officeA.id } },
      headAToken,
    );
    expect(res.errors).toBeUndefined();
    const ids = res.data!.statisticsCases.edges.map((e: any) => e.node.id).sort();
    expect(ids).toEqual(['K1', 'K4', 'K5', 'K13'].map((k) => caseIds.get(k)).sort());
    expect(res.data!.statisticsCases.totalCount).toBe(4);
  });
});

describe('statistics: who sees what', () => {
  it("an office head sees their office, not another office's", async () => {
    const own = await gql(app, REPORT, { period: YEAR_2026 }, headAToken);
    expect(own.data!.statistics.totals.totalAccepted.cases).toBe(12);
    const other = await gql(app, REPORT, { period: YEAR_2026, scope: { agencyId: officeB.id } }, headAToken);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("a commune official sees only their commune's figures; the drill-down lists only cases shared with them", async () => {
    const commune = await makeAgency(app.orm, AgencyKind.PEOPLES_COMMITTEE, [c2], 'UBND xã C2');
    const token = (await signIn(app, (await makeUser(app.orm, commune, [Role.OFFICER])).username)).accessToken;
    const own = await gql(app, REPORT, { period: YEAR_2026 }, token);
    expect(own.errors).toBeUndefined();
    expect(own.data!.statistics.totals.totalAccepted).toEqual({ cases: 5, money: '830000000' });
    const c1Figures = await gql(app, REPORT, { period: YEAR_2026, scope: { areaId: c1.id } }, token);
    expect(c1Figures.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const list = await gql(
      app,
      `query($p: StatisticsPeriodInput!) { statisticsCases(period: $p, row: TOTAL_ACCEPTED) { totalCount } }`,
      { p: YEAR_2026 },
      token,
    );
    expect(list.data!.statisticsCases.totalCount).toBe(0);
  });

  it('a steering committee member sees the province and may set targets there; the police see no statistics', async () => {
    const committee = await makeAgency(app.orm, AgencyKind.STEERING_COMMITTEE, [province], 'Ban Chỉ đạo THADS tỉnh');
    const token = (await signIn(app, (await makeUser(app.orm, committee, [Role.STEERING_MEMBER])).username)).accessToken;
    const res = await gql(app, REPORT, { period: YEAR_2026 }, token);
    expect(res.data!.statistics.totals.totalAccepted.cases).toBe(13);
    const set = await gql(
      app,
      'mutation($i: SetStatisticsTargetInput!) { setStatisticsTarget(input: $i) { version caseRatePercent } }',
      {
        i: { agencyId: officeB.id, statisticalYear: 2026, caseRatePercent: '80', moneyRatePercent: '40.5' },
      },
      token,
    );
    expect(set.errors).toBeUndefined();
    const bad = await gql(
      app,
      'mutation($i: SetStatisticsTargetInput!) { setStatisticsTarget(input: $i) { version } }',
      {
        i: { agencyId: officeB.id, statisticalYear: 2026, caseRatePercent: '180', moneyRatePercent: '40' },
      },
      token,
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const police = await makeAgency(app.orm, AgencyKind.POLICE, [c1]);
    const policeToken = (await signIn(app, (await makeUser(app.orm, police, [Role.OFFICER])).username)).accessToken;
    const refused = await gql(app, REPORT, { period: YEAR_2026 }, policeToken);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('state history: written with every lifecycle transition and money change', () => {
  it('records one row per statistical change, in the same transaction, and the figures follow', async () => {
    const officerToken = (await signIn(app, o1.username)).accessToken;
    const history = async (id: string) =>
      app.orm.em
        .getConnection()
        .execute(
          `select status::text as status, amount_owed::text as owed, amount_collected::text as collected, accepted_at is not null as accepted, valid_to is null as current from case_state_history where case_id = ? order by id`,
          [id],
        );
    const created = await gql(
      app,
      `mutation($i: CreateCaseInput!) { createCase(input: $i) { id version } }`,
      {
        i: {
          judgmentNumber: 'LS-77/2026',
          judgmentCourt: 'TAND khu vực 1',
          judgmentDate: '2026-10-01',
          receivedAt: new Date(Date.now() - 20 * 86_400_000).toISOString(),
          kind: 'ON_REQUEST',
          communeId: c1.id,
          officerId: o1.id,
          parties: [{ role: 'DEBTOR', kind: 'PERSON', name: 'Người Thử Nghiệm' }],
          obligations: [{ kind: 'PAY_MONEY', description: 'Trả nợ', debtorIndex: 0, amountOwed: '999999999999999' }],
        },
      },
      officerToken,
    );
    expect(created.errors).toBeUndefined();
    let { id, version } = created.data!.createCase;
    expect(await history(id)).toEqual([{ status: 'RECEIVED', owed: '999999999999999', collected: '0', accepted: false, current: true }]);
    const step = async (input: Record<string, unknown>) => {
      const res = await gql(
        app,
        `mutation($i: TransitionCaseInput!) { transitionCase(input: $i) { version } }`,
        { i: { id, version, ...input } },
        officerToken,
      );
      expect(res.errors).toBeUndefined();
      version = res.data!.transitionCase.version;
    };
    await step({ transition: 'ISSUE_DECISION', decisionNumber: '77/QĐ-THA', decisionDate: '2026-11-20' });
    await step({ transition: 'RECORD_DELIVERY', deliveredAt: new Date(Date.now() - 15 * 86_400_000).toISOString() });
    // A notes change is not statistical: no new row.
    const noted = await gql(
      app,
      `mutation($i: UpdateCaseInput!) { updateCase(input: $i) { version } }`,
      { i: { id, version, notes: 'Đã gặp đương sự' } },
      officerToken,
    );
    version = noted.data!.updateCase.version;
    const obligationId = (await app.orm.em.getConnection().execute(`select id from obligation where case_id = ?`, [id]))[0].id;
    const paid = await gql(
      app,
      `mutation($i: ObligationProgressInput!) { recordObligationProgress(input: $i) { version } }`,
      { i: { caseId: id, version, obligationId, amountCollected: '1000000001' } },
      officerToken,
    );
    expect(paid.errors).toBeUndefined();
    version = paid.data!.recordObligationProgress.version;
    // A refused change (an illegal transition) writes nothing.
    const refused = await gql(
      app,
      `mutation($i: TransitionCaseInput!) { transitionCase(input: $i) { version } }`,
      { i: { id, version, transition: 'RESUME' } },
      officerToken,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('RULE_VIOLATION');
    await step({ transition: 'ENTRUST', reason: 'Tài sản ở tỉnh khác (Điều 55)' });
    expect(await history(id)).toEqual([
      { status: 'RECEIVED', owed: '999999999999999', collected: '0', accepted: false, current: false },
      { status: 'DECISION_ISSUED', owed: '999999999999999', collected: '0', accepted: true, current: false },
      { status: 'VOLUNTARY_PERIOD', owed: '999999999999999', collected: '0', accepted: true, current: false },
      { status: 'VOLUNTARY_PERIOD', owed: '999999999999999', collected: '1000000001', accepted: true, current: false },
      { status: 'ENTRUSTED', owed: '999999999999999', collected: '1000000001', accepted: true, current: true },
    ]);
    // This statistical year (2027): new, completed partly (the rest entrusted): 1,000,000,001 đ collected,
    // 9,007,199,254,740,993 − 1,000,000,001 = 9,007,198,254,740,992 đ entrusted out.
    const res = await gql(
      app,
      REPORT,
      { period: { kind: 'STATISTICAL_YEAR', statisticalYear: 2027 }, scope: { officerId: o1.id } },
      headAToken,
    );
    expect(res.errors).toBeUndefined();
    const t = res.data!.statistics.totals;
    expect([t.newlyAccepted, t.completedPartlyCases, t.completed.money, t.entrustedOut.money]).toEqual([
      { cases: 1, money: '999999999999999' },
      1,
      '1000000001',
      '999998999999998',
    ]);
  });
});

describe('statistics, live', () => {
  it('ticks once per window for the changes a viewer may see, and not for others', async () => {
    const committee = await makeAgency(app.orm, AgencyKind.STEERING_COMMITTEE, [province], 'Ban Chỉ đạo (live)');
    const member = (await signIn(app, (await makeUser(app.orm, committee, [Role.STEERING_MEMBER])).username)).accessToken;
    const communeC2 = await makeAgency(app.orm, AgencyKind.PEOPLES_COMMITTEE, [c2], 'UBND xã C2 (live)');
    const communeToken = (await signIn(app, (await makeUser(app.orm, communeC2, [Role.OFFICER])).username)).accessToken;
    const memberWs = connectWs(app, member);
    const communeWs = connectWs(app, communeToken);
    await Promise.all([memberWs.connected, communeWs.connected]);
    const ticks = collect(memberWs.client, 'subscription { statisticsChanged { changedAt cases } }', {});
    const communeTicks = collect(communeWs.client, 'subscription { statisticsChanged { cases } }', {});
    try {
      await new Promise((r) => setTimeout(r, 200)); // subscriptions registered
      const officerToken = (await signIn(app, o1.username)).accessToken;
      // Three quick changes to one case in commune C1: one tick for the committee, none for commune C2.
      const created = await gql(
        app,
        `mutation($i: CreateCaseInput!) { createCase(input: $i) { id version } }`,
        {
          i: {
            judgmentNumber: 'LIVE-1',
            judgmentCourt: 'TAND khu vực 1',
            judgmentDate: '2026-10-01',
            receivedAt: new Date(Date.now() - 86_400_000).toISOString(),
            kind: 'ON_REQUEST',
            communeId: c1.id,
            parties: [{ role: 'DEBTOR', kind: 'PERSON', name: 'Người Trực Tuyến' }],
            obligations: [],
          },
        },
        officerToken,
      );
      let { id, version } = created.data!.createCase;
      for (const notes of ['một', 'hai'])
        version = (
          await gql(
            app,
            `mutation($i: UpdateCaseInput!) { updateCase(input: $i) { version } }`,
            { i: { id, version, notes } },
            officerToken,
          )
        ).data!.updateCase.version;
      await eventually(() => ticks.events.length > 0, 'a statistics tick for the committee member');
      await new Promise((r) => setTimeout(r, 1500));
      expect(ticks.errors).toEqual([]);
      expect(ticks.events.length).toBe(1);
      expect(ticks.events[0].statisticsChanged.cases).toBe(1);
      expect(communeTicks.events).toEqual([]);
    } finally {
      ticks.dispose();
      communeTicks.dispose();
      await memberWs.dispose();
      await communeWs.dispose();
    }
  });

  it('ticks on task events too: a task assigned, then escalated as overdue (a "where it is stuck" figure moves)', async () => {
    const committee = await makeAgency(app.orm, AgencyKind.STEERING_COMMITTEE, [province], 'Ban Chỉ đạo (task live)');
    const member = (await signIn(app, (await makeUser(app.orm, committee, [Role.STEERING_MEMBER])).username)).accessToken;
    const memberWs = connectWs(app, member);
    await memberWs.connected;
    const ticks = collect(memberWs.client, 'subscription { statisticsChanged { changedAt cases } }', {});
    try {
      const officerToken = (await signIn(app, o1.username)).accessToken;
      const created = await gql(
        app,
        `mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }`,
        {
          i: {
            judgmentNumber: 'LIVE-TASK-1',
            judgmentCourt: 'TAND khu vực 1',
            judgmentDate: '2026-10-01',
            receivedAt: new Date(Date.now() - 86_400_000).toISOString(),
            kind: 'ON_REQUEST',
            communeId: c1.id,
            parties: [{ role: 'DEBTOR', kind: 'PERSON', name: 'Người Quá Hạn' }],
            obligations: [],
          },
        },
        officerToken,
      );
      const caseId = created.data!.createCase.id;
      await eventually(() => ticks.events.length > 0, 'the tick of the new case');
      const afterCase = ticks.events.length;
      const assigned = await gql(
        app,
        `mutation($input: AssignTaskInput!) { assignTask(input: $input) { id } }`,
        {
          input: {
            caseId,
            agencyId: officeA.id,
            kind: 'PERSUADE',
            title: 'Vận động người phải thi hành án',
            priority: 'HIGH',
            dueInWorkingDays: 1,
          },
        },
        officerToken,
      );
      expect(assigned.errors).toBeUndefined();
      await eventually(() => ticks.events.length > afterCase, 'a tick for the task event');
      const afterTask = ticks.events.length;
      // Long overdue: the escalation sweep marks it, and that is an escalation awaiting the committee.
      await app.orm.em
        .getConnection()
        .execute(`update case_task set due_at = now() - interval '60 days' where id = ?`, [assigned.data!.assignTask.id]);
      const escalated = await app.services.tasks.escalateOverdueTasks(app.orm.em);
      expect(escalated).toContain(assigned.data!.assignTask.id);
      await eventually(() => ticks.events.length > afterTask, 'a tick for the escalation');
      expect(ticks.errors).toEqual([]);
    } finally {
      ticks.dispose();
      await memberWs.dispose();
    }
  });
});

describe('statistics: the year picker', () => {
  // Last in the file: it adds a case completed in 2021, outside every period the tests above report.
  it('offers every statistical year with figures, newest first, from the server; none to the police', async () => {
    const yearsOf = async (token: string) =>
      (await gql(app, '{ statisticsAccess { currentStatisticalYear statisticalYears } }', {}, token)).data!.statisticsAccess;
    const before = await yearsOf(adminToken);
    const current = before.currentStatisticalYear as number;
    // The earliest hand-written state is K9's (1/3/2025): statistical year 2025 (1/10/2024 – 30/9/2025).
    expect(before.statisticalYears).toEqual(Array.from({ length: current - 2025 + 1 }, (_, i) => current - i));
    // A case enforced in 2021 (statistical year 2021) brings the years in between: each of them has figures.
    await historyCase('OLD', officeB, c1, null, [
      [day('2021-03-01'), 'ENFORCING', '10000000', '0'],
      [day('2021-05-01'), 'COMPLETED', '10000000', '10000000'],
    ]);
    const after = await yearsOf(adminToken);
    expect(after.statisticalYears).toEqual(Array.from({ length: current - 2021 + 1 }, (_, i) => current - i));
    const police = await makeAgency(app.orm, AgencyKind.POLICE, [c2]);
    const policeToken = (await signIn(app, (await makeUser(app.orm, police, [Role.OFFICER])).username)).accessToken;
    expect((await yearsOf(policeToken)).statisticalYears).toEqual([]);
  });
});
