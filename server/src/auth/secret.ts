import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, type AppConfig } from '../config';

/**
 * The token-signing secret: AUTH_SECRET when set. In the embedded default (no DATABASE_URL) one is
 * generated on first start and kept in DATA_DIR, so `npm start` needs no setup and sessions survive
 * restarts. With DATABASE_URL (production, several instances) it must be given: every instance has
 * to verify every other instance's tokens.
 */
export function resolveAuthSecret(config: AppConfig): string {
  if (config.AUTH_SECRET) return config.AUTH_SECRET;
  if (config.DATABASE_URL) {
    throw new ConfigError(
      'AUTH_SECRET is required when DATABASE_URL is set (all instances must share it); generate one with: openssl rand -base64 48',
    );
  }
  const dataDir = resolve(config.DATA_DIR);
  const file = join(dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
