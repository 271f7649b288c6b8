import type { EntityManager } from '@mikro-orm/postgresql';
import type { Scheduler } from '../../scheduler/scheduler';
import { monthBoundariesBetween } from './periods';
import type { StatementSources } from './statistics-sql';

/**
 * The monthly snapshot of case states (table `case_state_snapshot`, see snapshot.entity.ts): one row
 * per accepted case per past month boundary, so that a report or trend reads the state at a past
 * boundary by equality instead of a range scan of the history (docs/statistics.md "Monthly snapshot").
 *
 * Exactness: a boundary is filled in one transaction holding `SNAPSHOT_LOCK` exclusively, from the
 * history rows valid at it; every write to `case_state_history` runs the statement trigger
 * `case_state_snapshot_refresh` (migration Migration20261203084743_case_state_snapshot), which takes
 * the same lock shared and recomputes the (case, boundary) rows of the filled boundaries after the
 * written rows' `valid_from` (a back-dated correction) in the writer's transaction. So a fill either
 * sees a concurrent writer's rows (it waited for its commit) or the writer sees the fill's boundary
 * (it waited for the fill) and refreshes it. A live write (valid from now) never touches a filled
 * boundary, which is always in the past.
 */

/** The advisory lock of the snapshot: exclusive while filling, shared by every history write (the trigger). */
export const SNAPSHOT_LOCK_SQL = `hashtext('phoihop:case-state-snapshot')`;

/** How often the scheduler looks for a month boundary that has passed and is not yet filled. */
export const SNAPSHOT_JOB_INTERVAL_MS = 3_600_000;

/** Columns copied from a history row (`h`) valid at boundary `b`; the insert's column list, in the same order. */
const COPY_COLUMNS = 'boundary, case_id, status, lead_agency_id, commune_id, officer_id, amount_owed, amount_collected, accepted_at';
const COPY_VALUES = 'h.case_id, h.status, h.lead_agency_id, h.commune_id, h.officer_id, h.amount_owed, h.amount_collected, h.accepted_at';

/** How a fill treats a fill already running elsewhere (the lock held). */
export interface FillOptions {
  /**
   * true (the scheduled job, the seed): wait for it, then fill what is still missing. false (a request
   * filling on demand): fill nothing more and return — the request reads those instants from the
   * history instead of waiting behind another fill.
   */
  wait?: boolean;
}

/**
 * Fills the snapshot of every given boundary that has passed (≤ the database's clock) and is not filled
 * yet, oldest first, each boundary in a transaction of its own — so the lock, which every back-dated
 * history write needs shared, is held for one boundary's copy at a time (about a second at 50,000
 * cases), never for a whole backlog of months after the migration. Returns the boundaries it filled.
 * Safe to call concurrently (the lock serialises fills; a filled boundary is skipped).
 */
export async function fillSnapshots(em: EntityManager, boundaries: readonly Date[], options: FillOptions = {}): Promise<Date[]> {
  const filled: Date[] = [];
  for (const boundary of [...boundaries].sort((a, b) => a.getTime() - b.getTime())) {
    const result = await em.fork().transactional(async (tx) => {
      if (options.wait === false) {
        const [{ locked }] = await tx.execute<Array<{ locked: boolean }>>(
          `select pg_try_advisory_xact_lock(${SNAPSHOT_LOCK_SQL}) as locked`,
        );
        if (!locked) return 'busy' as const;
      } else await tx.execute(`select pg_advisory_xact_lock(${SNAPSHOT_LOCK_SQL})`);
      return tx.execute<Array<{ boundary: Date }>>(
        `with todo as materialized (
           select ?::timestamptz as b
            where ?::timestamptz <= statement_timestamp()
              and not exists (select 1 from case_state_snapshot_boundary x where x.boundary = ?::timestamptz)
         ),
         copied as (
           insert into case_state_snapshot (${COPY_COLUMNS})
           select todo.b, ${COPY_VALUES}
             from todo join case_state_history h on tstzrange(h.valid_from, h.valid_to, '(]') @> todo.b
            where h.accepted_at is not null
           returning 1
         )
         insert into case_state_snapshot_boundary (boundary, filled_at, rows)
         select todo.b, statement_timestamp(), (select count(*)::int from copied) from todo
         returning boundary`,
        [boundary, boundary, boundary],
      );
    });
    if (result === 'busy') break;
    filled.push(...result.map((r) => new Date(r.boundary)));
  }
  return filled;
}

/**
 * Fills every past month boundary from the statistical year of the first recorded case state up to
 * now (the seed, the province generator, the scheduled job). Cheap when nothing is missing.
 */
export async function fillPastSnapshots(em: EntityManager, now = new Date(), options: FillOptions = {}): Promise<Date[]> {
  const [first] = await em.execute<Array<{ first: Date | null }>>(`select min(valid_from) as first from case_state_history`);
  if (!first?.first) return [];
  const all = monthBoundariesBetween(new Date(first.first), now);
  const [{ filled }] = await em.execute<Array<{ filled: Date[] }>>(
    `select coalesce(array_agg(boundary), '{}') as filled from case_state_snapshot_boundary`,
  );
  const done = new Set(filled.map((d) => new Date(d).getTime()));
  return fillSnapshots(
    em,
    all.filter((b) => !done.has(b.getTime())),
    options,
  );
}

/** Where the state of every case at each instant of a statement is read from. */
export interface InstantSources {
  /** Past boundaries whose snapshot is filled: read by equality from `case_state_snapshot`. */
  snapshot: Date[];
  /** Instants after now: the state then is the current one (`valid_to is null`). */
  current: Date[];
  /** Anything else (a past instant not filled, e.g. a fill that failed): the range scan of the history. */
  range: Date[];
}

/**
 * Decides the source of each instant, filling on demand the past boundaries not filled yet (a month
 * that has just ended before the hourly job ran) unless another fill is running (then it does not
 * wait for it). A fill not done or failed (e.g. the request's statement budget) is not an error: those
 * instants are read from the history, as exactly, only slower.
 */
export async function instantSources(em: EntityManager, instants: readonly Date[], now = new Date()): Promise<InstantSources> {
  const past = instants.filter((i) => i <= now);
  const current = instants.filter((i) => i > now);
  if (!past.length) return { snapshot: [], current, range: [] };
  const rows = await em.execute<Array<{ boundary: Date }>>(
    `select boundary from case_state_snapshot_boundary where boundary = any(?::timestamptz[])`,
    [`{${past.map((b) => b.toISOString()).join(',')}}`],
  );
  const filled = new Set(rows.map((r) => new Date(r.boundary).getTime()));
  const missing = past.filter((b) => !filled.has(b.getTime()));
  if (missing.length) {
    try {
      for (const b of await fillSnapshots(em, missing, { wait: false })) filled.add(b.getTime());
      // Filled by a concurrent request meanwhile: skipped by fillSnapshots, so look again.
      const again = await em.execute<Array<{ boundary: Date }>>(
        `select boundary from case_state_snapshot_boundary where boundary = any(?::timestamptz[])`,
        [`{${missing.map((b) => b.toISOString()).join(',')}}`],
      );
      for (const r of again) filled.add(new Date(r.boundary).getTime());
    } catch {
      // Left to the range scan below; the scheduled job fills the boundary later.
    }
  }
  return {
    snapshot: past.filter((b) => filled.has(b.getTime())),
    current,
    range: past.filter((b) => !filled.has(b.getTime())),
  };
}

/**
 * Where a statement reads the states at its start and ends: the monthly snapshot for past boundaries
 * (filled on demand if the job has not yet), the current rows for instants after now, else the
 * history's range scan (`instantSources`). One small lookup of the filled boundaries.
 */
export async function statementSources(em: EntityManager, start: Date, ends: readonly Date[], now = new Date()): Promise<StatementSources> {
  const all = await instantSources(em, [start, ...ends], now);
  const of = (list: readonly Date[]) => {
    const has = (set: readonly Date[]) => (d: Date) => set.some((x) => x.getTime() === d.getTime());
    return { snapshot: list.filter(has(all.snapshot)), current: list.filter(has(all.current)), range: list.filter(has(all.range)) };
  };
  return { start: of([start]), ends: of(ends) };
}

/**
 * Registers `statistics.fill-snapshots` on the scheduler: right after start and then hourly, fills the
 * month boundaries that have passed (single runner: one instance fills, the others skip).
 */
export function registerStatisticsSnapshotJob(scheduler: Scheduler): void {
  scheduler.register({
    name: 'statistics.fill-snapshots',
    intervalMs: SNAPSHOT_JOB_INTERVAL_MS,
    firstRunAfterMs: 0,
    singleRunner: true,
    run: async ({ em }) => {
      await fillPastSnapshots(em);
    },
  });
}
