import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../../server/src/paths';
import { signIn } from '../support/factories';
import { startTestApp, TEST_AUTH_SECRET } from '../support/harness';

/** Issue 15 item 4: the admin command line on a real, EMPTY database (no template, no demo data). */

async function emptyDatabase(): Promise<string> {
  const url = new URL(inject('templateDatabaseUrl'));
  const name = `cli_${randomBytes(6).toString('hex')}`;
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(`create database "${name}"`);
  await client.end();
  url.pathname = `/${name}`;
  return url.toString();
}

function admin(db: string, args: string[], input?: string) {
  const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'dist/server/src/cli/admin.js'), ...args], {
    env: { ...process.env, DATABASE_URL: db, AUTH_SECRET: TEST_AUTH_SECRET, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    input: input ?? '',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, output: `${result.stdout}${result.stderr}` };
}

async function query(db: string, sql: string) {
  const client = new Client({ connectionString: db });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

const PASSWORD = 'Quan-Tri-Dau-Tien-2026';

describe('npm run admin -- create-admin | reset-password | verify | help', () => {
  it('creates the first system administrator on an empty database, who signs in; a second is refused unless --force', async () => {
    const db = await emptyDatabase();
    const weak = admin(db, ['create-admin', '--username', 'quantri', '--full-name', 'Người Quản Trị', '--password-stdin'], 'ngan\n');
    expect(weak.status).toBe(1);
    expect(weak.output).toContain('Mật khẩu dài 10–128 ký tự');

    const created = admin(
      db,
      ['create-admin', '--username', 'QuanTri', '--full-name', 'Người Quản Trị', '--password-stdin'],
      `${PASSWORD}\n`,
    );
    expect(created.status, created.output).toBe(0);
    expect(created.stdout).toContain('system administrator created: quantri');
    // Only the administrator and the operators' agency: no demo data, no cases, no areas.
    const [counts] = await query(
      db,
      `select (select count(*) from app_user)::int as users, (select count(*) from agency)::int as agencies,
              (select count(*) from area)::int as areas, (select count(*) from enforcement_case)::int as cases,
              (select array_agg(type order by id) from event) as events,
              (select roles from app_user where username = 'quantri') as roles`,
    );
    expect(counts).toEqual({
      users: 1,
      agencies: 1,
      areas: 0,
      cases: 0,
      events: ['agency.created', 'user.created'],
      roles: ['SYSTEM_ADMIN'],
    });

    const again = admin(
      db,
      ['create-admin', '--username', 'quantri2', '--full-name', 'Người Thứ Hai', '--password-stdin'],
      `${PASSWORD}\n`,
    );
    expect(again.status).toBe(1);
    expect(again.output).toContain('--force');
    expect((await query(db, 'select count(*)::int as n from app_user'))[0].n).toBe(1);
    const forced = admin(
      db,
      ['create-admin', '--username', 'quantri2', '--full-name', 'Người Thứ Hai', '--password-stdin', '--force'],
      `${PASSWORD}\n`,
    );
    expect(forced.status, forced.output).toBe(0);
    expect((await query(db, 'select count(*)::int as n from agency'))[0].n).toBe(1);

    const app = await startTestApp(db);
    try {
      await expect(signIn(app, 'quantri', PASSWORD)).resolves.toMatchObject({ accessToken: expect.any(String) });
    } finally {
      await app.close();
    }
  }, 180_000);

  it('reset-password sets a new password and ends the sessions at once; verify checks the chain with progress and catches tampering', async () => {
    const db = await emptyDatabase();
    expect(admin(db, ['create-admin', '--username', 'quantri', '--full-name', 'Người Quản Trị', '--password', PASSWORD]).status).toBe(0);
    const app = await startTestApp(db);
    try {
      const { accessToken } = await signIn(app, 'quantri', PASSWORD);
      expect(await app.services.auth.viewerFromToken(app.orm.em.fork(), accessToken)).not.toBeNull();
      const missing = admin(db, ['reset-password', 'khongco', '--password-stdin'], 'Mat-Khau-Moi-2026\n');
      expect(missing.status).toBe(1);
      const reset = admin(db, ['reset-password', 'quantri', '--password-stdin'], 'Mat-Khau-Moi-2026\n');
      expect(reset.status, reset.output).toBe(0);
      // The old token no longer names a viewer (token version moved) and the refresh sessions are revoked.
      expect(await app.services.auth.viewerFromToken(app.orm.em.fork(), accessToken)).toBeNull();
      expect((await query(db, 'select count(*)::int as n from auth_session where revoked_at is null'))[0].n).toBe(0);
      await expect(signIn(app, 'quantri', PASSWORD)).rejects.toBeTruthy();
      await expect(signIn(app, 'quantri', 'Mat-Khau-Moi-2026')).resolves.toMatchObject({ accessToken: expect.any(String) });
    } finally {
      await app.close();
    }

    const ok = admin(db, ['verify']);
    expect(ok.status, ok.output).toBe(0);
    expect(ok.stdout).toContain('audit chain intact');
    expect(ok.stderr).toMatch(/\d+\/\d+ events/);
    // Tampering as someone with the database itself would (the append-only trigger switched off).
    await query(
      db,
      `alter table event disable trigger event_no_update_delete;
       update event set payload = payload || '{"username": "ke-gian"}' where type = 'user.created';
       alter table event enable trigger event_no_update_delete`,
    );
    const broken = admin(db, ['verify']);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain('AUDIT CHAIN BROKEN');
  }, 180_000);

  it('prints its help in one language with --lang', () => {
    const en = admin('postgres://unused', ['help', '--lang', 'en']);
    expect(en.status).toBe(0);
    expect(en.stdout).toContain('Creates the first system administrator');
    expect(en.stdout).not.toContain('Tạo quản trị hệ thống đầu tiên');
    const vi = admin('postgres://unused', ['help', '--lang', 'vi']);
    expect(vi.stdout).toContain('Tạo quản trị hệ thống đầu tiên');
    expect(vi.stdout).not.toContain('Creates the first');
  });
});
