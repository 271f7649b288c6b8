import { actionFactsOf, canOnAction, canOnCase, type ActionAbility } from '../../policy/abilities';
import { disclosed, RestrictedText, withheld } from '../../graphql/restricted';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { SignedIn } from '../../graphql/guards';
import { AgencyType } from '../agencies/agency.types';
import { TaskType } from '../tasks/task.types';
import { CaseType } from '../cases/case.types';
import type { EnforcementCase } from '../cases/case.entity';
import { UserType } from '../users/user.types';
import { AccountFreeze, ActionInvitee, ActionOutcomeEntry, ActionParticipant, CaseAction } from './action.entity';
import { IDEMPOTENCY_KEY_DOC } from '../../graphql/idempotency-doc';
import { cite } from '../calendar/calendar.surface';
import { lawDateOf } from './coercion-rules';
import {
  ActionAbilities,
  ActionParticipantType,
  ActionInviteeType,
  ActionOutcomeEntryType,
  CaseActionType,
  PlanActionInput,
  StepActionInput,
  RespondInvitationInput,
  RecordUrgentFreezeInput,
  RecordFreezeDecisionInput,
  AccountFreezeType,
  RecordProtectionPlanInput,
  RequestPostponementInput,
  RecordActionOutcomeInput,
  CorrectActionOutcomeInput,
  InviteToActionInput,
  RecordInviteeAnswerInput,
  CaseDeadlineType,
} from './action.types';

const ACTION_READ = 'case.read on the action’s case';
const ACTION_PLAN = 'action.plan: lead office officers (case.update)';

@Resolver(() => CaseActionType)
export class ActionResolver {
  @SignedIn(ACTION_READ)
  @Query(() => CaseActionType)
  action(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID) id: string): Promise<CaseAction> {
    return ctx.services.actions.get(ctx.em, ctx.viewer!, id);
  }

  @SignedIn(ACTION_READ)
  @Query(() => [CaseActionType], { description: 'Actions of one case, in schedule order.' })
  caseActions(@Ctx() ctx: GraphQLContext, @Arg('caseId', () => ID) caseId: string): Promise<CaseAction[]> {
    return ctx.services.actions.listForCase(ctx.em, ctx.viewer!, caseId);
  }

  @SignedIn(`${ACTION_PLAN}; coercions: Điều 45, 46, 72 checked by the service`)
  @Mutation(() => CaseActionType, {
    description: 'Plans an action; a coercion is checked against Điều 45, 46, 72 and sent to the procuracy, police and commune.',
  })
  planAction(
    @Ctx() ctx: GraphQLContext,
    @Arg('input') input: PlanActionInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) idempotencyKey?: string | null,
  ): Promise<CaseAction> {
    return ctx.services.actions.plan(ctx.em, ctx.viewer!, input, idempotencyKey);
  }

  @SignedIn(ACTION_PLAN)
  @Mutation(() => CaseActionType, { description: 'Moves an action along its workflow; an illegal step gives RULE_VIOLATION.' })
  stepAction(@Ctx() ctx: GraphQLContext, @Arg('input') input: StepActionInput): Promise<CaseAction> {
    return ctx.services.actions.step(ctx.em, ctx.viewer!, input);
  }

  @SignedIn('action.respondInvitation: members of the invited agency')
  @Mutation(() => ActionParticipantType, {
    description: 'Confirms or declines (with a reason) an invitation; the attend-action task follows.',
  })
  respondToInvitation(
    @Ctx() ctx: GraphQLContext,
    @Arg('input') input: RespondInvitationInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) idempotencyKey?: string | null,
  ): Promise<ActionParticipant> {
    return ctx.services.actions.respondToInvitation(ctx.em, ctx.viewer!, input, idempotencyKey);
  }

  @SignedIn('action.recordProtectionPlan: members of the invited police agency')
  @Mutation(() => CaseActionType, { description: 'The police record their protection plan (Điều 72 khoản 4).' })
  recordProtectionPlan(@Ctx() ctx: GraphQLContext, @Arg('input') input: RecordProtectionPlanInput): Promise<CaseAction> {
    return ctx.services.actions.recordProtectionPlan(ctx.em, ctx.viewer!, input);
  }

  @SignedIn('case.update: lead office officers')
  @Mutation(() => AccountFreezeType, {
    description: 'Rule 8: records an urgent account freeze; the decision is due within 24 h and the record goes to the procuracy at once.',
  })
  recordUrgentFreeze(
    @Ctx() ctx: GraphQLContext,
    @Arg('input') input: RecordUrgentFreezeInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) idempotencyKey?: string | null,
  ): Promise<AccountFreeze> {
    return ctx.services.actions.recordUrgentFreeze(ctx.em, ctx.viewer!, input, idempotencyKey);
  }

  @SignedIn('case.update: lead office officers')
  @Mutation(() => AccountFreezeType, { description: 'Rule 8: records the freeze decision (sent to the procuracy; late after 24 h).' })
  recordFreezeDecision(@Ctx() ctx: GraphQLContext, @Arg('input') input: RecordFreezeDecisionInput): Promise<AccountFreeze> {
    return ctx.services.actions.recordFreezeDecision(ctx.em, ctx.viewer!, input);
  }

  @SignedIn(ACTION_PLAN)
  @Mutation(() => CaseActionType, {
    description: 'Records a postponement request; under 24 h before the start it is flagged late (Điều 48).',
  })
  requestActionPostponement(@Ctx() ctx: GraphQLContext, @Arg('input') input: RequestPostponementInput): Promise<CaseAction> {
    return ctx.services.actions.requestPostponement(ctx.em, ctx.viewer!, input);
  }

  @SignedIn(ACTION_PLAN)
  @Mutation(() => CaseActionType, {
    description: 'Records outcome, minutes and money collected; completes the action (and optionally the case).',
  })
  recordActionOutcome(
    @Ctx() ctx: GraphQLContext,
    @Arg('input') input: RecordActionOutcomeInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) idempotencyKey?: string | null,
  ): Promise<CaseAction> {
    return ctx.services.actions.recordOutcome(ctx.em, ctx.viewer!, input, idempotencyKey);
  }

  @SignedIn(ACTION_PLAN)
  @Mutation(() => CaseActionType, {
    description: 'Corrects the outcome in force with a correcting entry (with a reason); money totals follow. Never an edit in place.',
  })
  correctActionOutcome(
    @Ctx() ctx: GraphQLContext,
    @Arg('input') input: CorrectActionOutcomeInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) idempotencyKey?: string | null,
  ): Promise<CaseAction> {
    return ctx.services.actions.correctOutcome(ctx.em, ctx.viewer!, { ...input, idempotencyKey });
  }

  @SignedIn(ACTION_PLAN)
  @Mutation(() => CaseActionType, { description: 'Invites more agencies (each gets its attend-action task) and named people.' })
  inviteToAction(@Ctx() ctx: GraphQLContext, @Arg('input') input: InviteToActionInput): Promise<CaseAction> {
    return ctx.services.actions.invite(ctx.em, ctx.viewer!, input);
  }

  @SignedIn(ACTION_PLAN)
  @Mutation(() => ActionInviteeType, { description: 'Records a named person’s answer (confirmed, or declined with a note).' })
  recordInviteeAnswer(@Ctx() ctx: GraphQLContext, @Arg('input') input: RecordInviteeAnswerInput): Promise<ActionInvitee> {
    return ctx.services.actions.recordInviteeAnswer(ctx.em, ctx.viewer!, input);
  }

  @FieldResolver(() => ID)
  caseId(@Root() a: CaseAction): string {
    return a.case.id;
  }

  @FieldResolver(() => UserType)
  leadOfficer(@Root() a: CaseAction, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.userById.load(a.leadOfficer.id);
  }

  @FieldResolver(() => [ActionParticipantType])
  participants(@Root() a: CaseAction, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.participantsByAction.load(a.id);
  }

  @FieldResolver(() => [ActionInviteeType], { description: 'Named people invited (not users), in invitation order.' })
  invitees(@Root() a: CaseAction, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.inviteesByAction.load(a.id);
  }

  @FieldResolver(() => [ActionOutcomeEntryType], {
    description: 'Every recorded outcome, oldest first: the first record and each correcting entry (the last is in force).',
  })
  outcomeHistory(@Root() a: CaseAction, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.outcomeEntriesByAction.load(a.id);
  }

  @FieldResolver(() => ActionAbilities)
  async viewerCan(@Root() a: CaseAction, @Ctx() ctx: GraphQLContext): Promise<ActionAbilities> {
    // Facts from the request's loaders, so a list of actions costs no query per row.
    const [facts, participants] = await Promise.all([ctx.loaders.caseFacts.load(a.case.id), ctx.loaders.participantsByAction.load(a.id)]);
    const agencies = await Promise.all(participants.map((p) => ctx.loaders.agencyById.load(p.agency.id)));
    const actionFacts = actionFactsOf(participants.map((p, i) => ({ id: p.agency.id, kind: agencies[i]?.kind ?? '' })));
    const can = (ability: ActionAbility) => !!facts && canOnAction(ctx.viewer!, ability, actionFacts, facts);
    return {
      plan: can('action.plan'),
      respondInvitation: can('action.respondInvitation'),
      recordProtectionPlan: can('action.recordProtectionPlan'),
    };
  }
}

/** Action-related fields of a case: its actions and its legal deadlines. */
@Resolver(() => CaseType)
export class CaseActionsFieldResolver {
  @FieldResolver(() => [CaseActionType], { description: 'Actions of the case, in schedule order.' })
  actions(@Root() c: EnforcementCase, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.actionsByCase.load(c.id);
  }

  @FieldResolver(() => [AccountFreezeType], { description: 'Urgent account freezes of the case (rule 8), oldest first.' })
  accountFreezes(@Root() c: EnforcementCase, @Ctx() ctx: GraphQLContext) {
    return ctx.services.actions.accountFreezes(ctx.em, c);
  }

  @FieldResolver(() => String, {
    description: 'Rule 8: the legal source of an urgent account freeze for this case (the citation table, by the law in force for it).',
  })
  urgentFreezeSource(@Root() c: EnforcementCase): string {
    return cite('URGENT_FREEZE', lawDateOf(c));
  }

  @FieldResolver(() => [CaseDeadlineType], { description: 'Voluntary-period end, verification due, protection plans due.' })
  async deadlines(@Root() c: EnforcementCase, @Ctx() ctx: GraphQLContext) {
    // The case's actions through the batch loader (primed by the case page): no query per case.
    return ctx.services.actions.deadlines(ctx.em, c, new Date(), await ctx.loaders.actionsByCase.load(c.id));
  }
}

@Resolver(() => ActionOutcomeEntryType)
export class ActionOutcomeEntryResolver {
  @FieldResolver(() => ID, { nullable: true, description: 'The entry this one corrects.' })
  correctsId(@Root() e: ActionOutcomeEntry): string | null {
    return e.corrects?.id ?? null;
  }

  @FieldResolver(() => UserType)
  recordedBy(@Root() e: ActionOutcomeEntry, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.userById.load(e.recordedBy.id);
  }
}

const INVITEE_PHONE_WITHHELD =
  'Số điện thoại của người được mời được bảo vệ (Nghị định 13/2023/NĐ-CP); chỉ cơ quan chủ trì và kiểm sát viên có thẩm quyền được xem.';

@Resolver(() => ActionInviteeType)
export class ActionInviteeResolver {
  @FieldResolver(() => RestrictedText, { description: 'Phone: lead office and supervising procurators only; each read is audited.' })
  async phone(@Root() p: ActionInvitee, @Ctx() ctx: GraphQLContext): Promise<RestrictedText> {
    const action = await ctx.loaders.actionById.load(p.action.id);
    const facts = action ? await ctx.loaders.caseFacts.load(action.case.id) : undefined;
    if (!ctx.viewer || !facts || !canOnCase(ctx.viewer, 'party.readRestricted', facts)) return withheld(INVITEE_PHONE_WITHHELD);
    // Read and audited in one statement (audit/personal-data-reads.ts).
    return disclosed(await ctx.personalDataReads.load({ subjectType: 'invitee', subjectId: p.id, field: 'phone' }));
  }
}

@Resolver(() => ActionParticipantType)
export class ActionParticipantResolver {
  @FieldResolver(() => AgencyType)
  agency(@Root() p: ActionParticipant, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.agencyById.load(p.agency.id);
  }

  @FieldResolver(() => TaskType, { nullable: true, description: 'The attend-action task created with the invitation.' })
  task(@Root() p: ActionParticipant, @Ctx() ctx: GraphQLContext) {
    return p.task ? ctx.loaders.taskById.load(p.task.id) : null;
  }
}
