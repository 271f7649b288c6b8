import { createHmac } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Scheduler } from '../scheduler/scheduler';
import { GENESIS_HASH, toPgTextArray } from './event-log';

/** Stream heads signed per statement: bounds each checkpoint transaction. */
const CHECKPOINT_BATCH = 5000;

/**
 * The checkpoint key, derived from the token secret with a label of its own: it never lives in the
 * database, so a database superuser who rewrites the log cannot re-sign the checkpoints.
 */
export function checkpointKey(authSecret: string): Buffer {
  return createHmac('sha256', authSecret).update('phoihop:audit-checkpoint:v1').digest();
}

/** The HMAC of one checkpoint row, chained to the previous row's mac. */
export function checkpointMac(key: Buffer, prevMac: string, cp: { stream: string; streamSeq: bigint | string; hash: string }): string {
  return createHmac('sha256', key).update(`${prevMac}\n${cp.stream}\n${cp.streamSeq.toString()}\n${cp.hash}`).digest('hex');
}

/**
 * Signs every stream head that moved since its last checkpoint, appending one chained row per head to
 * `audit_checkpoint`. Instances take turns through an advisory lock (one that finds it taken skips).
 * Returns the number of heads signed.
 */
export async function writeCheckpoints(em: EntityManager, key: Buffer): Promise<number> {
  let total = 0;
  for (;;) {
    const written = await em.fork().transactional(async (tx) => {
      const conn = tx as EntityManager;
      const [lock] = await conn.execute<{ ok: boolean }[]>(`select pg_try_advisory_xact_lock(hashtext('phoihop:audit-checkpoint')) as ok`);
      if (!lock.ok) return 0;
      const heads = await conn.execute<{ stream: string; last_seq: string; last_hash: string }[]>(
        `select h.stream, h.last_seq::text, h.last_hash from event_stream h
         where h.last_seq > 0 and not exists (
           select 1 from audit_checkpoint c where c.stream = h.stream and c.stream_seq = h.last_seq and c.hash = h.last_hash)
         order by h.stream limit ?`,
        [CHECKPOINT_BATCH],
      );
      if (heads.length === 0) return 0;
      const [last] = await conn.execute<{ mac: string }[]>('select mac from audit_checkpoint order by id desc limit 1');
      let prevMac = last?.mac ?? GENESIS_HASH;
      const prevMacs: string[] = [];
      const macs: string[] = [];
      for (const h of heads) {
        prevMacs.push(prevMac);
        prevMac = checkpointMac(key, prevMac, { stream: h.stream, streamSeq: h.last_seq, hash: h.last_hash });
        macs.push(prevMac);
      }
      await conn.execute(
        `insert into audit_checkpoint (stream, stream_seq, hash, created_at, prev_mac, mac)
         select s, q::bigint, h, now(), p, m from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
           with ordinality as t(s, q, h, p, m, n) order by n`,
        [
          toPgTextArray(heads.map((h) => h.stream)),
          toPgTextArray(heads.map((h) => h.last_seq)),
          toPgTextArray(heads.map((h) => h.last_hash)),
          toPgTextArray(prevMacs),
          toPgTextArray(macs),
        ],
      );
      return heads.length;
    });
    total += written;
    if (written < CHECKPOINT_BATCH) return total;
  }
}

/** The latest verified checkpoint of each stream, and what was wrong with the checkpoint rows themselves. */
export interface CheckpointScan {
  latest: Map<string, { seq: bigint; hash: string }>;
  problems: Array<{ stream: string; streamSeq: string; detail: string }>;
}

/**
 * Reads the checkpoint rows in order (keyset batches) and checks their chain of macs: a forged,
 * edited or removed row (other than at the very end — see docs/SECURITY.md) breaks it. Memory is one
 * entry per stream.
 */
export async function scanCheckpoints(em: EntityManager, key: Buffer): Promise<CheckpointScan> {
  const latest = new Map<string, { seq: bigint; hash: string }>();
  const problems: CheckpointScan['problems'] = [];
  let prevMac = GENESIS_HASH;
  let after = '0';
  for (;;) {
    // `order by c.id`, the bigint column: a bare `id` would name the text output column and sort
    // "10" before "9", breaking the chain of macs as soon as there are ten checkpoints.
    // em.execute: inside verifyAuditChain's snapshot transaction when there is one.
    const rows = await em.execute<{ id: string; stream: string; stream_seq: string; hash: string; prev_mac: string; mac: string }[]>(
      `select c.id::text as id, c.stream, c.stream_seq::text as stream_seq, c.hash, c.prev_mac, c.mac
         from audit_checkpoint c where c.id > ?::bigint order by c.id limit 5000`,
      [after],
    );
    if (rows.length === 0) break;
    for (const r of rows) {
      const authentic = r.mac === checkpointMac(key, r.prev_mac, { stream: r.stream, streamSeq: r.stream_seq, hash: r.hash });
      if (!authentic) {
        problems.push({
          stream: r.stream,
          streamSeq: r.stream_seq,
          detail: `checkpoint #${r.id} is not signed by this server's key (forged or edited)`,
        });
      } else if (r.prev_mac !== prevMac) {
        problems.push({
          stream: r.stream,
          streamSeq: r.stream_seq,
          detail: `a checkpoint before #${r.id} was removed (the chain of signatures breaks here)`,
        });
      }
      // Only what is signed is trusted; a row that is authentic but follows a removed one still is.
      if (authentic) latest.set(r.stream, { seq: BigInt(r.stream_seq), hash: r.hash });
      prevMac = r.mac;
    }
    after = rows[rows.length - 1].id;
  }
  return { latest, problems };
}

/**
 * Registers `writeCheckpoints` every `intervalMs` (AUDIT_CHECKPOINT_INTERVAL_MS). Instances already take
 * turns inside writeCheckpoints (a transaction-level advisory lock per batch), so no job-level lock.
 */
export function registerCheckpointJob(scheduler: Scheduler, key: Buffer, intervalMs: number): void {
  scheduler.register({
    name: 'events.audit-checkpoints',
    intervalMs,
    run: async ({ em }) => {
      await writeCheckpoints(em, key);
    },
  });
}
