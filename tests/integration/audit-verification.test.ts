import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { App } from '../../server/src/app';
import { openOrm } from '../../server/src/db/orm';
import { checkpointKey, writeCheckpoints } from '../../server/src/events/checkpoints';
import { appendEvent, verifyAuditChain } from '../../server/src/events/event-log';
import { AgencyKind, makeAgency, makeProvince, makeUser, Role, signIn } from '../support/factories';
import {
  createTestDatabase,
  eventually,
  gql,
  openOwnerOrm,
  openTestOrm,
  ownerUrlOf,
  startTestApp,
  TEST_AUTH_SECRET,
} from '../support/harness';
import { syntheticEvent } from '../support/synthetic-event';

/**
 * The signed checkpoints and the verifier under concurrency (docs/SECURITY.md, "Verifying the event
 * log"), and the background verification through the API. A draft of this suite once saw
 * CHECKPOINT_INVALID on an untouched log; the cause was the scan's ORDER BY sorting ids as text (it
 * needs ten checkpoints to show), plus reads outside one snapshot while writers commit.
 */

const key = checkpointKey(TEST_AUTH_SECRET);

/** Appends `count` synthetic events spread over `streams` streams, `perTx` per transaction. */
async function appendMany(orm: MikroORM, prefix: string, count: number, streams: number, perTx = 100): Promise<void> {
  for (let start = 0; start < count; start += perTx) {
    await orm.em.fork().transactional(async (em) => {
      for (let i = start; i < Math.min(count, start + perTx); i++) {
        const stream = `case:${prefix}-${i % streams}`;
        await appendEvent(em, syntheticEvent({ type: 'test.audit', stream, topics: [stream], payload: { i } }));
      }
    });
  }
}

const describeProblems = (report: { problems: Array<{ stream: string; streamSeq: string | null; kind: string; detail: string }> }) =>
  report.problems.map((p) => `${p.stream}#${p.streamSeq}:${p.kind} (${p.detail})`);

describe('checkpoint chain and verifier under concurrency', () => {
  let orm: MikroORM;
  let other: MikroORM;
  beforeAll(async () => {
    orm = await openTestOrm();
    // A second pool on the same database: what a second instance would be.
    other = await openOrm(orm.config.get('clientUrl')!);
  });
  afterAll(async () => {
    await other?.close(true);
    await orm?.close(true);
  });

  it('verifies a log with more than ten checkpoint rows (the chain of macs is read in id order, not text order)', async () => {
    await appendMany(orm, 'many', 24, 12, 24);
    expect(await writeCheckpoints(orm.em.fork(), key)).toBe(12);
    const report = await verifyAuditChain(orm.em.fork(), { checkpointKey: key });
    expect(describeProblems(report)).toEqual([]);
    expect(report).toMatchObject({ ok: true, checkpointsChecked: 12 });
  });

  it('two concurrent checkpoint writers, appenders and a verifier running alongside: one linear chain and no false alarm', async () => {
    const before = Number((await orm.em.fork().execute<{ n: string }[]>('select count(*)::text as n from audit_checkpoint'))[0].n);
    let stop = false;
    const signed = [0, 0];
    const writer = async (o: MikroORM, n: number) => {
      while (!stop) signed[n] += await writeCheckpoints(o.em.fork(), key);
    };
    const appender = async (w: number) => {
      for (let i = 0; i < 150; i++) {
        await orm.em.fork().transactional(async (em) => {
          // New streams keep appearing (the verifier must not see one without its head) and old ones move.
          for (const stream of [`case:race-${(i * 7 + w) % 40}`, `case:race-new-${w}-${i}`]) {
            await appendEvent(em, syntheticEvent({ type: 'test.race', stream, topics: [stream], payload: { i, w } }));
          }
        });
      }
    };
    const verdicts: string[][] = [];
    const verifier = async () => {
      while (!stop) verdicts.push(describeProblems(await verifyAuditChain(other.em.fork(), { checkpointKey: key, batchSize: 100 })));
    };
    const background = [writer(orm, 0), writer(other, 1), verifier()];
    await Promise.all([appender(0), appender(1), appender(2)]);
    stop = true;
    await Promise.all(background);

    // Both writers got turns (the race was real), and each row's prev_mac is the previous row's mac.
    expect(signed[0]).toBeGreaterThan(0);
    expect(signed[1]).toBeGreaterThan(0);
    const forks = await orm.em.fork().execute<{ id: string }[]>(
      `select c.id::text as id from audit_checkpoint c
         left join lateral (select p.mac from audit_checkpoint p where p.id < c.id order by p.id desc limit 1) prev on true
        where c.id > ?::bigint and c.prev_mac is distinct from coalesce(prev.mac, repeat('0', 64))`,
      [before],
    );
    expect(forks).toEqual([]);
    // Every verification that ran during the writes saw a consistent log: no problem at all.
    expect(verdicts.length).toBeGreaterThan(0);
    expect(verdicts.filter((v) => v.length > 0)).toEqual([]);
    await writeCheckpoints(orm.em.fork(), key);
    const final = await verifyAuditChain(orm.em.fork(), { checkpointKey: key });
    expect(describeProblems(final)).toEqual([]);
    expect(final.ok).toBe(true);
  }, 120_000);
});

const START = 'mutation { startAuditVerification { id status eventsChecked eventsTotal } }';
const POLL = `query($id: ID!) { auditVerification(id: $id) {
  id status eventsChecked eventsTotal streamsChecked finishedAt failure
  report { ok eventsChecked streamsChecked checkpointsChecked problems { stream streamSeq kind detail } } } }`;

interface Verification {
  id: string;
  status: string;
  eventsChecked: number;
  eventsTotal: number;
  streamsChecked: number;
  finishedAt: string | null;
  failure?: string | null;
  report: {
    ok: boolean;
    eventsChecked: number;
    streamsChecked: number;
    checkpointsChecked: number;
    problems: Array<{ stream: string; streamSeq: string | null; kind: string }>;
  } | null;
}

describe('background verification through the API', () => {
  let app: App;
  let databaseUrl: string;
  let adminToken: string;
  let officerToken: string;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    // The checkpoint job runs every second during the suite, as it did when the draft saw CHECKPOINT_INVALID.
    app = await startTestApp(databaseUrl, { AUDIT_CHECKPOINT_INTERVAL_MS: 1000, AUDIT_VERIFY_BATCH_SIZE: 250 });
    const areas = await makeProvince(app.orm);
    const office = await makeAgency(app.orm, AgencyKind.ENFORCEMENT_OFFICE, [areas.communeA]);
    adminToken = (await signIn(app, (await makeUser(app.orm, office, [Role.SYSTEM_ADMIN])).username)).accessToken;
    officerToken = (await signIn(app, (await makeUser(app.orm, office, [Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD])).username))
      .accessToken;
  });
  afterAll(async () => {
    await app?.close();
  });

  const eventCount = async (em: EntityManager) => Number((await em.execute<{ n: string }[]>('select count(*)::text as n from event'))[0].n);

  /** Starts a verification as the admin and polls it to the end (on `pollOn`); returns every state seen. */
  async function runVerification(pollOn: App = app): Promise<Verification[]> {
    const started = await gql<{ startAuditVerification: Verification }>(app, START, {}, adminToken);
    expect(started.errors).toBeUndefined();
    const id = started.data!.startAuditVerification.id;
    const seen: Verification[] = [started.data!.startAuditVerification];
    await eventually(
      async () => {
        const res = await gql<{ auditVerification: Verification }>(pollOn, POLL, { id }, adminToken);
        expect(res.errors).toBeUndefined();
        seen.push(res.data!.auditVerification);
        return res.data!.auditVerification.status !== 'RUNNING';
      },
      'the background verification to finish',
      60_000,
    );
    return seen;
  }

  it('an administrator starts it and polls progress to an ok report on an untouched log of ~3,000 events', async () => {
    await appendMany(app.orm, 'bg', 3000, 60);
    // Checkpoints written by the test while the app's own job signs too (both writers of the chain).
    await writeCheckpoints(app.orm.em.fork(), key);
    await appendMany(app.orm, 'bg', 60, 60);
    const total = await eventCount(app.orm.em.fork());
    expect(total).toBeGreaterThanOrEqual(3060);

    const seen = await runVerification();
    const last = seen.at(-1)!;
    expect(last.status).toBe('DONE');
    expect(last.finishedAt).not.toBeNull();
    expect(last.report!.problems).toEqual([]);
    expect(last.report).toMatchObject({ ok: true, eventsChecked: total });
    expect(last.report!.streamsChecked).toBeGreaterThanOrEqual(60);
    expect(last.report!.checkpointsChecked).toBeGreaterThanOrEqual(60);
    expect(last).toMatchObject({ eventsChecked: total, eventsTotal: total });
    // Progress only moves forward.
    const checked = seen.map((v) => v.eventsChecked);
    expect(checked).toEqual([...checked].sort((a, b) => a - b));
    // Appending 3,000 events one by one: ~13 s idle, past 30 s once on a host shared by several sessions.
  }, 120_000);

  // Before the tampering test below: the log is still intact here, so the verdict must be ok.
  it('is polled on another instance (the run is a row, not one process memory)', async () => {
    const second = await startTestApp(databaseUrl);
    try {
      const seen = await runVerification(second);
      const last = seen.at(-1)!;
      expect(last).toMatchObject({ status: 'DONE', failure: null });
      expect(last.report!.ok).toBe(true);
      expect(last.eventsChecked).toBe(await eventCount(app.orm.em.fork()));
    } finally {
      await second.close();
    }
  });

  it('reports the coded problem of a log tampered with as the owner with triggers bypassed', async () => {
    await writeCheckpoints(app.orm.em.fork(), key); // case:bg-7 is signed at its current head
    const owner = await openOwnerOrm(databaseUrl);
    try {
      const conn = owner.em.fork().getConnection();
      const [head] = await conn.execute<{ last_seq: string }[]>(`select last_seq::text from event_stream where stream = 'case:bg-7'`);
      const keep = Number(head.last_seq) - 2;
      await conn.execute('set session_replication_role = replica');
      // The tail of case:bg-7 removed and its head moved back: the chain alone stays self-consistent.
      await conn.execute(`delete from event where stream = 'case:bg-7' and stream_seq > ?`, [keep]);
      await conn.execute(
        `update event_stream h set last_seq = e.stream_seq, last_hash = e.hash from event e
          where h.stream = 'case:bg-7' and e.stream = h.stream and e.stream_seq = ?`,
        [keep],
      );
      await conn.execute('set session_replication_role = origin');
    } finally {
      await owner.close(true);
    }
    const last = (await runVerification()).at(-1)!;
    expect(last.status).toBe('DONE');
    expect(last.report!.ok).toBe(false);
    expect(last.report!.problems.map((p) => `${p.stream}:${p.kind}`)).toEqual(['case:bg-7:STREAM_TRUNCATED']);
  });

  it('returns the run another instance holds, and reports a run whose instance died as FAILED', async () => {
    const owner = new Client({ connectionString: ownerUrlOf(databaseUrl) });
    await owner.connect();
    const rows = async () => Number((await owner.query('select count(*)::int as n from audit_verification_job')).rows[0].n);
    const stateOf = async (id: string) => (await owner.query('select state from audit_verification_job where id = $1', [id])).rows[0].state;
    const insertRunning = (id: string) =>
      owner.query(
        `insert into audit_verification_job (id, started_by_id, started_at)
         select $1, started_by_id, now() from audit_verification_job limit 1`,
        [id],
      );
    const orphan = '00000000-0000-4000-8000-0000000000a1';
    const held = '00000000-0000-4000-8000-0000000000a2';
    try {
      // A run left RUNNING by an instance that is gone: nobody holds the run lock.
      await insertRunning(orphan);
      const polled = await gql<{ auditVerification: Verification }>(app, POLL, { id: orphan }, adminToken);
      expect(polled.errors).toBeUndefined();
      expect(polled.data!.auditVerification).toMatchObject({ status: 'FAILED', report: null });
      expect(polled.data!.auditVerification.failure).toMatch(/đã dừng trước khi kiểm tra xong/);
      expect(polled.data!.auditVerification.finishedAt).not.toBeNull();

      // "Another instance" runs one: this session holds the run lock. Starting returns that run, starts none.
      await insertRunning(held);
      await owner.query(`select pg_advisory_lock(hashtext('phoihop:audit-verification'))`);
      const before = await rows();
      const started = await gql<{ startAuditVerification: Verification }>(app, START, {}, adminToken);
      expect(started.errors).toBeUndefined();
      expect(started.data!.startAuditVerification).toMatchObject({ id: held, status: 'RUNNING' });
      expect(await rows()).toBe(before);
      const whileHeld = await gql<{ auditVerification: Verification }>(app, POLL, { id: held }, adminToken);
      expect(whileHeld.data!.auditVerification.status).toBe('RUNNING');

      // Its holder is gone: the next start runs, and the abandoned run is FAILED.
      await owner.query(`select pg_advisory_unlock(hashtext('phoihop:audit-verification'))`);
      expect((await runVerification()).at(-1)!.status).toBe('DONE');
      expect(await stateOf(held)).toBe('FAILED');
    } finally {
      await owner.end();
    }
  });

  it('is refused to a non-administrator (FORBIDDEN from the policy), both starting and polling', async () => {
    const started = await gql(app, START, {}, officerToken);
    expect(started.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(started.data ?? null).toBeNull();
    const adminRun = await gql<{ startAuditVerification: Verification }>(app, START, {}, adminToken);
    const polled = await gql(app, POLL, { id: adminRun.data!.startAuditVerification.id }, officerToken);
    expect(polled.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const sync = await gql(app, '{ verifyAuditChain { ok } }', {}, officerToken);
    expect(sync.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await app.services.audit.drain();
  });
});
