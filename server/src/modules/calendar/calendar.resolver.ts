import { IsEnum, Length, Matches } from 'class-validator';
import { Arg, Ctx, Field, InputType, Mutation, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { RequireAbility, SignedIn } from '../../graphql/guards';
import { CALENDAR_DAY_KIND } from './calendar-day.entity';
import type { CalendarDayView } from './calendar.service';

/** What a day of the legal calendar is, for display. */
export enum CalendarDayKind {
  PUBLIC_HOLIDAY = 'PUBLIC_HOLIDAY',
  DAY_OFF = 'DAY_OFF',
  WORKING_DAY = 'WORKING_DAY',
}

registerEnumType(CalendarDayKind, {
  name: 'CalendarDayKind',
  description: 'PUBLIC_HOLIDAY: a holiday of Điều 112 BLLĐ 2019 (library); DAY_OFF / WORKING_DAY: an official extra day off or make-up working day (data).',
});
registerEnumType(CALENDAR_DAY_KIND, { name: 'OfficialCalendarDayKind', description: 'An official extra day off, or a make-up working day (a Saturday or Sunday).' });

const DATE_RULE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'Ngày nhập theo dạng YYYY-MM-DD.';

@ObjectType('CalendarDay', { description: 'A non-ordinary day of the legal calendar (Viet Nam local date).' })
export class CalendarDayType {
  @Field({ description: "Local date 'YYYY-MM-DD' (Asia/Ho_Chi_Minh)." }) date!: string;
  @Field(() => CalendarDayKind) kind!: CalendarDayKind;
  @Field() name!: string;
  @Field({ description: 'The decision (official days) or the legal basis (public holidays).' }) source!: string;
}

@InputType()
export class AddCalendarDayInput {
  @Field({ description: "Local date 'YYYY-MM-DD'." }) @Matches(DATE_RULE, { message: DATE_MESSAGE }) date!: string;
  @Field(() => CALENDAR_DAY_KIND) @IsEnum(CALENDAR_DAY_KIND) kind!: CALENDAR_DAY_KIND;
  @Field({ description: 'e.g. "Nghỉ bù Quốc khánh".' }) @Length(2, 200, { message: 'Tên ngày dài từ 2 đến 200 ký tự.' }) name!: string;
  @Field({ description: 'The decision, e.g. "Thông báo 6150/TB-BLĐTBXH".' }) @Length(2, 300, { message: 'Văn bản quyết định dài từ 2 đến 300 ký tự.' }) source!: string;
}

const toType = (d: CalendarDayView): CalendarDayType => ({ ...d, kind: d.kind as CalendarDayKind });

@Resolver(() => CalendarDayType)
export class CalendarResolver {
  @SignedIn()
  @Query(() => [CalendarDayType], { description: 'Public holidays and official days off / make-up working days in [from, to] (local dates, at most 2 years).' })
  async calendarDays(@Ctx() ctx: GraphQLContext, @Arg('from') from: string, @Arg('to') to: string): Promise<CalendarDayType[]> {
    return (await ctx.services.calendar.days(ctx.em, from, to)).map(toType);
  }

  @RequireAbility('calendar.manage')
  @Mutation(() => CalendarDayType, { description: 'Adds an official day off or make-up working day (system admins); every instance applies it.' })
  async addCalendarDay(@Ctx() ctx: GraphQLContext, @Arg('input') input: AddCalendarDayInput): Promise<CalendarDayType> {
    const day = await ctx.services.calendar.add(ctx.em, ctx.viewer!, input);
    return toType({ date: day.date, kind: day.kind, name: day.name, source: day.source });
  }

  @RequireAbility('calendar.manage')
  @Mutation(() => CalendarDayType, { description: 'Removes an official day off or make-up working day (system admins); returns what was removed.' })
  async removeCalendarDay(@Ctx() ctx: GraphQLContext, @Arg('date') date: string): Promise<CalendarDayType> {
    const day = await ctx.services.calendar.remove(ctx.em, ctx.viewer!, date);
    return toType({ date: day.date, kind: day.kind, name: day.name, source: day.source });
  }
}
