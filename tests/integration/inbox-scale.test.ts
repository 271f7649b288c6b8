import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InboxDocument } from '../../client/src/gql/graphql';
import type { App } from '../../server/src/app';
import { Agency } from '../../server/src/modules/agencies/agency.entity';
import { inboxCountQuery } from '../../server/src/modules/threads/thread.service';
import { seedProvince } from '../../server/src/seed/seed-province-cli';
import { makeUser, Role, signIn } from '../support/factories';
import { tuplesThrough } from '../support/plan';
import { createTestDatabase, gql, openOwnerOrm, startTestApp } from '../support/harness';

/**
 * The inbox at province scale: at 50,000 cases every inbox request ran past the 10 s statement
 * timeout, because each item's case was checked with `caseId in (the viewer's visible cases)` and
 * PostgreSQL, expecting one item, rebuilt that set for every item. The check here is the plan, not
 * the clock: on a few thousand cases the rows flowing through the counting statement must grow with
 * the number of items (one probe each), not with items × cases.
 */
const CASES = 2_000;
const ITEMS = 120;
let app: App;
let dbUrl: string;
let communeToken: string;
let communeUserId: string;
let caseCount: number;

beforeAll(async () => {
  dbUrl = await createTestDatabase();
  app = await startTestApp(dbUrl, { SEED_DEMO: true });
  await seedProvince(app.orm.em.fork(), { cases: CASES, offices: 1, seed: 11 });
  const em = app.orm.em.fork();
  // The commune committee taking part in the most cases of one generated office, and that office.
  const [pick] = await em.getConnection().execute<{ commune_agency: string; office: string }[]>(
    `select p.agency_id as commune_agency, c.lead_agency_id as office from case_participant p
       join agency a on a.id = p.agency_id and a.kind = 'PEOPLES_COMMITTEE'
       join enforcement_case c on c.id = p.case_id
      where p.removed_at is null group by 1, 2 order by count(*) desc limit 1`,
  );
  const [{ id: caseId }] = await em.getConnection().execute<{ id: string }[]>(
    `select c.id from enforcement_case c join case_participant p on p.case_id = c.id and p.agency_id = ? and p.removed_at is null
        where c.lead_agency_id = ? and c.status in ('ENFORCING', 'ENFORCEABLE') order by c.id limit 1`,
    [pick.commune_agency, pick.office],
  );
  const office = await em.findOneOrFail(Agency, pick.office);
  const commune = await em.findOneOrFail(Agency, pick.commune_agency);
  const officer = await makeUser(app.orm, office, [Role.ENFORCEMENT_OFFICER]);
  const communeUser = await makeUser(app.orm, commune, [Role.OFFICER]);
  communeUserId = communeUser.id;
  const officerToken = (await signIn(app, officer.username)).accessToken;
  communeToken = (await signIn(app, communeUser.username)).accessToken;
  for (let i = 0; i < ITEMS; i++) {
    const res = await gql(
      app,
      'mutation($input: AssignTaskInput!) { assignTask(input: $input) { id } }',
      { input: { caseId, agencyId: commune.id, kind: 'PERSUADE', title: `Vận động hộ số ${i + 1}`, dueInWorkingDays: 5 } },
      officerToken,
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  }
  // Production tables have statistics; without them the planner's guesses would not be the ones that hurt.
  const owner = await openOwnerOrm(dbUrl);
  await owner.em.getConnection().execute('analyze');
  await owner.close();
  [{ n: caseCount }] = await em.getConnection().execute<{ n: number }[]>('select count(*)::int as n from enforcement_case');
}, 240_000);

afterAll(async () => {
  await app?.close();
});

describe('the inbox on a province-sized dataset', () => {
  it('answers with every item and counts them', async () => {
    const res = await gql(app, String(InboxDocument), { first: 20 }, communeToken);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data!.inbox.totalCount).toBe(ITEMS);
    expect(res.data!.inbox.unreadCount).toBe(ITEMS);
    expect(res.data!.inbox.edges).toHaveLength(20);
  });

  it('checks each item’s case by key: the counting statement’s work grows with the items, not with items × cases', async () => {
    expect(caseCount).toBeGreaterThan(CASES);
    const em = app.orm.em.fork();
    const viewer = await app.services.auth.viewerFromToken(em, communeToken);
    expect(viewer?.userId).toBe(communeUserId);
    const query = inboxCountQuery(viewer!);
    const [row] = await em
      .getConnection()
      .execute<{ 'QUERY PLAN': Record<string, any>[] }[]>(`explain (analyze, format json) ${query.sql}`, query.params);
    const plan = row['QUERY PLAN'][0].Plan;
    const work = tuplesThrough(plan);
    // One probe per item (its event, its case, the participant row, its read mark) and at most one pass
    // over the cases: far below ITEMS × cases, which is what the old plan did.
    expect(work, JSON.stringify(plan).slice(0, 2000)).toBeLessThan(20 * ITEMS + 2 * caseCount);
  });
});
