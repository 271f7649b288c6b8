import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CasesDocument } from '../../client/src/gql/graphql';
import type { App } from '../../server/src/app';
import { Agency, AgencyKind } from '../../server/src/modules/agencies/agency.entity';
import { UNREAD_TOTAL_CAP, unreadTotalQuery } from '../../server/src/modules/threads/thread.service';
import { seedProvince } from '../../server/src/seed/seed-province-cli';
import { makeUser, Role, signIn } from '../support/factories';
import { tuplesThrough } from '../support/plan';
import { createTestDatabase, gql, openOwnerOrm, startTestApp } from '../support/harness';

/**
 * The home page's unread total and the steering committee's case list on a province-sized dataset.
 * At 50,000 cases the unread total counted every post of every thread of the viewer's office (~0.5 s
 * for an officer) and the case list sorted every visible case before cutting the first page (0.2–0.45 s
 * for a steering member). As in inbox-scale, the check is the plan's tuple work, not the clock: on a
 * few thousand cases it must follow the cap and the page size, not the office's posts or the province.
 */
const CASES = 2_000;
const POSTS_PER_CASE = 8;
let app: App;
let dbUrl: string;
let officerToken: string;
let steeringToken: string;
let officerId: string;
let officeId: string;
let officeCases: number;
let caseCount: number;

/** EXPLAIN ANALYZE of one statement (`?` parameters), as the JSON plan's root. */
async function planOf(sql: string, params: readonly unknown[]): Promise<Record<string, any>> {
  const [row] = await app.orm.em
    .fork()
    .getConnection()
    .execute<{ 'QUERY PLAN': Record<string, any>[] }[]>(`explain (analyze, format json) ${sql}`, params as unknown[]);
  return row['QUERY PLAN'][0].Plan;
}

beforeAll(async () => {
  dbUrl = await createTestDatabase();
  app = await startTestApp(dbUrl, { SEED_DEMO: true });
  await seedProvince(app.orm.em.fork(), { cases: CASES, offices: 1, seed: 12 });
  const em = app.orm.em.fork();
  const [pick] = await em
    .getConnection()
    .execute<{ office: string; n: number }[]>(
      `select lead_agency_id as office, count(*)::int as n from enforcement_case group by 1 order by 2 desc limit 1`,
    );
  officeId = pick.office;
  officeCases = pick.n;
  const office = await em.findOneOrFail(Agency, officeId);
  const steering = await em.findOneOrFail(Agency, { kind: AgencyKind.STEERING_COMMITTEE });
  const officer = await makeUser(app.orm, office, [Role.ENFORCEMENT_OFFICER]);
  const colleague = await makeUser(app.orm, office, [Role.ENFORCEMENT_OFFICER]);
  const member = await makeUser(app.orm, steering, [Role.STEERING_MEMBER]);
  officerId = officer.id;
  officerToken = (await signIn(app, officer.username)).accessToken;
  steeringToken = (await signIn(app, member.username)).accessToken;
  // Every case of the office gets a thread of POSTS_PER_CASE notes by the colleague (none read yet).
  const owner = await openOwnerOrm(dbUrl);
  const sql = owner.em.getConnection();
  await sql.execute(
    `insert into case_thread (case_id, last_seq) select id, ? from enforcement_case where lead_agency_id = ?
       on conflict (case_id) do update set last_seq = excluded.last_seq`,
    [POSTS_PER_CASE, officeId],
  );
  await sql.execute(
    `insert into case_post (id, case_id, seq, kind, author_id, author_agency_id, body, version, created_at, updated_at)
     select gen_random_uuid(), c.id, g, 'NOTE', ?, c.lead_agency_id, 'Ghi chú ' || g, 1, now(), now()
       from enforcement_case c cross join generate_series(1, ?) g where c.lead_agency_id = ?`,
    [colleague.id, POSTS_PER_CASE, officeId],
  );
  // Production tables have statistics; without them the planner's guesses would not be the ones that hurt.
  await sql.execute('analyze');
  await owner.close();
  [{ n: caseCount }] = await em.getConnection().execute<{ n: number }[]>('select count(*)::int as n from enforcement_case');
}, 240_000);

afterAll(async () => {
  await app?.close();
});

describe('the home page’s unread total at province scale', () => {
  it('stops at the cap: 99 and more, for an officer with every post of the office unread', async () => {
    const res = await gql(app, '{ unreadCounts { total more } }', {}, officerToken);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data!.unreadCounts).toEqual({ total: UNREAD_TOTAL_CAP, more: true });
  });

  it('does work that follows the cap, not the office’s posts (the old count touched every one of them)', async () => {
    const viewer = await app.services.auth.viewerFromToken(app.orm.em.fork(), officerToken);
    expect(viewer?.userId).toBe(officerId);
    const query = unreadTotalQuery(viewer!);
    const plan = await planOf(query.sql, query.params);
    const work = tuplesThrough(plan);
    // At most one index entry per case of the office (the participant index is read as a bitmap) and a few
    // probes per post counted; the old statement counted all officeCases × POSTS_PER_CASE posts.
    expect(officeCases * POSTS_PER_CASE).toBeGreaterThan(15_000);
    expect(work, JSON.stringify(plan).slice(0, 2000)).toBeLessThan(2 * officeCases + 30 * (UNREAD_TOTAL_CAP + 1));
  });

  it('is exact below the cap, and the case list’s per-case counts agree', async () => {
    const owner = await openOwnerOrm(dbUrl);
    const sql = owner.em.getConnection();
    // The officer has read every thread, three of them only up to post 5: 3 × 3 unread posts.
    const partly = await sql.execute<{ id: string }[]>(`select id from enforcement_case where lead_agency_id = ? order by id limit 4`, [
      officeId,
    ]);
    await sql.execute(
      `insert into thread_read (id, user_id, case_id, last_read_seq, updated_at)
       select gen_random_uuid(), ?, c.id, case when c.id = any(?::uuid[]) then 5 else ? end, now()
         from enforcement_case c where c.lead_agency_id = ?`,
      [
        officerId,
        `{${partly
          .slice(0, 3)
          .map((r) => r.id)
          .join(',')}}`,
        POSTS_PER_CASE,
        officeId,
      ],
    );
    await sql.execute('analyze thread_read');
    await owner.close();
    const total = await gql(app, '{ unreadCounts { total more } }', {}, officerToken);
    expect(total.data!.unreadCounts).toEqual({ total: 9, more: false });
    const ids = partly.map((r) => r.id);
    const perCase = await gql(
      app,
      'query($ids: [ID!]) { unreadCounts(caseIds: $ids) { total more cases { caseId unread lastSeq lastReadSeq } } }',
      { ids },
      officerToken,
    );
    expect(perCase.errors, JSON.stringify(perCase.errors)).toBeUndefined();
    expect(perCase.data!.unreadCounts.total).toBe(9);
    expect(perCase.data!.unreadCounts.cases).toEqual(
      ids.map((caseId, i) => ({ caseId, unread: i < 3 ? 3 : 0, lastSeq: POSTS_PER_CASE, lastReadSeq: i < 3 ? 5 : POSTS_PER_CASE })),
    );
    // Without ids: the cases that have unread posts.
    const unreadCases = await gql(app, '{ unreadCounts { cases { caseId unread } } }', {}, officerToken);
    expect(unreadCases.data!.unreadCounts.cases).toEqual(ids.slice(0, 3).map((caseId) => ({ caseId, unread: 3 })));
  });

  it('refuses a malformed or oversized caseIds list with BAD_USER_INPUT', async () => {
    const bad = await gql(app, 'query($ids: [ID!]) { unreadCounts(caseIds: $ids) { total } }', { ids: ['x'] }, officerToken);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const many = Array.from({ length: 101 }, () => '00000000-0000-4000-8000-000000000000');
    const big = await gql(app, 'query($ids: [ID!]) { unreadCounts(caseIds: $ids) { cases { caseId } } }', { ids: many }, officerToken);
    expect(big.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('the steering committee’s case list at province scale', () => {
  it('answers the first page with the whole province counted', async () => {
    const res = await gql(app, String(CasesDocument), { first: 20 }, steeringToken);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data!.cases.totalCount).toBe(caseCount);
    expect(res.data!.cases.edges).toHaveLength(20);
  });

  it('walks the default order’s index and stops after the page instead of sorting every visible case', async () => {
    // The page statement exactly as the server sends it (the first select of enforcement_case rows with a limit;
    // the separate total is `select count(...)`).
    const seen: { sql: string; bindings: unknown[] }[] = [];
    const knex = app.orm.em.getConnection().getKnex();
    const listen = (q: { sql: string; bindings?: unknown[] }) => {
      if (/from "enforcement_case"/.test(q.sql) && /limit/i.test(q.sql) && !/^select count\(/i.test(q.sql))
        seen.push({ sql: q.sql, bindings: q.bindings ?? [] });
    };
    knex.on('query', listen);
    try {
      const res = await gql(app, String(CasesDocument), { first: 20 }, steeringToken);
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    } finally {
      knex.removeListener('query', listen);
    }
    expect(seen.length, 'the page statement').toBeGreaterThan(0);
    const plan = await planOf(seen[0].sql, seen[0].bindings);
    const work = tuplesThrough(plan);
    expect(caseCount).toBeGreaterThan(CASES);
    // The page (21 rows) plus the small sets the visibility test hashes once (covered areas, participations);
    // the old statement produced and sorted all caseCount rows first.
    expect(work, JSON.stringify(plan).slice(0, 2000)).toBeLessThan(caseCount / 4);
  });
});
