import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';

/** Advisory lock key of the sequencer (any constant unique to this purpose; "phoihop-seq"). */
const SEQUENCER_LOCK = 7_021_554_210_883n;

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
 * How it stays loss-free and gap-free:
 * - A pass runs in one transaction that first takes a transaction-scoped advisory lock, so passes of
 *   all instances run one after the other; the lock is released only after COMMIT is visible, so the
 *   next pass (whose statement snapshot is taken after it got the lock) sees every position before.
 * - One statement reads what its snapshot shows and appends positions `max + 1 …` for the events it
 *   has not numbered yet. A reader that sees position n therefore already sees 1 … n-1: reading
 *   "position > cursor" can never skip a late commit.
 * - The pass stores its snapshot's xmax and in-progress list. Every event of a transaction below xmax
 *   and not in that list was visible, hence numbered; the next pass only looks at `txId >= xmax` and at
 *   the listed transactions (an index range plus a few lookups, not the whole log).
 * Any instance may run a pass (on each wake-up and poll); there is no leader to fail over.
 */
export class EventSequencer {
  constructor(private readonly orm: MikroORM) {}

  /** Runs one pass (waits for another instance's pass in progress, at most a few seconds). */
  async pass(): Promise<SequencerPass> {
    const started = Date.now();
    return this.orm.em.fork().transactional(async (em) => {
      const tx = em as EntityManager;
      // One round trip: the lock timeout, then (it depends on it) the lock, then the saved state. This
      // statement's snapshot predates the lock, so the state may be the one before the pass that held
      // the lock last: that only widens the candidates (a transaction in progress at the later snapshot
      // was in progress at the earlier one or started after its xmax); the numbering statement below
      // runs after the lock with its own snapshot and skips what is already numbered.
      const [state] = await tx.execute<{ xmax: string | null; in_progress: string | null }[]>(
        `select st.snapshot_xmax::text as xmax, st.in_progress::text as in_progress
           from (select pg_advisory_xact_lock(?::bigint) as locked
                   from (select set_config('lock_timeout', '5s', true) as lock_timeout) t where t.lock_timeout is not null) l
           left join event_sequencer st on st.id = 1`,
        [SEQUENCER_LOCK.toString()],
      );
      if (!state) throw new Error('sequencer: the lock statement returned no row');
      // First pass ever (or after an upgrade): number the whole existing log, in the old (txId, id)
      // cursor order, so that cursors minted before the sequencer map onto positions exactly.
      const saved = state.xmax !== null;
      const candidates = saved ? 'e.tx_id >= ?::xid8 or e.tx_id = any(?::xid8[])' : 'true';
      const params = saved ? [state.xmax, state.in_progress] : [];
      const [row] = await tx.execute<{ assigned: number; head: string | null }[]>(
        `with fresh as (
           select e.id, e.tx_id from event e
            where (${candidates})
              and not exists (select 1 from event_position p where p.event_id = e.id)
         ),
         base as (select coalesce(max(position), 0) as last from event_position),
         ins as (
           insert into event_position (position, event_id)
           select base.last + row_number() over (order by fresh.tx_id, fresh.id), fresh.id from fresh, base
           returning position
         ),
         snap as (select pg_current_snapshot() as s),
         saved as (
           insert into event_sequencer (id, snapshot_xmax, in_progress, updated_at)
           select 1, pg_snapshot_xmax(snap.s), array(select pg_snapshot_xip(snap.s)), now() from snap
           on conflict (id) do update set snapshot_xmax = excluded.snapshot_xmax, in_progress = excluded.in_progress, updated_at = excluded.updated_at
         )
         select (select count(*)::int from ins) as assigned,
                greatest((select max(position) from ins), (select last from base))::text as head`,
        params,
      );
      return { assigned: row.assigned, head: BigInt(row.head ?? '0'), ms: Date.now() - started };
    });
  }
}

/** The highest position numbered so far: a reader starting "now" resumes after it. */
export async function headPosition(em: EntityManager): Promise<bigint> {
  const [row] = await em.getConnection().execute<{ head: string | null }[]>('select max(position)::text as head from event_position');
  return BigInt(row?.head ?? '0');
}
