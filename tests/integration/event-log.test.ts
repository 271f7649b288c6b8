import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { openOrm } from '../../server/src/db/orm';
import { compareCursors, parseCursor, START_CURSOR, type Cursor } from '../../server/src/events/cursor';
import { checkpointKey, writeCheckpoints } from '../../server/src/events/checkpoints';
import {
  appendEvent,
  computeEventHash,
  cursorOf,
  findEventAt,
  headCursor,
  readEventsAfter,
  verifyAuditChain,
} from '../../server/src/events/event-log';
import { EventSequencer, SEQUENCER_LOCK } from '../../server/src/events/sequencer';
import { applyAppRoleGrants, roleOf } from '../../server/src/db/roles';
import { openOwnerOrm, openTestOrm, ownerUrlOf } from '../support/harness';
import { syntheticEvent } from '../support/synthetic-event';

let orm: MikroORM;
beforeAll(async () => {
  orm = await openTestOrm();
});
afterAll(async () => {
  await orm?.close(true);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function appendInTx(stream: string, type: string, payload: Record<string, unknown> = {}, holdMs = 0) {
  await orm.em.fork().transactional(async (em) => {
    await appendEvent(em, syntheticEvent({ type, stream, topics: [stream], payload }));
    if (holdMs) await sleep(holdMs);
  });
}

/** Numbers what committed, then reads after `cursor` (what a dispatcher pass does). */
async function passAndRead(cursor: Cursor, options: { limit: number; topics?: string[] }, sequencer = new EventSequencer(orm)) {
  await sequencer.pass();
  return readEventsAfter(orm.em.fork(), cursor, options);
}

describe('event log cursor (sequencer positions)', () => {
  it('a reader polling after its cursor never misses an event while 8 writers commit out of order and two sequencers race', async () => {
    const WRITERS = 8;
    const PER_WRITER = 40;
    let writersDone = false;
    const seen: string[] = [];
    let cursor: Cursor = await headCursor(orm.em.fork());
    let outOfOrderCommits = 0;
    // Two sequencers on separate ORMs, as two instances would run them, passing concurrently.
    const otherOrm = await openOrm(orm.config.get('clientUrl')!);
    const sequencers = [new EventSequencer(orm), new EventSequencer(otherOrm)];
    let stopRacing = false;
    const racer = (async () => {
      while (!stopRacing) await sequencers[1].pass();
    })();

    const reader = (async () => {
      const em = orm.em.fork();
      for (;;) {
        const finished = writersDone;
        await sequencers[0].pass();
        const batch = await readEventsAfter(em, cursor, { limit: 50 });
        for (const e of batch) {
          expect(compareCursors(cursorOf(e), cursor)).toBeGreaterThan(0);
          // Positions are gap-free: each one follows the previous.
          expect(e.position).toBe(cursor + 1n);
          cursor = cursorOf(e);
          if ((e.type as string) === 'test.written') seen.push(e.id.toString());
        }
        if (finished && batch.length === 0) return;
        if (batch.length === 0) await sleep(2);
      }
    })();

    // Each transaction takes its xid, then holds for a random time before COMMIT, so later xids
    // routinely commit first — exactly what loses events with a plain "id > last" reader.
    const lastCommittedId = { value: 0n };
    await Promise.all(
      Array.from({ length: WRITERS }, (_, w) =>
        (async () => {
          for (let i = 0; i < PER_WRITER; i++) {
            let myId = 0n;
            await orm.em.fork().transactional(async (em) => {
              await appendEvent(
                em,
                syntheticEvent({
                  type: 'test.written',
                  stream: `case:writer-${w}`,
                  actorId: null,
                  topics: [`case:writer-${w}`],
                  payload: { w, i },
                }),
              );
              const [row] = await em.execute<{ id: string }[]>('select max(id)::text as id from event where stream = ?', [
                `case:writer-${w}`,
              ]);
              myId = BigInt(row.id);
              await sleep(Math.floor(Math.random() * 6));
            });
            if (myId < lastCommittedId.value) outOfOrderCommits++;
            if (myId > lastCommittedId.value) lastCommittedId.value = myId;
          }
        })(),
      ),
    );
    writersDone = true;
    await reader;
    stopRacing = true;
    await racer;
    await otherOrm.close(true);

    const all = await orm.em
      .fork()
      .getConnection()
      .execute<{ id: string }[]>(`select id::text from event where type = 'test.written' order by id`);
    expect(all).toHaveLength(WRITERS * PER_WRITER);
    expect(new Set(seen).size).toBe(seen.length); // no duplicates
    expect([...seen].sort()).toEqual(all.map((r) => r.id).sort()); // nothing missed
    // The scenario must really have produced commits out of id order, or it proves nothing.
    expect(outOfOrderCommits).toBeGreaterThan(0);
  }, 60_000);

  it('an open transaction delays only its own events: they arrive after it commits, after later ones', async () => {
    const start = await headCursor(orm.em.fork());
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const slow = orm.em.fork().transactional(async (em) => {
      await appendEvent(em, syntheticEvent({ type: 'test.slow', stream: 'case:slow', topics: ['case:slow'], payload: {} }));
      await held;
    });
    await sleep(50);
    await appendInTx('case:fast', 'test.fast');
    const mine = (events: { type: string }[]) => events.map((e) => e.type).filter((t) => t === 'test.slow' || t === 'test.fast');
    // The fast one committed: readable at once, though an older transaction is still open.
    expect(mine(await passAndRead(start, { limit: 1000 }))).toEqual(['test.fast']);
    release();
    await slow;
    // The slow one is numbered after it committed, i.e. after the fast one.
    expect(mine(await passAndRead(start, { limit: 1000 }))).toEqual(['test.fast', 'test.slow']);
  });

  it('a transaction holding an xid in another database of the cluster delays nothing here', async () => {
    const url = new URL(orm.config.get('clientUrl')!);
    url.pathname = '/postgres';
    const other = new Client({ connectionString: url.toString() });
    await other.connect();
    try {
      await other.query('begin');
      await other.query('select pg_current_xact_id()'); // holds an xid: the old watermark stopped here
      const start = await headCursor(orm.em.fork());
      await appendInTx('case:elsewhere', 'test.despiteOtherDb');
      const got = await passAndRead(start, { limit: 1000, topics: ['case:elsewhere'] });
      expect(got.map((e) => e.type)).toEqual(['test.despiteOtherDb']);
    } finally {
      await other.query('rollback').catch(() => undefined);
      await other.end();
    }
  });

  it('a pass with nothing to number takes no lock; one with new events waits for the pass in progress, then numbers them', async () => {
    const sequencer = new EventSequencer(orm);
    await sequencer.pass();
    // Another instance's pass in progress: the sequencer's advisory lock held in a session of its own.
    const holder = new Client({ connectionString: orm.config.get('clientUrl')! });
    await holder.connect();
    try {
      await holder.query('select pg_advisory_lock($1::bigint)', [SEQUENCER_LOCK.toString()]);
      const idle = await sequencer.pass();
      expect(idle.assigned).toBe(0);
      expect(idle.head).toBe(await headCursor(orm.em.fork()));
      await appendInTx('case:seq-lock', 'test.waitsForLock');
      let settled = false;
      const waiting = sequencer.pass().finally(() => (settled = true));
      await sleep(300);
      expect(settled).toBe(false);
      await holder.query('select pg_advisory_unlock($1::bigint)', [SEQUENCER_LOCK.toString()]);
      const numbered = await waiting;
      expect(numbered.assigned).toBe(1);
      expect(numbered.head).toBe(idle.head + 1n);
    } finally {
      await holder.end();
    }
  });

  it('filters by topic', async () => {
    const start = await headCursor(orm.em.fork());
    await appendInTx('case:topic-a', 'test.a');
    await appendInTx('case:topic-b', 'test.b');
    const onlyB = await passAndRead(start, { limit: 10, topics: ['case:topic-b'] });
    expect(onlyB.map((e) => e.type)).toEqual(['test.b']);
  });

  it('numbers an existing log on the first pass in the old (txId, id) order, so legacy cursors resolve exactly', async () => {
    const local = await openTestOrm();
    try {
      for (const n of [1, 2, 3]) {
        await local.em.fork().transactional((em) =>
          appendEvent(
            em as never,
            syntheticEvent({
              type: 'test.legacy',
              stream: `case:legacy-${n}`,
              actorId: null,
              topics: ['case:legacy'],
              payload: { n },
            }),
          ),
        );
      }
      // No pass has run on this database yet (no dispatcher): the first one numbers everything.
      const first = await new EventSequencer(local).pass();
      expect(first.assigned).toBeGreaterThanOrEqual(3);
      const rows = await local.em
        .fork()
        .getConnection()
        .execute<{ tx: string; id: string; position: string }[]>(
          'select e.tx_id::text as tx, e.id::text as id, p.position::text as position from event e join event_position p on p.event_id = e.id order by e.tx_id, e.id',
        );
      expect(rows.map((r) => Number(r.position))).toEqual(rows.map((_, i) => i + 1));
      const legacy = parseCursor(`${rows[0].tx}.${rows[0].id}`);
      expect((await findEventAt(local.em.fork(), legacy))?.position).toBe(1n);
      expect(await findEventAt(local.em.fork(), parseCursor('999999.999999'))).toBeNull();
      expect((await new EventSequencer(local).pass()).assigned).toBe(0);
    } finally {
      await local.close(true);
    }
  });

  it('refuses to append outside a transaction, and a rolled-back transaction leaves no event', async () => {
    await expect(appendEvent(orm.em.fork(), syntheticEvent({ type: 'x', stream: 's', topics: [], payload: {} }))).rejects.toThrow(
      /inside a transaction/,
    );
    const start = await headCursor(orm.em.fork());
    await expect(
      orm.em.fork().transactional(async (em) => {
        await appendEvent(em, syntheticEvent({ type: 'test.rolledBack', stream: 'case:rb', topics: ['case:rb'], payload: {} }));
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    const after = await passAndRead(start, { limit: 1000 });
    expect(after.filter((e) => (e.type as string) === 'test.rolledBack')).toHaveLength(0);
    expect(await readEventsAfter(orm.em.fork(), START_CURSOR, { limit: 1000, topics: ['case:rb'] })).toHaveLength(0);
  });
});

describe('audit chain', () => {
  it('verifies an untouched log, and detects an edited, a deleted and a truncated-tail event', async () => {
    const local = await openTestOrm();
    try {
      const add = (stream: string, n: number) =>
        local.em.fork().transactional(async (em) => {
          await appendEvent(em, syntheticEvent({ type: 'test.audit', stream, topics: [stream], payload: { n, amount: '4600000000' } }));
        });
      for (let n = 1; n <= 12; n++) await add('case:audit-1', n);
      for (let n = 1; n <= 3; n++) await add('case:audit-2', n);
      const clean = await verifyAuditChain(local.em.fork());
      expect(clean).toMatchObject({ ok: true, eventsChecked: 15, streamsChecked: 2, problems: [] });

      // The app role has no UPDATE/DELETE on the log at all (refusals in detail: the next test)…
      const conn = local.em.fork().getConnection();
      await expect(conn.execute(`update event set payload = '{"n":99}' where stream = 'case:audit-1' and stream_seq = 2`)).rejects.toThrow(
        /permission denied/,
      );
      // …and for its owner the table refuses edits outright…
      const owner = await openOwnerOrm(local.config.get('clientUrl')!);
      try {
        const own = owner.em.fork().getConnection();
        await expect(own.execute(`update event set payload = '{"n":99}' where stream = 'case:audit-1' and stream_seq = 2`)).rejects.toThrow(
          /append-only/,
        );
        await expect(own.execute(`delete from event where stream = 'case:audit-1'`)).rejects.toThrow(/append-only/);
        // …so a tamperer must be a superuser who disables the trigger. The chain still tells.
        await own.execute('alter table event disable trigger event_no_update_delete');
        await own.execute(`update event set payload = '{"n":99,"amount":"1"}' where stream = 'case:audit-1' and stream_seq = 2`);
        await own.execute(`delete from event where stream = 'case:audit-1' and stream_seq = 4`);
        await own.execute(`delete from event where stream = 'case:audit-2' and stream_seq = 3`);
        await own.execute('alter table event enable trigger event_no_update_delete');
      } finally {
        await owner.close(true);
      }

      const report = await verifyAuditChain(local.em.fork());
      expect(report.ok).toBe(false);
      const found = report.problems.map((p) => `${p.stream}#${p.streamSeq}:${p.kind}`);
      expect(found).toContain('case:audit-1#2:HASH_MISMATCH');
      expect(found).toContain('case:audit-1#5:MISSING_EVENT');
      expect(found).toContain('case:audit-2#3:HEAD_MISMATCH');
    } finally {
      await local.close(true);
    }
  });
});

describe('the app role (what the server connects as)', () => {
  /** Runs `sql` on a fresh connection as `url`'s role and returns the SQLSTATE it failed with ('' = it succeeded). */
  async function sqlState(url: string, sql: string): Promise<string> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
      return '';
    } catch (err) {
      return (err as { code?: string }).code ?? String(err);
    } finally {
      await client.end();
    }
  }

  it('is no superuser and is refused (42501) every way around the append-only log, while it can still append and read', async () => {
    const local = await openTestOrm();
    const url = local.config.get('clientUrl')!;
    try {
      // What every start does after the migrations (the database-level part is not copied from the template).
      await applyAppRoleGrants(ownerUrlOf(url), roleOf(url));
      await local.em.fork().transactional(async (em) => {
        await appendEvent(em, syntheticEvent({ type: 'test.role', stream: 'user:role-1', topics: ['user:role-1'], payload: { n: 1 } }));
      });
      await new EventSequencer(local).pass();
      await writeCheckpoints(local.em.fork(), checkpointKey('test-secret-0123456789-abcdefghijklmnop'));
      const client = new Client({ connectionString: url });
      await client.connect();
      const [role] = (
        await client.query(
          `select rolsuper, rolbypassrls, rolcreatedb, rolcreaterole, has_schema_privilege('public', 'CREATE') as ddl from pg_roles where rolname = current_user`,
        )
      ).rows;
      await client.end();
      expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcreatedb: false, rolcreaterole: false, ddl: false });

      const refused = [
        `update event set payload = '{"n":2}' where stream = 'user:role-1'`,
        `delete from event where stream = 'user:role-1'`,
        'truncate event',
        'update event_position set event_id = event_id',
        'delete from event_position',
        'truncate event_position',
        'update audit_checkpoint set mac = mac',
        'delete from audit_checkpoint',
        'truncate audit_checkpoint',
        // Moving a stream's pruned prefix would hide a deleted start: only prune_events_before may.
        `update event_stream set pruned_seq = 1 where stream = 'user:role-1'`,
        'truncate event_stream',
        'alter table event disable trigger event_no_update_delete',
        'alter table event disable trigger all',
        'alter table audit_checkpoint disable trigger audit_checkpoint_no_update_delete',
        'set session_replication_role = replica',
        'drop table event',
        'drop function event_append_only() cascade',
        'create table evil (id int)',
        'create temporary table evil (id int)',
        `create function evil() returns int language sql as 'select 1'`,
        'alter role current_user superuser',
        `insert into mikro_orm_migrations (name) values ('evil')`,
      ];
      const states: Record<string, string> = {};
      for (const sql of refused) states[sql] = await sqlState(url, sql);
      expect(states).toEqual(Object.fromEntries(refused.map((sql) => [sql, '42501'])));

      // Nothing changed, and the chain (checkpoints included) is intact.
      const report = await verifyAuditChain(local.em.fork(), { checkpointKey: checkpointKey('test-secret-0123456789-abcdefghijklmnop') });
      expect(report).toMatchObject({ ok: true, eventsChecked: 1, problems: [] });
    } finally {
      await local.close(true);
    }
  });
});

describe('signed checkpoints of the stream heads', () => {
  it('detect a removed tail, a removed stream, a rewrite with every later hash recomputed and a removed checkpoint', async () => {
    const local = await openTestOrm();
    const key = checkpointKey('test-secret-0123456789-abcdefghijklmnop');
    try {
      const add = (stream: string, n: number) =>
        local.em.fork().transactional(async (em) => {
          await appendEvent(em, syntheticEvent({ type: 'test.audit', stream, topics: [stream], payload: { n } }));
        });
      const sizes: Record<string, number> = { 'case:cp-1': 5, 'case:cp-2': 3, 'case:cp-4': 4, 'case:cp-5': 3, 'user:cp-3': 4 };
      for (const [stream, size] of Object.entries(sizes)) for (let n = 1; n <= size; n++) await add(stream, n);
      expect(await writeCheckpoints(local.em.fork(), key)).toBe(5);
      expect(await writeCheckpoints(local.em.fork(), key)).toBe(0); // nothing moved: nothing new to sign
      await add('case:cp-5', 4);
      expect(await writeCheckpoints(local.em.fork(), key)).toBe(1);
      const progress: number[] = [];
      const clean = await verifyAuditChain(local.em.fork(), {
        checkpointKey: key,
        batchSize: 4,
        onProgress: (p) => progress.push(p.eventsChecked),
      });
      expect(clean).toMatchObject({ ok: true, eventsChecked: 20, streamsChecked: 5, checkpointsChecked: 5, problems: [] });
      expect(progress.at(-1)).toBe(20);
      expect(progress.length).toBeGreaterThan(4); // read in batches of 4, reported after each

      await expect(local.em.fork().getConnection().execute(`delete from audit_checkpoint`)).rejects.toThrow(/permission denied/);
      const owner = await openOwnerOrm(local.config.get('clientUrl')!);
      const conn = owner.em.fork().getConnection();
      await expect(conn.execute(`delete from audit_checkpoint`)).rejects.toThrow(/append-only/);
      // A superuser bypassing every trigger (the attack of issue 11), keeping each chain self-consistent.
      await conn.execute(`set session_replication_role = replica`);
      // 1. The tail of case:cp-1 removed and its head row moved back.
      await conn.execute(`delete from event where stream = 'case:cp-1' and stream_seq > 3`);
      await conn.execute(
        `update event_stream h set last_seq = 3, last_hash = e.hash from event e where h.stream = 'case:cp-1' and e.stream = h.stream and e.stream_seq = 3`,
      );
      // 2. The whole user:cp-3 stream removed, head included.
      await conn.execute(`delete from event where stream = 'user:cp-3'`);
      await conn.execute(`delete from event_stream where stream = 'user:cp-3'`);
      // 3. case:cp-4 #2 edited, and #2…#4 and the head re-hashed so the chain itself is intact.
      const rows = await conn.execute<
        { stream_seq: string; type: string; topics: string[]; payload: Record<string, unknown>; occurred_at: Date; prev_hash: string }[]
      >(`select stream_seq::text, type, topics, payload, occurred_at, prev_hash from event where stream = 'case:cp-4' order by stream_seq`);
      let prevHash = rows[0].prev_hash;
      for (const r of rows) {
        const payload = r.stream_seq === '2' ? { n: 200 } : r.payload;
        const hash = computeEventHash(prevHash, {
          type: r.type,
          stream: 'case:cp-4',
          actorId: null,
          topics: r.topics,
          payload,
          streamSeq: BigInt(r.stream_seq),
          occurredAt: new Date(r.occurred_at),
        });
        await conn.execute(`update event set payload = ?::jsonb, prev_hash = ?, hash = ? where stream = 'case:cp-4' and stream_seq = ?`, [
          JSON.stringify(payload),
          prevHash,
          hash,
          r.stream_seq,
        ]);
        prevHash = hash;
      }
      await conn.execute(`update event_stream set last_hash = ? where stream = 'case:cp-4'`, [prevHash]);
      // 4. The first checkpoint of case:cp-2 removed from the middle of the checkpoint chain.
      await conn.execute(`delete from audit_checkpoint where stream = 'case:cp-2'`);
      await conn.execute(`set session_replication_role = origin`);
      await owner.close(true);

      // Without the key the chain alone sees nothing wrong: that is what the checkpoints are for.
      expect(await verifyAuditChain(local.em.fork())).toMatchObject({ ok: true });
      const report = await verifyAuditChain(local.em.fork(), { checkpointKey: key });
      const found = report.problems.map((p) => `${p.stream}#${p.streamSeq}:${p.kind}`).sort();
      expect(found).toEqual([
        'case:cp-1#5:STREAM_TRUNCATED',
        'case:cp-4#4:CHECKPOINT_INVALID',
        'case:cp-4#4:CHECKPOINT_MISMATCH',
        'user:cp-3#4:STREAM_MISSING',
      ]);
      // A checkpoint signed with another key is not trusted.
      const other = await verifyAuditChain(local.em.fork(), { checkpointKey: checkpointKey('another-secret-0123456789-abcdefghijk') });
      expect(other.problems.filter((p) => p.kind === 'CHECKPOINT_INVALID')).toHaveLength(5);
    } finally {
      await local.close(true);
    }
  });
});
