import { IsEnum, IsInt, IsOptional, IsUUID, Matches } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MoneyScalar } from '../../graphql/money';
import { PeriodKind } from './periods';
import type { StatisticsTick } from './statistics-live';
import type { BreakdownLine, Rate, StatisticsAccess, StatisticsRows } from './statistics.service';

registerEnumType(PeriodKind, {
  name: 'StatisticsPeriodKind',
  description: 'Periods of the statistical year (1 Oct – 30 Sep, Thông tư 06/2019/TT-BTP); months are counted from October (1 = October).',
});

/** The Ministry's rows, as drill-down keys. */
export enum StatisticsRow {
  CARRIED_OVER = 'CARRIED_OVER',
  NEWLY_ACCEPTED = 'NEWLY_ACCEPTED',
  TOTAL_ACCEPTED = 'TOTAL_ACCEPTED',
  ENTRUSTED_OUT = 'ENTRUSTED_OUT',
  TOTAL_TO_ENFORCE = 'TOTAL_TO_ENFORCE',
  NOT_YET_ENFORCEABLE = 'NOT_YET_ENFORCEABLE',
  ENFORCEABLE = 'ENFORCEABLE',
  COMPLETED = 'COMPLETED',
  COMPLETED_FULLY = 'COMPLETED_FULLY',
  COMPLETED_TERMINATED = 'COMPLETED_TERMINATED',
  COMPLETED_PARTLY = 'COMPLETED_PARTLY',
  POSTPONED = 'POSTPONED',
  SUSPENDED = 'SUSPENDED',
  IN_PROGRESS = 'IN_PROGRESS',
  CARRIED_TO_NEXT = 'CARRIED_TO_NEXT',
}
registerEnumType(StatisticsRow, {
  name: 'StatisticsRow',
  description: 'A row of the statistics table (rule 9), to list the cases behind it.',
});

export enum StuckList {
  BACKLOG = 'BACKLOG',
  HARD = 'HARD',
  OVERDUE_TASKS = 'OVERDUE_TASKS',
  ESCALATIONS = 'ESCALATIONS',
  UPCOMING_COERCIONS = 'UPCOMING_COERCIONS',
  PERSUASION_VISITS = 'PERSUASION_VISITS',
}
registerEnumType(StuckList, {
  name: 'StuckList',
  description:
    '"Where it is stuck": backlog (open since before this statistical year), hard cases, overdue tasks, escalations awaiting, upcoming coercions, persuasion visits.',
});

@InputType({ description: 'What the statistics are about: at most one of an area, an agency, an officer; none = everything you may see.' })
export class StatisticsScopeInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'Mã địa bàn không hợp lệ.' }) areaId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'Mã cơ quan không hợp lệ.' }) agencyId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'Mã chấp hành viên không hợp lệ.' }) officerId?:
    | string
    | null;
}

@InputType()
export class StatisticsPeriodInput {
  @Field(() => PeriodKind) @IsEnum(PeriodKind) kind!: PeriodKind;
  @Field(() => Int, { description: 'The year the statistical year ends in: 2026 = 1/10/2025 – 30/9/2026.' })
  @IsInt()
  statisticalYear!: number;
  @Field(() => Int, { nullable: true, description: 'Which month (1 = October), quarter, half; months to date: how many months.' })
  @IsOptional()
  @IsInt()
  number?: number | null;
}

@InputType()
export class SetStatisticsTargetInput {
  @Field(() => ID) @IsUUID('all', { message: 'Mã cơ quan không hợp lệ.' }) agencyId!: string;
  @Field(() => Int) @IsInt() statisticalYear!: number;
  @Field({ description: 'Percent of enforceable cases to complete, e.g. "83.25".' })
  @Matches(/^\d{1,3}(\.\d{1,2})?$/, { message: 'Chỉ tiêu về việc là tỷ lệ phần trăm, ví dụ 83.25.' })
  caseRatePercent!: string;
  @Field({ description: 'Percent of enforceable money to collect, e.g. "46.45".' })
  @Matches(/^\d{1,3}(\.\d{1,2})?$/, { message: 'Chỉ tiêu về tiền là tỷ lệ phần trăm, ví dụ 46.45.' })
  moneyRatePercent!: string;
}

@ObjectType('StatisticsFigure', { description: 'One row of the table: cases (việc) and money (tiền, exact đồng).' })
export class FigureType {
  @Field(() => Int) cases!: number;
  @Field(() => MoneyScalar) money!: string;
}

@ObjectType('StatisticsRate', {
  description: 'completed ÷ enforceable, exact parts; percent with 2 decimals; the target and whether it is met.',
})
export class RateType implements Rate {
  @Field({ description: 'Cases completed, or đồng collected (decimal string).' }) numerator!: string;
  @Field({ description: 'Enforceable cases, or enforceable đồng.' }) denominator!: string;
  @Field(() => Float, { nullable: true, description: 'Null when nothing is enforceable.' }) percent!: number | null;
  @Field(() => Float, { nullable: true }) target!: number | null;
  @Field(() => Float, { nullable: true, description: 'percent − target, in percentage points.' }) gap!: number | null;
  @Field(() => Boolean, { nullable: true }) met!: boolean | null;
}

@ObjectType('StatisticsRows', { description: 'The rows of Thông tư 06/2019/TT-BTP (rule 9), as of the end of the period.' })
export class StatisticsRowsType implements StatisticsRows {
  @Field(() => FigureType, { description: 'Cũ chuyển sang: open just before the period.' }) carriedOver!: FigureType;
  @Field(() => FigureType, { description: 'Thụ lý mới: accepted during the period.' }) newlyAccepted!: FigureType;
  @Field(() => FigureType, { description: 'Tổng số thụ lý = carried over + newly accepted.' }) totalAccepted!: FigureType;
  @Field(() => FigureType, { description: 'Ủy thác: entrusted to another office (money: the part not collected).' })
  entrustedOut!: FigureType;
  @Field(() => FigureType, { description: 'Tổng số phải thi hành = total accepted − entrusted out.' }) totalToEnforce!: FigureType;
  @Field(() => FigureType, { description: 'Chưa có điều kiện (incl. returned requests, Đ.51).' }) notYetEnforceable!: FigureType;
  @Field(() => FigureType, { description: 'Có điều kiện.' }) enforceable!: FigureType;
  @Field(() => FigureType, { description: 'Thi hành xong; money = đồng actually collected in the period.' }) completed!: FigureType;
  @Field(() => Int, { description: 'Of completed: fully enforced.' }) completedFullyCases!: number;
  @Field(() => Int, { description: 'Of completed: terminated in full (đình chỉ, nothing collected).' }) completedTerminatedCases!: number;
  @Field(() => Int, { description: 'Of completed: partly enforced, the rest terminated or entrusted.' }) completedPartlyCases!: number;
  @Field(() => MoneyScalar, {
    description: 'Money of completed/terminated cases not collected (terminated remainder); part of enforceable money.',
  })
  terminatedUncollectedMoney!: string;
  @Field(() => FigureType, { description: 'Hoãn (money still owed).' }) postponed!: FigureType;
  @Field(() => FigureType, { description: 'Tạm đình chỉ (money still owed).' }) suspended!: FigureType;
  @Field(() => FigureType, { description: 'Đang thi hành (money still owed).' }) inProgress!: FigureType;
  @Field(() => FigureType, { description: 'Chuyển kỳ sau: still open at the end of the period.' }) carriedToNext!: FigureType;
  @Field(() => RateType) caseRate!: RateType;
  @Field(() => RateType) moneyRate!: RateType;
}

@ObjectType('StatisticsBreakdownLine')
export class BreakdownLineType implements BreakdownLine {
  @Field(() => ID, { nullable: true, description: 'Null: no officer assigned.' }) id!: string | null;
  @Field() name!: string;
  @Field(() => StatisticsRowsType) rows!: StatisticsRowsType;
}

@ObjectType('StatisticsPeriod')
export class PeriodType {
  @Field(() => PeriodKind) kind!: PeriodKind;
  @Field(() => Int) statisticalYear!: number;
  @Field(() => Int) number!: number;
  @Field({ description: 'First instant (00:00 Viet Nam time).' }) start!: Date;
  @Field({ description: 'End instant (exclusive).' }) end!: Date;
  @Field({ description: "Local 'YYYY-MM-DD'." }) firstDay!: string;
  @Field({ description: "Local 'YYYY-MM-DD'." }) lastDay!: string;
}

@ObjectType('StatisticsScope')
export class ScopeType {
  @Field({ description: 'AREA, AGENCY, OFFICER or REACH (everything the viewer may see).' }) kind!: string;
  @Field() name!: string;
}

@ObjectType('StatisticsReport')
export class ReportType {
  @Field(() => ScopeType) scope!: ScopeType;
  @Field(() => PeriodType) period!: PeriodType;
  @Field(() => StatisticsRowsType) totals!: StatisticsRowsType;
  @Field(() => [BreakdownLineType], { description: 'By lead office (at most 200 lines).' }) byAgency!: BreakdownLineType[];
  @Field(() => [BreakdownLineType], { description: 'By commune.' }) byCommune!: BreakdownLineType[];
  @Field(() => [BreakdownLineType], { description: 'By enforcement officer.' }) byOfficer!: BreakdownLineType[];
}

@ObjectType('StatisticsTrendPoint', { description: 'Cumulative from 1 October to the end of the month.' })
export class TrendPointType {
  @Field() monthEnd!: Date;
  @Field({ description: "'YYYY-MM'." }) month!: string;
  @Field(() => RateType) caseRate!: RateType;
  @Field(() => RateType) moneyRate!: RateType;
  @Field(() => Int) completedCases!: number;
  @Field(() => MoneyScalar) collectedMoney!: string;
}

@ObjectType('OverdueTasksByAgency')
export class OverdueByAgencyType {
  @Field(() => ID) agencyId!: string;
  @Field() agencyName!: string;
  @Field(() => Int) tasks!: number;
  @Field(() => Int) cases!: number;
  @Field(() => Int, { description: 'Days since the oldest deadline passed.' }) maxDaysOverdue!: number;
}

@ObjectType('UpcomingCoercion', {
  description: 'A planned coercion and its readiness (Điều 72: plan sent to procuracy, police, commune; police protection plan).',
})
export class UpcomingCoercionType {
  @Field(() => ID) actionId!: string;
  @Field(() => ID) caseId!: string;
  @Field(() => String, { nullable: true }) decisionNumber!: string | null;
  @Field() title!: string;
  @Field() scheduledStart!: Date;
  @Field() status!: string;
  @Field() sentToProcuracy!: boolean;
  @Field() sentToPolice!: boolean;
  @Field() sentToCommune!: boolean;
  @Field() protectionPlanReceived!: boolean;
  @Field(() => Int) participantsInvited!: number;
  @Field(() => Int) participantsConfirmed!: number;
}

@ObjectType('PersuasionOutcomeCount')
export class PersuasionOutcomeType {
  @Field({ description: 'An ActionOutcome, or NONE.' }) outcome!: string;
  @Field(() => Int) visits!: number;
}

@ObjectType('StuckOverview', { description: '"Where it is stuck", now.' })
export class StuckOverviewType {
  @Field(() => Int, { description: 'Open cases accepted before this statistical year (án tồn đọng).' }) backlogCases!: number;
  @Field(() => Int, { description: 'Open cases flagged hard or complex.' }) hardCases!: number;
  @Field(() => Int) overdueTasks!: number;
  @Field(() => [OverdueByAgencyType]) overdueByAgency!: OverdueByAgencyType[];
  @Field(() => Int, { description: 'Escalated overdue tasks still open (awaiting the committee).' }) escalationsAwaiting!: number;
  @Field(() => [UpcomingCoercionType]) upcomingCoercions!: UpcomingCoercionType[];
  @Field(() => Int) persuasionVisitsPlanned!: number;
  @Field(() => [PersuasionOutcomeType], { description: 'Completed visits this statistical year, by outcome.' })
  persuasionOutcomes!: PersuasionOutcomeType[];
}

@ObjectType('StatisticsTarget')
export class TargetType {
  @Field(() => ID) id!: string;
  @Field(() => ID) agencyId!: string;
  @Field() agencyName!: string;
  @Field(() => Int) statisticalYear!: number;
  @Field() caseRatePercent!: string;
  @Field() moneyRatePercent!: string;
  @Field(() => Int) version!: number;
}

@ObjectType('StatisticsTick', { description: 'The statistics in your reach may have changed: refetch (at most one tick per few seconds).' })
export class TickType implements StatisticsTick {
  @Field() changedAt!: Date;
  @Field(() => Int, { description: 'Cases changed in the window within your reach (0: a target or other change).' }) cases!: number;
}

@ObjectType('StatisticsUnit')
export class StatisticsUnitType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType('StatisticsAccess', { description: 'What the web app offers you around the statistics (decided in policy/abilities.ts).' })
export class StatisticsAccessType implements StatisticsAccess {
  @Field({ description: 'Show the dashboard (steering-committee members, heads of enforcement offices, system admins).' })
  dashboard!: boolean;
  @Field(() => Int, { description: 'The statistical year today falls in (1 Oct – 30 Sep).' }) currentStatisticalYear!: number;
  @Field(() => [Int], {
    description: 'The statistical years that have figures, newest first (from the first recorded case state to the current year).',
  })
  statisticalYears!: number[];
  @Field(() => [StatisticsUnitType], { description: 'Enforcement offices whose statistics you may read.' })
  offices!: StatisticsUnitType[];
  @Field(() => [StatisticsUnitType], { description: 'Enforcement offices whose yearly targets you may set (empty: none).' })
  targetOffices!: StatisticsUnitType[];
}
