import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { compareCursors, START_CURSOR, type Cursor } from '../../server/src/events/cursor';
import { appendEvent, cursorOf, headCursor, readEventsAfter, verifyAuditChain } from '../../server/src/events/event-log';
import { eventually, openTestOrm } from '../support/harness';

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
    await appendEvent(em, { type, stream, actorId: null, topics: [stream], payload });
    if (holdMs) await sleep(holdMs);
  });
}

describe('event log cursor', () => {
  it('a reader polling after its cursor never misses an event while 8 writers commit out of order', async () => {
    const WRITERS = 8;
    const PER_WRITER = 40;
    let writersDone = false;
    let giveUpAt = Number.POSITIVE_INFINITY;
    const seen: string[] = [];
    let cursor: Cursor = await headCursor(orm.em.fork());
    let outOfOrderCommits = 0;

    const reader = (async () => {
      const em = orm.em.fork();
      for (;;) {
        const finished = writersDone;
        const batch = await readEventsAfter(em, cursor, { limit: 50 });
        for (const e of batch) {
          expect(compareCursors(cursorOf(e), cursor)).toBeGreaterThan(0);
          cursor = cursorOf(e);
          seen.push(e.id.toString());
        }
        if (finished && batch.length === 0 && seen.length >= WRITERS * PER_WRITER) return;
        if (finished && Date.now() > giveUpAt) return;
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
              await appendEvent(em, { type: 'test.written', stream: `case:writer-${w}`, actorId: null, topics: [`case:writer-${w}`], payload: { w, i } });
              const [row] = await em.execute<{ id: string }[]>('select max(id)::text as id from event where stream = ?', [`case:writer-${w}`]);
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
    // The watermark is cluster-wide: another test file's open transaction can hide the last commits
    // for a moment, so the reader keeps going (bounded) until it has seen every event.
    giveUpAt = Date.now() + 20_000;
    await reader;

    const all = await orm.em.fork().getConnection().execute<{ id: string }[]>(`select id::text from event where type = 'test.written' order by id`);
    expect(all).toHaveLength(WRITERS * PER_WRITER);
    expect(new Set(seen).size).toBe(seen.length); // no duplicates
    expect([...seen].sort()).toEqual(all.map((r) => r.id).sort()); // nothing missed
    // The scenario must really have produced commits out of id order, or it proves nothing.
    expect(outOfOrderCommits).toBeGreaterThan(0);
  }, 60_000);

  it('does not deliver an event of a transaction that is still open, and delivers it after commit', async () => {
    const start = await headCursor(orm.em.fork());
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const slow = orm.em.fork().transactional(async (em) => {
      await appendEvent(em, { type: 'test.slow', stream: 'case:slow', actorId: null, topics: ['case:slow'], payload: {} });
      await held;
    });
    await sleep(50);
    await appendInTx('case:fast', 'test.fast');
    // The watermark is cluster-wide: another database's open transaction can make `start` lag, so
    // older events may legitimately follow it. Only this test's two events matter here.
    const mine = (events: { type: string }[]) => events.map((e) => e.type).filter((t) => t === 'test.slow' || t === 'test.fast');
    // The fast one committed, but it sorts after the still-open slow one: hold it back.
    expect(mine(await readEventsAfter(orm.em.fork(), start, { limit: 1000 }))).toEqual([]);
    release();
    await slow;
    // Once committed they become readable as soon as no older transaction anywhere is still open.
    const both = await eventually(async () => {
      const got = mine(await readEventsAfter(orm.em.fork(), start, { limit: 1000 }));
      return got.length === 2 ? got : null;
    }, 'both events readable');
    expect(both).toEqual(['test.slow', 'test.fast']);
  });

  it('filters by topic', async () => {
    const start = await headCursor(orm.em.fork());
    await appendInTx('case:topic-a', 'test.a');
    await appendInTx('case:topic-b', 'test.b');
    const onlyB = await eventually(async () => {
      const got = await readEventsAfter(orm.em.fork(), start, { limit: 10, topics: ['case:topic-b'] });
      return got.length ? got : null;
    }, 'the topic-b event readable');
    expect(onlyB!.map((e) => e.type)).toEqual(['test.b']);
  });

  it('refuses to append outside a transaction, and a rolled-back transaction leaves no event', async () => {
    await expect(appendEvent(orm.em.fork(), { type: 'x', stream: 's', actorId: null, topics: [], payload: {} })).rejects.toThrow(/inside a transaction/);
    const start = await headCursor(orm.em.fork());
    await expect(
      orm.em.fork().transactional(async (em) => {
        await appendEvent(em, { type: 'test.rolledBack', stream: 'case:rb', actorId: null, topics: ['case:rb'], payload: {} });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    const after = await readEventsAfter(orm.em.fork(), start, { limit: 1000 });
    expect(after.filter((e) => e.type === 'test.rolledBack')).toHaveLength(0);
    expect(await readEventsAfter(orm.em.fork(), START_CURSOR, { limit: 1000, topics: ['case:rb'] })).toHaveLength(0);
  });
});

describe('audit chain', () => {
  it('verifies an untouched log, and detects an edited, a deleted and a truncated-tail event', async () => {
    const local = await openTestOrm();
    try {
      const add = (stream: string, n: number) =>
        local.em.fork().transactional(async (em) => {
          await appendEvent(em, { type: 'test.audit', stream, actorId: null, topics: [stream], payload: { n, amount: '4600000000' } });
        });
      for (let n = 1; n <= 12; n++) await add('case:audit-1', n);
      for (let n = 1; n <= 3; n++) await add('case:audit-2', n);
      const clean = await verifyAuditChain(local.em.fork());
      expect(clean).toMatchObject({ ok: true, eventsChecked: 15, streamsChecked: 2, problems: [] });

      const conn = local.em.fork().getConnection();
      // The table refuses edits outright…
      await expect(conn.execute(`update event set payload = '{"n":99}' where stream = 'case:audit-1' and stream_seq = 2`)).rejects.toThrow(/append-only/);
      await expect(conn.execute(`delete from event where stream = 'case:audit-1'`)).rejects.toThrow(/append-only/);
      // …so a tamperer must be a superuser who disables the trigger. The chain still tells.
      await conn.execute('alter table event disable trigger event_no_update_delete');
      await conn.execute(`update event set payload = '{"n":99,"amount":"1"}' where stream = 'case:audit-1' and stream_seq = 2`);
      await conn.execute(`delete from event where stream = 'case:audit-1' and stream_seq = 4`);
      await conn.execute(`delete from event where stream = 'case:audit-2' and stream_seq = 3`);
      await conn.execute('alter table event enable trigger event_no_update_delete');

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
