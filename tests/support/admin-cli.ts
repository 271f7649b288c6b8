import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../server/src/paths';

/**
 * Runs the compiled admin command line (`npm run admin -- …args`) against `databaseUrl` as an operator
 * would, and returns its exit status and output (needs `npm run build:server`).
 */
export function runAdminCli(databaseUrl: string, ...args: string[]) {
  return spawnSync(process.execPath, [join(PROJECT_ROOT, 'dist/server/src/cli/admin.js'), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: 'cli-test-secret-0123456789-abcdefghij', LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });
}
