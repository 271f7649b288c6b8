import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../server/src/db/embedded-postgres';
import { PROJECT_ROOT } from '../../server/src/paths';
import { eventually } from '../support/harness';

const dataDir = mkdtempSync(join(tmpdir(), 'phoihop-main-'));
chmodSync(dataDir, 0o711);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** PostgreSQL processes still running on this test's data folder. */
const postgresLeft = () =>
  spawnSync('pgrep', ['-f', join(dataDir, 'pg')], { encoding: 'utf8' })
    .stdout.trim()
    .split('\n')
    .filter(Boolean).length;

/** Watchdogs of this test's data folder (identified by their command line). */
const watchdogPids = () =>
  spawnSync('pgrep', ['-f', 'phoihop-pg-watchdog'], { encoding: 'utf8' })
    .stdout.trim()
    .split('\n')
    .filter(Boolean)
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(String(pidOfApp));
      } catch {
        return false;
      }
    });
let pidOfApp = 0;

/** Starts `node dist/server/src/main.js` on this test's data folder and waits for its banner. */
async function startMain(extraEnv: Record<string, string> = {}) {
  const port = await findFreePort();
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist/server/src/main.js')], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SERVE_CLIENT: 'false',
      REDIS_URL: '',
      DATABASE_URL: '',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await eventually(
    () => output.includes('Phối Hợp is running at') || child.exitCode !== null,
    `the start banner (output so far: ${output.slice(-300)})`,
    60_000,
  );
  expect(output, output).toContain('Phối Hợp is running at');
  pidOfApp = child.pid!;
  return { child, port, exited, output: () => output };
}

describe('the server process (npm start)', () => {
  it('starts on the embedded default, prints where to go, and on SIGTERM shuts down cleanly with exit code 0', async () => {
    const { child, port, exited, output } = await startMain({ LOG_LEVEL: 'info', LOG_FORMAT: 'json' });
    expect(output()).toMatch(/cb\.thads\s+enforcement officer/);
    // The banner comes last, once everything is ready: start-up log lines (JSON) all precede it.
    await new Promise((r) => setTimeout(r, 300));
    const [beforeBanner, banner] = output().split('Phối Hợp is running at');
    expect(beforeBanner).toContain('"msg":"listening"');
    expect(banner).not.toContain('{"level"');
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    expect(postgresLeft()).toBeGreaterThan(0);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(postgresLeft()).toBe(0);
  }, 90_000);

  it('stops the embedded PostgreSQL when killed with SIGKILL, and the next start succeeds', async () => {
    const first = await startMain();
    expect(postgresLeft()).toBeGreaterThan(0);
    expect(watchdogPids()).toHaveLength(1);
    first.child.kill('SIGKILL');
    await first.exited;
    await eventually(() => postgresLeft() === 0, 'the watchdog stopping PostgreSQL', 20_000);

    const second = await startMain();
    expect((await fetch(`http://127.0.0.1:${second.port}/readyz`)).status).toBe(200);
    second.child.kill('SIGHUP'); // the terminal closed: a clean stop as well
    expect(await second.exited).toBe(0);
    expect(postgresLeft()).toBe(0);
  }, 120_000);

  it('stops a PostgreSQL orphaned with its watchdog, then starts normally', async () => {
    const first = await startMain();
    const [watchdog] = watchdogPids();
    expect(watchdog).toBeGreaterThan(0);
    process.kill(watchdog, 'SIGKILL');
    first.child.kill('SIGKILL');
    await first.exited;
    await new Promise((r) => setTimeout(r, 500));
    expect(postgresLeft()).toBeGreaterThan(0); // orphaned: nobody left to stop it

    const second = await startMain();
    expect(second.output()).toContain('stopping a PostgreSQL left running');
    expect((await fetch(`http://127.0.0.1:${second.port}/readyz`)).status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(postgresLeft()).toBe(0);
  }, 120_000);
});
