/**
 * The raw `ws` ceiling, run as a child process of the bench (so its memory and CPU are its own): a
 * plain WebSocket server on 127.0.0.1 with no GraphQL, no database and no authorisation. The bench
 * drives it over IPC: `send` (one message to one socket), `broadcast` (one message to every socket),
 * `memory` (its RSS and heap after a GC when exposed). Started by bench/ceilings.ts.
 */
import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
wss.on('listening', () => {
  const address = wss.address();
  process.send?.({ type: 'listening', port: typeof address === 'object' && address ? address.port : 0 });
});
// Each socket sends one small "subscribe" message on open, as a graphql-ws client would; keep it like a subscription would.
const subscriptions = new WeakMap<object, string>();
wss.on('connection', (socket) => {
  socket.on('message', (data) => subscriptions.set(socket, data.toString()));
});

process.on('message', (msg: { type: string; id: number; payload?: string }) => {
  if (msg.type === 'send') {
    const first = wss.clients.values().next().value;
    first?.send(msg.payload ?? '');
    process.send?.({ type: 'done', id: msg.id });
  } else if (msg.type === 'broadcast') {
    for (const socket of wss.clients) socket.send(msg.payload ?? '');
    process.send?.({ type: 'done', id: msg.id });
  } else if (msg.type === 'memory') {
    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    process.send?.({ type: 'memory', id: msg.id, rss: m.rss, heapUsed: m.heapUsed, clients: wss.clients.size });
  } else if (msg.type === 'exit') {
    wss.close();
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
