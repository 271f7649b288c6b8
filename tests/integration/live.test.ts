import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app';
import type { Agency } from '../../server/src/modules/agencies/agency.entity';
import type { Area } from '../../server/src/modules/areas/area.entity';
import { AgencyKind, makeAgency, makeProvince, makeUser, Role, signIn } from '../support/factories';
import { formatCursor } from '../../server/src/events/cursor';
import { appendFirstEvents, headCursor } from '../../server/src/events/event-log';
import { EventSequencer } from '../../server/src/events/sequencer';
import { createTestDatabase, eventually, gql, itWithRedis, openOwnerOrm, redisUrl, startTestApp } from '../support/harness';
import { syntheticEvent } from '../support/synthetic-event';
import { collect, connectWs } from '../support/ws';
import WebSocket from 'ws';

const CASE_ACTIVITY =
  'subscription($caseId: ID!, $after: String) { caseActivity(caseId: $caseId, after: $after) { cursor type caseId payload } }';
const MY_FEED = 'subscription($after: String) { myFeed(after: $after) { cursor type caseId } }';

let app: App;
let communeA: Area;
let office: Agency, ubndA: Agency, ubndB: Agency;
const tokens: Record<string, string> = {};

async function newCase(token = tokens.officer) {
  const res = await gql(
    app,
    `mutation($input: CreateCaseInput!) { createCase(input: $input) { id version } }`,
    {
      input: {
        judgmentNumber: `LIVE-${Math.random().toString(36).slice(2, 8)}`,
        judgmentCourt: 'TAND khu vực 3',
        judgmentDate: '2026-08-01',
        receivedAt: '2026-09-01T02:00:00.000Z',
        kind: 'ON_REQUEST',
        communeId: communeA.id,
        parties: [{ role: 'DEBTOR', kind: 'PERSON', name: 'Lê Văn Sống' }],
        obligations: [],
      },
    },
    token,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.createCase as { id: string; version: number };
}
const update = (id: string, version: number, notes: string, app0: App = app) =>
  gql(
    app0,
    'mutation($input: UpdateCaseInput!) { updateCase(input: $input) { version } }',
    { input: { id, version, notes } },
    tokens.officer,
  ).then((r) => {
    expect(r.errors).toBeUndefined();
    return r.data!.updateCase.version as number;
  });
/**
 * The newest committed event's cursor: subscribing after it misses nothing that follows, however slow
 * the set-up. It may lag (the watermark is cluster-wide), so tests using it filter to their own events.
 */
/** Numbers what has committed (as a dispatcher pass would), so positions can be looked up at once. */
const numbered = (a: App) => new EventSequencer(a.orm).pass();
const headOf = async (a: App = app) => (await numbered(a), formatCursor(await headCursor(a.orm.em.fork())));
/** The cursor of a case's latest event: an exact starting point for that case's activity. */
const latestOf = async (caseId: string, a: App = app) =>
  (await numbered(a),
  await a.orm.em
    .fork()
    .getConnection()
    .execute<{ c: string }[]>(
      `select p.position::text as c from event e join event_position p on p.event_id = e.id where e.stream = ? order by e.stream_seq desc limit 1`,
      [`case:${caseId}`],
    ))[0].c;
const firstCursor = async (caseId: string) =>
  (await numbered(app),
  await app.orm.em
    .fork()
    .getConnection()
    .execute<{ c: string }[]>(
      `select p.position::text as c from event e join event_position p on p.event_id = e.id where e.stream = ? order by e.stream_seq limit 1`,
      [`case:${caseId}`],
    ))[0].c;

/**
 * `count` events `test.tick` (payload `n` = 0…count-1, plus `extra`) on the case's topic, bulk-appended in one
 * transaction (one new stream per event), as an import would.
 */
const appendTicks = (caseId: string, count: number, label: string, extra: Record<string, unknown> = {}) =>
  app.orm.em.fork().transactional((em) =>
    appendFirstEvents(
      em,
      Array.from({ length: count }, (_, n) =>
        syntheticEvent({
          type: 'test.tick',
          stream: `case:${caseId}:${label}${n}`,
          actorId: null,
          topics: [`case:${caseId}`],
          payload: { caseId, n, ...extra },
        }),
      ),
    ),
  );

beforeAll(async () => {
  app = await startTestApp(await createTestDatabase(), { EVENT_POLL_MS: 200 });
  const areas = await makeProvince(app.orm);
  communeA = areas.communeA;
  office = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [areas.communeA, areas.communeB]);
  ubndA = await makeAgency(app.orm, AgencyKind.PEOPLES_COMMITTEE, [areas.communeA]);
  ubndB = await makeAgency(app.orm, AgencyKind.PEOPLES_COMMITTEE, [areas.communeB]);
  for (const [name, agency, role] of [
    ['officer', office, Role.ENFORCEMENT_OFFICER],
    ['communeA', ubndA, Role.OFFICER],
    ['communeB', ubndB, Role.OFFICER],
  ] as const) {
    tokens[name] = (await signIn(app, (await makeUser(app.orm, agency, [role])).username)).accessToken;
  }
});
afterAll(async () => {
  await app?.close();
});

describe('caseActivity', () => {
  it('replays what was missed after the cursor, then goes live, each event once and in order', async () => {
    const c = await newCase();
    let version = await update(c.id, c.version, 'missed one');
    version = await update(c.id, version, 'missed two');
    const ws = connectWs(app, tokens.officer);
    await ws.connected;
    const sub = collect(ws.client, CASE_ACTIVITY, { caseId: c.id, after: await firstCursor(c.id) });
    await eventually(() => sub.events.length === 2, 'two replayed events');
    for (let i = 0; i < 5; i++) version = await update(c.id, version, `live ${i}`);
    await eventually(() => sub.events.length === 7, 'five live events');
    const cursors = sub.events.map((e) => e.caseActivity.cursor);
    expect(new Set(cursors).size).toBe(7);
    expect(sub.events.map((e) => e.caseActivity.payload.version)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(sub.errors).toEqual([]);
    sub.dispose();
    await ws.dispose();
  });

  it('refuses a case the viewer cannot read, and stops delivering the moment sharing is revoked', async () => {
    const c = await newCase();
    const communeWs = connectWs(app, tokens.communeA);
    await communeWs.connected;
    const denied = collect(communeWs.client, CASE_ACTIVITY, { caseId: c.id });
    await eventually(() => denied.errors.length > 0, 'a refusal');
    expect(denied.errors[0].extensions?.code).toBe('NOT_FOUND');

    const share = await gql(
      app,
      'mutation($input: ShareCaseInput!) { shareCase(input: $input) { version } }',
      { input: { caseId: c.id, version: c.version, agencyId: ubndA.id, role: 'SUPPORT' } },
      tokens.officer,
    );
    let version = share.data!.shareCase.version as number;
    const officerWs = connectWs(app, tokens.officer);
    await officerWs.connected;
    const sharedAt = await latestOf(c.id);
    const witness = collect(officerWs.client, CASE_ACTIVITY, { caseId: c.id, after: sharedAt });
    const commune = collect(communeWs.client, CASE_ACTIVITY, { caseId: c.id, after: sharedAt });
    version = await update(c.id, version, 'both see this');
    await eventually(() => commune.events.length === 1 && witness.events.length === 1, 'the shared update on both');

    const unshare = await gql(
      app,
      'mutation($input: UnshareCaseInput!) { unshareCase(input: $input) { version } }',
      { input: { caseId: c.id, version, agencyId: ubndA.id } },
      tokens.officer,
    );
    version = unshare.data!.unshareCase.version;
    version = await update(c.id, version, 'only the office sees this');
    await eventually(() => witness.events.length === 3, 'unshare + update reach the office');
    await new Promise((r) => setTimeout(r, 300));
    expect(commune.events.map((e) => e.caseActivity.type)).toEqual(['case.updated']);
    await officerWs.dispose();
    await communeWs.dispose();
  });

  it('decides access per operation over one socket: a query after the case is unshared is refused', async () => {
    const c = await newCase();
    const share = await gql(
      app,
      'mutation($input: ShareCaseInput!) { shareCase(input: $input) { version } }',
      { input: { caseId: c.id, version: c.version, agencyId: ubndA.id, role: 'SUPPORT' } },
      tokens.officer,
    );
    const ws = connectWs(app, tokens.communeA);
    await ws.connected;
    const CASE = 'query($id: ID!) { case(id: $id) { id participants { agency { id } } } }';
    const first = await ws.request(CASE, { id: c.id });
    expect(first.errors).toBeUndefined();
    expect(first.data!.case.id).toBe(c.id);
    // A subscription on the same socket runs in the context its subscriptions share.
    const sub = collect(ws.client, CASE_ACTIVITY, { caseId: c.id, after: await latestOf(c.id) });
    const unshare = await gql(
      app,
      'mutation($input: UnshareCaseInput!) { unshareCase(input: $input) { version } }',
      { input: { caseId: c.id, version: share.data!.shareCase.version, agencyId: ubndA.id } },
      tokens.officer,
    );
    expect(unshare.errors).toBeUndefined();
    const again = await ws.request(CASE, { id: c.id });
    expect(again.data?.case ?? null).toBeNull();
    expect(again.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // So is a new subscription over the same socket, and the open one stops.
    const resubscribed = collect(ws.client, CASE_ACTIVITY, { caseId: c.id });
    await eventually(() => resubscribed.errors.length > 0, 'the new subscription refused');
    expect(resubscribed.errors[0].extensions?.code).toBe('NOT_FOUND');
    await eventually(() => sub.errors.length > 0 || sub.isComplete(), 'the open subscription stopped');
    await ws.dispose();
  });

  it('replays thousands of missed events across pages in order, once each, with one access decision per case per page', async () => {
    const c = await newCase();
    const from = await latestOf(c.id);
    // LIVE_REPLAY_EVENTS=10000 for the figure; the default keeps npm test quick.
    const count = Number(process.env.LIVE_REPLAY_EVENTS ?? 2500);
    await appendTicks(c.id, count, 'replay');
    await numbered(app);
    // As autovacuum would after a bulk insert: with stale statistics the planner reads the whole topic per page.
    const owner = await openOwnerOrm(app.services.config.DATABASE_URL!);
    await owner.em.getConnection().execute('analyze event');
    await owner.close();
    const loadsBefore = app.services.liveAccess.loads;
    const ws = connectWs(app, tokens.officer);
    await ws.connected;
    const started = performance.now();
    const sub = collect(
      ws.client,
      'subscription($caseId: ID!, $after: String) { caseActivity(caseId: $caseId, after: $after) { cursor payload } }',
      {
        caseId: c.id,
        after: from,
      },
    );
    await eventually(() => sub.events.length >= count || sub.errors.length > 0, 'the whole replay', 120_000);
    const ms = performance.now() - started;
    console.info(`replay: ${count} events in ${ms.toFixed(0)} ms = ${((count / ms) * 1000).toFixed(0)} events/s`);
    expect(sub.errors).toEqual([]);
    expect(sub.events.map((e) => e.caseActivity.payload.n)).toEqual(Array.from({ length: count }, (_, n) => n));
    expect(new Set(sub.events.map((e) => e.caseActivity.cursor)).size).toBe(count);
    // The case's facts were already cached by the subscribe check or an earlier event: no load per event or per page.
    expect(app.services.liveAccess.loads - loadsBefore).toBeLessThanOrEqual(1);
    await ws.dispose();
  });

  it('holds a replay back while the client does not read (bounded send buffer), then delivers every event once', async () => {
    const c = await newCase();
    const from = await latestOf(c.id);
    // ~16 MB of replay: more than the loopback's socket buffers, so the server's own send buffer fills.
    const count = 8000;
    const pad = 'đ'.repeat(1000);
    await appendTicks(c.id, count, 'held', { pad });
    await numbered(app);
    // A raw graphql-transport-ws client, so its TCP socket can be paused (graphql-ws's client cannot).
    const socket = new WebSocket(`${app.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    const messages: Array<{ type: string; id?: string; payload?: any }> = [];
    socket.on('message', (data) => messages.push(JSON.parse(String(data))));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${tokens.officer}` } }));
    await eventually(() => messages.some((m) => m.type === 'connection_ack'), 'the connection ack');
    socket.send(
      JSON.stringify({
        id: 'held',
        type: 'subscribe',
        payload: {
          query: 'subscription($caseId: ID!, $after: String) { caseActivity(caseId: $caseId, after: $after) { cursor payload } }',
          variables: { caseId: c.id, after: from },
        },
      }),
    );
    await eventually(() => messages.length > 10, 'the replay started');
    const tcp = (socket as unknown as { _socket: import('node:net').Socket })._socket;
    tcp.pause();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // The fullest send buffer of the instance's sockets (this test's is the only one replaying).
    const held = [...app.webSocketServer.clients].reduce((max, s) => Math.max(max, s.bufferedAmount), 0);
    // The kernel's buffers are full (bytes wait in the server's own buffer) and the subscription waits for
    // them: the buffer stays at the high-water mark plus at most a message, not the rest of the replay.
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThan(app.services.config.WS_SEND_HIGH_WATER_BYTES + 16 * 1024);
    tcp.resume();
    const nexts = () => messages.filter((m) => m.type === 'next');
    await eventually(() => nexts().length >= count || messages.some((m) => m.type === 'error'), 'the whole replay', 120_000);
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
    expect(nexts().map((m) => m.payload.data.caseActivity.payload.n)).toEqual(Array.from({ length: count }, (_, n) => n));
    expect(socket.readyState).toBe(WebSocket.OPEN);
    socket.close();
  });

  it('asks for a resync when the cursor is unknown or too old', async () => {
    const c = await newCase();
    const ws = connectWs(app, tokens.officer);
    await ws.connected;
    const sub = collect(ws.client, CASE_ACTIVITY, { caseId: c.id, after: '1.999999999' });
    await eventually(() => sub.errors.length > 0, 'a resync signal');
    expect(sub.errors[0].extensions?.code).toBe('RESYNC_REQUIRED');
    const bad = collect(ws.client, CASE_ACTIVITY, { caseId: c.id, after: 'yesterday' });
    await eventually(() => bad.errors.length > 0, 'a bad cursor error');
    expect(bad.errors[0].extensions?.code).toBe('BAD_USER_INPUT');
    await ws.dispose();
  });
});

describe('cost per subscriber', () => {
  it('delivers an event to 50 subscribers with no more SQL statements than to 1, each selection getting its own shape', async () => {
    // A second instance on the same database, polling only once a minute: what its knex sends while an
    // event goes out is the delivery's cost (its post, its sequencer pass and log read, fact loads).
    const b = await startTestApp(app.services.config.DATABASE_URL!, { EVENT_POLL_MS: 60_000, WS_MAX_CONNECTIONS_PER_USER: 100 });
    let statements = 0;
    b.orm.em
      .getConnection()
      .getKnex()
      .on('query', () => statements++);
    const sockets: Array<ReturnType<typeof connectWs>> = [];
    try {
      const c = await newCase();
      let version = c.version;
      const costOfOneEvent = async (subscribers: number) => {
        const from = await latestOf(c.id);
        const subs: Array<ReturnType<typeof collect>> = [];
        for (let i = 0; i < subscribers; i++) {
          const ws = connectWs(b, tokens.officer);
          sockets.push(ws);
          await ws.connected;
          subs.push(collect(ws.client, CASE_ACTIVITY, { caseId: c.id, after: from }));
        }
        // Another selection of the same field on the same event: executed apart, never handed the other's result.
        const otherWs = connectWs(b, tokens.officer);
        sockets.push(otherWs);
        await otherWs.connected;
        const other = collect(otherWs.client, 'subscription($caseId: ID!) { caseActivity(caseId: $caseId) { kind occurredAt } }', {
          caseId: c.id,
        });
        await new Promise((r) => setTimeout(r, 300)); // the "from now" subscription is registered
        version = await update(c.id, version, `warm-up for ${subscribers}`, b); // every feed is live, the facts cached
        // ("from now" is from this instance's dispatcher position, which may be a little older: count from here.)
        await eventually(() => subs.every((s) => s.events.length === 1) && other.events.length >= 1, 'the warm-up everywhere');
        await new Promise((r) => setTimeout(r, 100));
        const otherBefore = other.events.length;
        statements = 0;
        const loads = b.services.liveAccess.loads;
        version = await update(c.id, version, `to ${subscribers}`, b);
        await eventually(() => subs.every((s) => s.events.length === 2) && other.events.length === otherBefore + 1, 'the event everywhere');
        await new Promise((r) => setTimeout(r, 200));
        expect(subs.every((s) => s.errors.length === 0 && s.events[1].caseActivity.payload.version === version)).toBe(true);
        expect(other.events[otherBefore].caseActivity).toEqual({ kind: 'CASE_UPDATED', occurredAt: expect.any(String) });
        // case.updated may change access: its facts are loaded again, once for everyone.
        expect(b.services.liveAccess.loads - loads).toBeLessThanOrEqual(1);
        return statements;
      };
      const toOne = await costOfOneEvent(1);
      const toFifty = await costOfOneEvent(50);
      console.info(`SQL statements for one event (mutation included): to 1 subscriber ${toOne}, to 50 subscribers ${toFifty}`);
      expect(toFifty).toBeLessThanOrEqual(toOne);
    } finally {
      await Promise.all(sockets.map((ws) => ws.dispose()));
      await b.close();
    }
  });
});

describe('liveCursor', () => {
  it('returns the position the data was read at: subscribing after it misses nothing committed since', async () => {
    const c = await newCase();
    const loaded = await gql(app, 'query($id: ID!) { liveCursor case(id: $id) { id version } }', { id: c.id }, tokens.officer);
    expect(loaded.errors).toBeUndefined();
    const cursor = loaded.data!.liveCursor as string;
    expect(cursor).toMatch(/^\d+$/);
    // Committed after the load but before the subscription: replayed from the cursor, not lost.
    await update(c.id, loaded.data!.case.version, 'after the load');
    const ws = connectWs(app, tokens.officer);
    await ws.connected;
    const sub = collect(ws.client, CASE_ACTIVITY, { caseId: c.id, after: cursor });
    await eventually(() => sub.events.some((e) => e.caseActivity.type === 'case.updated'), 'the update made between load and subscribe');
    expect(sub.errors).toEqual([]);
    expect(sub.events.every((e) => BigInt(e.caseActivity.cursor) > BigInt(cursor))).toBe(true);
    await ws.dispose();
  });
});

describe('myFeed', () => {
  it("tells an agency's officials when a case is shared with them, and nobody else", async () => {
    const wsA = connectWs(app, tokens.communeA);
    const wsB = connectWs(app, tokens.communeB);
    await Promise.all([wsA.connected, wsB.connected]);
    const start = await headOf();
    const feedA = collect(wsA.client, MY_FEED, { after: start });
    const feedB = collect(wsB.client, MY_FEED, { after: start });
    const c = await newCase();
    await gql(
      app,
      'mutation($input: ShareCaseInput!) { shareCase(input: $input) { version } }',
      { input: { caseId: c.id, version: c.version, agencyId: ubndA.id, role: 'SUPPORT' } },
      tokens.officer,
    );
    const about = (events: any[]) => events.filter((e) => e.myFeed.caseId === c.id);
    await eventually(() => about(feedA.events).length === 1, 'the share notice');
    expect(about(feedA.events)[0].myFeed).toMatchObject({ type: 'case.shared', caseId: c.id });
    await new Promise((r) => setTimeout(r, 300));
    expect(about(feedB.events)).toEqual([]);
    await wsA.dispose();
    await wsB.dispose();
  });
});

describe('across instances', () => {
  itWithRedis('an event committed on instance A reaches a caseActivity subscriber on instance B', async () => {
    const db = await createTestDatabase();
    const a = await startTestApp(db, { REDIS_URL: redisUrl(), EVENT_POLL_MS: 60_000 });
    const b = await startTestApp(db, { REDIS_URL: redisUrl(), EVENT_POLL_MS: 60_000 });
    try {
      const areas = await makeProvince(a.orm);
      const officeX = await makeAgency(a.orm, AgencyKind.ENFORCEMENT_OFFICE, [areas.communeA]);
      const user = await makeUser(a.orm, officeX, [Role.ENFORCEMENT_OFFICER]);
      const token = (await signIn(a, user.username)).accessToken;
      const created = await gql(
        a,
        `mutation($input: CreateCaseInput!) { createCase(input: $input) { id version } }`,
        {
          input: {
            judgmentNumber: 'X-1',
            judgmentCourt: 'TAND',
            judgmentDate: '2026-08-01',
            receivedAt: '2026-09-01T02:00:00.000Z',
            kind: 'ON_REQUEST',
            communeId: areas.communeA.id,
            parties: [{ role: 'DEBTOR', kind: 'PERSON', name: 'Đỗ Văn Xa' }],
            obligations: [],
          },
        },
        token,
      );
      const { id, version } = created.data!.createCase;
      const ws = connectWs(b, token);
      await ws.connected;
      const sub = collect(ws.client, CASE_ACTIVITY, { caseId: id, after: await headOf(a) });
      const upd = await gql(
        a,
        'mutation($input: UpdateCaseInput!) { updateCase(input: $input) { version } }',
        { input: { id, version, notes: 'từ A' } },
        token,
      );
      expect(upd.errors).toBeUndefined();
      const updates = () => sub.events.filter((e) => e.caseActivity.type === 'case.updated');
      await eventually(() => updates().length === 1, 'the update on instance B', 5_000);
      await ws.dispose();
    } finally {
      await a.close();
      await b.close();
    }
  });
});
