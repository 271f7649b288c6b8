import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Length, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MoneyScalar } from '../../graphql/money';
import { ActionStep } from './action-workflow';
import { ActionKind, ActionOutcome, ActionStatus, InvitationStatus } from './action.entity';

registerEnumType(ActionKind, { name: 'ActionKind' });
registerEnumType(ActionStatus, {
  name: 'ActionStatus',
  description: 'PLANNED → READY → IN_PROGRESS → COMPLETED, or POSTPONED / CANCELLED.',
});
registerEnumType(ActionOutcome, { name: 'ActionOutcome' });
registerEnumType(InvitationStatus, { name: 'InvitationStatus' });
registerEnumType(ActionStep, {
  name: 'ActionStep',
  description: 'A workflow step of an action (COMPLETE goes through recordActionOutcome).',
});

@ObjectType('ActionAbilities', { description: 'What the viewer may do with this action (drives the UI).' })
export class ActionAbilities {
  @Field({ description: 'Plan, reschedule, move along, record the outcome.' }) plan!: boolean;
  @Field() respondInvitation!: boolean;
  @Field() recordProtectionPlan!: boolean;
}

@ObjectType('ActionParticipant', { description: 'An agency invited to an action, and its answer.' })
export class ActionParticipantType {
  @Field(() => ID) id!: string;
  @Field() required!: boolean;
  @Field(() => InvitationStatus) status!: InvitationStatus;
  @Field(() => String, { nullable: true }) declineReason!: string | null;
  @Field() invitedAt!: Date;
  @Field(() => Date, { nullable: true }) respondedAt!: Date | null;
  @Field(() => Int) version!: number;
}

@ObjectType('ActionInvitee', {
  description:
    'A named person invited to an action who need not be a user (village head, women’s union); the lead office records the answer.',
})
export class ActionInviteeType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: 'Their role, e.g. "Trưởng thôn", "Chi hội Phụ nữ".' }) role!: string;
  @Field(() => InvitationStatus) status!: InvitationStatus;
  @Field(() => String, { nullable: true, description: 'Why they declined, or how the answer came.' }) note!: string | null;
  @Field() invitedAt!: Date;
  @Field(() => Date, { nullable: true }) respondedAt!: Date | null;
  @Field(() => Int) version!: number;
}

@ObjectType('OutcomeCollection', { description: 'One obligation paid or fulfilled by an outcome entry.' })
export class OutcomeCollectionType {
  @Field(() => ID) obligationId!: string;
  @Field(() => MoneyScalar) amountCollected!: string;
  @Field(() => Boolean, { nullable: true }) fulfilled!: boolean | null;
}

@ObjectType('ActionOutcomeEntry', {
  description: 'One recorded outcome, append-only; a correcting entry names the entry it corrects and why.',
})
export class ActionOutcomeEntryType {
  @Field(() => ID) id!: string;
  @Field(() => ActionOutcome) outcome!: ActionOutcome;
  @Field() minutes!: string;
  @Field(() => [String]) attendees!: string[];
  @Field(() => [OutcomeCollectionType]) collections!: OutcomeCollectionType[];
  @Field(() => MoneyScalar) moneyCollected!: string;
  @Field(() => String, { nullable: true }) correctionReason!: string | null;
  @Field() recordedAt!: Date;
}

@ObjectType('CaseAction', { description: 'A persuasion visit, coordination meeting, verification visit or coercion on a case.' })
export class CaseActionType {
  @Field(() => ID) id!: string;
  @Field(() => ActionKind) kind!: ActionKind;
  @Field() title!: string;
  @Field(() => ActionStatus) status!: ActionStatus;
  @Field() scheduledStart!: Date;
  @Field() scheduledEnd!: Date;
  @Field() place!: string;
  @Field(() => String, { nullable: true }) personCoerced!: string | null;
  @Field(() => String, { nullable: true }) measure!: string | null;
  @Field(() => String, { nullable: true }) method!: string | null;
  @Field(() => String, { nullable: true }) forces!: string | null;
  @Field(() => String, { nullable: true }) protection!: string | null;
  @Field(() => MoneyScalar, { nullable: true }) costEstimate!: string | null;
  @Field(() => Date, { nullable: true, description: 'Police protection plan due (Điều 72 khoản 4: 3 working days).' })
  protectionPlanDueAt!: Date | null;
  @Field(() => Date, { nullable: true }) protectionPlanRecordedAt!: Date | null;
  @Field(() => String, { nullable: true }) protectionPlanNote!: string | null;
  @Field(() => Date, { nullable: true }) postponementRequestedAt!: Date | null;
  @Field(() => String, { nullable: true }) postponementReason!: string | null;
  @Field({ description: 'The postponement request arrived less than 24 h before the start (Điều 48).' }) postponementLate!: boolean;
  @Field(() => String, { nullable: true, description: 'Why it was postponed or cancelled.' }) reason!: string | null;
  @Field(() => Date, {
    nullable: true,
    description:
      'Set when a calendar change put this coercion on a forbidden day (Điều 46): it must be rescheduled before it can be marked ready or started.',
  })
  calendarConflictAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the calendar now forbids this coercion (Vietnamese).' }) calendarConflict!:
    | string
    | null;
  @Field(() => ActionOutcome, { nullable: true }) outcome!: ActionOutcome | null;
  @Field(() => String, { nullable: true, description: 'The minutes (biên bản).' }) minutes!: string | null;
  @Field(() => [String], { nullable: true }) attendees!: string[] | null;
  @Field(() => MoneyScalar) moneyCollected!: string;
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;
  @Field(() => Int) version!: number;
  @Field() createdAt!: Date;
}

@InputType()
export class InvitationInput {
  @Field(() => ID) @IsUUID('all', { message: 'Hãy chọn cơ quan được mời.' }) agencyId!: string;
  @Field() @IsBoolean() required!: boolean;
}

@InputType()
export class PersonInvitationInput {
  @Field() @Length(1, 200, { message: 'Họ tên người được mời từ 1 đến 200 ký tự.' }) name!: string;
  @Field() @Length(1, 200, { message: 'Vai trò người được mời từ 1 đến 200 ký tự.' }) role!: string;
  @Field(() => String, { nullable: true, description: 'Restricted personal data.' }) @IsOptional() @Length(0, 20) phone?: string | null;
}

@InputType()
export class PlanActionInput {
  @Field(() => ID) @IsUUID('all', { message: 'Mã việc thi hành án không hợp lệ.' }) caseId!: string;
  @Field(() => ActionKind) @IsEnum(ActionKind) kind!: ActionKind;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(0, 300, { message: 'Tiêu đề tối đa 300 ký tự.' }) title?: string | null;
  @Field() scheduledStart!: Date;
  @Field() scheduledEnd!: Date;
  @Field() @Length(1, 500, { message: 'Địa điểm từ 1 đến 500 ký tự.' }) place!: string;
  @Field(() => ID, { nullable: true, description: 'Defaults to the viewer.' }) @IsOptional() @IsUUID('all') leadOfficerId?: string | null;
  @Field(() => [InvitationInput], {
    nullable: true,
    description: 'Coercions also invite the procuracy, police and commune committee automatically.',
  })
  @IsOptional()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  invitations?: InvitationInput[] | null;
  @Field(() => [PersonInvitationInput], {
    nullable: true,
    description: 'Named people who need not be users (village head, women’s union).',
  })
  @IsOptional()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  people?: PersonInvitationInput[] | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(0, 300) personCoerced?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(0, 300) measure?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(0, 5000) method?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(0, 5000) forces?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(0, 5000) protection?: string | null;
  @Field(() => MoneyScalar, { nullable: true }) @IsOptional() costEstimate?: string | null;
}

@InputType()
export class StepActionInput {
  @Field(() => ID) @IsUUID('all') id!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field(() => ActionStep) @IsEnum(ActionStep) step!: ActionStep;
  @Field(() => String, { nullable: true, description: 'Required to POSTPONE or CANCEL.' }) @IsOptional() @Length(0, 5000) reason?:
    | string
    | null;
  @Field(() => Date, { nullable: true, description: 'RESCHEDULE: new start.' }) @IsOptional() scheduledStart?: Date | null;
  @Field(() => Date, { nullable: true, description: 'RESCHEDULE: new end.' }) @IsOptional() scheduledEnd?: Date | null;
}

@InputType()
export class RespondInvitationInput {
  @Field(() => ID) @IsUUID('all') participantId!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field() @IsBoolean() confirm!: boolean;
  @Field(() => String, { nullable: true, description: 'Required to decline.' }) @IsOptional() @Length(0, 5000) reason?: string | null;
}

@InputType()
export class RecordUrgentFreezeInput {
  @Field(() => ID) @IsUUID('all') caseId!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field(() => Date, { nullable: true, description: 'When the freeze record was made (default: now).' })
  @IsOptional()
  recordedAt?: Date | null;
  @Field({ description: 'Content or number of the record; no account numbers.' })
  @Length(1, 5000, { message: 'Hãy nhập nội dung biên bản (tối đa 5.000 ký tự).' })
  note!: string;
}

@InputType()
export class RecordFreezeDecisionInput {
  @Field(() => ID) @IsUUID('all') caseId!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field(() => ID) @IsUUID('all') freezeId!: string;
  @Field() @Length(1, 100, { message: 'Số quyết định dài từ 1 đến 100 ký tự.' }) decisionNumber!: string;
}

@ObjectType('AccountFreeze', {
  description: 'Rule 8: an urgent account freeze — the record, and the decision due within 24 hours (both sent to the procuracy).',
})
export class AccountFreezeType {
  @Field(() => ID) id!: string;
  @Field() recordedAt!: Date;
  @Field() decisionDueAt!: Date;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true }) decisionNumber!: string | null;
  @Field() note!: string;
}

@InputType()
export class RecordProtectionPlanInput {
  @Field(() => ID) @IsUUID('all') id!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field() @Length(1, 5000, { message: 'Hãy nhập nội dung kế hoạch bảo vệ (tối đa 5.000 ký tự).' }) note!: string;
}

@InputType()
export class RequestPostponementInput {
  @Field(() => ID) @IsUUID('all') id!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field() @Length(1, 5000, { message: 'Hãy ghi rõ lý do đề nghị hoãn.' }) reason!: string;
  @Field(() => Date, { nullable: true, description: 'When the request arrived (default: now).' }) @IsOptional() receivedAt?: Date | null;
}

@InputType()
export class CollectionInput {
  @Field(() => ID, { nullable: true, description: 'Required with an amount (BAD_USER_INPUT field obligationId otherwise).' })
  @IsOptional()
  @IsUUID('all', { message: 'Hãy chọn nghĩa vụ được thanh toán.' })
  obligationId?: string | null;
  @Field(() => MoneyScalar, { nullable: true }) @IsOptional() amountCollected?: string | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() fulfilled?: boolean | null;
}

@InputType()
export class RecordActionOutcomeInput {
  @Field(() => ID) @IsUUID('all') id!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field(() => ActionOutcome) @IsEnum(ActionOutcome) outcome!: ActionOutcome;
  @Field() @Length(1, 50000, { message: 'Hãy nhập nội dung biên bản.' }) minutes!: string;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(100) attendees?: string[] | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'Total collected; `collections` must split it exactly across obligations.' })
  @IsOptional()
  amountCollected?: string | null;
  @Field(() => [CollectionInput], { nullable: true }) @IsOptional() @ArrayMaxSize(50) @ValidateNested({ each: true }) collections?:
    | CollectionInput[]
    | null;
  @Field(() => Boolean, { nullable: true, description: 'Also complete the case (every obligation must be met, Điều 52).' })
  @IsOptional()
  @IsBoolean()
  completeCase?: boolean | null;
}

@InputType()
export class CorrectActionOutcomeInput {
  @Field(() => ID) @IsUUID('all') id!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field(() => ID, { description: 'The entry in force that this one corrects.' }) @IsUUID('all') correctsId!: string;
  @Field() @Length(1, 5000, { message: 'Hãy ghi rõ lý do điều chỉnh (tối đa 5.000 ký tự).' }) reason!: string;
  @Field(() => ActionOutcome) @IsEnum(ActionOutcome) outcome!: ActionOutcome;
  @Field(() => String, { nullable: true, description: 'Defaults to the corrected entry’s minutes.' })
  @IsOptional()
  @Length(0, 50000)
  minutes?: string | null;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(100) attendees?: string[] | null;
  @Field(() => MoneyScalar, { nullable: true }) @IsOptional() amountCollected?: string | null;
  @Field(() => [CollectionInput], { nullable: true }) @IsOptional() @ArrayMaxSize(50) @ValidateNested({ each: true }) collections?:
    | CollectionInput[]
    | null;
}

@InputType()
export class InviteToActionInput {
  @Field(() => ID) @IsUUID('all') id!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field(() => [InvitationInput], { nullable: true }) @IsOptional() @ArrayMaxSize(30) @ValidateNested({ each: true }) invitations?:
    | InvitationInput[]
    | null;
  @Field(() => [PersonInvitationInput], { nullable: true }) @IsOptional() @ArrayMaxSize(30) @ValidateNested({ each: true }) people?:
    | PersonInvitationInput[]
    | null;
}

@InputType()
export class RecordInviteeAnswerInput {
  @Field(() => ID) @IsUUID('all') inviteeId!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field(() => InvitationStatus, { description: 'CONFIRMED or DECLINED (a note is required to decline).' })
  @IsEnum(InvitationStatus)
  status!: InvitationStatus;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(0, 5000) note?: string | null;
}

@ObjectType('CaseDeadline', { description: 'A legal deadline of a case, computed from the legal calendar.' })
export class CaseDeadlineType {
  @Field({ description: 'VOLUNTARY_PERIOD_END (Điều 45), VERIFICATION (Điều 44), POLICE_PROTECTION_PLAN (Điều 72 khoản 4).' })
  kind!: string;
  @Field({ description: 'End of the last allowed day.' }) dueAt!: Date;
  @Field() legalSource!: string;
  @Field(() => ID, { nullable: true, description: 'The coercion concerned, for the protection plan.' }) actionId!: string | null;
  @Field() passed!: boolean;
  @Field({ description: 'Passed with its duty still outstanding (escalated to the lead office and steering committee).' }) missed!: boolean;
}
