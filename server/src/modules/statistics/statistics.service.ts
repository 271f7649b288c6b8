import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import { claimVersion } from '../../db/optimistic';
import { findPage, type PageArgs } from '../../db/pagination';
import { badInput, forbidden, notFound } from '../../errors';
import { loadCommitted, type Outbox } from '../../events/outbox';
import { streams, topics } from '../../events/vocabulary';
import { visibleCaseIdsSql } from '../../policy/case-visibility';
import {
  canOpenStatisticsDashboard,
  canReadStatistics,
  canSetSomeStatisticsTarget,
  canSetStatisticsTarget,
  statisticsReach,
  type StatisticsScopeFacts,
} from '../../policy/abilities';
import { Agency, AgencyKind } from '../agencies/agency.entity';
import { Area } from '../areas/area.entity';
import { EnforcementCase } from '../cases/case.entity';
import { User } from '../users/user.entity';
import { monthEndsUpTo, PeriodKind, resolvePeriod, statisticalYearOf, type Period } from './periods';
import {
  FINAL_SQL,
  reachFilter,
  reportSql,
  rowCaseIdsSql,
  scopeCondition,
  trendSql,
  type AggregateRow,
  type AggregateStatement,
  type ScopeFilter,
  type SqlPart,
  type StatisticsRowKey,
} from './statistics-sql';
import { statementSources } from './snapshot';
import { StatisticsTarget } from './target.entity';

/** Tuning of the statistics statements (config). */
export interface StatisticsOptions {
  /** work_mem in MB for each aggregate statement's transaction; unset = the server's default. */
  workMemMb?: number;
}

/** What the statistics are about: one of an area, an agency or an officer; none = the viewer's whole reach. */
export interface ScopeInput {
  areaId?: string | null;
  agencyId?: string | null;
  officerId?: string | null;
}

/** A resolved scope: its filter, a name for people, and the agency whose target applies. */
export interface ResolvedScope {
  kind: 'AREA' | 'AGENCY' | 'OFFICER' | 'REACH';
  name: string;
  filter: ScopeFilter | null;
  targetAgencyId: string | null;
}

/** A figure of one row: number of cases and money (exact đồng as a decimal string). */
export interface Figure {
  cases: number;
  money: string;
}

/** A rate with its exact parts, the target (percent) and whether it is met. */
export interface Rate {
  numerator: string;
  denominator: string;
  /** Percent with two decimals, or null when nothing is enforceable. */
  percent: number | null;
  target: number | null;
  /** percent − target (percentage points), when both exist. */
  gap: number | null;
  met: boolean | null;
}

/** The Ministry's rows for one scope and period. */
export interface StatisticsRows {
  carriedOver: Figure;
  newlyAccepted: Figure;
  totalAccepted: Figure;
  entrustedOut: Figure;
  totalToEnforce: Figure;
  notYetEnforceable: Figure;
  enforceable: Figure;
  /** Cases completed; money = money actually collected in the period on enforceable cases. */
  completed: Figure;
  completedFullyCases: number;
  completedTerminatedCases: number;
  completedPartlyCases: number;
  /** Money of completed or terminated cases that was not collected (the terminated remainder). */
  terminatedUncollectedMoney: string;
  postponed: Figure;
  suspended: Figure;
  inProgress: Figure;
  carriedToNext: Figure;
  caseRate: Rate;
  moneyRate: Rate;
}

/** One line of a breakdown (an office, a commune or an officer). */
export interface BreakdownLine {
  id: string | null;
  name: string;
  rows: StatisticsRows;
}

export interface StatisticsReport {
  scope: ResolvedScope;
  period: Period;
  totals: StatisticsRows;
  byAgency: BreakdownLine[];
  byCommune: BreakdownLine[];
  byOfficer: BreakdownLine[];
}

/** One month of the trend: cumulative from 1 October to the month's end. */
export interface TrendPoint {
  monthEnd: Date;
  /** 'YYYY-MM' of the month, local. */
  month: string;
  caseRate: Rate;
  moneyRate: Rate;
  completedCases: number;
  collectedMoney: string;
}

export type StuckListKey = 'BACKLOG' | 'HARD' | 'OVERDUE_TASKS' | 'ESCALATIONS' | 'UPCOMING_COERCIONS' | 'PERSUASION_VISITS';

export interface OverdueByAgency {
  agencyId: string;
  agencyName: string;
  tasks: number;
  cases: number;
  maxDaysOverdue: number;
}

export interface UpcomingCoercion {
  actionId: string;
  caseId: string;
  decisionNumber: string | null;
  title: string;
  scheduledStart: Date;
  status: string;
  sentToProcuracy: boolean;
  sentToPolice: boolean;
  sentToCommune: boolean;
  protectionPlanReceived: boolean;
  participantsInvited: number;
  participantsConfirmed: number;
}

export interface StuckOverview {
  backlogCases: number;
  hardCases: number;
  overdueTasks: number;
  overdueByAgency: OverdueByAgency[];
  escalationsAwaiting: number;
  upcomingCoercions: UpcomingCoercion[];
  persuasionVisitsPlanned: number;
  persuasionOutcomes: Array<{ outcome: string; visits: number }>;
}

/** What the web app offers a viewer around the statistics (see StatisticsService.access). */
export interface StatisticsAccess {
  dashboard: boolean;
  currentStatisticalYear: number;
  /**
   * The statistical years that have figures, newest first: from the year of the first recorded case
   * state to the current one (the dashboard's year picker; empty when the viewer may read none).
   */
  statisticalYears: number[];
  /** Enforcement offices whose statistics the viewer may read (the dashboard's unit picker). */
  offices: Array<{ id: string; name: string }>;
  /** Enforcement offices whose yearly targets the viewer may set. */
  targetOffices: Array<{ id: string; name: string }>;
}

const BREAKDOWN_LIMIT = 200;
const UPCOMING_LIMIT = 50;
const OPEN_TASK_SQL = `('OPEN','ACCEPTED','IN_PROGRESS')`;
const VN_OFFSET_MS = 7 * 3_600_000;

/**
 * Runs one aggregate statement (a report, a trend, "where it is stuck") in a read-only transaction
 * with `workMemMb` of work_mem (config STATISTICS_WORK_MEM_MB), so its sorts, hashes and CTEs stay in
 * memory (at 50,000 cases the report's group sort spilled 3.4 MB to disk at the 4 MB default), and
 * with the statement's own planner settings (statistics-sql.ts `classifiedCasesSql`). Read-only and
 * every setting are one `select set_config(…, true)`, local to the transaction: four statements in all.
 * Without work_mem and settings it is the statement alone.
 */
export function runAggregate<T extends object[]>(em: EntityManager, statement: AggregateStatement, workMemMb?: number): Promise<T> {
  const settings: Record<string, string> = { ...statement.settings };
  if (workMemMb) settings.work_mem = `${workMemMb}MB`;
  if (!Object.keys(settings).length) return em.execute<T>(statement.sql, statement.params);
  settings.transaction_read_only = 'on';
  const names = Object.keys(settings);
  return em.fork().transactional(async (tx) => {
    await tx.execute(
      `select ${names.map(() => 'set_config(?, ?, true)').join(', ')}`,
      names.flatMap((name) => [name, settings[name]]),
    );
    return tx.execute<T>(statement.sql, statement.params);
  });
}

/**
 * Statistics for the steering committee and the offices (rule 9, Thông tư 06/2019/TT-BTP), targets
 * (chỉ tiêu) and "where it is stuck". All figures are SQL aggregates over the state history; every
 * request is intersected with the viewer's reach (policy/abilities.ts `statisticsReach`).
 */
export class StatisticsService {
  constructor(
    private readonly outbox: Outbox,
    private readonly options: StatisticsOptions = {},
  ) {}

  /** Runs one aggregate statement with the statistics work_mem (`runAggregate`). */
  private aggregate<T extends object[]>(em: EntityManager, statement: AggregateStatement): Promise<T> {
    return runAggregate<T>(em, statement, this.options.workMemMb);
  }

  /** Resolves and authorises the scope; FORBIDDEN outside the viewer's reach, NOT_FOUND for unknown ids. */
  async resolveScope(em: EntityManager, viewer: Viewer, input: ScopeInput): Promise<ResolvedScope> {
    const reach = statisticsReach(viewer);
    if (reach.kind === 'none')
      throw forbidden(
        'Bạn không có quyền xem số liệu thống kê thi hành án (chỉ Ban Chỉ đạo, cơ quan thi hành án, Viện kiểm sát và UBND trong địa bàn).',
      );
    const given = [input.areaId, input.agencyId, input.officerId].filter(Boolean).length;
    if (given > 1) throw badInput('Chỉ chọn một phạm vi: địa bàn, cơ quan hoặc chấp hành viên.', { field: 'scope' });
    const refuse = () => forbidden('Phạm vi thống kê này nằm ngoài địa bàn/cơ quan bạn được xem.');

    if (input.areaId) {
      const area = await em.findOne(Area, { id: input.areaId });
      if (!area) throw notFound('địa bàn', { field: 'areaId' });
      if (!canReadStatistics(viewer, { kind: 'area', path: area.path })) throw refuse();
      return { kind: 'AREA', name: area.name, filter: { areaPaths: [area.path] }, targetAgencyId: await this.officeCovering(em, area.id) };
    }
    if (input.agencyId || input.officerId) {
      let officer: User | null = null;
      let agencyId = input.agencyId ?? null;
      if (input.officerId) {
        officer = await em.findOne(User, { id: input.officerId });
        if (!officer) throw notFound('chấp hành viên', { field: 'officerId' });
        agencyId = officer.agency.id;
      }
      const agency = await em.findOne(Agency, { id: agencyId! }, { populate: ['coveredAreas'] });
      if (!agency) throw notFound('cơ quan', { field: 'agencyId' });
      const facts = await this.agencyFacts(em, agency);
      if (!canReadStatistics(viewer, facts)) throw refuse();
      if (officer) return { kind: 'OFFICER', name: officer.fullName, filter: { officerId: officer.id }, targetAgencyId: null };
      const filter: ScopeFilter =
        agency.kind === AgencyKind.ENFORCEMENT_OFFICE ? { officeId: agency.id } : { areaPaths: facts.coveredAreaPaths };
      return {
        kind: 'AGENCY',
        name: agency.name,
        filter,
        targetAgencyId: agency.kind === AgencyKind.ENFORCEMENT_OFFICE ? agency.id : await this.officeForAreas(em, agency),
      };
    }
    // The viewer's whole reach: their own agency's name and target.
    const own = await em.findOneOrFail(Agency, { id: viewer.agencyId }, { populate: ['coveredAreas'] });
    const targetAgencyId = own.kind === AgencyKind.ENFORCEMENT_OFFICE ? own.id : await this.officeForAreas(em, own);
    return { kind: 'REACH', name: own.name, filter: null, targetAgencyId };
  }

  /** The Ministry's rows for a scope and period, with the breakdown by office, commune and officer. */
  async report(
    em: EntityManager,
    viewer: Viewer,
    scopeInput: ScopeInput,
    periodInput: { kind: PeriodKind; statisticalYear: number; number?: number | null },
  ): Promise<StatisticsReport> {
    const scope = await this.resolveScope(em, viewer, scopeInput);
    const period = resolvePeriod(periodInput.kind, periodInput.statisticalYear, periodInput.number ?? 1);
    const statement = reportSql(
      [scope.filter, reachFilter(statisticsReach(viewer))],
      period.end,
      period.start,
      await statementSources(em, period.start, [period.end]),
    );
    const rows = await this.aggregate<
      Array<AggregateRow & { lead_agency_id: string | null; commune_id: string | null; officer_id: string | null; g: number }>
    >(em, statement);
    const target = await this.targetOf(em, scope.targetAgencyId, period.statisticalYear);
    const total = rows.find((r) => r.g === 7);
    const lines = (pick: (r: (typeof rows)[number]) => string | null, g: number) =>
      rows.filter((r) => r.g === g).map((r) => ({ id: pick(r), row: r }));
    const agencies = lines((r) => r.lead_agency_id, 3);
    const communes = lines((r) => r.commune_id, 5);
    const officers = lines((r) => r.officer_id, 6);
    const names = await this.names(
      em,
      agencies.map((l) => l.id),
      communes.map((l) => l.id),
      officers.map((l) => l.id),
    );
    const breakdown = (list: typeof agencies, nameOf: Map<string, string>, none: string) =>
      list
        .map((l) => ({ id: l.id, name: l.id ? (nameOf.get(l.id) ?? l.id) : none, rows: toRows(l.row, null) }))
        .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
        .slice(0, BREAKDOWN_LIMIT);
    return {
      scope,
      period,
      totals: toRows(total ?? emptyAggregate(), target),
      byAgency: breakdown(agencies, names.agencies, 'Không xác định'),
      byCommune: breakdown(communes, names.areas, 'Không xác định'),
      byOfficer: breakdown(officers, names.users, 'Chưa phân công chấp hành viên'),
    };
  }

  /** Cumulative rates month by month over a statistical year (to the current month), in one query. */
  async trend(em: EntityManager, viewer: Viewer, scopeInput: ScopeInput, statisticalYear: number): Promise<TrendPoint[]> {
    const scope = await this.resolveScope(em, viewer, scopeInput);
    const year = resolvePeriod(PeriodKind.STATISTICAL_YEAR, statisticalYear);
    const ends = monthEndsUpTo(statisticalYear, new Date());
    const statement = trendSql(
      [scope.filter, reachFilter(statisticsReach(viewer))],
      ends,
      year.start,
      await statementSources(em, year.start, ends),
    );
    const rows = await this.aggregate<Array<AggregateRow & { e: Date }>>(em, statement);
    const byEnd = new Map(rows.map((r) => [new Date(r.e).getTime(), r]));
    const target = await this.targetOf(em, scope.targetAgencyId, statisticalYear);
    return ends.map((e) => {
      const rowsOf = toRows(byEnd.get(e.getTime()) ?? emptyAggregate(), target);
      return {
        monthEnd: e,
        month: new Date(e.getTime() + VN_OFFSET_MS - 1).toISOString().slice(0, 7),
        caseRate: rowsOf.caseRate,
        moneyRate: rowsOf.moneyRate,
        completedCases: rowsOf.completed.cases,
        collectedMoney: rowsOf.completed.money,
      };
    });
  }

  /** The cases behind one row of the report (drill-down), newest first, paged. */
  async rowCases(
    em: EntityManager,
    viewer: Viewer,
    scopeInput: ScopeInput,
    periodInput: { kind: PeriodKind; statisticalYear: number; number?: number | null },
    row: StatisticsRowKey,
    page: PageArgs,
  ) {
    const scope = await this.resolveScope(em, viewer, scopeInput);
    const period = resolvePeriod(periodInput.kind, periodInput.statisticalYear, periodInput.number ?? 1);
    return this.casePage(
      em,
      viewer,
      rowCaseIdsSql(
        [scope.filter, reachFilter(statisticsReach(viewer))],
        period.end,
        period.start,
        row,
        await statementSources(em, period.start, [period.end]),
      ),
      page,
    );
  }

  /** "Where it is stuck", now, for a scope: backlog, hard cases, overdue tasks, escalations, coercions, visits. */
  async stuck(
    em: EntityManager,
    viewer: Viewer,
    scopeInput: ScopeInput,
    options: { coercionDays: number; now?: Date },
  ): Promise<StuckOverview> {
    if (!Number.isInteger(options.coercionDays) || options.coercionDays < 1 || options.coercionDays > 90) {
      throw badInput('Số ngày xem trước các cuộc cưỡng chế phải từ 1 đến 90.', { field: 'coercionDays' });
    }
    const scope = await this.resolveScope(em, viewer, scopeInput);
    const now = options.now ?? new Date();
    const yearStart = resolvePeriod(PeriodKind.STATISTICAL_YEAR, statisticalYearOf(now)).start;
    const until = new Date(now.getTime() + options.coercionDays * 86_400_000);
    const cond = scopeCondition([scope.filter, reachFilter(statisticsReach(viewer))], 'c', null);
    // One statement: the cases in scope are read once (one bitmap scan of enforcement_case, with the
    // "hard" flag), and every figure joins only the small sets it counts (open current rows accepted
    // before the year through a partial index, open tasks, planned actions) to them by hash — not a
    // per-case probe of each table per figure (4.8 s at 50,000 cases before; docs/statistics.md).
    const [row] = await this.aggregate<
      Array<{
        backlog: number;
        hard: number;
        overdue: number;
        escalations: number;
        planned_visits: number;
        by_agency: Array<{ agency_id: string; agency_name: string; tasks: number; cases: number; max_days: number }>;
        coercions: Array<Record<string, any>>;
        outcomes: Array<{ outcome: string; visits: number }>;
      }>
    >(em, {
      sql: `with scoped as materialized (
         select c.id, c.decision_number, c.complex and c.status::text not in ${FINAL_SQL} as hard from enforcement_case c where ${cond.sql}
       ),
       open_tasks as materialized (
         select t.case_id, t.assignee_agency_id, t.due_at, t.due_at < ? as overdue, t.escalated_at is not null as escalated
           from case_task t join scoped s on s.id = t.case_id
          where t.status::text in ${OPEN_TASK_SQL} and (t.due_at < ? or t.escalated_at is not null)
       ),
       overdue_by_agency as (
         select g.id as agency_id, g.name as agency_name, count(*)::int as tasks, count(distinct t.case_id)::int as cases,
                floor(extract(epoch from (?::timestamptz - min(t.due_at))) / 86400)::int as max_days
           from open_tasks t join agency g on g.id = t.assignee_agency_id
          where t.overdue
          group by g.id, g.name order by tasks desc, g.name limit 50
       ),
       coercions as (
         select a.id, a.case_id, s.decision_number, a.title, a.scheduled_start, a.status::text as status,
                a.protection_plan_recorded_at is not null as protection,
                coalesce(bool_or(g.kind = 'PROCURACY'), false) as procuracy, coalesce(bool_or(g.kind = 'POLICE'), false) as police,
                coalesce(bool_or(g.kind = 'PEOPLES_COMMITTEE'), false) as commune,
                count(p.id)::int as invited, count(p.id) filter (where p.status = 'CONFIRMED')::int as confirmed
           from case_action a join scoped s on s.id = a.case_id
           left join action_participant p on p.action_id = a.id left join agency g on g.id = p.agency_id
          where a.kind = 'COERCION' and a.status::text in ('PLANNED','READY') and a.scheduled_start >= ? and a.scheduled_start < ?
          group by a.id, s.decision_number order by a.scheduled_start limit ${UPCOMING_LIMIT}
       ),
       outcomes as (
         select coalesce(a.outcome::text, 'NONE') as outcome, count(*)::int as visits
           from case_action a join scoped s on s.id = a.case_id
          where a.kind = 'PERSUASION_VISIT' and a.status = 'COMPLETED' and a.completed_at >= ?
          group by 1 order by 2 desc, 1
       )
       select
         (select count(*) from case_state_history h join scoped s on s.id = h.case_id
           where h.valid_to is null and h.accepted_at < ? and h.status::text not in ${FINAL_SQL})::int as backlog,
         (select count(*) filter (where hard) from scoped)::int as hard,
         (select count(*) filter (where overdue) from open_tasks)::int as overdue,
         (select count(*) filter (where escalated) from open_tasks)::int as escalations,
         (select count(*) from case_action a join scoped s on s.id = a.case_id
           where a.kind = 'PERSUASION_VISIT' and a.status::text in ('PLANNED','READY') and a.scheduled_start >= ?)::int as planned_visits,
         (select coalesce(json_agg(o order by o.tasks desc, o.agency_name), '[]'::json) from overdue_by_agency o) as by_agency,
         (select coalesce(json_agg(k order by k.scheduled_start), '[]'::json) from coercions k) as coercions,
         (select coalesce(json_agg(v order by v.visits desc, v.outcome), '[]'::json) from outcomes v) as outcomes`,
      params: [...cond.params, now, now, now, now, until, yearStart, yearStart, now],
    });
    const counts = row;
    const overdueByAgency = row.by_agency;
    const coercions = row.coercions;
    const outcomes = row.outcomes;
    return {
      backlogCases: counts.backlog,
      hardCases: counts.hard,
      overdueTasks: counts.overdue,
      overdueByAgency: overdueByAgency.map((r) => ({
        agencyId: r.agency_id,
        agencyName: r.agency_name,
        tasks: r.tasks,
        cases: r.cases,
        maxDaysOverdue: r.max_days,
      })),
      escalationsAwaiting: counts.escalations,
      upcomingCoercions: coercions.map((r) => ({
        actionId: r.id,
        caseId: r.case_id,
        decisionNumber: r.decision_number,
        title: r.title,
        scheduledStart: new Date(r.scheduled_start),
        status: r.status,
        sentToProcuracy: Boolean(r.procuracy),
        sentToPolice: Boolean(r.police),
        sentToCommune: Boolean(r.commune),
        protectionPlanReceived: Boolean(r.protection),
        participantsInvited: r.invited,
        participantsConfirmed: r.confirmed,
      })),
      persuasionVisitsPlanned: counts.planned_visits,
      persuasionOutcomes: outcomes,
    };
  }

  /** The cases behind a "where it is stuck" figure, paged (OVERDUE_TASKS may name the assignee agency). */
  async stuckCases(
    em: EntityManager,
    viewer: Viewer,
    scopeInput: ScopeInput,
    list: StuckListKey,
    page: PageArgs,
    options: { agencyId?: string | null; coercionDays?: number | null; now?: Date } = {},
  ) {
    const scope = await this.resolveScope(em, viewer, scopeInput);
    const now = options.now ?? new Date();
    const yearStart = resolvePeriod(PeriodKind.STATISTICAL_YEAR, statisticalYearOf(now)).start;
    const cond = scopeCondition([scope.filter, reachFilter(statisticsReach(viewer))], 'c', 'ca');
    const conditions: Record<StuckListKey, SqlPart> = {
      BACKLOG: {
        sql: `exists (select 1 from case_state_history h where h.case_id = c.id and h.valid_to is null and h.accepted_at < ? and h.status::text not in ${FINAL_SQL})`,
        params: [yearStart],
      },
      HARD: { sql: `c.complex and c.status::text not in ${FINAL_SQL}`, params: [] },
      OVERDUE_TASKS: {
        sql: `exists (select 1 from case_task t where t.case_id = c.id and t.status::text in ${OPEN_TASK_SQL} and t.due_at < ?${options.agencyId ? ' and t.assignee_agency_id = ?' : ''})`,
        params: options.agencyId ? [now, options.agencyId] : [now],
      },
      ESCALATIONS: {
        sql: `exists (select 1 from case_task t where t.case_id = c.id and t.status::text in ${OPEN_TASK_SQL} and t.escalated_at is not null)`,
        params: [],
      },
      UPCOMING_COERCIONS: {
        sql: `exists (select 1 from case_action a where a.case_id = c.id and a.kind = 'COERCION' and a.status::text in ('PLANNED','READY') and a.scheduled_start >= ? and a.scheduled_start < ?)`,
        params: [now, new Date(now.getTime() + (options.coercionDays ?? 14) * 86_400_000)],
      },
      PERSUASION_VISITS: {
        sql: `exists (select 1 from case_action a where a.case_id = c.id and a.kind = 'PERSUASION_VISIT' and (a.status::text in ('PLANNED','READY') or a.completed_at >= ?))`,
        params: [yearStart],
      },
    };
    const extra = conditions[list];
    return this.casePage(
      em,
      viewer,
      {
        sql: `select c.id from enforcement_case c join area ca on ca.id = c.commune_id where ${cond.sql} and ${extra.sql}`,
        params: [...cond.params, ...extra.params],
      },
      page,
    );
  }

  /** Sets (or replaces) an agency's targets for a statistical year; FORBIDDEN unless `canSetStatisticsTarget`. */
  async setTarget(
    em: EntityManager,
    viewer: Viewer,
    input: { agencyId: string; statisticalYear: number; caseRatePercent: string; moneyRatePercent: string },
  ): Promise<StatisticsTarget> {
    for (const field of ['caseRatePercent', 'moneyRatePercent'] as const) {
      const value = input[field];
      if (!/^\d{1,3}(\.\d{1,2})?$/.test(value) || Number(value) > 100)
        throw badInput('Chỉ tiêu là tỷ lệ phần trăm từ 0 đến 100, tối đa 2 chữ số thập phân (ví dụ 83.25).', { field });
    }
    resolvePeriod(PeriodKind.STATISTICAL_YEAR, input.statisticalYear);
    const agency = await em.findOne(Agency, { id: input.agencyId }, { populate: ['coveredAreas'] });
    if (!agency) throw notFound('cơ quan', { field: 'agencyId' });
    const facts = await this.agencyFacts(em, agency);
    if (!canSetStatisticsTarget(viewer, { kind: agency.kind, coveredAreaPaths: facts.coveredAreaPaths })) {
      throw forbidden(
        agency.kind === AgencyKind.ENFORCEMENT_OFFICE
          ? 'Bạn không có quyền giao chỉ tiêu cho cơ quan này (chỉ Ban Chỉ đạo có địa bàn bao trùm cơ quan).'
          : 'Chỉ tiêu chỉ giao cho cơ quan thi hành án dân sự.',
      );
    }
    const id = await this.outbox.transaction(em, async (tx) => {
      const existing = await tx.em.findOne(StatisticsTarget, { agency: agency.id, statisticalYear: input.statisticalYear });
      let target: StatisticsTarget;
      if (existing) {
        await claimVersion(tx.em, StatisticsTarget, existing.id, existing.version, 'chỉ tiêu');
        existing.version += 1;
        existing.caseRatePercent = input.caseRatePercent;
        existing.moneyRatePercent = input.moneyRatePercent;
        existing.setBy = tx.em.getReference(User, viewer.userId);
        target = existing;
      } else {
        target = tx.em.create(StatisticsTarget, {
          agency: tx.em.getReference(Agency, agency.id),
          statisticalYear: input.statisticalYear,
          caseRatePercent: input.caseRatePercent,
          moneyRatePercent: input.moneyRatePercent,
          setBy: tx.em.getReference(User, viewer.userId),
        });
      }
      await tx.em.flush();
      await tx.emit({
        type: 'statistics.targetSet',
        stream: streams.agency(agency.id),
        actorId: viewer.userId,
        topics: [topics.agency(agency.id), topics.statistics],
        payload: {
          agencyId: agency.id,
          statisticalYear: input.statisticalYear,
          caseRatePercent: input.caseRatePercent,
          moneyRatePercent: input.moneyRatePercent,
        },
      });
      return target.id;
    });
    // With its agency loaded here: the fork's entity cannot be populated later through another EntityManager.
    return loadCommitted(() => em.fork().findOneOrFail(StatisticsTarget, { id }, { populate: ['agency'] }));
  }

  /**
   * What the web app may offer this viewer: the dashboard link, and the offices whose targets they
   * may set (empty when none). Decided by the policy (`canOpenStatisticsDashboard`, `canSetStatisticsTarget`).
   */
  async access(em: EntityManager, viewer: Viewer): Promise<StatisticsAccess> {
    const currentStatisticalYear = statisticalYearOf(new Date());
    if (statisticsReach(viewer).kind === 'none')
      return { dashboard: false, currentStatisticalYear, statisticalYears: [], offices: [], targetOffices: [] };
    // Offices are few (a province has a handful of regional offices): one query, ancestry walked in memory.
    const [offices, parents, [first]] = await Promise.all([
      em.find(
        Agency,
        { kind: AgencyKind.ENFORCEMENT_OFFICE, active: true },
        { populate: ['coveredAreas'], orderBy: { name: 'asc' }, limit: BREAKDOWN_LIMIT },
      ),
      em.execute<Array<{ id: string; parent_id: string | null }>>(`select id, parent_id from agency`),
      // min() over the (valid_from, valid_to) index: one index probe, not a scan of the history.
      em.execute<Array<{ first: Date | null }>>(`select min(valid_from) as first from case_state_history`),
    ]);
    const firstYear = first?.first ? Math.min(statisticalYearOf(new Date(first.first)), currentStatisticalYear) : currentStatisticalYear;
    const statisticalYears = Array.from({ length: currentStatisticalYear - firstYear + 1 }, (_, i) => currentStatisticalYear - i);
    const parentOf = new Map(parents.map((p) => [p.id, p.parent_id]));
    const ancestry = (id: string) => {
      const chain: string[] = [];
      for (let at: string | null | undefined = id; at && !chain.includes(at); at = parentOf.get(at)) chain.push(at);
      return chain;
    };
    const withFacts = offices.map((o) => ({ o, paths: o.coveredAreas.getItems().map((a) => a.path) }));
    const readable = withFacts.filter(({ o, paths }) =>
      canReadStatistics(viewer, { kind: 'agency', agencyAndAncestorIds: ancestry(o.id), coveredAreaPaths: paths }),
    );
    const targetOffices = canSetSomeStatisticsTarget(viewer)
      ? withFacts.filter(({ o, paths }) => canSetStatisticsTarget(viewer, { kind: o.kind, coveredAreaPaths: paths }))
      : [];
    const unit = ({ o }: { o: Agency }) => ({ id: o.id, name: o.name });
    return {
      dashboard: canOpenStatisticsDashboard(viewer),
      currentStatisticalYear,
      statisticalYears,
      offices: readable.map(unit),
      targetOffices: targetOffices.map(unit),
    };
  }

  /** Targets for a statistical year of the agencies in the viewer's reach. */
  async targets(em: EntityManager, viewer: Viewer, statisticalYear: number): Promise<StatisticsTarget[]> {
    await this.resolveScope(em, viewer, {});
    const all = await em.find(
      StatisticsTarget,
      { statisticalYear },
      { populate: ['agency', 'agency.coveredAreas'], orderBy: { agency: { name: 'asc' } } },
    );
    const visible: StatisticsTarget[] = [];
    for (const t of all) if (canReadStatistics(viewer, await this.agencyFacts(em, t.agency))) visible.push(t);
    return visible;
  }

  /**
   * A page of the cases whose ids `ids` selects, limited to those the viewer may open ('case.read'):
   * a commune official sees the commune's figures but lists only the cases shared with the commune.
   */
  private async casePage(em: EntityManager, viewer: Viewer, ids: SqlPart, page: PageArgs) {
    const visible = visibleCaseIdsSql(viewer);
    const knex = em.getKnex();
    return findPage(
      em,
      EnforcementCase,
      {
        $and: [
          { id: { $in: knex.raw(ids.sql, ids.params as never[]) as never } },
          { id: { $in: knex.raw(visible.sql, visible.params as never[]) as never } },
        ],
      },
      { createdAt: 'desc', id: 'desc' },
      page,
    );
  }

  private async agencyFacts(em: EntityManager, agency: Agency): Promise<StatisticsScopeFacts & { kind: 'agency' }> {
    const ancestors = await em.execute<Array<{ id: string }>>(
      `with recursive up(id, parent_id) as (select id, parent_id from agency where id = ? union all select g.id, g.parent_id from agency g join up on g.id = up.parent_id) select id from up`,
      [agency.id],
    );
    if (!agency.coveredAreas.isInitialized()) await agency.coveredAreas.init();
    return {
      kind: 'agency',
      agencyAndAncestorIds: ancestors.map((a) => a.id),
      coveredAreaPaths: agency.coveredAreas.getItems().map((a) => a.path),
    };
  }

  /** The enforcement office covering exactly this area (its target applies to the area's figures). */
  private async officeCovering(em: EntityManager, areaId: string): Promise<string | null> {
    const [row] = await em.execute<Array<{ id: string }>>(
      `select g.id from agency g join agency_coverage ac on ac.agency_id = g.id where ac.area_id = ? and g.kind = 'ENFORCEMENT_OFFICE' and g.active order by g.parent_id nulls first limit 1`,
      [areaId],
    );
    return row?.id ?? null;
  }

  /** For a non-enforcement agency (e.g. the steering committee): the office covering its first area. */
  private async officeForAreas(em: EntityManager, agency: Agency): Promise<string | null> {
    if (!agency.coveredAreas.isInitialized()) await agency.coveredAreas.init();
    for (const area of agency.coveredAreas.getItems()) {
      const office = await this.officeCovering(em, area.id);
      if (office) return office;
    }
    return null;
  }

  private async targetOf(em: EntityManager, agencyId: string | null, statisticalYear: number): Promise<StatisticsTarget | null> {
    return agencyId ? em.findOne(StatisticsTarget, { agency: agencyId, statisticalYear }) : null;
  }

  private async names(em: EntityManager, agencyIds: Array<string | null>, areaIds: Array<string | null>, userIds: Array<string | null>) {
    const clean = (ids: Array<string | null>) => ids.filter((id): id is string => Boolean(id));
    const [agencies, areas, users] = await Promise.all([
      em.find(Agency, { id: { $in: clean(agencyIds) } }, { fields: ['name'] }),
      em.find(Area, { id: { $in: clean(areaIds) } }, { fields: ['name'] }),
      em.find(User, { id: { $in: clean(userIds) } }, { fields: ['fullName'] }),
    ]);
    return {
      agencies: new Map(agencies.map((a) => [a.id, a.name])),
      areas: new Map(areas.map((a) => [a.id, a.name])),
      users: new Map(users.map((u) => [u.id, u.fullName])),
    };
  }
}

function emptyAggregate(): AggregateRow {
  return {
    carried_cases: 0,
    new_cases: 0,
    accepted_cases: 0,
    entrusted_cases: 0,
    to_enforce_cases: 0,
    nye_cases: 0,
    enforceable_cases: 0,
    completed_cases: 0,
    completed_full_cases: 0,
    completed_terminated_cases: 0,
    completed_partly_cases: 0,
    postponed_cases: 0,
    suspended_cases: 0,
    in_progress_cases: 0,
    carried_next_cases: 0,
    carried_money: '0',
    new_money: '0',
    accepted_money: '0',
    entrusted_money: '0',
    to_enforce_money: '0',
    nye_money: '0',
    enforceable_money: '0',
    collected_money: '0',
    terminated_money: '0',
    postponed_money: '0',
    suspended_money: '0',
    in_progress_money: '0',
    carried_next_money: '0',
  };
}

/** Percent with two decimals, rounded half up, exact from bigints. */
export function percentOf(numerator: bigint, denominator: bigint): number | null {
  if (denominator === 0n) return null;
  const hundredths = (numerator * 20000n + denominator) / (2n * denominator); // round(n / d × 10000)
  return Number(hundredths) / 100;
}

function rate(numerator: bigint, denominator: bigint, targetPercent: string | null): Rate {
  const percent = percentOf(numerator, denominator);
  const target = targetPercent == null ? null : Number(targetPercent);
  return {
    numerator: numerator.toString(),
    denominator: denominator.toString(),
    percent,
    target,
    gap: percent != null && target != null ? Math.round((percent - target) * 100) / 100 : null,
    met: percent != null && target != null ? percent >= target : null,
  };
}

function toRows(r: AggregateRow, target: StatisticsTarget | null): StatisticsRows {
  const f = (cases: number, money: string): Figure => ({ cases, money: String(money) });
  return {
    carriedOver: f(r.carried_cases, r.carried_money),
    newlyAccepted: f(r.new_cases, r.new_money),
    totalAccepted: f(r.accepted_cases, r.accepted_money),
    entrustedOut: f(r.entrusted_cases, r.entrusted_money),
    totalToEnforce: f(r.to_enforce_cases, r.to_enforce_money),
    notYetEnforceable: f(r.nye_cases, r.nye_money),
    enforceable: f(r.enforceable_cases, r.enforceable_money),
    completed: f(r.completed_cases, r.collected_money),
    completedFullyCases: r.completed_full_cases,
    completedTerminatedCases: r.completed_terminated_cases,
    completedPartlyCases: r.completed_partly_cases,
    terminatedUncollectedMoney: String(r.terminated_money),
    postponed: f(r.postponed_cases, r.postponed_money),
    suspended: f(r.suspended_cases, r.suspended_money),
    inProgress: f(r.in_progress_cases, r.in_progress_money),
    carriedToNext: f(r.carried_next_cases, r.carried_next_money),
    caseRate: rate(BigInt(r.completed_cases), BigInt(r.enforceable_cases), target?.caseRatePercent ?? null),
    moneyRate: rate(BigInt(r.collected_money), BigInt(r.enforceable_money), target?.moneyRatePercent ?? null),
  };
}
