import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client as PgClient } from 'pg';
import WebSocket from 'ws';
import { createLiveClient, subscribeWithResume } from '../../client/src/lib/live-subscription';
import type { App } from '../../server/src/app';
import { findFreePort, startEmbeddedPostgres } from '../../server/src/db/embedded-postgres';
import { createLogger } from '../../server/src/logger';
import { formatCursor } from '../../server/src/events/cursor';
import { liveFeed } from '../../server/src/events/live-feed';
import { EventSequencer } from '../../server/src/events/sequencer';
import { AgencyKind, makeAgency, makeProvince, makeUser, Role, signIn } from '../support/factories';
import { createTestDatabase, eventually, gql, itWithRedis, redisUrl, startTestApp } from '../support/harness';
import { startOwnRedis, startTwoInstances, withTwoInstances } from '../support/instances';
import { collect, connectWs } from '../support/ws';
import { syntheticEvent } from '../support/synthetic-event';

const CASE_ACTIVITY = 'subscription($caseId: ID!, $after: String) { caseActivity(caseId: $caseId, after: $after) { cursor type payload } }';
/** Only the events a test wrote itself (a subscription "from now" may also see the case's creation). */
const ticks = (events: any[]) => events.filter((e) => e.caseActivity.type === 'test.tick');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An officer, a case they lead, and a token — on whichever instance `app` is. */
async function officerWithCase(app: App) {
  const areas = await makeProvince(app.orm);
  const office = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [areas.communeA]);
  const officer = await makeUser(app.orm, office, [Role.ENFORCEMENT_OFFICER]);
  const token = (await signIn(app, officer.username)).accessToken;
  const res = await gql(
    app,
    `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
    {
      input: {
        judgmentNumber: 'F-1',
        judgmentCourt: 'TAND',
        judgmentDate: '2026-08-01',
        receivedAt: '2026-09-01T02:00:00.000Z',
        kind: 'ON_REQUEST',
        communeId: areas.communeA.id,
        parties: [{ role: 'DEBTOR', kind: 'PERSON', name: 'Mai Văn Bền' }],
        obligations: [],
      },
    },
    token,
  );
  return { token, caseId: res.data!.createCase.id as string, officerId: officer.id };
}

/** Appends one event on the case's topic from `app` (a writer of its own stream, as a busy case would). */
const emit = (app: App, caseId: string, writer: string, n: number, holdMs = 0) =>
  app.services.outbox.transaction(app.orm.em.fork(), async (tx) => {
    await tx.emit(
      syntheticEvent({
        type: 'test.tick',
        stream: `case:${caseId}:${writer}`,
        actorId: null,
        topics: [`case:${caseId}`],
        payload: { caseId, writer, n },
      }),
    );
    if (holdMs) await sleep(holdMs);
  });

async function allCursors(app: App, caseId: string): Promise<string[]> {
  await new EventSequencer(app.orm).pass(); // number what has committed (a dispatcher pass would)
  const rows = await app.orm.em
    .fork()
    .getConnection()
    .execute<{ position: string }[]>(
      `select p.position::text as position from event e join event_position p on p.event_id = e.id
      where e.topics @> ?::text[] and e.type = 'test.tick' order by p.position`,
      [`{case:${caseId}}`],
    );
  return rows.map((r) => formatCursor(BigInt(r.position)));
}

/** The cursor of the case's first event: subscribing after it replays everything a test writes. */
async function caseStart(app: App, caseId: string): Promise<string> {
  await new EventSequencer(app.orm).pass();
  const [row] = await app.orm.em
    .fork()
    .getConnection()
    .execute<{ position: string }[]>(
      `select p.position::text as position from event e join event_position p on p.event_id = e.id where e.stream = ? order by e.stream_seq limit 1`,
      [`case:${caseId}`],
    );
  return formatCursor(BigInt(row.position));
}

/** An officer's case created on instance A, followed on instance B from its first event (caseActivity). */
async function followedOnB(a: App, b: App) {
  const { token, caseId } = await officerWithCase(a);
  const ws = connectWs(b, token);
  await ws.connected;
  const sub = collect(ws.client, CASE_ACTIVITY, { caseId, after: await caseStart(a, caseId) });
  await sleep(150); // the subscription is registered before the test writes
  return { token, caseId, ws, sub };
}

const ascending = (cursors: string[]) => cursors.every((c, i) => i === 0 || BigInt(c) > BigInt(cursors[i - 1]));

describe('limits', () => {
  let app: App;
  beforeAll(async () => {
    app = await startTestApp(await createTestDatabase(), {
      WS_MAX_CONNECTIONS_PER_USER: 2,
      WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: 2,
      WS_KEEPALIVE_MS: 150,
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('caps connections per user and subscriptions per connection', async () => {
    const { token, caseId } = await officerWithCase(app);
    const first = connectWs(app, token);
    const second = connectWs(app, token);
    await Promise.all([first.connected, second.connected]);
    const third = connectWs(app, token);
    expect((await third.closed).code).toBe(4430);

    const subs = [0, 1, 2].map(() => collect(first.client, CASE_ACTIVITY, { caseId }));
    await eventually(() => subs[2].errors.length > 0, 'the third subscription refused');
    expect(subs[2].errors[0].extensions?.code).toBe('RATE_LIMITED');
    expect(subs[0].errors).toEqual([]);
    await first.dispose();
    await second.dispose();
  });

  it('terminates a socket that stops answering pings', async () => {
    const { token } = await officerWithCase(app);
    const raw = new WebSocket(`${app.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', { autoPong: false });
    await new Promise((r) => raw.once('open', r));
    raw.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
    const closed = await new Promise<number>((r) => raw.once('close', (code) => r(code)));
    expect(closed).toBe(1006); // terminated without a close frame
  });

  it('ends a feed whose consumer falls behind, so the client reconnects and resumes by cursor', async () => {
    const { caseId } = await officerWithCase(app);
    let overflowed = 0;
    const feed = liveFeed({
      em: app.orm.em.fork(),
      dispatcher: app.services.dispatcher,
      topics: [`case:${caseId}`],
      after: null,
      authorize: async (events) => events.map(() => true),
      retentionDays: 30,
      maxBuffered: 3,
      onOverflow: () => overflowed++,
    });
    const pending = feed.next(); // the consumer asks once, then stalls while events pile up
    await sleep(50);
    for (let i = 0; i < 6; i++) await emit(app, caseId, 'w', i);
    await sleep(300);
    let delivered = (await pending).done ? 0 : 1;
    for (;;) {
      const step = await feed.next();
      if (step.done) break;
      delivered++;
    }
    expect(delivered).toBeLessThanOrEqual(3); // never more than it could buffer
    expect(overflowed).toBe(1);
  });
});

describe('faults (two instances, real PostgreSQL and Redis)', () => {
  itWithRedis(
    'a client resumes on the other instance when its instance dies mid-stream: no loss, no duplicate',
    async () => {
      await withTwoInstances({ REDIS_URL: redisUrl() }, async ({ a, b }) => {
        const { token, caseId } = await officerWithCase(a);
        let target = b;
        const statusLog: string[] = [];
        const client = createLiveClient({
          url: () => `${target.url.replace('http', 'ws')}/graphql`,
          getToken: () => token,
          webSocketImpl: WebSocket,
          maxRetryDelayMs: 300,
          onStatus: (s, d) => statusLog.push(`${s}:${d.closeCode ?? ''}`),
        });
        const received: string[] = [];
        const errors: unknown[] = [];
        const sub = subscribeWithResume<
          { caseActivity: { cursor: string; type: string } },
          { caseId: string; after?: string | null },
          { cursor: string; type: string }
        >({
          client,
          query: CASE_ACTIVITY,
          variables: { caseId },
          after: await caseStart(a, caseId),
          select: (d) => d.caseActivity,
          cursorOf: (e) => e.cursor,
          onEvent: (e, cursor) => e.type === 'test.tick' && received.push(cursor),
          onResync: (e) => errors.push(e),
          onError: (e) => errors.push(e),
        });
        await sleep(200);
        const writer = (async () => {
          for (let n = 0; n < 60; n++) {
            await emit(a, caseId, 'w', n);
            if (n === 20) {
              target = a; // the load balancer now only knows instance A
              await b.close(); // instance B dies with the client connected to it
            }
            await sleep(5);
          }
        })();
        await writer;
        const expected = await allCursors(a, caseId);
        await eventually(() => received.length >= expected.length, `all ${expected.length} events after failover`, 15_000).catch((err) => {
          throw new Error(
            `${(err as Error).message}: got ${received.length}, errors ${JSON.stringify(errors)}, statuses ${statusLog.join(',')}`,
          );
        });
        expect(received).toEqual(expected);
        expect(errors).toEqual([]);
        sub.unsubscribe();
        await client.dispose();
      });
    },
    60_000,
  );

  itWithRedis(
    'transactions holding an xid for seconds, in another database and in this one, delay only their own events',
    async () => {
      await withTwoInstances({ REDIS_URL: redisUrl() }, async ({ a, b, db }) => {
        const otherDbUrl = new URL(db);
        otherDbUrl.pathname = '/postgres';
        const otherDb = new PgClient({ connectionString: otherDbUrl.toString() });
        await otherDb.connect();
        let releaseLong!: () => void;
        const longHeld = new Promise<void>((r) => (releaseLong = r));
        const safety = setTimeout(() => releaseLong(), 10_000); // bounded whatever happens
        try {
          const { caseId, ws, sub } = await followedOnB(a, b);
          // 1. Another database of the cluster: an open transaction that holds an xid (a report, an import).
          await otherDb.query('begin');
          await otherDb.query('select pg_current_xact_id()');
          // 2. This database: a long transaction that wrote an event of this very case and stays open.
          const long = a.services.outbox.transaction(a.orm.em.fork(), async (tx) => {
            await tx.emit(
              syntheticEvent({
                type: 'test.long',
                stream: `case:${caseId}:long`,
                actorId: null,
                topics: [`case:${caseId}`],
                payload: { caseId },
              }),
            );
            await longHeld;
          });
          await sleep(100);
          for (let n = 0; n < 20; n++) await emit(n % 2 ? b : a, caseId, 'w', n);
          // Every other event arrives while both transactions are still open (the watermark stalled them all).
          await eventually(() => ticks(sub.events).length === 20, 'the 20 events while the long transactions are open', 4_000);
          expect(sub.events.some((e) => e.caseActivity.type === 'test.long')).toBe(false);
          releaseLong();
          await long;
          // The long transaction's own event arrives once it committed, after the others.
          await eventually(
            () => sub.events.some((e) => e.caseActivity.type === 'test.long'),
            "the long transaction's event after its commit",
          );
          const types = sub.events.map((e) => e.caseActivity.type).filter((t) => t === 'test.tick' || t === 'test.long');
          expect(types).toEqual([...Array(20).fill('test.tick'), 'test.long']);
          const cursors = sub.events.map((e) => e.caseActivity.cursor);
          expect(new Set(cursors).size).toBe(cursors.length);
          expect(ascending(cursors)).toBe(true);
          // Readiness stays "ready" and reports the delivery position.
          const ready = await fetch(`${b.url}/readyz`);
          expect(ready.status).toBe(200);
          await ws.dispose();
        } finally {
          clearTimeout(safety);
          releaseLong();
          await otherDb.query('rollback').catch(() => undefined);
          await otherDb.end();
        }
      });
    },
    60_000,
  );

  itWithRedis(
    'losing Redis for seconds mid-stream delays delivery but loses nothing',
    async () => {
      const redis = await startOwnRedis();
      try {
        // The fallback poll is set far beyond the outage, so recovery must come from the reconnect wake-up.
        await withTwoInstances({ REDIS_URL: redis.url, EVENT_POLL_MS: 60_000 }, async ({ a, b }) => {
          await eventually(() => a.bus.isConnected() && b.bus.isConnected(), 'both instances connected to the new Redis', 15_000);
          const { caseId, ws, sub } = await followedOnB(a, b);
          for (let n = 0; n < 10; n++) await emit(a, caseId, 'w', n);
          await eventually(() => ticks(sub.events).length === 10, 'events before the outage');

          await sleep(300); // let any dispatch pass in flight finish, so only Redis could wake B
          redis.kill();
          await eventually(() => !b.bus.isConnected(), 'instance B noticing the outage');
          // Still serving (by polling): ready, reported as degraded, not 503.
          const during = await fetch(`${b.url}/readyz`);
          expect(during.status).toBe(200);
          expect(await during.json()).toMatchObject({
            status: 'degraded',
            checks: { database: true, bus: false },
            delivery: { mode: 'polling' },
          });
          for (let n = 10; n < 30; n++) await emit(a, caseId, 'w', n);
          await sleep(3000);
          expect(ticks(sub.events).length).toBe(10); // nothing can reach B while Redis is down (and the poll is far away)

          redis.restart();
          await eventually(() => ticks(sub.events).length === 30, 'the missed events after Redis returns', 15_000);
          for (let n = 30; n < 35; n++) await emit(a, caseId, 'w', n);
          await eventually(() => ticks(sub.events).length === 35, 'live again');
          const cursors = ticks(sub.events).map((e) => e.caseActivity.cursor);
          expect(cursors).toEqual(await allCursors(a, caseId));
          await ws.dispose();
        });
      } finally {
        redis.kill();
      }
    },
    60_000,
  );

  itWithRedis(
    'a frozen Redis (SIGSTOP) degrades to polling: writes do not hang, readiness says degraded, nothing lost',
    async () => {
      const redis = await startOwnRedis();
      let frozen = false;
      try {
        await withTwoInstances({ REDIS_URL: redis.url, EVENT_POLL_MS: 300, REDIS_COMMAND_TIMEOUT_MS: 300 }, async ({ a, b }) => {
          try {
            await eventually(() => a.bus.isConnected() && b.bus.isConnected(), 'both instances connected to the new Redis', 15_000);
            const { caseId, ws, sub } = await followedOnB(a, b);
            for (let n = 0; n < 5; n++) await emit(a, caseId, 'w', n);
            await eventually(() => ticks(sub.events).length === 5, 'events before the freeze');

            redis.process().kill('SIGSTOP');
            frozen = true;
            // The connection stays open but nothing answers: writes still commit (the wake-up publish times
            // out in the background), and B's poll delivers them.
            for (let n = 5; n < 15; n++) await emit(a, caseId, 'w', n);
            await eventually(() => ticks(sub.events).length === 15, 'events delivered by polling while Redis is frozen', 10_000);
            const ready = await fetch(`${b.url}/readyz`);
            expect(ready.status).toBe(200);
            expect(await ready.json()).toMatchObject({
              status: 'degraded',
              checks: { database: true, migrations: true, bus: false },
              delivery: { mode: 'polling' },
            });

            redis.process().kill('SIGCONT');
            frozen = false;
            for (let n = 15; n < 20; n++) await emit(a, caseId, 'w', n);
            await eventually(() => ticks(sub.events).length === 20, 'all events after the thaw');
            await eventually(
              async () => ((await (await fetch(`${b.url}/readyz`)).json()) as { status: string }).status === 'ready',
              'ready again',
            );
            expect(ticks(sub.events).map((e) => e.caseActivity.cursor)).toEqual(await allCursors(a, caseId));
            await ws.dispose();
          } finally {
            // Thawed before the instances close, so their Redis connections can end.
            if (frozen) redis.process().kill('SIGCONT');
          }
        });
      } finally {
        redis.kill();
      }
    },
    60_000,
  );

  itWithRedis(
    'with 8 concurrent writers, every subscriber on both instances sees every event once, in cursor order',
    async () => {
      await withTwoInstances({ REDIS_URL: redisUrl() }, async ({ a, b }) => {
        const { token, caseId } = await officerWithCase(a);
        const sockets = [connectWs(a, token), connectWs(a, token), connectWs(b, token), connectWs(b, token)];
        await Promise.all(sockets.map((s) => s.connected));
        const after = await caseStart(a, caseId);
        const subs = sockets.map((s) => collect(s.client, CASE_ACTIVITY, { caseId, after }));
        await sleep(200);
        const WRITERS = 8;
        const EACH = 25;
        await Promise.all(
          Array.from({ length: WRITERS }, (_, w) =>
            (async () => {
              for (let n = 0; n < EACH; n++) await emit(w % 2 ? b : a, caseId, `w${w}`, n, Math.floor(Math.random() * 4));
            })(),
          ),
        );
        const expected = await allCursors(a, caseId);
        expect(expected).toHaveLength(WRITERS * EACH);
        for (const [i, sub] of subs.entries()) {
          await eventually(() => ticks(sub.events).length >= expected.length, `subscriber ${i} complete`, 15_000);
          const cursors = ticks(sub.events).map((e) => e.caseActivity.cursor);
          expect(cursors).toEqual(expected);
          expect(ascending(cursors)).toBe(true);
        }
        await Promise.all(sockets.map((s) => s.dispose()));
      });
    },
    60_000,
  );

  itWithRedis(
    'a commune official on instance B stops receiving a case the moment instance A revokes its sharing',
    async () => {
      await withTwoInstances({ REDIS_URL: redisUrl() }, async ({ a, b }) => {
        const { token, caseId } = await officerWithCase(a);
        const [{ communeB }] = [await makeProvince(a.orm)];
        const commune = await makeAgency(a.orm, AgencyKind.PEOPLES_COMMITTEE, [communeB]);
        const official = await makeUser(a.orm, commune, [Role.OFFICER]);
        const officialToken = (await signIn(b, official.username)).accessToken;
        const change = async (query: string, input: Record<string, unknown>) => {
          const res = await gql(a, query, { input }, token);
          expect(res.errors).toBeUndefined();
          return Object.values(res.data!)[0] as { version: number };
        };
        let { version } = await change('mutation($input: ShareCaseInput!) { shareCase(input: $input) { version } }', {
          caseId,
          version: 1,
          agencyId: commune.id,
          role: 'SUPPORT',
        });

        const ws = connectWs(b, officialToken);
        await ws.connected;
        const watching = collect(ws.client, CASE_ACTIVITY, { caseId, after: await caseStart(a, caseId) });
        const feed = collect(ws.client, 'subscription($after: String) { myFeed(after: $after) { type caseId } }', {
          after: await caseStart(a, caseId),
        });
        ({ version } = await change('mutation($input: UpdateCaseInput!) { updateCase(input: $input) { version } }', {
          id: caseId,
          version,
          notes: 'trước khi rút',
        }));
        await eventually(() => watching.events.some((e) => e.caseActivity.type === 'case.updated'), 'the update before revocation').catch(
          (err) => {
            throw new Error(`${err.message}: events ${JSON.stringify(watching.events)} errors ${JSON.stringify(watching.errors)}`);
          },
        );
        ({ version } = await change('mutation($input: UnshareCaseInput!) { unshareCase(input: $input) { version } }', {
          caseId,
          version,
          agencyId: commune.id,
        }));
        for (let i = 0; i < 3; i++)
          ({ version } = await change('mutation($input: UpdateCaseInput!) { updateCase(input: $input) { version } }', {
            id: caseId,
            version,
            notes: `sau khi rút ${i}`,
          }));
        // The officer's own subscription on A is the barrier: once it has everything, B has had its chance.
        const officerWs = connectWs(a, token);
        await officerWs.connected;
        const barrier = collect(officerWs.client, CASE_ACTIVITY, { caseId, after: await caseStart(a, caseId) });
        await eventually(() => barrier.events.length >= 6, 'all six events after creation on instance A');
        await sleep(500);
        const seen = watching.events.map((e) => e.caseActivity.type);
        expect(seen).toEqual(['case.shared', 'case.updated']);
        expect(feed.events.map((e) => e.myFeed.type)).toEqual(['case.shared']);
        await ws.dispose();
        await officerWs.dispose();
      });
    },
    60_000,
  );
});

describe('PostgreSQL stopped under live subscribers (a dedicated embedded PostgreSQL, two instances)', () => {
  it('feeds wait and resume from their cursors (0 lost, 0 duplicated); writes during the drop are SERVICE_UNAVAILABLE; readiness 503 then 200; a retried post arrives once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'phoihop-outage-'));
    chmodSync(dataDir, 0o711); // the postgres OS user must be able to enter it when we run as root
    const port = await findFreePort();
    const logger = createLogger('warn');
    const settings = { fsync: 'off', synchronous_commit: 'off' };
    let pg = await startEmbeddedPostgres({ dataDir, port, logger, settings });
    const { a, b, close } = await startTwoInstances({}, pg.url);
    const clients: Array<ReturnType<typeof createLiveClient>> = [];
    try {
      const { token, caseId } = await officerWithCase(a);
      const after = await caseStart(a, caseId);
      type Received = { ticks: string[]; posts: string[]; errors: unknown[] };
      const subscribers: Received[] = [];
      const follow = (app: App) => {
        const got: Received = { ticks: [], posts: [], errors: [] };
        subscribers.push(got);
        const client = createLiveClient({
          url: () => `${app.url.replace('http', 'ws')}/graphql`,
          getToken: () => token,
          webSocketImpl: WebSocket,
          maxRetryDelayMs: 300,
        });
        clients.push(client);
        subscribeWithResume<
          { caseActivity: { cursor: string; type: string; payload: any } },
          { caseId: string; after?: string | null },
          { cursor: string; type: string; payload: any }
        >({
          client,
          query: CASE_ACTIVITY,
          variables: { caseId },
          after,
          select: (d) => d.caseActivity,
          cursorOf: (e) => e.cursor,
          onEvent: (e, cursor) => {
            if (e.type === 'test.tick') got.ticks.push(cursor);
            if (e.type === 'thread.posted') got.posts.push(e.payload.postId);
          },
          onResync: (e) => got.errors.push(e),
          onError: (e) => got.errors.push(e),
          retryDelayMs: 200,
        });
      };
      for (const app of [a, b, a, b, a, b]) follow(app);
      for (let n = 0; n < 10; n++) await emit(n % 2 ? b : a, caseId, 'w', n);
      await eventually(() => subscribers.every((s) => s.ticks.length === 10), 'the first 10 events on every subscriber', 15_000);

      // A feed caught mid-replay by the drop: its next log read and access check (a real query each)
      // fail while PostgreSQL is away; it must wait and continue from its last event, not end.
      const feedEm = a.orm.em.fork();
      const replaying = liveFeed({
        em: feedEm,
        dispatcher: a.services.dispatcher,
        topics: [`case:${caseId}`],
        after: BigInt(after),
        authorize: async (events) => {
          await feedEm.getConnection().execute('select 1'); // stands in for an access-fact load
          return events.map(() => true);
        },
        retentionDays: 30,
      });
      const replayed: string[] = [];
      const pull = async (until: number) => {
        while (replayed.length < until) {
          const step = await replaying.next();
          if (step.done) throw new Error('the feed ended');
          if ((step.value.type as string) === 'test.tick') replayed.push(formatCursor(step.value.position));
        }
      };
      await pull(3);

      await pg.stop();
      const replayDuringOutage = pull(20);
      replayDuringOutage.catch(() => {}); // examined below
      expect((await fetch(`${a.url}/readyz`)).status).toBe(503);
      expect((await fetch(`${b.url}/readyz`)).status).toBe(503);
      const post = 'mutation($input: NewPostInput!, $key: String) { postToThread(input: $input, idempotencyKey: $key) { id } }';
      const during = await gql(a, post, { input: { caseId, kind: 'NOTE', body: 'Trong lúc mất kết nối' }, key: 'outage-1' }, token);
      expect(during.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      let failedWrites = 0;
      for (let n = 10; n < 15; n++) await emit(a, caseId, 'w', n).catch(() => failedWrites++);
      expect(failedWrites).toBe(5);
      // Two clients connect during the outage (closed with 1013, retried) and replay everything later.
      follow(a);
      follow(b);
      await sleep(1_500); // the feeds, the dispatchers and the new clients retry against a stopped server meanwhile

      pg = await startEmbeddedPostgres({ dataDir, port, logger, settings });
      await eventually(async () => (await fetch(`${a.url}/readyz`)).status === 200, 'instance A ready again', 15_000);
      await eventually(async () => (await fetch(`${b.url}/readyz`)).status === 200, 'instance B ready again', 15_000);
      for (let n = 15; n < 25; n++) await emit(n % 2 ? b : a, caseId, 'w', n);

      // A post whose answer was lost is sent again with the same key: one post, delivered once.
      const input = { caseId, kind: 'NOTE', body: 'Sau khi có kết nối lại' };
      const first = await gql(b, post, { input, key: 'after-1' }, token);
      const retried = await gql(a, post, { input, key: 'after-1' }, token);
      expect(first.errors, JSON.stringify(first.errors)).toBeUndefined();
      expect(retried.data?.postToThread.id).toBe(first.data?.postToThread.id);

      const expected = await allCursors(a, caseId);
      expect(expected).toHaveLength(20);
      await eventually(
        () => subscribers.every((s) => s.ticks.length >= 20 && s.posts.length >= 1),
        'every subscriber has all 20 events and the post',
        20_000,
      ).catch((err) => {
        throw new Error(`${(err as Error).message}: ${JSON.stringify(subscribers.map((s) => [s.ticks.length, s.posts, s.errors]))}`);
      });
      await replayDuringOutage;
      await replaying.return(undefined);
      expect(replayed).toEqual(expected);
      await sleep(300); // room for a duplicate to show up
      for (const s of subscribers) {
        expect(s.ticks).toEqual(expected); // nothing lost, nothing twice, in order
        expect(s.posts).toEqual([first.data!.postToThread.id]);
        expect(s.errors).toEqual([]); // the server rode out the outage: no subscription ended
      }
    } finally {
      for (const client of clients) await client.dispose();
      await close();
      await pg.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
