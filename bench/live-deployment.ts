import { type Client as WsClient, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { CaseActivityDocument } from '../client/src/gql/graphql';
import { now, sleep } from './stats';

/**
 * graphql-ws connections to the instances, as many browser tabs would hold them: one socket per
 * `LiveSocket`, signed in with a bearer token in `connectionParams` (what the web app's helper sends),
 * subscribed to `caseActivity` with the web app's document.
 */

export const CASE_ACTIVITY = String(CaseActivityDocument);

export interface Arrival {
  cursor: string;
  caseId: string | null;
  at: number;
}

export class LiveSocket {
  readonly client: WsClient;
  connected = false;
  closed = false;
  errors: string[] = [];
  private unsubscribes: Array<() => void> = [];

  constructor(
    baseUrl: string,
    token: string,
    private readonly onArrival: (socket: LiveSocket, arrival: Arrival) => void,
  ) {
    this.client = createClient({
      url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      lazy: false,
      retryAttempts: 0,
      on: {
        connected: () => {
          this.connected = true;
        },
        closed: () => {
          this.closed = true;
        },
      },
    });
  }

  subscribe(caseId: string, after?: string): void {
    const unsubscribe = this.client.subscribe<{ caseActivity: { cursor: string; caseId: string | null } }>(
      { query: CASE_ACTIVITY, variables: { caseId, after: after ?? null } },
      {
        next: (value) => {
          const e = value.data?.caseActivity;
          if (e) this.onArrival(this, { cursor: e.cursor, caseId: e.caseId, at: now() });
          else if (value.errors) this.errors.push(JSON.stringify(value.errors).slice(0, 200));
        },
        error: (err) => this.errors.push(err instanceof Error ? err.message : JSON.stringify(err).slice(0, 200)),
        complete: () => undefined,
      },
    );
    this.unsubscribes.push(unsubscribe);
  }

  async close(): Promise<void> {
    for (const u of this.unsubscribes) u();
    await this.client.dispose();
  }
}

/** Opens `count` sockets round-robin over `baseUrls`, in batches, until connected (bounded by `capMs`). */
export async function openSockets(
  baseUrls: string[],
  token: string,
  count: number,
  capMs: number,
  onArrival: (socket: LiveSocket, arrival: Arrival) => void,
): Promise<LiveSocket[]> {
  const sockets: LiveSocket[] = [];
  const deadline = now() + capMs;
  for (let i = 0; i < count && now() < deadline; i += 50) {
    const batch = Array.from(
      { length: Math.min(50, count - i) },
      (_, k) => new LiveSocket(baseUrls[(i + k) % baseUrls.length], token, onArrival),
    );
    sockets.push(...batch);
    while (batch.some((s) => !s.connected && !s.closed) && now() < deadline) await sleep(10);
  }
  return sockets.filter((s) => s.connected && !s.closed);
}

/** Sum of the `phoihop_live_subscriptions` gauge over the instances. */
export async function liveSubscriptions(baseUrls: string[], metricsToken: string): Promise<number> {
  let total = 0;
  for (const url of baseUrls) {
    const text = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })).text();
    for (const line of text.split('\n')) {
      const m = /^phoihop_live_subscriptions(?:\{[^}]*\})? ([0-9.eE+-]+)$/.exec(line);
      if (m) total += Number(m[1]);
    }
  }
  return total;
}

/** Waits until the instances hold at least `expected` live subscriptions (or `capMs` passed); returns how many they hold. */
export async function waitForSubscriptions(baseUrls: string[], metricsToken: string, expected: number, capMs: number): Promise<number> {
  const deadline = now() + capMs;
  let seen = 0;
  while (now() < deadline) {
    seen = await liveSubscriptions(baseUrls, metricsToken);
    if (seen >= expected) return seen;
    await sleep(100);
  }
  return seen;
}

export async function closeAll(sockets: LiveSocket[]): Promise<void> {
  await Promise.all(sockets.map((s) => s.close().catch(() => undefined)));
}
