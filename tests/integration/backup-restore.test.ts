import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../server/src/db/embedded-postgres';
import { findPgTool, serverMajorVersion, tableCounts } from '../../server/src/db/backup';
import { openOrm } from '../../server/src/db/orm';
import { verifyAuditChain } from '../../server/src/events/event-log';
import { PROJECT_ROOT } from '../../server/src/paths';
import { AgencyKind, makeAgency, makeProvince, makeSharedCase, makeUser, Role, signIn } from '../support/factories';
import { createTestDatabase, startTestApp } from '../support/harness';

/**
 * pg_dump must be at least as new as the server. The embedded PostgreSQL (18) ships no pg_dump, and
 * Debian 12 packages PostgreSQL 15 — the production floor — so the round trip runs on a real Debian
 * PostgreSQL server started here with its own tools (.ci/run installs postgresql-15).
 */
const debianBin = (() => {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const version = readdirSync(root)
    .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', 'pg_ctl')) && existsSync(join(root, v, 'bin', 'pg_dump')))
    .sort()
    .pop();
  return version ? join(root, version, 'bin') : null;
})();
const asPostgres = (cmd: string, args: string[]) =>
  process.getuid?.() === 0
    ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' })
    : spawnSync(cmd, args, { encoding: 'utf8' });

const workDir = mkdtempSync(join(tmpdir(), 'phoihop-backup-'));
chmodSync(workDir, 0o777);
const clusterDir = join(workDir, 'pg15');
let serverUrl = '';
const dbUrl = (name: string) => `${serverUrl}/${name}`;

async function createDatabase(name: string) {
  const client = new Client({ connectionString: dbUrl('postgres') });
  await client.connect();
  await client.query(`create database "${name}"`);
  await client.end();
}

/** Runs `npm run admin -- …` as an operator would (the compiled CLI, the environment as configuration). */
function admin(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'dist/server/src/cli/admin.js'), ...args], {
    env: { ...process.env, DATABASE_URL: '', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const suite = debianBin || process.env.CI ? describe : describe.skip;

suite('npm run admin -- backup | restore (pg_dump/pg_restore on a real PostgreSQL)', () => {
  beforeAll(async () => {
    if (!debianBin) throw new Error('No PostgreSQL server tools in /usr/lib/postgresql/N/bin: apt-get install -y postgresql-15');
    const port = await findFreePort();
    const init = asPostgres(join(debianBin, 'initdb'), ['-D', clusterDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8']);
    expect(init.status, init.stderr).toBe(0);
    const start = asPostgres(join(debianBin, 'pg_ctl'), [
      '-D',
      clusterDir,
      '-w',
      '-l',
      join(clusterDir, 'server.log'),
      '-o',
      `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`,
      'start',
    ]);
    expect(start.status, start.stderr + start.stdout).toBe(0);
    serverUrl = `postgres://postgres@127.0.0.1:${port}`;
  }, 60_000);
  afterAll(() => {
    if (existsSync(join(clusterDir, 'postmaster.pid')))
      asPostgres(join(debianBin!, 'pg_ctl'), ['-D', clusterDir, '-m', 'fast', '-w', 'stop']);
    rmSync(workDir, { recursive: true, force: true });
  });

  it('dumps a live database, restores it into a fresh one with the audit chain intact and every count equal', async () => {
    await createDatabase('source');
    // A real instance writes the demo world (cases, posts, tasks … and their events) through the API's services.
    const app = await startTestApp(dbUrl('source'), { SEED_DEMO: true });
    try {
      const areas = await makeProvince(app.orm);
      const office = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [areas.communeA]);
      const commune = await makeAgency(app.orm, AgencyKind.PEOPLES_COMMITTEE, [areas.communeA]);
      const { accessToken } = await signIn(app, (await makeUser(app.orm, office, [Role.ENFORCEMENT_OFFICER])).username);
      for (let i = 0; i < 4; i++) await makeSharedCase(app, accessToken, areas.communeA.id, [commune.id]);
    } finally {
      await app.close();
    }
    const sourceCounts = await tableCounts(dbUrl('source'));
    expect(sourceCounts.event).toBeGreaterThan(10);
    expect(sourceCounts.enforcement_case).toBeGreaterThan(0);

    const dump = join(workDir, 'nightly.dump');
    const backup = admin(['backup', '--out', dump], { DATABASE_URL: dbUrl('source') });
    expect(backup.status, backup.output).toBe(0);
    expect(backup.output).toContain('backup written');
    expect(statSync(dump).size).toBeGreaterThan(1000);

    await createDatabase('restored');
    const restore = admin(['restore', dump], { DATABASE_URL: dbUrl('restored') });
    expect(restore.status, restore.output).toBe(0);
    expect(restore.output).toContain('audit chain intact');

    expect(await tableCounts(dbUrl('restored'))).toEqual(sourceCounts);
    const orm = await openOrm(dbUrl('restored'));
    try {
      const report = await verifyAuditChain(orm.em.fork());
      expect(report.ok).toBe(true);
      expect(report.eventsChecked).toBe(sourceCounts.event);
      // The append-only guard came back with the schema: the restored log still refuses edits.
      await expect(orm.em.getConnection().execute(`delete from event where id = (select min(id) from event)`)).rejects.toThrow(
        /append-only/,
      );
    } finally {
      await orm.close(true);
    }
  }, 180_000);

  it('refuses to restore over a database that already has tables, changing nothing', async () => {
    const before = await tableCounts(dbUrl('restored'));
    const again = admin(['restore', join(workDir, 'nightly.dump')], { DATABASE_URL: dbUrl('restored') });
    expect(again.status).toBe(1);
    expect(again.output).toMatch(/already has \d+ tables; restore into a new, empty database/);
    expect(await tableCounts(dbUrl('restored'))).toEqual(before);
  }, 60_000);

  it('says which pg_dump is needed when the only one found is older than the server', async () => {
    // The embedded test server is PostgreSQL 18; the machine's tools are older.
    const embeddedUrl = await createTestDatabase();
    const major = await serverMajorVersion(embeddedUrl);
    const newest = Number(debianBin!.split('/').at(-2));
    if (major <= newest) return; // tools new enough for the embedded server: nothing to refuse here
    await expect(findPgTool('pg_dump', major, debianBin!)).rejects.toThrow(
      new RegExp(`pg_dump ${major} or newer is needed .* Install postgresql-client-${major} or set PG_BIN_DIR`),
    );
    const cli = admin(['backup', '--out', join(workDir, 'never.dump')], { DATABASE_URL: embeddedUrl, PG_BIN_DIR: debianBin! });
    expect(cli.status).toBe(1);
    expect(cli.output).toContain(`pg_dump ${major} or newer is needed`);
    expect(existsSync(join(workDir, 'never.dump'))).toBe(false);
  }, 60_000);

  it('prints its help in Vietnamese and English, and refuses an unknown command with exit code 2', () => {
    const help = admin(['help'], {});
    expect(help.status).toBe(0);
    expect(help.output).toContain('Sao lưu toàn bộ cơ sở dữ liệu');
    expect(help.output).toContain('Dumps the whole database');
    const unknown = admin(['frobnicate'], {});
    expect(unknown.status).toBe(2);
    expect(unknown.output).toContain('unknown command: frobnicate');
  });
});
