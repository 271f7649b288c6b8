import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { MikroORM } from '@mikro-orm/postgresql';
import { pinoHttp } from 'pino-http';
import type { AppConfig } from './config';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded-postgres';
import { migrateUp, openOrm, pendingMigrations } from './db/orm';
import { seedDemoData } from './db/seed';
import { InProcessBus, RedisBus, type EventBus } from './events/bus';
import { EventDispatcher } from './events/dispatcher';
import { Outbox } from './events/outbox';
import { AuthService } from './auth/auth.service';
import { resolveAuthSecret } from './auth/secret';
import { SESSION_PATH, sessionCookieRouter } from './auth/session-cookie';
import { AccessTokens, bearerToken } from './auth/tokens';
import { createContext, type GraphQLContext } from './graphql/context';
import { attachWebSocketServer } from './graphql/ws-server';
import { AgencyService } from './modules/agencies/agency.service';
import { AreaService } from './modules/areas/area.service';
import { CALENDAR_TOPIC, CalendarService } from './modules/calendar/calendar.service';
import { CaseService } from './modules/cases/case.service';
import { startEscalationTimer } from './modules/tasks/escalation-timer';
import { ActionService } from './modules/actions/action.service';
import { TaskService } from './modules/tasks/task.service';
import { ThreadService } from './modules/threads/thread.service';
import { UserService } from './modules/users/user.service';
import { formatGraphQLError } from './graphql/format-error';
import { createSchema } from './graphql/schema';
import { createLogger, type Logger } from './logger';
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
  /** Drains HTTP, closes sockets, stops the dispatcher, bus, ORM and the embedded database. */
  close(): Promise<void>;
}

/** A port already taken: said in one sentence by main.ts. */
export class PortInUseError extends Error {
  override name = 'PortInUseError';
}

const VERSION: string = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).version;

/**
 * Builds and starts one instance: database (DATABASE_URL or embedded), migrations, demo seed, event
 * bus, dispatcher, GraphQL over HTTP and graphql-ws on the same port and path. Tests call it several
 * times in one process to run several instances against one database.
 */
export async function build(config: AppConfig, options: { logger?: Logger } = {}): Promise<App> {
  const instanceId = randomUUID().slice(0, 8);
  const logger = options.logger ?? createLogger(config.LOG_LEVEL, { instanceId });
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
    let databaseUrl = config.DATABASE_URL;
    let embedded: EmbeddedDatabase | undefined;
    if (!databaseUrl) {
      embedded = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, logger });
      cleanups.push(() => embedded!.stop());
      databaseUrl = embedded.url;
      logger.info({ port: embedded.port, dataDir: config.DATA_DIR }, 'embedded PostgreSQL started');
    }

    const orm = await openOrm(databaseUrl, logger);
    cleanups.push(() => orm.close(true));
    if (config.MIGRATE_ON_START) {
      const applied = await migrateUp(orm);
      if (applied.length) logger.info({ applied }, 'migrations applied');
    }

    let bus: EventBus;
    if (config.REDIS_URL) {
      const redisBus = new RedisBus(config.REDIS_URL, logger);
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

    const outbox = new Outbox(bus, logger);
    const tokens = new AccessTokens(resolveAuthSecret(config), config.ACCESS_TOKEN_TTL_S);
    // The legal calendar with the official days off / make-up working days: loaded now, and reloaded on
    // every `calendar.changed` event the dispatcher delivers (committed on this or any other instance).
    const calendar = new CalendarService(outbox);
    dispatcher.subscribe([CALENDAR_TOPIC], () => {
      calendar.load(orm.em.fork()).catch((err) => logger.error({ err }, 'reloading the legal calendar failed'));
    });
    await calendar.load(orm.em.fork());
    const cases = new CaseService(outbox, calendar);
    const services: AppServices = {
      version: VERSION,
      instanceId,
      config,
      orm,
      bus,
      outbox,
      dispatcher,
      logger,
      auth: new AuthService(orm, outbox, tokens, config),
      areas: new AreaService(outbox),
      agencies: new AgencyService(outbox),
      users: new UserService(outbox),
      calendar,
      cases,
      threads: new ThreadService(outbox, cases),
      tasks: new TaskService(outbox, { escalationGraceWorkingDays: config.TASK_ESCALATION_GRACE_WORKING_DAYS }, cases, calendar),
      actions: new ActionService(outbox, cases, calendar),
    };

    cleanups.push(startEscalationTimer(services, config.TASK_ESCALATION_INTERVAL_MS));

    if (config.SEED_DEMO) {
      await seedDemoData(services);
    }

    const schema = await createSchema();
    const httpServer = createServer();
    const ws = attachWebSocketServer(httpServer, schema, services);

    const apollo = new ApolloServer<GraphQLContext>({
      schema,
      includeStacktraceInErrorResponses: false,
      // main.ts owns signal handling and closes everything in order; Apollo's own handlers raced it.
      stopOnTerminationSignals: false,
      introspection: true,
      plugins: [
        ApolloServerPluginDrainHttpServer({ httpServer }),
        { async serverWillStart() { return { async drainServer() { await ws.dispose(); } }; } },
      ],
      formatError: (formatted, error) => formatGraphQLError(formatted, error, logger),
    });
    await apollo.start();
    cleanups.push(() => apollo.stop());

    const web = express();
    web.disable('x-powered-by');
    // Behind a load balancer the client address comes from X-Forwarded-For (rate limiting, audit).
    web.set('trust proxy', config.TRUST_PROXY);
    web.use(
      pinoHttp({
        logger,
        genReqId: (req, res) => {
          const incoming = req.headers['x-request-id'];
          const id = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
          res.setHeader('x-request-id', id);
          return id;
        },
        autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
      }),
    );
    web.get('/healthz', (_req, res) => {
      res.json({ status: 'ok', instanceId });
    });
    web.get('/readyz', async (_req, res) => {
      const checks = { database: false, migrations: false, bus: bus.isConnected() };
      try {
        await orm.em.getConnection().execute('select 1');
        checks.database = true;
        checks.migrations = (await pendingMigrations(orm)).length === 0;
      } catch (err) {
        logger.warn({ err: (err as Error).message }, 'readiness check failed');
      }
      const ready = checks.database && checks.migrations && checks.bus;
      res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks, instanceId });
    });
    // The browser session (refresh token in an httpOnly cookie): see auth/session-cookie.ts.
    web.use(SESSION_PATH, sessionCookieRouter({ auth: services.auth, em: () => orm.em.fork(), logger, refreshTokenTtlS: config.REFRESH_TOKEN_TTL_S }));
    web.use(
      '/graphql',
      express.json({ limit: '1mb' }),
      expressMiddleware(apollo, {
        context: async ({ req }): Promise<GraphQLContext> => {
          const token = bearerToken(req.headers.authorization);
          const viewer = token ? await services.auth.viewerFromToken(orm.em.fork(), token) : null;
          return createContext(services, { requestId: String(req.id), viewer, ip: req.ip ?? 'unknown', logger: req.log });
        },
      }),
    );
    if (config.SERVE_CLIENT && existsSync(join(CLIENT_DIST_DIR, 'index.html'))) {
      web.use(express.static(CLIENT_DIST_DIR, { index: 'index.html', maxAge: '1h' }));
      // Client-side routes fall back to the app shell.
      web.get(/^\/(?!graphql|healthz|readyz|auth\/).*/, (_req, res) => res.sendFile(join(CLIENT_DIST_DIR, 'index.html')));
    }
    httpServer.on('request', web);

    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', (err: NodeJS.ErrnoException) =>
        reject(err.code === 'EADDRINUSE' ? new PortInUseError(`Port ${config.PORT} is already in use; stop the other program or set PORT to a free port.`) : err),
      );
      httpServer.listen(config.PORT, config.HOST, () => resolve());
    });
    const { port } = httpServer.address() as AddressInfo;
    const url = config.PUBLIC_URL ?? `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`;
    logger.info({ url }, 'listening');
    // Cleanups run in reverse: Apollo (drains HTTP and sockets), dispatcher, bus, ORM, database.
    return { url, httpServer, schema, orm, bus, services, close };
  } catch (err) {
    await close();
    throw err;
  }
}
