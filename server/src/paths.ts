import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The repository root, found by walking up to this project's package.json. The same code runs
 * compiled (dist/server/src/…) and as TypeScript under vitest (server/src/…), so paths are never
 * computed from a fixed number of `..` segments.
 */
export const PROJECT_ROOT: string = (() => {
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate) && JSON.parse(readFileSync(candidate, 'utf8')).name === 'phoi-hop') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the phoi-hop package.json above ' + __dirname);
    dir = parent;
  }
})();

/** Compiled migrations: the runtime always loads JavaScript, never .ts (see docs/ARCHITECTURE.md). */
export const COMPILED_MIGRATIONS_DIR = resolve(PROJECT_ROOT, 'dist/migrations');
/** TypeScript migration sources, where `npm run migration:create` writes. */
export const MIGRATIONS_SOURCE_DIR = resolve(PROJECT_ROOT, 'migrations');
/** The built web app served on the API's port. */
export const CLIENT_DIST_DIR = resolve(PROJECT_ROOT, 'dist/web');
/** The committed SDL artifact. */
export const SCHEMA_FILE = resolve(PROJECT_ROOT, 'schema/schema.graphql');
