import 'reflect-metadata';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDisableSuggestions } from '@apollo/server/plugin/disableSuggestions';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { MikroORM } from '@mikro-orm/postgresql';
import { pinoHttp } from 'pino-http';
import { type AppConfig, statementTimeoutMs } from './config';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded-postgres';
import { connectionLimits, migrateUp, openJobOrm, openOrm, pendingMigrations } from './db/orm';
import { applyAppRoleGrants, roleExcessPrivileges, roleOf } from './db/roles';
import { countStatements, withStatementTally } from './db/statement-count';
import { seedDemoData } from './seed/seed';
import { InProcessBus, RedisBus, type EventBus } from './events/bus';
import { EventDispatcher } from './events/dispatcher';
import { Outbox } from './events/outbox';
import { AuthService, logHeadAtViewerLoad } from './auth/auth.service';
import { resolveAuthSecret } from './auth/secret';
import { SESSION_PATH, sessionCookieRouter } from './auth/session-cookie';
import { AccessTokens, bearerToken } from './auth/tokens';
import { EXPORT_PATH, statisticsExportRouter } from './modules/statistics/statistics-export.router';
import { createContext, type GraphQLContext } from './graphql/context';
import { attachWebSocketServer } from './graphql/ws-server';
import { captureLiveCursor, selectsLiveCursor } from './graphql/live-cursor';
import { AgencyService } from './modules/agencies/agency.service';
import { AreaService } from './modules/areas/area.service';
import { CalendarService } from './modules/calendar/calendar.service';
import { topics } from './events/vocabulary';
import { CaseService } from './modules/cases/case.service';
import { LiveAccess } from './modules/live/live-access';
import { registerTaskJobs } from './modules/tasks/escalation-timer';
import { registerActionJobs } from './modules/actions/action-jobs';
import { Scheduler } from './scheduler/scheduler';
import { registerStatisticsSnapshotJob } from './modules/statistics/statistics.surface';
import { ActionService } from './modules/actions/action.service';
import { StatisticsLive } from './modules/statistics/statistics-live';
import { StatisticsService } from './modules/statistics/statistics.service';
import { TaskService } from './modules/tasks/task.service';
import { ThreadService } from './modules/threads/thread.service';
import { UserService } from './modules/users/user.service';
import { ImportService } from './modules/imports/import.service';
import { ImportJobs } from './modules/imports/import-jobs';
import { registerImportJobSweep } from './modules/imports/import-job-sweep';
import { IMPORT_PATH, importRouter } from './modules/imports/import.router';
import { formatGraphQLError } from './graphql/format-error';
import { jsonErrorHandler, securityHeaders } from './graphql/http-hardening';
import { limitsFromConfig, limitValidationRules, operationLimitsPlugin } from './graphql/limits';
import { createSchema } from './graphql/schema';
import { createLogger, type Logger } from './logger';
import { Metrics } from './metrics';
import { operationLogPlugin } from './graphql/operation-log';
import { registerRetentionJob } from './modules/system/retention';
import { AuditService } from './modules/audit/audit.service';
import { checkpointKey, registerCheckpointJob } from './events/checkpoints';
import { CLIENT_DIST_DIR, PROJECT_ROOT } from './paths';
import type { AppServices } from './services';

/** A running instance, as returned by `build()`. */
export interface App {
  /** Base URL, e.g. http://127.0.0.1:4000 (the actual port when PORT=0). */
  url: string;
  httpServer: Server;
  schema: GraphQLSchema;
  orm: MikroORM;
  bus: EventBus;
  services: AppServices;
  /** This instance's timed jobs (tests run one with `runNow`). */
  scheduler: Scheduler;
  /** graphql-ws's sockets on this instance (metrics; tests look at a socket's send buffer). */
  webSocketServer: WebSocketServer;
  /** Where Prometheus scrapes this instance (undefined when /metrics is not served). */
  metricsUrl?: string;
  /** Drains HTTP, closes sockets, stops the dispatcher, bus, ORM and the embedded database. */
  close(): Promise<void>;
}

/** A port already taken: said in one sentence by main.ts. */
export class PortInUseError extends Error {
  override name = 'PortInUseError';
}

/** A readiness probe must answer quickly: a database slower than this counts as unreachable. */
const READINESS_DB_TIMEOUT_MS = 2000;

const VERSION: string = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).version;

/**
 * Migrations (MIGRATE_ON_START) and the app role's grants, both as the owner, before the app's own
 * pool opens; then a warning if the app role can do more than it should (one role for both).
 */
async function prepareDatabase(config: AppConfig, ownerUrl: string, appUrl: string, logger: Logger): Promise<void> {
  const owner = await openOrm(ownerUrl, logger);
  try {
    if (config.MIGRATE_ON_START) {
      const applied = await migrateUp(owner);
      if (applied.length) logger.info({ applied }, 'migrations applied');
    }
    const appRole = roleOf(appUrl);
    if (appRole !== roleOf(ownerUrl)) {
      const pending = await pendingMigrations(owner);
      if (pending.length === 0) await applyAppRoleGrants(ownerUrl, appRole);
      else logger.warn({ pending }, 'migrations pending: the app role grants were not applied');
    }
  } finally {
    await owner.close(true);
  }
  const excess = await roleExcessPrivileges(appUrl);
  if (excess.length) {
    logger.warn(
      { role: roleOf(appUrl), excess },
      'the app connects as a role with more rights than it needs (set DATABASE_URL to a restricted role and DATABASE_MIGRATION_URL to the owner; docs/OPERATIONS.md)',
    );
  }
}

/**
 * Builds and starts one instance: database (DATABASE_URL or embedded), migrations, demo seed, event
 * bus, dispatcher, GraphQL over HTTP and graphql-ws on the same port and path. Tests call it several
 * times in one process to run several instances against one database.
 */
export async function build(config: AppConfig, options: { logger?: Logger } = {}): Promise<App> {
  const instanceId = randomUUID().slice(0, 8);
  const logger =
    options.logger ??
    createLogger(config.LOG_LEVEL, { instanceId }, { pretty: config.LOG_FORMAT === 'auto' ? undefined : config.LOG_FORMAT === 'pretty' });
  const metrics = new Metrics();
  const cleanups: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) {
      const started = Date.now();
      await cleanup().catch((err) => logger.warn({ err }, 'error during shutdown'));
      logger.debug({ step: cleanup.toString().slice(0, 60), ms: Date.now() - started }, 'shutdown step done');
    }
    cleanups.length = 0;
  };

  try {
    // The server connects as the restricted app role; migrations and grants run as the owner (roles.ts).
    let databaseUrl = config.DATABASE_URL;
    let ownerUrl = config.DATABASE_MIGRATION_URL ?? config.DATABASE_URL;
    let embedded: EmbeddedDatabase | undefined;
    if (!databaseUrl) {
      embedded = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, logger });
      cleanups.push(() => embedded!.stop());
      databaseUrl = embedded.appUrl;
      ownerUrl = embedded.url;
      logger.info({ port: embedded.port, dataDir: config.DATA_DIR }, 'embedded PostgreSQL started');
    }
    await prepareDatabase(config, ownerUrl!, databaseUrl, logger);

    const orm = await openOrm(databaseUrl, logger, connectionLimits(statementTimeoutMs(config), config.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS));
    countStatements(orm);
    cleanups.push(() => orm.close(true));
    // Background work (scheduled jobs, background verification) on a pool of its own with the job budget.
    const jobOrm = await openJobOrm(
      databaseUrl,
      { statementTimeoutMs: config.DB_JOB_STATEMENT_TIMEOUT_MS, idleInTransactionMs: config.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS },
      logger,
    );
    cleanups.push(() => jobOrm.close(true));

    let bus: EventBus;
    if (config.REDIS_URL) {
      const redisBus = new RedisBus(config.REDIS_URL, logger, config.REDIS_COMMAND_TIMEOUT_MS);
      const connected = await redisBus.connect();
      if (!connected) logger.warn('Redis not reachable yet; events are delivered by polling until it is');
      bus = redisBus;
    } else {
      bus = new InProcessBus();
    }
    cleanups.push(() => bus.close());

    const dispatcher = new EventDispatcher(orm, bus, logger, config.EVENT_POLL_MS);
    await dispatcher.start();
    cleanups.push(() => dispatcher.stop());

    const outbox = new Outbox(bus, logger, metrics);
    const authSecret = resolveAuthSecret(config);
    const tokens = new AccessTokens(authSecret, config.ACCESS_TOKEN_TTL_S);
    const auditKey = checkpointKey(authSecret);
    // The legal calendar with the official days off / make-up working days: loaded now, and reloaded on
    // every `calendar.changed` event the dispatcher delivers (committed on this or any other instance).
    const calendar = new CalendarService(outbox);
    dispatcher.subscribe([topics.calendar], () => {
      calendar.load(orm.em.fork()).catch((err) => logger.error({ err }, 'reloading the legal calendar failed'));
    });
    await calendar.load(orm.em.fork());
    const cases = new CaseService(outbox, calendar);
    const actions = new ActionService(outbox, cases, calendar);
    // A calendar change recomputes the stored deadlines and re-checks planned coercions in its own transaction.
    calendar.onChange((tx, cal, dates, actorId) => cases.applyCalendarChange(tx, cal, dates, actorId));
    calendar.onChange((tx, cal, dates, actorId) => actions.applyCalendarChange(tx, cal, dates, actorId));
    const tasks = new TaskService(outbox, { escalationGraceWorkingDays: config.TASK_ESCALATION_GRACE_WORKING_DAYS }, cases, calendar);
    calendar.onChange((tx, cal, dates, actorId) => tasks.applyCalendarChange(tx, cal, dates, actorId));
    const areas = new AreaService(outbox);
    const agencies = new AgencyService(outbox);
    const users = new UserService(outbox);
    const imports = new ImportService(outbox, { areas, agencies, users, calendar });
    const services: AppServices = {
      version: VERSION,
      instanceId,
      config,
      orm,
      bus,
      outbox,
      dispatcher,
      liveAccess: new LiveAccess(orm, dispatcher),
      logger,
      metrics,
      auth: new AuthService(orm, outbox, tokens, config),
      areas,
      agencies,
      users,
      imports,
      importJobs: new ImportJobs(orm, imports, logger, config.IMPORT_MAX_BYTES),
      calendar,
      cases,
      threads: new ThreadService(outbox, cases),
      tasks,
      actions,
      statistics: new StatisticsService(outbox, { workMemMb: config.STATISTICS_WORK_MEM_MB }),
      statisticsLive: new StatisticsLive(orm, dispatcher, logger, config.STATISTICS_LIVE_DEBOUNCE_MS),
      audit: new AuditService(jobOrm, auditKey, logger, config.AUDIT_VERIFY_BATCH_SIZE),
    };

    // Every timed job of this instance, registered by its own module; close() stops them and waits.
    const scheduler = new Scheduler({ logger, databaseUrl: orm.config.get('clientUrl'), orm: jobOrm });
    registerTaskJobs(scheduler, services);
    registerActionJobs(scheduler, services);
    registerImportJobSweep(scheduler, services);
    registerRetentionJob(scheduler, services);
    registerCheckpointJob(scheduler, auditKey, config.AUDIT_CHECKPOINT_INTERVAL_MS);
    registerStatisticsSnapshotJob(scheduler);
    scheduler.start();
    cleanups.push(() => scheduler.stop());
    cleanups.push(async () => services.statisticsLive.close());
    cleanups.push(() => services.audit.drain());
    cleanups.push(() => services.importJobs.drain());

    if (config.SEED_DEMO) {
      await seedDemoData(services);
    }

    const schema = await createSchema();
    const httpServer = createServer();
    const ws = attachWebSocketServer(httpServer, schema, services);
    metrics.watch({ orm, busConnected: () => bus.isConnected(), busKind: bus.kind, openSockets: () => ws.wsServer.clients.size });

    const limits = limitsFromConfig(config);
    const production = config.NODE_ENV === 'production';
    const apollo = new ApolloServer<GraphQLContext>({
      schema,
      includeStacktraceInErrorResponses: false,
      // main.ts owns signal handling and closes everything in order; Apollo's own handlers raced it.
      stopOnTerminationSignals: false,
      // Introspection stays on for signed-in officials (codegen, tooling); operationLimitsPlugin
      // refuses it to anonymous callers in production.
      introspection: true,
      // Depth, aliases, directives (validation) and tokens (parser); cost in the plugin below.
      validationRules: limitValidationRules(limits),
      parseOptions: { maxTokens: limits.maxTokens },
      plugins: [
        ApolloServerPluginDrainHttpServer({ httpServer }),
        operationLogPlugin(logger, metrics),
        operationLimitsPlugin(limits, { introspectionForAnonymous: !production }),
        // No sandbox page in production (and the CSP would not let its CDN script run anyway).
        production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: false }),
        // "Did you mean …?" would tell an anonymous caller the schema that introspection refuses.
        ...(production ? [ApolloServerPluginDisableSuggestions()] : []),
        {
          async serverWillStart() {
            return {
              async drainServer() {
                await ws.dispose();
              },
            };
          },
        },
        {
          // `liveCursor` must be read before any data of the operation: capture it once the operation
          // is known and before execution starts (the resolver then returns this value).
          async requestDidStart() {
            return {
              async didResolveOperation(rc) {
                // An HTTP request's viewer was loaded by its first statement, which read the head too.
                if (selectsLiveCursor(rc.operation))
                  rc.contextValue.liveCursorAtStart =
                    (rc.contextValue.viewer && logHeadAtViewerLoad(rc.contextValue.viewer)) || (await captureLiveCursor(services));
              },
            };
          },
        },
      ],
      formatError: (formatted, error) => formatGraphQLError(formatted, error, logger),
    });
    await apollo.start();
    cleanups.push(() => apollo.stop());

    const web = express();
    web.disable('x-powered-by');
    // Express's own error pages show stacks unless env is "production"; never show them, whatever NODE_ENV says.
    web.set('env', 'production');
    web.use(securityHeaders());
    // Behind a load balancer the client address comes from X-Forwarded-For (rate limiting, audit).
    web.set('trust proxy', config.TRUST_PROXY);
    web.use(
      pinoHttp({
        logger,
        // req.log carries only the request id: never headers, cookies or bodies.
        quietReqLogger: true,
        // GraphQL operations get their own one-line summary (operation-log.ts); other requests are
        // logged only when they fail, as method, path and status.
        customLogLevel: (req, res, err) =>
          err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 && !req.url?.startsWith('/graphql') ? 'warn' : 'silent',
        serializers: {
          req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
          res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        },
        genReqId: (req, res) => {
          const incoming = req.headers['x-request-id'];
          const id = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
          res.setHeader('x-request-id', id);
          return id;
        },
        autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' || req.url === '/metrics' },
      }),
    );
    web.get('/healthz', (_req, res) => {
      res.json({ status: 'ok', instanceId });
    });
    // Ready = this instance can serve: its database answers and its schema is current. Redis is not
    // required (without it delivery falls back to polling PostgreSQL, slower but complete), so a Redis
    // outage is reported as "degraded" with 200 — a load balancer must not pull every instance at once.
    web.get('/readyz', async (_req, res) => {
      const withTimeout = <T>(p: Promise<T>, ms: number, what: string) =>
        Promise.race([
          p,
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms).unref()),
        ]);
      const checks = { database: false, migrations: false, bus: false };
      const [busAnswered] = await Promise.all([
        bus.probe(),
        (async () => {
          try {
            await withTimeout(orm.em.getConnection().execute('select 1'), READINESS_DB_TIMEOUT_MS, 'database check');
            checks.database = true;
            checks.migrations = (await withTimeout(pendingMigrations(orm), READINESS_DB_TIMEOUT_MS, 'migration check')).length === 0;
          } catch (err) {
            logger.warn({ err: (err as Error).message }, 'readiness check failed');
          }
        })(),
      ]);
      checks.bus = busAnswered;
      const delivery = {
        mode: bus.kind === 'in-process' ? 'in-process' : busAnswered ? 'redis' : 'polling',
        pollMs: config.EVENT_POLL_MS,
        ...dispatcher.status(),
      };
      // Delivery stalled: no dispatcher pass has completed for too long (the poll runs every EVENT_POLL_MS).
      const stalled = delivery.lastPassAgoMs !== null && delivery.lastPassAgoMs > config.READY_MAX_DELIVERY_STALL_MS;
      const ready = checks.database && checks.migrations && !stalled;
      const status = !ready ? 'not ready' : delivery.mode === 'polling' ? 'degraded' : 'ready';
      if (delivery.mode === 'polling') logger.warn({ delivery }, 'Redis does not answer: live delivery is polling PostgreSQL');
      res.status(ready ? 200 : 503).json({ status, checks: { ...checks, delivery: !stalled }, delivery, instanceId });
    });
    const metricsHandler = metricsEndpoint(metrics, config.METRICS_TOKEN);
    if (config.METRICS_PORT === undefined && (config.METRICS_TOKEN || config.NODE_ENV !== 'production')) {
      web.get('/metrics', metricsHandler);
    } else if (config.METRICS_PORT === undefined) {
      logger.warn('/metrics is not served: in production set METRICS_TOKEN or METRICS_PORT');
    }
    // The browser session (refresh token in an httpOnly cookie): see auth/session-cookie.ts.
    web.use(
      SESSION_PATH,
      sessionCookieRouter({ auth: services.auth, em: () => orm.em.fork(), logger, refreshTokenTtlS: config.REFRESH_TOKEN_TTL_S }),
    );
    web.use(
      '/graphql',
      express.json({ limit: config.GRAPHQL_MAX_BODY_BYTES }),
      // After the body parser (its stream callbacks would lose the scope): every statement of this request is counted.
      (_req, _res, next) => withStatementTally({ statements: 0 }, next),
      expressMiddleware(apollo, {
        context: async ({ req }): Promise<GraphQLContext> => {
          const token = bearerToken(req.headers.authorization);
          const viewer = token ? await services.auth.viewerFromToken(orm.em.fork(), token) : null;
          const deadline = Date.now() + limits.timeBudgetMs;
          return createContext(services, { requestId: String(req.id), viewer, ip: req.ip ?? 'unknown', logger: req.log, deadline });
        },
      }),
    );
    // Statistics as Excel/CSV files, with the same bearer token as /graphql (modules/statistics/statistics-export.router.ts).
    web.use(
      EXPORT_PATH,
      statisticsExportRouter({
        statistics: services.statistics,
        viewerOf: async (req) => {
          const token = bearerToken(req.headers.authorization);
          return token ? services.auth.viewerFromToken(orm.em.fork(), token) : null;
        },
        em: () => orm.em.fork(),
        logger,
      }),
    );
    // CSV imports uploaded from the web app, same bearer token (modules/imports/import.router.ts).
    web.use(
      IMPORT_PATH,
      importRouter({
        jobs: services.importJobs,
        viewerOf: async (req) => {
          const token = bearerToken(req.headers.authorization);
          return token ? services.auth.viewerFromToken(orm.em.fork(), token) : null;
        },
        em: () => orm.em.fork(),
        logger,
      }),
    );
    if (config.SERVE_CLIENT && existsSync(join(CLIENT_DIST_DIR, 'index.html'))) {
      web.use(express.static(CLIENT_DIST_DIR, { index: 'index.html', maxAge: '1h' }));
      // Client-side routes fall back to the app shell.
      web.get(/^\/(?!graphql|healthz|readyz|metrics|auth\/|export\/|import\/).*/, (_req, res) =>
        res.sendFile(join(CLIENT_DIST_DIR, 'index.html')),
      );
    }
    // Last: malformed JSON, an oversized body, a wrong charset … answered as coded JSON, never a page.
    web.use(jsonErrorHandler(logger));
    httpServer.on('request', web);

    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', (err: NodeJS.ErrnoException) =>
        reject(
          err.code === 'EADDRINUSE'
            ? new PortInUseError(`Port ${config.PORT} is already in use; stop the other program or set PORT to a free port.`)
            : err,
        ),
      );
      httpServer.listen(config.PORT, config.HOST, () => resolve());
    });
    const { port } = httpServer.address() as AddressInfo;
    let metricsUrl: string | undefined;
    if (config.METRICS_PORT !== undefined) {
      const metricsServer = createServer(express().get('/metrics', metricsHandler));
      await new Promise<void>((resolve, reject) => {
        metricsServer.once('error', (err: NodeJS.ErrnoException) =>
          reject(
            err.code === 'EADDRINUSE'
              ? new PortInUseError(`Port ${config.METRICS_PORT} for /metrics is already in use; set METRICS_PORT to a free port.`)
              : err,
          ),
        );
        metricsServer.listen(config.METRICS_PORT, config.METRICS_HOST, () => resolve());
      });
      cleanups.push(() => new Promise<void>((resolve) => metricsServer.close(() => resolve())));
      metricsUrl = `http://${config.METRICS_HOST}:${(metricsServer.address() as AddressInfo).port}/metrics`;
    } else if (config.METRICS_TOKEN || config.NODE_ENV !== 'production') {
      metricsUrl = `${config.PUBLIC_URL ?? `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`}/metrics`;
    }
    const url = config.PUBLIC_URL ?? `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`;
    logger.info({ url }, 'listening');
    // Cleanups run in reverse: Apollo (drains HTTP and sockets), dispatcher, bus, ORM, database.
    return { url, metricsUrl, httpServer, schema, orm, bus, services, scheduler, webSocketServer: ws.wsServer, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * GET /metrics: the Prometheus text format. With `token`, only `Authorization: Bearer <token>` may read
 * it (compared in constant time); without, it is open (development, or the separate internal port).
 */
function metricsEndpoint(metrics: Metrics, token: string | undefined): express.RequestHandler {
  const expected = token ? Buffer.from(`Bearer ${token}`) : null;
  return async (req, res) => {
    if (expected) {
      const given = Buffer.from(req.headers.authorization ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.status(401).set('www-authenticate', 'Bearer').send('metrics require the METRICS_TOKEN bearer token\n');
        return;
      }
    }
    const { contentType, body } = await metrics.render();
    res.set('content-type', contentType).send(body);
  };
}
