import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app';
import { roleExcessPrivileges } from '../../server/src/db/roles';
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
  app = await startTestApp(databaseUrl, { DB_STATEMENT_TIMEOUT_MS: 400 });
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
});
