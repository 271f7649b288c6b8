import {
  ArrayMaxSize,
  IsBoolean,
  IsDateString,
  IsEnum,
  IsInt,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection';
import { MoneyScalar } from '../../graphql/money';
import { CaseStatus, CaseTransition } from './case-lifecycle';
import { CaseKind, ObligationKind, ParticipantRole, PartyKind, PartyRole } from './case.entity';

registerEnumType(CaseStatus, { name: 'CaseStatus', description: 'Lifecycle status of an enforcement case.' });
registerEnumType(CaseTransition, { name: 'CaseTransition', description: 'A lifecycle step; each is allowed only from certain statuses.' });
registerEnumType(CaseKind, { name: 'CaseKind' });
registerEnumType(PartyRole, { name: 'PartyRole' });
registerEnumType(PartyKind, { name: 'PartyKind' });
registerEnumType(ObligationKind, { name: 'ObligationKind' });
registerEnumType(ParticipantRole, { name: 'ParticipantRole', description: "An agency's role in a case." });

@ObjectType('CaseParty', { description: 'A debtor, creditor or related person/organisation.' })
export class CasePartyType {
  @Field(() => ID) id!: string;
  @Field(() => PartyRole) role!: PartyRole;
  @Field(() => PartyKind) kind!: PartyKind;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) address!: string | null;
}

@ObjectType('Obligation')
export class ObligationType {
  @Field(() => ID) id!: string;
  @Field(() => ObligationKind) kind!: ObligationKind;
  @Field() description!: string;
  @Field(() => MoneyScalar, { nullable: true, description: 'Đồng owed (PAY_MONEY).' }) amountOwed!: string | null;
  @Field(() => MoneyScalar) amountCollected!: string;
  @Field(() => String, { nullable: true, description: 'm² of land (HAND_OVER_LAND), decimal string.' }) landAreaM2!: string | null;
  @Field() fulfilled!: boolean;
}

@ObjectType('CaseParticipant', { description: 'An agency taking part in a case.' })
export class CaseParticipantType {
  @Field(() => ParticipantRole) role!: ParticipantRole;
  @Field() addedAt!: Date;
}

@ObjectType('CaseAbilities', { description: 'What the viewer may do with this case (drives the UI).' })
export class CaseAbilities {
  @Field() update!: boolean;
  @Field() share!: boolean;
  @Field() transition!: boolean;
  @Field() readRestricted!: boolean;
  @Field({ description: 'May assign tasks on this case (lead office officers, steering members).' }) assignTask!: boolean;
  @Field({ description: 'May post a steering-committee directive (chỉ đạo).' }) postDirective!: boolean;
  @Field({ description: 'May post a procuracy recommendation (kiến nghị).' }) postRecommendation!: boolean;
}

@ObjectType('CaseTransitionOption', { description: 'A lifecycle step the viewer may take now, with its legal source.' })
export class CaseTransitionOptionType {
  @Field(() => CaseTransition) transition!: CaseTransition;
  @Field(() => CaseStatus) to!: CaseStatus;
  @Field({ description: 'The legal source in force for this case (the citation table; unverified articles say so).' })
  legalSource!: string;
  @Field({ description: 'A reason must be given (it is recorded in the case log).' }) needsReason!: boolean;
}

@ObjectType('CaseTotals')
export class CaseTotals {
  @Field(() => MoneyScalar) owed!: string;
  @Field(() => MoneyScalar) collected!: string;
  @Field(() => Int) openObligations!: number;
}

@ObjectType('NoticeDebtor')
export class NoticeDebtorType {
  @Field() name!: string;
  @Field(() => String, { nullable: true }) address!: string | null;
}

@ObjectType('PublicNotice', {
  description:
    'Rule 6 (Điều 44a of the 2008 law): what is published about a not-yet-enforceable case — the debtor, address and obligation; nothing else.',
})
export class PublicNoticeType {
  @Field(() => [NoticeDebtorType]) debtors!: NoticeDebtorType[];
  @Field(() => [String]) obligations!: string[];
  @Field() legalSource!: string;
  @Field({ description: 'The notice to post at the commune (Vietnamese, one paragraph per line).' }) text!: string;
}

@ObjectType('RecordingClosed', { description: 'Rule 7: why nothing more may be recorded on this case.' })
export class RecordingClosedType {
  @Field({ description: 'Vietnamese, with what to do instead (open a new case for the same judgment).' }) reason!: string;
  @Field({ description: 'The legal source in force for this case (the citation table).' }) legalSource!: string;
}

@ObjectType('RelatedCase', { description: 'Another case a lead office should know about (same judgment, or same debtor elsewhere).' })
export class RelatedCaseType {
  @Field(() => ID) caseId!: string;
  @Field(() => CaseStatus) status!: CaseStatus;
  @Field(() => ID) leadAgencyId!: string;
  @Field() leadAgencyName!: string;
  @Field(() => String, { nullable: true }) decisionNumber!: string | null;
  @Field({ description: "Terminated on the creditor's withdrawal (Điều 50 of the 2008 law): cannot be reopened." })
  terminatedOnWithdrawal!: boolean;
}

@ObjectType('Case', { description: 'An enforcement case (việc thi hành án): one enforcement decision.' })
export class CaseType {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) decisionNumber!: string | null;
  @Field(() => String, { nullable: true }) decisionDate!: string | null;
  @Field() judgmentNumber!: string;
  @Field() judgmentCourt!: string;
  @Field() judgmentDate!: string;
  @Field() receivedAt!: Date;
  @Field(() => CaseKind) kind!: CaseKind;
  @Field(() => CaseStatus) status!: CaseStatus;
  @Field() complex!: boolean;
  @Field() backlog!: boolean;
  @Field({ description: 'Urgent security measures: coercion may precede the end of the voluntary period.' }) urgentSecurity!: boolean;
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field(() => Date, { nullable: true, description: 'Đ.36: decision due (5 working days from receipt).' }) decisionDueAt!: Date | null;
  @Field(() => Date, { nullable: true }) decisionDeliveredAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Đ.45: end of the voluntary period.' }) voluntaryPeriodEndsAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Đ.44: verification due.' }) verificationDueAt!: Date | null;
  @Field(() => Int, { description: 'Send it back with every change (optimistic concurrency).' }) version!: number;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

@ObjectType()
export class CaseConnection extends ConnectionType('Case', CaseType) {}

@InputType()
export class PartyInput {
  @Field(() => PartyRole) @IsEnum(PartyRole) role!: PartyRole;
  @Field(() => PartyKind) @IsEnum(PartyKind) kind!: PartyKind;
  @Field() @Length(2, 300, { message: 'Tên đương sự dài từ 2 đến 300 ký tự.' }) name!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(0, 500) address?: string | null;
  @Field(() => String, { nullable: true, description: 'CCCD/ID number (restricted).' }) @IsOptional() idNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'Phone (restricted).' }) @IsOptional() phone?: string | null;
}

@InputType()
export class NewObligationInput {
  @Field(() => ObligationKind) @IsEnum(ObligationKind) kind!: ObligationKind;
  @Field() @Length(2, 2000, { message: 'Mô tả nghĩa vụ dài từ 2 đến 2000 ký tự.' }) description!: string;
  @Field(() => Int, { nullable: true, description: 'Index of the debtor in `parties`.' }) @IsOptional() @IsInt() @Min(0) debtorIndex?:
    | number
    | null;
  @Field(() => Int, { nullable: true, description: 'Index of the creditor in `parties`.' }) @IsOptional() @IsInt() @Min(0) creditorIndex?:
    | number
    | null;
  @Field(() => MoneyScalar, { nullable: true }) @IsOptional() amountOwed?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() landAreaM2?: string | null;
}

@InputType()
export class AddObligationInput {
  @Field(() => ID) @IsUUID('all') caseId!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field(() => ObligationKind) @IsEnum(ObligationKind) kind!: ObligationKind;
  @Field() @Length(2, 2000) description!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all') debtorId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all') creditorId?: string | null;
  @Field(() => MoneyScalar, { nullable: true }) @IsOptional() amountOwed?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() landAreaM2?: string | null;
}

@InputType({ description: "Corrects a party's details. idNumber / phone left out (null is a value: clear) keep their value." })
export class UpdateCasePartyInput {
  @Field(() => ID) @IsUUID('all') caseId!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field(() => ID) @IsUUID('all') partyId!: string;
  @Field(() => PartyInput) @ValidateNested() party!: PartyInput;
}

@InputType()
export class RemoveCasePartyInput {
  @Field(() => ID) @IsUUID('all') caseId!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field(() => ID) @IsUUID('all') partyId!: string;
}

@InputType({ description: 'Corrects an obligation (all its fields, as when adding it).' })
export class UpdateObligationInput {
  @Field(() => ID) @IsUUID('all') caseId!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field(() => ID) @IsUUID('all') obligationId!: string;
  @Field(() => ObligationKind) @IsEnum(ObligationKind) kind!: ObligationKind;
  @Field() @Length(2, 2000, { message: 'Mô tả nghĩa vụ dài từ 2 đến 2000 ký tự.' }) description!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all') debtorId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all') creditorId?: string | null;
  @Field(() => MoneyScalar, { nullable: true }) @IsOptional() amountOwed?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() landAreaM2?: string | null;
}

@InputType()
export class RemoveObligationInput {
  @Field(() => ID) @IsUUID('all') caseId!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field(() => ID) @IsUUID('all') obligationId!: string;
}

export const DATE_RULE = { message: 'Ngày theo dạng YYYY-MM-DD.' };

@InputType()
export class CreateCaseInput {
  @Field() @Length(1, 64, { message: 'Nhập số bản án/quyết định của Tòa án.' }) judgmentNumber!: string;
  @Field() @Length(2, 300, { message: 'Nhập tên Tòa án đã xét xử.' }) judgmentCourt!: string;
  @Field() @Matches(/^\d{4}-\d{2}-\d{2}$/, DATE_RULE) judgmentDate!: string;
  @Field({ description: 'When the judgment or request reached the office.' }) receivedAt!: Date;
  @Field(() => CaseKind) @IsEnum(CaseKind) kind!: CaseKind;
  @Field(() => ID) @IsUUID('all', { message: 'Hãy chọn xã/phường nơi tổ chức thi hành án.' }) communeId!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all') officerId?: string | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() complex?: boolean | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() backlog?: boolean | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() urgentSecurity?: boolean | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(0, 10_000) notes?: string | null;
  @Field(() => [PartyInput]) @ValidateNested({ each: true }) @ArrayMaxSize(50) parties!: PartyInput[];
  @Field(() => [NewObligationInput]) @ValidateNested({ each: true }) @ArrayMaxSize(50) obligations!: NewObligationInput[];
}

@InputType()
export class UpdateCaseInput {
  @Field(() => ID) @IsUUID('all') id!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 64, { message: 'Nhập số bản án/quyết định của Tòa án.' })
  judgmentNumber?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(2, 300, { message: 'Nhập tên Tòa án đã xét xử.' }) judgmentCourt?:
    | string
    | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsDateString({ strict: true }, DATE_RULE) judgmentDate?: string | null;
  @Field(() => CaseKind, { nullable: true }) @IsOptional() @IsEnum(CaseKind) kind?: CaseKind | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all') officerId?: string | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() complex?: boolean | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() backlog?: boolean | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() urgentSecurity?: boolean | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(0, 10_000) notes?: string | null;
}

@InputType()
export class TransitionCaseInput {
  @Field(() => ID) @IsUUID('all') id!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field(() => CaseTransition) @IsEnum(CaseTransition) transition!: CaseTransition;
  @Field(() => String, {
    nullable: true,
    description: 'Required for postpone, suspend, terminate, return, not-yet-enforceable, re-verify.',
  })
  @IsOptional()
  @Length(0, 2000)
  reason?: string | null;
  @Field(() => String, { nullable: true, description: 'ISSUE_DECISION: e.g. "12/QĐ-THA".' }) @IsOptional() @Length(1, 64) decisionNumber?:
    | string
    | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsDateString({ strict: true }, DATE_RULE) decisionDate?: string | null;
  @Field(() => Date, { nullable: true, description: 'RECORD_DELIVERY: when the debtor received the decision.' })
  @IsOptional()
  deliveredAt?: Date | null;
  @Field(() => Boolean, { nullable: true, description: 'TERMINATE: the creditor withdrew the request (final).' })
  @IsOptional()
  @IsBoolean()
  creditorWithdrawal?: boolean | null;
}

@InputType()
export class ObligationProgressInput {
  @Field(() => ID) @IsUUID('all') caseId!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field(() => ID) @IsUUID('all') obligationId!: string;
  @Field(() => MoneyScalar, { nullable: true, description: 'Đồng collected now (added to the total).' }) @IsOptional() amountCollected?:
    | string
    | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() fulfilled?: boolean | null;
}

@InputType()
export class ShareCaseInput {
  @Field(() => ID) @IsUUID('all') caseId!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field(() => ID) @IsUUID('all') agencyId!: string;
  @Field(() => ParticipantRole) @IsEnum(ParticipantRole) role!: ParticipantRole;
}

@InputType()
export class UnshareCaseInput {
  @Field(() => ID) @IsUUID('all') caseId!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field(() => ID) @IsUUID('all') agencyId!: string;
}

@InputType()
export class CaseFilterInput {
  @Field(() => [CaseStatus], { nullable: true }) @IsOptional() @IsEnum(CaseStatus, { each: true }) statuses?: CaseStatus[] | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all') communeId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Cases this agency leads or takes part in.' }) @IsOptional() @IsUUID('all') agencyId?:
    | string
    | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all') officerId?: string | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() enforceable?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'A legal deadline (decision, verification) has passed.' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() complex?: boolean | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() backlog?: boolean | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() urgentSecurity?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Decision/judgment number or party name; diacritics ignored.' })
  @IsOptional()
  @Length(0, 100)
  search?: string | null;
}
