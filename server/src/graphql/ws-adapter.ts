import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { CloseCode, handleProtocols, makeServer, type ServerOptions } from 'graphql-ws';
import type { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../logger';

/** What graphql-ws keeps per socket in `ctx.extra` for this adapter (the same as graphql-ws/use/ws). */
export interface WsExtra {
  socket: WebSocket;
  request: IncomingMessage;
}

/** How the adapter sends (config WS_SEND_HIGH_WATER_BYTES). */
export interface WsAdapterOptions {
  /**
   * Below this many bytes queued on a socket, a message is handed to the socket and the subscription
   * goes on at once; at or above it, the subscription waits until that message is written (back-pressure).
   */
  sendHighWaterBytes: number;
  logger: Logger;
}

/**
 * graphql-ws's protocol server (`makeServer`, its documented extension point) on a `ws` server: what
 * `graphql-ws/use/ws` `useServer` does, with three differences that matter at province scale.
 *
 * - **No wait per message while the socket keeps up.** `useServer` resolves `send` only in the write's
 *   callback, so every event of a subscription waited for the previous one to reach the kernel: a replay of
 *   10,000 missed events took 10,000 turns of the event loop. Here a send returns at once while the socket has
 *   less than `sendHighWaterBytes` queued, and waits for the write only beyond it, so a slow client still
 *   holds its subscription back (and the live feed's own buffer closes it with 4413 if it falls too far behind).
 * - **One write per socket per turn, and the first at once.** A socket's first frame in a turn of the event
 *   loop is written at once, so a broadcast reaches each socket without waiting for the others; its later
 *   frames of the turn (a replay page, several subscriptions' events) are corked and leave together in one
 *   `writev` when the turn ends (one callback per turn for all sockets, not one per socket).
 * - **No timer per socket.** `useServer` runs its own 12 s ping interval per socket; the keep-alive here is
 *   ws-server.ts's single heartbeat over all sockets, so an idle socket holds no interval, closure or timeout.
 *
 * Everything else is `useServer`'s behaviour: the subprotocol check, the close codes, an error on a socket or
 * in message handling closes it with 4500 (the message not echoed: no internals reach the client).
 */
export function serveGraphqlWs<P extends Record<string, unknown> | undefined, E extends WsExtra>(
  options: ServerOptions<P, E>,
  wsServer: WebSocketServer,
  adapter: WsAdapterOptions,
  extraOf: (socket: WebSocket, request: IncomingMessage) => E,
): { dispose(): Promise<void> } {
  const server = makeServer<P, E>(options);
  wsServer.options.handleProtocols = handleProtocols;
  const internalError = (socket: WebSocket, err: unknown, what: string) => {
    adapter.logger.error({ err }, `WebSocket ${what} failed; socket closed with 4500`);
    if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING)
      socket.close(CloseCode.InternalServerError, 'Internal server error');
  };
  wsServer.once('error', (err) => {
    adapter.logger.error({ err }, 'WebSocket server error; closing every socket');
    for (const client of wsServer.clients) client.close(CloseCode.InternalServerError, 'Internal server error');
  });

  const sentThisTurn = new Set<Socket>();
  const corked = new Set<Socket>();
  let turnEnding = false;
  const endTurn = () => {
    turnEnding = false;
    for (const tcp of corked) tcp.uncork();
    corked.clear();
    sentThisTurn.clear();
  };
  /** Before a frame is handed to `tcp`: its first of the turn goes straight out, later ones wait corked. */
  const beforeFrame = (tcp: Socket) => {
    if (!sentThisTurn.has(tcp)) {
      sentThisTurn.add(tcp);
      if (!turnEnding) {
        turnEnding = true;
        process.nextTick(endTurn);
      }
    } else if (!corked.has(tcp)) {
      corked.add(tcp);
      tcp.cork();
    }
  };

  wsServer.on('connection', (socket, request) => {
    socket.once('error', (err) => internalError(socket, err, 'socket'));
    const tcp = (socket as unknown as { _socket?: Socket })._socket;
    // A write that fails has a broken connection under it (the client went away mid-write): ws closes the
    // socket and graphql-ws ends its subscriptions; nothing is sent to answer it.
    const sendFailed = (err?: Error) => {
      if (err) adapter.logger.warn({ err: err.message }, 'WebSocket send failed; the connection is closing');
    };
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) => {
          if (socket.readyState !== socket.OPEN) return;
          if (tcp) beforeFrame(tcp);
          if (socket.bufferedAmount < adapter.sendHighWaterBytes) {
            socket.send(data, sendFailed);
            return;
          }
          return new Promise<void>((resolve, reject) => socket.send(data, (err) => (err ? reject(err) : resolve())));
        },
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', async (message) => {
            try {
              await handle(String(message));
            } catch (err) {
              internalError(socket, err, 'message handling');
            }
          }),
      },
      extraOf(socket, request),
    );
    socket.once('close', (code, reason) => closed(code, String(reason)));
  });

  return {
    async dispose() {
      for (const client of wsServer.clients) client.close(1001, 'Going away');
      wsServer.removeAllListeners();
      await new Promise<void>((resolve, reject) => wsServer.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
