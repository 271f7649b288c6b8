import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { type DocumentNode, getOperationAST, GraphQLError, type GraphQLSchema } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { bearerToken } from '../auth/tokens';
import { AppError } from '../errors';
import type { Viewer } from '../auth/viewer';
import type { AppServices } from '../services';
import { createContext, forgetOperationState, type GraphQLContext } from './context';
import { formatGraphQLError } from './format-error';
import { limitsFromConfig, prepareSocketOperation } from './limits';
import { captureLiveCursor, selectsLiveCursor } from './live-cursor';
import { type EventType, topics } from '../events/vocabulary';
import { VIEWER_INDEPENDENT_SUBSCRIPTIONS } from '../modules/live/live.types';
import { createSharedSubscribe } from './ws-shared-results';
import { serveGraphqlWs, type WsExtra } from './ws-adapter';

/** Per-socket state kept by graphql-ws in `ctx.extra`. */
type SocketExtra = WsExtra & {
  viewer?: Viewer;
  expiryTimer?: NodeJS.Timeout;
  /** Started operations by id: what the one log line at their end says. */
  operations?: Map<string, { name: string; started: number }>;
  /** One context shared by every subscription of this connection (queries and mutations get their own). */
  subscriptionContext?: GraphQLContext;
};

/**
 * Close codes of our own (4000–4999 are application-defined). Both are retryable for graphql-ws
 * clients: the client reconnects with back-off and resubscribes from its last cursor.
 */
export const CLOSE_SLOW_CONSUMER = 4413;
export const CLOSE_TOO_MANY_CONNECTIONS = 4430;
/**
 * What the viewer may see changed (their agency's covered areas): the client reconnects at once,
 * is authenticated afresh and resubscribes from its cursor; a subscription it lost access to is
 * then refused (NOT_FOUND). Retryable.
 */
export const CLOSE_ACCESS_CHANGED = 4412;
/** Standard "Try Again Later": the database is briefly unreachable at connect time. Retryable. */
export const CLOSE_TRY_AGAIN_LATER = 1013;

/** Distinct operation texts whose parsed document is shared among the sockets sending it. */
const SHARED_DOCUMENTS_MAX = 1000;

/** The client's operation name, or the first root field when it sent none. */
const operationNameOf = (payload: { operationName?: string | null; query: string }): string =>
  payload.operationName ?? /\{\s*(\w+)/.exec(payload.query)?.[1] ?? 'anonymous';

/** The message types a graphql-ws client may send (the protocol's client → server messages). */
const CLIENT_MESSAGE_TYPES = new Set(['connection_init', 'ping', 'pong', 'subscribe', 'complete']);

/**
 * graphql-ws answers a well-formed frame of a server-only type (`next`, `error`, `connection_ack`)
 * with close 4500 "internal error", as if the server had failed. That is the client's mistake: close
 * with 4400 (bad request) before graphql-ws sees it. Runs before graphql-ws's own message listener
 * (registered on the same 'connection' event, later). Frames that are not JSON are left to graphql-ws,
 * which already answers them with 4400.
 */
function refuseServerBoundOnly(socket: WebSocket): void {
  const emit = socket.emit.bind(socket);
  socket.emit = ((event: string | symbol, ...args: unknown[]) => {
    if (event === 'message') {
      let type: unknown;
      try {
        type = (JSON.parse(String(args[0])) as { type?: unknown } | null)?.type;
      } catch {
        return emit(event, ...args);
      }
      if (typeof type === 'string' && !CLIENT_MESSAGE_TYPES.has(type)) {
        socket.close(CloseCode.BadRequest, `Invalid message type "${type.slice(0, 40)}"`);
        return true;
      }
    }
    return emit(event, ...args);
  }) as typeof socket.emit;
}

/**
 * `sessions`-topic events that leave a user's sockets as they are. Every other event there (user or
 * agency deactivated, password changed, roles changed, signed out, session revoked — including
 * kinds added later) closes that user's sockets with 4401: the client must authenticate again.
 */
const HARMLESS_SESSION_EVENTS: ReadonlySet<string> = new Set<EventType>(['user.created', 'user.reactivated']);
/** user.updated changes that alter what the user may do (others, e.g. a new phone number, do not). */
const STANDING_FIELDS = ['roles', 'agencyId', 'active', 'tokenVersion'];

/** True when a `sessions`-topic event voids the access of the user it names. */
export function voidsUserAccess(event: { type: string; payload: Record<string, unknown> }): boolean {
  if (HARMLESS_SESSION_EVENTS.has(event.type)) return false;
  if (event.type === 'user.updated') {
    const changes = (event.payload.changes ?? {}) as Record<string, unknown>;
    return STANDING_FIELDS.some((f) => f in changes);
  }
  return true;
}

/**
 * graphql-ws on the HTTP server's `/graphql` path. A socket must authenticate in connection_init
 * (`{ authorization: "Bearer …" }`); it is closed with 4401 when its token expires, and at once when
 * the user is deactivated or their tokens are voided — on every instance, via the `sessions` topic.
 */
export function attachWebSocketServer(httpServer: Server, schema: GraphQLSchema, services: AppServices) {
  const { logger, config, metrics } = services;
  const limits = limitsFromConfig(config);
  /** The one log line per WebSocket operation, when it ends (completed, errored or socket closed). */
  const logOperationEnd = (extra: SocketExtra, id: string, code: string) => {
    const op = extra.operations?.get(id);
    if (!op) return;
    extra.operations!.delete(id);
    const ms = Date.now() - op.started;
    logger.info(
      {
        operation: op.name,
        type: 'subscription',
        userId: extra.viewer?.userId ?? null,
        agencyId: extra.viewer?.agencyId ?? null,
        ms,
        code,
      },
      `subscription ${op.name} ${code} ${ms} ms`,
    );
  };
  const errorCodes = (errors: readonly { extensions?: Record<string, unknown> }[]) =>
    errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: config.GRAPHQL_MAX_BODY_BYTES });
  // A frame larger than the HTTP body limit is refused by ws itself (close 1009) before it is buffered.
  const socketsByUser = new Map<string, Set<WebSocket>>();
  const sessionOf = new WeakMap<WebSocket, string>();
  const socketsByAgency = new Map<string, Set<WebSocket>>();
  const agencyListeners = new Map<string, () => void>();

  // Keep-alive: ping every socket; one that did not answer the previous ping is gone (dead NAT entry,
  // frozen laptop) and is terminated so its subscriptions stop holding resources.
  const alive = new WeakMap<WebSocket, boolean>();
  wsServer.on('connection', (socket) => {
    alive.set(socket, true);
    socket.on('pong', () => alive.set(socket, true));
    refuseServerBoundOnly(socket);
  });
  const heartbeat = setInterval(() => {
    for (const socket of wsServer.clients) {
      if (alive.get(socket) === false) {
        socket.terminate();
        continue;
      }
      alive.set(socket, false);
      socket.ping();
    }
  }, config.WS_KEEPALIVE_MS);
  heartbeat.unref();

  const closeAll = (sockets: Iterable<WebSocket> | undefined, code: number, reason: string) => {
    for (const socket of [...(sockets ?? [])]) socket.close(code, reason);
  };
  const unsubscribe = services.dispatcher.subscribe([topics.sessions], (event) => {
    const userId = event.payload.userId as string | undefined;
    if (userId && event.type === 'auth.sessionEnded') {
      // Sign-out ends one session (its sockets only); detected refresh-token reuse ends them all.
      const ended = event.payload.allSessions === true ? null : (event.payload.sessionId as string | undefined);
      for (const socket of socketsByUser.get(userId) ?? []) {
        if (ended === null || sessionOf.get(socket) === ended) socket.close(CloseCode.Unauthorized, 'Phiên đăng nhập đã kết thúc');
      }
      return;
    }
    if (!userId || !voidsUserAccess(event)) return;
    closeAll(socketsByUser.get(userId), CloseCode.Unauthorized, 'Tài khoản đã bị thay đổi hoặc vô hiệu hóa');
  });
  /** Agency changes reach the sockets of that agency's users (one listener per agency connected here). */
  const onAgencyEvent = (event: { type: string; payload: Record<string, unknown> }) => {
    const agencyId = event.payload.agencyId as string | undefined;
    if (!agencyId || event.type !== 'agency.updated') return;
    const changes = (event.payload.changes ?? {}) as Record<string, unknown>;
    if (changes.active === false) closeAll(socketsByAgency.get(agencyId), CloseCode.Unauthorized, 'Cơ quan đã bị vô hiệu hóa');
    else if ('coveredAreaIds' in changes || 'kind' in changes)
      closeAll(socketsByAgency.get(agencyId), CLOSE_ACCESS_CHANGED, 'Phạm vi theo dõi của cơ quan đã thay đổi; đang kết nối lại');
  };
  const track = (viewer: Viewer, socket: WebSocket) => {
    let byUser = socketsByUser.get(viewer.userId);
    if (!byUser) socketsByUser.set(viewer.userId, (byUser = new Set()));
    byUser.add(socket);
    let byAgency = socketsByAgency.get(viewer.agencyId);
    if (!byAgency) {
      socketsByAgency.set(viewer.agencyId, (byAgency = new Set()));
      agencyListeners.set(viewer.agencyId, services.dispatcher.subscribe([topics.agency(viewer.agencyId)], onAgencyEvent));
    }
    byAgency.add(socket);
  };
  const untrack = (viewer: Viewer, socket: WebSocket) => {
    const byUser = socketsByUser.get(viewer.userId);
    byUser?.delete(socket);
    if (byUser?.size === 0) socketsByUser.delete(viewer.userId);
    const byAgency = socketsByAgency.get(viewer.agencyId);
    byAgency?.delete(socket);
    if (byAgency?.size === 0) {
      socketsByAgency.delete(viewer.agencyId);
      agencyListeners.get(viewer.agencyId)?.();
      agencyListeners.delete(viewer.agencyId);
    }
  };

  // Subscribers sending the same operation text share its parsed, validated document (an AST of a few
  // KB per subscription otherwise, held for the subscription's life), which also lets them share the
  // execution of each event (ws-shared-results.ts). Bounded: past the limit, new texts are not kept.
  const documents = new Map<string, DocumentNode>();
  const sharedDocument = (query: string, document: DocumentNode): DocumentNode => {
    const known = documents.get(query);
    if (known) return known;
    if (documents.size < SHARED_DOCUMENTS_MAX) documents.set(query, document);
    return document;
  };
  const cleanup = serveGraphqlWs<Record<string, unknown> | undefined, SocketExtra>(
    {
      schema,
      subscribe: createSharedSubscribe(VIEWER_INDEPENDENT_SUBSCRIPTIONS),
      connectionInitWaitTimeout: 10_000,
      onConnect: async (ctx) => {
        const token = bearerToken(ctx.connectionParams?.authorization);
        let viewer: Viewer | null = null;
        try {
          viewer = token ? await services.auth.viewerFromToken(services.orm.em.fork(), token) : null;
        } catch (err) {
          // The database is away: not the client's fault and not fatal (4500 would stop graphql-ws
          // for good). 1013 makes it retry with back-off and resume from its cursor.
          logger.warn({ err: (err as Error).message }, 'WebSocket connect while the database is unreachable; asked the client to retry');
          ctx.extra.socket.close(CLOSE_TRY_AGAIN_LATER, 'Máy chủ tạm thời chưa kết nối được cơ sở dữ liệu; đang thử lại');
          return false;
        }
        if (!viewer) return false; // graphql-ws closes with 4403 Forbidden
        const set = socketsByUser.get(viewer.userId);
        if (set && set.size >= config.WS_MAX_CONNECTIONS_PER_USER) {
          ctx.extra.socket.close(CLOSE_TOO_MANY_CONNECTIONS, 'Quá nhiều kết nối đồng thời của cùng tài khoản');
          return false;
        }
        ctx.extra.viewer = viewer;
        track(viewer, ctx.extra.socket);
        if (viewer.sessionId) sessionOf.set(ctx.extra.socket, viewer.sessionId);
        const msLeft = viewer.tokenExpiresAt * 1000 - Date.now();
        ctx.extra.expiryTimer = setTimeout(
          () => ctx.extra.socket.close(CloseCode.Unauthorized, 'Phiên đăng nhập đã hết hạn'),
          Math.max(0, msLeft),
        );
        return true;
      },
      onClose: (ctx) => {
        clearTimeout(ctx.extra.expiryTimer);
        for (const id of [...(ctx.extra.operations?.keys() ?? [])]) logOperationEnd(ctx.extra, id, 'CLOSED');
        const viewer = ctx.extra.viewer;
        if (viewer) untrack(viewer, ctx.extra.socket);
      },
      onSubscribe: (ctx, _id, payload) => {
        if (Object.keys(ctx.subscriptions).length >= config.WS_MAX_SUBSCRIPTIONS_PER_CONNECTION) {
          const refusal = new AppError(
            'RATE_LIMITED',
            `Mỗi kết nối chỉ được theo dõi tối đa ${config.WS_MAX_SUBSCRIPTIONS_PER_CONNECTION} luồng sự kiện cùng lúc.`,
          );
          return [new GraphQLError(refusal.message, { originalError: refusal })];
        }
        // The same depth/alias/directive/token/cost limits as over HTTP (graphql/limits.ts).
        const prepared = prepareSocketOperation(schema, limits, payload);
        if (Array.isArray(prepared)) return prepared;
        return { ...prepared, document: sharedDocument(payload.query, prepared.document) };
      },
      // Subscriptions of one connection share one context (one EntityManager fork; the ~20 DataLoaders
      // are built only while an event is resolved and dropped after it): a socket with many
      // subscriptions costs about what one costs, and an idle one holds no loaders.
      // Queries and mutations sent over the socket get a context of their own, as over HTTP.
      context: async (ctx, _id, _payload, args): Promise<GraphQLContext> => {
        const operation = getOperationAST(args.document, args.operationName);
        // Queries and mutations get the time budget; a subscription lives as long as its socket.
        const deadline = operation?.operation === 'subscription' ? undefined : Date.now() + limits.timeBudgetMs;
        // Object.assign, not a spread: the context builds its loaders lazily (graphql/context.ts).
        const make = (): GraphQLContext =>
          Object.assign(
            createContext(services, {
              requestId: randomUUID(),
              viewer: ctx.extra.viewer ?? null,
              ip: ctx.extra.request.socket.remoteAddress ?? 'unknown',
              logger,
              deadline,
            }),
            { closeConnection: (code: number, reason: string) => ctx.extra.socket.close(code, reason) },
          );
        if (operation?.operation === 'subscription') {
          const shared = (ctx.extra.subscriptionContext ??= make());
          // Shared for cost, but no access decision carries over from an earlier subscription or event.
          forgetOperationState(shared);
          return shared;
        }
        const context = make();
        if (selectsLiveCursor(operation)) context.liveCursorAtStart = await captureLiveCursor(services);
        return context;
      },
      onOperation: (ctx, id, payload) => {
        const name = operationNameOf(payload);
        (ctx.extra.operations ??= new Map()).set(id, { name, started: Date.now() });
        metrics.operationStarted(name, 'subscription', 'OK');
      },
      onComplete: (ctx, id) => logOperationEnd(ctx.extra, id, 'OK'),
      // Errors raised while setting a subscription up (or by its iterator) arrive here, not in onNext.
      onError: (ctx, id, payload, errors) => {
        const formatted = errors.map((e) => formatGraphQLError(e.toJSON(), e, logger));
        const codes = errorCodes(formatted);
        codes.forEach((c) => metrics.errorReturned(c));
        // Refused before it started (onOperation never ran): still one line for it.
        if (!ctx.extra.operations?.has(id))
          (ctx.extra.operations ??= new Map()).set(id, { name: operationNameOf(payload), started: Date.now() });
        logOperationEnd(ctx.extra, id, codes[0] ?? 'INTERNAL_SERVER_ERROR');
        return formatted as never;
      },
      onNext: (_ctx, _id, _payload, args, result) => {
        const context = args.contextValue as GraphQLContext;
        // One event's execution is over: what it remembered must not decide the next one.
        if (getOperationAST(args.document, args.operationName)?.operation === 'subscription') forgetOperationState(context);
        if (!('errors' in result) || !result.errors) return result;
        const formatted = result.errors.map((e) => formatGraphQLError(e.toJSON(), e, logger, context.requestId));
        errorCodes(formatted).forEach((c) => metrics.errorReturned(c));
        return { ...result, errors: formatted as never };
      },
    },
    wsServer,
    { sendHighWaterBytes: config.WS_SEND_HIGH_WATER_BYTES, logger },
    (socket, request) => ({ socket, request }),
  );

  return {
    wsServer,
    /** Open sockets of a user on this instance (tests, metrics). */
    socketCount: (userId: string) => socketsByUser.get(userId)?.size ?? 0,
    async dispose() {
      clearInterval(heartbeat);
      unsubscribe();
      for (const stop of agencyListeners.values()) stop();
      agencyListeners.clear();
      await cleanup.dispose();
    },
  };
}
