import type { Histogram } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CasesDocument, InboxDocument } from '../../client/src/gql/graphql';
import type { App } from '../../server/src/app';
import { currentStatementTally } from '../../server/src/db/statement-count';
import { verifyAuditChain } from '../../server/src/events/event-log';
import type { Agency } from '../../server/src/modules/agencies/agency.entity';
import type { Area } from '../../server/src/modules/areas/area.entity';
import { AgencyKind, makeAgency, makeProvince, makeSharedCase, makeUser, Role, signIn } from '../support/factories';
import { createTestDatabase, gql, startTestApp } from '../support/harness';
import { ASSIGN, CASE_PAGE, casePageVariables, OUTCOME, PLAN_ACTION, POST, STEP_ACTION, TRANSITION } from '../../bench/operations';

/**
 * Issue 18: SQL statements per request are correctness, not speed. Each request's statements are
 * counted by the server itself (db/statement-count.ts: every statement sent inside that request's async
 * scope, the token check and BEGIN/COMMIT included; sequencer and dispatcher passes run outside it).
 */
/** Where this branch stands (issue 18's targets: case page 5, post, task step and outcome 6): lower them as the paths get cheaper. */
const CASE_PAGE_STATEMENTS_CEILING = 5;
const POST_STATEMENTS_CEILING = 6;
const TASK_STEP_STATEMENTS_CEILING = 6;
const OUTCOME_STATEMENTS_CEILING = 6;

let app: App;
let communeA: Area;
let office: Agency, ubndA: Agency, police: Agency;
const tokens: Record<string, string> = {};

const statementsHistogram = () => app.services.metrics.registry.getSingleMetric('phoihop_graphql_operation_sql_statements') as Histogram;
async function statementTotal(): Promise<{ sum: number; count: number }> {
  const values = (await statementsHistogram().get()).values;
  const total = (suffix: string) =>
    values.filter((v) => v.metricName === `phoihop_graphql_operation_sql_statements_${suffix}`).reduce((n, v) => n + v.value, 0);
  return { sum: total('sum'), count: total('count') };
}

/** Sends one request and returns its answer with the SQL statements the server sent to answer it. */
async function measured(query: string, variables: Record<string, unknown>, token: string) {
  const before = await statementTotal();
  const seen: string[] = [];
  const knex = app.orm.em.getConnection().getKnex();
  // Only statements sent inside a request's scope (what the metric counts), not background passes.
  const onQuery = (q: { sql: string }) => currentStatementTally() && seen.push(q.sql.replace(/\s+/g, ' ').slice(0, 200));
  // TRACE_SQL=1 prints the statements the request sent: to find what to batch next.
  if (process.env.TRACE_SQL) knex.on('query', onQuery);
  const res = await gql(app, query, variables, token);
  knex.removeListener('query', onQuery);
  if (process.env.TRACE_SQL) console.log(seen.join('\n'));
  const after = await statementTotal();
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  expect(after.count - before.count).toBe(1);
  return { data: res.data!, statements: after.sum - before.sum };
}

async function addPosts(caseId: string, n: number, token = tokens.officer) {
  for (let i = 0; i < n; i++) {
    const res = await gql(app, POST, { input: { caseId, kind: 'NOTE', body: `Ghi chú số ${i + 1}` } }, token);
    expect(res.errors).toBeUndefined();
  }
}
async function addTasks(caseId: string, n: number) {
  const ids: Array<{ id: string; version: number }> = [];
  for (let i = 0; i < n; i++) {
    const res = await gql(
      app,
      ASSIGN,
      { input: { caseId, agencyId: ubndA.id, kind: 'PERSUADE', title: `Vận động lần ${i + 1}`, dueInWorkingDays: 5 } },
      tokens.officer,
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    ids.push(res.data!.assignTask);
  }
  return ids;
}

beforeAll(async () => {
  app = await startTestApp(await createTestDatabase());
  ({ communeA } = await makeProvince(app.orm));
  office = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [communeA]);
  ubndA = await makeAgency(app.orm, AgencyKind.PEOPLES_COMMITTEE, [communeA]);
  police = await makeAgency(app.orm, AgencyKind.POLICE, [communeA]);
  const officer = await makeUser(app.orm, office, [Role.ENFORCEMENT_OFFICER]);
  const commune = await makeUser(app.orm, ubndA, [Role.OFFICER]);
  // The bench's reader (bench/run.ts): a colleague in the case's office who wrote none of its posts, so
  // every post's `unread` needs the reader's own read mark (the author's posts are never unread to him).
  const reader = await makeUser(app.orm, office, [Role.ENFORCEMENT_OFFICER]);
  tokens.officer = (await signIn(app, officer.username)).accessToken;
  tokens.reader = (await signIn(app, reader.username)).accessToken;
  tokens.commune = (await signIn(app, commune.username)).accessToken;
}, 60_000);

afterAll(async () => {
  await app?.close();
});

describe('statements per request (issue 18)', () => {
  it(`answers the case page (case, parties, obligations, participants, 50 posts, 10 tasks) in at most ${CASE_PAGE_STATEMENTS_CEILING} statements, whatever it holds`, async () => {
    // Read the way the bench reads it: the same document, signed in over HTTP, by an office colleague.
    const page = async (caseId: string) =>
      measured(CASE_PAGE, casePageVariables(caseId), tokens.reader).then((r) => {
        expect(r.data.case.id).toBe(caseId);
        return r;
      });
    const small = await makeSharedCase(app, tokens.officer, communeA.id, [ubndA.id]);
    await addPosts(small.id, 1);
    await addTasks(small.id, 1);
    const large = await makeSharedCase(app, tokens.officer, communeA.id, [ubndA.id, police.id]);
    await addPosts(large.id, 50);
    await addTasks(large.id, 10);
    // Restricted values to read back: the page's one audited statement must return exactly these.
    await app.orm.em
      .fork()
      .getConnection()
      .execute(`update case_party set id_number = '012345678901', phone = '0912345678' where case_id = ?`, [large.id]);

    const few = await page(small.id);
    const many = await page(large.id);
    expect(many.data.caseThread.edges).toHaveLength(50);
    // The reader has read none of them: each post's `unread` went through the read mark.
    expect(many.data.caseThread.edges.every((e: { node: { unread: boolean } }) => e.node.unread)).toBe(true);
    expect(many.data.caseTasks.edges).toHaveLength(10);
    expect(many.data.case.participants.length).toBeGreaterThanOrEqual(3);
    // The restricted party fields are in the document: an officer of the lead office reads them (audited).
    expect(many.data.case.parties[0].idNumber).toMatchObject({ hidden: false, value: '012345678901' });
    expect(many.data.case.parties[0].phone).toMatchObject({ hidden: false, value: '0912345678' });
    // ... and those reads are in the log, committed before the answer left (same statement as the values).
    const [audit] = await app.orm.em
      .fork()
      .getConnection()
      .execute<{ payload: { reads: Array<{ subjectType: string; subjectId: string; field: string }> } }[]>(
        `select payload from event where type = 'personalData.read' order by id desc limit 1`,
      );
    const partyId = many.data.case.parties[0].id;
    expect(audit.payload.reads).toEqual(
      expect.arrayContaining([
        { subjectType: 'party', subjectId: partyId, field: 'idNumber' },
        { subjectType: 'party', subjectId: partyId, field: 'phone' },
      ]),
    );
    // Every post's and task's people and agencies came with their page (no loader round trip).
    expect(many.data.caseThread.edges.every((e: { node: { author: { fullName: string } } }) => e.node.author.fullName)).toBe(true);
    // 1 post and 1 task against 50 and 10: an N+1 would add 49 here. One batch may split across ticks (+1).
    expect(many.statements - few.statements, 'statements do not grow with posts or tasks').toBeLessThanOrEqual(1);
    // Issue 18's 5: viewer + log head, the case with its rows, the thread page with its authors, the tasks page
    // with its people, the restricted columns read by their audit append (docs/PERFORMANCE.md). A regression fails here.
    expect(many.statements).toBeLessThanOrEqual(CASE_PAGE_STATEMENTS_CEILING);

    // The read mark the thread statement carries is the reader's real one: read up to seq 20, the rest is unread.
    const marked = await gql(
      app,
      'mutation($c: ID!) { markThreadRead(caseId: $c, upToSeq: 20) { lastReadSeq } }',
      { c: large.id },
      tokens.reader,
    );
    expect(marked.errors).toBeUndefined();
    const again = await page(large.id);
    const unreadSeqs = again.data.caseThread.edges
      .filter((e: { node: { unread: boolean } }) => e.node.unread)
      .map((e: { node: { seq: number } }) => e.node.seq);
    expect(unreadSeqs).toEqual(again.data.caseThread.edges.map((e: { node: { seq: number } }) => e.node.seq).filter((s: number) => s > 20));
    expect(unreadSeqs.length).toBeGreaterThan(0);
    expect(again.statements).toBeLessThanOrEqual(CASE_PAGE_STATEMENTS_CEILING);
  }, 120_000);

  it('answers the case list (first page and a search) and the inbox without N+1', async () => {
    const list = (first: number, search?: string) =>
      measured(String(CasesDocument), { first, filter: search ? { search } : null }, tokens.officer);
    const inbox = (first: number) => measured(String(InboxDocument), { first }, tokens.commune);
    for (let i = 0; i < 12; i++) {
      const c = await makeSharedCase(app, tokens.officer, communeA.id, [ubndA.id]);
      await addTasks(c.id, 1);
    }
    const [one, twelve] = [await list(1), await list(12)];
    expect(twelve.data.cases.edges).toHaveLength(12);
    expect(twelve.statements).toBe(one.statements);
    const [searchOne, searchTwelve] = [await list(1, 'nguyen van khoa'), await list(12, 'nguyen van khoa')];
    expect(searchTwelve.data.cases.edges).toHaveLength(12);
    expect(searchTwelve.statements).toBe(searchOne.statements);
    const [inboxOne, inboxTwelve] = [await inbox(1), await inbox(12)];
    expect(inboxTwelve.data.inbox.edges).toHaveLength(12);
    expect(inboxTwelve.statements).toBe(inboxOne.statements);
    expect(Math.max(twelve.statements, searchTwelve.statements, inboxTwelve.statements)).toBeLessThanOrEqual(7);
  }, 120_000);

  it('posts to a thread and takes a task step in at most 6 statements each, in one transaction', async () => {
    const c = await makeSharedCase(app, tokens.officer, communeA.id, [ubndA.id, police.id]);
    await addPosts(c.id, 2);
    const post = await measured(
      POST,
      { input: { caseId: c.id, kind: 'NOTE', body: 'Đã liên hệ gia đình ông Khoa — "hẹn" lại\nngày 05/12 lúc 08:00.' } },
      tokens.officer,
    );
    expect(post.data.postToThread.seq).toBe(3);
    const [task] = await addTasks(c.id, 1);
    const step = await measured(TRANSITION, { input: { id: task.id, version: task.version, action: 'ACCEPT' } }, tokens.commune);
    expect(step.data.transitionTask.status).toBe('ACCEPTED');
    // The heads are hashed in SQL now: Node's verification must agree with every link.
    const audit = await verifyAuditChain(app.orm.em.fork());
    expect(audit.problems).toEqual([]);
    expect(audit.ok).toBe(true);
    expect(audit.eventsChecked).toBeGreaterThan(5);
    // Issue 18 asks for 6 each; these are where this branch stands (docs/PERFORMANCE.md). A regression fails here.
    expect(post.statements).toBeLessThanOrEqual(POST_STATEMENTS_CEILING);
    expect(step.statements).toBeLessThanOrEqual(TASK_STEP_STATEMENTS_CEILING);
  }, 60_000);

  it('records an action outcome in at most the ceiling, in one transaction', async () => {
    const c = await makeSharedCase(app, tokens.officer, communeA.id, [ubndA.id]);
    const ok = async (query: string, input: Record<string, unknown>) => {
      const res = await gql(app, query, { input }, tokens.officer);
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      return Object.values(res.data!)[0] as { id: string; version: number; status: string };
    };
    const start = new Date(Date.now() + 3 * 86_400_000);
    let visit = await ok(PLAN_ACTION, {
      caseId: c.id,
      kind: 'PERSUASION_VISIT',
      scheduledStart: start.toISOString(),
      scheduledEnd: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
      place: 'Nhà văn hóa thôn',
      invitations: [],
    });
    visit = await ok(STEP_ACTION, { id: visit.id, version: visit.version, step: 'MARK_READY' });
    // The "not before its day" rule reads this clock: the visit is rehearsed at once (as in actions.test.ts).
    const clock = app.services.actions.now;
    app.services.actions.now = () => new Date(start.getTime() + 3_600_000);
    try {
      visit = await ok(STEP_ACTION, { id: visit.id, version: visit.version, step: 'START' });
    } finally {
      app.services.actions.now = clock;
    }
    const outcome = await measured(
      OUTCOME,
      { input: { id: visit.id, version: visit.version, outcome: 'REFUSED', minutes: 'Ông Khoa chưa đồng ý tự nguyện thi hành.' } },
      tokens.officer,
    );
    expect(outcome.data.recordActionOutcome).toMatchObject({ status: 'COMPLETED', outcome: 'REFUSED', version: visit.version + 1 });
    // The outcome entry was inserted in the event's own statement: it is there, whole, beside its event.
    const entries = await app.orm.em
      .fork()
      .getConnection()
      .execute<{ outcome: string; minutes: string; attendees: unknown; money_collected: string; recorded_by_id: string }[]>(
        'select outcome, minutes, attendees, money_collected::text, recorded_by_id from action_outcome_entry where action_id = ?',
        [visit.id],
      );
    expect(entries).toEqual([
      expect.objectContaining({
        outcome: 'REFUSED',
        minutes: 'Ông Khoa chưa đồng ý tự nguyện thi hành.',
        attendees: [],
        money_collected: '0',
      }),
    ]);
    const audit = await verifyAuditChain(app.orm.em.fork());
    expect(audit.problems).toEqual([]);
    // Issue 18's 6: viewer, BEGIN, the action locked with its case and facts, the action's update, the outcome
    // entry's insert with the event append (one statement), COMMIT (docs/PERFORMANCE.md). A regression fails here.
    expect(outcome.statements).toBeLessThanOrEqual(OUTCOME_STATEMENTS_CEILING);
  }, 60_000);
});
