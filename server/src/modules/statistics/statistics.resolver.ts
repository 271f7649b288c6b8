import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { toConnection, PageArgsInput } from '../../graphql/connection';
import type { GraphQLContext } from '../../graphql/context';
import { SignedIn } from '../../graphql/guards';
import { CaseConnection } from '../cases/case.types';
import { statisticalYearOf } from './periods';
import { ROW_CONDITIONS, type StatisticsRowKey } from './statistics-sql';
import type { StatisticsTick } from './statistics-live';
import type { StuckListKey } from './statistics.service';
import type { StatisticsTarget } from './target.entity';
import {
  StatisticsRow,
  StuckList,
  StatisticsScopeInput,
  StatisticsPeriodInput,
  SetStatisticsTargetInput,
  ReportType,
  TrendPointType,
  StuckOverviewType,
  TargetType,
  TickType,
  StatisticsAccessType,
} from './statistics.types';
// Both lists must name the same rows.
const _rowsMatch: Record<StatisticsRow, (typeof ROW_CONDITIONS)[StatisticsRowKey]> = ROW_CONDITIONS;
void _rowsMatch;

const STATS_CHECK = 'statistics: scope within statisticsReach (policy/abilities.ts)';

@Resolver()
export class StatisticsResolver {
  @SignedIn('statistics.dashboard / statistics.setTarget abilities of the viewer (policy/abilities.ts)')
  @Query(() => StatisticsAccessType, { description: 'Whether to offer the dashboard and the targets form, for the signed-in viewer.' })
  statisticsAccess(@Ctx() ctx: GraphQLContext) {
    return ctx.services.statistics.access(ctx.em, ctx.viewer!);
  }

  @SignedIn(STATS_CHECK)
  @Query(() => ReportType, { description: 'The Ministry rows for a scope and period, with breakdowns (SQL aggregates, as of the period).' })
  statistics(
    @Ctx() ctx: GraphQLContext,
    @Arg('period') period: StatisticsPeriodInput,
    @Arg('scope', () => StatisticsScopeInput, { nullable: true }) scope?: StatisticsScopeInput,
  ) {
    return ctx.services.statistics.report(ctx.em, ctx.viewer!, scope ?? {}, period);
  }

  @SignedIn(STATS_CHECK)
  @Query(() => [TrendPointType], { description: 'Cumulative rates month by month over a statistical year (default: the current one).' })
  statisticsTrend(
    @Ctx() ctx: GraphQLContext,
    @Arg('statisticalYear', () => Int, { nullable: true }) year?: number,
    @Arg('scope', () => StatisticsScopeInput, { nullable: true }) scope?: StatisticsScopeInput,
  ) {
    return ctx.services.statistics.trend(ctx.em, ctx.viewer!, scope ?? {}, year ?? statisticalYearOf(new Date()));
  }

  @SignedIn(STATS_CHECK + '; cases also filtered by case.read')
  @Query(() => CaseConnection, { description: 'The cases behind one row (drill-down), newest first; only cases you may open are listed.' })
  async statisticsCases(
    @Ctx() ctx: GraphQLContext,
    @Arg('period') period: StatisticsPeriodInput,
    @Arg('row', () => StatisticsRow) row: StatisticsRow,
    @Args() page: PageArgsInput,
    @Arg('scope', () => StatisticsScopeInput, { nullable: true }) scope?: StatisticsScopeInput,
  ) {
    return toConnection(await ctx.services.statistics.rowCases(ctx.em, ctx.viewer!, scope ?? {}, period, row, page));
  }

  @SignedIn(STATS_CHECK)
  @Query(() => StuckOverviewType, { description: '"Where it is stuck" for a scope, now.' })
  stuckOverview(
    @Ctx() ctx: GraphQLContext,
    @Arg('scope', () => StatisticsScopeInput, { nullable: true }) scope?: StatisticsScopeInput,
    @Arg('coercionDays', () => Int, { nullable: true, description: 'Upcoming coercions in the next N days (1–90, default 14).' })
    coercionDays?: number,
  ) {
    return ctx.services.statistics.stuck(ctx.em, ctx.viewer!, scope ?? {}, { coercionDays: coercionDays ?? 14 });
  }

  @SignedIn(STATS_CHECK + '; cases also filtered by case.read')
  @Query(() => CaseConnection, { description: 'The cases behind a "where it is stuck" figure; only cases you may open are listed.' })
  async stuckCases(
    @Ctx() ctx: GraphQLContext,
    @Arg('list', () => StuckList) list: StuckList,
    @Args() page: PageArgsInput,
    @Arg('scope', () => StatisticsScopeInput, { nullable: true }) scope?: StatisticsScopeInput,
    @Arg('agencyId', () => ID, { nullable: true, description: 'OVERDUE_TASKS: only tasks of this assignee agency.' }) agencyId?: string,
    @Arg('coercionDays', () => Int, { nullable: true }) coercionDays?: number,
  ) {
    return toConnection(
      await ctx.services.statistics.stuckCases(ctx.em, ctx.viewer!, scope ?? {}, list as StuckListKey, page, { agencyId, coercionDays }),
    );
  }

  @SignedIn(STATS_CHECK)
  @Query(() => [TargetType], { description: 'Targets (chỉ tiêu) of a statistical year for the agencies you may see.' })
  async statisticsTargets(@Ctx() ctx: GraphQLContext, @Arg('statisticalYear', () => Int) year: number): Promise<TargetType[]> {
    return (await ctx.services.statistics.targets(ctx.em, ctx.viewer!, year)).map(toTargetType);
  }

  @SignedIn(STATS_CHECK + '; ticks only for changes within the reach')
  @Subscription(() => TickType, {
    description: 'Live dashboards: a tick when cases within your reach changed, batched to at most one per STATISTICS_LIVE_DEBOUNCE_MS.',
    subscribe: ({ context }) => {
      const ctx = context as GraphQLContext;
      return ctx.services.statisticsLive.register(ctx.viewer!);
    },
  })
  statisticsChanged(@Root() tick: StatisticsTick): TickType {
    return tick;
  }

  @SignedIn('statistics.setTarget: system admin, or steering member covering the office (policy/abilities.ts)')
  @Mutation(() => TargetType, { description: 'Sets the yearly targets (chỉ tiêu) of an enforcement office.' })
  async setStatisticsTarget(@Ctx() ctx: GraphQLContext, @Arg('input') input: SetStatisticsTargetInput): Promise<TargetType> {
    const t = await ctx.services.statistics.setTarget(ctx.em, ctx.viewer!, input);
    await ctx.em.populate(t, ['agency']);
    return toTargetType(t);
  }
}

/** A target as the API shows it (its agency loaded). */
function toTargetType(t: StatisticsTarget): TargetType {
  return {
    id: t.id,
    agencyId: t.agency.id,
    agencyName: t.agency.name,
    statisticalYear: t.statisticalYear,
    caseRatePercent: t.caseRatePercent,
    moneyRatePercent: t.moneyRatePercent,
    version: t.version,
  };
}
