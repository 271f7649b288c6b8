import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import WebSocket from 'ws';
import { rssKiBOf } from './procstat';
import { closedLoop, now, sleep, summarize, type LatencySummary } from './stats';

/**
 * Ceilings measured in the same run as the figures they bound: raw PostgreSQL commits (pg directly,
 * no ORM, no server) and a raw `ws` server in a child process (no GraphQL, no database).
 */

export interface CommitCeiling {
  clients: number;
  committed: number;
  errors: number;
  capped: boolean;
  elapsedMs: number;
  perSec: number;
  latency: LatencySummary;
}

/** `BEGIN; INSERT; COMMIT` from `clients` connections, closed loop, a shared budget of `target` commits. */
export async function rawCommits(url: string, opts: { clients: number; target: number; capMs: number }): Promise<CommitCeiling> {
  const setup = new Client({ connectionString: url });
  await setup.connect();
  await setup.query(
    'create table if not exists bench_ceiling (id bigserial primary key, at timestamptz not null default now(), body text)',
  );
  const clients = await Promise.all(
    Array.from({ length: opts.clients }, async () => {
      const c = new Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  try {
    const run = await closedLoop(opts, async (i) => {
      const c = clients[i];
      try {
        await c.query('begin');
        await c.query('insert into bench_ceiling (body) values ($1)', [`ceiling ${i}`]);
        await c.query('commit');
      } catch (err) {
        await c.query('rollback').catch(() => undefined);
        throw err;
      }
    });
    const { completed: committed, errors, capped, elapsedMs, perSec, latency } = run;
    return { clients: opts.clients, committed, errors, capped, elapsedMs, perSec, latency };
  } finally {
    await Promise.all(clients.map((c) => c.end()));
    await setup.query('drop table bench_ceiling');
    await setup.end();
  }
}

/** A live event as graphql-ws delivers it (similar size), for the raw ws ceiling's messages. */
export const SAMPLE_MESSAGE = JSON.stringify({
  id: '00000000-0000-4000-8000-000000000000',
  type: 'next',
  payload: {
    data: {
      caseActivity: {
        cursor: '123456',
        type: 'POST_ADDED',
        caseId: '00000000-0000-4000-8000-000000000001',
        occurredAt: new Date().toISOString(),
        actor: { id: '00000000-0000-4000-8000-000000000002', fullName: 'Chấp hành viên 1.1' },
        payload: { postId: '00000000-0000-4000-8000-000000000003', seq: 12, kind: 'NOTE' },
      },
    },
  },
});

export interface BroadcastSample {
  /** Per receiving socket: trigger → message received. */
  latency: LatencySummary;
  /** Per round: trigger → the last socket received it. */
  toLast: LatencySummary;
  rounds: number;
  delivered: number;
  expected: number;
}

/** The raw ws server (child process) and `sockets` plain clients in this process. */
export class RawWs {
  private child!: ChildProcess;
  private clients: WebSocket[] = [];
  private seq = 0;
  private waiters = new Map<number, (msg: any) => void>();
  private onMessage: ((i: number) => void) | null = null;

  get pid(): number {
    return this.child.pid!;
  }

  async start(): Promise<void> {
    this.child = fork(join(__dirname, 'raw-ws-child.js'), [], { execArgv: ['--expose-gc'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    this.child.on('message', (msg: any) => {
      if (msg.id !== undefined) {
        this.waiters.get(msg.id)?.(msg);
        this.waiters.delete(msg.id);
      } else if (msg.type === 'listening') this.port = msg.port;
    });
    const deadline = Date.now() + 10_000;
    while (!this.port && Date.now() < deadline) await sleep(20);
    if (!this.port) throw new Error('the raw ws child did not start');
  }

  private port = 0;

  private call(type: string, payload?: string): Promise<any> {
    const id = ++this.seq;
    return new Promise((resolve) => {
      this.waiters.set(id, resolve);
      this.child.send({ type, id, payload });
    });
  }

  memory(): Promise<{ rss: number; heapUsed: number; clients: number; rssProc: number }> {
    return this.call('memory').then((m) => ({ ...m, rssProc: rssKiBOf(this.pid) * 1024 }));
  }

  /** Opens sockets until `count` are open; each sends one "subscribe" message, as a graphql-ws client does. */
  async open(count: number, capMs: number): Promise<number> {
    const deadline = now() + capMs;
    while (this.clients.length < count && now() < deadline) {
      const batch = Math.min(50, count - this.clients.length);
      const opened = await Promise.all(
        Array.from(
          { length: batch },
          () =>
            new Promise<WebSocket | null>((resolve) => {
              const socket = new WebSocket(`ws://127.0.0.1:${this.port}`);
              socket.once('open', () => {
                socket.send(JSON.stringify({ id: String(this.clients.length), type: 'subscribe', payload: { query: 'subscription' } }));
                resolve(socket);
              });
              socket.once('error', () => resolve(null));
            }),
        ),
      );
      for (const s of opened) {
        if (!s) continue;
        const index = this.clients.length;
        // What every receiver does with a message, the figures' included (bench/live-deployment.ts `wire`).
        s.on('message', (data) => {
          if ((JSON.parse(String(data)) as { type?: string }).type === 'next') this.onMessage?.(index);
        });
        this.clients.push(s);
      }
    }
    await sleep(200);
    return this.clients.length;
  }

  /** `rounds` messages, each to every open socket (or only the first with `one`), one round at a time. */
  async deliver(mode: 'one' | 'all', opts: { rounds: number; capMs: number; timeoutMs: number }): Promise<BroadcastSample> {
    const samples: number[] = [];
    const toLast: number[] = [];
    const expectedPerRound = mode === 'one' ? 1 : this.clients.length;
    let delivered = 0;
    let rounds = 0;
    const deadline = now() + opts.capMs;
    for (; rounds < opts.rounds && now() < deadline; rounds++) {
      let got = 0;
      let t0 = 0;
      let last = 0;
      const done = new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, opts.timeoutMs);
        this.onMessage = () => {
          const t = now() - t0;
          samples.push(t);
          last = t;
          got++;
          if (got === expectedPerRound) {
            clearTimeout(timer);
            resolve();
          }
        };
      });
      t0 = now();
      void this.call(mode === 'one' ? 'send' : 'broadcast', SAMPLE_MESSAGE);
      await done;
      delivered += got;
      toLast.push(last);
      await sleep(20);
    }
    this.onMessage = null;
    return { latency: summarize(samples), toLast: summarize(toLast), rounds, delivered, expected: rounds * expectedPerRound };
  }

  async closeClients(): Promise<void> {
    for (const s of this.clients) s.terminate();
    this.clients = [];
    await sleep(200);
  }

  async stop(): Promise<void> {
    await this.closeClients();
    if (this.child && this.child.exitCode === null) {
      const exited = new Promise((r) => this.child.once('exit', r));
      this.child.send({ type: 'exit' });
      await Promise.race([exited, sleep(2000)]);
      if (this.child.exitCode === null) this.child.kill('SIGKILL');
    }
  }
}
