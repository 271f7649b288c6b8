/**
 * Multi-instance tests: two app instances in one process against one PostgreSQL (and, with REDIS_URL,
 * one Redis), as production runs several behind a load balancer; and a redis-server of a test's own,
 * for tests that stop, kill or freeze it. Only 127.0.0.1, always stopped by the test that started it.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import type { App } from '../../server/src/app';
import type { AppConfig } from '../../server/src/config';
import { findFreePort } from '../../server/src/db/embedded-postgres';
import { createTestDatabase, startTestApp } from './harness';

/** Two running instances on one database; `close()` stops both (closing an instance twice is harmless). */
export interface TwoInstances {
  a: App;
  b: App;
  /** The database both use. */
  db: string;
  close(): Promise<void>;
}

/** Starts instances A and B with the same settings against `db` (default: a new test database). */
export async function startTwoInstances(overrides: Partial<AppConfig> = {}, db?: string): Promise<TwoInstances> {
  const database = db ?? (await createTestDatabase());
  const a = await startTestApp(database, overrides);
  let b: App;
  try {
    b = await startTestApp(database, overrides);
  } catch (err) {
    await a.close();
    throw err;
  }
  return {
    a,
    b,
    db: database,
    async close() {
      await a.close();
      await b.close();
    },
  };
}

/** Runs `work` with two fresh instances and stops both afterwards, whether it passed or failed. */
export async function withTwoInstances<T>(
  overrides: Partial<AppConfig>,
  work: (instances: TwoInstances) => Promise<T>,
  db?: string,
): Promise<T> {
  const instances = await startTwoInstances(overrides, db);
  try {
    return await work(instances);
  } finally {
    await instances.close();
  }
}

/** A redis-server of the test's own on a free loopback port, without persistence. */
export interface OwnRedis {
  url: string;
  /** The running process (to SIGSTOP/SIGCONT it). */
  process(): ChildProcess;
  /** Kills it at once (SIGKILL), as a crash would. */
  kill(): void;
  /** Starts it again on the same port (after `kill`). */
  restart(): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts a redis-server from PATH on a free port and gives it a moment to listen. Fails clearly when there is none. */
export async function startOwnRedis(): Promise<OwnRedis> {
  if (spawnSync('sh', ['-c', 'command -v redis-server']).status !== 0) {
    throw new Error('this test starts its own redis-server to stop it: redis-server is not on PATH');
  }
  const port = await findFreePort();
  const start = () =>
    spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  let current = start();
  await sleep(300);
  return {
    url: `redis://127.0.0.1:${port}`,
    process: () => current,
    kill: () => current.kill('SIGKILL'),
    restart: () => {
      current = start();
    },
  };
}
