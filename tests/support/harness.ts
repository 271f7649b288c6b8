import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { inject, it } from 'vitest';
import { build, type App } from '../../server/src/app';
import { loadConfig, type AppConfig } from '../../server/src/config';
import { openOrm } from '../../server/src/db/orm';
import { createLogger } from '../../server/src/logger';

/** A 32+ character secret for tests. */
export const TEST_AUTH_SECRET = 'test-secret-0123456789-abcdefghijklmnop';

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/**
 * Creates a fresh database cloned from the migrated template; returns its URL **as the restricted app
 * role** (what the server runs as: no superuser, no DDL, no UPDATE/DELETE on the log). Tamper with it
 * through `ownerUrlOf(url)` (a superuser, the attacker who owns the box).
 */
export async function createTestDatabase(): Promise<string> {
  const templateUrl = inject('templateDatabaseUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: withDatabase(templateUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`create database "${name}" template phoihop_template`);
  } finally {
    await admin.end();
  }
  return withDatabase(inject('templateAppUrl'), name);
}

/** The owner/superuser URL of the database of `url` (migrations, tampering, raw inspection). */
export function ownerUrlOf(url: string): string {
  const owner = new URL(inject('templateDatabaseUrl'));
  return withDatabase(owner.toString(), new URL(url).pathname.slice(1));
}

/** Whether `url` connects as the restricted app role of the test cluster. */
const isAppRoleUrl = (url: string) => new URL(url).username === new URL(inject('templateAppUrl')).username;

/** Opens a MikroORM on a fresh test database as the app role (no HTTP server). */
export async function openTestOrm() {
  return openOrm(await createTestDatabase());
}

/** Opens a MikroORM on the database of `url` as its owner (a superuser): for tampering and set-up the app may not do. */
export async function openOwnerOrm(url: string) {
  return openOrm(ownerUrlOf(url));
}

/** The real Redis URL for this run, or '' (then Redis suites skip — and CI sets REQUIRE_REDIS=1 so that cannot happen). */
export const redisUrl = (): string => inject('redisUrl');

/** `it` for tests that need Redis: skipped only when no Redis exists and CI did not demand one. */
export const itWithRedis = (name: string, fn: () => Promise<void>, timeout?: number) =>
  inject('redisUrl') ? it(name, fn, timeout) : it.skip(`${name} (no redis-server on PATH)`, fn);

/** Starts an app instance on a free port against `databaseUrl`. */
export async function startTestApp(databaseUrl: string, overrides: Partial<AppConfig> = {}): Promise<App> {
  const config = loadConfig(
    {
      DATABASE_URL: databaseUrl,
      // Migrations and grants as the owner; the app itself as the restricted role.
      DATABASE_MIGRATION_URL: isAppRoleUrl(databaseUrl) ? ownerUrlOf(databaseUrl) : undefined,
      PORT: 0,
      HOST: '127.0.0.1',
      SEED_DEMO: false,
      SERVE_CLIENT: false,
      LOG_LEVEL: 'silent',
      AUTH_SECRET: TEST_AUTH_SECRET,
      EVENT_POLL_MS: 200,
      ...overrides,
    },
    {},
  );
  return build(config, { logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent') });
}

/** The JSON answer of a GraphQL HTTP request. */
export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, any>; path?: string[] }>;
}

/** Sends one GraphQL request over HTTP, optionally with a bearer token. */
export async function gql<T = Record<string, any>>(
  app: App | string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
): Promise<GraphQLResponse<T>> {
  const base = typeof app === 'string' ? app : app.url;
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GraphQLResponse<T>;
}

/** Waits until `check` returns truthy, polling; throws with `what` after `timeoutMs`. */
export async function eventually<T>(check: () => T | Promise<T>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
