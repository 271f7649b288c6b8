import { IsEnum, IsInt, Length, Matches, Max, Min } from 'class-validator';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CALENDAR_DAY_KIND } from './calendar-day.entity';
import type { CalendarRecalculation } from './calendar.service';

/** What a day of the legal calendar is, for display. */
export enum CalendarDayKind {
  PUBLIC_HOLIDAY = 'PUBLIC_HOLIDAY',
  DERIVED_DAY_OFF = 'DERIVED_DAY_OFF',
  DAY_OFF = 'DAY_OFF',
  WORKING_DAY = 'WORKING_DAY',
}

registerEnumType(CalendarDayKind, {
  name: 'CalendarDayKind',
  description:
    'PUBLIC_HOLIDAY: a holiday of Điều 112 BLLĐ 2019 (library); DERIVED_DAY_OFF: a day off the law creates (second Quốc khánh day, nghỉ bù of Điều 111 khoản 3 BLLĐ 2019), computed by rule; DAY_OFF / WORKING_DAY: an official extra day off or working day (data, wins over the rule).',
});
registerEnumType(CALENDAR_DAY_KIND, {
  name: 'OfficialCalendarDayKind',
  description: 'An official extra day off, or a make-up working day (a Saturday or Sunday).',
});

export const DATE_RULE = /^\d{4}-\d{2}-\d{2}$/;
export const DATE_MESSAGE = 'Ngày nhập theo dạng YYYY-MM-DD.';

@ObjectType('CalendarRecalculation', { description: 'What one calendar change recalculated, in the same transaction.' })
export class CalendarRecalculationType {
  @Field(() => Int, { description: 'Cases whose stored decision, voluntary-period or verification deadline moved.' }) cases!: number;
  @Field(() => Int, { description: 'Open coercions whose police protection plan deadline moved.' }) protectionPlans!: number;
  @Field(() => Int, { description: 'Tasks given "due in N working days" whose date was recounted.' }) tasks!: number;
  @Field(() => Int, { description: 'Planned or ready coercions now on a forbidden day (flagged; the lead officer gets a task).' })
  coercionsFlagged!: number;
  @Field(() => Int, { description: 'Flagged coercions no longer on a forbidden day (flag cleared).' }) coercionsCleared!: number;
}

export const RECALCULATED_DESCRIPTION =
  'Set only in the answer of the mutation that made the change: what it recalculated. Null in queries.';

@ObjectType('CalendarDay', { description: 'A non-ordinary day of the legal calendar (Viet Nam local date).' })
export class CalendarDayType {
  @Field({ description: "Local date 'YYYY-MM-DD' (Asia/Ho_Chi_Minh)." }) date!: string;
  @Field(() => CalendarDayKind) kind!: CalendarDayKind;
  @Field() name!: string;
  @Field({ description: 'The decision (official days) or the legal basis (public holidays).' }) source!: string;
  @Field(() => CalendarRecalculationType, { nullable: true, description: RECALCULATED_DESCRIPTION })
  recalculated?: CalendarRecalculation | null;
}

@InputType()
export class AddCalendarDayInput {
  @Field({ description: "Local date 'YYYY-MM-DD'." }) @Matches(DATE_RULE, { message: DATE_MESSAGE }) date!: string;
  @Field(() => CALENDAR_DAY_KIND) @IsEnum(CALENDAR_DAY_KIND) kind!: CALENDAR_DAY_KIND;
  @Field({ description: 'e.g. "Nghỉ bù Quốc khánh".' }) @Length(2, 200, { message: 'Tên ngày dài từ 2 đến 200 ký tự.' }) name!: string;
  @Field({ description: 'The decision, e.g. "Thông báo 6150/TB-BLĐTBXH".' })
  @Length(2, 300, { message: 'Văn bản quyết định dài từ 2 đến 300 ký tự.' })
  source!: string;
}

@ObjectType('TetWindow', {
  description: 'The days around Tết Nguyên đán on which no coercion may take place (khoản 2 Điều 13 NĐ 62/2015).',
})
export class TetWindowType {
  @Field(() => Int) year!: number;
  @Field({ description: "Tết day (lunar 1/1), local 'YYYY-MM-DD'." }) tet!: string;
  @Field({ description: 'First forbidden local date (inclusive).' }) firstDay!: string;
  @Field({ description: 'Last forbidden local date (inclusive).' }) lastDay!: string;
  @Field({ description: 'DIRECTIVE: the Ministry directive entered for the year; RULE: computed (Tết−15 … Tết+17).' }) origin!: string;
  @Field({ description: 'The directive, or the legal basis of the computed window.' }) source!: string;
  @Field({ description: 'First day of the window computed by rule (Tết−15), shown beside a directive.' }) ruleFirstDay!: string;
  @Field({ description: 'Last day of the window computed by rule (Tết+17).' }) ruleLastDay!: string;
  @Field(() => String, { nullable: true, description: "The directive's number, when one was entered." }) directiveNumber!: string | null;
  @Field(() => String, { nullable: true, description: "The directive's date 'YYYY-MM-DD', when one was entered." })
  directiveDate!: string | null;
  @Field(() => CalendarRecalculationType, { nullable: true, description: RECALCULATED_DESCRIPTION })
  recalculated?: CalendarRecalculation | null;
}

@InputType()
export class SetTetDirectiveInput {
  @Field(() => Int, { description: 'Gregorian year of the Tết.' }) @IsInt() @Min(1976) @Max(2999) tetYear!: number;
  @Field({ description: "First forbidden local date 'YYYY-MM-DD'." }) @Matches(DATE_RULE, { message: DATE_MESSAGE }) firstDay!: string;
  @Field({ description: "Last forbidden local date 'YYYY-MM-DD'." }) @Matches(DATE_RULE, { message: DATE_MESSAGE }) lastDay!: string;
  @Field({ description: 'The directive number, e.g. "01/CT-BTP".' })
  @Length(2, 100, { message: 'Số hiệu văn bản dài từ 2 đến 100 ký tự.' })
  documentNumber!: string;
  @Field({ description: "The directive's date 'YYYY-MM-DD'." }) @Matches(DATE_RULE, { message: DATE_MESSAGE }) documentDate!: string;
}
