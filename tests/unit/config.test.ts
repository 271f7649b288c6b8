import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from '../../server/src/config';
import { PROJECT_ROOT } from '../../server/src/paths';
import { resolveAuthSecret } from '../../server/src/auth/secret';

describe('configuration', () => {
  it('has working defaults for the embedded mode', () => {
    const config = loadConfig({}, {});
    expect(config).toMatchObject({ PORT: 4000, DATA_DIR: './.data', MIGRATE_ON_START: true, SEED_DEMO: true });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('lists every invalid variable in one clear message', () => {
    expect(() => loadConfig({}, { PORT: 'eighty', DATABASE_URL: 'not a url', LOG_LEVEL: 'loud', AUTH_SECRET: 'short' })).toThrow(
      ConfigError,
    );
    try {
      loadConfig({}, { PORT: 'eighty', DATABASE_URL: 'not a url', LOG_LEVEL: 'loud', AUTH_SECRET: 'short' });
    } catch (err) {
      const message = (err as Error).message;
      for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'AUTH_SECRET']) expect(message).toContain(name);
      expect(message).toContain('.env.example');
    }
  });

  it('treats empty variables as unset and parses booleans', () => {
    const config = loadConfig({}, { REDIS_URL: '', SEED_DEMO: 'false', MIGRATE_ON_START: '0' });
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.SEED_DEMO).toBe(false);
    expect(config.MIGRATE_ON_START).toBe(false);
  });

  it('.env.example documents exactly the variables the server reads', () => {
    const documented = readFileSync(join(PROJECT_ROOT, '.env.example'), 'utf8')
      .split('\n')
      .map((line) => /^([A-Z0-9_]+)=/.exec(line)?.[1])
      .filter(Boolean)
      .sort();
    expect(documented).toEqual([...CONFIG_VARIABLES].sort());
  });

  it('requires AUTH_SECRET once a shared database is configured', () => {
    const config = loadConfig({}, { DATABASE_URL: 'postgres://u:p@db.example:5432/phoihop' });
    expect(() => resolveAuthSecret(config)).toThrow(/AUTH_SECRET is required/);
  });
});
