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
import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
  Root,
} from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { ConnectionType, PageArgsInput, toConnection } from '../../graphql/connection';
import { RequireAbility, SignedIn } from '../../graphql/guards';
import { MoneyScalar } from '../../graphql/money';
import { disclosed, RestrictedText, withheld } from '../../graphql/restricted';
import { canOnCase, canOnThread } from '../../policy/abilities';
import { AgencyType } from '../agencies/agency.resolver';
import { AreaType } from '../areas/area.resolver';
import { UserType } from '../users/user.resolver';
import { availableTransitions, CaseStatus, CaseTransition, type TransitionOption } from './case-lifecycle';
import { toLocalDate } from '../calendar/calendar.surface';
import {
  CaseKind,
  CaseParty,
  EnforcementCase,
  Obligation,
  ObligationKind,
  ParticipantRole,
  PartyKind,
  PartyRole,
  type CaseParticipant,
} from './case.entity';
import { isSatisfied, recordingClosedOf, type PublicNotice, type RelatedCase } from './case.service';
import { IDEMPOTENCY_KEY_DOC } from '../../graphql/idempotency-doc';

registerEnumType(CaseStatus, { name: 'CaseStatus', description: 'Lifecycle status of an enforcement case.' });
registerEnumType(CaseTransition, { name: 'CaseTransition', description: 'A lifecycle step; each is allowed only from certain statuses.' });
registerEnumType(CaseKind, { name: 'CaseKind' });
registerEnumType(PartyRole, { name: 'PartyRole' });
registerEnumType(PartyKind, { name: 'PartyKind' });
registerEnumType(ObligationKind, { name: 'ObligationKind' });
registerEnumType(ParticipantRole, { name: 'ParticipantRole', description: "An agency's role in a case." });

const WITHHELD_REASON =
  'Thông tin cá nhân của đương sự được bảo vệ (Nghị định 13/2023/NĐ-CP); chỉ cơ quan chủ trì và kiểm sát viên có thẩm quyền được xem.';

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

const DATE_RULE = { message: 'Ngày theo dạng YYYY-MM-DD.' };

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

const CASE_CHECK = 'case.read per case (participants + supervising bodies by area)';
const CHANGE_CHECK = 'case.update/share/transition: lead office officers';

@Resolver(() => CaseType)
export class CaseResolver {
  @SignedIn(CASE_CHECK)
  @Query(() => CaseType)
  case(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID) id: string): Promise<EnforcementCase> {
    return ctx.services.cases.get(ctx.em, ctx.viewer!, id);
  }

  @SignedIn(CASE_CHECK)
  @Query(() => CaseConnection, { description: 'Cases visible to the viewer, newest first.' })
  async cases(
    @Ctx() ctx: GraphQLContext,
    @Args() page: PageArgsInput,
    @Arg('filter', () => CaseFilterInput, { nullable: true }) filter?: CaseFilterInput,
  ) {
    return toConnection(await ctx.services.cases.list(ctx.em, ctx.viewer!, filter ?? {}, page));
  }

  @RequireAbility('case.create')
  @Mutation(() => CaseType, {
    description: 'Opens a case in your office. Pass an idempotencyKey so a retried request creates nothing twice.',
  })
  createCase(
    @Ctx() ctx: GraphQLContext,
    @Arg('input') input: CreateCaseInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) idempotencyKey?: string | null,
  ): Promise<EnforcementCase> {
    const obligations = input.obligations.map(({ debtorIndex, creditorIndex, ...o }) => ({
      ...o,
      debtor: debtorIndex,
      creditor: creditorIndex,
    }));
    return ctx.services.cases.create(ctx.em, ctx.viewer!, { ...input, obligations }, idempotencyKey);
  }

  @SignedIn(CHANGE_CHECK)
  @Mutation(() => CaseType)
  updateCase(@Ctx() ctx: GraphQLContext, @Arg('input') input: UpdateCaseInput): Promise<EnforcementCase> {
    return ctx.services.cases.update(ctx.em, ctx.viewer!, input);
  }

  @SignedIn(CHANGE_CHECK)
  @Mutation(() => CaseType, {
    description: 'Moves the case along its lifecycle; an illegal step gives RULE_VIOLATION with the legal source.',
  })
  transitionCase(@Ctx() ctx: GraphQLContext, @Arg('input') input: TransitionCaseInput): Promise<EnforcementCase> {
    return ctx.services.cases.transition(ctx.em, ctx.viewer!, input);
  }

  @SignedIn(CHANGE_CHECK)
  @Mutation(() => CaseType)
  addCaseParty(
    @Ctx() ctx: GraphQLContext,
    @Arg('caseId', () => ID) caseId: string,
    @Arg('version', () => Int) version: number,
    @Arg('party') party: PartyInput,
  ): Promise<EnforcementCase> {
    return ctx.services.cases.addParty(ctx.em, ctx.viewer!, caseId, version, party);
  }

  @SignedIn(CHANGE_CHECK)
  @Mutation(() => CaseType)
  addObligation(@Ctx() ctx: GraphQLContext, @Arg('input') input: AddObligationInput): Promise<EnforcementCase> {
    const { caseId, version, debtorId, creditorId, ...o } = input;
    return ctx.services.cases.addObligation(ctx.em, ctx.viewer!, caseId, version, { ...o, debtor: debtorId, creditor: creditorId });
  }

  @SignedIn(CHANGE_CHECK)
  @Mutation(() => CaseType, { description: 'Records money collected (exact đồng) or marks a non-money obligation fulfilled.' })
  recordObligationProgress(@Ctx() ctx: GraphQLContext, @Arg('input') input: ObligationProgressInput): Promise<EnforcementCase> {
    return ctx.services.cases.recordProgress(ctx.em, ctx.viewer!, input);
  }

  @SignedIn(CHANGE_CHECK)
  @Mutation(() => CaseType, { description: 'Shares the case with an agency; its members see it at once.' })
  shareCase(@Ctx() ctx: GraphQLContext, @Arg('input') input: ShareCaseInput): Promise<EnforcementCase> {
    return ctx.services.cases.share(ctx.em, ctx.viewer!, input);
  }

  @SignedIn(CHANGE_CHECK)
  @Mutation(() => CaseType, { description: 'Removes an agency from the case; it stops seeing it at once.' })
  unshareCase(@Ctx() ctx: GraphQLContext, @Arg('input') input: UnshareCaseInput): Promise<EnforcementCase> {
    return ctx.services.cases.unshare(ctx.em, ctx.viewer!, input);
  }

  @FieldResolver(() => AgencyType)
  leadAgency(@Root() c: EnforcementCase, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.agencyById.load(c.leadAgency.id);
  }

  @FieldResolver(() => UserType, { nullable: true })
  officer(@Root() c: EnforcementCase, @Ctx() ctx: GraphQLContext) {
    return c.officer ? ctx.loaders.userById.load(c.officer.id) : null;
  }

  @FieldResolver(() => AreaType)
  commune(@Root() c: EnforcementCase, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.areaById.load(c.commune.id);
  }

  @FieldResolver(() => PublicNoticeType, {
    nullable: true,
    description: 'Rule 6: the public notice of a case recorded as not yet enforceable (null otherwise).',
  })
  publicNotice(@Root() c: EnforcementCase, @Ctx() ctx: GraphQLContext): Promise<PublicNotice | null> {
    return ctx.services.cases.publicNotice(ctx.em, c);
  }

  @FieldResolver(() => RecordingClosedType, {
    nullable: true,
    description:
      'Rule 7: set once the case is terminated (Điều 50 of the 2008 law): payments, obligations, parties and reopening are refused. Null while records may be made.',
  })
  recordingClosed(@Root() c: EnforcementCase): RecordingClosedType | null {
    return recordingClosedOf(c);
  }

  @FieldResolver(() => [RelatedCaseType], {
    description:
      "Other cases of the same judgment (number and court), e.g. one terminated on the creditor's withdrawal, which cannot be reopened. Lead office officers only; empty for others.",
  })
  async sameJudgmentCases(@Root() c: EnforcementCase, @Ctx() ctx: GraphQLContext): Promise<RelatedCase[]> {
    return (await ctx.services.cases.relatedCases(ctx.em, ctx.viewer!, c)).sameJudgment;
  }

  @FieldResolver(() => [RelatedCaseType], {
    description:
      'Deconfliction: open cases of other offices against a debtor with the same ID number (the number is not shown). Lead office officers only.',
  })
  async sameDebtorCases(@Root() c: EnforcementCase, @Ctx() ctx: GraphQLContext): Promise<RelatedCase[]> {
    return (await ctx.services.cases.relatedCases(ctx.em, ctx.viewer!, c)).sameDebtor;
  }

  @FieldResolver(() => [CasePartyType])
  parties(@Root() c: EnforcementCase, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.partiesByCase.load(c.id);
  }

  @FieldResolver(() => [ObligationType])
  obligations(@Root() c: EnforcementCase, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.obligationsByCase.load(c.id);
  }

  @FieldResolver(() => [CaseParticipantType], { description: 'Agencies taking part now (the lead included).' })
  participants(@Root() c: EnforcementCase, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.participantsByCase.load(c.id);
  }

  @FieldResolver(() => CaseTotals, { description: 'Money owed and collected over all obligations (exact đồng).' })
  async totals(@Root() c: EnforcementCase, @Ctx() ctx: GraphQLContext): Promise<CaseTotals> {
    const obligations = await ctx.loaders.obligationsByCase.load(c.id);
    const sum = (f: (o: Obligation) => string | null | undefined) => obligations.reduce((s, o) => s + BigInt(f(o) ?? '0'), 0n).toString();
    return {
      owed: sum((o) => o.amountOwed),
      collected: sum((o) => o.amountCollected),
      openObligations: obligations.filter((o) => !isSatisfied(o)).length,
    };
  }

  @FieldResolver(() => Boolean, { description: 'A legal deadline for the current step has passed.' })
  overdue(@Root() c: EnforcementCase): boolean {
    const now = new Date();
    if (c.status === CaseStatus.RECEIVED) return !!c.decisionDueAt && c.decisionDueAt < now;
    if (c.status === CaseStatus.VOLUNTARY_PERIOD || c.status === CaseStatus.VERIFICATION)
      return !!c.verificationDueAt && c.verificationDueAt < now;
    return false;
  }

  @FieldResolver(() => [CaseTransitionOptionType], {
    description: 'The lifecycle steps allowed from the current status (the server transition table); empty unless you may move the case.',
  })
  async availableTransitions(@Root() c: EnforcementCase, @Ctx() ctx: GraphQLContext): Promise<TransitionOption[]> {
    const facts = await ctx.loaders.caseFacts.load(c.id);
    if (!facts || !canOnCase(ctx.viewer!, 'case.transition', facts)) return [];
    return availableTransitions(c.status, c.resumeStatus, toLocalDate(c.receivedAt));
  }

  @FieldResolver(() => CaseAbilities)
  async viewerCan(@Root() c: EnforcementCase, @Ctx() ctx: GraphQLContext): Promise<CaseAbilities> {
    const facts = await ctx.loaders.caseFacts.load(c.id);
    const can = (a: 'case.update' | 'case.share' | 'case.transition' | 'party.readRestricted') =>
      !!facts && canOnCase(ctx.viewer!, a, facts);
    const thread = (a: 'task.assign' | 'thread.postDirective' | 'thread.postRecommendation') =>
      !!facts && canOnThread(ctx.viewer!, a, facts);
    return {
      update: can('case.update'),
      share: can('case.share'),
      transition: can('case.transition'),
      readRestricted: can('party.readRestricted'),
      assignTask: thread('task.assign'),
      postDirective: thread('thread.postDirective'),
      postRecommendation: thread('thread.postRecommendation'),
    };
  }
}

@Resolver(() => CasePartyType)
export class CasePartyResolver {
  @FieldResolver(() => RestrictedText, {
    description: 'CCCD/ID number: lead office and supervising procurators only; each read is audited.',
  })
  idNumber(@Root() p: CaseParty, @Ctx() ctx: GraphQLContext) {
    return restrictedPartyField(p, 'idNumber', ctx);
  }

  @FieldResolver(() => RestrictedText, { description: 'Phone: lead office and supervising procurators only; each read is audited.' })
  phone(@Root() p: CaseParty, @Ctx() ctx: GraphQLContext) {
    return restrictedPartyField(p, 'phone', ctx);
  }
}

async function restrictedPartyField(p: CaseParty, field: 'idNumber' | 'phone', ctx: GraphQLContext): Promise<RestrictedText> {
  const facts = await ctx.loaders.caseFacts.load(p.case.id);
  if (!ctx.viewer || !facts || !canOnCase(ctx.viewer, 'party.readRestricted', facts)) return withheld(WITHHELD_REASON);
  const [values] = await Promise.all([
    ctx.loaders.partyRestrictedById.load(p.id),
    ctx.personalDataReads.load({ subjectType: 'party', subjectId: p.id, field }),
  ]);
  return disclosed(values[field]);
}

@Resolver(() => CaseParticipantType)
export class CaseParticipantResolver {
  @FieldResolver(() => AgencyType)
  agency(@Root() p: CaseParticipant, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.agencyById.load(p.agency.id);
  }
}
