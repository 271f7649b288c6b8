import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { bearerToken } from '../auth/tokens';
import type { Viewer } from '../auth/viewer';
import type { AppServices } from '../services';
import { createContext, type GraphQLContext } from './context';
import { formatGraphQLError } from './format-error';

/** Per-socket state kept by graphql-ws in `ctx.extra`. */
type SocketExtra = {
  socket: WebSocket;
  request: { socket: { remoteAddress?: string } };
  viewer?: Viewer;
  expiryTimer?: NodeJS.Timeout;
};

/** Events after which a user's open sockets must close (their tokens were voided). */
const VOIDING_EVENTS = new Set(['user.deactivated', 'user.passwordChanged']);

/**
 * graphql-ws on the HTTP server's `/graphql` path. A socket must authenticate in connection_init
 * (`{ authorization: "Bearer …" }`); it is closed with 4401 when its token expires, and at once when
 * the user is deactivated or their tokens are voided — on every instance, via the `sessions` topic.
 */
export function attachWebSocketServer(httpServer: Server, schema: GraphQLSchema, services: AppServices) {
  const { logger } = services;
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const socketsByUser = new Map<string, Set<WebSocket>>();

  const unsubscribe = services.dispatcher.subscribe(['sessions'], (event) => {
    const userId = event.payload.userId as string | undefined;
    const rolesChanged = event.type === 'user.updated' && Boolean((event.payload.changes as Record<string, unknown> | undefined)?.roles);
    if (!userId || !(VOIDING_EVENTS.has(event.type) || rolesChanged)) return;
    for (const socket of socketsByUser.get(userId) ?? []) socket.close(CloseCode.Unauthorized, 'Tài khoản đã bị thay đổi hoặc vô hiệu hóa');
  });

  const cleanup = useServer<Record<string, unknown> | undefined, SocketExtra>(
    {
      schema,
      connectionInitWaitTimeout: 10_000,
      onConnect: async (ctx) => {
        const token = bearerToken(ctx.connectionParams?.authorization);
        const viewer = token ? await services.auth.viewerFromToken(services.orm.em.fork(), token) : null;
        if (!viewer) return false; // graphql-ws closes with 4403 Forbidden
        ctx.extra.viewer = viewer;
        let set = socketsByUser.get(viewer.userId);
        if (!set) socketsByUser.set(viewer.userId, (set = new Set()));
        set.add(ctx.extra.socket);
        const msLeft = viewer.tokenExpiresAt * 1000 - Date.now();
        ctx.extra.expiryTimer = setTimeout(() => ctx.extra.socket.close(CloseCode.Unauthorized, 'Phiên đăng nhập đã hết hạn'), Math.max(0, msLeft));
        return true;
      },
      onClose: (ctx) => {
        clearTimeout(ctx.extra.expiryTimer);
        const viewer = ctx.extra.viewer;
        if (!viewer) return;
        const set = socketsByUser.get(viewer.userId);
        set?.delete(ctx.extra.socket);
        if (set?.size === 0) socketsByUser.delete(viewer.userId);
      },
      context: (ctx): GraphQLContext =>
        createContext(services, { requestId: randomUUID(), viewer: ctx.extra.viewer ?? null, ip: ctx.extra.request.socket.remoteAddress ?? 'unknown', logger }),
      // Errors raised while setting a subscription up (or by its iterator) arrive here, not in onNext.
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatGraphQLError(e.toJSON(), e, logger) as never),
      onNext: (_ctx, _id, _payload, args, result) => {
        if (!('errors' in result) || !result.errors) return result;
        const context = args.contextValue as GraphQLContext;
        return { ...result, errors: result.errors.map((e) => formatGraphQLError(e.toJSON(), e, logger, context.requestId) as never) };
      },
    },
    wsServer,
  );

  return {
    wsServer,
    /** Open sockets of a user on this instance (tests, metrics). */
    socketCount: (userId: string) => socketsByUser.get(userId)?.size ?? 0,
    async dispose() {
      unsubscribe();
      await cleanup.dispose();
    },
  };
}
