import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { RequireAbility, SignedIn } from '../../graphql/guards';
import type { CalendarDayView, CalendarRecalculation, TetWindowView } from './calendar.service';
import { CalendarDayKind, CalendarDayType, AddCalendarDayInput, TetWindowType, SetTetDirectiveInput } from './calendar.types';

const toTetWindow = (w: TetWindowView & { recalculated?: CalendarRecalculation }): TetWindowType => ({
  year: w.year,
  tet: w.tet,
  firstDay: w.firstDay,
  lastDay: w.lastDay,
  origin: w.origin,
  source: w.source,
  ruleFirstDay: w.ruleFirstDay,
  ruleLastDay: w.ruleLastDay,
  directiveNumber: w.entered?.documentNumber ?? null,
  directiveDate: w.entered?.documentDate ?? null,
  recalculated: w.recalculated ?? null,
});

const toType = (d: CalendarDayView): CalendarDayType => ({ ...d, kind: d.kind as CalendarDayKind });

@Resolver(() => CalendarDayType)
export class CalendarResolver {
  @SignedIn()
  @Query(() => [CalendarDayType], {
    description: 'Public holidays and official days off / make-up working days in [from, to] (local dates, at most 2 years).',
  })
  async calendarDays(@Ctx() ctx: GraphQLContext, @Arg('from') from: string, @Arg('to') to: string): Promise<CalendarDayType[]> {
    return (await ctx.services.calendar.days(ctx.em, from, to)).map(toType);
  }

  @RequireAbility('calendar.manage')
  @Mutation(() => CalendarDayType, {
    description: 'Adds an official day off or make-up working day (system admins); every instance applies it.',
  })
  async addCalendarDay(@Ctx() ctx: GraphQLContext, @Arg('input') input: AddCalendarDayInput): Promise<CalendarDayType> {
    const { day, recalculated } = await ctx.services.calendar.add(ctx.em, ctx.viewer!, input);
    return { ...toType({ date: day.date, kind: day.kind, name: day.name, source: day.source }), recalculated };
  }

  @SignedIn()
  @Query(() => TetWindowType, {
    description: 'The Tết window of a year in force (directive entered as data, else computed from the lunar calendar).',
  })
  tetWindow(@Ctx() ctx: GraphQLContext, @Arg('year', () => Int) year: number): TetWindowType {
    return toTetWindow(ctx.services.calendar.tetWindow(year));
  }

  @RequireAbility('calendar.manage')
  @Mutation(() => TetWindowType, {
    description: "Enters or replaces the Ministry's Tết directive of a year (system admins); its window replaces the computed one.",
  })
  async setTetDirective(@Ctx() ctx: GraphQLContext, @Arg('input') input: SetTetDirectiveInput): Promise<TetWindowType> {
    return toTetWindow(await ctx.services.calendar.setTetDirective(ctx.em, ctx.viewer!, input));
  }

  @RequireAbility('calendar.manage')
  @Mutation(() => TetWindowType, { description: 'Removes the Tết directive of a year (system admins); the computed window applies again.' })
  async removeTetDirective(@Ctx() ctx: GraphQLContext, @Arg('tetYear', () => Int) tetYear: number): Promise<TetWindowType> {
    return toTetWindow(await ctx.services.calendar.removeTetDirective(ctx.em, ctx.viewer!, tetYear));
  }

  @RequireAbility('calendar.manage')
  @Mutation(() => CalendarDayType, {
    description: 'Removes an official day off or make-up working day (system admins); returns what was removed.',
  })
  async removeCalendarDay(@Ctx() ctx: GraphQLContext, @Arg('date') date: string): Promise<CalendarDayType> {
    const { day, recalculated } = await ctx.services.calendar.remove(ctx.em, ctx.viewer!, date);
    return { ...toType({ date: day.date, kind: day.kind, name: day.name, source: day.source }), recalculated };
  }
}
