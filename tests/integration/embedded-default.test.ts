import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../server/src/app';
import { loadConfig } from '../../server/src/config';
import { EmbeddedDatabaseError, findFreePort, startEmbeddedPostgres } from '../../server/src/db/embedded-postgres';
import { createLogger } from '../../server/src/logger';
import { gql } from '../support/harness';

const logger = createLogger('silent');
const dirs: string[] = [];
function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'phoihop-embedded-'));
  chmodSync(dir, 0o711);
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** What the owner role of the embedded default is and owns (read as that role, from the credentials file). */
async function ownerFacts(app: Awaited<ReturnType<typeof build>>) {
  const { ownerUser, ownerPassword } = JSON.parse(readFileSync(join(app.services.config.DATA_DIR, 'pg-credentials.json'), 'utf8')) as {
    ownerUser: string;
    ownerPassword: string;
  };
  const url = new URL(app.orm.config.get('clientUrl')!);
  url.username = encodeURIComponent(ownerUser);
  url.password = encodeURIComponent(ownerPassword);
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select current_user as role, r.rolsuper as superuser, r.rolcreaterole as createrole, r.rolcreatedb as createdb,
              (select pg_get_userbyid(datdba) from pg_database where datname = current_database()) as database_owner,
              (select pg_get_userbyid(nspowner) from pg_namespace where nspname = 'public') as schema_owner,
              (select count(*)::int from pg_class c where c.relnamespace = 'public'::regnamespace and c.relowner <> r.oid) as tables_of_others,
              (select count(*)::int from pg_proc p where p.pronamespace = 'public'::regnamespace and p.proowner <> r.oid) as functions_of_others,
              (select count(*)::int from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'r') > 20 as has_tables,
              (select count(*)::int from pg_class c where c.relnamespace = 'public'::regnamespace
                  and c.relowner = (select oid from pg_roles where rolname = 'phoihop_app')) as app_owns
         from pg_roles r where r.rolname = current_user`,
    );
    return rows[0];
  } finally {
    await client.end();
  }
}
const OWNED_AS_EXPECTED = {
  role: 'phoihop_owner',
  superuser: false,
  createrole: false,
  createdb: false,
  database_owner: 'phoihop_owner',
  schema_owner: 'phoihop_owner',
  tables_of_others: 0,
  functions_of_others: 0,
  has_tables: true,
  app_owns: 0,
};

describe('the embedded default (no DATABASE_URL)', () => {
  it('starts its own PostgreSQL, migrates, seeds once, and keeps the data across restarts', async () => {
    const dataDir = tempDataDir();
    const config = loadConfig({ DATA_DIR: dataDir, PORT: 0, HOST: '127.0.0.1', LOG_LEVEL: 'silent', SERVE_CLIENT: false }, {});
    const signInAdmin = `mutation { signIn(input: { username: "admin", password: "PhoiHop@2026" }) { accessToken user { agency { name } } } }`;

    const first = await build(config, { logger });
    const firstSignIn = await gql(first, signInAdmin);
    expect(firstSignIn.data?.signIn.user.agency.name).toBe('Thi hành án dân sự tỉnh Lâm Sơn');
    const created = await gql(
      first,
      'mutation($i: CreateAreaInput!) { createArea(input: $i) { id } }',
      { i: { code: 'LS-MOI', name: 'Xã Mới', kind: 'COMMUNE', parentId: null } },
      firstSignIn.data!.signIn.accessToken,
    );
    expect(created.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT'); // a commune needs a parent
    await first.close();

    const second = await build(config, { logger });
    try {
      const again = await gql(second, signInAdmin);
      expect(again.data?.signIn.accessToken).toBeTruthy();
      const seeded = await second.orm.em.fork().getConnection().execute(`select count(*)::int as n from event where type = 'demo.seeded'`);
      expect(seeded[0].n).toBe(1);
      const users = await second.orm.em.fork().getConnection().execute(`select count(*)::int as n from app_user`);
      expect(users[0].n).toBeGreaterThan(10);
    } finally {
      await second.close();
    }
  }, 60_000);

  it('connects as the restricted phoihop_app role and migrates as the non-superuser owner phoihop_owner, also on a data folder from before those roles existed', async () => {
    const dataDir = tempDataDir();
    const config = loadConfig({ DATA_DIR: dataDir, PORT: 0, HOST: '127.0.0.1', LOG_LEVEL: 'silent', SERVE_CLIENT: false }, {});
    const whoAmI = async (app: Awaited<ReturnType<typeof build>>) =>
      (
        await app.orm.em
          .fork()
          .getConnection()
          .execute<{ role: string; superuser: boolean; st: string }[]>(
            `select current_user as role, rolsuper as superuser, current_setting('statement_timeout') as st from pg_roles where rolname = current_user`,
          )
      )[0];
    const first = await build(config, { logger });
    try {
      expect(await whoAmI(first)).toEqual({ role: 'phoihop_app', superuser: false, st: '10s' });
      expect(await ownerFacts(first)).toEqual(OWNED_AS_EXPECTED);
    } finally {
      await first.close();
    }
    // Make it a folder of the older version: only the superuser, its credentials only.
    const credentialsFile = join(dataDir, 'pg-credentials.json');
    const { user, password } = JSON.parse(readFileSync(credentialsFile, 'utf8')) as { user: string; password: string };
    writeFileSync(credentialsFile, JSON.stringify({ user, password }), { mode: 0o600 });
    const pg = await startEmbeddedPostgres({ dataDir, logger });
    const superuser = new Client({ connectionString: pg.superuserUrl });
    await superuser.connect();
    // As it was then: the bootstrap superuser owns everything, neither role exists.
    await superuser.query(`reassign owned by phoihop_owner to ${user}`);
    await superuser.query('drop owned by phoihop_owner');
    await superuser.query('drop owned by phoihop_app');
    await superuser.query('drop role phoihop_app');
    await superuser.query('drop role phoihop_owner');
    const [before] = (
      await superuser.query(
        `select count(*)::int as n from pg_class where relnamespace = 'public'::regnamespace and relowner = current_user::regrole`,
      )
    ).rows;
    expect(before.n).toBeGreaterThan(20);
    await superuser.end();
    await pg.stop();
    writeFileSync(credentialsFile, JSON.stringify({ user, password }), { mode: 0o600 });

    const second = await build(config, { logger });
    try {
      expect(await whoAmI(second)).toMatchObject({ role: 'phoihop_app', superuser: false });
      // Converted: the new owner role owns the database and every object the superuser owned.
      expect(await ownerFacts(second)).toEqual(OWNED_AS_EXPECTED);
      // The seeded data of the first start is readable, and the log refuses the app's edits.
      const signedIn = await gql(second, `mutation { signIn(input: { username: "admin", password: "PhoiHop@2026" }) { accessToken } }`);
      expect(signedIn.data?.signIn.accessToken).toBeTruthy();
      await expect(second.orm.em.fork().getConnection().execute('delete from event')).rejects.toThrow(/permission denied/);
    } finally {
      await second.close();
    }
  }, 90_000);

  it('says plainly when the database port is taken', async () => {
    const port = await findFreePort();
    const blocker = createServer().listen(port, '127.0.0.1');
    try {
      await expect(startEmbeddedPostgres({ dataDir: tempDataDir(), port, logger })).rejects.toThrow(
        new EmbeddedDatabaseError(
          `Port ${port} for the embedded PostgreSQL is already in use; set EMBEDDED_PG_PORT to a free port (or 0 for any).`,
        ),
      );
    } finally {
      blocker.close();
    }
  });

  it('says plainly when the data folder cannot be written', async () => {
    const parent = tempDataDir();
    const blockedPath = join(parent, 'a-file');
    writeFileSync(blockedPath, 'not a folder');
    await expect(startEmbeddedPostgres({ dataDir: join(blockedPath, 'data'), logger })).rejects.toThrow(
      /cannot be created or written; choose another with DATA_DIR/,
    );
  });

  it('says which folder the postgres OS user cannot enter (running as root)', async () => {
    if (process.getuid?.() !== 0) return; // the check only applies when PostgreSQL must drop root
    const parent = tempDataDir();
    const closed = join(parent, 'closed');
    mkdirSync(closed, { mode: 0o700 });
    chmodSync(closed, 0o700);
    await expect(startEmbeddedPostgres({ dataDir: join(closed, 'data'), logger })).rejects.toThrow(
      /cannot enter .*closed; run "chmod o\+x/,
    );
  });
});
