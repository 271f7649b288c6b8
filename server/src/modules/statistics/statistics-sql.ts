import { toPgTextArray } from '../../events/event-log';
import type { StatisticsReach } from '../../policy/abilities';

/**
 * The SQL of the statistics (rule 9, Thông tư 06/2019/TT-BTP), in one place so the figures and the
 * drill-down lists share every definition. Everything is computed by PostgreSQL over
 * `case_state_history` (see case-state.entity.ts): the state of each case just before the start
 * and just before each end of the period. Nothing is loaded case by case into Node.
 */

/** Which cases a request is about: every filter given must hold (intersection). */
export interface ScopeFilter {
  /** The case's commune lies under one of these area paths. */
  areaPaths?: readonly string[];
  /** The case is led by this office or an office under it. */
  officeId?: string;
  /** The case's enforcement officer. */
  officerId?: string;
}

/** SQL text with `?` placeholders and its parameters, in order. */
export interface SqlPart {
  sql: string;
  params: unknown[];
}

/** A whole statement and the planner settings it is run with (`set_config(name, value, true)`: its transaction only). */
export interface Statement extends SqlPart {
  settings: Readonly<Record<string, string>>;
}

/** What `runAggregate` (statistics.service.ts) runs: a statement, with planner settings or without. */
export type AggregateStatement = SqlPart & Partial<Pick<Statement, 'settings'>>;

/** The reach of the viewer as a filter (null = everything). */
export function reachFilter(reach: StatisticsReach): ScopeFilter | null {
  switch (reach.kind) {
    case 'all':
      return null;
    case 'areas':
      return { areaPaths: reach.paths };
    case 'office':
      return { officeId: reach.agencyId };
    case 'none':
      // Callers refuse before; an impossible filter keeps a slip from leaking figures.
      return { areaPaths: [] };
  }
}

/**
 * A condition on a row that has `lead_agency_id`, `commune_id`, `officer_id` (alias `row`), with the
 * commune's area row joined as `area`. With `area` null the area filter is written on `commune_id`
 * against the array of the communes under the paths (no join): PostgreSQL then fetches the cases of
 * all those communes with one bitmap scan, instead of one nested index scan per commune (which, at
 * 50,000 cases in 70 communes, visited every heap page ~18 times; docs/statistics.md).
 */
export function scopeCondition(filters: ReadonlyArray<ScopeFilter | null>, row: string, area: string | null): SqlPart {
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const f of filters) {
    if (!f) continue;
    if (f.areaPaths) {
      parts.push(
        area
          ? `exists (select 1 from unnest(?::text[]) sp where left(${area}.path, length(sp)) = sp)`
          : `${row}.commune_id = any (array(select sa.id from area sa where exists (select 1 from unnest(?::text[]) sp where left(sa.path, length(sp)) = sp)))`,
      );
      params.push(toPgTextArray(f.areaPaths));
    }
    if (f.officeId) {
      parts.push(
        `${row}.lead_agency_id in (with recursive sub(id) as (select ?::uuid union all select g.id from agency g join sub on g.parent_id = sub.id) select id from sub)`,
      );
      params.push(f.officeId);
    }
    if (f.officerId) {
      parts.push(`${row}.officer_id = ?`);
      params.push(f.officerId);
    }
  }
  return { sql: parts.length ? parts.join(' and ') : 'true', params };
}

/** Statuses after which a case is off this office's books. */
export const FINAL_SQL = `('COMPLETED','TERMINATED','RETURNED','ENTRUSTED')`;

/**
 * Where the states at the period's start and ends are read from (snapshot.ts `instantSources`):
 * `snapshot` = past month boundaries whose snapshot is filled (equality on `case_state_snapshot.boundary`),
 * `current` = instants after now (the current rows), `range` = the range scan of the history.
 */
export interface StateSources {
  snapshot: readonly Date[];
  current: readonly Date[];
  range: readonly Date[];
}

/** All instants from the history's range scan (what every statement did before the snapshot; tests compare both). */
export const rangeOnly = (instants: readonly Date[]): StateSources => ({ snapshot: [], current: [], range: instants });

/**
 * The rows valid at each of the instants, as `(e, case_id, st, owed, col, accepted_at, lead_agency_id,
 * commune_id, officer_id)`, accepted cases only, from the sources chosen per instant (a `union all` of
 * at most three branches). "Valid at E" is `validFrom < E ≤ validTo` (null = open):
 * - snapshot: the row copied at boundary E (exactly that history row; snapshot.entity.ts);
 * - current: E is after now, so the row valid at E is the open one (history is never written ahead of
 *   the clock; `valid_from < E` keeps that exact anyway), read from the covering partial index;
 * - range: `tstzrange(valid_from, valid_to, '(]') @> E`, served by the covering GiST index
 *   `case_state_history_valid_range_cover_idx`.
 * With one instant, it is a plain `?::timestamptz` (the planner then estimates the rows valid at it from
 * the index statistics instead of the ~1,500 of `unnest`).
 */
function stateRowsSql(sources: StateSources): SqlPart {
  const branches: string[] = [];
  const params: unknown[] = [];
  const instants = (list: readonly Date[]) => {
    if (list.length === 1) {
      params.push(list[0]);
      return '?::timestamptz';
    }
    params.push(toTimestampArray(list));
    return 'any(?::timestamptz[])';
  };
  if (sources.snapshot.length) {
    branches.push(`select s.boundary as e, s.case_id, s.status::text as st, s.amount_owed as owed, s.amount_collected as col, s.accepted_at,
               s.lead_agency_id, s.commune_id, s.officer_id
          from case_state_snapshot s where s.boundary = ${instants(sources.snapshot)}`);
  }
  for (const e of sources.current) {
    params.push(e, e);
    branches.push(`select ?::timestamptz as e, h.case_id, h.status::text as st, h.amount_owed as owed, h.amount_collected as col, h.accepted_at,
               h.lead_agency_id, h.commune_id, h.officer_id
          from case_state_history h where h.valid_to is null and h.accepted_at is not null and h.valid_from < ?::timestamptz`);
  }
  if (sources.range.length) {
    const one = sources.range.length === 1;
    params.push(one ? sources.range[0] : toTimestampArray(sources.range));
    branches.push(`select ends.e, h.case_id, h.status::text as st, h.amount_owed as owed, h.amount_collected as col, h.accepted_at,
               h.lead_agency_id, h.commune_id, h.officer_id
          from (${one ? 'select ?::timestamptz as e' : 'select unnest(?::timestamptz[]) as e'}) ends
          join case_state_history h on tstzrange(h.valid_from, h.valid_to, '(]') @> ends.e
         where h.accepted_at is not null`);
  }
  if (!branches.length) throw new Error('stateRowsSql: no instant');
  return { sql: branches.join('\n        union all\n        '), params };
}

/**
 * One row per (period end, case) of the period: the cases carried over (open just before `start`)
 * and those newly accepted in [start, end), classified by their state just before `end`:
 * - `cat`: ENTRUSTED_OUT (entrusted with nothing collected), COMPLETED_FULL, COMPLETED_TERMINATED
 *   (terminated with nothing collected), COMPLETED_PARTLY (part collected, the rest terminated or
 *   entrusted), NOT_YET_ENFORCEABLE (incl. returned requests, Đ.51: the debtor has no means),
 *   POSTPONED, SUSPENDED, IN_PROGRESS (every other accepted state, incl. the voluntary period and
 *   verification);
 * - money: `s_owed`/`s_col` at the start (0 for new cases), `owed`/`col` at the end,
 *   `collected_in` = collected during the period, `remaining` = still owed at the end,
 *   `to_enforce` = money to enforce here (an entrusted case keeps only what was collected before).
 * `start` and `ends` are read from the sources given (`stateRowsSql`); the returned parameters are
 * complete (the scope condition's last).
 *
 * How it is planned (`settings`; docs/statistics.md "Fifth pass"):
 * - with a range source, both CTEs are materialised so PostgreSQL hashes the start rows once instead of
 *   probing them per case (without the fence it misestimated the range selectivity and nested-looped the
 *   area join, 12 s); the `@>` join itself can only be a nested loop over the GiST index;
 * - without one (the snapshot and the current rows: every report of a past month boundary or of the
 *   current year), the CTEs are inlined and nested loops are turned off for the transaction, so the start
 *   rows, the end rows and the communes are joined by hash in one pass: a bounded pass whatever the scope
 *   (nested loops won a little on an office and lost badly when the planner misjudged a scope: one officer,
 *   last year, 332 ms fenced and 1.2 s inlined against 31 ms).
 * `withSettings` false: the statement is embedded in a query that runs without its settings (the
 * drill-down's page), so it keeps the fence. The scope stays after `end_rows` (moving it inside was
 * measured 6–9× slower).
 */
export function classifiedCasesSql(
  scope: SqlPart,
  start: Date,
  startSources: StateSources,
  endSources: StateSources,
  withSettings = true,
): Statement {
  const startRows = stateRowsSql(startSources);
  const endRows = stateRowsSql(endSources);
  const inline = withSettings && startSources.range.length === 0 && endSources.range.length === 0;
  const fence = inline ? 'not materialized' : 'materialized';
  return {
    sql: `with start_rows as ${fence} (
        select r.case_id, r.owed, r.col from (${startRows.sql}) r where r.st not in ${FINAL_SQL}
      ),
      end_rows as ${fence} (
        ${endRows.sql}
      ),
      in_period as (
        select h.*, s.case_id is not null as carried, coalesce(s.owed, 0) as s_owed, coalesce(s.col, 0) as s_col
          from end_rows h
          join area sa on sa.id = h.commune_id
          left join start_rows s on s.case_id = h.case_id
         where (s.case_id is not null or h.accepted_at >= ?::timestamptz)
           and ${scope.sql}
      )`,
    params: [...startRows.params, ...endRows.params, start, ...scope.params],
    settings: inline ? { enable_nestloop: 'off' } : {},
  };
}

/**
 * The Ministry's category of a case (or of a group of cases) from its status `st` at the end and
 * `nothingCollected`, an SQL condition (nothing collected at the end); see `classifiedCasesSql`.
 */
const categorySql = (nothingCollected: string) => `case when st = 'ENTRUSTED' and ${nothingCollected} then 'ENTRUSTED_OUT'
                    when st = 'COMPLETED' then 'COMPLETED_FULL'
                    when st = 'TERMINATED' and ${nothingCollected} then 'COMPLETED_TERMINATED'
                    when st in ('TERMINATED', 'ENTRUSTED') then 'COMPLETED_PARTLY'
                    when st in ('NOT_YET_ENFORCEABLE', 'RETURNED') then 'NOT_YET_ENFORCEABLE'
                    when st = 'POSTPONED' then 'POSTPONED'
                    when st = 'SUSPENDED' then 'SUSPENDED'
                    else 'IN_PROGRESS' end`;

/**
 * `classified`: one row per case of `in_period` with its category `cat` and money (`collected_in`,
 * `remaining`, `to_enforce`), for the drill-down. Only added where it is read: an unread CTE that
 * names `in_period` still counts as a reference, and PostgreSQL then materialises `in_period`.
 */
const CLASSIFIED_SQL = `classified as (
        select p.*,
               ${categorySql('col = 0')} as cat,
               col - s_col as collected_in,
               owed - col as remaining,
               case when st = 'ENTRUSTED' then col - s_col else owed - s_col end as to_enforce
          from in_period p
      )`;

/**
 * The per-case facts the Ministry's rows are sums of, summed once per group of `keys` over
 * `in_period` (one row per period end and case). The status `st` and whether anything was collected
 * (`col_zero`) are group keys, so the category (`cat`, see `classifiedCasesSql`) is decided once per
 * group and not once per case and aggregate: at 50,000 cases the per-case CASE, evaluated for each of
 * the 28 filtered aggregates, was most of the statement's time (docs/statistics.md). Money sums are
 * numeric (exact beyond 2^53).
 */
function groupedSql(keys: readonly string[]): string {
  const k = keys.map((key) => `${key}, `).join('');
  return `grouped as (
        select ${k}carried, st, col = 0 as col_zero,
               count(*) as n,
               sum(s_owed - s_col) as carried_m,
               sum(owed - s_owed) as new_m,
               sum(owed - s_col) as accepted_m,
               sum(col - s_col) as collected_in,
               sum(owed - col) as remaining
          from in_period
         group by ${k}carried, st, col = 0
      ),
      classified_groups as (
        select g.*,
               ${categorySql('col_zero')} as cat,
               case when st = 'ENTRUSTED' then collected_in else accepted_m end as to_enforce
          from grouped g
      )`;
}

/**
 * The aggregates of the Ministry's rows over `classified_groups` (groups of cases with their sums, see
 * `groupedSql`), cases and money; money sums as text (exact beyond 2^53).
 */
export const AGGREGATES_SQL = `
  coalesce(sum(n) filter (where carried), 0)::int as carried_cases,
  coalesce(sum(n) filter (where not carried), 0)::int as new_cases,
  coalesce(sum(n), 0)::int as accepted_cases,
  coalesce(sum(n) filter (where cat = 'ENTRUSTED_OUT'), 0)::int as entrusted_cases,
  coalesce(sum(n) filter (where cat <> 'ENTRUSTED_OUT'), 0)::int as to_enforce_cases,
  coalesce(sum(n) filter (where cat = 'NOT_YET_ENFORCEABLE'), 0)::int as nye_cases,
  coalesce(sum(n) filter (where cat not in ('ENTRUSTED_OUT', 'NOT_YET_ENFORCEABLE')), 0)::int as enforceable_cases,
  coalesce(sum(n) filter (where cat like 'COMPLETED%'), 0)::int as completed_cases,
  coalesce(sum(n) filter (where cat = 'COMPLETED_FULL'), 0)::int as completed_full_cases,
  coalesce(sum(n) filter (where cat = 'COMPLETED_TERMINATED'), 0)::int as completed_terminated_cases,
  coalesce(sum(n) filter (where cat = 'COMPLETED_PARTLY'), 0)::int as completed_partly_cases,
  coalesce(sum(n) filter (where cat = 'POSTPONED'), 0)::int as postponed_cases,
  coalesce(sum(n) filter (where cat = 'SUSPENDED'), 0)::int as suspended_cases,
  coalesce(sum(n) filter (where cat = 'IN_PROGRESS'), 0)::int as in_progress_cases,
  coalesce(sum(n) filter (where st not in ${FINAL_SQL}), 0)::int as carried_next_cases,
  coalesce(sum(carried_m) filter (where carried), 0)::text as carried_money,
  coalesce(sum(new_m), 0)::text as new_money,
  coalesce(sum(accepted_m), 0)::text as accepted_money,
  coalesce(sum(remaining) filter (where st = 'ENTRUSTED'), 0)::text as entrusted_money,
  coalesce(sum(to_enforce), 0)::text as to_enforce_money,
  coalesce(sum(to_enforce) filter (where cat = 'NOT_YET_ENFORCEABLE'), 0)::text as nye_money,
  coalesce(sum(to_enforce) filter (where cat not in ('ENTRUSTED_OUT', 'NOT_YET_ENFORCEABLE')), 0)::text as enforceable_money,
  coalesce(sum(collected_in) filter (where cat not in ('ENTRUSTED_OUT', 'NOT_YET_ENFORCEABLE')), 0)::text as collected_money,
  coalesce(sum(remaining) filter (where st in ('COMPLETED', 'TERMINATED')), 0)::text as terminated_money,
  coalesce(sum(remaining) filter (where cat = 'POSTPONED'), 0)::text as postponed_money,
  coalesce(sum(remaining) filter (where cat = 'SUSPENDED'), 0)::text as suspended_money,
  coalesce(sum(remaining) filter (where cat = 'IN_PROGRESS'), 0)::text as in_progress_money,
  coalesce(sum(remaining) filter (where st not in ${FINAL_SQL}), 0)::text as carried_next_money`;

/** PostgreSQL array literal of instants. */
export const toTimestampArray = (instants: readonly Date[]) => `{${instants.map((d) => d.toISOString()).join(',')}}`;

/** Sources of a statement's instants: the period's start, and its end(s). */
export interface StatementSources {
  start: StateSources;
  ends: StateSources;
}

/** Every instant from the history's range scan (the reference the snapshot must equal). */
export const rangeSources = (start: Date, ends: readonly Date[]): StatementSources => ({
  start: rangeOnly([start]),
  ends: rangeOnly(ends),
});

/** `tail` (more CTEs, then the final select) after the cases every filter admits, classified for the period from `start`. */
function overClassifiedCases(
  filters: ReadonlyArray<ScopeFilter | null>,
  start: Date,
  sources: StatementSources,
  tail: string,
  withSettings = true,
): Statement {
  const base = classifiedCasesSql(scopeCondition(filters, 'h', 'sa'), start, sources.start, sources.ends, withSettings);
  return { ...base, sql: `${base.sql},\n      ${tail}` };
}

/**
 * The statement of a report: the Ministry's rows as of `end` for the period starting at `start`, for
 * the cases every filter admits, grouped by `grouping sets ((), office, commune, officer)`; `g` is
 * `grouping(lead_agency_id, commune_id, officer_id)` (7 = total, 3 = by office, 5 = by commune, 6 = by officer).
 */
export function reportSql(
  filters: ReadonlyArray<ScopeFilter | null>,
  end: Date,
  start: Date,
  sources: StatementSources = rangeSources(start, [end]),
): Statement {
  return overClassifiedCases(
    filters,
    start,
    sources,
    `${groupedSql(['lead_agency_id', 'commune_id', 'officer_id'])}
       select lead_agency_id, commune_id, officer_id, grouping(lead_agency_id, commune_id, officer_id)::int as g, ${AGGREGATES_SQL}
         from classified_groups
        group by grouping sets ((), (lead_agency_id), (commune_id), (officer_id))`,
  );
}

/** The statement of the trend: one aggregate row per period end `e` (cumulative from `start`). */
export function trendSql(
  filters: ReadonlyArray<ScopeFilter | null>,
  ends: readonly Date[],
  start: Date,
  sources: StatementSources = rangeSources(start, ends),
): Statement {
  return overClassifiedCases(filters, start, sources, `${groupedSql(['e'])} select e, ${AGGREGATES_SQL} from classified_groups group by e`);
}

/** The ids of the cases behind one row of a report (drill-down; a subquery of the page, so planned without settings). */
export function rowCaseIdsSql(
  filters: ReadonlyArray<ScopeFilter | null>,
  end: Date,
  start: Date,
  row: StatisticsRowKey,
  sources: StatementSources = rangeSources(start, [end]),
): SqlPart {
  return overClassifiedCases(
    filters,
    start,
    sources,
    `${CLASSIFIED_SQL} select case_id from classified where ${ROW_CONDITIONS[row]}`,
    false,
  );
}

/** The raw aggregate row as PostgreSQL returns it. */
export interface AggregateRow {
  carried_cases: number;
  new_cases: number;
  accepted_cases: number;
  entrusted_cases: number;
  to_enforce_cases: number;
  nye_cases: number;
  enforceable_cases: number;
  completed_cases: number;
  completed_full_cases: number;
  completed_terminated_cases: number;
  completed_partly_cases: number;
  postponed_cases: number;
  suspended_cases: number;
  in_progress_cases: number;
  carried_next_cases: number;
  carried_money: string;
  new_money: string;
  accepted_money: string;
  entrusted_money: string;
  to_enforce_money: string;
  nye_money: string;
  enforceable_money: string;
  collected_money: string;
  terminated_money: string;
  postponed_money: string;
  suspended_money: string;
  in_progress_money: string;
  carried_next_money: string;
}

/** The rows a drill-down can list, with the condition on `classified` that selects their cases. */
export const ROW_CONDITIONS = {
  CARRIED_OVER: 'carried',
  NEWLY_ACCEPTED: 'not carried',
  TOTAL_ACCEPTED: 'true',
  ENTRUSTED_OUT: `cat = 'ENTRUSTED_OUT'`,
  TOTAL_TO_ENFORCE: `cat <> 'ENTRUSTED_OUT'`,
  NOT_YET_ENFORCEABLE: `cat = 'NOT_YET_ENFORCEABLE'`,
  ENFORCEABLE: `cat not in ('ENTRUSTED_OUT', 'NOT_YET_ENFORCEABLE')`,
  COMPLETED: `cat like 'COMPLETED%'`,
  COMPLETED_FULLY: `cat = 'COMPLETED_FULL'`,
  COMPLETED_TERMINATED: `cat = 'COMPLETED_TERMINATED'`,
  COMPLETED_PARTLY: `cat = 'COMPLETED_PARTLY'`,
  POSTPONED: `cat = 'POSTPONED'`,
  SUSPENDED: `cat = 'SUSPENDED'`,
  IN_PROGRESS: `cat = 'IN_PROGRESS'`,
  CARRIED_TO_NEXT: `st not in ${FINAL_SQL}`,
} as const;

export type StatisticsRowKey = keyof typeof ROW_CONDITIONS;
