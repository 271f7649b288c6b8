import 'reflect-metadata';
import { build, PortInUseError } from './app';
import { ConfigError, loadConfig } from './config';
import { EmbeddedDatabaseError } from './db/embedded-postgres';
import { DEMO_LOGINS } from './seed/demo-logins';

/** `npm start`: one instance with whatever the environment configures (embedded default otherwise). */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await build(config);
  const lines = [
    '',
    `  Phối Hợp is running at ${app.url}`,
    `  GraphQL (HTTP and WebSocket): ${app.url}/graphql · health: ${app.url}/healthz · readiness: ${app.url}/readyz`,
    config.DATABASE_URL ? '  Database: DATABASE_URL' : `  Database: embedded PostgreSQL in ${config.DATA_DIR}`,
    `  Live events: ${app.bus.kind === 'redis' ? 'Redis (many instances)' : 'in-process (one instance)'}`,
    `  Metrics: ${app.metricsUrl ?? 'not served (set METRICS_TOKEN or METRICS_PORT)'}`,
  ];
  if (config.SEED_DEMO && DEMO_LOGINS.length) {
    lines.push('  Demo sign-ins (password for all: ' + DEMO_LOGINS[0].password + '):');
    for (const login of DEMO_LOGINS) lines.push(`    ${login.username.padEnd(18)} ${login.description}`);
  }
  // Printed last, once everything is ready, so it is the last thing a person starting the app sees.
  console.log(lines.join('\n') + '\n');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal} received: shutting down…`);
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // Closing the terminal: stop as cleanly as on Ctrl+C (SIGKILL is covered by the embedded database's watchdog).
  process.on('SIGHUP', () => void stop('SIGHUP'));
  // A crash must still stop the embedded PostgreSQL, or its process would hold the data folder.
  const crash = (err: unknown) => {
    console.error('Fatal error:', err);
    void app.close().finally(() => process.exit(1));
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
}

main().catch((err: unknown) => {
  // Known start-up problems get one clear sentence; anything else its message (never a bare stack).
  if (err instanceof ConfigError || err instanceof EmbeddedDatabaseError || err instanceof PortInUseError) {
    console.error(`\nCannot start Phối Hợp: ${err.message}\n`);
  } else {
    console.error('\nCannot start Phối Hợp:', err instanceof Error ? err.message : err, '\n');
  }
  process.exit(1);
});
