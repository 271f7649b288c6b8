import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app';
import type { Agency } from '../../server/src/modules/agencies/agency.entity';
import type { Area } from '../../server/src/modules/areas/area.entity';
import { MAX_POST_BODY_CHARS } from '../../server/src/modules/threads/thread.service';
import type { User } from '../../server/src/modules/users/user.entity';
import { AgencyKind, makeAgency, makeProvince, makeSharedCase, makeUser, Role, signIn } from '../support/factories';
import { createTestDatabase, gql } from '../support/harness';
import { startTestApp } from '../support/harness';

/** Issue 5: case threads, read state, tasks, overdue escalation, my work. */
let app: App;
let province: Area, communeA: Area, communeB: Area;
let office: Agency, ubndA: Agency, policeA: Agency, ubndB: Agency, steering: Agency;
const users: Record<string, User> = {};
const tokens: Record<string, string> = {};

const POST_FIELDS =
  'id seq kind body caseId unread version editedAt deletedAt author { id } mentionedUsers { id } mentionedAgencies { id } attachments { name size type checksum } history { version body } viewerCan { edit delete }';
const TASK_FIELDS =
  'id status version reason resultNote overdue escalatedAt dueAt assignee { id } assigneeAgency { id } viewerCan { respond reassign cancel }';

const postMutation = `mutation($input: NewPostInput!) { postToThread(input: $input) { ${POST_FIELDS} } }`;
const assignMutation = `mutation($input: AssignTaskInput!) { assignTask(input: $input) { ${TASK_FIELDS} } }`;
const transitionMutation = `mutation($input: TransitionTaskInput!) { transitionTask(input: $input) { ${TASK_FIELDS} } }`;
const reassignMutation = `mutation($input: ReassignTaskInput!) { reassignTask(input: $input) { ${TASK_FIELDS} } }`;

const call = (who: string, query: string, variables: Record<string, unknown> = {}) => gql(app, query, variables, tokens[who]);
async function ok(who: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await call(who, query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}
/** `who` posts on the thread of case `caseId` (kind, body, mentions …); the new post. */
async function postOn(who: string, caseId: string, post: Record<string, unknown>) {
  return (await ok(who, postMutation, { input: { caseId, ...post } })).postToThread;
}

const code = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions?.code;

async function unread(who: string, caseId: string) {
  const data = await ok(who, 'query($ids: [ID!]) { unreadCounts(caseIds: $ids) { total cases { caseId unread lastSeq lastReadSeq } } }', {
    ids: [caseId],
  });
  return data.unreadCounts.cases[0]?.unread ?? 0;
}
async function totalUnread(who: string) {
  return (await ok(who, '{ unreadCounts { total } }')).unreadCounts.total as number;
}
async function myTasks(who: string, filter: Record<string, unknown> = {}) {
  const data = await ok(
    who,
    `query($filter: TaskFilterInput) { myTasks(first: 50, filter: $filter) { totalCount edges { node { id status } } } }`,
    { filter },
  );
  return data.myTasks.edges.map((e: any) => e.node) as Array<{ id: string; status: string }>;
}
async function counts() {
  const [row] = await app.orm.em
    .fork()
    .getConnection()
    .execute<{ posts: string; tasks: string; events: string; revisions: string }[]>(
      'select (select count(*) from case_post) as posts, (select count(*) from case_task) as tasks, (select count(*) from event) as events, (select count(*) from case_post_revision) as revisions',
    );
  return row;
}
async function eventsOf(caseId: string, type: string) {
  return app.orm.em
    .fork()
    .getConnection()
    .execute<{ type: string; topics: string[]; payload: any; actor_id: string | null }[]>(
      'select type, topics, payload, actor_id from event where stream = ? and type = ? order by stream_seq',
      [`case:${caseId}`, type],
    );
}

beforeAll(async () => {
  app = await startTestApp(await createTestDatabase());
  ({ province, communeA, communeB } = await makeProvince(app.orm));
  office = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [communeA, communeB]);
  ubndA = await makeAgency(app.orm, AgencyKind.PEOPLES_COMMITTEE, [communeA]);
  ubndB = await makeAgency(app.orm, AgencyKind.PEOPLES_COMMITTEE, [communeB]);
  policeA = await makeAgency(app.orm, AgencyKind.POLICE, [communeA]);
  const procuracy = await makeAgency(app.orm, AgencyKind.PROCURACY, [communeA, communeB]);
  steering = await makeAgency(app.orm, AgencyKind.STEERING_COMMITTEE, [province]);
  Object.assign(users, {
    officer: await makeUser(app.orm, office, [Role.ENFORCEMENT_OFFICER]),
    commune: await makeUser(app.orm, ubndA, [Role.OFFICER]),
    commune2: await makeUser(app.orm, ubndA, [Role.OFFICER]),
    communeHead: await makeUser(app.orm, ubndA, [Role.AGENCY_HEAD]),
    police: await makeUser(app.orm, policeA, [Role.OFFICER]),
    outsider: await makeUser(app.orm, ubndB, [Role.OFFICER]),
    procurator: await makeUser(app.orm, procuracy, [Role.PROCURATOR]),
    steering: await makeUser(app.orm, steering, [Role.STEERING_MEMBER]),
  });
  for (const [name, user] of Object.entries(users)) tokens[name] = (await signIn(app, user.username)).accessToken;
});
afterAll(async () => {
  await app?.close();
});

describe('a persuasion effort, end to end', () => {
  it('officer posts and mentions the commune; the commune accepts, reports and completes; unread counts and myTasks are right at each step', async () => {
    const c = await makeSharedCase(app, tokens.officer, communeA.id, [ubndA.id, policeA.id]);
    for (const who of ['officer', 'commune', 'commune2', 'police']) {
      expect(await unread(who, c.id)).toBe(0);
      expect(await myTasks(who)).toEqual([]);
    }

    // 1. The officer posts, mentioning the commune official and the commune committee.
    const first = await postOn('officer', c.id, {
      kind: 'NOTE',
      body: 'Đề nghị **UBND xã** phối hợp vận động gia đình ông Khoa tự nguyện thi hành.',
      mentionedUserIds: [users.commune.id],
      mentionedAgencyIds: [ubndA.id],
    });
    expect(first).toMatchObject({
      seq: 1,
      kind: 'NOTE',
      unread: false,
      mentionedUsers: [{ id: users.commune.id }],
      mentionedAgencies: [{ id: ubndA.id }],
      viewerCan: { edit: true, delete: true },
    });
    expect(await unread('officer', c.id)).toBe(0); // own posts are never unread
    expect(await unread('commune', c.id)).toBe(1);
    expect(await unread('commune2', c.id)).toBe(1);
    expect(await unread('police', c.id)).toBe(1);
    const mentions = (await ok('commune', '{ mentionsMe(first: 10) { totalCount edges { node { id unread } } } }')).mentionsMe;
    expect(mentions).toEqual({ totalCount: 1, edges: [{ node: { id: first.id, unread: true } }] });
    expect((await ok('commune2', '{ mentionsMe { totalCount } }')).mentionsMe.totalCount).toBe(0);
    const posted = await eventsOf(c.id, 'thread.posted');
    expect(posted[0].topics).toEqual(expect.arrayContaining([`case:${c.id}`, `user:${users.commune.id}`, `agency:${ubndA.id}`]));
    expect(posted[0].payload).toMatchObject({ caseId: c.id, postId: first.id, seq: 1 });
    expect(JSON.stringify(posted[0].payload)).not.toContain('vận động'); // bodies stay out of the event log payloads

    // 2. The officer assigns the commune a persuasion task, due in 5 working days, naming the official.
    const task = (
      await ok('officer', assignMutation, {
        input: {
          caseId: c.id,
          agencyId: ubndA.id,
          assigneeId: users.commune.id,
          kind: 'PERSUADE',
          title: 'Vận động gia đình ông Khoa',
          priority: 'HIGH',
          dueInWorkingDays: 5,
        },
      })
    ).assignTask;
    expect(task).toMatchObject({
      status: 'OPEN',
      version: 1,
      overdue: false,
      assignee: { id: users.commune.id },
      viewerCan: { respond: false, reassign: true, cancel: true },
    });
    expect(new Date(task.dueAt).getTime()).toBeGreaterThan(Date.now() + 5 * 86_400_000);
    expect(await myTasks('commune')).toEqual([{ id: task.id, status: 'OPEN' }]);
    expect(await myTasks('commune2')).toEqual([{ id: task.id, status: 'OPEN' }]); // the agency's task
    expect(await myTasks('commune2', { mineOnly: true })).toEqual([]);
    expect(await myTasks('officer')).toEqual([]);
    expect(await myTasks('police')).toEqual([]);
    const created = await eventsOf(c.id, 'task.created');
    expect(created[0].topics).toEqual(expect.arrayContaining([`case:${c.id}`, `agency:${ubndA.id}`, `user:${users.commune.id}`]));
    const inbox = (
      await ok(
        'commune',
        '{ inbox(first: 10) { totalCount edges { node { type category case { id } task { id } post { id } actor { id } } } } }',
      )
    ).inbox;
    expect(inbox.edges.map((e: any) => e.node.category)).toEqual(['NEW_TASK', 'MENTION', 'INVITATION']);
    expect(inbox.edges[0].node).toMatchObject({ task: { id: task.id }, actor: { id: users.officer.id }, case: { id: c.id } });
    expect(inbox.edges[1].node.post).toEqual({ id: first.id });

    // 3. The commune official reads the thread (twice: idempotent).
    const markRead = (who: string) =>
      ok(who, 'mutation($id: ID!) { markThreadRead(caseId: $id) { caseId lastSeq lastReadSeq unread } }', { id: c.id });
    expect((await markRead('commune')).markThreadRead).toEqual({ caseId: c.id, lastSeq: 1, lastReadSeq: 1, unread: 0 });
    expect((await markRead('commune')).markThreadRead).toEqual({ caseId: c.id, lastSeq: 1, lastReadSeq: 1, unread: 0 });
    // Marking an older position never moves the mark back.
    const back = await ok('commune', 'mutation($id: ID!) { markThreadRead(caseId: $id, upToSeq: 0) { lastReadSeq } }', { id: c.id });
    expect(back.markThreadRead.lastReadSeq).toBe(1);
    expect(await unread('commune', c.id)).toBe(0);
    expect(await unread('commune2', c.id)).toBe(1);

    // 4. The commune accepts and starts the task.
    let version = task.version;
    const step = async (who: string, action: string, extra: Record<string, unknown> = {}) => {
      const t = (await ok(who, transitionMutation, { input: { id: task.id, version, action, ...extra } })).transitionTask;
      version = t.version;
      return t;
    };
    expect(await step('commune', 'ACCEPT')).toMatchObject({ status: 'ACCEPTED', version: 2 });
    expect(await myTasks('commune')).toEqual([{ id: task.id, status: 'ACCEPTED' }]);
    expect(await step('commune', 'START')).toMatchObject({ status: 'IN_PROGRESS' });

    // 5. The commune reports in the thread.
    const report = await postOn('commune', c.id, {
      kind: 'REPORT',
      body: 'Đã cùng trưởng thôn và Hội Phụ nữ đến nhà ông Khoa; gia đình cam kết trả nợ trong tháng.',
    });
    expect(report).toMatchObject({ seq: 2, kind: 'REPORT' });
    expect(await unread('officer', c.id)).toBe(1);
    expect(await unread('commune', c.id)).toBe(0);
    expect(await unread('commune2', c.id)).toBe(2);
    expect(await unread('police', c.id)).toBe(2);

    // 6. The commune completes the task.
    expect(await step('commune', 'COMPLETE', { note: 'Gia đình đã nộp đủ tiền.' })).toMatchObject({
      status: 'DONE',
      resultNote: 'Gia đình đã nộp đủ tiền.',
      viewerCan: { respond: true },
    });
    expect(await myTasks('commune', { statuses: ['OPEN', 'ACCEPTED', 'IN_PROGRESS'] })).toEqual([]);
    expect(await myTasks('commune', { statuses: ['DONE'] })).toEqual([{ id: task.id, status: 'DONE' }]);
    const types = (
      await app.orm.em
        .fork()
        .getConnection()
        .execute<{ type: string }[]>(`select type from event where stream = ? and type like 'task.%' order by stream_seq`, [`case:${c.id}`])
    ).map((r) => r.type);
    expect(types).toEqual(['task.created', 'task.accepted', 'task.started', 'task.completed']);
    // The assigner hears of each answer on their personal topic.
    expect((await eventsOf(c.id, 'task.completed'))[0].topics).toContain(`user:${users.officer.id}`);

    // 7. The officer reads the report.
    expect((await markRead('officer')).markThreadRead.unread).toBe(0);
    expect(await unread('officer', c.id)).toBe(0);
    expect(await unread('commune2', c.id)).toBe(2);
  });
});

describe('bad input is refused with a clear error and writes nothing', () => {
  it('refuses empty and oversized bodies, mentions outside the case and tasks for agencies not taking part', async () => {
    const c = await makeSharedCase(app, tokens.officer, communeA.id, [ubndA.id]);
    const before = await counts();
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ body: '' }, 'body', /không được để trống/],
      [{ body: '   \n\t ' }, 'body', /không được để trống/],
      [{ body: 'x'.repeat(MAX_POST_BODY_CHARS + 1) }, 'body', /vượt giới hạn 10\.000 ký tự/],
      [{ body: 'Nhờ anh hỗ trợ', mentionedUserIds: [users.outsider.id] }, 'mentionedUserIds', /không tham gia việc này/],
      [{ body: 'Nhờ xã B hỗ trợ', mentionedAgencyIds: [ubndB.id] }, 'mentionedAgencyIds', /không tham gia việc này/],
      [
        { body: 'Tệp lỗi', attachments: [{ name: 'bien-ban.pdf', size: 10, type: 'application/pdf', checksum: 'abc' }] },
        'attachments',
        /SHA-256/,
      ],
      [{ body: 'Hệ thống', kind: 'SYSTEM' }, 'kind', /hệ thống/],
    ];
    for (const [input, field, message] of cases) {
      const res = await call('officer', postMutation, { input: { caseId: c.id, kind: 'NOTE', ...input } });
      expect(code(res), JSON.stringify(res.errors)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(message);
      if (res.errors![0].extensions?.field) expect(res.errors![0].extensions.field).toContain(field);
    }
    const task = await call('officer', assignMutation, {
      input: { caseId: c.id, agencyId: ubndB.id, kind: 'SERVE_NOTICE', title: 'Niêm yết thông báo', dueInWorkingDays: 3 },
    });
    expect(code(task)).toBe('BAD_USER_INPUT');
    expect(task.errors![0].message).toMatch(/chưa tham gia việc này; hãy chia sẻ việc/);
    const wrongPerson = await call('officer', assignMutation, {
      input: { caseId: c.id, agencyId: ubndA.id, assigneeId: users.police.id, kind: 'OTHER', title: 'Việc khác' },
    });
    expect(wrongPerson.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'assigneeId' } });
    const noTitle = await call('officer', assignMutation, { input: { caseId: c.id, agencyId: ubndA.id, kind: 'OTHER', title: '  ' } });
    expect(noTitle.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'title' } });
    const pastDue = await call('officer', assignMutation, {
      input: { caseId: c.id, agencyId: ubndA.id, kind: 'OTHER', title: 'Hạn cũ', dueAt: new Date(Date.now() - 1000).toISOString() },
    });
    expect(pastDue.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'dueAt' } });
    expect(await counts()).toEqual(before);
  });

  it('accepts a body of exactly the limit, with attachment metadata', async () => {
    const c = await makeSharedCase(app, tokens.officer, communeA.id);
    const attachment = { name: 'bien-ban-xac-minh.pdf', size: 123_456, type: 'application/pdf', checksum: 'a'.repeat(64) };
    const post = await postOn('officer', c.id, { kind: 'NOTE', body: 'y'.repeat(MAX_POST_BODY_CHARS), attachments: [attachment] });
    expect(post.body).toHaveLength(MAX_POST_BODY_CHARS);
    expect(post.attachments).toEqual([attachment]);
  });
});

describe('who may read, post and assign', () => {
  it('keeps an outsider agency out of the thread and its tasks', async () => {
    const c = await makeSharedCase(app, tokens.officer, communeA.id, [ubndA.id]);
    await postOn('officer', c.id, { kind: 'NOTE', body: 'Nội dung nội bộ' });
    expect(code(await call('outsider', 'query($id: ID!) { caseThread(caseId: $id) { totalCount } }', { id: c.id }))).toBe('NOT_FOUND');
    expect(code(await call('outsider', postMutation, { input: { caseId: c.id, kind: 'NOTE', body: 'Xin chào' } }))).toBe('NOT_FOUND');
    expect(code(await call('outsider', 'mutation($id: ID!) { markThreadRead(caseId: $id) { unread } }', { id: c.id }))).toBe('NOT_FOUND');
    expect(code(await call('outsider', 'query($id: ID!) { caseTasks(caseId: $id) { totalCount } }', { id: c.id }))).toBe('NOT_FOUND');
    expect(await totalUnread('outsider')).toBe(0);
  });

  it('lets only steering members direct, only supervising procurators recommend, and refuses assignment by a commune official', async () => {
    const c = await makeSharedCase(app, tokens.officer, communeA.id, [ubndA.id, policeA.id]);
    const directive = { caseId: c.id, kind: 'DIRECTIVE', body: 'Đề nghị các cơ quan hoàn thành vận động trước ngày 15.' };
    expect(code(await call('commune', postMutation, { input: directive }))).toBe('FORBIDDEN');
    expect(code(await call('officer', postMutation, { input: directive }))).toBe('FORBIDDEN');
    expect(code(await call('procurator', postMutation, { input: directive }))).toBe('FORBIDDEN');
    const posted = (await ok('steering', postMutation, { input: directive })).postToThread;
    expect(posted.kind).toBe('DIRECTIVE');
    const recommendation = { caseId: c.id, kind: 'RECOMMENDATION', body: 'Kiến nghị xác minh lại tài sản.' };
    expect(code(await call('commune', postMutation, { input: recommendation }))).toBe('FORBIDDEN');
    expect((await ok('procurator', postMutation, { input: recommendation })).postToThread.kind).toBe('RECOMMENDATION');
    // The directive reaches every participating agency's inbox; the recommendation the lead office's.
    const inboxOf = async (who: string) =>
      (await ok(who, '{ inbox(first: 20) { edges { node { category case { id } } } } }')).inbox.edges
        .map((e: any) => e.node)
        .filter((n: any) => n.case.id === c.id)
        .map((n: any) => n.category);
    expect(await inboxOf('police')).toContain('DIRECTIVE');
    expect(await inboxOf('commune')).toContain('DIRECTIVE');
    expect(await inboxOf('officer')).toEqual(expect.arrayContaining(['DIRECTIVE', 'RECOMMENDATION']));

    const assign = { caseId: c.id, agencyId: policeA.id, kind: 'VERIFY_CONDITIONS', title: 'Xác minh nơi cư trú' };
    const byCommune = await call('commune', assignMutation, { input: assign });
    expect(code(byCommune)).toBe('FORBIDDEN');
    expect((await ok('steering', assignMutation, { input: assign })).assignTask.status).toBe('OPEN');
  });
});

describe('the task workflow', () => {
  async function openTask(extra: Record<string, unknown> = {}) {
    const c = await makeSharedCase(app, tokens.officer, communeA.id, [ubndA.id, policeA.id]);
    const t = (
      await ok('officer', assignMutation, {
        input: {
          caseId: c.id,
          agencyId: ubndA.id,
          kind: 'SERVE_NOTICE',
          title: 'Niêm yết thông báo tại UBND xã',
          dueInWorkingDays: 3,
          ...extra,
        },
      })
    ).assignTask;
    return { c, t };
  }

  it('refuses illegal steps with RULE_VIOLATION and steps by other agencies with FORBIDDEN', async () => {
    const { t } = await openTask();
    const complete = await call('commune', transitionMutation, { input: { id: t.id, version: 1, action: 'COMPLETE' } });
    expect(complete.errors![0].extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'Quy trình nhiệm vụ phối hợp' });
    expect(complete.errors![0].message).toMatch(/mới giao/);
    expect(code(await call('police', transitionMutation, { input: { id: t.id, version: 1, action: 'ACCEPT' } }))).toBe('FORBIDDEN');
    expect(code(await call('officer', transitionMutation, { input: { id: t.id, version: 1, action: 'ACCEPT' } }))).toBe('FORBIDDEN');
    expect(code(await call('commune', transitionMutation, { input: { id: t.id, version: 1, action: 'CANCEL' } }))).toBe('FORBIDDEN');
    const accepted = (await ok('commune', transitionMutation, { input: { id: t.id, version: 1, action: 'ACCEPT' } })).transitionTask;
    // A stale version is a conflict, not a silent overwrite.
    expect(code(await call('commune2', transitionMutation, { input: { id: t.id, version: 1, action: 'START' } }))).toBe('CONFLICT');
    const again = await call('commune', transitionMutation, { input: { id: t.id, version: accepted.version, action: 'ACCEPT' } });
    expect(code(again)).toBe('RULE_VIOLATION');
    const cancelled = (
      await ok('officer', transitionMutation, {
        input: { id: t.id, version: accepted.version, action: 'CANCEL', reason: 'Đương sự đã tự nguyện thi hành.' },
      })
    ).transitionTask;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', reason: 'Đương sự đã tự nguyện thi hành.' });
    expect(code(await call('commune', transitionMutation, { input: { id: t.id, version: cancelled.version, action: 'START' } }))).toBe(
      'RULE_VIOLATION',
    );
  });

  it('requires a reason to decline and tells the assigner', async () => {
    const { c, t } = await openTask();
    const bare = await call('commune', transitionMutation, { input: { id: t.id, version: 1, action: 'DECLINE' } });
    expect(bare.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'reason' } });
    const declined = (
      await ok('commune', transitionMutation, {
        input: { id: t.id, version: 1, action: 'DECLINE', reason: 'Việc niêm yết thuộc thẩm quyền của cơ quan THADS.' },
      })
    ).transitionTask;
    expect(declined).toMatchObject({ status: 'DECLINED', reason: 'Việc niêm yết thuộc thẩm quyền của cơ quan THADS.' });
    const inbox = (await ok('officer', '{ inbox(first: 20) { edges { node { category type task { id status } } } } }')).inbox.edges.map(
      (e: any) => e.node,
    );
    expect(inbox).toContainEqual({ category: 'TASK_UPDATE', type: 'task.declined', task: { id: t.id, status: 'DECLINED' } });
    expect((await eventsOf(c.id, 'task.declined'))[0].payload).toMatchObject({
      caseId: c.id,
      taskId: t.id,
      reason: 'Việc niêm yết thuộc thẩm quyền của cơ quan THADS.',
    });
  });

  it('reassigns within the assignee agency, by its head or the lead office only', async () => {
    const { t } = await openTask({ assigneeId: users.commune.id });
    expect(code(await call('commune', reassignMutation, { input: { id: t.id, version: 1, assigneeId: users.commune2.id } }))).toBe(
      'FORBIDDEN',
    );
    const outside = await call('communeHead', reassignMutation, { input: { id: t.id, version: 1, assigneeId: users.police.id } });
    expect(outside.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'assigneeId' } });
    const moved = (await ok('communeHead', reassignMutation, { input: { id: t.id, version: 1, assigneeId: users.commune2.id } }))
      .reassignTask;
    expect(moved).toMatchObject({ assignee: { id: users.commune2.id }, version: 2 });
    expect((await myTasks('commune2', { mineOnly: true })).map((x) => x.id)).toContain(t.id);
    expect((await myTasks('commune', { mineOnly: true })).map((x) => x.id)).not.toContain(t.id);
    const inbox = (await ok('commune2', '{ inbox(first: 5) { edges { node { type category } } } }')).inbox.edges.map((e: any) => e.node);
    expect(inbox[0]).toEqual({ type: 'task.reassigned', category: 'NEW_TASK' });
    const byLead = (await ok('officer', reassignMutation, { input: { id: t.id, version: 2, assigneeId: null } })).reassignTask;
    expect(byLead.assignee).toBeNull();
  });
});

describe('overdue tasks and escalation', () => {
  it('shows overdue tasks and escalates each one past the grace period once, to the lead office and the steering committee', async () => {
    const c = await makeSharedCase(app, tokens.officer, communeA.id, [ubndA.id]);
    const assign = async (title: string) =>
      (
        await ok('officer', assignMutation, {
          input: { caseId: c.id, agencyId: ubndA.id, kind: 'PROVIDE_INFORMATION', title, dueInWorkingDays: 1 },
        })
      ).assignTask;
    const longOverdue = await assign('Cung cấp xác nhận cư trú');
    const justOverdue = await assign('Cung cấp danh sách hộ gia đình');
    const done = await assign('Đã xong trước hạn');
    await ok('commune', transitionMutation, { input: { id: done.id, version: 1, action: 'ACCEPT' } });
    await ok('commune', transitionMutation, { input: { id: done.id, version: 2, action: 'COMPLETE' } });
    const conn = app.orm.em.fork().getConnection();
    await conn.execute(`update case_task set due_at = now() - interval '20 days' where id in (?, ?)`, [longOverdue.id, done.id]);
    await conn.execute(`update case_task set due_at = now() - interval '1 minute' where id = ?`, [justOverdue.id]);

    const overdue = await myTasks('commune', { overdue: true });
    expect(overdue.map((t) => t.id).sort()).toEqual([longOverdue.id, justOverdue.id].sort());
    const one = (await ok('commune', 'query($id: ID!) { task(id: $id) { overdue escalatedAt } }', { id: longOverdue.id })).task;
    expect(one).toEqual({ overdue: true, escalatedAt: null });

    const first = await app.services.tasks.escalateOverdueTasks(app.orm.em.fork());
    expect(first).toContain(longOverdue.id);
    expect(first).not.toContain(justOverdue.id); // still inside the grace period
    expect(first).not.toContain(done.id);
    expect(await app.services.tasks.escalateOverdueTasks(app.orm.em.fork())).not.toContain(longOverdue.id);
    const escalations = await eventsOf(c.id, 'task.escalated');
    expect(escalations).toHaveLength(1);
    expect(escalations[0].actor_id).toBeNull();
    // The statistics topic too: "escalations awaiting the committee" is a dashboard figure (issue 14).
    expect(escalations[0].topics.sort()).toEqual(
      [`case:${c.id}`, `agency:${office.id}`, `agency:${steering.id}`, `agency:${ubndA.id}`, 'statistics'].sort(),
    );
    expect(escalations[0].payload).toMatchObject({ caseId: c.id, taskId: longOverdue.id });
    expect(
      (await ok('commune', 'query($id: ID!) { task(id: $id) { escalatedAt } }', { id: longOverdue.id })).task.escalatedAt,
    ).not.toBeNull();
    const steeringInbox = (await ok('steering', '{ inbox(first: 10) { edges { node { category task { id } } } } }')).inbox.edges.map(
      (e: any) => e.node,
    );
    expect(steeringInbox).toContainEqual({ category: 'ESCALATION', task: { id: longOverdue.id } });
    // The assignee agency sees its own task as overdue in its inbox.
    const communeInbox = (await ok('commune', '{ inbox(first: 20) { edges { node { category task { id } } } } }')).inbox.edges.map(
      (e: any) => e.node,
    );
    expect(communeInbox).toContainEqual({ category: 'OVERDUE_TASK', task: { id: longOverdue.id } });
  });
});

describe('inbox read state', () => {
  const inboxQuery =
    'query($unreadOnly: Boolean) { inbox(first: 50, unreadOnly: $unreadOnly) { totalCount unreadCount edges { node { id type category unread case { id } } } } }';
  const markMutation = 'mutation($ids: [String!]) { markInboxRead(ids: $ids) { unreadCount } }';
  const inboxOf = async (who: string, unreadOnly = false) => (await ok(who, inboxQuery, { unreadOnly })).inbox;

  it('marks items read one by one or all at once, per user, and the counts agree with the list', async () => {
    const c = await makeSharedCase(app, tokens.officer, communeA.id, [ubndA.id]);
    await ok('officer', assignMutation, {
      input: { caseId: c.id, agencyId: ubndA.id, kind: 'PERSUADE', title: 'Vận động lần một', dueInWorkingDays: 5 },
    });
    await ok('officer', assignMutation, {
      input: { caseId: c.id, agencyId: ubndA.id, kind: 'PERSUADE', title: 'Vận động lần hai', dueInWorkingDays: 5 },
    });
    const before = await inboxOf('commune2');
    const mine = before.edges.map((e: any) => e.node).filter((n: any) => n.case.id === c.id);
    expect(mine.map((n: any) => [n.category, n.unread])).toEqual([
      ['NEW_TASK', true],
      ['NEW_TASK', true],
      ['INVITATION', true],
    ]);
    expect(before.unreadCount).toBe(before.edges.filter((e: any) => e.node.unread).length);

    // One item read: only for this user, and twice is the same as once.
    const marked = (await ok('commune2', markMutation, { ids: [mine[0].id] })).markInboxRead;
    expect(marked.unreadCount).toBe(before.unreadCount - 1);
    expect((await ok('commune2', markMutation, { ids: [mine[0].id] })).markInboxRead.unreadCount).toBe(before.unreadCount - 1);
    const after = await inboxOf('commune2');
    expect(after.totalCount).toBe(before.totalCount);
    expect(after.edges.find((e: any) => e.node.id === mine[0].id).node.unread).toBe(false);
    const unreadOnly = await inboxOf('commune2', true);
    expect(unreadOnly.totalCount).toBe(after.unreadCount);
    expect(unreadOnly.edges.map((e: any) => e.node.id)).not.toContain(mine[0].id);
    const colleague = await inboxOf('commune');
    expect(colleague.edges.find((e: any) => e.node.id === mine[0].id)?.node.unread).toBe(true);

    // Someone else's item (not in my inbox) is ignored rather than revealed; bad ids are refused.
    const officerItems = (await inboxOf('officer')).edges.map((e: any) => e.node.id);
    const foreign = officerItems.find((id: string) => !after.edges.some((e: any) => e.node.id === id));
    if (foreign) expect((await ok('commune2', markMutation, { ids: [foreign] })).markInboxRead.unreadCount).toBe(after.unreadCount);
    const bad = await call('commune2', markMutation, { ids: ['không-phải-số'] });
    expect(code(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/không hợp lệ/);
    expect(code(await call('commune2', markMutation, { ids: [] }))).toBe('BAD_USER_INPUT');

    // All at once.
    expect((await ok('commune2', markMutation, {})).markInboxRead.unreadCount).toBe(0);
    expect((await inboxOf('commune2', true)).totalCount).toBe(0);
    expect((await inboxOf('commune2')).edges.every((e: any) => !e.node.unread)).toBe(true);
  });

  it('lists an invitation to a planned visit for the invited agency', async () => {
    const c = await makeSharedCase(app, tokens.officer, communeA.id, [ubndA.id]);
    const start = new Date(Date.now() + 30 * 86_400_000);
    start.setUTCHours(2, 0, 0, 0); // 09:00 in Viet Nam
    const planned = await call('officer', 'mutation($input: PlanActionInput!) { planAction(input: $input) { id } }', {
      input: {
        caseId: c.id,
        kind: 'PERSUASION_VISIT',
        title: 'Vận động tại nhà',
        scheduledStart: start.toISOString(),
        scheduledEnd: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
        place: 'Thôn 3',
        invitations: [{ agencyId: ubndA.id, required: true }],
      },
    });
    if (planned.errors) throw new Error(JSON.stringify(planned.errors));
    const items = (await inboxOf('commune2')).edges.map((e: any) => e.node).filter((n: any) => n.case.id === c.id);
    expect(items.map((n: any) => [n.type, n.category])).toContainEqual(['action.planned', 'INVITATION']);
  });
});

describe('thread history, deletion and pagination', () => {
  it('keeps the edit history, deletes softly with an audit trace, and lets only the author do either', async () => {
    const c = await makeSharedCase(app, tokens.officer, communeA.id, [ubndA.id]);
    const post = await postOn('officer', c.id, { kind: 'NOTE', body: 'Lịch vận động: thứ Ba.' });
    const edit = 'mutation($input: EditPostInput!) { editPost(input: $input) { body version editedAt history { version body } } }';
    expect(code(await call('commune', edit, { input: { id: post.id, version: 1, body: 'Sửa trộm' } }))).toBe('FORBIDDEN');
    const edited = (await ok('officer', edit, { input: { id: post.id, version: 1, body: 'Lịch vận động: thứ Tư.' } })).editPost;
    expect(edited).toMatchObject({ body: 'Lịch vận động: thứ Tư.', version: 2, history: [{ version: 1, body: 'Lịch vận động: thứ Ba.' }] });
    expect(edited.editedAt).not.toBeNull();
    expect(code(await call('officer', edit, { input: { id: post.id, version: 1, body: 'Bản cũ' } }))).toBe('CONFLICT');
    const del = 'mutation($input: DeletePostInput!) { deletePost(input: $input) { body deletedAt history { body } viewerCan { edit } } }';
    expect(code(await call('commune', del, { input: { id: post.id, version: 2 } }))).toBe('FORBIDDEN');
    const deleted = (await ok('officer', del, { input: { id: post.id, version: 2, reason: 'Đăng nhầm việc' } })).deletePost;
    expect(deleted).toMatchObject({
      body: null,
      viewerCan: { edit: false },
      history: [{ body: 'Lịch vận động: thứ Ba.' }, { body: 'Lịch vận động: thứ Tư.' }],
    });
    expect(deleted.deletedAt).not.toBeNull();
    expect((await eventsOf(c.id, 'thread.postDeleted'))[0]).toMatchObject({
      actor_id: users.officer.id,
      payload: { postId: post.id, reason: 'Đăng nhầm việc' },
    });
    // Deleted posts stay in the thread (numbering intact) but no longer count as unread.
    const thread = (
      await ok('commune', 'query($id: ID!) { caseThread(caseId: $id) { totalCount edges { node { seq body deletedAt } } } }', { id: c.id })
    ).caseThread;
    expect(thread.totalCount).toBe(1);
    expect(await unread('commune', c.id)).toBe(0);
  });

  it('pages the thread forward and backward, and the mentions list', async () => {
    const c = await makeSharedCase(app, tokens.officer, communeA.id, [ubndA.id]);
    for (let i = 1; i <= 7; i++) {
      await postOn('officer', c.id, { kind: 'NOTE', body: `Bài số ${i}`, mentionedUserIds: i % 2 ? [users.commune2.id] : [] });
    }
    const page = async (args: string) =>
      (
        await ok(
          'commune',
          `query($id: ID!) { caseThread(caseId: $id, ${args}) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { seq } } } }`,
          { id: c.id },
        )
      ).caseThread;
    const seqs = (p: any) => p.edges.map((e: any) => e.node.seq);
    const newest = await page('last: 3');
    expect(seqs(newest)).toEqual([5, 6, 7]);
    expect(newest.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    expect(newest.totalCount).toBe(7);
    const older = await page(`last: 3, before: "${newest.pageInfo.startCursor}"`);
    expect(seqs(older)).toEqual([2, 3, 4]);
    expect(older.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    const oldest = await page(`last: 3, before: "${older.pageInfo.startCursor}"`);
    expect(seqs(oldest)).toEqual([1]);
    expect(oldest.pageInfo.hasPreviousPage).toBe(false);
    const forward = await page(`first: 4, after: "${oldest.pageInfo.endCursor}"`);
    expect(seqs(forward)).toEqual([2, 3, 4, 5]);
    expect(forward.pageInfo.hasNextPage).toBe(true);
    expect(code(await call('commune', 'query($id: ID!) { caseThread(caseId: $id, first: 2, last: 2) { totalCount } }', { id: c.id }))).toBe(
      'BAD_USER_INPUT',
    );

    // Reading up to seq 4 leaves 3 unread.
    await ok('commune', 'mutation($id: ID!) { markThreadRead(caseId: $id, upToSeq: 4) { unread } }', { id: c.id });
    expect(await unread('commune', c.id)).toBe(3);

    const mentions = async (args: string) =>
      (
        await ok(
          'commune2',
          `{ mentionsMe(${args}) { totalCount pageInfo { startCursor endCursor hasNextPage hasPreviousPage } edges { node { body } } } }`,
        )
      ).mentionsMe;
    const m1 = await mentions('first: 2');
    expect(m1.totalCount).toBe(4);
    expect(m1.edges.map((e: any) => e.node.body)).toEqual(['Bài số 7', 'Bài số 5']);
    const m2 = await mentions(`first: 2, after: "${m1.pageInfo.endCursor}"`);
    expect(m2.edges.map((e: any) => e.node.body)).toEqual(['Bài số 3', 'Bài số 1']);
    const mBack = await mentions(`last: 1, before: "${m2.pageInfo.startCursor}"`);
    expect(mBack.edges.map((e: any) => e.node.body)).toEqual(['Bài số 5']);

    // The inbox pages both ways too.
    const inbox = async (args: string) =>
      (await ok('commune2', `{ inbox(${args}) { totalCount pageInfo { startCursor endCursor } edges { node { id } } } }`)).inbox;
    const all = await inbox('first: 100');
    const i1 = await inbox('first: 2');
    const i2 = await inbox(`first: 2, after: "${i1.pageInfo.endCursor}"`);
    const iBack = await inbox(`last: 2, before: "${i2.pageInfo.startCursor}"`);
    const ids = (p: any) => p.edges.map((e: any) => e.node.id);
    expect([...ids(i1), ...ids(i2)]).toEqual(ids(all).slice(0, 4));
    expect(ids(iBack)).toEqual(ids(i1));
  });
});
