import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { PageArgsInput, toConnection } from '../../graphql/connection';
import { RequireAbility, SignedIn } from '../../graphql/guards';
import { disclosed, RestrictedText, withheld } from '../../graphql/restricted';
import { canOnCase, canOnThread } from '../../policy/abilities';
import { AgencyType } from '../agencies/agency.types';
import { AreaType } from '../areas/area.types';
import { UserType } from '../users/user.types';
import { availableTransitions, CaseStatus, type TransitionOption } from './case-lifecycle';
import { toLocalDate } from '../calendar/calendar.surface';
import { CaseParty, EnforcementCase, Obligation, type CaseParticipant } from './case.entity';
import { isSatisfied, recordingClosedOf, type PublicNotice, type RelatedCase } from './case.service';
import { IDEMPOTENCY_KEY_DOC } from '../../graphql/idempotency-doc';
import {
  CasePartyType,
  ObligationType,
  CaseParticipantType,
  CaseAbilities,
  CaseTransitionOptionType,
  CaseTotals,
  PublicNoticeType,
  RecordingClosedType,
  RelatedCaseType,
  CaseType,
  CaseConnection,
  PartyInput,
  AddObligationInput,
  UpdateCasePartyInput,
  RemoveCasePartyInput,
  UpdateObligationInput,
  RemoveObligationInput,
  CreateCaseInput,
  UpdateCaseInput,
  TransitionCaseInput,
  ObligationProgressInput,
  ShareCaseInput,
  UnshareCaseInput,
  CaseFilterInput,
} from './case.types';

const WITHHELD_REASON =
  'Thông tin cá nhân của đương sự được bảo vệ (Nghị định 13/2023/NĐ-CP); chỉ cơ quan chủ trì và kiểm sát viên có thẩm quyền được xem.';

const CASE_CHECK = 'case.read per case (participants + supervising bodies by area)';
const CHANGE_CHECK = 'case.update/share/transition: lead office officers';

@Resolver(() => CaseType)
export class CaseResolver {
  @SignedIn(CASE_CHECK)
  @Query(() => CaseType)
  async case(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID) id: string): Promise<EnforcementCase> {
    const { c, rows } = await ctx.services.cases.getPage(ctx.em, ctx.viewer!, id);
    // The page's rows came with the case (one statement): the field resolvers' loaders find them primed.
    if (rows) {
      ctx.loaders.partiesByCase.prime(c.id, rows.parties);
      ctx.loaders.obligationsByCase.prime(c.id, rows.obligations);
      ctx.loaders.participantsByCase.prime(c.id, rows.participants);
      for (const a of rows.agencies) ctx.loaders.agencyById.prime(a.id, a);
      if (rows.commune) ctx.loaders.areaById.prime(rows.commune.id, rows.commune);
      if (rows.officer) ctx.loaders.userById.prime(rows.officer.id, rows.officer);
      ctx.loaders.actionsByCase.prime(c.id, rows.actions);
    }
    return c;
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
  @Mutation(() => CaseType, {
    description: "Corrects a party's details (logged as case.partyUpdated; CONFLICT when the version is stale).",
  })
  updateCaseParty(@Ctx() ctx: GraphQLContext, @Arg('input') input: UpdateCasePartyInput): Promise<EnforcementCase> {
    return ctx.services.cases.updateParty(ctx.em, ctx.viewer!, input);
  }

  @SignedIn(CHANGE_CHECK)
  @Mutation(() => CaseType, {
    description: 'Removes a party added by mistake; RULE_VIOLATION (PARTY_IN_OBLIGATION) while an obligation names it.',
  })
  removeCaseParty(@Ctx() ctx: GraphQLContext, @Arg('input') input: RemoveCasePartyInput): Promise<EnforcementCase> {
    return ctx.services.cases.removeParty(ctx.em, ctx.viewer!, input);
  }

  @SignedIn(CHANGE_CHECK)
  @Mutation(() => CaseType, { description: 'Corrects an obligation; the amount owed may not drop below what was collected.' })
  updateObligation(@Ctx() ctx: GraphQLContext, @Arg('input') input: UpdateObligationInput): Promise<EnforcementCase> {
    const { caseId, version, obligationId, debtorId, creditorId, ...o } = input;
    return ctx.services.cases.updateObligation(ctx.em, ctx.viewer!, {
      caseId,
      version,
      obligationId,
      obligation: { ...o, debtor: debtorId, creditor: creditorId },
    });
  }

  @SignedIn(CHANGE_CHECK)
  @Mutation(() => CaseType, {
    description: 'Removes an obligation entered by mistake; RULE_VIOLATION (MONEY_COLLECTED) once money or a result was recorded on it.',
  })
  removeObligation(@Ctx() ctx: GraphQLContext, @Arg('input') input: RemoveObligationInput): Promise<EnforcementCase> {
    return ctx.services.cases.removeObligation(ctx.em, ctx.viewer!, input);
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

@Resolver(() => ObligationType)
export class ObligationResolver {
  @FieldResolver(() => ID, { nullable: true, description: "The party who must perform it (one of the case's parties)." })
  debtorId(@Root() o: Obligation): string | null {
    return o.debtor?.id ?? null;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The party it is owed to.' })
  creditorId(@Root() o: Obligation): string | null {
    return o.creditor?.id ?? null;
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
  // The policy allowed it: the value is read in the same statement that appends its audit record
  // (audit/personal-data-reads.ts), so it cannot be read without being audited.
  return disclosed(await ctx.personalDataReads.load({ subjectType: 'party', subjectId: p.id, field }));
}

@Resolver(() => CaseParticipantType)
export class CaseParticipantResolver {
  @FieldResolver(() => AgencyType)
  agency(@Root() p: CaseParticipant, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.agencyById.load(p.agency.id);
  }
}
