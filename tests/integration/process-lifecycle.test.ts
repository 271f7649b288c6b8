import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
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
const postgresLeft = () => spawnSync('pgrep', ['-f', join(dataDir, 'pg')], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean).length;

describe('the server process (npm start)', () => {
  it('starts on the embedded default, prints where to go, and on SIGTERM shuts down cleanly with exit code 0', async () => {
    const port = await findFreePort();
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist/server/src/main.js')], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SERVE_CLIENT: 'false', REDIS_URL: '', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await eventually(() => output.includes('Phối Hợp is running at'), `the start banner (output so far: ${output.slice(-300)})`, 60_000);
    expect(output).toMatch(/cb\.thads\s+enforcement officer/);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    expect(postgresLeft()).toBeGreaterThan(0);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(postgresLeft()).toBe(0);
  }, 90_000);
});
