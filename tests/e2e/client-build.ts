/**
 * The e2e suites drive the built web app (dist/web), which the server serves only if it exists when
 * it starts. This rebuilds it when it is missing or older than the client sources, so a test never runs
 * against a stale bundle. Suites run in parallel workers: a lock directory makes one of them build while
 * the other waits, and the new bundle is built aside and swapped in so dist/web is never half-written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_DIST_DIR, PROJECT_ROOT } from '../../server/src/paths';

const CLIENT_DIR = join(PROJECT_ROOT, 'client');
const LOCK_DIR = `${CLIENT_DIST_DIR}.build-lock`;
const LOCK_STALE_MS = 5 * 60_000;

/** Newest modification time (ms) of any file under `path` (the path itself when it is a file). */
function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when dist/web is missing or older than anything in client/ (sources, index.html, Vite config). */
export function clientBuildIsStale(): boolean {
  const index = join(CLIENT_DIST_DIR, 'index.html');
  if (!existsSync(index)) return true;
  return newestMtime(CLIENT_DIR) > statSync(index).mtimeMs;
}

function build(): void {
  const outDir = `${CLIENT_DIST_DIR}.next-${process.pid}`;
  const vite = join(PROJECT_ROOT, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'client/vite.config.mts', '--outDir', outDir, '--emptyOutDir'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    rmSync(outDir, { recursive: true, force: true });
    throw new Error(`Building the web app failed:\n${result.stdout}\n${result.stderr}`);
  }
  const old = `${CLIENT_DIST_DIR}.old-${process.pid}`;
  if (existsSync(CLIENT_DIST_DIR)) renameSync(CLIENT_DIST_DIR, old);
  renameSync(outDir, CLIENT_DIST_DIR);
  rmSync(old, { recursive: true, force: true });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds dist/web when it is missing or stale; waits while another worker builds it. */
export async function ensureClientBuilt(): Promise<void> {
  if (!clientBuildIsStale()) return;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // A crashed run may leave its lock behind.
      const lock = statSync(LOCK_DIR, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > LOCK_STALE_MS) rmSync(LOCK_DIR, { recursive: true, force: true });
      await sleep(250);
    }
  }
  try {
    if (clientBuildIsStale()) build();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}
