import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';

/** Advisory lock key of the sequencer (any constant unique to this purpose; "phoihop-seq"). */
export const SEQUENCER_LOCK = 7_021_554_210_883n;

/** Outcome of one sequencer pass. */
export interface SequencerPass {
  /** Events numbered by this pass. */
  assigned: number;
  /** Highest position after the pass (0 on an empty log). */
  head: bigint;
  /** How long the pass took, lock wait included. */
  ms: number;
}

/**
 * Numbers committed events in the order they became visible: the global delivery order.
 *
 * Why not read "below the xid watermark" (`pg_snapshot_xmin`) as before: the watermark is cluster-wide,
 * so one open transaction anywhere — another database, a long import — held back every event behind
 * it. Here an open transaction delays only its own events.
 *
 * A pass is one call of the database function `event_sequencer_pass` (migration
 * 20261204214500_sequencer_pass_function): one round trip, one autocommitted transaction. How it stays
 * loss-free and gap-free:
 * - The function first takes a transaction-scoped advisory lock, so passes of all instances run one after
 *   the other; the lock is released only after COMMIT is visible, and in a volatile function each statement
 *   takes its own snapshot, so the numbering statement (after the lock) sees every position before.
 * - That statement reads what its snapshot shows and appends positions `max + 1 …` for the events it has
 *   not numbered yet. A reader that sees position n therefore already sees 1 … n-1: reading
 *   "position > cursor" can never skip a late commit.
 * - The pass stores its snapshot's xmax and in-progress list. Every event of a transaction below xmax and
 *   not in that list was visible, hence numbered; the next pass only looks at `txId >= xmax` and at the
 *   listed transactions (an index range plus a few lookups, not the whole log).
 * - Before the lock, the same search runs once without it: when this snapshot shows no committed event
 *   without a position, the pass ends there (a poll, or a peer after the writer's instance numbered its
 *   events), taking no lock and writing nothing. Sound because any saved state, even one older than the
 *   snapshot, names every transaction whose events may still be unnumbered.
 * Any instance may run a pass (on each wake-up and poll); there is no leader to fail over.
 */
export class EventSequencer {
  constructor(private readonly orm: MikroORM) {}

  /** Runs one pass (waits for another instance's pass in progress, at most 5 s: the function's lock_timeout). */
  async pass(): Promise<SequencerPass> {
    const started = Date.now();
    const [row] = await this.orm.em
      .fork()
      .getConnection()
      .execute<{ numbered: number; head: string }[]>('select numbered, head_position::text as head from event_sequencer_pass(?::bigint)', [
        SEQUENCER_LOCK.toString(),
      ]);
    if (!row) throw new Error('sequencer: event_sequencer_pass returned no row');
    return { assigned: row.numbered, head: BigInt(row.head), ms: Date.now() - started };
  }
}

/** The highest position numbered so far: a reader starting "now" resumes after it. */
export async function headPosition(em: EntityManager): Promise<bigint> {
  const [row] = await em.getConnection().execute<{ head: string | null }[]>('select max(position)::text as head from event_position');
  return BigInt(row?.head ?? '0');
}
