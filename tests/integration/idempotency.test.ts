import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app';
import type { Agency } from '../../server/src/modules/agencies/agency.entity';
import type { Area } from '../../server/src/modules/areas/area.entity';
import type { User } from '../../server/src/modules/users/user.entity';
import { AgencyKind, makeAgency, makeProvince, makeSharedCase, makeUser, Role, signIn } from '../support/factories';
import { createTestDatabase, gql, openOwnerOrm, startTestApp } from '../support/harness';

/** Issue 12 item 5: every creating mutation takes an idempotency key; retries are answered truthfully. */
let app: App;
let communeA: Area;
let office: Agency, ubndA: Agency;
const users: Record<string, User> = {};
const tokens: Record<string, string> = {};

const postMutation = 'mutation($input: NewPostInput!, $key: String) { postToThread(input: $input, idempotencyKey: $key) { id seq body } }';
const assignMutation = 'mutation($input: AssignTaskInput!, $key: String) { assignTask(input: $input, idempotencyKey: $key) { id title } }';

const transitionMutation =
  'mutation($input: TransitionTaskInput!, $key: String) { transitionTask(input: $input, idempotencyKey: $key) { id status version } }';
const reassignMutation =
  'mutation($input: ReassignTaskInput!, $key: String) { reassignTask(input: $input, idempotencyKey: $key) { id version assignee { id } } }';

const call = (who: string, query: string, variables: Record<string, unknown> = {}) => gql(app, query, variables, tokens[who]);
const code = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions?.code;

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await app.orm.em.fork().getConnection().execute<{ n: string }[]>(sql, params);
  return Number(row.n);
}

beforeAll(async () => {
  app = await startTestApp(await createTestDatabase());
  ({ communeA } = await makeProvince(app.orm));
  office = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [communeA]);
  ubndA = await makeAgency(app.orm, AgencyKind.PEOPLES_COMMITTEE, [communeA]);
  Object.assign(users, {
    officer: await makeUser(app.orm, office, [Role.ENFORCEMENT_OFFICER]),
    officer2: await makeUser(app.orm, office, [Role.ENFORCEMENT_OFFICER]),
    commune: await makeUser(app.orm, ubndA, [Role.OFFICER]),
    communeHead: await makeUser(app.orm, ubndA, [Role.AGENCY_HEAD]),
  });
  for (const [name, user] of Object.entries(users)) tokens[name] = (await signIn(app, user.username)).accessToken;
});
afterAll(async () => {
  await app?.close();
});

describe('idempotency keys on creating mutations', () => {
  it('eight parallel retries of one post (same key, same input) create one post and one event, and all get it back', async () => {
    const c = await makeSharedCase(app, tokens.officer, communeA.id, [ubndA.id]);
    const key = randomUUID();
    const input = { caseId: c.id, kind: 'NOTE', body: 'Đã liên hệ gia đình ông Khoa; hẹn làm việc thứ Hai.' };
    const answers = await Promise.all(Array.from({ length: 8 }, () => call('officer', postMutation, { input, key })));
    for (const res of answers) expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const ids = new Set(answers.map((res) => res.data!.postToThread.id));
    expect(ids.size).toBe(1);
    expect(await count('select count(*) as n from case_post where case_id = ?', [c.id])).toBe(1);
    expect(await count(`select count(*) as n from event where stream = ? and type = 'thread.posted'`, [`case:${c.id}`])).toBe(1);

    // A later retry (e.g. after a lost response) still answers the same post, and writes nothing.
    const again = await call('officer', postMutation, { input, key });
    expect(again.data!.postToThread.id).toBe([...ids][0]);
    expect(await count('select count(*) as n from case_post where case_id = ?', [c.id])).toBe(1);
  });

  it('the same key with another input or another operation is refused with IDEMPOTENCY_KEY_REUSED and changes nothing', async () => {
    const c = await makeSharedCase(app, tokens.officer, communeA.id, [ubndA.id]);
    const key = randomUUID();
    const first = await call('officer', postMutation, { input: { caseId: c.id, kind: 'NOTE', body: 'Bản thứ nhất' }, key });
    expect(first.errors).toBeUndefined();
    const posts = await count('select count(*) as n from case_post where case_id = ?', [c.id]);
    const events = await count('select count(*) as n from event');

    const otherInput = await call('officer', postMutation, { input: { caseId: c.id, kind: 'NOTE', body: 'Bản khác' }, key });
    expect(code(otherInput)).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(otherInput.errors![0].message).toMatch(/idempotencyKey/);
    const otherOperation = await call('officer', assignMutation, {
      input: { caseId: c.id, agencyId: ubndA.id, kind: 'PERSUADE', title: 'Vận động' },
      key,
    });
    expect(code(otherOperation)).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await count('select count(*) as n from case_post where case_id = ?', [c.id])).toBe(posts);
    expect(await count('select count(*) as n from event')).toBe(events);

    // Null and absent optional fields are the same request.
    const sameWithNull = await call('officer', postMutation, {
      input: { caseId: c.id, kind: 'NOTE', body: 'Bản thứ nhất', attachments: null },
      key,
    });
    expect(sameWithNull.data!.postToThread.id).toBe(first.data!.postToThread.id);
  });

  it('keys are scoped per user: two officers of one office using the same key each get their own post', async () => {
    const c = await makeSharedCase(app, tokens.officer, communeA.id, [ubndA.id]);
    const key = 'draft-1'; // a naive client's key, the same on two devices
    const input = { caseId: c.id, kind: 'NOTE', body: 'Ghi chú' };
    const a = await call('officer', postMutation, { input, key });
    const b = await call('officer2', postMutation, { input, key });
    expect(a.errors, JSON.stringify(a.errors)).toBeUndefined();
    expect(b.errors, JSON.stringify(b.errors)).toBeUndefined();
    expect(a.data!.postToThread.id).not.toBe(b.data!.postToThread.id);
  });

  it('a refused first attempt leaves the key free: the corrected retry with the same key succeeds', async () => {
    const c = await makeSharedCase(app, tokens.officer, communeA.id, [ubndA.id]);
    const key = randomUUID();
    // An unknown agency is refused inside the transaction, after the key was claimed: the claim rolls back with it.
    const refused = await call('officer', assignMutation, {
      input: { caseId: c.id, agencyId: randomUUID(), kind: 'PERSUADE', title: 'Vận động' },
      key,
    });
    expect(code(refused)).toBe('BAD_USER_INPUT');
    expect(await count('select count(*) as n from idempotency_key where key = ?', [key])).toBe(0);
    const corrected = await call('officer', assignMutation, {
      input: { caseId: c.id, agencyId: ubndA.id, kind: 'PERSUADE', title: 'Vận động' },
      key,
    });
    expect(corrected.errors, JSON.stringify(corrected.errors)).toBeUndefined();
    expect(await count('select count(*) as n from case_task where case_id = ?', [c.id])).toBe(1);
  });

  it('a key longer than 128 characters is BAD_USER_INPUT naming the field', async () => {
    const c = await makeSharedCase(app, tokens.officer, communeA.id, [ubndA.id]);
    const res = await call('officer', postMutation, { input: { caseId: c.id, kind: 'NOTE', body: 'x' }, key: 'k'.repeat(129) });
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.field).toBe('idempotencyKey');
  });
});

describe('idempotency keys on task steps', () => {
  async function newTask() {
    const c = await makeSharedCase(app, tokens.officer, communeA.id, [ubndA.id]);
    const res = await call('officer', assignMutation, { input: { caseId: c.id, agencyId: ubndA.id, kind: 'PERSUADE', title: 'Vận động' } });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return { caseId: c.id, taskId: res.data!.assignTask.id as string };
  }
  const taskEvents = (caseId: string, type: string) =>
    count('select count(*) as n from event where stream = ? and type = ?', [`case:${caseId}`, type]);

  it('a replayed step (same key, same input) is one step with the same answer, not CONFLICT', async () => {
    const { caseId, taskId } = await newTask();
    const key = randomUUID();
    const input = { id: taskId, version: 1, action: 'ACCEPT' };
    const first = await call('commune', transitionMutation, { input, key });
    expect(first.errors, JSON.stringify(first.errors)).toBeUndefined();
    expect(first.data!.transitionTask).toEqual({ id: taskId, status: 'ACCEPTED', version: 2 });

    // The answer was lost; the client sends the very same request again.
    const again = await call('commune', transitionMutation, { input, key });
    expect(again.errors, JSON.stringify(again.errors)).toBeUndefined();
    expect(again.data!.transitionTask).toEqual(first.data!.transitionTask);
    expect(await taskEvents(caseId, 'task.accepted')).toBe(1);
    expect(await count('select version as n from case_task where id = ?', [taskId])).toBe(2);

    // Without a key the same stale request is still a CONFLICT (nothing else changed).
    const unkeyed = await call('commune', transitionMutation, { input });
    expect(code(unkeyed)).toBe('CONFLICT');
  });

  it('parallel retries of one step with one key make one step and all get it back', async () => {
    const { caseId, taskId } = await newTask();
    const key = randomUUID();
    const input = { id: taskId, version: 1, action: 'CANCEL', reason: 'Giao nhầm cơ quan' };
    const answers = await Promise.all(Array.from({ length: 6 }, () => call('officer', transitionMutation, { input, key })));
    for (const res of answers) expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    for (const res of answers) expect(res.data!.transitionTask).toEqual({ id: taskId, status: 'CANCELLED', version: 2 });
    expect(await taskEvents(caseId, 'task.cancelled')).toBe(1);
  });

  it('the key reused with another input or on another step is IDEMPOTENCY_KEY_REUSED and changes nothing', async () => {
    const { caseId, taskId } = await newTask();
    const key = randomUUID();
    const accepted = await call('commune', transitionMutation, { input: { id: taskId, version: 1, action: 'ACCEPT' }, key });
    expect(accepted.errors, JSON.stringify(accepted.errors)).toBeUndefined();
    const events = await count('select count(*) as n from event');

    const otherInput = await call('commune', transitionMutation, { input: { id: taskId, version: 2, action: 'START' }, key });
    expect(code(otherInput)).toBe('IDEMPOTENCY_KEY_REUSED');
    const otherStep = await call('communeHead', reassignMutation, { input: { id: taskId, version: 2, assigneeId: users.commune.id }, key });
    // Keys are per user: the head's key is free, so this one succeeds …
    expect(otherStep.errors, JSON.stringify(otherStep.errors)).toBeUndefined();
    // … and the head replaying it on another operation is refused.
    const headOtherOp = await call('communeHead', transitionMutation, { input: { id: taskId, version: 3, action: 'START' }, key });
    expect(code(headOtherOp)).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await count('select count(*) as n from event')).toBe(events + 1);
    expect(await count('select version as n from case_task where id = ?', [taskId])).toBe(3);
    expect(await taskEvents(caseId, 'task.started')).toBe(0);
  });

  it('a reassignment replayed with its key returns the same assignee once', async () => {
    const { caseId, taskId } = await newTask();
    const key = randomUUID();
    const input = { id: taskId, version: 1, assigneeId: users.commune.id };
    const first = await call('communeHead', reassignMutation, { input, key });
    const again = await call('communeHead', reassignMutation, { input, key });
    expect(first.errors, JSON.stringify(first.errors)).toBeUndefined();
    expect(again.errors, JSON.stringify(again.errors)).toBeUndefined();
    expect(again.data).toEqual(first.data);
    expect(await taskEvents(caseId, 'task.reassigned')).toBe(1);
  });
});

describe('a connection lost during COMMIT', () => {
  it('is OUTCOME_UNKNOWN ("retry with the same key"), never "not performed"', async () => {
    // A deferred constraint trigger runs inside COMMIT: it ends its own connection there, as a
    // database crash or network cut at that instant would.
    // Set up as the owner (the app role has no DDL); the default privileges give the app role its rows.
    const owner = await openOwnerOrm(app.orm.config.get('clientUrl')!);
    const conn = owner.em.fork().getConnection();
    await conn.execute('create table commit_probe (id int)');
    await conn.execute(`create function commit_probe_cut() returns trigger language plpgsql as $$
      begin perform pg_terminate_backend(pg_backend_pid()); return null; end $$`);
    await conn.execute(`create constraint trigger commit_probe_cut after insert on commit_probe
      deferrable initially deferred for each row execute function commit_probe_cut()`);
    await owner.close(true);
    const attempt = app.services.outbox.transaction(app.orm.em.fork(), async (tx) => {
      await tx.em.execute('insert into commit_probe values (1)');
    });
    await expect(attempt).rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN', details: { committed: false } });
    // The pool may hand out the cut connection once more (knex does not validate idle connections),
    // so the read below is retried once; it must then see nothing saved (the cut came before the commit record).
    const countRows = () => app.orm.em.fork().getConnection().execute<{ n: string }[]>('select count(*) as n from commit_probe');
    const [{ n }] = await countRows().catch(countRows);
    expect(Number(n)).toBe(0);
  });
});
