import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app';
import { roleExcessPrivileges } from '../../server/src/db/roles';
import { appendEvent } from '../../server/src/events/event-log';
import { syntheticEvent } from '../support/synthetic-event';
import { AgencyKind, makeAgency, makeProvince, makeUser, Role, signIn } from '../support/factories';
import { createTestDatabase, gql, ownerUrlOf, startTestApp } from '../support/harness';

/**
 * The restricted app role at work in a running app (docs/SECURITY.md, "Database roles"): the app's
 * pool connects as it, with a statement_timeout that cancels a statement stuck past it.
 */
let app: App;
let databaseUrl: string;
let adminToken: string;
let parentId: string;

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  app = await startTestApp(databaseUrl, { DB_STATEMENT_TIMEOUT_MS: 400, DB_JOB_STATEMENT_TIMEOUT_MS: 5000 });
  const areas = await makeProvince(app.orm);
  parentId = areas.province.id;
  const office = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [areas.communeA]);
  adminToken = (await signIn(app, (await makeUser(app.orm, office, [Role.SYSTEM_ADMIN])).username)).accessToken;
});
afterAll(async () => {
  await app?.close();
});

describe('the app role of a running app', () => {
  it('is what the pool connects as, with statement_timeout and idle_in_transaction_session_timeout from config', async () => {
    const [row] = await app.orm.em
      .fork()
      .getConnection()
      .execute<{ role: string; st: string; idle: string; superuser: boolean }[]>(
        `select current_user as role, current_setting('statement_timeout') as st,
                current_setting('idle_in_transaction_session_timeout') as idle,
                (select rolsuper from pg_roles where rolname = current_user) as superuser`,
      );
    expect(row).toEqual({ role: 'phoihop_app', st: '400ms', idle: '1min', superuser: false });
    expect(await roleExcessPrivileges(databaseUrl)).toEqual([]);
    // The owner the harness tampers with is not restricted (the check can fail).
    expect(await roleExcessPrivileges(ownerUrlOf(databaseUrl))).toContain('superuser');
  });

  it('a statement stuck past statement_timeout is cancelled: OPERATION_TIMEOUT, not INTERNAL_SERVER_ERROR, and nothing is written', async () => {
    const count = async (sql: string) => Number((await app.orm.em.fork().getConnection().execute<{ n: string }[]>(sql))[0].n);
    const before = {
      areas: await count('select count(*)::text as n from area'),
      events: await count('select count(*)::text as n from event'),
    };
    const create = (code: string) =>
      gql(
        app,
        'mutation($i: CreateAreaInput!) { createArea(input: $i) { id code } }',
        { i: { code, name: 'Xã Chờ Khóa', kind: 'COMMUNE', parentId } },
        adminToken,
      );

    // Someone (here the owner) holds a lock that blocks every insert into the event log; reads still pass.
    const locker = new Client({ connectionString: ownerUrlOf(databaseUrl) });
    await locker.connect();
    try {
      await locker.query('begin');
      await locker.query('lock table event in share row exclusive mode');
      const stuck = await create('TIMEOUT-1');
      expect(stuck.errors?.[0].extensions).toMatchObject({ code: 'OPERATION_TIMEOUT', limit: 'statement' });
      expect(stuck.errors?.[0].message).toMatch(/chưa có thay đổi nào được lưu/);
      expect(stuck.data ?? null).toBeNull();
    } finally {
      await locker.query('rollback');
      await locker.end();
    }
    // The area insert of that transaction rolled back with it; no event either.
    expect(await count(`select count(*)::text as n from area where code = 'TIMEOUT-1'`)).toBe(0);
    expect({
      areas: await count('select count(*)::text as n from area'),
      events: await count('select count(*)::text as n from event'),
    }).toEqual(before);

    // Without the lock the same operation goes through.
    const ok = await create('TIMEOUT-2');
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.createArea.code).toBe('TIMEOUT-2');
  });

  it('background jobs have their own statement budget: a job waits past the request budget and completes, a request waiting as long is cancelled', async () => {
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const outcomes: Record<string, string> = {};
    /** Registers a job on the app's scheduler and runs it once; what it did (or its SQLSTATE) lands in `outcomes`. */
    const runJob = async (name: string, work: Parameters<typeof app.scheduler.register>[0]['run']) => {
      app.scheduler.register({
        name,
        intervalMs: 86_400_000,
        run: async (ctx) => {
          try {
            await work(ctx);
            outcomes[name] ??= 'completed';
          } catch (err) {
            outcomes[name] = (err as { code?: string }).code ?? String(err);
          }
        },
      });
      await app.scheduler.runNow(name);
    };

    // 1. The same 800 ms statement, twice the request budget: cancelled on the request pool, completed by a job.
    await expect(app.orm.em.fork().execute('select pg_sleep(0.8)')).rejects.toMatchObject({ code: '57014' });
    await runJob('test.sleep-past-request-budget', async ({ em }) => {
      const [row] = await em.execute<{ st: string }[]>(`select current_setting('statement_timeout') as st, pg_sleep(0.8)::text`);
      outcomes.budget = row.st;
    });
    expect(outcomes).toEqual({ 'test.sleep-past-request-budget': 'completed', budget: '5s' });

    // 2. A request and a job both blocked by the same lock on the log for ~1 s.
    const locker = new Client({ connectionString: ownerUrlOf(databaseUrl) });
    await locker.connect();
    let job: Promise<void> = Promise.resolve();
    try {
      await locker.query('begin');
      await locker.query('lock table event in share row exclusive mode');
      job = runJob('test.append-behind-lock', async ({ em }) => {
        await em.transactional(async (tx) => {
          const stream = 'user:job-budget';
          await appendEvent(tx, syntheticEvent({ type: 'test.job-budget', stream, topics: [stream], payload: {} }));
        });
      });
      const held = sleep(1000);
      const request = await gql(
        app,
        'mutation($i: CreateAreaInput!) { createArea(input: $i) { id } }',
        { i: { code: 'JOB-BUDGET-1', name: 'Xã Chờ Khóa', kind: 'COMMUNE', parentId } },
        adminToken,
      );
      expect(request.errors?.[0].extensions).toMatchObject({ code: 'OPERATION_TIMEOUT', limit: 'statement' });
      await held;
      expect(outcomes['test.append-behind-lock']).toBeUndefined(); // still waiting, past the request budget
    } finally {
      await locker.query('rollback');
      await locker.end();
    }
    await job;
    expect(outcomes['test.append-behind-lock']).toBe('completed');
    const [row] = await app.orm.em
      .fork()
      .execute<{ n: string }[]>(`select count(*)::text as n from event where stream = 'user:job-budget'`);
    expect(row.n).toBe('1');
  });
});
