import 'reflect-metadata';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { startEmbeddedPostgres } from './embedded-postgres';
import { migrateUp, migrationAuthoringOptions, openOrm } from './orm';

/**
 * `npm run migrate`: applies pending migrations to the configured database (DATABASE_URL, or the
 * embedded one in DATA_DIR).
 * `npm run migration:create [-- name]`: diffs the entities against a scratch database that has every
 * existing migration applied, and writes the difference as a new TypeScript migration in migrations/.
 */
async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const config = loadConfig({ SEED_DEMO: false });
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  if (command === 'up') {
    const db = config.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: config.DATA_DIR, logger });
    const orm = await openOrm(config.DATABASE_URL ?? db!.url);
    const applied = await migrateUp(orm);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
    await orm.close();
    await db?.stop();
  } else if (command === 'create') {
    const scratch = mkdtempSync(join(tmpdir(), 'phoihop-migration-'));
    chmodSync(scratch, 0o711); // the postgres OS user must be able to enter it
    const db = await startEmbeddedPostgres({ dataDir: scratch, logger });
    try {
      const current = await openOrm(db.url);
      await migrateUp(current);
      await current.close();
      const orm = await MikroORM.init(migrationAuthoringOptions(db.url));
      const result = await orm.getMigrator().createMigration(undefined, false, false, name);
      console.log(
        result.fileName
          ? `Created migrations/${result.fileName}; review it, then npm run build.`
          : 'No entity changes: nothing to migrate.',
      );
      await orm.close();
    } finally {
      await db.stop();
      rmSync(scratch, { recursive: true, force: true });
    }
  } else {
    console.error('Usage: migration-cli up | create [name]');
    process.exit(2);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
