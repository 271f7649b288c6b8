import { z } from 'zod';

/**
 * Every setting of the server, validated once at start. Anything the process reads from the
 * environment is read here and nowhere else; `.env.example` documents each variable.
 */
const boolFromEnv = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  /** Production unless said otherwise (introspection for anonymous callers, the sandbox page). */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  /** Port for HTTP (web app + GraphQL) and WebSocket (graphql-ws). 0 = any free port (tests). */
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** Address to bind. */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Public base URL printed at start and used in links; defaults to http://localhost:PORT. */
  PUBLIC_URL: z.string().url().optional(),
  /**
   * PostgreSQL 15+ connection string of the app role (not the owner: no superuser, no DDL, no UPDATE/DELETE
   * on the event log; docs/OPERATIONS.md). Empty → the embedded PostgreSQL under DATA_DIR (role phoihop_app).
   */
  DATABASE_URL: z.string().url().optional(),
  /**
   * Connection string of the owner role (owns the schema and tables): migrations and the app role's grants
   * run as it at start. Empty → DATABASE_URL (one role for both: the app then warns it is not restricted);
   * ignored in the embedded default, which knows its owner.
   */
  DATABASE_MIGRATION_URL: z.string().url().optional(),
  /**
   * statement_timeout of every app connection, in ms: a running SQL statement is cancelled after it
   * (OPERATION_TIMEOUT). Empty → GRAPHQL_TIME_BUDGET_MS; 0 = none.
   */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).optional(),
  /**
   * statement_timeout of the connections background work uses (scheduled jobs: retention, checkpoints,
   * escalations; background audit verification), in ms. Their own pool, so the request budget above
   * cannot cancel a legitimate long job, while a job stuck for longer still ends. 0 = none.
   */
  DB_JOB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(86_400_000).default(600_000),
  /** idle_in_transaction_session_timeout of every app connection, in ms (a transaction left open is ended). 0 = none. */
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
  /** Redis connection string for cross-instance wake-ups. Empty → in-process bus (one instance). */
  REDIS_URL: z.string().url().optional(),
  /** Folder for the embedded PostgreSQL cluster (only used without DATABASE_URL). */
  DATA_DIR: z.string().min(1).default('./.data'),
  /** Port of the embedded PostgreSQL; 0 = pick a free loopback port. */
  EMBEDDED_PG_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** Secret for signing access/refresh tokens (≥ 32 chars). Generated and stored in DATA_DIR if absent in embedded mode. */
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  /** Lifetime of an access token, in seconds (sockets close when it ends; clients refresh before). */
  ACCESS_TOKEN_TTL_S: z.coerce.number().int().min(2).max(86_400).default(900),
  /** Lifetime of a refresh token, in seconds. */
  REFRESH_TOKEN_TTL_S: z.coerce
    .number()
    .int()
    .min(300)
    .max(90 * 86_400)
    .default(7 * 86_400),
  /** Apply pending migrations at start. */
  MIGRATE_ON_START: boolFromEnv.default(true),
  /** Seed the demo data (worked example) into an empty database. */
  SEED_DEMO: boolFromEnv.default(true),
  /** pino level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Log format: `pretty` (human-readable), `json` (one JSON object per line), `auto` = pretty in a terminal, JSON otherwise. */
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  /** Bearer token required to read /metrics on the main port. In production /metrics is served only with this or METRICS_PORT. */
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
  /** Serve /metrics on this separate port (bind it to an internal network) instead of the main port. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Address the separate metrics port binds to. */
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  /** How long an idempotency key is remembered, in hours (a retry after that creates a new record). */
  IDEMPOTENCY_KEY_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 365)
    .default(72),
  /** Folder with pg_dump/pg_restore for `npm run admin -- backup|restore` (must be at least the server's major version). Default: search /usr/lib/postgresql/N/bin (newest first) and PATH. */
  PG_BIN_DIR: z.string().min(1).optional(),
  /**
   * Event-log retention in days: 0 (default) keeps every event for ever — the log is the audit trail.
   * Otherwise older events are deleted by the retention clean-up (archive them first: npm run admin -- backup).
   */
  EVENT_LOG_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(0),
  /** How often the retention clean-up runs (expired idempotency keys, sign-in throttle rows, old events if configured). */
  RETENTION_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(3_600_000),
  /**
   * How often signed checkpoints of every changed stream head are written (audit_checkpoint, HMAC keyed
   * from AUTH_SECRET): what lets verifyAuditChain detect a removed stream tail or a whole removed stream.
   */
  AUDIT_CHECKPOINT_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(60_000),
  /** Events read per batch by a background verification (startAuditVerification; progress is reported after each). */
  AUDIT_VERIFY_BATCH_SIZE: z.coerce.number().int().min(10).max(100_000).default(2000),
  /** Fallback poll of the event log, in ms: the safety net when a wake-up is missed (Redis down). */
  EVENT_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /**
   * `/readyz` fails (503) when this instance's event dispatcher has not completed a pass for this many ms
   * (live delivery stalled: the database hangs, or the sequencer lock is held). Well above EVENT_POLL_MS.
   */
  READY_MAX_DELIVERY_STALL_MS: z.coerce.number().int().min(1000).max(3_600_000).default(30_000),
  /** Redis commands (wake-up publishes, readiness pings) fail after this many ms: a frozen Redis degrades to polling instead of hanging. */
  REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** How far back a subscription may resume by cursor; older cursors get a RESYNC signal. */
  EVENT_REPLAY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Open WebSocket connections allowed per user on one instance (more are closed with 4430). */
  WS_MAX_CONNECTIONS_PER_USER: z.coerce.number().int().min(1).max(1000).default(10),
  /** Active subscriptions allowed per WebSocket connection. */
  WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: z.coerce.number().int().min(1).max(1000).default(50),
  /** Interval of WebSocket pings; a socket that missed the previous pong is terminated. */
  WS_KEEPALIVE_MS: z.coerce.number().int().min(100).max(300_000).default(25_000),
  /**
   * Bytes queued on a WebSocket below which a message is sent without waiting for it to be written
   * (graphql/ws-adapter.ts); at or above it the subscription waits for the write (back-pressure).
   */
  WS_SEND_HIGH_WATER_BYTES: z.coerce.number().int().min(1024).max(16_777_216).default(131_072),
  /** Live events queued for one subscription before its slow socket is closed (it resumes by cursor). */
  LIVE_MAX_BUFFERED: z.coerce.number().int().min(1).max(1_000_000).default(1000),
  /** Working days an overdue task may stay open before it is escalated to the lead office and steering committee. */
  TASK_ESCALATION_GRACE_WORKING_DAYS: z.coerce.number().int().min(0).max(60).default(2),
  /** At most one statistics refresh per subscriber per this many ms (the dashboard's live updates). */
  STATISTICS_LIVE_DEBOUNCE_MS: z.coerce.number().int().min(100).max(600_000).default(3000),
  /**
   * work_mem (MB) of the transaction one statistics statement runs in (`SET LOCAL`): its sort, hash
   * aggregate and CTEs of ~50,000 case-rows fit in memory instead of spilling to disk at PostgreSQL's
   * 4 MB default. Only these statements get it; at most GRAPHQL-pool-size of them run at once.
   */
  STATISTICS_WORK_MEM_MB: z.coerce.number().int().min(4).max(1024).default(64),
  /** How often overdue tasks are checked for escalation (each task escalates once, on any instance). */
  TASK_ESCALATION_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(300_000),
  /** How often missed legal deadlines of actions (verification, protection plan, urgent freezes) are checked and escalated once. */
  ACTION_DEADLINE_CHECK_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(300_000),
  /** Serve the built web app from dist/web. */
  SERVE_CLIENT: boolFromEnv.default(true),
  /** Express "trust proxy" hops: how many proxies in front may set X-Forwarded-For (0 = none). */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** Sign-in attempts allowed per account from one address within the window below (then RATE_LIMITED for that address only); past this many failures from anywhere, the account's attempts back off. */
  SIGNIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(10),
  /** Failed sign-ins allowed per client address (higher: a whole office may share one NAT address). */
  SIGNIN_MAX_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(100),
  SIGNIN_WINDOW_S: z.coerce.number().int().min(1).max(86_400).default(900),
  /** Longest back-off (seconds) between attempts on an account under attack from unknown addresses. */
  SIGNIN_BACKOFF_MAX_S: z.coerce.number().int().min(1).max(3600).default(60),
  /** Deepest selection nesting one GraphQL operation may have (fragments expanded). */
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(100).default(10),
  /** Aliased fields allowed in one operation. */
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).max(1000).default(15),
  /** Directives allowed in one operation. */
  GRAPHQL_MAX_DIRECTIVES: z.coerce.number().int().min(0).max(1000).default(20),
  /** Lexical tokens allowed in one GraphQL document. */
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).max(1_000_000).default(4000),
  /** Highest estimated cost of one operation (1 per field, × page size for lists; see docs/SECURITY.md). */
  GRAPHQL_MAX_COST: z.coerce.number().int().min(10).max(10_000_000).default(20_000),
  /** Wall-clock budget of one query or mutation in ms; fields that would start after it are refused. */
  GRAPHQL_TIME_BUDGET_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** Largest HTTP request body and WebSocket message accepted, in bytes. */
  GRAPHQL_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(1024 * 1024),
  /**
   * Largest CSV file accepted by the import upload (POST /import/<kind>), in bytes. Separate from
   * GRAPHQL_MAX_BODY_BYTES: an office's caseload (10,000 cases ≈ 3 MB) is far larger than any GraphQL request.
   */
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(200 * 1024 * 1024)
    .default(8 * 1024 * 1024),
  /**
   * How often (ms) each instance sweeps import jobs left RUNNING by a dead instance (also once at start).
   * Single-runner; a job still writing holds its lock and is never swept.
   */
  IMPORT_JOB_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(60_000),
  /** An import job is swept only when it started at least this long ago (ms) and its transaction is gone. */
  IMPORT_JOB_STALE_AFTER_MS: z.coerce.number().int().min(0).max(86_400_000).default(120_000),
});

/** Names of every variable the server reads (documented one by one in .env.example). */
export const CONFIG_VARIABLES = Object.keys(envSchema.shape);

/** The validated configuration. */
export type AppConfig = z.infer<typeof envSchema>;

/** Thrown when the environment is invalid; `message` lists every problem, one per line. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads and validates configuration from `env` (default `process.env`), with `overrides` taking
 * precedence (tests and `build()` callers pass typed values). Empty strings count as unset.
 */
export function loadConfig(overrides: Partial<AppConfig> = {}, env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}\nSee .env.example for every variable.`);
  }
  const merged = { ...parsed.data, ...stripUndefined(overrides) };
  return merged;
}

/** The statement_timeout of app connections (DB_STATEMENT_TIMEOUT_MS, else the operation time budget). */
export function statementTimeoutMs(config: AppConfig): number {
  return config.DB_STATEMENT_TIMEOUT_MS ?? config.GRAPHQL_TIME_BUDGET_MS;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
