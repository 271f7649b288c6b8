import { defineConfig, MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { Client } from 'pg';
import { redactSqlText, type Logger } from '../logger';
import { COMPILED_MIGRATIONS_DIR, MIGRATIONS_SOURCE_DIR } from '../paths';
import { ENTITIES } from './entities';

/**
 * MikroORM options for a database URL. Migrations are always loaded from their compiled JavaScript
 * (dist/migrations): MikroORM switches to `pathTs` when it detects a TypeScript runner such as
 * vitest, so both paths point at the compiled folder and nothing ever `require`s a .ts migration.
 */
export function ormOptions(clientUrl: string, logger?: Logger, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    forceUtcTimezone: true,
    // Entities are discovered from decorators + emitted metadata (tsc, vitest); no ts-morph.
    discovery: { requireEntitiesArray: true },
    pool: { min: 0, max: 10 },
    // Batch Reference/Collection loads issued in the same tick (no N+1 from field resolvers).
    dataloader: true,
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: COMPILED_MIGRATIONS_DIR,
      pathTs: COMPILED_MIGRATIONS_DIR,
      glob: '!(*.d).js',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    // Query logs (debug only) go through the same literal redaction as failed statements.
    logger: logger ? (message: string) => logger.debug({ orm: redactSqlText(message) }) : undefined,
    ...overrides,
  });
}

/** Options for creating a new migration from entity diffs (writes TypeScript into migrations/). */
export function migrationAuthoringOptions(clientUrl: string): Options {
  const base = ormOptions(clientUrl);
  return {
    ...base,
    migrations: {
      ...base.migrations,
      path: MIGRATIONS_SOURCE_DIR,
      pathTs: MIGRATIONS_SOURCE_DIR,
      emit: 'ts',
      glob: '!(*.d).ts',
      snapshot: false,
    },
  };
}

/**
 * Per-connection limits of the app's pool (docs/SECURITY.md): PostgreSQL cancels a statement that
 * runs past `statementTimeoutMs` (SQLSTATE 57014 → OPERATION_TIMEOUT) and ends a session idle in a
 * transaction past `idleInTransactionMs`. 0 = none.
 */
export function connectionLimits(statementTimeoutMs: number, idleInTransactionMs: number): Partial<Options> {
  return {
    driverOptions: {
      connection: { statement_timeout: statementTimeoutMs, idle_in_transaction_session_timeout: idleInTransactionMs },
    },
  };
}

/** Connections of the job pool: the scheduler's few jobs plus one background verification at a time. */
const JOB_POOL_MAX = 5;

/**
 * Opens the ORM background work runs on (the scheduler's jobs, the background audit verification): the
 * same database and role as requests, but a small pool of its own whose statement_timeout is the job
 * budget (DB_JOB_STATEMENT_TIMEOUT_MS), so the request budget never cancels a legitimate long job. A pool
 * rather than `SET LOCAL statement_timeout` per transaction because jobs run many short transactions
 * (retention, checkpoints: one per batch) and autocommit statements, which SET LOCAL would not cover.
 */
export async function openJobOrm(
  clientUrl: string,
  limits: { statementTimeoutMs: number; idleInTransactionMs: number },
  logger?: Logger,
): Promise<MikroORM> {
  return openOrm(clientUrl, logger, {
    ...connectionLimits(limits.statementTimeoutMs, limits.idleInTransactionMs),
    pool: { min: 0, max: JOB_POOL_MAX },
  });
}

/** Opens the ORM (connects and checks the connection). */
export async function openOrm(clientUrl: string, logger?: Logger, overrides: Partial<Options> = {}): Promise<MikroORM> {
  return MikroORM.init(ormOptions(clientUrl, logger, overrides));
}

/**
 * Applies pending migrations; returns the names applied. Several instances starting together take
 * turns on a PostgreSQL advisory lock (held on a connection of its own), so each migration runs once.
 */
export async function migrateUp(orm: MikroORM): Promise<string[]> {
  const lockClient = new Client({ connectionString: orm.config.get('clientUrl') });
  await lockClient.connect();
  try {
    await lockClient.query('select pg_advisory_lock(hashtext($1))', ['phoihop:migrations']);
    const applied = await orm.getMigrator().up();
    return applied.map((m) => m.name);
  } finally {
    await lockClient.end(); // ending the session releases the lock
  }
}

/** Names of migrations not yet applied (readiness check). */
export async function pendingMigrations(orm: MikroORM): Promise<string[]> {
  return (await orm.getMigrator().getPendingMigrations()).map((m) => m.name);
}
