import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { build } from '../app';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { writeGenerated } from './bulk-insert';
import { fillDemoSnapshots } from './snapshot-fill';
import { generateCases } from './province-generator';
import { addBenchmarkOffices } from './province-world';

/** Cases per transaction: keeps each transaction short (the event watermark waits for open ones). */
const BATCH = 5000;

/**
 * `npm run seed:province -- --cases 50000 [--offices 10] [--seed 1]`: adds a province-sized dataset
 * for benchmarks to the configured database (DATABASE_URL, or the embedded one in DATA_DIR): extra
 * regional offices with communes, agencies and officers, and generated cases with their state
 * history and event log, written with bulk INSERTs. The demo world is seeded first if missing.
 */
export async function seedProvince(
  em: EntityManager,
  options: { cases: number; offices: number; seed: number; log?: (line: string) => void },
): Promise<{ cases: number; ms: number }> {
  const started = Date.now();
  const runId = randomBytes(3).toString('hex').toUpperCase();
  const world = await em.transactional((tx) => addBenchmarkOffices(tx as EntityManager, { runId, offices: options.offices }));
  for (let done = 0, batch = 0; done < options.cases; done += BATCH, batch++) {
    const count = Math.min(BATCH, options.cases - done);
    const rows = generateCases(world, { cases: count, now: new Date(), seed: options.seed + batch, numberPrefix: `${runId}${batch}-` });
    await em.transactional((tx) => writeGenerated(tx as EntityManager, rows));
    options.log?.(`${done + count} / ${options.cases} cases`);
  }
  const filled = await fillDemoSnapshots(em);
  options.log?.(`statistics snapshot: ${filled} month boundaries filled`);
  return { cases: options.cases, ms: Date.now() - started };
}

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} expects a positive whole number.`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const cases = argument('cases', 50_000);
  const offices = argument('offices', 10);
  const seed = argument('seed', 1);
  const config = loadConfig({ PORT: 0, SERVE_CLIENT: false, SEED_DEMO: true });
  const app = await build(config, { logger: createLogger('warn') });
  try {
    const result = await seedProvince(app.orm.em.fork() as EntityManager, { cases, offices, seed, log: (line) => console.log(line) });
    console.log(`Added ${result.cases} cases in ${offices} regional offices in ${(result.ms / 1000).toFixed(1)} s.`);
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
