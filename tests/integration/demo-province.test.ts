import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app';
import { statisticalYearOf } from '../../server/src/modules/statistics/periods';
import { createTestDatabase, gql, startTestApp } from '../support/harness';

/**
 * The demo province `npm start` seeds: regional offices 1 and 2 with generated cases over the previous
 * and the current statistical year, office 3 with the worked example only. The figures must be
 * internally consistent (every identity of rule 9 holds, last year's "carried to next" is this year's
 * "carried over"), the event log's hash chains must verify, and the worked example's logins must see
 * what the browser tests expect.
 */
const DEMO_PASSWORD = 'PhoiHop@2026';
const year = statisticalYearOf(new Date());
let app: App;
const tokens = new Map<string, string>();
const token = async (username: string) => {
  if (!tokens.has(username)) {
    const res = await gql(app, 'mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }', {
      i: { username, password: DEMO_PASSWORD },
    });
    tokens.set(username, res.data!.signIn.accessToken);
  }
  return tokens.get(username)!;
};
const FIG = '{ cases money }';
const ROWS = `carriedOver ${FIG} newlyAccepted ${FIG} totalAccepted ${FIG} entrustedOut ${FIG} totalToEnforce ${FIG} notYetEnforceable ${FIG}
  enforceable ${FIG} completed ${FIG} completedFullyCases completedTerminatedCases completedPartlyCases terminatedUncollectedMoney
  postponed ${FIG} suspended ${FIG} inProgress ${FIG} carriedToNext ${FIG} caseRate { percent target met } moneyRate { percent target met }`;
const report = async (statisticalYear: number, username = 'bcd.lamson') => {
  const res = await gql(
    app,
    `query($p: StatisticsPeriodInput!) { statistics(period: $p) { totals { ${ROWS} } byAgency { name rows { totalAccepted { cases } caseRate { percent target } } } } }`,
    { p: { kind: 'STATISTICAL_YEAR', statisticalYear } },
    await token(username),
  );
  expect(res.errors).toBeUndefined();
  return res.data!.statistics;
};

beforeAll(async () => {
  app = await startTestApp(await createTestDatabase(), { SEED_DEMO: true });
});
afterAll(async () => {
  await app?.close();
});

describe('the demo province', () => {
  it('has figures for the previous and the current statistical year that add up, for cases and money', async () => {
    for (const y of [year - 1, year]) {
      const t = (await report(y)).totals;
      expect(t.totalAccepted.cases).toBeGreaterThan(50);
      const sum = (...keys: string[]) => ({
        cases: keys.reduce((n, k) => n + t[k].cases, 0),
        money: keys.reduce((n, k) => n + BigInt(t[k].money), 0n).toString(),
      });
      expect(t.totalAccepted).toEqual(sum('carriedOver', 'newlyAccepted'));
      expect(t.totalToEnforce).toEqual(sum('enforceable', 'notYetEnforceable'));
      expect(t.totalToEnforce.cases).toBe(t.totalAccepted.cases - t.entrustedOut.cases);
      expect(BigInt(t.totalToEnforce.money)).toBe(BigInt(t.totalAccepted.money) - BigInt(t.entrustedOut.money));
      expect(t.enforceable.cases).toBe(t.completed.cases + t.postponed.cases + t.suspended.cases + t.inProgress.cases);
      expect(t.completed.cases).toBe(t.completedFullyCases + t.completedTerminatedCases + t.completedPartlyCases);
      expect(BigInt(t.enforceable.money)).toBe(
        BigInt(t.completed.money) +
          BigInt(t.terminatedUncollectedMoney) +
          BigInt(t.postponed.money) +
          BigInt(t.suspended.money) +
          BigInt(t.inProgress.money),
      );
      // Every kind of outcome occurs in the previous year (the current one may be only weeks old).
      const kinds =
        y === year
          ? ['completed', 'inProgress']
          : ['completed', 'postponed', 'suspended', 'inProgress', 'notYetEnforceable', 'entrustedOut'];
      for (const k of kinds) expect(t[k].cases, `${y} ${k}`).toBeGreaterThan(0);
      expect(t.caseRate.target).toBe(83.5);
    }
    const last = (await report(year - 1)).totals;
    const current = (await report(year)).totals;
    expect(current.carriedOver).toEqual(last.carriedToNext);
  });

  it('breaks the province down by office, with each office head seeing only their own', async () => {
    const province = await report(year);
    expect(province.byAgency.map((l: any) => l.name).sort()).toEqual([
      'Phòng Thi hành án dân sự khu vực 1 – tỉnh Lâm Sơn',
      'Phòng Thi hành án dân sự khu vực 2 – tỉnh Lâm Sơn',
      'Phòng Thi hành án dân sự khu vực 3 – tỉnh Lâm Sơn',
    ]);
    const kv1 = province.byAgency.find((l: any) => l.name.includes('khu vực 1'));
    const own = await report(year, 'tp.kv1');
    expect(own.totals.totalAccepted.cases).toBe(kv1.rows.totalAccepted.cases);
    expect(own.totals.caseRate.target).toBe(84);
    // Office 3 holds the worked example's two cases only (its officer sees exactly those).
    expect((await report(year, 'tp.thads')).totals.totalAccepted.cases).toBe(2);
  });

  it('shows where it is stuck, and the event log of the generated cases verifies', async () => {
    const stuck = await gql(
      app,
      '{ stuckOverview(coercionDays: 30) { backlogCases hardCases overdueTasks overdueByAgency { agencyName tasks maxDaysOverdue } escalationsAwaiting upcomingCoercions { decisionNumber sentToPolice protectionPlanReceived participantsInvited } persuasionOutcomes { outcome visits } } }',
      {},
      await token('bcd.lamson'),
    );
    expect(stuck.errors).toBeUndefined();
    const s = stuck.data!.stuckOverview;
    expect(s.backlogCases).toBeGreaterThan(0);
    expect(s.overdueTasks).toBeGreaterThan(0);
    expect(s.overdueByAgency[0].maxDaysOverdue).toBeGreaterThan(0);
    expect(s.upcomingCoercions.length).toBeGreaterThan(0);
    expect(s.persuasionOutcomes.length).toBeGreaterThan(0);
    const backlog = await gql(
      app,
      '{ stuckCases(list: BACKLOG, first: 5) { totalCount edges { node { id status } } } }',
      {},
      await token('bcd.lamson'),
    );
    expect(backlog.data!.stuckCases.totalCount).toBe(s.backlogCases);
    const audit = await gql(app, '{ verifyAuditChain { ok } }', {}, await token('admin'));
    expect(audit.data!.verifyAuditChain.ok).toBe(true);
  });

  it('every "where it is stuck" figure is the number of cases its drill-down lists (province and one office)', async () => {
    // The overview is one statement over small sets (statistics.service.ts `stuck`); each list is its
    // own `exists` query per case. Two different statements, one answer — for every figure that counts cases.
    for (const username of ['bcd.lamson', 'tp.kv1']) {
      const who = await token(username);
      const overview = await gql(
        app,
        '{ stuckOverview(coercionDays: 30) { backlogCases hardCases overdueByAgency { agencyId cases } upcomingCoercions { caseId } } }',
        {},
        who,
      );
      expect(overview.errors).toBeUndefined();
      const s = overview.data!.stuckOverview;
      const listed = async (list: string, extra = '') => {
        const res = await gql(app, `{ stuckCases(list: ${list}${extra}, first: 1) { totalCount } }`, {}, who);
        expect(res.errors, `${username} ${list}`).toBeUndefined();
        return res.data!.stuckCases.totalCount as number;
      };
      expect(await listed('BACKLOG'), `${username} backlog`).toBe(s.backlogCases);
      expect(await listed('HARD'), `${username} hard`).toBe(s.hardCases);
      expect(s.overdueByAgency.length, `${username} overdue agencies`).toBeGreaterThan(0);
      for (const a of s.overdueByAgency)
        expect(await listed('OVERDUE_TASKS', `, agencyId: "${a.agencyId}"`), `${username} overdue at ${a.agencyId}`).toBe(a.cases);
      const coercionCases = new Set(s.upcomingCoercions.map((c: { caseId: string }) => c.caseId)).size;
      expect(coercionCases, `${username} coercions`).toBeGreaterThan(0);
      expect(await listed('UPCOMING_COERCIONS', ', coercionDays: 30'), `${username} coercions`).toBe(coercionCases);
    }
  });

  it('keeps the worked example as the browser tests expect', async () => {
    const list = async (username: string) =>
      (await gql(app, '{ cases(first: 50) { totalCount edges { node { decisionNumber } } } }', {}, await token(username))).data!.cases;
    expect((await list('cb.thads')).edges.map((e: any) => e.node.decisionNumber).sort()).toEqual(['12/QĐ-THA', '27/QĐ-THA']);
    expect((await list('ubnd.tanhoa')).edges.map((e: any) => e.node.decisionNumber)).toEqual(['12/QĐ-THA']);
  });
});
