import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type App } from '../../server/src/app';
import { loadConfig, type AppConfig } from '../../server/src/config';
import { openOrm } from '../../server/src/db/orm';
import { formatGraphQLError } from '../../server/src/graphql/format-error';
import { createLogger } from '../../server/src/logger';
import { CaseParty } from '../../server/src/modules/cases/case.entity';
import { computeEventHash, GENESIS_HASH, toPgTextArray, verifyAuditChain } from '../../server/src/events/event-log';
import { runRetentionCleanup } from '../../server/src/modules/system/retention';
import { AgencyKind, makeAgency, makeProvince, makeSharedCase, makeUser, Role, signIn, TEST_PASSWORD } from '../support/factories';
import { createTestDatabase, eventually, gql, openOwnerOrm, ownerUrlOf, TEST_AUTH_SECRET } from '../support/harness';
import { collect, connectWs } from '../support/ws';
import { syntheticEvent } from '../support/synthetic-event';

/** A logger whose JSON lines are kept in memory, so a test can read exactly what would be written. */
function capturingLogger(level = 'info') {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const logger = createLogger(level, {}, { pretty: false, destination });
  return { logger, lines, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

async function startApp(databaseUrl: string, overrides: Partial<AppConfig>, logger = capturingLogger()) {
  const config = loadConfig(
    {
      DATABASE_URL: databaseUrl,
      DATABASE_MIGRATION_URL: ownerUrlOf(databaseUrl),
      PORT: 0,
      HOST: '127.0.0.1',
      SEED_DEMO: false,
      SERVE_CLIENT: false,
      AUTH_SECRET: TEST_AUTH_SECRET,
      EVENT_POLL_MS: 200,
      ...overrides,
    },
    {},
  );
  return { app: await build(config, { logger: logger.logger }), log: logger };
}

const CCCD = '079188001234';
const PHONE = '0912345678';

let databaseUrl: string;
let app: App;
let log: ReturnType<typeof capturingLogger>;
let username: string;
let communeId: string;

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  ({ app, log } = await startApp(databaseUrl, { METRICS_TOKEN: 'metrics-token-0123456789', NODE_ENV: 'production' }));
  const areas = await makeProvince(app.orm);
  communeId = areas.communeA.id;
  const office = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [areas.communeA]);
  username = (await makeUser(app.orm, office, [Role.ENFORCEMENT_OFFICER], { phone: PHONE })).username;
});
afterAll(async () => {
  await app?.close();
});

describe('logs', () => {
  it('writes one concise line per GraphQL operation: name, user, agency, duration, result code — no password, token or headers', async () => {
    const before = log.lines.length;
    const { accessToken } = await signIn(app, username);
    const me = await gql(app, 'query Me { me { id agency { id } } }', {}, accessToken);
    expect(me.errors).toBeUndefined();
    const denied = await gql(app, 'query Users { users(first: 5) { totalCount } }', {}, 'not-a-token');
    expect(denied.errors?.[0]?.extensions?.code).toBeDefined();

    const lines = log.lines.slice(before);
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const ops = records.filter((r) => typeof r.operation === 'string');
    expect(ops.map((r) => [r.operation, r.type])).toEqual([
      ['signIn', 'mutation'],
      ['Me', 'query'],
      ['Users', 'query'],
    ]);
    const meLine = ops[1];
    expect(meLine.userId).toBe((me.data as any).me.id);
    expect(meLine.agencyId).toBe((me.data as any).me.agency.id);
    expect(meLine.code).toBe('OK');
    expect(typeof meLine.ms).toBe('number');
    expect(ops[2].code).toBe(denied.errors![0].extensions!.code);
    // Nothing but the operation lines for these three requests (no access log with headers).
    expect(records).toHaveLength(3);
    const text = lines.join('\n');
    for (const secret of [TEST_PASSWORD, accessToken, 'authorization', 'not-a-token', 'user-agent']) expect(text).not.toContain(secret);
  });

  it('redacts the CCCD from a failed insert, in the error log and the debug query log', async () => {
    const debugLog = capturingLogger('debug');
    // An ORM logging every query at debug level, as an operator chasing a problem would run it.
    const orm = await openOrm(databaseUrl, debugLog.logger, { debug: ['query', 'query-params'] });
    const em = orm.em.fork();
    const failure = await em
      .insert(CaseParty, {
        id: randomUUID(),
        case: randomUUID(),
        role: 'DEBTOR',
        kind: 'PERSON',
        name: 'Trần Thị Thử',
        idNumber: CCCD,
        phone: PHONE,
      } as never)
      .then(
        () => null,
        (err: unknown) => err as Error,
      );
    expect(failure).toBeInstanceOf(Error);
    // The unredacted error does quote the statement's values: this is what must not reach the log.
    expect(`${failure!.message} ${(failure as { detail?: string }).detail ?? ''}`).toContain(CCCD);

    debugLog.logger.error({ err: failure }, 'insert failed');
    formatGraphQLError(
      { message: failure!.message },
      new GraphQLError(failure!.message, { originalError: failure! }),
      debugLog.logger,
      'req-1',
    );
    await orm.close(true);
    const text = debugLog.lines.join('\n');
    expect(debugLog.records().filter((r) => r.orm).length).toBeGreaterThan(0); // the query log did run
    expect(debugLog.records().filter((r) => r.err).length).toBe(2);
    expect(text).toContain('case_party'); // still says which statement failed
    expect(text).not.toContain(CCCD);
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain('Trần Thị Thử');
  });
});

describe('/metrics', () => {
  const token = 'metrics-token-0123456789';
  const scrape = async (a: App = app, auth = `Bearer ${token}`) => {
    const res = await fetch(`${a.url}/metrics`, { headers: auth ? { authorization: auth } : {} });
    return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
  };
  /** The value of one sample line, e.g. metric('x_total{code="OK"}'). */
  const sample = (text: string, series: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line ? Number(line.slice(series.length + 1)) : undefined;
  };

  it('refuses a scrape without the token in production', async () => {
    expect((await scrape(app, '')).status).toBe(401);
    expect((await scrape(app, 'Bearer wrong-token-0123456789')).status).toBe(401);
  });

  it('serves operations, errors, sockets, subscriptions, events, delivery lag, pool, bus and event-loop lag', async () => {
    const { accessToken } = await signIn(app, username);
    await gql(app, 'query MetricsMe { me { id } }', {}, accessToken);
    await gql(app, 'query MetricsMe { me { id } }', {}, 'bad');

    const c = await makeSharedCase(app, accessToken, communeId);
    const ws = connectWs(app, accessToken);
    await ws.connected;
    const feed = collect(ws.client, 'subscription($caseId: ID!) { caseActivity(caseId: $caseId) { cursor type } }', { caseId: c.id });
    await eventually(async () => sample((await scrape()).text, 'phoihop_live_subscriptions') === 1, 'the subscription counted');
    const change = await gql(
      app,
      'mutation($input: UpdateCaseInput!) { updateCase(input: $input) { version } }',
      { input: { id: c.id, version: c.version, notes: 'đo lường' } },
      accessToken,
    );
    expect(change.errors).toBeUndefined();
    await eventually(() => feed.events.length > 0, 'the update delivered live');

    const { status, type, text } = await scrape();
    expect(status).toBe(200);
    expect(type).toContain('text/plain');
    expect(sample(text, 'phoihop_graphql_operations_total{operation="MetricsMe",type="query",code="OK"}')).toBe(1);
    expect(
      sample(text, 'phoihop_graphql_operations_total{operation="MetricsMe",type="query",code="UNAUTHENTICATED"}') ??
        sample(text, 'phoihop_graphql_operations_total{operation="MetricsMe",type="query",code="FORBIDDEN"}'),
    ).toBe(1);
    expect(text).toMatch(/phoihop_graphql_errors_total\{code="(UNAUTHENTICATED|FORBIDDEN)"\} \d/);
    expect(text).toMatch(/phoihop_graphql_operation_duration_seconds_bucket\{le="0\.5",operation="MetricsMe",type="query"\} 2/);
    expect(sample(text, 'phoihop_websocket_connections')).toBe(1);
    expect(sample(text, 'phoihop_bus_connected{kind="in-process"}')).toBe(1);
    expect(sample(text, 'phoihop_db_pool_connections{state="used"}')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'phoihop_event_watermark_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    expect(sample(text, 'phoihop_events_appended_total')).toBeGreaterThanOrEqual(2); // the case opened and updated
    expect(sample(text, 'phoihop_events_delivered_total{phase="live"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'phoihop_event_delivery_lag_seconds_count')).toBeGreaterThanOrEqual(1);
    await ws.dispose();
    await eventually(async () => sample((await scrape()).text, 'phoihop_live_subscriptions') === 0, 'the subscription released');
  });

  it('is not served on the main port in production without a token, and is served on METRICS_PORT when set', async () => {
    const silent = capturingLogger('warn');
    const { app: closed } = await startApp(databaseUrl, { NODE_ENV: 'production' }, silent);
    try {
      expect((await fetch(`${closed.url}/metrics`)).status).toBe(404);
      expect(closed.metricsUrl).toBeUndefined();
      expect(silent.lines.join('\n')).toContain('METRICS_TOKEN or METRICS_PORT');
    } finally {
      await closed.close();
    }
    const { app: separate } = await startApp(databaseUrl, { NODE_ENV: 'production', METRICS_PORT: 0 });
    try {
      expect((await fetch(`${separate.url}/metrics`)).status).toBe(404);
      const res = await fetch(separate.metricsUrl!);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('phoihop_websocket_connections 0');
    } finally {
      await separate.close();
    }
  });
});

describe('retention', () => {
  it('deletes expired idempotency keys and sign-in throttle rows, and keeps live ones', async () => {
    const conn = app.orm.em.fork().getConnection();
    const userId = randomUUID();
    const old = new Date(Date.now() - 100 * 3_600_000);
    await conn.execute(
      `insert into idempotency_key (id, user_id, key, operation, result_id, created_at) values (?, ?, 'old-key', 'createCase', ?, ?), (?, ?, 'new-key', 'createCase', ?, now())`,
      [randomUUID(), userId, randomUUID(), old, randomUUID(), userId, randomUUID()],
    );
    await conn.execute(`insert into signin_throttle (key, points, expire) values ('account:gone', 3, ?), ('account:live', 2, ?)`, [
      Date.now() - 1000,
      Date.now() + 600_000,
    ]);

    const report = await runRetentionCleanup(app.orm.em.fork(), { idempotencyKeyTtlHours: 72 });
    expect(report.idempotencyKeys).toBeGreaterThanOrEqual(1);
    expect(report.signinThrottle).toBeGreaterThanOrEqual(1);
    const keys = await conn.execute<{ key: string }[]>(`select key from idempotency_key where user_id = ?`, [userId]);
    expect(keys.map((k) => k.key)).toEqual(['new-key']);
    const throttled = await conn.execute<{ key: string }[]>(
      `select key from signin_throttle where key in ('account:gone', 'account:live')`,
    );
    expect(throttled.map((k) => k.key)).toEqual(['account:live']);
    // A second run (e.g. another instance) finds nothing more.
    expect(await runRetentionCleanup(app.orm.em.fork(), { idempotencyKeyTtlHours: 72 })).toEqual({
      idempotencyKeys: 0,
      signinThrottle: 0,
      events: 0,
    });
  });

  it('answers RESYNC_REQUIRED to a client whose cursor is older than the replay retention', async () => {
    const { accessToken } = await signIn(app, username);
    // An event written 40 days ago (the log is insert-only, so the old row is inserted as it was then).
    const [old] = await app.orm.em
      .fork()
      .getConnection()
      .execute<{ c: string }[]>(
        `insert into event (stream, stream_seq, type, actor_id, topics, payload, occurred_at, prev_hash, hash)
       values ('retention-test', 1, 'test.old', null, '{}', '{}', now() - interval '40 days', repeat('0', 64), repeat('1', 64))
       returning tx_id::text || '.' || id::text as c`,
      );
    const recent = (
      await app.orm.em
        .fork()
        .getConnection()
        .execute<{ c: string }[]>(
          `select tx_id::text || '.' || id::text as c from event where occurred_at > now() - interval '1 day' order by tx_id, id limit 1`,
        )
    )[0].c;
    const ws = connectWs(app, accessToken);
    await ws.connected;
    const stale = collect(ws.client, 'subscription($after: String) { myFeed(after: $after) { cursor } }', { after: old.c });
    await eventually(() => stale.errors.length > 0, 'the resync signal');
    expect(stale.errors[0].extensions?.code).toBe('RESYNC_REQUIRED');
    expect(stale.errors[0].message).toMatch(/tải lại/);
    // A cursor inside the retention resumes normally (no error).
    const fresh = collect(ws.client, 'subscription($after: String) { myFeed(after: $after) { cursor } }', { after: recent });
    await new Promise((r) => setTimeout(r, 300));
    expect(fresh.errors).toEqual([]);
    await ws.dispose();
  });

  it('with EVENT_LOG_RETENTION_DAYS, deletes old events as a stream prefix, keeps the chain verifiable, and resyncs cursors into the deleted part', async () => {
    const conn = app.orm.em.fork().getConnection();
    const stream = `retention:${randomUUID()}`;
    // Three events written 50 days ago, hash-chained exactly as appendEvent chains them.
    let prevHash = GENESIS_HASH;
    const oldCursors: string[] = [];
    for (let seq = 1n; seq <= 3n; seq++) {
      const event = {
        type: 'test.old',
        stream,
        actorId: null,
        topics: [stream],
        payload: { n: Number(seq) },
        streamSeq: seq,
        occurredAt: new Date(Date.now() - 50 * 86_400_000 + Number(seq)),
      };
      const hash = computeEventHash(prevHash, event);
      const [row] = await conn.execute<{ c: string }[]>(
        `insert into event (stream, stream_seq, type, actor_id, topics, payload, occurred_at, prev_hash, hash) values (?, ?, ?, null, ?::text[], ?::jsonb, ?, ?, ?)
         returning tx_id::text || '.' || id::text as c`,
        [stream, seq.toString(), event.type, toPgTextArray(event.topics), JSON.stringify(event.payload), event.occurredAt, prevHash, hash],
      );
      oldCursors.push(row.c);
      prevHash = hash;
    }
    await conn.execute(`insert into event_stream (stream, last_seq, last_hash) values (?, 3, ?)`, [stream, prevHash]);
    // …and one written now, through the outbox, continuing the same chain.
    await app.services.outbox.transaction(app.orm.em.fork(), (tx) =>
      tx.emit(syntheticEvent({ type: 'test.recent', stream, actorId: null, topics: [stream], payload: { n: 4 } })),
    );

    const report = await runRetentionCleanup(app.orm.em.fork(), { idempotencyKeyTtlHours: 72, eventLogRetentionDays: 30 });
    expect(report.events).toBeGreaterThanOrEqual(3);
    const kept = await conn.execute<{ stream_seq: string }[]>(`select stream_seq::text from event where stream = ? order by stream_seq`, [
      stream,
    ]);
    expect(kept.map((r) => r.stream_seq)).toEqual(['4']);
    const [head] = await conn.execute<{ pruned_seq: string; pruned_hash: string }[]>(
      `select pruned_seq::text, pruned_hash from event_stream where stream = ?`,
      [stream],
    );
    expect(head).toEqual({ pruned_seq: '3', pruned_hash: prevHash });
    const audit = await verifyAuditChain(app.orm.em.fork());
    expect(audit.problems).toEqual([]);
    expect(audit.ok).toBe(true);
    // Outside the retention job the log stays append-only: the app role may not delete at all, and even
    // its owner is stopped by the trigger (only prune_events_before passes it).
    await expect(conn.execute(`delete from event where stream = ?`, [stream])).rejects.toThrow(/permission denied/);
    const owner = await openOwnerOrm(app.orm.config.get('clientUrl')!);
    try {
      await expect(owner.em.fork().getConnection().execute(`delete from event where stream = ?`, [stream])).rejects.toThrow(/append-only/);
    } finally {
      await owner.close(true);
    }
    // The default keeps everything.
    expect((await runRetentionCleanup(app.orm.em.fork(), { idempotencyKeyTtlHours: 72 })).events).toBe(0);

    const { accessToken } = await signIn(app, username);
    const ws = connectWs(app, accessToken);
    await ws.connected;
    const stale = collect(ws.client, 'subscription($after: String) { myFeed(after: $after) { cursor } }', { after: oldCursors[1] });
    await eventually(() => stale.errors.length > 0, 'the resync signal for a deleted cursor');
    expect(stale.errors[0].extensions?.code).toBe('RESYNC_REQUIRED');
    await ws.dispose();
  });
});
