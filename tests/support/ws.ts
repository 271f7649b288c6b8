import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { App } from '../../server/src/app';

/** A graphql-ws client for tests: no retries, so a server-side close is observable. */
export function connectWs(app: App | string, token?: string) {
  const base = typeof app === 'string' ? app : app.url;
  let onConnected!: () => void;
  let onClosed!: (e: { code: number; reason: string }) => void;
  const connected = new Promise<void>((r) => (onConnected = r));
  const closed = new Promise<{ code: number; reason: string }>((r) => (onClosed = r));
  const client: Client = createClient({
    url: base.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    on: {
      connected: () => onConnected(),
      closed: (event) => {
        const e = event as { code: number; reason: string };
        onClosed({ code: e.code, reason: String(e.reason) });
      },
    },
    onNonLazyError: () => {},
  });
  /** Runs one query/mutation over the socket. */
  const request = <T = Record<string, any>>(query: string, variables?: Record<string, unknown>) =>
    new Promise<{ data?: T; errors?: Array<{ message: string; extensions?: Record<string, any> }> }>((resolve, reject) => {
      let result: any;
      client.subscribe({ query, variables }, { next: (r) => (result = r), error: reject, complete: () => resolve(result) });
    });
  return { client, connected, closed, request, dispose: () => client.dispose() };
}

/** Starts a subscription and collects what arrives. */
export function collect(client: Client, query: string, variables: Record<string, unknown>) {
  const events: any[] = [];
  const errors: any[] = [];
  let completed = false;
  const dispose = client.subscribe(
    { query, variables },
    {
      next: (r) => (r.errors ? errors.push(...r.errors) : events.push(r.data)),
      // graphql-ws passes an array of GraphQL errors for an `error` message, else an Error/CloseEvent.
      error: (e) => (Array.isArray(e) ? errors.push(...e) : errors.push(e)),
      complete: () => (completed = true),
    },
  );
  return { events, errors, dispose, isComplete: () => completed };
}
