import { execFile } from 'node:child_process';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);

/** A backup/restore problem said in one sentence an operator can act on (printed without a stack). */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** A PostgreSQL client tool found on this machine. */
export interface PgTool {
  path: string;
  major: number;
}

/** libpq environment for a database URL: the password never appears on a command line (ps would show it). */
export function libpqEnv(databaseUrl: string): NodeJS.ProcessEnv {
  const u = new URL(databaseUrl);
  return {
    ...process.env,
    PGHOST: u.hostname,
    PGPORT: u.port || '5432',
    PGUSER: decodeURIComponent(u.username),
    PGPASSWORD: decodeURIComponent(u.password),
    PGDATABASE: decodeURIComponent(u.pathname.replace(/^\//, '')),
    ...(u.searchParams.get('sslmode') ? { PGSSLMODE: u.searchParams.get('sslmode')! } : {}),
  };
}

/** The server's major version (e.g. 15, 18). */
export async function serverMajorVersion(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>(`select current_setting('server_version_num') as v`);
    return Math.floor(Number(rows[0].v) / 10_000);
  } finally {
    await client.end();
  }
}

/** Folders that may hold pg_dump/pg_restore: PG_BIN_DIR first, then Debian's versioned folders (newest first), then PATH. */
function candidateBinDirs(pgBinDir: string | undefined): string[] {
  const dirs: string[] = [];
  if (pgBinDir) dirs.push(pgBinDir);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    for (const v of readdirSync(debian)
      .filter((d) => /^\d+$/.test(d))
      .sort((a, b) => Number(b) - Number(a)))
      dirs.push(join(debian, v, 'bin'));
  }
  dirs.push(...(process.env.PATH ?? '').split(':').filter(Boolean));
  return [...new Set(dirs)];
}

/**
 * Finds `name` (pg_dump or pg_restore) whose major version is at least `serverMajor` — an older
 * pg_dump refuses a newer server, and a dump must be restored by a pg_restore at least as new.
 * @throws BackupError naming what was found and what to install
 */
export async function findPgTool(name: 'pg_dump' | 'pg_restore', serverMajor: number, pgBinDir?: string): Promise<PgTool> {
  const found: PgTool[] = [];
  const seenPaths = new Set<string>();
  for (const dir of candidateBinDirs(pgBinDir)) {
    const path = join(dir, name);
    if (!existsSync(path) || seenPaths.has(realpathSync(path))) continue;
    seenPaths.add(realpathSync(path));
    try {
      const { stdout } = await run(path, ['--version']);
      const major = Number(/(\d+)(?:\.\d+)?/.exec(stdout)?.[1]);
      if (major) found.push({ path, major });
    } catch {
      // not runnable: ignore this candidate
    }
  }
  const usable = found.filter((t) => t.major >= serverMajor).sort((a, b) => a.major - b.major);
  if (usable.length) return usable[0];
  const seen = found.length ? found.map((t) => `${t.major} (${t.path})`).join(', ') : 'none';
  throw new BackupError(
    `${name} ${serverMajor} or newer is needed for this PostgreSQL ${serverMajor} server; found: ${seen}. Install postgresql-client-${serverMajor} or set PG_BIN_DIR to its bin folder.`,
  );
}

/**
 * Writes a consistent dump of the whole database (custom format: compressed, restorable table by
 * table) with `pg_dump`. A dump is one snapshot, so it is consistent while the app keeps writing.
 */
export async function backupDatabase(
  databaseUrl: string,
  outFile: string,
  options: { pgBinDir?: string } = {},
): Promise<{ file: string; tool: PgTool }> {
  const tool = await findPgTool('pg_dump', await serverMajorVersion(databaseUrl), options.pgBinDir);
  try {
    await run(tool.path, ['--format=custom', '--no-owner', `--file=${outFile}`], {
      env: libpqEnv(databaseUrl),
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (err) {
    throw new BackupError(`pg_dump failed: ${firstLine((err as { stderr?: string }).stderr ?? (err as Error).message)}`);
  }
  return { file: outFile, tool };
}

/**
 * Restores a dump into `databaseUrl`, which must be an empty database (create a fresh one, restore,
 * verify, then point DATABASE_URL at it): nothing existing is overwritten. One transaction: a
 * failed restore leaves the database empty.
 */
export async function restoreDatabase(
  databaseUrl: string,
  dumpFile: string,
  options: { pgBinDir?: string; noPrivileges?: boolean } = {},
): Promise<{ tool: PgTool }> {
  if (!existsSync(dumpFile)) throw new BackupError(`The dump file ${dumpFile} does not exist.`);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(`select count(*)::text as n from pg_tables where schemaname = 'public'`);
    if (Number(rows[0].n) > 0) {
      throw new BackupError(
        `The target database already has ${rows[0].n} tables; restore into a new, empty database (createdb …) and switch DATABASE_URL to it after checking.`,
      );
    }
  } finally {
    await client.end();
  }
  const tool = await findPgTool('pg_restore', await serverMajorVersion(databaseUrl), options.pgBinDir);
  const args = ['--no-owner', '--exit-on-error', '--single-transaction', `--dbname=${libpqEnv(databaseUrl).PGDATABASE}`];
  if (options.noPrivileges) args.push('--no-privileges');
  try {
    await run(tool.path, [...args, dumpFile], { env: libpqEnv(databaseUrl), maxBuffer: 64 * 1024 * 1024 });
  } catch (err) {
    throw new BackupError(
      `pg_restore failed (nothing was restored): ${firstLine((err as { stderr?: string }).stderr ?? (err as Error).message)}`,
    );
  }
  return { tool };
}

/** Exact row counts of every table in the public schema (to compare a restore with its source). */
export async function tableCounts(databaseUrl: string): Promise<Record<string, number>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ t: string }>(
      `select tablename as t from pg_tables where schemaname = 'public' order by tablename`,
    );
    const counts: Record<string, number> = {};
    for (const { t } of tables) {
      const { rows } = await client.query<{ n: string }>(`select count(*)::text as n from "${t.replace(/"/g, '""')}"`);
      counts[t] = Number(rows[0].n);
    }
    return counts;
  } finally {
    await client.end();
  }
}

const firstLine = (text: string) =>
  text
    .trim()
    .split('\n')
    .find((l) => l.trim()) ?? 'no message';
